"""Accounts: invitation, login, lockout (axes), password reset, TOTP two-factor, CSRF."""

from __future__ import annotations

import re

from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.values import CompanyProfile
from onderwijsgids.workspace.models import Membership

from .conftest import code_for, enrol_by_mail, make_user

PASSWORD = "lang-geheim-wachtwoord-1"


def _invite_link(owner_client, company, email="nieuw@bedrijf-a.test", rol="employee") -> str:
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail goes out on commit
        response = owner_client.post(f"/bedrijf/{company.pk}/uitnodigen/",
                                     {"email": email, "rol": rol})
    assert response.status_code == 302
    return re.search(r"http://testserver(/account/uitnodiging/\S+/)", mail.outbox[-1].body)[1]


def test_invite_creates_an_account_and_membership(owner_client, world, client):
    company = world["a"]["company"]
    link = _invite_link(owner_client, company)
    fresh = Client()
    assert fresh.get(link).status_code == 200
    short = fresh.post(link, {"password1": "kort", "password2": "kort"})
    assert short.status_code == 422 and "id_password1-fout" in short.content.decode()
    response = fresh.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    assert Membership.objects.filter(company=company, user__email="nieuw@bedrijf-a.test",
                                     role="employee").exists()
    assert fresh.get(f"/bedrijf/{company.pk}/").status_code == 200
    assert fresh.get(f"/bedrijf/{world['b']['company'].pk}/").status_code == 404


def test_tampered_invite_is_refused(client, world):
    assert client.get("/account/uitnodiging/nep.token/").status_code == 404


def test_only_owners_invite(client, world):
    employee = make_user("mw@bedrijf-a.test")
    Membership.objects.create(user=employee, company=world["a"]["company"], role="employee")
    client.force_login(employee)
    assert client.get(f"/bedrijf/{world['a']['company'].pk}/uitnodigen/").status_code == 403


def test_login_and_logout(client, world):
    response = client.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                                  "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).status_code == 200
    client.post("/account/uitloggen/")
    assert client.get(f"/bedrijf/{world['a']['company'].pk}/").status_code == 302


def test_the_login_page_tells_a_newcomer_how_to_get_an_account(client, world):
    """An account comes with a saved plan: the login page points to the advice route."""
    page = client.get("/account/inloggen/").content.decode()
    assert "Nog geen account?" in page and 'href="/advies/"' in page


def test_lockout_after_five_failed_logins(client, world):
    for _ in range(5):
        response = client.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                                      "password": "fout"})
    response = client.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                                  "password": PASSWORD})
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


def test_wrong_password_gets_a_dutch_message(client, world):
    response = client.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                                  "password": "fout"})
    assert "klopt niet" in response.content.decode()


def test_password_reset_by_mail(client, world):
    client.post("/account/wachtwoord-vergeten/", {"email": "eigenaar@bedrijf-a.test"})
    link = re.search(r"http://testserver(/account/wachtwoord-herstellen/\S+/)",
                     mail.outbox[-1].body)[1]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "nieuw-wachtwoord-xyz-9",
                                                    "new_password2": "nieuw-wachtwoord-xyz-9"})
    assert done.status_code == 302
    fresh = Client()
    ok = fresh.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                           "password": "nieuw-wachtwoord-xyz-9"})
    assert ok.status_code == 302


def test_advisor_must_set_up_and_pass_two_factor(client, world):
    advisor = world["advisor"]
    company = world["a"]["company"]
    response = client.post("/account/inloggen/", {"username": advisor.username,
                                                  "password": PASSWORD})
    assert response.status_code == 302
    blocked = client.get(f"/bedrijf/{company.pk}/")
    assert blocked.status_code == 302 and "/account/tweestaps/" in blocked["Location"]
    assert client.get(f"/api/v1/bedrijven/{company.pk}/leerlingen").status_code == 403
    secret = enrol_by_mail(client, advisor)
    wrong = client.post("/account/tweestaps/instellen/", {"token": "000000"})
    assert wrong.status_code == 422
    device = TOTPDevice.objects.get(user=advisor)
    device.throttle_reset()  # django-otp slows down guessing after a wrong code
    ok = client.post("/account/tweestaps/instellen/", {"token": code_for(secret),
                                                       "next": f"/bedrijf/{company.pk}/"})
    assert ok.status_code == 200 and "Herstelcodes" in ok.content.decode()
    assert client.get(f"/bedrijf/{company.pk}/").status_code == 200
    # A new session needs the code again.
    other = Client()
    other.post("/account/inloggen/", {"username": advisor.username, "password": PASSWORD})
    assert other.get(f"/bedrijf/{company.pk}/").status_code == 302
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    verified = other.post("/account/tweestaps/controleren/", {"token": code_for(secret)})
    assert verified.status_code == 302
    assert other.get(f"/bedrijf/{company.pk}/").status_code == 200


def test_company_users_need_no_second_factor(client, world):
    client.post("/account/inloggen/", {"username": "eigenaar@bedrijf-a.test",
                                       "password": PASSWORD})
    assert client.get(f"/bedrijf/{world['a']['company'].pk}/").status_code == 200


def test_my_companies_lists_every_company_from_one_query(client, world):
    client.force_login(world["owner_b"])
    only = world["b"]["company"]
    assert client.get("/bedrijf/")["Location"] == f"/bedrijf/{only.pk}/"
    owner = world["owner_a"]
    actions.do_create_company(CompanyProfile(naam="Bedrijf C"), owner=owner, acting_user=owner)
    client.force_login(owner)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/bedrijf/")
    assert page.status_code == 200
    assert "Bedrijf A" in page.content.decode() and "Bedrijf C" in page.content.decode()
    company_reads = [q["sql"] for q in queries.captured_queries
                     if 'FROM "workspace_company"' in q["sql"]]
    assert len(company_reads) == 1, company_reads


def test_csrf_is_enforced_on_pages_and_api(world):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["owner_a"])
    company = world["a"]["company"]
    page = strict.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", {"naam": "X"})
    assert page.status_code == 403
    api = strict.post(f"/api/v1/bedrijven/{company.pk}/leerlingen",
                      {"naam": "X", "leerweg": "bbl", "start": "2026-09-01",
                       "eind": "2027-07-01"}, content_type="application/json")
    assert api.status_code in (401, 403)
    assert not company.learners.filter(naam="X").exists()
