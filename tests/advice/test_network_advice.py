"""The advice and the plan page name the network (issue 14 items 1 and 4): the province's regional
Techniekcoalitie, the bedrijfsvakscholen there with their BVM status as the sources give it, and
the page "Erkend leerbedrijf worden" where SBB recognition is a step or an action.

Expected names and statuses are read from content/ (the knowledge base), not written here; the
advice is read through ``POST /api/v1/advies`` and the plan page through a share link.
"""

from __future__ import annotations

import html

import pytest
from django.core import signing

from onderwijsgids.advice.views import SHARE_SALT
from onderwijsgids.kb.urls import item_path

pytestmark = pytest.mark.django_db

PROVINCES = ["groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland",
             "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"]
CONTACTS = {"cao": "metaal-en-techniek", "medewerkers": 12, "doelen": ["onderwijscontacten"]}
BBL = {"leerweg": "bbl", "start": "2025-09-01", "eind": "2027-07-01"}


def _coalitions(kb) -> dict[str, list]:
    """Province → the Techniekcoalitie organisations covering it, from content/."""
    found: dict[str, list] = {}
    for org in kb.of_type("organisatie"):
        if org.soort == "netwerk" and "Techniekcoalitie" in org.naam:
            for province in org.provincies:
                found.setdefault(province, []).append(org)
    return found


def _schools(kb, province: str) -> list:
    return [o for o in kb.of_type("organisatie") if o.soort == "bedrijfsvakschool"
            and province in {o.provincie, *(v.provincie for v in o.locaties)}]


def _point(advice: dict, point_id: str) -> dict:
    return next(p for p in advice["actiepunten"] if p["id"] == point_id)


def _plan_page(client, profile: dict) -> str:
    token = signing.dumps(profile, salt=SHARE_SALT, compress=True)
    response = client.get(f"/advies/gedeeld/{token}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _point_html(page: str, url: str) -> str:
    """The plan page's list item of the action point linked to ``url``."""
    start = page.index(f'<h3><a href="{url}">')
    return page[start:page.index("</li>\n  ", start)]


def test_every_coalition_is_named_for_its_provinces(kb, advies_api):
    coalitions = _coalitions(kb)
    assert coalitions, "content/ kent geen Techniekcoalities"
    for province, orgs in coalitions.items():
        advice = advies_api({**CONTACTS, "provincie": province})
        steps = " ".join(_point(advice, "actiepunt-7")["stappen"])
        for org in orgs:
            assert org.titel in steps, (province, steps)
            assert org.id in advice["organisaties"]
        assert "kennen we geen" not in steps


def test_a_province_without_a_coalition_says_so_and_points_to_the_general_page(
        kb, client, advies_api):
    uncovered = [p for p in PROVINCES if p not in _coalitions(kb)]
    assert uncovered, "elke provincie heeft een Techniekcoalitie; kies een ander geval"
    profile = {**CONTACTS, "provincie": uncovered[0]}
    advice = advies_api(profile)
    first = _point(advice, "actiepunt-7")["stappen"][0]
    assert "kennen we geen regionale Techniekcoalitie" in first
    assert not [o for o in advice["organisaties"] if o.startswith("techniekcoalitie")]
    point = _point_html(_plan_page(client, profile), item_path("actiepunt", "actiepunt-7"))
    assert f'href="{item_path("initiatief", "techniekcoalitie")}"' in point


def test_the_plan_page_links_the_provinces_coalition(kb, client):
    province, orgs = next(iter(_coalitions(kb).items()))
    page = _plan_page(client, {**CONTACTS, "provincie": province})
    point = _point_html(page, item_path("actiepunt", "actiepunt-7"))
    for org in orgs:
        assert f'href="{item_path("organisatie", org.id)}"' in point
    assert f'href="{item_path("initiatief", "techniekcoalitie")}"' not in point


def test_without_a_province_no_coalition_is_guessed(advies_api):
    advice = advies_api(CONTACTS)
    steps = " ".join(_point(advice, "actiepunt-7")["stappen"])
    assert "kennen we" not in steps
    assert not [o for o in advice["organisaties"] if o.startswith("techniekcoalitie")]


@pytest.mark.parametrize("learner", [BBL, {**BBL, "leerweg": "bol"}])
def test_sbb_recognition_links_the_page_on_becoming_a_leerbedrijf(client, advies_api, learner):
    profile = {"cao": "metaal-en-techniek", "medewerkers": 12, "erkend_leerbedrijf": False,
               "doelen": ["bbl-leerlingen"], "leerlingen": [learner]}
    advice = advies_api(profile)
    assert [a["id"] for a in advice["acties"]][:1] == ["sbb-erkenning"]
    page = _plan_page(client, profile)
    link = f'href="{item_path("pagina", "erkend-leerbedrijf-worden")}"'
    first = page[page.index('id="eerst-titel"'):page.index('id="actiepunten-titel"')]
    assert link in first and "Vraag erkenning als leerbedrijf aan bij SBB" in first
    steps = _point(advice, "actiepunt-3")["stappen"]
    if any("SBB" in s and "erkenning" in s for s in steps):  # the bbl step of action point 3
        assert link in _point_html(page, item_path("actiepunt", "actiepunt-3"))
    assert learner["leerweg"] == "bol" or "SBB" in steps[0]


def test_a_recognised_company_gets_no_recognition_link(client, advies_api):
    profile = {"cao": "metaal-en-techniek", "medewerkers": 12, "erkend_leerbedrijf": True,
               "doelen": ["bbl-leerlingen"], "leerlingen": [BBL]}
    assert "sbb-erkenning" not in [a["id"] for a in advies_api(profile)["acties"]]
    page = _plan_page(client, profile)
    assert 'id="actie-sbb-erkenning"' not in page
    assert item_path("pagina", "erkend-leerbedrijf-worden") not in page


@pytest.mark.parametrize("province", PROVINCES)
def test_each_school_in_the_province_is_named_with_its_status(kb, advies_api, province):
    schools = _schools(kb, province)
    advice = advies_api({"cao": "metaal-en-techniek", "medewerkers": 12, "provincie": province,
                         "doelen": ["bbl-leerlingen"]})
    reasons = " ".join(_point(advice, "actiepunt-5")["waarom"])
    if not schools:
        assert "bedrijfsvakschool:" not in reasons and "bedrijfsvakscholen:" not in reasons
        return
    for school in schools:
        status = school.bvm_status
        expected = ("bevestigd als BVM" if status.status == "bevestigd"
                    else "metaalbedrijfsschool, BVM-status niet bevestigd")
        assert f"{school.titel} — {expected}" in reasons, (school.id, reasons)
        if status.status == "bevestigd" and status.datum:
            assert status.datum in reasons
        if status.toelichting:  # e.g. a recognition that ran out: said in the steps
            steps = _point(advice, "actiepunt-5")["stappen"]
            assert f"Over {school.titel}: {status.toelichting.strip()}" in steps
        assert school.id in advice["organisaties"]
