"""Fixtures for the workspace: two companies with data, their owners, advisors."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.values import (ApplicationValues, CompanyProfile,
                                                   LearnerValues, TrainingValues)
from onderwijsgids.workspace.models import Account, Application, CalendarFeedToken


def make_user(email: str, rol: str = "bedrijf"):
    user = get_user_model().objects.create_user(username=email, email=email,
                                                password="lang-geheim-wachtwoord-1")
    Account.objects.create(user=user, rol=rol)
    return user


def verified_client(client, user):
    """Log in a user that needs two-factor login, as if the TOTP step had been passed."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def enrol_by_mail(client, user) -> str:
    """Ask for the one-time link, open it, and read the TOTP secret from the setup page."""
    before = client.get("/account/tweestaps/instellen/")
    assert before.status_code == 200 and "data:image/svg+xml" not in before.content.decode()
    sent = client.post("/account/tweestaps/instellen/")
    assert sent.status_code == 200
    path = re.search(r"http://testserver(/account/tweestaps/koppelen/\S+/)",
                     mail.outbox[-1].body)[1]
    assert mail.outbox[-1].to == [user.email]
    opened = client.get(path, follow=True)
    page = opened.content.decode()
    assert opened.status_code == 200 and "data:image/svg+xml" in page
    return re.search(r"<code>([A-Z2-7=]+)</code>", page)[1]


def code_for(secret: str) -> str:
    """The current code of an authenticator app holding ``secret``."""
    return f"{totp(base64.b32decode(secret)):06d}"


def a_crebo() -> str:
    from onderwijsgids.content.services import current_kb

    crebos = sorted(i.id for i in current_kb().items.values() if i.type == "kwalificatie")
    return crebos[0] if crebos else ""


def fill_company(owner, naam: str):
    company = actions.do_create_company(
        CompanyProfile(naam=naam, plaats="Testdorp", erkend_leerbedrijf=True,
                       cao="metaal-en-techniek"), owner=owner, acting_user=owner)
    learner = actions.do_create_learner(company, LearnerValues(
        naam=f"Leerling van {naam}", leerweg="bbl", crebo=a_crebo(),
        start=dt.date(2025, 9, 1), eind=dt.date(2027, 7, 1), via_bvm=False), acting_user=owner)
    training = actions.do_create_training(company, TrainingValues(
        medewerker=f"Medewerker van {naam}", omschrijving="TIG-lassen",
        start=dt.date.today() + dt.timedelta(days=60)), acting_user=owner)
    application = actions.do_create_application(company, ApplicationValues(
        regeling="subsidie-praktijkleren", jaar="2025/26", status=Application.Status.TODO),
        acting_user=owner)
    token = actions.do_create_feed_token(company, acting_user=owner)
    return {"company": company, "learner": learner, "training": training,
            "application": application, "token": token}


@pytest.fixture
def world(content_db):
    owner_a = make_user("eigenaar@bedrijf-a.test")
    owner_b = make_user("eigenaar@bedrijf-b.test")
    a = fill_company(owner_a, "Bedrijf A")
    b = fill_company(owner_b, "Bedrijf B")
    advisor = make_user("adviseur@metaalunie.test", Account.Role.ADVISOR)
    actions.do_assign_advisor(a["company"], advisor, acting_user=None)
    stranger = make_user("vreemde-adviseur@metaalunie.test", Account.Role.ADVISOR)
    return {"a": a, "b": b, "owner_a": owner_a, "owner_b": owner_b, "advisor": advisor,
            "stranger": stranger}


@pytest.fixture
def owner_client(client, world):
    client.force_login(world["owner_a"])
    return client


@pytest.fixture
def feed_count():
    return lambda company: CalendarFeedToken.objects.filter(company=company).count()


# --- a real SMTP server (aiosmtpd) for the reminder runs ------------------------------------


class SmtpInbox:
    """What a local SMTP server received. ``refuse``: addresses answered with 550, ``busy``:
    with 450 (try again later);
    ``hold_at``: the n-th message is taken in but its DATA is not answered until ``release``
    is set (so a sender can be killed while it waits for the answer)."""

    def __init__(self):
        import threading

        self.messages: list = []
        self.refuse: set[str] = set()
        self.busy: set[str] = set()
        self.hold_at: int | None = None
        self.delay = 0.0
        self.held = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()

    def message_ids(self) -> list[str]:
        with self._lock:
            return [m["Message-ID"] for m in self.messages]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Onbekende ontvanger"
        if address in self.busy:
            return "450 4.2.1 Postvak tijdelijk niet beschikbaar"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        import asyncio
        import email
        import email.policy

        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self._lock:
            self.messages.append(parsed)
            count = len(self.messages)
        if self.delay:
            await asyncio.sleep(self.delay)
        if count == self.hold_at:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A local SMTP server on a free port: yields (inbox, port)."""
    from aiosmtpd.controller import Controller

    inbox = SmtpInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        inbox.release.set()
        controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Django's SMTP backend pointed at the local server: yields the inbox."""
    inbox, port = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 10
    return inbox
