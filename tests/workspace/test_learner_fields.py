"""A learner's hbo domain, vmbo leerwerktraject and regelingen already applied for: through the
form, the API and the CSV import into the company's profile and advice (contract §2, 2026-12)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.values import CompanyProfile, LearnerValues
from onderwijsgids.workspace.models import Learner

from .conftest import make_user

HBO_ROW = {"naam": "Hanna Hbo", "leerweg": "hbo-duaal", "start": "2026-09-01",
           "eind": "2028-07-01"}


@pytest.fixture
def unrecognised(client, content_db):
    """A company that is no recognised leerbedrijf, without learners, and its owner logged in."""
    owner = make_user("eigenaar@hbo-bedrijf.test")
    company = actions.do_create_company(
        CompanyProfile(naam="Hbo Bedrijf", erkend_leerbedrijf=False, cao="metaal-en-techniek"),
        owner=owner, acting_user=owner)
    client.force_login(owner)
    return company


def _regeling(client, company, regeling_id: str) -> dict:
    response = client.get(f"/api/v1/bedrijven/{company.pk}/advies")
    assert response.status_code == 200
    return next(r for r in response.json()["regelingen"] if r["id"] == regeling_id)


def _profile(client, company) -> dict:
    response = client.get(f"/api/v1/bedrijven/{company.pk}/profiel")
    assert response.status_code == 200
    return json.loads(response.content)


def test_form_hbo_domain_turns_maybe_into_a_judgement(client, unrecognised):
    company = unrecognised
    url = f"/bedrijf/{company.pk}/leerlingen/nieuw/"
    form = {**HBO_ROW, "crebo": "", "school": "", "praktijkopleider": "",
            "praktijkovereenkomst": "", "version": ""}
    assert client.post(url, form).status_code == 302
    before = _regeling(client, company, "subsidie-praktijkleren")
    assert before["status"] == "misschien"
    assert "leerlingen[0].hbo_domein" in before["ontbreekt"]

    learner = Learner.objects.get(company=company)
    edit = {**form, "hbo_domein": "techniek", "aangevraagd": ["subsidie-praktijkleren"],
            "version": str(learner.version)}
    assert client.post(f"/bedrijf/{company.pk}/leerlingen/{learner.pk}/", edit).status_code == 302
    after = _regeling(client, company, "subsidie-praktijkleren")
    assert after["status"] == "ja"
    assert "leerlingen[0].hbo_domein" not in after["ontbreekt"]
    learner_profile = _profile(client, company)["leerlingen"][0]
    assert learner_profile["hbo_domein"] == "techniek"
    assert learner_profile["aangevraagd"] == ["subsidie-praktijkleren"]


def test_form_shows_the_new_fields_in_dutch_and_refuses_bad_values(client, unrecognised):
    url = f"/bedrijf/{unrecognised.pk}/leerlingen/nieuw/"
    page = client.get(url).content.decode()
    assert "Hbo-domein (alleen voor hbo)" in page and "gedrag en maatschappij" in page
    assert "leerwerktraject (alleen voor vmbo)" in page
    response = client.post(url, {**HBO_ROW, "hbo_domein": "kunst",
                                 "aangevraagd": ["bestaat-niet"], "leerwerktraject": "soms"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'href="#id_hbo_domein"' in page and "Kies als hbo-domein uit" in page
    assert "bestaat-niet is geen regeling uit de onderwijsgids" in page
    assert not Learner.objects.filter(company=unrecognised).exists()


def test_api_learner_with_domain_and_vmbo_leerwerktraject(client, unrecognised):
    company = unrecognised
    url = f"/api/v1/bedrijven/{company.pk}/leerlingen"
    response = client.post(url, {**HBO_ROW, "hbo_domein": "techniek"},
                           content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["hbo_domein"] == "techniek"
    vmbo = {"naam": "Vera Vmbo", "leerweg": "vmbo", "start": "2026-09-01",
            "eind": "2027-07-01", "leerwerktraject": True}
    response = client.post(url, vmbo, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["leerwerktraject"] is True
    assert _regeling(client, company, "subsidie-praktijkleren")["status"] == "ja"
    learners = _profile(client, company)["leerlingen"]
    assert [row.get("hbo_domein") for row in learners] == ["techniek", None]
    assert [row.get("leerwerktraject") for row in learners] == [None, True]
    listed = client.get(url).json()
    assert {row["naam"]: row["aangevraagd"] for row in listed} == {
        "Hanna Hbo": [], "Vera Vmbo": []}


def test_api_refuses_unknown_domain_and_regeling_per_field(client, unrecognised):
    url = f"/api/v1/bedrijven/{unrecognised.pk}/leerlingen"
    response = client.post(url, {**HBO_ROW, "hbo_domein": "kunst", "aangevraagd": ["nep"]},
                           content_type="application/json")
    assert response.status_code == 422
    text = json.dumps(response.json(), ensure_ascii=False)
    assert "hbo_domein" in text and "Kies als hbo-domein uit" in text
    assert "aangevraagd" in text and "nep is geen regeling uit de onderwijsgids" in text


CSV = ("naam;leerweg;start;eind;hbo_domein;leerwerktraject;aangevraagd\r\n"
       "Hanna Hbo;hbo-duaal;2026-09-01;2028-07-01;techniek;;subsidie-praktijkleren\r\n"
       "Vera Vmbo;vmbo;2026-09-01;2027-07-01;;ja;\r\n")


def _import(client, company, text: str):
    upload = SimpleUploadedFile("l.csv", text.encode(), "text/csv")
    return client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/", {"bestand": upload})


def test_csv_import_and_export_carry_the_new_columns(client, unrecognised):
    company = unrecognised
    assert _import(client, company, CSV).status_code == 302
    assert _regeling(client, company, "subsidie-praktijkleren")["status"] == "ja"
    learners = _profile(client, company)["leerlingen"]
    assert learners[0]["hbo_domein"] == "techniek"
    assert learners[0]["aangevraagd"] == ["subsidie-praktijkleren"]
    assert learners[1]["leerwerktraject"] is True
    export = client.get(f"/bedrijf/{company.pk}/leerlingen/leerlingen.csv").content.decode()
    header = export.splitlines()[0].split(";")
    hanna = next(line for line in export.splitlines() if line.startswith("Hanna")).split(";")
    assert hanna[header.index("hbo_domein")] == "techniek"
    assert hanna[header.index("aangevraagd")] == "subsidie-praktijkleren"
    vera = next(line for line in export.splitlines() if line.startswith("Vera")).split(";")
    assert vera[header.index("leerwerktraject")] == "ja"


def test_csv_bad_new_columns_are_named_and_nothing_is_imported(client, unrecognised):
    bad = CSV + "Bo;hbo-voltijd;2026-09-01;2028-07-01;kunst;misschien;nep\r\n"
    response = _import(client, unrecognised, bad)
    assert response.status_code == 422
    page = response.content.decode()
    for field in ("hbo_domein", "leerwerktraject", "aangevraagd"):
        assert f"<td>4</td><td>{field}</td>" in page
    assert not Learner.objects.filter(company=unrecognised).exists()


def test_import_page_explains_the_optional_columns(client, unrecognised):
    page = client.get(f"/bedrijf/{unrecognised.pk}/leerlingen/importeren/").content.decode()
    assert "<dt>hbo_domein</dt>" in page and "gedrag en maatschappij" in page
    assert "<dt>leerwerktraject</dt>" in page and "<dt>aangevraagd</dt>" in page


def test_edit_page_shows_the_stored_answers(client, unrecognised):
    learner = actions.do_create_learner(unrecognised, LearnerValues(
        naam="Vera Vmbo", leerweg="vmbo", start=dt.date(2026, 9, 1),
        eind=dt.date(2027, 7, 1), leerwerktraject=True,
        aangevraagd=["subsidie-praktijkleren"]), acting_user=None)
    page = client.get(f"/bedrijf/{unrecognised.pk}/leerlingen/{learner.pk}/").content.decode()
    assert '<option value="true" selected>' in page
    assert re.search(r'value="subsidie-praktijkleren"[^>]*checked', page)
