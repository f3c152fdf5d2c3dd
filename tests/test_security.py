"""Security basics through real requests: headers, CSRF on forms, argon2 password hashes."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.usefixtures("content_db")

NORMAL_PAGES = ["/", "/api/v1/items/actiepunt-1", "/api/v1/openapi.json", "/beheer/login/"]


def _csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", NORMAL_PAGES)
def test_pages_send_strict_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = _csp(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert not re.search(r"https?:", response["Content-Security-Policy"]), "no other hosts"


def test_an_unknown_page_also_sends_the_headers(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_post_form_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/beheer/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403


def test_a_post_form_with_its_csrf_token_is_accepted():
    client = Client(enforce_csrf_checks=True)
    form = client.get("/beheer/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.content.decode())
    assert token, "het formulier bevat een CSRF-token"
    response = client.post("/beheer/login/", {"username": "a", "password": "b",
                                              "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code != 403


def test_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user("vonk", password="een-lang-wachtwoord-2026")
    assert user.password.startswith("argon2$argon2id$")
    assert "een-lang-wachtwoord-2026" not in user.password
    assert user.check_password("een-lang-wachtwoord-2026")
