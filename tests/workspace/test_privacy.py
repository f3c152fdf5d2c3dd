"""AVG: export, erase without a trace (checked in every table), anonymisation, audit log."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import models

from onderwijsgids.cli import main
from onderwijsgids.workspace import actions, reminders
from onderwijsgids.workspace.models import Learner, Membership

from .conftest import make_user

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def rows_mentioning(text: str) -> list[str]:
    """Every row in every table of the project whose text holds ``text``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, TEXT_FIELDS):
                lookup = f"{field.name}__icontains"
                try:
                    if model.objects.filter(**{lookup: text}).exists():
                        found.append(f"{model._meta.label}.{field.name}")
                except Exception:  # JSON contains on a backend without support
                    if any(text in str(getattr(o, field.name)) for o in model.objects.all()):
                        found.append(f"{model._meta.label}.{field.name}")
    return found


def test_company_export_holds_all_personal_data(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.get(f"/bedrijf/{company.pk}/privacy/persoonsgegevens.json")
    assert response.status_code == 200
    data = response.json()
    assert [learner["naam"] for learner in data["leerlingen"]] == ["Leerling van Bedrijf A"]
    assert data["scholing"][0]["medewerker"] == "Medewerker van Bedrijf A"
    assert any(e["actie"] == "export" for e in owner_client.get(
        f"/bedrijf/{company.pk}/privacy/persoonsgegevens.json").json()["auditlog"])
    person = owner_client.get(f"/bedrijf/{company.pk}/privacy/medewerker.json",
                              {"medewerker": "Medewerker van Bedrijf A"}).json()
    assert len(person["scholing"]) == 1


def test_erasing_a_learner_removes_every_trace(owner_client, world):
    company, learner = world["a"]["company"], world["a"]["learner"]
    name = learner.naam
    # Make derived data exist: deadlines and a sent reminder for this learner's study year.
    assert learner.deadline_set.exists() or company.deadlines.exists()
    reminders.run(dt.date.today())
    assert rows_mentioning(name), "de naam staat eerst in de database"
    response = owner_client.post(f"/bedrijf/{company.pk}/privacy/leerling/{learner.pk}/wissen/")
    assert response.status_code == 302
    assert rows_mentioning(name) == []
    assert not Learner.objects.filter(pk=learner.pk).exists()
    audit = company.audit_entries.filter(object_id=str(learner.pk), action="erase")
    assert audit.exists()


def test_erasing_an_employee_removes_their_courses(owner_client, world):
    company = world["a"]["company"]
    name = "Medewerker van Bedrijf A"
    owner_client.post(f"/bedrijf/{company.pk}/privacy/medewerker/wissen/", {"medewerker": name})
    assert rows_mentioning(name) == []


def test_erasing_an_employee_without_a_name_says_so_and_erases_nothing(owner_client, world):
    company = world["a"]["company"]
    url = f"/bedrijf/{company.pk}/privacy/medewerker/wissen/"
    trainings = company.trainings.count()
    for name in ("", "   "):
        response = owner_client.post(url, {"medewerker": name})
        assert response.status_code == 422
        page = response.content.decode()
        assert '<a href="#id_medewerker">Naam van de medewerker: Dit veld is verplicht.</a>' in page
        assert 'id="id_medewerker-fout"' in page and 'aria-invalid="true"' in page
    too_long = "M" * 201
    page = owner_client.post(url, {"medewerker": too_long}).content.decode()
    assert f'value="{too_long}"' in page and 'href="#id_medewerker"' in page
    assert company.trainings.count() == trainings
    assert not company.audit_entries.filter(object_type="medewerker", action="erase").exists()
    assert rows_mentioning("Medewerker van Bedrijf A")


def test_learners_are_anonymised_months_after_their_end(world, settings, capsys):
    learner = world["a"]["learner"]
    months = settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN
    day_after = learner.eind + dt.timedelta(days=31 * months + 2)
    assert main(["privacy", "--datum", (learner.eind + dt.timedelta(days=1)).isoformat()]) == 0
    learner.refresh_from_db()
    assert not learner.geanonimiseerd
    assert main(["privacy", "--datum", day_after.isoformat()]) == 0
    learner.refresh_from_db()
    assert learner.geanonimiseerd and learner.naam == actions.ANONYMOUS
    assert rows_mentioning("Leerling van Bedrijf A") == []
    assert main(["privacy", "--maanden", "-1"]) == 2


def test_audit_log_is_for_the_owner_only(client, world):
    company = world["a"]["company"]
    employee = make_user("medewerker@bedrijf-a.test")
    actions.do_add_member(company, employee, role=Membership.Role.EMPLOYEE,
                          acting_user=world["owner_a"])
    client.force_login(employee)
    client.get(f"/bedrijf/{company.pk}/leerlingen/{world['a']['learner'].pk}/")
    assert client.get(f"/bedrijf/{company.pk}/privacy/").status_code == 403
    client.force_login(world["owner_a"])
    page = client.get(f"/bedrijf/{company.pk}/privacy/").content.decode()
    assert "medewerker@bedrijf-a.test" in page and "ingezien" in page
