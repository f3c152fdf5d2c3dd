"""The plan in a real browser (issue 13, item 2): on a 360 × 640 phone the first action of
"Doe dit eerst" is on the first screen, below the header; axe-clean with everything folded and
unfolded; reachable and openable with the keyboard; the same without JavaScript."""

from __future__ import annotations

import json

import pytest
from django.core import signing

from onderwijsgids.advice.views import SHARE_SALT

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 640}
BBL = {"leerweg": "bbl", "crebo": "25892", "start": "2025-09-01", "eind": "2027-07-01",
       "praktijkovereenkomst": "2025-09-01", "via_bvm": False}
WAITING = {"naam": "Metaalbedrijf De Vonk", "cao": "metaal-en-techniek", "medewerkers": 23,
           "erkend_leerbedrijf": False, "praktijkopleider_opgeleid": False,
           "provincie": "gelderland", "leerlingen": [BBL, {**BBL, "crebo": "25893"}],
           "scholing_medewerkers": [{"omschrijving": "TIG-lassen gevorderd",
                                     "start": "2030-04-01", "kosten_eur": 750}],
           "doelen": ["bbl-leerlingen", "medewerkers-scholen"]}


def plan_url(site: str) -> str:
    return f"{site}/advies/gedeeld/{signing.dumps(WAITING, salt=SHARE_SALT, compress=True)}/"


def first_action(page, site: str) -> str:
    """``acties[0].wat`` as the API gives it for the same profile."""
    response = page.request.post(site + "/api/v1/advies", data=json.dumps(WAITING),
                                 headers={"Content-Type": "application/json"})
    assert response.ok, response.text()
    return response.json()["acties"][0]["wat"]


def open_all_details(page) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_first_action_is_on_the_first_screen_of_a_phone(page_factory, site, javascript):
    page = page_factory(viewport=SMALL_PHONE, javascript=javascript)
    wat = first_action(page, site)
    page.goto(plan_url(site))
    box = page.locator(".doe-dit-eerst .actie").first
    assert box.locator(".actie-wat").inner_text() == wat
    rect = box.bounding_box()
    assert rect is not None and rect["y"] >= 0 and rect["y"] + rect["height"] <= 640, rect
    assert page.evaluate("() => window.scrollY") == 0
    header = page.locator(".site-header").bounding_box()
    assert header is not None and rect["y"] >= header["y"] + header["height"]
    facts = box.locator(".actie-feiten").inner_text()
    assert "Uiterlijk" in facts and "Indicatief €" in facts
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_the_plan_is_axe_clean_folded_and_unfolded(page_factory, site, assert_no_axe_violations):
    page = page_factory(viewport=SMALL_PHONE)
    page.goto(plan_url(site))
    assert_no_axe_violations(page)
    open_all_details(page)
    assert_no_axe_violations(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_keyboard_reaches_and_opens_the_first_action(page_factory, site):
    page = page_factory(viewport=SMALL_PHONE)
    wat = first_action(page, site)
    page.goto(plan_url(site))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Naar de inhoud"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => [document.activeElement.tagName,
        document.activeElement.closest('.actie') && document.activeElement.closest('.actie')
            .querySelector('.actie-wat').textContent]""")
    assert focused == ["SUMMARY", wat]
    reasons = page.locator(".doe-dit-eerst .actie").first.locator("details > p").first
    assert not reasons.is_visible()
    page.keyboard.press("Enter")
    assert reasons.is_visible() and "erkend leerbedrijf" in reasons.inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "A"


def test_without_javascript_the_folded_parts_open(page_factory, site):
    page = page_factory(viewport=SMALL_PHONE, javascript=False)
    page.goto(plan_url(site))
    folded = page.locator("details.groep-nee")
    inside = folded.locator(".regeling").first
    assert not inside.is_visible()
    folded.locator("> summary").click()
    assert inside.is_visible()
    nog_niet = page.locator(".regeling--nog-niet").first
    assert nog_niet.is_visible()
    nog_niet.get_by_role("link", name="Vraag erkenning als leerbedrijf aan bij SBB").click()
    assert page.url.endswith("#actie-sbb-erkenning")
