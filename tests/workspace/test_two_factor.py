"""Two factors by reach, enrolment only after a mailed one-time link, recovery codes, and no way
around it through the admin (/beheer/). Everything through the test client."""

from __future__ import annotations

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderwijsgids.workspace.models import Account, AdvisorAssignment, TwoFactorEnrolment

from .conftest import code_for, enrol_by_mail, make_user, verified_client

PASSWORD = "lang-geheim-wachtwoord-1"


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    cache.clear()


def _login(user) -> Client:
    client = Client()
    response = client.post("/account/inloggen/", {"username": user.username,
                                                  "password": PASSWORD})
    assert response.status_code == 302
    return client


def _admin(client) -> Client:
    admin = get_user_model().objects.create_superuser("beheer@metaalunie.test",
                                                      "beheer@metaalunie.test", PASSWORD)
    return verified_client(client, admin)


def _assign_through_admin_inline(client, company, advisor) -> None:
    """The company's change form in /beheer/ with one row added to the advisor inline."""
    memberships = list(company.memberships.all())
    data = {"naam": company.naam, "cao": company.cao or "", "plaats": company.plaats,
            "medewerkers": "", "provincie": "", "erkend_leerbedrijf": "unknown",
            "praktijkopleider_opgeleid": "unknown",
            "memberships-TOTAL_FORMS": str(len(memberships)),
            "memberships-INITIAL_FORMS": str(len(memberships)),
            "assignments-TOTAL_FORMS": "1", "assignments-INITIAL_FORMS": "0",
            "assignments-0-advisor": str(advisor.pk), "assignments-0-company": str(company.pk)}
    for i, m in enumerate(memberships):
        data.update({f"memberships-{i}-id": str(m.pk), f"memberships-{i}-user": str(m.user_id),
                     f"memberships-{i}-role": m.role, f"memberships-{i}-company": str(company.pk)})
    response = client.post(f"/beheer/workspace/company/{company.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_advisor_linked_through_the_admin_inline_is_refused_without_second_factor(client, world):
    company = world["b"]["company"]
    plain = make_user("later-adviseur@metaalunie.test")  # an ordinary account, role "bedrijf"
    _assign_through_admin_inline(_admin(client), company, plain)
    assert AdvisorAssignment.objects.filter(advisor=plain, company=company).exists()
    assert Account.objects.get(user=plain).rol == "bedrijf"  # the label did not change
    session = _login(plain)
    for path in (f"/bedrijf/{company.pk}/", f"/bedrijf/{company.pk}/leerlingen/",
                 f"/bedrijf/{company.pk}/leerlingen/leerlingen.csv",
                 f"/bedrijf/{company.pk}/privacy/persoonsgegevens.json", "/adviseur/",
                 "/adviseur/portefeuille.xlsx"):
        response = session.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/account/tweestaps/controleren/"), path
        assert "Leerling van" not in response.content.decode()
    api = session.get(f"/api/v1/bedrijven/{company.pk}/leerlingen")
    assert api.status_code == 403 and "Leerling van" not in api.content.decode()


@pytest.mark.parametrize("kind", ["staff", "superuser", "editor"])
def test_staff_superusers_and_editors_need_the_second_factor(world, kind):
    User = get_user_model()
    if kind == "editor":
        user = make_user("redacteur@metaalunie.test", Account.Role.EDITOR)
    else:
        user = User.objects.create_user("staf@metaalunie.test", "staf@metaalunie.test",
                                        PASSWORD, is_staff=True,
                                        is_superuser=kind == "superuser")
    client = Client()
    login = client.post("/beheer/login/?next=/beheer/", {"username": user.username,
                                                         "password": PASSWORD})
    assert login.status_code in (200, 302)
    client.force_login(user)
    for path in ("/beheer/", "/beheer/workspace/company/", "/bedrijf/"):
        response = client.get(path)
        assert response.status_code == 302 and "/account/tweestaps/" in response["Location"]


def test_the_admin_itself_refuses_an_unverified_session(rf, world):
    from django.contrib import admin

    staff = get_user_model().objects.create_user("staf2@metaalunie.test", password=PASSWORD,
                                                 is_staff=True, is_superuser=True)
    request = rf.get("/beheer/")
    request.user = staff
    staff.is_verified = lambda: False
    assert admin.site.has_permission(request) is False
    staff.is_verified = lambda: True
    assert admin.site.has_permission(request) is True


def test_company_owner_with_several_companies_needs_no_second_factor(world):
    from onderwijsgids.workspace import actions
    from onderwijsgids.workspace.domain.values import CompanyProfile

    owner = world["owner_a"]
    actions.do_create_company(CompanyProfile(naam="Tweede bedrijf"), owner=owner,
                              acting_user=owner)
    session = _login(owner)
    assert session.get("/bedrijf/").status_code == 200


def test_the_secret_is_shown_only_after_the_mailed_link(world):
    advisor = world["advisor"]
    session = _login(advisor)
    page = session.get("/account/tweestaps/instellen/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "data:image/svg+xml" not in text and "Sleutel" not in text
    assert "Stuur de link" in text and advisor.email in text
    assert not TOTPDevice.objects.filter(user=advisor).exists()
    # Posting a code without the link does nothing either.
    assert "data:image" not in session.post("/account/tweestaps/instellen/",
                                            {"token": "123456"}).content.decode()
    secret = enrol_by_mail(session, advisor)
    done = session.post("/account/tweestaps/instellen/", {"token": code_for(secret)})
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert done.status_code == 200 and len(codes) == 10
    assert set(StaticToken.objects.filter(device__user=advisor)
               .values_list("token", flat=True)) == set(codes)
    assert session.get(f"/bedrijf/{world['a']['company'].pk}/").status_code == 200


def test_the_link_works_once_for_its_own_account_and_expires(world):
    advisor, stranger = world["advisor"], world["stranger"]
    session = _login(advisor)
    session.post("/account/tweestaps/instellen/")
    path = re.search(r"http://testserver(/account/tweestaps/koppelen/\S+/)",
                     mail.outbox[-1].body)[1]
    # Someone else with the link (logged in as another account) gets nothing.
    other = _login(stranger)
    refused = other.get(path)
    assert refused.status_code == 410 and "werkt niet" in refused.content.decode()
    # Without login the link first asks for the password.
    anonymous = Client().get(path)
    assert anonymous.status_code == 302 and "/account/inloggen/" in anonymous["Location"]
    assert session.get(path).status_code == 302
    again = session.get(path)
    assert again.status_code == 410
    # An expired link.
    session.post("/account/tweestaps/instellen/")
    TwoFactorEnrolment.objects.filter(used_at=None).update(expires_at=timezone.now())
    late = re.search(r"http://testserver(/account/tweestaps/koppelen/\S+/)",
                     mail.outbox[-1].body)[1]
    assert session.get(late).status_code == 410
    assert Client().get("/account/tweestaps/koppelen/vervalst:token/").status_code == 302
    assert session.get("/account/tweestaps/koppelen/vervalst:token/").status_code == 410


def test_a_device_made_by_someone_else_is_not_taken_over(world):
    advisor = world["advisor"]
    planted = TOTPDevice.objects.create(user=advisor, name="van een ander", confirmed=False)
    planted_secret = base64.b32encode(planted.bin_key).decode()
    session = _login(advisor)
    secret = enrol_by_mail(session, advisor)
    assert secret != planted_secret
    assert not TOTPDevice.objects.filter(pk=planted.pk).exists()
    refused = session.post("/account/tweestaps/instellen/", {"token": code_for(planted_secret)})
    assert refused.status_code == 422
    # A confirmed device can only come from the session's own enrolment: none exists yet.
    assert not TOTPDevice.objects.filter(user=advisor, confirmed=True).exists()


def test_the_admin_has_no_pages_to_make_devices(client, world):
    admin = _admin(client)
    for path in ("/beheer/otp_totp/totpdevice/", "/beheer/otp_totp/totpdevice/add/",
                 "/beheer/otp_static/staticdevice/add/"):
        assert admin.get(path).status_code == 404, path


def test_an_administrator_invites_to_set_up_again(client, world):
    advisor = world["advisor"]
    TOTPDevice.objects.create(user=advisor, name="kwijt", confirmed=True)
    admin = _admin(client)
    response = admin.post("/beheer/workspace/account/", {
        "action": "reset_two_factor", "_selected_action": [str(advisor.account.pk)]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=advisor).exists()
    assert "beheerder" in mail.outbox[-1].body and mail.outbox[-1].to == [advisor.email]
    path = re.search(r"http://testserver(/account/tweestaps/koppelen/\S+/)",
                     mail.outbox[-1].body)[1]
    session = _login(advisor)
    page = session.get(path, follow=True)
    assert "data:image/svg+xml" in page.content.decode()


def test_recovery_codes_log_in_once_each(world):
    advisor = world["advisor"]
    first = _login(advisor)
    secret = enrol_by_mail(first, advisor)
    done = first.post("/account/tweestaps/instellen/", {"token": code_for(secret)})
    code = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())[0]
    company = world["a"]["company"]
    phone_lost = _login(advisor)
    ok = phone_lost.post("/account/tweestaps/controleren/", {"token": code.upper()},
                         follow=True)
    assert ok.status_code == 200 and "nog 9 over" in ok.content.decode()
    assert phone_lost.get(f"/bedrijf/{company.pk}/").status_code == 200
    reused = _login(advisor).post("/account/tweestaps/controleren/", {"token": code})
    assert reused.status_code == 422 and "klopt niet" in reused.content.decode()


def test_new_recovery_codes_replace_the_old_ones(world):
    advisor = world["advisor"]
    session = _login(advisor)
    secret = enrol_by_mail(session, advisor)
    old = re.findall(r"<code>([a-z2-7]{8})</code>", session.post(
        "/account/tweestaps/instellen/", {"token": code_for(secret)}).content.decode())
    new = re.findall(r"<code>([a-z2-7]{8})</code>", session.post(
        "/account/tweestaps/herstelcodes/").content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert _login(advisor).post("/account/tweestaps/controleren/",
                                {"token": old[0]}).status_code == 422
    unverified = _login(advisor).post("/account/tweestaps/herstelcodes/")
    assert unverified.status_code == 302
