"""Where every route begins, ``/advies/``, is built once per release for all new visitors; each
visitor still gets a form token of their own, and it works for them (and only them)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from onderwijsgids.advice import views
from onderwijsgids.content.release_cache import CSRF_PLACEHOLDER

pytestmark = pytest.mark.django_db


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    rendered: list[str] = []
    real = views.render

    def counting(request, template, *args, **kwargs):
        rendered.append(template)
        return real(request, template, *args, **kwargs)

    monkeypatch.setattr(views, "render", counting)
    return rendered


def test_new_visitors_share_one_rendering_but_not_a_token(content_db, renders):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pages = [c.get("/advies/") for c in (first, second)]
    assert [p.status_code for p in pages] == [200, 200]
    assert renders.count("advice/start.html") == 1
    texts = [p.content.decode() for p in pages]
    assert CSRF_PLACEHOLDER not in texts[0] + texts[1]
    tokens = [_token(t) for t in texts]
    assert tokens[0] != tokens[1]
    assert [t.replace(tok, "") for t, tok in zip(texts, tokens)] == [texts[0].replace(
        tokens[0], "")] * 2  # the same page but for the token
    assert all("csrftoken" in p.cookies for p in pages)  # the remembered page sets it too
    # A token shown to one visitor is no use to another (their cookie holds another secret).
    stolen = second.post("/advies/", {"naam": "Inbreker", "csrfmiddlewaretoken": tokens[0]})
    assert stolen.status_code == 403
    # Each token works for its own visitor: the route goes on.
    for client, token in zip((first, second), tokens):
        answer = client.post("/advies/", {"naam": "De Vonk", "csrfmiddlewaretoken": token})
        assert answer.status_code == 302


def test_a_visitor_with_answers_or_a_login_gets_a_page_of_their_own(client, content_db, renders):
    Client().get("/advies/")
    client.post("/advies/", {"naam": "De Vonk"})
    again = client.get("/advies/").content.decode()
    assert "Verder met je eerdere antwoorden" in again and 'value="De Vonk"' in again
    user = get_user_model().objects.create_user("lezer@example.nl", "lezer@example.nl",
                                                "een-lang-wachtwoord-1")
    reader = Client()
    reader.force_login(user)
    page = reader.get("/advies/").content.decode()
    assert "Uitloggen" in page and "Verder met je eerdere antwoorden" not in page
    assert "Uitloggen" not in Client().get("/advies/").content.decode()
