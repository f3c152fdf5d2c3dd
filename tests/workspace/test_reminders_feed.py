"""Calendar feed and reminders: exactly once, also after a crash halfway."""

from __future__ import annotations

import datetime as dt
import re
import smtplib

import pytest
from django.core import mail
from icalendar import Calendar

from onderwijsgids.cli import main
from onderwijsgids.workspace import actions, reminders
from onderwijsgids.workspace.domain.values import TrainingValues
from onderwijsgids.workspace.models import Deadline, ReminderSent


def test_feed_lists_open_deadlines_and_stops_when_revoked(client, world):
    token = world["a"]["token"]
    response = client.get(f"/agenda/{token.secret}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    expected = set(Deadline.objects.filter(company=world["a"]["company"], afgehandeld=False)
                   .values_list("wat", flat=True))
    assert summaries == expected and expected
    actions.do_revoke_feed_token(token, acting_user=world["owner_a"])
    assert client.get(f"/agenda/{token.secret}.ics").status_code == 404
    assert client.get("/agenda/onbekend-geheim.ics").status_code == 404


def test_calendar_page_creates_and_revokes_links(owner_client, world, feed_count):
    company = world["a"]["company"]
    before = feed_count(company)
    owner_client.post(f"/bedrijf/{company.pk}/agenda/")
    assert feed_count(company) == before + 1
    page = owner_client.get(f"/bedrijf/{company.pk}/agenda/").content.decode()
    assert ".ics" in page


def _due_day(world) -> dt.date:
    """A day on which the PTT deadline of company A is 5 days away."""
    deadline = Deadline.objects.get(training=world["a"]["training"], regeling="oom-ptt")
    return deadline.datum - dt.timedelta(days=5)


def test_reminders_are_sent_once_even_when_run_twice(world):
    today = _due_day(world)
    first = reminders.run(today)
    assert first.sent >= 1
    second = reminders.run(today)
    assert second.planned == 0 and second.sent == 0
    keys = [m.subject + m.to[0] for m in mail.outbox]
    assert len(keys) == len(set(keys)) == first.sent
    assert ReminderSent.objects.filter(sent_at__isnull=True).count() == 0


def test_reminders_link_to_the_configured_base_url(world, settings):
    settings.ONDERWIJSGIDS_BASE_URL = "https://gids.example.nl/"
    reminders.run(_due_day(world))
    links = {re.search(r"\S+/bedrijf/\d+/", m.body)[0] for m in mail.outbox}
    assert f"https://gids.example.nl/bedrijf/{world['a']['company'].pk}/" in links
    assert all(link.startswith("https://gids.example.nl/bedrijf/") for link in links), links


def test_mail_server_gone_halfway_stops_the_run_and_loses_nothing(world, monkeypatch):
    # Several due reminders: more courses starting soon for company A.
    today = _due_day(world)
    for n in range(4):
        actions.do_create_training(world["a"]["company"], TrainingValues(
            medewerker=f"Extra {n}", omschrijving=f"Cursus {n}",
            start=today + dt.timedelta(days=3 + n)), acting_user=world["owner_a"])
    from django.core.mail.backends.locmem import EmailBackend

    real_send = EmailBackend.send_messages
    server = {"messages": 0, "down": False}

    def flaky_send(self, messages):
        server["messages"] += 1
        if server["messages"] == 3:  # the server goes away while the third is sent
            server["down"] = True
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return real_send(self, messages)

    def flaky_open(self):
        if server["down"]:
            raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(EmailBackend, "send_messages", flaky_send)
    monkeypatch.setattr(EmailBackend, "open", flaky_open)
    with pytest.raises(reminders.MailServerUnavailable) as stopped:
        reminders.run(today)
    assert stopped.value.outcome.sent == len(mail.outbox) == 2
    assert not ReminderSent.objects.exclude(claimed_by="").filter(sent_at__isnull=True).exists()
    server["down"] = False
    again = reminders.run(today)
    total = ReminderSent.objects.count()
    assert again.sent == total - 2 and again.failed == 0
    assert len(mail.outbox) == total >= 5
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == total
    assert set(ReminderSent.objects.values_list("status", flat=True)) == {"verzonden"}


def test_killed_between_claim_and_send_is_retried_later(world, monkeypatch):
    today = _due_day(world)
    reminders.plan(today)
    row = ReminderSent.objects.first()
    now = dt.datetime.now(dt.timezone.utc)
    assert reminders._claim(row.pk, now)  # then the process "dies"

    def run_at(moment: dt.datetime) -> None:
        monkeypatch.setattr(reminders.timezone, "now", lambda: moment)
        reminders.deliver(today)

    run_at(now + dt.timedelta(minutes=1))
    assert row.recipient not in [m.to[0] for m in mail.outbox if m.subject == row.subject]
    run_at(now + reminders.RETRY_AFTER + dt.timedelta(minutes=1))
    row.refresh_from_db()
    assert row.sent_at is not None


def test_herinneringen_command(world, capsys):
    day = _due_day(world).isoformat()
    assert main(["herinneringen", "--datum", day]) == 0
    assert "verstuurd" in capsys.readouterr().out
    assert main(["herinneringen", "--datum", "2026-02-30"]) == 2
    assert "--datum" in capsys.readouterr().err
