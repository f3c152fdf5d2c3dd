"""Search, route and BVM finder pages in a real browser: axe-clean at 360 px and desktop, usable
by keyboard, no sideways scrolling, and working without JavaScript."""

from __future__ import annotations

import pytest

from .conftest import PHONE, VIEWPORTS, assert_fits_a_phone, open_page

pytestmark = pytest.mark.browser

PAGES = [
    "/zoeken/?q=subsidie+voor+mijn+bbl%27er",
    "/zoeken/?q=subsidie+bbl&pagina=2",
    "/zoeken/",
    "/zoeken/?q=qqqbedrijfsvakschool",
    "/onderwijsroutes/?van=vmbo-kb&naar=hbo-bachelor",
    "/onderwijsroutes/?van=vmbo-k&naar=",
    "/bedrijfsvakscholen/?plaats=Zwolle",
    "/bedrijfsvakscholen/?plaats=Zwole",
    "/bedrijfsvakscholen/?plaats=5342+AB",
    "/bedrijfsvakscholen/?plaats=0123",
    "/zoeken/?q=lassen",
]


def _open(page, site: str, path: str) -> None:
    """A bad query is answered with 422 and the same page, which must be as accessible."""
    open_page(page, site, path, statuses=(200, 422))


@pytest.mark.parametrize("page", VIEWPORTS, indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page, site, path, assert_no_axe_violations):
    _open(page, site, path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", PAGES)
def test_fits_a_360px_phone(page, site, path):
    _open(page, site, path)
    assert_fits_a_phone(page, path)


def _tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} is niet met Tab te bereiken")


def test_search_by_keyboard_reaches_results(page, site):
    _open(page, site, "/zoeken/")
    _tab_to(page, "#zoek-q")
    page.keyboard.type("meiden interesseren voor techniek")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")
    _tab_to(page, "a.result-title")
    assert "Girlsday" in page.evaluate("() => document.activeElement.innerText") or \
        page.locator("a.result-title").count() > 0


def test_route_form_by_keyboard(page, site):
    _open(page, site, "/onderwijsroutes/")
    _tab_to(page, "#route-van")
    page.select_option("#route-van", "vmbo-kb")
    _tab_to(page, "#route-naar")
    page.select_option("#route-naar", "hbo-bachelor")
    _tab_to(page, ".route-form button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/onderwijsroutes/?van=vmbo-kb&naar=hbo-bachelor")
    assert page.locator("article.route").count() >= 1


def test_finder_works_without_javascript(page_factory, site):
    page = page_factory(viewport=PHONE, javascript=False)
    _open(page, site, "/bedrijfsvakscholen/")
    page.fill("#bvm-plaats", "Zwolle")
    page.click(".finder-form button")
    page.wait_for_url("**/bedrijfsvakscholen/?plaats=Zwolle*")
    first = page.locator(".bvm-list li").first.inner_text()
    assert "Zwolle" in first and "km" in first
