"""The write actions: typed values, the checks every channel shares, domain rules as named
errors, audit rows with enum values, and mail only once the transaction is committed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.html import escape

from onderwijsgids.cli import main
from onderwijsgids.workspace import actions
from onderwijsgids.workspace.checks import (DuplicateApplication, InvalidValues,
                                            check_company_name)
from onderwijsgids.workspace.domain.values import (ApplicationValues, CompanyProfile,
                                                   LearnerValues)
from onderwijsgids.workspace.models import Application, AuditLog, Company, Learner, Membership

from .conftest import a_crebo

SAM = LearnerValues(naam="Sam Voorbeeld", leerweg="bbl", start=dt.date(2026, 9, 1),
                    eind=dt.date(2028, 7, 1))


# --- one application per regeling and year ----------------------------------------------------


def test_a_direct_call_with_a_duplicate_application_raises_the_named_error(world):
    company, existing = world["a"]["company"], world["a"]["application"]
    before = AuditLog.objects.filter(company=company).count()
    with pytest.raises(DuplicateApplication) as refused:
        actions.do_create_application(company, ApplicationValues(
            regeling=existing.regeling, jaar=existing.jaar, status="aangevraagd"),
            acting_user=world["owner_a"])
    assert (refused.value.regeling, refused.value.jaar) == (existing.regeling, existing.jaar)
    assert [(f.field, f.message) for f in refused.value.problems] == [
        ("jaar", "Voor deze regeling en dit jaar bestaat al een aanvraag.")]
    assert Application.objects.filter(company=company).count() == 1
    assert AuditLog.objects.filter(company=company).count() == before


def test_changing_an_application_into_an_existing_one_raises_the_named_error(world):
    company, existing = world["a"]["company"], world["a"]["application"]
    other = actions.do_create_application(company, ApplicationValues(
        regeling=existing.regeling, jaar="2026/27"), acting_user=world["owner_a"])
    with pytest.raises(DuplicateApplication):
        actions.do_update_application(other, replace(ApplicationValues.of(other),
                                                     jaar=existing.jaar),
                                      acting_user=world["owner_a"])
    other.refresh_from_db()
    assert other.jaar == "2026/27"
    # The same regeling in another company is no duplicate.
    actions.do_create_application(world["b"]["company"], ApplicationValues(
        regeling=existing.regeling, jaar="2026/27"), acting_user=world["owner_b"])


def test_the_form_shows_the_duplicate_at_the_year(owner_client, world):
    company, existing = world["a"]["company"], world["a"]["application"]
    response = owner_client.post(f"/bedrijf/{company.pk}/aanvragen/nieuw/", {
        "regeling": existing.regeling, "jaar": existing.jaar, "status": "te-doen",
        "bedrag": "", "datum": "", "notitie": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'href="#id_jaar"' in page
    assert "Voor deze regeling en dit jaar bestaat al een aanvraag." in page
    assert Application.objects.filter(company=company).count() == 1


# --- the same checks through the action and through the form ----------------------------------


BAD_LEARNERS = [
    (dict(eind=dt.date(2025, 1, 1)), "eind", "De einddatum ligt vóór de startdatum."),
    (dict(eind=dt.date(2034, 9, 2)), "eind",
     "De einddatum ligt meer dan 8 jaar na de startdatum."),
    (dict(crebo="00000"), "crebo", "Crebocode 00000 staat niet in de onderwijsgids."),
    (dict(leerweg="bijles"), "leerweg",
     "Kies uit bol, bbl, hbo-duaal, hbo-deeltijd, hbo-voltijd, vmbo, havo-vwo."),
    (dict(naam="Sam\r\nBcc: iedereen@example.org"), "naam",
     "Deze tekst mag geen regeleinde bevatten; schrijf het op één regel."),
    (dict(hbo_domein="sport"), "hbo_domein",
     "Kies als hbo-domein uit techniek, landbouw, zorg, gedrag-maatschappij, ander."),
    (dict(aangevraagd=["geen-regeling"]), "aangevraagd",
     "Bij ‘al aangevraagd’: geen-regeling is geen regeling uit de onderwijsgids."),
    (dict(start=dt.date(999, 9, 1)), "start", "De datum moet tussen 1900 en 2100 liggen."),
]


def _form_data(values: LearnerValues) -> dict:
    data = {k: ("" if v is None else v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in values.as_dict().items()}
    data["via_bvm"] = "on" if values.via_bvm else ""
    data["leerwerktraject"] = "unknown"
    return {**data, "version": ""}


@pytest.mark.parametrize(("change", "field", "message"), BAD_LEARNERS)
def test_bad_values_through_the_action_raise_what_the_form_shows(owner_client, world, change,
                                                                 field, message):
    company = world["a"]["company"]
    values = replace(SAM, **change)
    with pytest.raises(InvalidValues) as refused:
        actions.do_create_learner(company, values, acting_user=world["owner_a"])
    assert [(f.field, f.message) for f in refused.value.problems] == [(field, message)]
    page = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", _form_data(values))
    assert page.status_code == 422
    html = page.content.decode()
    assert f'href="#id_{field}' in html
    assert escape(message) in html
    assert not Learner.objects.filter(company=company, naam__startswith="Sam").exists()


def test_an_update_with_bad_values_changes_nothing(world):
    learner = world["a"]["learner"]
    with pytest.raises(InvalidValues) as refused:
        actions.do_update_learner(learner, replace(LearnerValues.of(learner),
                                                   eind=learner.start - dt.timedelta(days=1)),
                                  expected_version=learner.version,
                                  acting_user=world["owner_a"])
    assert refused.value.problems[0].field == "eind"
    stored = Learner.objects.get(pk=learner.pk)
    assert (stored.eind, stored.version) == (learner.eind, learner.version)


def test_the_csv_import_gives_the_forms_message_for_an_unknown_crebo(owner_client, world):
    company = world["a"]["company"]
    upload = SimpleUploadedFile("leerlingen.csv", (
        "naam;leerweg;crebo;school;start;eind;praktijkopleider;praktijkovereenkomst;via_bvm\r\n"
        "Kim;bbl;00000;ROC;2026-09-01;2028-07-01;;;nee\r\n").encode())
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": upload})
    assert response.status_code == 422
    assert ("<td>2</td><td>crebo</td><td>Crebocode 00000 staat niet in de onderwijsgids."
            in response.content.decode())


def test_the_import_action_checks_every_row_and_writes_none(world):
    company = world["a"]["company"]
    before = company.learners.count()
    with pytest.raises(InvalidValues):
        actions.do_import_learners(company, [SAM, replace(SAM, crebo="00000")],
                                   acting_user=world["owner_a"])
    assert company.learners.count() == before


def test_a_company_name_is_checked_alike_everywhere(owner_client, world, capsys):
    bad = "Smederij\nBcc: x@elders.test"
    with pytest.raises(InvalidValues) as refused:
        check_company_name(bad)
    message = refused.value.problems[0].message
    with pytest.raises(InvalidValues):
        actions.do_create_company(CompanyProfile(naam=bad), acting_user=None)
    company = world["a"]["company"]
    page = owner_client.post(f"/bedrijf/{company.pk}/profiel/", {"naam": bad})
    assert page.status_code == 422 and message in page.content.decode()
    assert main(["bedrijf", "--naam", bad, "--eigenaar", "baas@smederij.test"]) == 2
    assert message in capsys.readouterr().err
    # The profile import names the line and the answer in words, with the same rule.
    imported = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                 {"import-profiel": 'naam: "Smederij\\nBcc: x@elders.test"'})
    assert imported.status_code == 422
    assert (escape("Regel 1 (de naam van je bedrijf): mag geen regeleinde bevatten; schrijf het "
                   "op één regel")
            in imported.content.decode())
    company.refresh_from_db()
    assert company.naam == "Bedrijf A"
    assert not Company.objects.filter(naam__startswith="Smederij").exists()


def test_a_profile_import_keeps_what_it_does_not_answer(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                 {"import-profiel": "medewerkers: 12\n", "bevestigen": "1"})
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.naam, company.plaats, company.medewerkers) == ("Bedrijf A", "Testdorp", 12)


# --- audit rows ---------------------------------------------------------------------------------


def test_audit_rows_carry_the_enum_values(owner_client, world):
    company = world["a"]["company"]
    learner = actions.do_create_learner(company, replace(SAM, crebo=a_crebo()),
                                        acting_user=world["owner_a"])
    row = AuditLog.objects.filter(company=company).latest("id")  # the action's own row
    assert (row.object_id, row.action) == (str(learner.pk), AuditLog.Action.CREATE)
    assert row.object_type == AuditLog.ObjectType.LEARNER == "leerling"
    assert row.get_object_type_display() == "leerling"
    owner_client.get(f"/bedrijf/{company.pk}/leerlingen/")
    owner_client.post(f"/bedrijf/{company.pk}/uitnodigen/",
                      {"email": "nieuw@bedrijf-a.test", "rol": "employee"})
    stored = set(AuditLog.objects.values_list("object_type", "action"))
    assert {(AuditLog.ObjectType.LEARNERS, AuditLog.Action.READ),
            (AuditLog.ObjectType.INVITATION, AuditLog.Action.CREATE)} <= stored
    assert {t for t, _a in stored} <= set(AuditLog.ObjectType.values)
    assert {a for _t, a in stored} <= set(AuditLog.Action.values)


def test_an_object_type_outside_the_enum_is_refused(world):
    with pytest.raises(ValueError):
        actions.audit(None, world["a"]["company"], "iets", "", AuditLog.Action.READ)
    with pytest.raises(ValueError):
        actions.audit(None, world["a"]["company"], AuditLog.ObjectType.LEARNER, "", "lezen")


# --- mail on commit -----------------------------------------------------------------------------


def test_the_invitation_is_mailed_only_on_commit(world, django_capture_on_commit_callbacks):
    company = world["a"]["company"]
    with django_capture_on_commit_callbacks() as callbacks:
        link = actions.do_invite_member(company, email="nieuw@bedrijf-a.test",
                                        role=Membership.Role.EMPLOYEE,
                                        site_url="https://gids.example.nl",
                                        acting_user=world["owner_a"])
        assert mail.outbox == []
    assert len(callbacks) == 1 and mail.outbox == []
    callbacks[0]()
    assert [m.to for m in mail.outbox] == [["nieuw@bedrijf-a.test"]]
    assert link.startswith("https://gids.example.nl/account/uitnodiging/")
    assert link in mail.outbox[0].body
    assert AuditLog.objects.filter(company=company, object_type="uitnodiging",
                                   action="create").count() == 1


def test_an_invitation_rolled_back_sends_no_mail(world, django_capture_on_commit_callbacks):
    company = world["a"]["company"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            actions.do_invite_member(company, email="nieuw@bedrijf-a.test",
                                     role=Membership.Role.EMPLOYEE, acting_user=world["owner_a"])
            raise RuntimeError("iets anders mislukt in dezelfde transactie")
    assert callbacks == [] and mail.outbox == []
    assert not AuditLog.objects.filter(company=company, object_type="uitnodiging").exists()


def test_the_invite_page_mails_on_commit(owner_client, world, django_capture_on_commit_callbacks):
    company = world["a"]["company"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = owner_client.post(f"/bedrijf/{company.pk}/uitnodigen/",
                                     {"email": "nieuw@bedrijf-a.test", "rol": "owner"})
    assert response.status_code == 302 and len(callbacks) == 1
    link = re.search(r"http://testserver(/account/uitnodiging/\S+/)", mail.outbox[-1].body)[1]
    assert owner_client.get(link).status_code == 200  # the page to choose a password


# --- months -------------------------------------------------------------------------------------


def test_anonymising_counts_whole_months_to_the_end_of_a_month(world):
    """31 May minus one month is 30 April: a learner who ended on 29 April ended more than a
    month ago, one who ended on 30 April not yet."""
    company = world["a"]["company"]
    owner = world["owner_a"]
    ended = actions.do_create_learner(company, replace(SAM, naam="Al Klaar",
                                                       start=dt.date(2025, 9, 1),
                                                       eind=dt.date(2026, 4, 29)),
                                      acting_user=owner)
    just = actions.do_create_learner(company, replace(SAM, naam="Net Klaar",
                                                      start=dt.date(2025, 9, 1),
                                                      eind=dt.date(2026, 4, 30)),
                                     acting_user=owner)
    assert actions.do_anonymise_expired(months=1, today=dt.date(2026, 5, 31)) == 1
    ended.refresh_from_db()
    just.refresh_from_db()
    assert ended.geanonimiseerd and not just.geanonimiseerd
    row = AuditLog.objects.get(object_id=str(ended.pk), action=AuditLog.Action.ERASE)
    assert (row.object_type, row.actor_label) == (AuditLog.ObjectType.LEARNER, "systeem")
