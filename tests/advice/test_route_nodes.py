"""The route as a list of nodes (``onderwijsgids.advice.steps``): every profile key has one
owner, a node added to the list is all it takes to add a question (its page, its number, its
validation, its row on the check page, its place in the profile), the check page is the list of
the nodes' summaries, and bad input answers 422 with the error summary."""

from __future__ import annotations

import html
import json
import re

import pytest

from onderwijsgids.advice import steps
from onderwijsgids.advice.engine.profile import Profile
from onderwijsgids.advice.steps import NODES, Date, Question, Radio, Route
from onderwijsgids.advice.views import profile_dict

pytestmark = pytest.mark.django_db

LEARNER = {"leerweg": "bbl", "crebo": "25892", "start-dag": "1", "start-maand": "9",
           "start-jaar": "2025", "eind-dag": "1", "eind-maand": "7", "eind-jaar": "2027",
           "via_bvm": "nee"}
COURSE = {"omschrijving": "TIG-lassen", "start-dag": "1", "start-maand": "4",
          "start-jaar": "2030", "ptt_aangevraagd": "ja"}


def stored(client) -> dict:
    return client.session.get("advies", {})


def check_rows(client) -> list[tuple[str, str, str]]:
    """The check page as (question, answer, change link) rows, as a reader sees them."""
    body = client.get("/advies/controle/").content.decode()
    rows = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>\s*<dd><a href=\"([^\"]+)\"", body, re.S)
    return [(html.unescape(q).strip(), html.unescape(a).strip(), link) for q, a, link in rows]


# --- one owner per profile key ----------------------------------------------------------------


def test_every_profile_key_is_owned_by_exactly_one_node():
    keys = [key for node in NODES for key in node.keys]
    assert len(keys) == len(set(keys)), keys
    # Every answer of contract §2 is asked by the route, except "today" (peildatum).
    assert set(keys) == set(Profile.model_fields) - {"peildatum"}
    assert steps.ROUTE.profile_keys == tuple(keys)


def test_a_second_owner_of_a_key_or_a_slug_is_refused():
    with pytest.raises(ValueError, match="profile key of more than one node: cao"):
        Route([*NODES, Question("cao-opnieuw", "Cao?", (Radio("cao", "Cao?"),))])
    with pytest.raises(ValueError, match="node slug of more than one node: medewerkers"):
        Route([*NODES, Question("medewerkers", "Datum?", (Date("peildatum", "Datum"),))])
    with pytest.raises(ValueError, match="page with a question and other nodes: cao"):
        Route([*NODES, Question("datum", "Datum?", (Date("peildatum", "Datum"),), page="cao")])


# --- adding a question touches one place ------------------------------------------------------

DATE_QUESTION = Question("peildatum", "Op welke datum wil je het advies?", (
    Date("peildatum", "Datum van het advies", hint="Bijvoorbeeld 15 3 2026"),))


@pytest.fixture
def one_more_question(monkeypatch):
    """The route with one node more after "doelgroepen", as a newcomer adds it to NODES."""
    at = [node.slug for node in NODES].index("doelgroepen") + 1
    monkeypatch.setattr(steps, "ROUTE", Route([*NODES[:at], DATE_QUESTION, *NODES[at:]]))


def test_a_node_added_to_the_list_is_asked_validated_checked_and_advised(
        client, content_db, one_more_question):
    response = client.post("/advies/doelgroepen/", {"doelgroepen": []})
    assert response["Location"] == "/advies/peildatum/"
    page = client.get("/advies/peildatum/").content.decode()
    assert "Stap 7 van 10" in page and "<h1>Datum van het advies</h1>" in page
    assert 'class="back-link" href="/advies/doelgroepen/"' in page

    bad = client.post("/advies/peildatum/", {"peildatum-dag": "30", "peildatum-maand": "2",
                                             "peildatum-jaar": "2026"})
    body = bad.content.decode()
    assert bad.status_code == 422 and 'class="error-summary"' in body
    assert ('<a href="#peildatum-dag">Vul een bestaande datum in (dag, maand en jaar): '
            "Datum van het advies</a>") in body
    assert "peildatum" not in stored(client)

    good = client.post("/advies/peildatum/", {"peildatum-dag": "15", "peildatum-maand": "3",
                                              "peildatum-jaar": "2026"})
    assert good["Location"] == "/advies/leerlingen/"
    assert stored(client)["peildatum"] == "2026-03-15"
    assert "Stap 8 van 10" in client.get("/advies/leerlingen/").content.decode()

    rows = check_rows(client)
    assert ("Datum van het advies", "15 maart 2026", "/advies/peildatum/?terug=controle") in rows
    assert [q for q, _, _ in rows].index("Datum van het advies") == \
        [q for q, _, _ in rows].index("Doelgroepen") + 1

    profile = profile_dict(stored(client))
    assert profile["peildatum"] == "2026-03-15"
    advice = client.post("/api/v1/advies", data=json.dumps(profile),
                         content_type="application/json").json()
    assert advice["profiel"]["peildatum"] == "2026-03-15"
    assert client.get("/advies/plan/").status_code == 200


# --- the check page is the list of the nodes' summaries ---------------------------------------


def test_the_check_page_lists_every_node_summary(client, content_db):
    client.post("/advies/", {"naam": "De Vonk"})
    client.post("/advies/cao/", {"cao": "metaal-en-techniek"})
    client.post("/advies/medewerkers/", {"medewerkers": "1.200"})
    client.post("/advies/vestiging/", {"provincie": "gelderland", "plaats": "Apeldoorn"})
    client.post("/advies/leerbedrijf/", {"erkend_leerbedrijf": "nee",
                                         "praktijkopleider_opgeleid": "onbekend"})
    client.post("/advies/doelen/", {"doelen": ["werven", "medewerkers-scholen"]})
    client.post("/advies/doelgroepen/", {})
    client.post("/advies/leerlingen/nieuw/", LEARNER)
    client.post("/advies/scholing/nieuw/", COURSE)
    assert check_rows(client) == [
        ("Naam van je bedrijf", "De Vonk", "/advies/?terug=controle"),
        ("Cao", "cao Metaal en Techniek", "/advies/cao/?terug=controle"),
        ("Aantal medewerkers", "1200", "/advies/medewerkers/?terug=controle"),
        ("Provincie", "Gelderland", "/advies/vestiging/?terug=controle"),
        ("Plaats", "Apeldoorn", "/advies/vestiging/?terug=controle"),
        ("Erkend leerbedrijf", "Nee", "/advies/leerbedrijf/?terug=controle"),
        ("Praktijkopleider opgeleid", "Weet ik niet", "/advies/leerbedrijf/?terug=controle"),
        ("Doelen", "nieuwe medewerkers werven, eigen medewerkers scholen",
         "/advies/doelen/?terug=controle"),
        ("Doelgroepen", "Geen", "/advies/doelgroepen/?terug=controle"),
        ("Leerlingen en stagiairs", "mbo-bbl (werken en leren, met arbeidscontract), crebo "
         "25892, vanaf 1 september 2025, tot 1 juli 2027", "/advies/leerlingen/?terug=controle"),
        ("Scholing van medewerkers", "TIG-lassen, start 1 april 2030, PTT aangevraagd",
         "/advies/scholing/?terug=controle"),
        ("Nieuwe medewerkers", "Niet beantwoord", "/advies/scholing/?terug=controle"),
    ]


def test_an_empty_check_page_has_one_unanswered_row_per_asked_answer(client, content_db):
    rows = check_rows(client)
    assert [answer for _, answer, _ in rows] == ["Niet beantwoord"] * len(rows)
    assert [q for q, _, _ in rows] == [row.label for row in steps.ROUTE.summary({})]
    assert len(rows) == sum(len(node.fields) if isinstance(node, Question) else 1
                            for node in NODES)


# --- one mapping between the PTT question and the profile's list ----------------------------


def test_the_ptt_question_is_stored_as_the_list_of_regelingen_applied_for(client, content_db):
    missing = client.post("/advies/scholing/nieuw/", {**COURSE, "ptt_aangevraagd": ""})
    body = missing.content.decode()
    assert missing.status_code == 422 and 'id="ptt_aangevraagd-fout"' in body
    assert '<a href="#ptt_aangevraagd-0">Kies een antwoord: ' in body
    client.post("/advies/scholing/nieuw/", COURSE)
    client.post("/advies/scholing/nieuw/", {**COURSE, "ptt_aangevraagd": "nee"})
    assert [c["aangevraagd"] for c in stored(client)["scholing_medewerkers"]] == [["oom-ptt"], []]
    listing = client.get("/advies/scholing/").content.decode()
    assert "TIG-lassen, start 1 april 2030, PTT aangevraagd" in listing
    assert "TIG-lassen, start 1 april 2030<" in listing


# --- bad input answers 422 with the error summary, everywhere on the route --------------------


@pytest.mark.parametrize("path,data,field", [
    ("/advies/", {"naam": "x" * 201}, "naam"),
    ("/advies/cao/", {}, "cao"),
    ("/advies/medewerkers/", {"medewerkers": "veel"}, "medewerkers"),
    ("/advies/leerlingen/nieuw/", {**LEARNER, "leerweg": ""}, "leerweg"),
    ("/advies/scholing/nieuw/", {**COURSE, "kosten_eur": "duur"}, "kosten_eur"),
    ("/advies/nieuwe-medewerkers/nieuw/", {"uren_per_week": "99"}, "uren_per_week"),
])
def test_bad_input_answers_422_with_the_error_summary(client, content_db, path, data, field):
    response = client.post(path, data)
    body = response.content.decode()
    assert response.status_code == 422
    assert 'class="error-summary"' in body and f'id="{field}-fout"' in body
    assert re.search(rf'<a href="#{field}(-0)?">', body)
    assert stored(client) == {}
