"""Browser tests: Playwright drives Debian's chromium against the live test server, axe-core checks.

Nothing is downloaded: the browser is ``/usr/bin/chromium`` and axe-core is vendored in
``vendor/axe.min.js``. A missing chromium fails the tests with an explanation instead of
skipping them: a skipped accessibility test looks like a passing one.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = [pytest.param(PHONE, id="360px"), pytest.param(DESKTOP, id="desktop")]
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: installeer Debian's pakket 'chromium' "
                    "(apt-get install -y chromium, of 'make system-deps').", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, content_transactional_db) -> str:
    """Base URL of the live server, with the real content loaded."""
    return live_server.url


@pytest.fixture
def page_factory(browser):
    """``page_factory(viewport=PHONE, javascript=True)``: a fresh page in its own context."""
    contexts = []

    def make(viewport: dict[str, int] | None = None, javascript: bool = True):
        context = browser.new_context(viewport=viewport or DESKTOP,
                                      java_script_enabled=javascript, locale="nl-NL")
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(request, page_factory):
    """A page at phone width (360 × 740); parametrize indirectly with another viewport."""
    return page_factory(viewport=getattr(request, "param", PHONE))


@pytest.fixture
def assert_no_axe_violations():
    """The helper below as a fixture, so test modules need no imports from this conftest."""
    return _assert_no_axe_violations


def _assert_no_axe_violations(page: Any) -> None:
    """Inject axe-core into ``page`` and fail with a readable list of every violation."""
    # Evaluated through the DevTools protocol, which the page's CSP (no inline scripts) allows;
    # add_script_tag would insert an inline <script> that the CSP rightly blocks.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"]});
        return r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(" ")).slice(0, 5),
            count: v.nodes.length,
        }));
    }""")
    if result:
        lines = [f"{page.url}: {len(result)} axe-overtreding(en)"]
        for v in result:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {v['count']}× bv. "
                         + ", ".join(v["targets"]))
        pytest.fail("\n".join(lines), pytrace=False)


def open_page(page: Any, site: str, path: str, statuses: tuple[int, ...] = (200,)) -> Any:
    """Go to ``site + path`` and fail, naming the path, unless the status is one of ``statuses``."""
    response = page.goto(site + path)
    assert response is not None and response.status in statuses, \
        f"{path}: {response and response.status}"
    return response


def assert_fits_a_phone(page: Any, path: str) -> None:
    """No sideways scrolling: the document is no wider than the 360 px phone."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px breed"


def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until ``selector`` has the focus, as a keyboard user moves through the page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{page.url}: {selector} is niet met Tab te bereiken", pytrace=False)
