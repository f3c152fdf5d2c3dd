"""The question route /advies/ in a real browser at phone width: every step axe-clean, a
validation error, the change-answer path, the plan; and the same route without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import tab_to

pytestmark = pytest.mark.browser


def _next(page) -> None:
    page.get_by_role("button", name=re.compile("^(Verder|Start|Toevoegen|Opslaan)")).click()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url}: {width}px breed"


def test_route_end_to_end(page, site, assert_no_axe_violations):
    def check(expected_title: str | None = None) -> None:
        assert_no_axe_violations(page)
        _no_sideways_scroll(page)
        if expected_title:
            assert expected_title in page.title()

    page.goto(site + "/advies/")
    check()
    page.get_by_label("Naam van je bedrijf").fill("Metaalbedrijf De Vonk")
    _next(page)

    check("Stap 1 van 9")
    _next(page)  # no answer: a validation error
    assert page.title().startswith("Fout:")
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#cao-fout").is_visible()
    check()
    page.locator(".error-summary a").first.click()
    page.get_by_label("cao Metaal en Techniek").check()
    _next(page)

    check("Stap 2 van 9")
    page.get_by_label("Aantal medewerkers").fill("23")
    _next(page)
    check("Stap 3 van 9")
    page.get_by_label("Provincie").select_option("gelderland")
    page.get_by_label("Plaats").fill("Apeldoorn")
    _next(page)
    check("Stap 4 van 9")
    page.locator("#erkend_leerbedrijf-1").check()
    page.locator("#praktijkopleider_opgeleid-1").check()
    _next(page)
    check("Stap 5 van 9")
    page.get_by_label("nieuwe medewerkers werven").check()
    page.get_by_label("eigen medewerkers scholen").check()
    _next(page)
    check("Stap 6 van 9")
    page.get_by_label("statushouders").check()
    _next(page)

    check("Stap 7 van 9")
    page.get_by_role("link", name="Leerling toevoegen").click()
    check("Leerling toevoegen")
    page.get_by_label(re.compile("^mbo-bbl")).check()
    page.get_by_label("Opleiding (crebocode)").select_option("25892")
    page.locator("#start-dag").fill("30")
    page.locator("#start-maand").fill("2")
    page.locator("#start-jaar").fill("2026")
    page.locator("#via_bvm-1").check()
    _next(page)
    assert page.locator("#start-fout").is_visible()
    assert page.locator("#start-dag").input_value() == "30"  # what was typed is kept
    check()
    page.locator("#start-dag").fill("1")
    page.locator("#start-maand").fill("9")
    page.locator("#start-jaar").fill("2025")
    _next(page)
    assert "crebo 25892" in page.locator(".summary-list").inner_text()
    check("Stap 7 van 9")
    _next(page)
    check("Stap 8 van 9")
    _next(page)

    check("Stap 9 van 9")
    summary = page.locator(".check-list").inner_text()
    assert "cao Metaal en Techniek" in summary and "23" in summary
    page.get_by_role("link", name="Wijzig cao").click()
    check("Stap 1 van 9")
    page.get_by_label("cao Metalektro").check()
    _next(page)
    assert page.url.endswith("/advies/controle/")
    summary = page.locator(".check-list").inner_text()
    assert "cao Metalektro" in summary and "23" in summary and "Apeldoorn" in summary

    page.get_by_role("link", name="Bekijk je plan").click()
    check("Je plan")
    text = page.locator("main").inner_text()
    assert "Subsidieregeling praktijkleren" in text and "A+O Metalektro" in text
    share = page.locator("#deellink").input_value()
    assert "/advies/gedeeld/" in share and "Vonk" not in share


def test_route_works_without_javascript(page_factory, site):
    page = page_factory(viewport={"width": 360, "height": 740}, javascript=False)
    page.goto(site + "/advies/cao/")
    page.get_by_label("cao Metaal en Techniek").check()
    page.get_by_role("button", name="Verder").click()
    assert page.url.endswith("/advies/medewerkers/")
    page.get_by_label("Aantal medewerkers").fill("veel")
    page.get_by_role("button", name="Verder").click()
    assert page.locator("#medewerkers-fout").is_visible()
    page.goto(site + "/advies/plan/")
    # The reasons are folded away (<details>) and open without JavaScript.
    reasons = page.locator(".regeling details", has_text="cao Metaal en Techniek").first
    reasons.locator("summary").click()
    assert "cao Metaal en Techniek" in reasons.inner_text()


def test_new_staff_member_added_by_keyboard(page, site, assert_no_axe_violations):
    """The new-staff list of the "scholing" step: added with the keyboard only, a refused
    answer shown with the error summary (422), every page axe-clean at phone width."""
    def check() -> None:
        assert_no_axe_violations(page)
        _no_sideways_scroll(page)

    page.goto(site + "/advies/scholing/")
    check()
    tab_to(page, 'a[href="/advies/nieuwe-medewerkers/nieuw/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/advies/nieuwe-medewerkers/nieuw/")
    assert "Nieuwe medewerker toevoegen" in page.title()
    check()
    tab_to(page, "#doelgroep")
    page.keyboard.type("statushouders")
    assert page.locator("#doelgroep").input_value() == "statushouders"
    for selector, text in (("#in_dienst-dag", "1"), ("#in_dienst-maand", "2"),
                           ("#in_dienst-jaar", "2026"), ("#contract_maanden", "12"),
                           ("#uren_per_week", "99")):
        tab_to(page, selector)
        page.keyboard.type(text)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.keyboard.press("Enter")
    assert posted.value.status == 422
    expect(page).to_have_title(re.compile(r"^Fout:"))  # waits for the answer's page to load
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#uren_per_week-fout").is_visible()
    assert page.locator("#uren_per_week").input_value() == "99"  # what was typed is kept
    check()

    tab_to(page, '.error-summary a[href="#uren_per_week"]')
    page.keyboard.press("Enter")
    # The summary's link moves the focus to the field it names.
    assert page.evaluate("() => document.activeElement.id") == "uren_per_week"
    page.keyboard.press("Control+A")
    page.keyboard.type("32")
    page.keyboard.press("Enter")
    page.wait_for_url("**/advies/scholing/")
    item = page.locator(".summary-list").inner_text()
    assert "statushouders, in dienst per 1 februari 2026, contract van 12 maanden, " \
        "32 uur per week" in item
    check()
