"""Two-factor enrolment in a real browser at phone width: an advisor logs in, is sent to the second
step, asks for the mailed link, opens it, scans (reads) the key, confirms, keeps the recovery
codes and reaches the company; the error and lockout pages on the way are axe-clean too."""

from __future__ import annotations

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from .conftest import open_page

pytestmark = pytest.mark.browser

PASSWORD = "lang-geheim-wachtwoord-1"


@pytest.fixture
def advised_company(site):
    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.domain.values import CompanyProfile
    from onderwijsgids.workspace.models import AdvisorAssignment

    owner = get_user_model().objects.create_user(username="eigenaar@vonk.test",
                                                 email="eigenaar@vonk.test", password=PASSWORD)
    company = actions.do_create_company(CompanyProfile(naam="Metaalbedrijf De Vonk"),
                                        owner=owner, acting_user=owner)
    advisor = get_user_model().objects.create_user(username="adviseur@metaalunie.test",
                                                   email="adviseur@metaalunie.test",
                                                   password=PASSWORD)
    AdvisorAssignment.objects.create(advisor=advisor, company=company)  # as the admin inline
    return company


def _login(page, site, email: str, password: str = PASSWORD) -> None:
    """Log in and wait for the answer page (under load the next ``goto`` would otherwise cut
    the form's POST short and leave an empty page)."""
    page.goto(site + "/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()


def test_advisor_enrols_by_mailed_link_then_reaches_the_company(page, site, advised_company,
                                                                assert_no_axe_violations):
    _login(page, site, "adviseur@metaalunie.test")
    page.goto(f"{site}/bedrijf/{advised_company.pk}/")
    expect(page).to_have_url(re.compile("/account/tweestaps/"))
    expect(page.get_by_role("button", name="Stuur de link")).to_be_visible()
    expect(page.locator("img[alt*='QR']")).to_have_count(0)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Stuur de link").click()
    expect(page.get_by_text("We hebben een link gestuurd")).to_be_visible()
    assert_no_axe_violations(page)
    link = re.search(r"(http://\S+/account/tweestaps/koppelen/\S+/)", mail.outbox[-1].body)[1]
    page.goto(link)
    expect(page.locator("img[alt*='QR']")).to_have_count(1)
    assert_no_axe_violations(page)
    secret = page.locator("code").first.inner_text()
    page.get_by_label("Code uit je app").fill(f"{totp(base64.b32decode(secret)):06d}")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("ul.codes li")).to_have_count(10)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Ik heb de codes bewaard").click()
    page.goto(f"{site}/bedrijf/{advised_company.pk}/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page).not_to_have_url(re.compile("/account/"))
    # The used link does not work a second time.
    open_page(page, site, "/" + link.split("/", 3)[3], statuses=(410,))
    expect(page.get_by_text("werkt niet").first).to_be_visible()
    assert_no_axe_violations(page)


def test_the_404_and_expired_share_link_pages_are_axe_clean(page, site,
                                                            assert_no_axe_violations):
    import time

    from django.core import signing

    from onderwijsgids.advice.views import SHARE_SALT

    class Earlier(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time()) - 400 * 86400)

    token = Earlier(salt=SHARE_SALT).sign_object({"naam": "De Vonk"}, compress=True)
    for path, status in (("/bestaat-niet/", 404), (f"/advies/gedeeld/{token}/", 410)):
        open_page(page, site, path, statuses=(status,))
        assert_no_axe_violations(page)


def test_the_lockout_page_is_axe_clean_and_says_how_long(page, site, advised_company,
                                                         assert_no_axe_violations):
    for _ in range(5):
        _login(page, site, "eigenaar@vonk.test", "fout-wachtwoord")
    expect(page.get_by_text("15 minuten").first).to_be_visible()
    assert_no_axe_violations(page)
