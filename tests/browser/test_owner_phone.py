"""What owners trip over, on a 360 px phone in a real browser: the header with Inloggen, 44 px tap
targets on workspace pages, the amount 725,50, the CSV template round trip and the duplicate
warning, the calendar subscription and the two statements; every page axe-clean."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.browser

PASSWORD = "lang-geheim-wachtwoord-1"
# Controls a thumb must hit. Check boxes and radio buttons keep their own size: their label
# is the target. Links inside running text are not listed (WCAG 2.5.8 exempts them).
CONTROLS = (".main-nav a, .account-nav a, .account-nav button, .brand, .company-nav a, "
            ".links-rij a, .knoppen a, .site-footer a, .keuze label, main button, main select, "
            "main input:not([type=checkbox]):not([type=radio]):not([type=hidden])")
WORKSPACE_PAGES = ["dashboard", "profile", "learners", "learner_new", "learners_import",
                   "learner", "trainings", "training_new", "applications", "application_new",
                   "calendar", "plan", "privacy", "learner_delete"]


def small_controls(page) -> list[str]:
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .map(e => [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 40),
                   e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
        .map(([name, r]) => name + ': ' + Math.round(r.width) + '×' + Math.round(r.height))""",
                         CONTROLS)


def fits(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url}: {width}px breed"


@pytest.fixture
def company(site):
    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.domain.values import (CompanyProfile, LearnerValues,
                                                       TrainingValues)
    from onderwijsgids.workspace.models import Account

    owner = get_user_model().objects.create_user(username="eigenaar@vonk.test",
                                                 email="eigenaar@vonk.test", password=PASSWORD)
    Account.objects.create(user=owner)
    company = actions.do_create_company(CompanyProfile(
        naam="Metaalbedrijf De Vonk", erkend_leerbedrijf=True, cao="metaal-en-techniek",
        provincie="noord-holland"), owner=owner, acting_user=owner)
    learner = actions.do_create_learner(company, LearnerValues(
        naam="Kim Voorbeeld", leerweg="bbl", start=dt.date(2025, 9, 1),
        eind=dt.date(2027, 7, 1)), acting_user=owner)
    actions.do_create_training(company, TrainingValues(
        medewerker="Jo Voorbeeld", omschrijving="TIG-lassen", kosten_eur=725,
        start=dt.date.today() + dt.timedelta(days=40)), acting_user=owner)
    actions.do_create_feed_token(company, acting_user=owner)
    company.test_learner = learner
    return company


def login(page, site) -> None:
    page.goto(site + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill("eigenaar@vonk.test")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Inloggen").click()


@pytest.mark.parametrize("path", ["/", "/regelingen/", "/advies/", "/privacy/",
                                  "/toegankelijkheid/"])
def test_public_pages_offer_inloggen_in_a_compact_header(page, site, path,
                                                         assert_no_axe_violations):
    page.goto(site + path)
    link = page.locator(".account-nav").get_by_role("link", name="Inloggen")
    box = link.bounding_box()
    assert box and box["y"] < 50, "Inloggen staat niet op de eerste regel van de kop"
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 250, f"de kop is {header['height']}px hoog"
    footer = page.locator(".site-footer")
    assert footer.get_by_role("link", name="Privacyverklaring").count() == 1
    assert footer.get_by_role("link", name="Toegankelijkheidsverklaring").count() == 1
    assert small_controls(page) == []
    fits(page)
    assert_no_axe_violations(page)


def test_workspace_pages_have_44px_targets_fit_and_are_axe_clean(page, site, company,
                                                                 assert_no_axe_violations):
    login(page, site)
    brand = page.locator(".brand").bounding_box()
    logout = page.locator(".account-nav").get_by_role("button", name="Uitloggen").bounding_box()
    assert abs(brand["y"] - logout["y"]) < 10, "Mijn bedrijf/Uitloggen passen naast het merk"
    ids = {"learner": {"learner_id": company.test_learner.pk},
           "learner_delete": {"learner_id": company.test_learner.pk}}
    for name in WORKSPACE_PAGES:
        page.goto(site + reverse(f"workspace:{name}",
                                 kwargs={"company_id": company.pk, **ids.get(name, {})}))
        assert small_controls(page) == [], name
        fits(page)
        assert_no_axe_violations(page)


def test_an_amount_typed_with_a_decimal_comma_on_a_phone(page, site, company,
                                                         assert_no_axe_violations):
    login(page, site)
    page.goto(site + reverse("workspace:application_new", args=[company.pk]))
    amount = page.get_by_label("Bedrag in euro")
    assert amount.get_attribute("type") == "text"
    assert amount.get_attribute("inputmode") == "decimal"
    page.get_by_label("Jaar of studiejaar").fill("2026")
    amount.fill("725,50")
    page.get_by_role("button", name="Opslaan").click()
    assert "€ 725,50" in page.locator("main").inner_text()
    page.goto(site + reverse("workspace:application_new", args=[company.pk]))
    page.get_by_label("Jaar of studiejaar").fill("2027")
    page.get_by_label("Bedrag in euro").fill("zeven euro")
    page.get_by_role("button", name="Opslaan").click()
    assert page.title().startswith("Fout:")
    summary = page.locator(".error-summary")
    summary.get_by_role("link", name="Bedrag in euro").click()
    assert page.evaluate("() => document.activeElement.id") == "id_bedrag"
    assert_no_axe_violations(page)


def test_csv_template_round_trip_and_duplicate_warning_on_a_phone(page, site, company,
                                                                  assert_no_axe_violations):
    login(page, site)
    page.goto(site + reverse("workspace:learners_import", args=[company.pk]))
    with page.expect_download() as info:
        page.get_by_role("link", name="Sjabloon downloaden (CSV)").click()
    template = info.value.path()
    before = company.learners.count()

    page.get_by_label("CSV-bestand").set_input_files(template)
    page.get_by_role("button", name="Importeren").click()
    assert "1 leerling geïmporteerd." in page.locator(".meldingen").inner_text()
    assert company.learners.count() == before + 1

    # The same file again: the example learner is there now, so the page asks first.
    page.goto(site + reverse("workspace:learners_import", args=[company.pk]))
    page.get_by_label("CSV-bestand").set_input_files(template)
    page.get_by_role("button", name="Importeren").click()
    assert page.get_by_role("heading", name="Let op: 1 leerling staat er al").is_visible()
    assert company.learners.count() == before + 1
    fits(page)
    assert small_controls(page) == []
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Alleen de nieuwe leerlingen importeren").click()
    assert "0 leerlingen geïmporteerd." in page.locator(".meldingen").inner_text()
    assert company.learners.count() == before + 1


def test_the_calendar_page_offers_a_webcal_subscription(page, site, company):
    login(page, site)
    page.goto(site + reverse("workspace:calendar", args=[company.pk]))
    subscribe = page.get_by_role("link", name="Abonneren in je agenda")
    assert subscribe.get_attribute("href").startswith("webcal://")
    for app in ("Google Agenda", "Outlook", "Apple (iPhone, iPad, Mac)"):
        assert page.get_by_role("heading", name=app).is_visible()
