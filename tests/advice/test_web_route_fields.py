"""The route's 2026-12 questions: an hbo learner's domain, a vmbo leerwerktraject and new staff,
through the Django client up to the check page and the plan (judged by the engine)."""

from __future__ import annotations

import datetime as dt
import html
import json

import pytest

from onderwijsgids.advice.views import profile_dict
from onderwijsgids.dutch import dutch_date

pytestmark = pytest.mark.django_db

HBO = {"leerweg": "hbo-duaal", "hbo_domein": "techniek", "leerwerktraject": "ja",
       "start-dag": "1", "start-maand": "9", "start-jaar": "2026", "eind-dag": "1",
       "eind-maand": "7", "eind-jaar": "2028", "via_bvm": "nee"}
VMBO = {"leerweg": "vmbo", "leerwerktraject": "ja", "hbo_domein": "zorg", "via_bvm": "nee"}
HIRED = dt.date.today() - dt.timedelta(days=10)


def _new_staff(**overrides) -> dict:
    return {"doelgroep": "statushouders", "in_dienst-dag": str(HIRED.day),
            "in_dienst-maand": str(HIRED.month), "in_dienst-jaar": str(HIRED.year),
            "contract_maanden": "12", "uren_per_week": "32", **overrides}


def stored(client) -> dict:
    return client.session.get("advies", {})


def _regelingen(client) -> dict:
    api = client.post("/api/v1/advies", data=json.dumps(profile_dict(stored(client))),
                      content_type="application/json")
    assert api.status_code == 200
    return {r["id"]: r for r in api.json()["regelingen"]}


@pytest.fixture
def route(client, content_db):
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "nee",
                                         "praktijkopleider_opgeleid": "nee"})
    return client


def test_learner_page_asks_domain_and_leerwerktraject(route):
    page = route.get("/advies/leerlingen/nieuw/").content.decode()
    assert "Alleen voor hbo: in welk domein valt de opleiding?" in page
    assert "gedrag en maatschappij" in page
    assert "Alleen voor vmbo: volgt de leerling een leerwerktraject?" in page


def test_hbo_learner_is_judged_on_its_domain(route):
    assert route.post("/advies/leerlingen/nieuw/", HBO).status_code == 302
    learner = stored(route)["leerlingen"][0]
    assert learner["hbo_domein"] == "techniek"
    assert "leerwerktraject" not in learner  # only kept for vmbo
    judged = _regelingen(route)["subsidie-praktijkleren"]
    assert judged["status"] == "ja" and not judged["ontbreekt"]
    plan = route.get("/advies/plan/").content.decode()
    assert html.escape(judged["waarom"][0]) in plan
    check = route.get("/advies/controle/").content.decode()
    assert "domein techniek" in check


def test_hbo_learner_without_domain_stays_maybe(route):
    route.post("/advies/leerlingen/nieuw/", {**HBO, "hbo_domein": ""})
    judged = _regelingen(route)["subsidie-praktijkleren"]
    assert judged["status"] == "misschien"
    assert "leerlingen[0].hbo_domein" in judged["ontbreekt"]


def test_vmbo_leerwerktraject_is_kept_and_described(route):
    assert route.post("/advies/leerlingen/nieuw/", VMBO).status_code == 302
    learner = stored(route)["leerlingen"][0]
    assert learner["leerwerktraject"] is True and "hbo_domein" not in learner
    assert "met leerwerktraject" in route.get("/advies/leerlingen/").content.decode()


def test_new_staff_listed_on_the_staff_page_and_judged_in_the_plan(route):
    page = route.get("/advies/scholing/").content.decode()
    assert "Nieuwe medewerker toevoegen" in page
    assert 'href="/advies/nieuwe-medewerkers/nieuw/"' in page
    form = route.get("/advies/nieuwe-medewerkers/nieuw/").content.decode()
    assert "In dienst per" in form and "Uren per week" in form
    response = route.post("/advies/nieuwe-medewerkers/nieuw/", _new_staff())
    assert response.status_code == 302 and response["Location"] == "/advies/scholing/"
    assert stored(route)["nieuwe_medewerkers"] == [{
        "doelgroep": "statushouders", "in_dienst": HIRED.isoformat(), "contract_maanden": 12,
        "uren_per_week": 32}]
    words = (f"statushouders, in dienst per {dutch_date(HIRED)}, contract van 12 maanden, "
             "32 uur per week")
    assert words in route.get("/advies/scholing/").content.decode()
    check = route.get("/advies/controle/").content.decode()
    assert "Nieuwe medewerkers" in check and words in check
    judged = _regelingen(route)["oom-jobstart"]
    assert judged["status"] == "ja"
    assert html.escape(judged["waarom"][0]) in route.get("/advies/plan/").content.decode()


def test_too_few_hours_is_judged_no(route):
    route.post("/advies/nieuwe-medewerkers/nieuw/", _new_staff(uren_per_week="18"))
    assert _regelingen(route)["oom-jobstart"]["status"] == "nee"


def test_new_staff_remove_and_continue(route):
    route.post("/advies/nieuwe-medewerkers/nieuw/", _new_staff())
    route.post("/advies/scholing/", {"verwijder-nieuwe-medewerkers": "0"})
    assert stored(route)["nieuwe_medewerkers"] == []
    response = route.post("/advies/scholing/", {"verder": "1"})
    assert response["Location"] == "/advies/controle/"
    assert stored(route)["scholing_medewerkers"] == []


@pytest.mark.parametrize("data,field", [
    (_new_staff(uren_per_week="99"), "uren_per_week"),
    (_new_staff(contract_maanden="twaalf"), "contract_maanden"),
    (_new_staff(**{"in_dienst-dag": "31", "in_dienst-maand": "2"}), "in_dienst"),
    (_new_staff(doelgroep="onzin"), "doelgroep"),
])
def test_bad_new_staff_input_is_named_in_dutch(route, data, field):
    response = route.post("/advies/nieuwe-medewerkers/nieuw/", data)
    assert response.status_code == 422
    page = response.content.decode()
    assert f'id="{field}-fout"' in page
    assert "nieuwe_medewerkers" not in stored(route)


def test_bad_domain_is_named_in_dutch(route):
    response = route.post("/advies/leerlingen/nieuw/", {**HBO, "hbo_domein": "kunst"})
    assert response.status_code == 422
    assert 'id="hbo_domein-fout"' in response.content.decode()
