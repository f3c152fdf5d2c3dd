"""Authentication hygiene through the test client: lockout per account and per address with a
cool-off, unlock by password reset, throttled mails, no-store on personal pages, idle timeout."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client, TestCase
from django.utils import timezone

from onderwijsgids.workspace.middleware import LAST_SEEN, LOGGED_IN_AT

from .conftest import make_user, verified_client
from .test_isolation import _url, _values, company_scoped_routes

PASSWORD = "lang-geheim-wachtwoord-1"
OWNER = "eigenaar@bedrijf-a.test"


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    cache.clear()


def _login(client, username, password=PASSWORD, address="127.0.0.1"):
    return client.post("/account/inloggen/", {"username": username, "password": password},
                       REMOTE_ADDR=address)


# --- lockout -----------------------------------------------------------------------------------


def test_spraying_from_one_address_across_accounts_is_locked_out(client, world):
    for i in range(settings.LOCKOUT_PER_ADDRESS - 1):
        assert _login(client, f"gebruiker{i}@bedrijf.test", "Welkom2026!").status_code == 200
    assert _login(client, "nog-een@bedrijf.test", "Welkom2026!").status_code == 429
    locked = _login(Client(), OWNER)  # a right password, from the same address
    assert locked.status_code == 429
    assert "15 minuten" in locked.content.decode()
    assert _login(Client(), OWNER, address="10.0.0.9").status_code == 302


def test_one_account_is_locked_from_any_address(world):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), OWNER, "fout", address=f"10.0.1.{i}")
    assert _login(Client(), OWNER, address="10.0.2.1").status_code == 429
    assert _login(Client(), OWNER.upper(), address="10.0.2.2").status_code == 429


def test_the_lockout_cools_off_after_its_time(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, OWNER, "fout")
    page = _login(client, OWNER)
    assert page.status_code == 429 and "tijdelijk" in page.content.decode()
    later = timezone.now() - dt.timedelta(minutes=settings.LOCKOUT_MINUTES + 1)
    AccessAttempt.objects.update(attempt_time=later)
    assert _login(client, OWNER).status_code == 302


def test_a_password_reset_lifts_the_lockout(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, OWNER, "fout")
    assert _login(client, OWNER).status_code == 429
    client.post("/account/wachtwoord-vergeten/", {"email": OWNER})
    link = re.search(r"http://testserver(/account/wachtwoord-herstellen/\S+/)",
                     mail.outbox[-1].body)[1]
    form = client.get(link, follow=True)
    new = "nieuw-wachtwoord-xyz-9"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert _login(Client(), OWNER, new).status_code == 302


# --- throttled mails ---------------------------------------------------------------------------


def test_reset_mails_are_throttled_per_account(client, world):
    for _ in range(3):
        assert client.post("/account/wachtwoord-vergeten/", {"email": OWNER}).status_code == 302
    sent = len(mail.outbox)
    refused = Client().post("/account/wachtwoord-vergeten/", {"email": OWNER},
                            REMOTE_ADDR="10.0.3.1")
    assert refused.status_code == 429
    assert "te veel e-mails" in refused.content.decode()
    assert len(mail.outbox) == sent


def test_reset_mails_are_throttled_per_address(client, world):
    for i in range(10):
        client.post("/account/wachtwoord-vergeten/", {"email": f"iemand{i}@bedrijf.test"})
    refused = client.post("/account/wachtwoord-vergeten/", {"email": OWNER})
    assert refused.status_code == 429
    assert not any(OWNER in m.to for m in mail.outbox)


def test_invitation_mails_are_throttled(owner_client, world):
    url = f"/bedrijf/{world['a']['company'].pk}/uitnodigen/"
    for _ in range(3):
        with TestCase.captureOnCommitCallbacks(execute=True):
            assert owner_client.post(url, {"email": "doel@bedrijf.test",
                                           "rol": "employee"}).status_code == 302
    sent = len(mail.outbox)
    assert sent == 3
    with TestCase.captureOnCommitCallbacks(execute=True):
        refused = owner_client.post(url, {"email": "doel@bedrijf.test", "rol": "employee"})
    assert refused.status_code == 429 and "te veel e-mails" in refused.content.decode()
    assert len(mail.outbox) == sent
    assert owner_client.post(url, {"email": "ander@bedrijf.test",
                                   "rol": "employee"}).status_code == 302


def test_two_factor_link_mails_are_throttled(client, world):
    _login(client, world["advisor"].username)
    for _ in range(3):
        assert client.post("/account/tweestaps/instellen/").status_code == 200
    refused = client.post("/account/tweestaps/instellen/")
    assert refused.status_code == 429 and "te veel e-mails" in refused.content.decode()
    assert len(mail.outbox) == 3


# --- no-store ----------------------------------------------------------------------------------


def _no_store(response) -> bool:
    value = response.get("Cache-Control", "")
    return "no-store" in value and "private" in value


def test_every_company_page_and_export_is_no_store(owner_client, world):
    values = _values(world["a"])
    failures = []
    for route, _name in company_scoped_routes():
        response = owner_client.get(_url(route, values))
        if response.status_code in (200, 302, 405) and not _no_store(response):
            failures.append((route, response.status_code, response.get("Cache-Control")))
    assert failures == []


def test_account_pages_advisor_exports_api_and_feeds_are_no_store(client, world):
    company = world["a"]["company"]
    token = world["a"]["token"]
    assert _no_store(Client().get("/account/inloggen/"))
    assert _no_store(Client().get(f"/agenda/{token.secret}.ics"))
    verified_client(client, world["advisor"])
    for path in ("/adviseur/", "/adviseur/portefeuille.csv", "/adviseur/portefeuille.xlsx",
                 f"/api/v1/bedrijven/{company.pk}/leerlingen",
                 f"/api/v1/bedrijven/{company.pk}/deadlines"):
        response = client.get(path)
        assert response.status_code == 200 and _no_store(response), path


def test_public_pages_are_not_marked_personal(client, content_db):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


# --- sessions ----------------------------------------------------------------------------------


def _age(client, seconds_ago: float, key: str) -> None:
    session = client.session
    session[key] = time.time() - seconds_ago
    session.save()


def test_an_idle_session_is_logged_out(client, world):
    assert _login(client, OWNER).status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_IDLE_SECONDS
    page = f"/bedrijf/{world['a']['company'].pk}/"
    assert client.get(page).status_code == 200
    _age(client, settings.SESSION_IDLE_SECONDS + 60, LAST_SEEN)
    response = client.get(page)
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    notice = client.get(response["Location"]).content.decode()
    assert "uitgelogd omdat je 30 minuten niets hebt gedaan" in notice


def test_a_session_ends_after_its_absolute_lifetime(client, world):
    _login(client, OWNER)
    page = f"/bedrijf/{world['a']['company'].pk}/"
    for _ in range(2):
        _age(client, 30, LAST_SEEN)  # active all the time
        assert client.get(page).status_code == 200
    _age(client, settings.SESSION_MAX_SECONDS + 1, LOGGED_IN_AT)
    assert client.get(page).status_code == 302


def test_anonymous_advice_answers_keep_their_long_session(client, content_db):
    response = client.post("/advies/", {"naam": "Lasbedrijf Test"})
    assert response.status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
    _age(client, settings.SESSION_MAX_SECONDS + 1, LAST_SEEN)
    assert "Lasbedrijf Test" in client.get("/advies/controle/").content.decode()


def test_an_employee_is_not_forced_through_two_factor(client, world):
    make_user("medewerker@bedrijf-a.test")
    assert _login(client, "medewerker@bedrijf-a.test").status_code == 302


# --- the shared cache --------------------------------------------------------------------------


def _cache_backend(env: dict) -> str:
    import os
    import subprocess
    import sys

    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE']='onderwijsgids.settings'; "
            "django.setup(); from django.conf import settings; "
            "print(settings.CACHES['default']['BACKEND'])")
    clean = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **env},
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_throttles_live_in_a_cache_shared_by_every_worker():
    assert _cache_backend({}) == "django.core.cache.backends.db.DatabaseCache"
    assert _cache_backend({"REDIS_URL": "redis://127.0.0.1:6379/0"}) == \
        "django.core.cache.backends.redis.RedisCache"


def test_invitation_mails_are_throttled_per_address(world):
    from onderwijsgids.workspace import throttle

    senders = []
    for who, data in (("owner_a", world["a"]), ("owner_b", world["b"])):
        client = Client()
        client.force_login(world[who])
        senders.append((client, f"/bedrijf/{data['company'].pk}/uitnodigen/"))
    for i in range(throttle.INVITE_PER_ADDRESS.times):
        client, url = senders[i % 2]
        assert client.post(url, {"email": f"x{i}@bedrijf.test", "rol": "employee"},
                           REMOTE_ADDR="10.0.4.1").status_code == 302
    client, url = senders[0]
    refused = client.post(url, {"email": "nog-een@bedrijf.test", "rol": "employee"},
                          REMOTE_ADDR="10.0.4.1")
    assert refused.status_code == 429
    assert client.post(url, {"email": "nog-een@bedrijf.test", "rol": "employee"},
                       REMOTE_ADDR="10.0.4.2").status_code == 302
