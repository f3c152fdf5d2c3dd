"""The question route ``/advies/`` through the Django test client: node by node, then end to end."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing

from onderwijsgids.dutch import dutch_date

pytestmark = pytest.mark.django_db

STEPS = ["cao", "medewerkers", "vestiging", "leerbedrijf", "doelen", "doelgroepen", "leerlingen",
         "scholing"]
LEARNER = {"leerweg": "bbl", "crebo": "25892", "start-dag": "1", "start-maand": "9",
           "start-jaar": "2025", "eind-dag": "1", "eind-maand": "7", "eind-jaar": "2027",
           "via_bvm": "nee"}


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def stored(client) -> dict:
    return client.session.get("advies", {})


@pytest.fixture
def answered(client, content_db):
    """A client that has answered every question."""
    client.post("/advies/", {"naam": "De Vonk"})
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/medewerkers/", {"medewerkers": "23"})
    client.post("/advies/vestiging/", {"provincie": "gelderland", "plaats": "Apeldoorn"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "nee",
                                         "praktijkopleider_opgeleid": "nee"})
    client.post("/advies/doelen/", {"doelen": ["werven", "medewerkers-scholen"]})
    client.post("/advies/doelgroepen/", {"doelgroepen": ["statushouders"]})
    client.post("/advies/leerlingen/nieuw/", LEARNER)
    client.post("/advies/leerlingen/", {"verder": "1"})
    client.post("/advies/scholing/nieuw/", {"omschrijving": "TIG-lassen", "start-dag": "1",
                                            "start-maand": "4", "start-jaar": "2030",
                                            "ptt_aangevraagd": "nee"})
    client.post("/advies/scholing/", {"verder": "1"})
    return client


@pytest.mark.parametrize("number,slug", list(enumerate(STEPS, start=1)))
def test_each_step_shows_its_number_on_page_and_in_title(client, content_db, number, slug):
    response = client.get(f"/advies/{slug}/")
    text = f"Stap {number} van {len(STEPS) + 1}"
    assert response.status_code == 200
    assert text in title(response) and text in response.content.decode()
    assert 'class="back-link"' in response.content.decode()


@pytest.mark.parametrize("slug,data,next_slug", [
    ("cao", {"cao": "metaal-en-techniek"}, "medewerkers"),
    ("medewerkers", {"medewerkers": ""}, "vestiging"),
    ("vestiging", {"provincie": "", "plaats": ""}, "leerbedrijf"),
    ("leerbedrijf", {"erkend_leerbedrijf": "onbekend", "praktijkopleider_opgeleid": "ja"},
     "doelen"),
    ("doelen", {}, "doelgroepen"),
    ("doelgroepen", {"doelgroepen": ["vrouwen"]}, "leerlingen"),
    ("leerlingen", {"verder": "1"}, "scholing"),
])
def test_each_step_goes_to_the_next(client, content_db, slug, data, next_slug):
    response = client.post(f"/advies/{slug}/", data)
    assert response.status_code == 302 and response["Location"] == f"/advies/{next_slug}/"


def test_last_step_goes_to_check_page(client, content_db):
    response = client.post("/advies/scholing/", {"verder": "1"})
    assert response["Location"] == "/advies/controle/"
    assert stored(client)["scholing_medewerkers"] == []


@pytest.mark.parametrize("slug,data,field", [
    ("cao", {}, "cao"),
    ("cao", {"cao": "bouw"}, "cao"),
    ("medewerkers", {"medewerkers": "veel"}, "medewerkers"),
    ("vestiging", {"provincie": "vlaanderen"}, "provincie"),
    ("leerbedrijf", {"erkend_leerbedrijf": "ja"}, "praktijkopleider_opgeleid"),
    ("doelen", {"doelen": ["rijk-worden"]}, "doelen"),
])
def test_invalid_answer_shows_error_and_keeps_other_answers(client, content_db, slug, data, field):
    client.post("/advies/", {"naam": "De Vonk"})
    client.post("/advies/doelgroepen/", {"doelgroepen": ["vrouwen"]})
    before = stored(client)
    response = client.post(f"/advies/{slug}/", data)
    body = response.content.decode()
    assert response.status_code == 422
    assert title(response).startswith("Fout:")
    assert 'class="error-summary"' in body and f'id="{field}-fout"' in body
    assert re.search(rf'href="#{field}(-0)?"', body)
    assert stored(client) == before


def test_impossible_learner_date_is_refused_next_to_the_field(client, content_db):
    response = client.post("/advies/leerlingen/nieuw/", {**LEARNER, "start-dag": "30",
                                                         "start-maand": "2"})
    body = response.content.decode()
    assert response.status_code == 422 and 'id="start-fout"' in body
    assert 'value="30"' in body  # the submitted value is shown again
    assert "leerlingen" not in stored(client)


def test_end_before_start_is_refused(client, content_db):
    response = client.post("/advies/leerlingen/nieuw/", {**LEARNER, "eind-jaar": "2024"})
    assert response.status_code == 422 and 'id="eind-fout"' in response.content.decode()


def test_learners_are_added_and_removed_one_at_a_time(client, content_db):
    client.post("/advies/leerlingen/nieuw/", LEARNER)
    client.post("/advies/leerlingen/nieuw/", {**LEARNER, "leerweg": "bol", "crebo": ""})
    assert [x["leerweg"] for x in stored(client)["leerlingen"]] == ["bbl", "bol"]
    client.post("/advies/leerlingen/", {"verwijder": "0"})
    assert [x["leerweg"] for x in stored(client)["leerlingen"]] == ["bol"]


def test_bad_removal_index_removes_nothing(client, content_db):
    client.post("/advies/leerlingen/nieuw/", LEARNER)
    for bad in ("5", "-1", "een"):
        client.post("/advies/leerlingen/", {"verwijder": bad})
        assert [x["leerweg"] for x in stored(client)["leerlingen"]] == ["bbl"]


@pytest.mark.parametrize("path", ["/advies/onzin/", "/advies/cao/nieuw/", "/advies/onzin/nieuw/",
                                  "/advies/plan/plan.exe"])
def test_unknown_step_list_or_format_is_404(answered, path):
    assert answered.get(path).status_code == 404


def test_shared_link_that_is_not_a_profile_is_404(client, content_db):
    not_a_dict = signing.dumps(["cao"], salt="onderwijsgids.advies.gedeeld")
    assert client.get(f"/advies/gedeeld/{not_a_dict}/").status_code == 404
    stale = signing.dumps({"cao": "onzin"}, salt="onderwijsgids.advies.gedeeld")
    assert client.get(f"/advies/gedeeld/{stale}/").status_code == 404
    assert client.get(f"/advies/gedeeld/{stale}/plan.md").status_code == 404


def test_query_string_prefills_answers(client, content_db):
    client.get("/advies/?cao=metalektro&medewerkers=12&doelen=werven&doelen=zichtbaarheid"
               "&provincie=onzin")
    answers = stored(client)
    assert answers["cao"] == "metalektro" and answers["medewerkers"] == 12
    assert answers["doelen"] == ["werven", "zichtbaarheid"] and "provincie" not in answers
    assert 'value="metalektro" checked' in client.get("/advies/cao/").content.decode()


def test_change_answer_from_check_page_returns_and_keeps_the_rest(answered):
    check = answered.get("/advies/controle/").content.decode()
    assert "/advies/cao/?terug=controle" in check and "Stap 9 van 9" in check
    before = stored(answered)
    page = answered.get("/advies/cao/?terug=controle").content.decode()
    assert 'href="/advies/controle/"' in page  # back link returns to the check page
    response = answered.post("/advies/cao/?terug=controle", {"cao": "metalektro"})
    assert response["Location"] == "/advies/controle/"
    after = stored(answered)
    assert after["cao"] == "metalektro"
    assert {k: v for k, v in after.items() if k != "cao"} == \
        {k: v for k, v in before.items() if k != "cao"}


def test_change_company_name_returns_to_check_page(answered):
    response = answered.post("/advies/?terug=controle", {"naam": "De Vonk BV"})
    assert response["Location"] == "/advies/controle/"
    assert stored(answered)["naam"] == "De Vonk BV" and stored(answered)["medewerkers"] == 23


def test_error_while_changing_keeps_return_path(answered):
    response = answered.post("/advies/medewerkers/?terug=controle", {"medewerkers": "x"})
    assert response.status_code == 422
    assert 'action="/advies/medewerkers/?terug=controle"' in response.content.decode()


def test_plan_page_downloads_and_share_link(answered, client):
    response = answered.get("/advies/plan/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Leid jongeren op voor een toekomst in jouw bedrijf" in body
    assert "Subsidieregeling praktijkleren" in body
    share = re.search(r'id="deellink"[^>]*value="http://testserver([^"]+)"', body).group(1)
    token = share.split("/")[3]
    assert "Vonk" not in share and "Apeldoorn" not in share  # not in clear text
    assert signing.loads(token, salt="onderwijsgids.advies.gedeeld")["naam"] == "De Vonk"
    for path, kind in (("plan.pdf", "application/pdf"), ("plan.ics", "text/calendar"),
                       ("plan.md", "text/markdown")):
        download = answered.get(f"/advies/plan/{path}")
        assert download.status_code == 200 and download["Content-Type"].startswith(kind)
    from django.test import Client

    stranger = Client()  # no session, no login
    shared = stranger.get(share)
    assert shared.status_code == 200 and "De Vonk" in shared.content.decode()
    assert stranger.get(share + "plan.ics").status_code == 200
    assert stranger.get(share.replace(token, token[:-2] + "xx")).status_code == 404


def test_plan_matches_the_api(answered):
    import html
    import json

    from onderwijsgids.advice.views import profile_dict

    profile = profile_dict(stored(answered))
    api = answered.post("/api/v1/advies", data=json.dumps(profile),
                        content_type="application/json").json()
    body = answered.get("/advies/plan/").content.decode()
    for point in api["actiepunten"]:
        assert html.escape(point["titel"]) in body
    for result in api["regelingen"]:
        assert html.escape(result["waarom"][0]) in body


def test_restart_clears_answers(answered):
    answered.post("/advies/opnieuw/")
    assert stored(answered) == {}


def test_answers_show_dates_and_provinces_in_words(answered):
    """The check page and the learner list write dates as the Dutch do, never as 2025-09-01."""
    check = answered.get("/advies/controle/").content.decode()
    start = dt.date(int(LEARNER["start-jaar"]), int(LEARNER["start-maand"]),
                    int(LEARNER["start-dag"]))
    assert f"vanaf {dutch_date(start)}" in check
    assert start.isoformat() not in check
    assert "Gelderland" in check and "gelderland<" not in check
    listing = answered.get("/advies/leerlingen/").content.decode()
    assert f"vanaf {dutch_date(start)}" in listing
