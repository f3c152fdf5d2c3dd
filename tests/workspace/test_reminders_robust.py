"""Reminders that no company's data can stop: header values, refused messages, invitations.

Through the real interfaces: ``onderwijsgids herinneringen`` against a local SMTP server
(aiosmtpd), the dashboard, the admin and the invitation form.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from django.utils.html import escape

from onderwijsgids.cli import main
from onderwijsgids.mail import header_text
from onderwijsgids.workspace import actions, services
from onderwijsgids.workspace.domain.values import CompanyProfile, TrainingValues
from onderwijsgids.workspace.models import Deadline, ReminderSent, StaffTraining

from .conftest import verified_client

CRLF_COURSE = "Lassen\r\nBcc: alle-klanten@elders.test\r\n\r\nKoop nu"


def test_header_text_folds_every_line_break_and_bounds_the_length():
    assert header_text("Lassen\r\nBcc: x@y.test") == "Lassen Bcc: x@y.test"
    assert header_text("a\rb\nc\x00d\x1be\u2028f\u2029g\x85h\u202ei\tj") == "a b c d e f g h i j"
    assert header_text("  veel   ruimte  ") == "veel ruimte"
    long = header_text("woord " * 100, limit=50)
    assert len(long) <= 50 and long.endswith("…") and "\n" not in long
    assert header_text("x" * 80, limit=20) == "x" * 19 + "…"


def _company_with_course(number: int, start: dt.date):
    user = get_user_model().objects.create(username=f"eigenaar-{number}@bedrijf.test",
                                           email=f"eigenaar-{number}@bedrijf.test")
    company = actions.do_create_company(CompanyProfile(naam=f"Bedrijf {number}"), owner=user,
                                        acting_user=user)
    training = actions.do_create_training(company, TrainingValues(
        medewerker=f"Medewerker {number}", omschrijving="TIG-lassen", start=start),
        acting_user=user)
    return company, training


def _ptt_day(training) -> dt.date:
    """A day on which the course's PTT deadline is five days away (a reminder is due)."""
    deadline = Deadline.objects.get(training=training, regeling="oom-ptt")
    return deadline.datum - dt.timedelta(days=5)


def test_a_crlf_course_in_one_company_stops_none_of_100_others(content_db, smtp_settings, capsys):
    start = dt.date.today() + dt.timedelta(days=60)
    bad_company, bad_training = _company_with_course(0, start)
    # Stored before single-line fields refused CR/LF: the data is already in the database, in
    # the course and in the deadline texts made from it then.
    StaffTraining.objects.filter(pk=bad_training.pk).update(omschrijving=CRLF_COURSE)
    services.refresh_many([bad_company])
    for deadline in bad_company.deadlines.filter(training=bad_training):
        deadline.wat = deadline.wat.replace("Lassen", CRLF_COURSE)
        deadline.save(update_fields=["wat"])
    assert any("\n" in wat for wat in bad_company.deadlines.values_list("wat", flat=True))
    others = [_company_with_course(n, start)[0] for n in range(1, 101)]

    assert main(["herinneringen", "--datum", _ptt_day(bad_training).isoformat()]) == 0
    out = capsys.readouterr().out
    rows = ReminderSent.objects.count()
    assert f"{rows} verstuurd, 0 mislukt" in out
    received = smtp_settings.messages
    assert len(received) == rows and len(set(smtp_settings.message_ids())) == rows
    reached = {m["To"] for m in received}
    assert {f"eigenaar-{n}@bedrijf.test" for n in range(101)} <= reached
    assert all(ReminderSent.objects.filter(company=c, status="verzonden").exists() for c in others)
    bad = [m for m in received if m["To"] == "eigenaar-0@bedrijf.test"]
    subjects = [str(m["Subject"]) for m in bad]
    assert any("Lassen Bcc: alle-klanten@elders.test Koop nu" in s for s in subjects), subjects
    assert all(m["Bcc"] is None and "\n" not in str(m["Subject"]) for m in bad)


def test_a_refused_message_is_recorded_shown_and_holds_up_nobody(world, smtp_settings, capsys,
                                                                 client):
    smtp_settings.refuse = {world["owner_b"].email}
    day = _ptt_day(world["b"]["training"]).isoformat()
    assert main(["herinneringen", "--datum", day]) == 0
    out = capsys.readouterr().out
    failed = ReminderSent.objects.filter(company=world["b"]["company"])
    assert failed.count() >= 1 and set(failed.values_list("status", flat=True)) == {"mislukt"}
    assert f"{failed.count()} mislukt" in out
    assert all("weigerde het e-mailadres" in r.failure for r in failed)
    sent = ReminderSent.objects.filter(company=world["a"]["company"])
    assert sent.count() >= 1 and set(sent.values_list("status", flat=True)) == {"verzonden"}
    assert {m["To"] for m in smtp_settings.messages} == {world["owner_a"].email}

    # A second run does not hammer the refusing server again, and still exits 0.
    received = len(smtp_settings.messages)
    assert main(["herinneringen", "--datum", day]) == 0
    assert len(smtp_settings.messages) == received

    client.force_login(world["owner_b"])
    page = client.get(f"/bedrijf/{world['b']['company'].pk}/").content.decode()
    assert "Niet elke herinnering per e-mail is aangekomen" in page
    assert "weigerde het e-mailadres" in page and world["owner_b"].email in page
    assert "550" not in page and "SMTP" not in page
    client.force_login(world["owner_a"])
    page = client.get(f"/bedrijf/{world['a']['company'].pk}/").content.decode()
    assert "Niet elke herinnering" not in page


def test_the_admin_lists_failed_reminders_and_puts_them_back_in_line(world, smtp_settings,
                                                                     client):
    smtp_settings.refuse = {world["owner_b"].email}
    main(["herinneringen", "--datum", _ptt_day(world["b"]["training"]).isoformat()])
    failed = list(ReminderSent.objects.filter(status="mislukt"))
    assert failed
    admin = get_user_model().objects.create_superuser("beheer@metaalunie.test",
                                                      "beheer@metaalunie.test", "lang-geheim-1")
    verified_client(client, admin)
    listing = client.get("/beheer/workspace/remindersent/?status__exact=mislukt")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert all(escape(r.subject) in text for r in failed) and "weigerde het e-mailadres" in text
    assert "Bedrijf A" not in text  # only the failed ones: company B's
    detail = client.get(f"/beheer/workspace/remindersent/{failed[0].pk}/change/")
    assert detail.status_code == 200 and escape(failed[0].message_id) in detail.content.decode()
    client.post("/beheer/workspace/remindersent/", {
        "action": "retry", "_selected_action": [r.pk for r in failed]})
    assert set(ReminderSent.objects.filter(pk__in=[r.pk for r in failed])
               .values_list("status", flat=True)) == {"gepland"}
    smtp_settings.refuse = set()
    assert main(["herinneringen", "--datum", _ptt_day(world["b"]["training"]).isoformat()]) == 0
    assert world["owner_b"].email in {m["To"] for m in smtp_settings.messages}


def test_an_invitation_for_a_company_name_with_crlf_is_sent_with_a_clean_subject(owner_client,
                                                                                 world):
    company = world["a"]["company"]
    type(company).objects.filter(pk=company.pk).update(naam="Bedrijf A\r\nBcc: x@elders.test")
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail goes out on commit
        response = owner_client.post(f"/bedrijf/{company.pk}/uitnodigen/",
                                     {"email": "nieuw@bedrijf-a.test", "rol": "employee"})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.subject == "Uitnodiging voor de bedrijfsomgeving van Bedrijf A Bcc: x@elders.test"
    built = message.message()
    assert built["Bcc"] is None and built["To"] == "nieuw@bedrijf-a.test"


def test_the_run_fails_only_when_there_is_no_mail_server(world, settings, capsys):
    from .conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nobody listens
    assert main(["herinneringen", "--datum", _ptt_day(world["a"]["training"]).isoformat()]) == 1
    captured = capsys.readouterr()
    assert "de mailserver is niet bereikbaar" in captured.err
    assert "0 verstuurd" in captured.out  # anonymisation and the summary happen all the same
    pending = ReminderSent.objects.all()
    assert pending.exists() and set(pending.values_list("status", flat=True)) == {"gepland"}
    assert not pending.exclude(claimed_by="").exists()


def test_a_temporary_refusal_is_tried_again_by_the_next_runs_then_marked_failed(world,
                                                                               smtp_settings,
                                                                               capsys):
    smtp_settings.busy = {world["owner_b"].email}
    day = _ptt_day(world["b"]["training"]).isoformat()
    rows = ReminderSent.objects.filter(company=world["b"]["company"])
    for attempt in (1, 2):
        assert main(["herinneringen", "--datum", day]) == 0
        assert f"{rows.count()} later opnieuw" in capsys.readouterr().out
        assert set(rows.values_list("status", "failures")) == {("gepland", attempt)}
    assert main(["herinneringen", "--datum", day]) == 0
    assert f"{rows.count()} mislukt" in capsys.readouterr().out
    assert set(rows.values_list("status", flat=True)) == {"mislukt"}
    assert all("weigerde het e-mailadres" in r.failure for r in rows)
    assert world["owner_b"].email not in {m["To"] for m in smtp_settings.messages}


def test_a_reminder_whose_deadline_passed_meanwhile_is_skipped(world):
    from onderwijsgids.workspace import reminders

    day = _ptt_day(world["a"]["training"])
    reminders.plan(day)
    planned = ReminderSent.objects.count()
    assert planned >= 1
    late = max(ReminderSent.objects.values_list("datum", flat=True)) + dt.timedelta(days=1)
    outcome = reminders.deliver(today=late)
    assert outcome.skipped == planned and outcome.sent == 0 and not mail.outbox
    assert set(ReminderSent.objects.values_list("status", flat=True)) == {"overgeslagen"}
