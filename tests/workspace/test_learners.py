"""Learners: forms, derived figures from content, CSV all-or-nothing, optimistic locking."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from django.utils.html import escape

from onderwijsgids.workspace import actions
from onderwijsgids.vocabulary import euro
from onderwijsgids.workspace import services
from onderwijsgids.workspace.domain.values import LearnerValues
from onderwijsgids.workspace.domain.csvio import export_learners, parse_learners
from onderwijsgids.workspace.models import AuditLog, Deadline, Learner

from .conftest import a_crebo


def _form(**overrides):
    data = {"naam": "Sam Voorbeeld", "leerweg": "bbl", "crebo": a_crebo(), "school": "ROC",
            "start": "2026-09-01", "eind": "2028-07-01", "praktijkopleider": "",
            "praktijkovereenkomst": "", "version": ""}
    return {**data, **overrides}


def test_add_learner_shows_figures_per_study_year(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", _form())
    assert response.status_code == 302
    learner = Learner.objects.get(company=company, naam="Sam Voorbeeld")
    page = owner_client.get(response["Location"]).content.decode()
    assert "2026/27" in page and "2027/28" in page
    judgement = services.learner_regeling(company, learner, "subsidie-praktijkleren")
    for entry in judgement.perioden:  # exactly the engine's facts, nothing computed apart
        assert (f'<th scope="row">{entry.studiejaar}</th>'
                f'<td data-label="Begeleide weken">{entry.weken}</td>') in page
        if entry.schatting_eur is not None:
            assert euro(entry.schatting_eur) in page
    assert AuditLog.objects.filter(object_type="leerling", object_id=str(learner.pk),
                                   action="create").exists()


def test_bad_learner_input_is_refused_per_field_and_kept(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/",
                                 _form(leerweg="bijles", start="31-02-2026", crebo="123"))
    assert response.status_code == 422
    page = response.content.decode()
    assert 'href="#id_leerweg"' in page and 'href="#id_start"' in page
    assert 'href="#id_crebo"' in page and "Sam Voorbeeld" in page
    assert 'aria-invalid="true"' in page


def test_stale_edit_does_not_overwrite_and_keeps_input(owner_client, world):
    company, learner = world["a"]["company"], world["a"]["learner"]
    url = f"/bedrijf/{company.pk}/leerlingen/{learner.pk}/"
    stale_version = learner.version
    actions.do_update_learner(learner, replace(LearnerValues.of(learner), school="Eerste school"),
                              expected_version=stale_version, acting_user=world["owner_a"])
    response = owner_client.post(url, _form(naam=learner.naam, school="Mijn invoer",
                                            start=learner.start.isoformat(),
                                            eind=learner.eind.isoformat(),
                                            version=str(stale_version)))
    assert response.status_code == 409
    page = response.content.decode()
    assert "Iemand anders heeft deze leerling intussen gewijzigd" in page
    assert 'value="Mijn invoer"' in page
    learner.refresh_from_db()
    assert learner.school == "Eerste school"
    # Saving again from the conflict page (current version) succeeds.
    current = str(learner.version)
    response = owner_client.post(url, _form(naam=learner.naam, school="Mijn invoer",
                                            start=learner.start.isoformat(),
                                            eind=learner.eind.isoformat(), version=current))
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.school == "Mijn invoer"


CSV_GOOD = ("naam;leerweg;crebo;school;start;eind;praktijkopleider;praktijkovereenkomst;via_bvm\r\n"
            "Kim;bbl;{crebo};ROC;01-09-2026;2028-07-01;Jan;;nee\r\n"
            "Lex;bol;;ROC;2026-09-01;2027-07-01;;;ja\r\n")


def test_csv_import_accepts_a_good_file(owner_client, world):
    company = world["a"]["company"]
    before = company.learners.count()
    data = CSV_GOOD.format(crebo=a_crebo()).encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": SimpleUploadedFile("l.csv", data, "text/csv")})
    assert response.status_code == 302
    assert company.learners.count() == before + 2


def test_csv_with_one_bad_row_imports_nothing_and_reports_every_problem(owner_client, world):
    company = world["a"]["company"]
    before = company.learners.count()
    deadlines_before = Deadline.objects.filter(company=company).count()
    data = (CSV_GOOD.format(crebo=a_crebo())
            + "Mo;bbl;99999;ROC;2026-13-01;2025-01-01;;;misschien\r\n").encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": SimpleUploadedFile("l.csv", data, "text/csv")})
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("crebo", "start", "via_bvm"):
        assert f"<td>4</td><td>{field}</td>" in page
    assert company.learners.count() == before
    assert Deadline.objects.filter(company=company).count() == deadlines_before


def test_import_crash_halfway_leaves_nothing(world, monkeypatch):
    company = world["a"]["company"]
    before = company.learners.count()
    rows = parse_learners(CSV_GOOD.format(crebo=a_crebo()).encode(), None)

    def crash(company, kb=None):
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr("onderwijsgids.workspace.services.refresh_deadlines", crash)
    with pytest.raises(RuntimeError, match="stroom uitgevallen"):
        actions.do_import_learners(company, [LearnerValues(**row) for row in rows],
                                   acting_user=world["owner_a"])
    assert company.learners.count() == before


def test_csv_round_trip_and_formula_injection():
    rows = [{"naam": "=HYPERLINK(1)", "leerweg": "bbl", "crebo": "", "school": "", "start":
             dt.date(2026, 9, 1), "eind": dt.date(2027, 7, 1), "praktijkopleider": "",
             "praktijkovereenkomst": None, "via_bvm": True}]
    text = export_learners(rows)
    assert "'=HYPERLINK(1)" in text
    parsed = parse_learners(text.encode(), None)
    assert parsed[0]["via_bvm"] is True and parsed[0]["start"] == dt.date(2026, 9, 1)


def test_api_creates_and_lists_learners(client, world):
    client.force_login(world["owner_a"])
    company = world["a"]["company"]
    url = f"/api/v1/bedrijven/{company.pk}/leerlingen"
    bad = client.post(url, {"naam": "X", "leerweg": "zwemmen", "start": "2026-09-01",
                            "eind": "2025-01-01"}, content_type="application/json")
    assert bad.status_code == 422
    assert {f["veld"] for f in bad.json()["fouten"]} == {"leerweg", "eind"}
    good = client.post(url, {"naam": "Api Leerling", "leerweg": "bbl", "start": "2026-09-01",
                             "eind": "2027-07-01"}, content_type="application/json")
    assert good.status_code == 201
    names = [row["naam"] for row in client.get(url).json()]
    assert "Api Leerling" in names



def test_api_refuses_unknown_crebo_empty_name_and_overlong_text(client, world):
    client.force_login(world["owner_a"])
    company = world["a"]["company"]
    before = company.learners.count()
    bad = client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen",
                      {"naam": " ", "leerweg": "bbl", "crebo": "00000", "school": "s" * 201,
                       "praktijkopleider": "p" * 201, "start": "2026-09-01",
                       "eind": "2027-07-01"}, content_type="application/json")
    assert bad.status_code == 422
    assert {f["veld"] for f in bad.json()["fouten"]} == {"naam", "crebo", "school",
                                                         "praktijkopleider"}
    assert company.learners.count() == before


def test_api_and_page_refuse_a_learner_with_the_same_rules_and_messages(client, world):
    client.force_login(world["owner_a"])
    company = world["a"]["company"]
    bad = {"naam": " ", "leerweg": "zwemmen", "crebo": "00000", "school": "s" * 201,
           "start": "2026-09-01", "eind": "2025-01-01"}
    api = client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen", bad,
                      content_type="application/json")
    page = client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", _form(**bad))
    assert api.status_code == page.status_code == 422
    fouten = api.json()["fouten"]
    assert api.json()["detail"] == "Ongeldige invoer"
    assert [f["veld"] for f in fouten] == ["naam", "leerweg", "crebo", "school", "eind"]
    html = page.content.decode()
    for fout in fouten:
        assert f'href="#id_{fout["veld"]}"' in html
        assert escape(fout["melding"]) in html, fout
    meldingen = {f["veld"]: f["melding"] for f in fouten}
    assert meldingen["leerweg"] == "Kies uit bol, bbl, hbo-duaal, hbo-deeltijd, hbo-voltijd, vmbo, havo-vwo."
    assert meldingen["crebo"] == "Crebocode 00000 staat niet in de onderwijsgids."
    assert meldingen["eind"] == "De einddatum ligt vóór de startdatum."


def test_api_stores_the_values_the_form_cleaned(client, world):
    client.force_login(world["owner_a"])
    company = world["a"]["company"]
    response = client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen",
                           {"naam": "  Ali Api  ", "leerweg": "bbl", "crebo": a_crebo(),
                            "start": "2026-09-01", "eind": "2027-07-01", "via_bvm": True,
                            "praktijkovereenkomst": "2026-08-15"},
                           content_type="application/json")
    assert response.status_code == 201
    learner = Learner.objects.get(pk=response.json()["id"])
    assert learner.naam == response.json()["naam"] == "Ali Api"
    assert learner.via_bvm is True and learner.praktijkovereenkomst == dt.date(2026, 8, 15)


def test_bol_learner_page_explains_praktijkleren_does_not_apply(owner_client, world):
    company = world["a"]["company"]
    learner = actions.do_create_learner(company, LearnerValues(
        naam="Bo Bol", leerweg="bol", start=dt.date(2026, 9, 1), eind=dt.date(2027, 7, 1)),
        acting_user=world["owner_a"])
    page = owner_client.get(f"/bedrijf/{company.pk}/leerlingen/{learner.pk}/").content.decode()
    assert "deze leerling telt niet mee" in page and "bol" in page
    assert "Begeleide weken" not in page


def test_dates_in_three_fields_and_incomplete_dates(owner_client, world):
    company = world["a"]["company"]
    data = {k: v for k, v in _form().items() if k not in ("start", "eind")}
    data.update({"start_dag": "1", "start_maand": "9", "start_jaar": "2026",
                 "eind_dag": "", "eind_maand": "7", "eind_jaar": "2028"})
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", data)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Vul dag, maand en jaar in." in page and 'href="#id_eind"' in page
    assert 'value="2026"' in page and 'value="7"' in page  # the input is kept
    data["eind_dag"] = "1"
    assert owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", data).status_code == 302
    assert Learner.objects.get(naam="Sam Voorbeeld").eind == dt.date(2028, 7, 1)
