"""Bounded values through pages, the API and CSV: dates 1900-2100, a learner's span, one-line
text, NUL, integers within a database integer. Each refused as bad input naming the field, never
a 500, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from html import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from onderwijsgids.vocabulary import field_words
from onderwijsgids.workspace.models import Company, Deadline, Learner

from .conftest import a_crebo, verified_client

BAD_LEARNERS = [
    ({"start": "0999-09-01"}, "start", "tussen 1900 en 2100"),
    ({"start": "1000-09-01", "eind": "9998-07-01"}, "start", "tussen 1900 en 2100"),
    ({"eind": "9999-12-31"}, "eind", "tussen 1900 en 2100"),
    ({"start": "2026-09-01", "eind": "2034-09-02"}, "eind", "meer dan 8 jaar"),
    ({"naam": "Sam\r\nBcc: iedereen@example.org"}, "naam", "regeleinde"),
    ({"school": "ROC\nNoord"}, "school", "regeleinde"),
    ({"naam": "Sam\x00"}, "naam", ""),
]


def _learner(**overrides) -> dict:
    return {"naam": "Sam Voorbeeld", "leerweg": "bbl", "crebo": a_crebo(), "school": "ROC",
            "start": "2026-09-01", "eind": "2028-07-01", "praktijkopleider": "",
            "praktijkovereenkomst": "", **overrides}


@pytest.mark.parametrize(("overrides", "field", "message"), BAD_LEARNERS)
def test_the_learner_form_refuses_per_field(owner_client, world, overrides, field, message):
    company = world["a"]["company"]
    before = Deadline.objects.filter(company=company).count()
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", _learner(**overrides))
    assert response.status_code == 422
    page = response.content.decode()
    assert f'href="#id_{field}' in page and message in page
    assert not Learner.objects.filter(company=company, naam__startswith="Sam").exists()
    assert Deadline.objects.filter(company=company).count() == before


@pytest.mark.parametrize(("overrides", "field", "message"), BAD_LEARNERS)
def test_the_learner_api_refuses_per_field(owner_client, world, overrides, field, message):
    company = world["a"]["company"]
    body = {k: v for k, v in _learner(**overrides).items() if k != "praktijkovereenkomst"}
    response = owner_client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen", json.dumps(body),
                                 content_type="application/json")
    assert response.status_code == 422
    fouten = response.json()["fouten"]
    assert any(f["veld"] == field and message in f["melding"] for f in fouten), fouten
    assert not Learner.objects.filter(company=company, naam__startswith="Sam").exists()


def test_a_learner_of_eight_years_is_accepted(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen", json.dumps(
        {**_learner(start="2026-09-01", eind="2034-09-01"), "praktijkovereenkomst": None}),
        content_type="application/json")
    assert response.status_code == 201, response.content


HEADER = "naam;leerweg;crebo;school;start;eind;praktijkopleider;praktijkovereenkomst;via_bvm\r\n"


@pytest.mark.parametrize(("row", "field", "message"), [
    # The value rules are the form's (workspace.checks), so are their messages.
    ("Kim;bbl;;ROC;01-09-0999;2028-07-01;;;nee", "start",
     "De datum moet tussen 1900 en 2100 liggen."),
    ("Kim;bbl;;ROC;2026-09-01;9999-12-31;;;nee", "eind",
     "De datum moet tussen 1900 en 2100 liggen."),
    ("Kim;bbl;;ROC;2026-09-01;2035-07-01;;;nee", "eind",
     "De einddatum ligt meer dan 8 jaar na de startdatum."),
    ('"Kim\r\nBcc: x@example.org";bbl;;ROC;2026-09-01;2028-07-01;;;nee', "naam",
     "Deze tekst mag geen regeleinde bevatten"),
    ("Kim\x00;bbl;;ROC;2026-09-01;2028-07-01;;;nee", "bestand", "bevat een ongeldig teken (NUL)"),
    ('"' + "x" * 200_000 + '";bbl;;ROC;2026-09-01;2028-07-01;;;nee', "bestand",
     "is geen leesbare CSV"),
])
def test_the_csv_import_refuses_per_row_and_column(owner_client, world, row, field, message):
    company = world["a"]["company"]
    before = Learner.objects.filter(company=company).count()
    upload = SimpleUploadedFile("leerlingen.csv", (HEADER + row + "\r\n").encode())
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert f"<td>2</td><td>{field}</td><td>{message}" in page
    assert page.count("<td>2</td>") == 1  # one problem: no span message after a bad date
    assert Learner.objects.filter(company=company).count() == before


def test_a_csv_that_is_no_text_is_refused_in_dutch(owner_client, world):
    company = world["a"]["company"]
    upload = SimpleUploadedFile("leerlingen.csv", HEADER.encode() + b"\x81\x8d\x8f\x90\x9d\r\n")
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert "geen tekst" in page and "codec" not in page


@pytest.mark.parametrize(("data", "field"), [
    ({"naam": "Bedrijf A\r\nBcc: iedereen@example.org"}, "naam"),
    ({"plaats": "Test\ndorp"}, "plaats"),
    ({"medewerkers": str(2**31)}, "medewerkers"),
])
def test_the_company_profile_form_refuses_per_field(owner_client, world, data, field):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/", {"naam": "Bedrijf A", **data})
    assert response.status_code == 422
    assert f'href="#id_{field}"' in response.content.decode()
    assert Company.objects.get(pk=company.pk).naam == "Bedrijf A"


@pytest.mark.parametrize(("data", "field"), [
    ({"omschrijving": "TIG\r\nlassen"}, "omschrijving"),
    ({"kosten_eur": str(2**31)}, "kosten_eur"),
    ({"kosten_eur": str(10**30)}, "kosten_eur"),
    ({"kosten_eur": "-5"}, "kosten_eur"),
    ({"start": "9999-12-31"}, "start"),
])
def test_the_training_form_refuses_per_field(owner_client, world, data, field):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/scholing/nieuw/", {
        "medewerker": "Jan", "omschrijving": "TIG-lassen", "start": "2026-10-01", **data})
    assert response.status_code == 422
    assert f'href="#id_{field}' in response.content.decode()


def test_a_stale_version_beyond_any_integer_is_bad_input(owner_client, world):
    company, learner = world["a"]["company"], world["a"]["learner"]
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/{learner.pk}/", _learner(
        naam=learner.naam, version=str(10**30)))
    assert response.status_code in (409, 422)


@pytest.mark.parametrize(("profile", "field"), [
    ("leerlingen:\n- leerweg: bbl\n  start: 0999-09-01\n", "leerlingen[0].start"),
    ("leerlingen:\n- leerweg: bbl\n  start: 1000-01-01\n  eind: 9998-12-31\n",
     "leerlingen[0].start"),
    ("leerlingen:\n- leerweg: bbl\n  start: 2026-09-01\n  eind: 2040-07-01\n",
     "leerlingen[0].eind"),
    ('naam: "Bedrijf\\r\\nBcc: x@example.org"\n', "naam"),
    ('naam: "Bedrijf\\0"\n', "naam"),
])
def test_the_profile_import_refuses_per_field(owner_client, world, profile, field):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/",
                                 {"import-profiel": profile})
    assert response.status_code == 422
    page = response.content.decode()
    assert escape(field_words(field)) in page  # the answer in words, not its field name
    assert f"veld &#x27;{field}" not in page
    assert Company.objects.get(pk=company.pk).naam == "Bedrijf A"


@pytest.mark.parametrize(("profile", "field"), [
    ({"leerlingen": [{"leerweg": "bbl", "start": "0999-09-01"}]}, "leerlingen[0].start"),
    ({"leerlingen": [{"start": "1000-01-01", "eind": "9998-12-31"}]}, "leerlingen[0].start"),
    ({"leerlingen": [{"start": "2026-09-01", "eind": "2035-07-01"}]}, "leerlingen[0].eind"),
    ({"peildatum": "9999-12-31"}, "peildatum"),
    ({"scholing_medewerkers": [{"start": "0001-01-01"}]}, "scholing_medewerkers[0].start"),
    ({"naam": "A\r\nB"}, "naam"),
    ({"plaats": "A\x00"}, "plaats"),
    ({"medewerkers": 2**64}, "medewerkers"),
    ({"scholing_medewerkers": [{"kosten_eur": 2**31}]}, "scholing_medewerkers[0].kosten_eur"),
])
def test_the_advice_api_refuses_per_field(client, content_db, profile, field):
    response = client.post("/api/v1/advies", json.dumps(profile), content_type="application/json")
    assert response.status_code == 422
    assert field in [f["veld"] for f in response.json()["fouten"]]


def test_the_admin_refuses_a_company_name_with_a_line_break(client, world):
    from django.contrib.auth import get_user_model

    from onderwijsgids.workspace.models import Account

    admin = get_user_model().objects.create_superuser("beheer@metaalunie.test",
                                                      "beheer@metaalunie.test", "lang-geheim-1")
    Account.objects.get_or_create(user=admin, defaults={"rol": Account.Role.ADMINISTRATOR})
    verified_client(client, admin)
    company = world["a"]["company"]
    response = client.post(f"/beheer/workspace/company/{company.pk}/change/", {
        "naam": "Bedrijf A\r\nBcc: x@example.org", "plaats": "Testdorp", "cao": "",
        "medewerkers": "", "provincie": "", "erkend_leerbedrijf": "unknown",
        "praktijkopleider_opgeleid": "unknown",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
        "advisor_assignments-TOTAL_FORMS": "0", "advisor_assignments-INITIAL_FORMS": "0"})
    assert response.status_code == 200  # the form again, with its error
    assert "regeleinde" in response.content.decode()
    assert Company.objects.get(pk=company.pk).naam == "Bedrijf A"
