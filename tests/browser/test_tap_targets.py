"""On a 360 px phone every control is a 44 px tap target and the education diagram of a level page
is drawn at its own size (readable labels, scrolling in its own box) instead of shrunk to fit (the
overview page shows the levels stap voor stap instead: tests/browser/test_diagram.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CONTROLS = (".main-nav a, .breadcrumbs a, .brand, .diagram-skip, .diagram-show, .edu-level, "
            ".edu-next a, main button, main select, "
            "main input, .site-search input, .site-search button, .account-nav a, "
            ".site-footer a")
# Workspace pages are checked the same way in test_owner_phone.py (they need a login).


@pytest.mark.parametrize("path", ["/actiepunten/1/", "/kwalificaties/", "/onderwijsniveaus/",
                                  "/zoeken/?q=subsidie+bbl", "/bedrijfsvakscholen/?plaats=Zwolle",
                                  "/privacy/", "/toegankelijkheid/", "/account/inloggen/"])
def test_controls_are_at_least_44px_high(page, site, path):
    page.goto(site + path)
    small = page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .map(e => [e.tagName + ' ' + (e.textContent || e.name).trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height < 44)
        .map(([name, r]) => name + ': ' + Math.round(r.height) + 'px')""", CONTROLS)
    assert small == [], f"{path}: {small}"


def test_a_level_page_keeps_the_diagram_at_its_size_on_a_phone(page, site):
    page.goto(site + "/onderwijsniveaus/vmbo-kb/")
    drawn, own = page.evaluate("""() => {
        const svg = document.querySelector('.onderwijs-diagram');
        return [svg.getBoundingClientRect().width, svg.viewBox.baseVal.width];
    }""")
    assert drawn >= own
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
