"""The education diagram in a real browser (issue 14): laid out in rows and readable without
sideways scrolling at 1280 px, a stepwise "van … naar …" view on a 360 px phone, every level a
link, labels inside their boxes, axe-core clean at both widths."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE, VIEWPORTS, assert_fits_a_phone, open_page

pytestmark = pytest.mark.browser

PATHS = ["/onderwijsniveaus/", "/gids/onderwijsniveaus/"]
LEVELS = 24  # onderwijsniveaus with a place in the schema


@pytest.mark.parametrize("page", VIEWPORTS, indirect=True)
@pytest.mark.parametrize("path", [*PATHS, "/onderwijsniveaus/#schema-tekening",
                                  "/onderwijsniveaus/#niveau-mbo-3"])
def test_no_axe_violations(page, site, path, assert_no_axe_violations):
    open_page(page, site, path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("page", [DESKTOP], indirect=True)
@pytest.mark.parametrize("path", PATHS)
def test_at_1280px_the_whole_schema_is_visible_and_every_level_is_a_link(page, site, path):
    open_page(page, site, path)
    wrap = page.locator(".diagram-wrap--full")
    assert wrap.is_visible()
    overflow = page.evaluate("""() => {
        const w = document.querySelector('.diagram-wrap--full');
        return w.scrollWidth - w.clientWidth; }""")
    assert overflow <= 1, f"het schema schuift {overflow}px opzij"
    links = page.locator(".diagram-wrap--full a.dg-node")
    assert links.count() == LEVELS
    for n in range(links.count()):
        assert links.nth(n).get_attribute("href").startswith("/onderwijsniveaus/")


@pytest.mark.parametrize("page", [DESKTOP], indirect=True)
def test_labels_fit_their_boxes(page, site):
    open_page(page, site, "/onderwijsniveaus/")
    outside = page.evaluate("""() => [...document.querySelectorAll('.diagram-wrap--full a.dg-node')]
        .map(a => [a.dataset.niveau, a.querySelector('rect').getBBox(), a.querySelector('text').getBBox()])
        .filter(([, r, t]) => t.x < r.x + 2 || t.x + t.width > r.x + r.width - 2
                               || t.y < r.y + 1 || t.y + t.height > r.y + r.height - 1)
        .map(([id]) => id)""")
    assert outside == []
    size = page.evaluate("""() => {
        const svg = document.querySelector('.diagram-wrap--full svg');
        const t = svg.querySelector('text');
        return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width
               / svg.viewBox.baseVal.width; }""")
    assert size >= 10.5, f"labels are drawn at {size:.1f}px"


def test_on_a_phone_the_levels_come_stap_voor_stap(page, site):
    open_page(page, site, "/onderwijsniveaus/")
    assert_fits_a_phone(page, "/onderwijsniveaus/")
    assert not page.locator(".diagram-wrap--full").is_visible()
    steps = page.locator(".edu-step")
    assert steps.count() == LEVELS
    kb_step = page.locator("#niveau-vmbo-kb")
    assert kb_step.locator("a.edu-level").get_attribute("href") == "/onderwijsniveaus/vmbo-kb/"
    kb_step.get_by_role("link", name="mbo 3").click()
    page.wait_for_url("**#niveau-mbo-3")
    target = page.locator("#niveau-mbo-3")
    assert target.is_visible() and target.evaluate("e => e.matches(':target')")
    box = target.bounding_box()
    assert 0 <= box["y"] < PHONE["height"]
    assert_fits_a_phone(page, "/onderwijsniveaus/#niveau-mbo-3")


def test_on_a_phone_the_drawing_can_still_be_opened(page, site):
    open_page(page, site, "/onderwijsniveaus/")
    page.get_by_role("link", name="Toon toch de tekening (schuift opzij)").click()
    wrap = page.locator(".diagram-wrap--full")
    assert wrap.is_visible()
    drawn, own = page.evaluate("""() => {
        const svg = document.querySelector('.diagram-wrap--full svg');
        return [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width]; }""")
    assert drawn >= own  # drawn at its own size, scrolling in its box
    assert_fits_a_phone(page, "/onderwijsniveaus/#schema-tekening")


def test_the_route_form_of_the_stepwise_view_finds_routes(page, site):
    open_page(page, site, "/onderwijsniveaus/")
    page.select_option("#stap-van", "vmbo-kb")
    page.select_option("#stap-naar", "hbo-bachelor")
    page.get_by_role("button", name="Toon alle routes").click()
    page.wait_for_url("**/onderwijsroutes/?van=vmbo-kb&naar=hbo-bachelor")
    assert page.locator(".onderwijs-diagram .dg-hl").count() >= 3
