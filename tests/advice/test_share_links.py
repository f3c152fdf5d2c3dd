"""Plan share links: they hold the answers (the plan page says so) and expire."""

from __future__ import annotations

import re
import time

import pytest
from django.conf import settings
from django.core import signing
from django.utils import timezone

from onderwijsgids.advice.views import SHARE_SALT

pytestmark = pytest.mark.django_db

PROFILE = {"naam": "De Vonk", "cao": "metaal-en-techniek", "medewerkers": 23}


class _SignedEarlier(signing.TimestampSigner):
    def __init__(self, days: int):
        super().__init__(salt=SHARE_SALT)
        self.days = days

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - self.days * 86400)


def _link(days_ago: int) -> str:
    token = _SignedEarlier(days_ago).sign_object(PROFILE, compress=True)
    return f"/advies/gedeeld/{token}/"


def test_the_plan_page_says_the_link_holds_the_answers_and_until_when(client, content_db):
    client.post("/advies/", {"naam": "De Vonk"})
    page = client.get("/advies/plan/").content.decode()
    assert "De link bevat al je antwoorden" in page
    until = timezone.localdate() + timezone.timedelta(days=settings.SHARE_LINK_DAYS)
    assert f"werkt tot en met {until.day} " in page and str(until.year) in page
    link = re.search(r'id="deellink" type="text" readonly value="http://testserver([^"]+)"',
                     page)[1]
    shared = client.get(link)
    assert shared.status_code == 200 and "De Vonk" in shared.content.decode()


def test_a_link_within_its_days_works(client, content_db):
    response = client.get(_link(settings.SHARE_LINK_DAYS - 1))
    assert response.status_code == 200 and "De Vonk" in response.content.decode()


def test_an_expired_link_gets_a_clear_dutch_page(client, content_db):
    expired = _link(settings.SHARE_LINK_DAYS + 1)
    response = client.get(expired)
    body = response.content.decode()
    assert response.status_code == 410
    assert "Deze link naar een plan is verlopen" in body and "De Vonk" not in body
    assert f"{settings.SHARE_LINK_DAYS} dagen" in body
    download = client.get(expired + "plan.md")
    assert download.status_code == 410 and "verlopen" in download.content.decode()


def test_shared_plans_are_not_stored_by_caches(client, content_db):
    assert "no-store" in client.get(_link(1))["Cache-Control"]
