""""Bewaar dit plan" in a real browser at phone width: a visitor with a plan signs up, reads the
mailed link (Django's locmem outbox: the live server runs in this process), confirms, and lands
on the dashboard of a company holding the route's answers. Every page on the way is axe-clean
and fits the phone, and a wrong KvK number is refused with the field named; the same flow works
without JavaScript."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail

from .conftest import assert_fits_a_phone

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-en-eigen-wachtwoord"
ANSWERS = ("naam=Metaalbedrijf+De+Vonk&cao=metaal-en-techniek&medewerkers=23"
           "&provincie=gelderland&plaats=Apeldoorn&erkend_leerbedrijf=nee"
           "&praktijkopleider_opgeleid=nee&doelen=werven&doelgroepen=statushouders")


def _add_learner(page, site: str) -> None:
    page.goto(site + "/advies/leerlingen/nieuw/")
    page.get_by_label(re.compile("^mbo-bbl")).check()
    page.get_by_label("Opleiding (crebocode)").select_option("25892")
    for part, value in (("dag", "1"), ("maand", "9"), ("jaar", "2025")):
        page.locator(f"#start-{part}").fill(value)
    for part, value in (("dag", "1"), ("maand", "7"), ("jaar", "2027")):
        page.locator(f"#eind-{part}").fill(value)
    page.locator("#via_bvm-1").check()
    page.get_by_role("button", name="Toevoegen").click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "zonder-js"])
def test_sign_up_from_the_plan_makes_a_company_with_the_routes_answers(
        page_factory, site, assert_no_axe_violations, javascript):
    from onderwijsgids.workspace.models import Company

    from .conftest import PHONE

    page = page_factory(viewport=PHONE, javascript=javascript)

    def check() -> None:
        """axe-core and the phone width need page scripts: checked in the run with them."""
        if javascript:
            assert_no_axe_violations(page)
            assert_fits_a_phone(page, page.url)

    page.goto(f"{site}/advies/controle/?{ANSWERS}")
    _add_learner(page, site)
    page.goto(site + "/advies/plan/")
    page.get_by_role("link", name="Bewaar dit plan", exact=True).click()

    assert page.get_by_label("Naam van het bedrijf").input_value() == "Metaalbedrijf De Vonk"
    check()
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_label("E-mailadres").fill("eigenaar@devonk.test")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Stuur de bevestigingslink").click()
    assert page.title().startswith("Fout:")
    assert "KvK-nummer: Een KvK-nummer is 8 cijfers" in page.locator(".foutoverzicht").inner_text()
    assert page.get_by_label("E-mailadres").input_value() == "eigenaar@devonk.test"
    check()

    page.get_by_label("KvK-nummer").fill("12345678")
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Stuur de bevestigingslink").click()
    assert page.locator("h1").inner_text() == "Kijk in je e-mail"
    check()

    link = re.search(r"(http://\S+/account/aanmelden/bevestigen/\S+/)", mail.outbox[-1].body)[1]
    page.goto(link)
    assert "Leerling 1 uit het plan: mbo-bbl, opleiding 25892" in page.content()
    check()
    page.get_by_role("button", name="Bevestigen en bedrijfsomgeving maken").click()

    company = Company.objects.get(naam="Metaalbedrijf De Vonk")
    assert page.url == f"{site}/bedrijf/{company.pk}/"
    assert "Je bedrijfsomgeving is gemaakt" in page.content()
    check()
    assert (company.kvk, company.cao, company.medewerkers, company.plaats) == (
        "12345678", "metaal-en-techniek", 23, "Apeldoorn")
    assert company.doelgroepen == ["statushouders"]
    learner = company.learners.get()
    assert (learner.leerweg, learner.start, learner.eind) == ("bbl", dt.date(2025, 9, 1),
                                                              dt.date(2027, 7, 1))
