"""The dashboard as the company's "Doe dit nu" on a 360 px phone: the advice's first action
first, its state changed by keyboard alone and without JavaScript, done actions folded away;
axe-clean and no sideways scrolling at every step."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.browser

PASSWORD = "lang-geheim-wachtwoord-1"
EMAIL = "eigenaar@vier-bbl.test"


@pytest.fixture
def company(site):
    """Four bbl learners and no SBB recognition (the issue's case), and a course ahead."""
    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.models import Account

    owner = get_user_model().objects.create_user(username=EMAIL, email=EMAIL, password=PASSWORD)
    Account.objects.create(user=owner)
    from onderwijsgids.workspace.domain.values import CompanyProfile, LearnerValues, TrainingValues

    company = actions.do_create_company(CompanyProfile(
        naam="Vier Leerlingen BV", erkend_leerbedrijf=False, cao="metaal-en-techniek",
        provincie="gelderland"), owner=owner, acting_user=owner)
    for n in range(4):
        actions.do_create_learner(company, LearnerValues(
            naam=f"Leerling {n + 1}", leerweg="bbl", start=dt.date(2025, 9, 1),
            eind=dt.date(2027, 7, 1)), acting_user=owner)
    actions.do_create_training(company, TrainingValues(
        medewerker="Jo Voorbeeld", omschrijving="TIG-lassen", kosten_eur=725,
        start=dt.date.today() + dt.timedelta(days=40)), acting_user=owner)
    return company


def first_action(company):
    from onderwijsgids.workspace import services

    return services.company_advice(company).acties[0]


def log_in(page, site: str) -> None:
    page.goto(site + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(EMAIL)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    assert "Wat moet ik nu doen" in page.title()


def check(page, assert_no_axe_violations) -> None:
    assert_no_axe_violations(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url}: {width}px breed"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} is niet met Tab te bereiken")


def test_the_first_action_comes_first_and_its_state_changes_by_keyboard(
        page, site, company, assert_no_axe_violations):
    actie = first_action(company)
    assert actie.id == "sbb-erkenning"
    log_in(page, site)
    check(page, assert_no_axe_violations)
    items = page.locator("#doe-dit-nu ol.doe-dit-nu > li")
    assert items.first.get_attribute("id") == f"actie-{actie.id}"
    assert items.first.locator("h3").inner_text() == actie.wat
    assert "Er staan geen deadlines open" not in page.content()

    # Keyboard only: skip link, then Tab to the first action's "Ik ben bezig".
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    tab_to(page, f"#actie-{actie.id} button[value=bezig]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/#actie-{actie.id}")
    first = page.locator("#doe-dit-nu ol.doe-dit-nu > li").first
    assert first.get_attribute("id") == f"actie-{actie.id}"
    assert "Staat: bezig" in first.inner_text()
    assert "De actie staat nu op ‘bezig’." in page.locator(".meldingen").inner_text()
    check(page, assert_no_axe_violations)

    # Done: the action folds away into "1 actie klaar", which opens by keyboard.
    tab_to(page, f"#actie-{actie.id} button[value=klaar]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/#klaar")
    assert page.locator(f"#doe-dit-nu > ol #actie-{actie.id}").count() == 0
    summary = page.locator("#klaar summary")
    assert summary.inner_text() == "1 actie klaar"
    page.locator("h1").focus()
    tab_to(page, "#klaar summary")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.getElementById('klaar').open")
    assert page.locator(f"#klaar #actie-{actie.id}").is_visible()
    check(page, assert_no_axe_violations)


def test_the_state_form_works_without_javascript(page_factory, site, company):
    from onderwijsgids.workspace.models import ActionState

    page = page_factory(viewport={"width": 360, "height": 740}, javascript=False)
    actie = first_action(company)
    log_in(page, site)
    first = page.locator("#doe-dit-nu ol.doe-dit-nu > li").first
    # The button names its action for a screen reader ("Klaar: Vraag erkenning …").
    first.get_by_role("button", name=re.compile(rf"^Klaar\s*:\s*{re.escape(actie.wat)}$")).click()
    assert ActionState.objects.get(company=company, actie=actie.id).staat == "klaar"
    assert page.locator(f"#klaar #actie-{actie.id}").count() == 1
    assert page.locator("#doe-dit-nu > ol.doe-dit-nu > li").first.get_attribute("id") != \
        f"actie-{actie.id}"
    # (axe needs JavaScript in the page; the same states are axe-checked in the test above)
