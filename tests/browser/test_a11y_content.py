"""The guide's pages in a real browser: no axe-core violations on a phone and a desktop, usable by
keyboard, and the same content without JavaScript."""

from __future__ import annotations

import pytest

from .conftest import VIEWPORTS, assert_fits_a_phone, open_page

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/actiepunten/3/",
    "/regelingen/subsidie-praktijkleren/",
    "/kwalificaties/25892/",
    "/onderwijsniveaus/",
]
SEARCH_FIELD = "input[name='q']"
HEADINGS = "() => [...document.querySelectorAll('h1, h2, h3')].map(h => h.innerText.trim())"


@pytest.mark.parametrize("page", VIEWPORTS, indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page, site, path, assert_no_axe_violations):
    open_page(page, site, path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", PAGES)
def test_fits_a_360px_phone_without_sideways_scrolling(page, site, path):
    open_page(page, site, path)
    assert_fits_a_phone(page, path)


@pytest.mark.parametrize("path", PAGES)
def test_tab_reaches_the_skip_link_first_then_the_search_field(page, site, path):
    open_page(page, site, path)
    page.keyboard.press("Tab")
    first = page.evaluate("() => [document.activeElement.className, "
                          "document.activeElement.getAttribute('href')]")
    assert first == ["skip-link", "#inhoud"], f"{path}: eerste Tab gaat naar {first}"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches(\"{SEARCH_FIELD}\")"):
            return
    pytest.fail(f"{path}: het zoekveld ({SEARCH_FIELD}) is niet met Tab te bereiken")


@pytest.mark.parametrize("path", PAGES)
def test_the_skip_link_moves_focus_to_the_content(page, site, path):
    open_page(page, site, path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("path", PAGES)
def test_works_without_javascript(page_factory, site, path):
    with_js = page_factory(javascript=True)
    without_js = page_factory(javascript=False)
    open_page(with_js, site, path)
    open_page(without_js, site, path)
    headings = without_js.evaluate(HEADINGS)
    assert headings and headings[0], f"{path}: geen kop zonder JavaScript"
    assert headings == with_js.evaluate(HEADINGS)


@pytest.mark.parametrize("path", PAGES)
def test_loads_nothing_from_other_hosts_and_breaks_no_csp_rule(page, site, path):
    foreign, refused = [], []
    page.on("request", lambda r: None if r.url.startswith((site, "data:")) else foreign.append(r.url))
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
            else None)
    open_page(page, site, path)
    page.wait_for_load_state("load")
    assert foreign == []
    assert refused == []


def test_the_axe_helper_reports_violations_readably(page, assert_no_axe_violations):
    """Guards against a silently green check: a page with known faults must fail, by name."""
    page.set_content("<html><body><img src='x.png'><a href='/'></a></body></html>")
    with pytest.raises(pytest.fail.Exception) as failure:
        assert_no_axe_violations(page)
    message = str(failure.value)
    assert "image-alt (critical)" in message
    assert "link-name (serious)" in message
    assert "html-has-lang" in message
