"""The company workspace in a real browser at phone width: invite → create account → log in →
add a learner → see the deadline → download the calendar file; every page axe-clean."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.browser

PASSWORD = "lang-geheim-wachtwoord-1"


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 360 || e.scrollWidth > e.clientWidth + 1)
        .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right
                         + ' ' + e.scrollWidth + ' ' + (e.textContent || '').slice(0, 60))""")
    assert width <= 360, f"{page.url}: {width}px breed: {wide}"


@pytest.fixture
def company(site):
    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.domain.values import CompanyProfile
    from onderwijsgids.workspace.models import Account

    owner = get_user_model().objects.create_user(username="eigenaar@vonk.test",
                                                 email="eigenaar@vonk.test", password=PASSWORD)
    Account.objects.create(user=owner)
    return actions.do_create_company(CompanyProfile(
        naam="Metaalbedrijf De Vonk", erkend_leerbedrijf=True, cao="metaal-en-techniek"),
        owner=owner, acting_user=owner)


def fill_date(page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Dag").fill(str(day.day))
    group.get_by_label("Maand").fill(str(day.month))
    group.get_by_label("Jaar").fill(str(day.year))


def _login(page, site, email: str) -> None:
    page.goto(site + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_invite_login_learner_deadline_calendar(page, page_factory, site, company,
                                                assert_no_axe_violations):
    def check() -> None:
        assert_no_axe_violations(page)
        _no_sideways_scroll(page)

    # The owner invites a colleague.
    _login(page, site, "eigenaar@vonk.test")
    page.goto(f"{site}/bedrijf/{company.pk}/uitnodigen/")
    check()
    page.get_by_label("E-mailadres").fill("collega@vonk.test")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    link = re.search(r"(http://\S+/account/uitnodiging/\S+/)", mail.outbox[-1].body)[1]

    # The colleague accepts in their own browser, then logs out and in again.
    page = page_factory(viewport={"width": 360, "height": 740})
    page.goto(link)
    check()
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    assert "Wat moet ik nu doen" in page.title()
    check()
    page.get_by_role("button", name="Uitloggen").click()
    _login(page, site, "collega@vonk.test")
    assert "Wat moet ik nu doen" in page.title()

    # Add a bbl learner: the Praktijkleren deadline of the study year appears.
    page.get_by_role("link", name="Leerlingen").click()
    check()
    page.get_by_role("link", name="Leerling toevoegen").click()
    check()
    page.get_by_role("button", name="Opslaan").click()  # empty: errors listed and linked
    assert page.locator(".foutoverzicht a").count() == 4  # naam, leerweg, start, eind
    check()
    today = dt.date.today()
    page.get_by_label("Naam", exact=True).fill("Sam Voorbeeld")
    page.get_by_label("Leerweg", exact=True).select_option("bbl")
    fill_date(page, "Startdatum", today - dt.timedelta(days=30))
    fill_date(page, "Einddatum", today.replace(year=today.year + 2))
    page.get_by_role("button", name="Opslaan").click()
    assert "Per studiejaar" in page.content()
    check()
    page.get_by_role("link", name="Wat moet ik nu doen").click()
    deadline = page.locator(".acties").get_by_text(re.compile("praktijkleren aanvragen", re.I))
    assert deadline.count() >= 1
    check()

    # Calendar: make a personal link and download the .ics file.
    page.get_by_role("link", name="Agenda").click()
    page.get_by_role("button", name="Agendalink maken").click()
    check()
    with page.expect_download() as info:
        page.get_by_role("link", name="Of download de deadlines één keer (.ics)").click()
    content = open(info.value.path(), encoding="utf-8").read()
    assert content.startswith("BEGIN:VCALENDAR")
    assert "praktijkleren aanvragen" in content.lower()


PAGES = ["dashboard", "profile", "advice", "plan", "learners", "learner_new", "learners_import",
         "learner", "trainings", "training_new", "training", "applications", "application_new",
         "application", "action_points", "calendar", "invite", "privacy"]


def test_every_company_page_is_axe_clean_on_a_phone(page, site, company,
                                                    assert_no_axe_violations):
    import datetime as dt

    from django.urls import reverse

    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.domain.values import (ApplicationValues, LearnerValues,
                                                       TrainingValues)

    owner = company.memberships.get().user
    learner = actions.do_create_learner(company, LearnerValues(
        naam="Kim Voorbeeld", leerweg="bbl", start=dt.date(2026, 9, 1),
        eind=dt.date(2028, 7, 1)), acting_user=owner)
    training = actions.do_create_training(company, TrainingValues(
        medewerker="Jo Voorbeeld", omschrijving="TIG-lassen",
        start=dt.date.today() + dt.timedelta(days=40)), acting_user=owner)
    application = actions.do_create_application(company, ApplicationValues(
        regeling="subsidie-praktijkleren", jaar="2026/27", status="te-doen"),
        acting_user=owner)
    from django.utils import timezone

    from onderwijsgids.workspace.models import ReminderSent

    ReminderSent.objects.create(  # the dashboard's notice of an undelivered reminder
        key="mislukt", company=company, recipient="eigenaar-met-een-lang-adres@vonk.test",
        subject="Herinnering: PTT aanvragen bij OOM vóór de start van cursus 1 ('TIG-lassen').",
        body="", status="mislukt", failed_at=timezone.now(),
        failure="De mailserver weigerde het e-mailadres van de ontvanger.")
    ids = {"learner": {"learner_id": learner.pk}, "training": {"training_id": training.pk},
           "application": {"application_id": application.pk}}
    _login(page, site, "eigenaar@vonk.test")
    for name in PAGES:
        page.goto(site + reverse(f"workspace:{name}",
                                 kwargs={"company_id": company.pk, **ids.get(name, {})}))
        assert page.locator("h1").count() == 1, name
        assert_no_axe_violations(page)
        _no_sideways_scroll(page)
