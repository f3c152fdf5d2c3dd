"""E-mail reminders of deadlines, each sent exactly once (an outbox).

1. ``plan``: in one transaction, insert one :class:`ReminderSent` row per (deadline, reminder
   moment, recipient) with a unique key and its own Message-ID; a second run inserts nothing new.
2. ``deliver``: claim a batch of unsent rows for this run (``SELECT ... FOR UPDATE SKIP LOCKED``
   on PostgreSQL, plus a conditional UPDATE that also holds on SQLite: a row claimed by one run
   is never sent by another), send each and mark it sent at once.

What one message does never holds up the others: a message the mailer cannot build or the mail
server refuses is marked ``mislukt`` with a short reason (a temporary refusal, 4xx or a dropped
connection, is tried again by the next runs, at most ``MAX_FAILURES`` times). Only a mail server
that cannot be reached at all stops the run (:class:`MailServerUnavailable`); its claims are
released, so the next run sends those reminders at once.

A process killed between sending and marking leaves a claim that is retried after
``RETRY_AFTER``; the resend carries the same Message-ID, so the recipient's mail system (and
anyone counting) recognises it as the same message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import secrets
import smtplib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from onderwijsgids.links import base_url
from onderwijsgids.mail import header_text

from .models import Deadline, Membership, ReminderSent, new_message_id

RETRY_AFTER = dt.timedelta(minutes=30)
MAX_FAILURES = 3
CLAIM_BATCH = 200  # reminders claimed at a time by one run
Status = ReminderSent.Status
log = logging.getLogger(__name__)


def reminder_days() -> tuple[int, ...]:
    """Days before a deadline on which a reminder goes out (setting, default 30, 7 and 1)."""
    return tuple(sorted(getattr(settings, "ONDERWIJSGIDS_HERINNERING_DAGEN", (30, 7, 1))))


def moment(days_left: int, days: tuple[int, ...]) -> int | None:
    """The reminder moment a deadline ``days_left`` away falls in (the nearest one not passed)."""
    for day in days:
        if days_left <= day:
            return day
    return None


@dataclass
class Outcome:
    planned: int = 0
    sent: int = 0
    failed: int = 0  # refused for good in this run (status mislukt)
    retry: int = 0  # refused for now; the next run tries again
    skipped: int = 0  # not sent because the deadline has passed meanwhile


class MailServerUnavailable(Exception):
    """The run itself failed: the mail server cannot be reached. Nothing is lost: the claims
    of this run are released and the next run sends the rest."""

    def __init__(self, reason: str, outcome: Outcome):
        super().__init__(reason)
        self.reason = reason
        self.outcome = outcome


def plan(today: dt.date) -> int:
    days = reminder_days()
    due = (Deadline.objects.filter(afgehandeld=False, datum__gte=today,
                                   datum__lte=today + dt.timedelta(days=days[-1]))
           .select_related("company").order_by("company_id", "datum"))
    recipients: dict[int, list[tuple[int, str]]] = {}
    company_ids = set(due.values_list("company_id", flat=True))
    for company_id, user_id, email in (Membership.objects.filter(company_id__in=company_ids)
                                       .exclude(user__email="")
                                       .values_list("company_id", "user_id", "user__email")):
        recipients.setdefault(company_id, []).append((user_id, email))
    base = base_url()
    rows = []
    for deadline in due.iterator(chunk_size=2000):
        when = moment((deadline.datum - today).days, days)
        if when is None:
            continue
        link = f"{base}/bedrijf/{deadline.company_id}/"
        body = render_to_string("workspace/email/reminder.txt", {
            "company": deadline.company, "deadline": deadline, "link": link})
        subject = header_text(_("Herinnering: %(wat)s") % {"wat": deadline.wat})
        for user_id, email in recipients.get(deadline.company_id, []):
            rows.append(ReminderSent(
                key=f"{deadline.company_id}:{deadline.key}:{deadline.datum.isoformat()}:"
                    f"{when}:{user_id}"[:300],
                company_id=deadline.company_id, deadline=deadline, datum=deadline.datum,
                learner_id=deadline.learner_id, training_id=deadline.training_id,
                recipient=email, subject=subject, body=body))
    # Counted outside the write transaction: on SQLite a read before a write in one
    # transaction can fail at once ("database is locked") when another run writes too.
    before = ReminderSent.objects.count()
    with transaction.atomic():
        ReminderSent.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return max(0, ReminderSent.objects.count() - before)


def _claimable(now: dt.datetime) -> Q:
    return Q(status=Status.PLANNED) & (Q(claimed_at__isnull=True) |
                                       Q(claimed_at__lt=now - RETRY_AFTER))


def _claim(row_id: int, now: dt.datetime, run_id: str = "") -> bool:
    return bool(ReminderSent.objects.filter(_claimable(now), pk=row_id)
                .update(claimed_at=now, claimed_by=run_id))


def _claim_batch(now: dt.datetime, size: int, run_id: str,
                 tried: set[int] = frozenset()) -> list[ReminderSent]:
    """Claim up to ``size`` reminders for this run and return the ones it owns (not those it
    ``tried`` already: a temporary refusal waits for the next run).

    On PostgreSQL the candidates are locked with ``FOR UPDATE SKIP LOCKED``, so a concurrent
    run takes other rows instead of waiting. The UPDATE repeats the claimable condition, which
    is what makes a claim exclusive on SQLite too (and on PostgreSQL if a row's lock was
    released before the UPDATE): only rows that carry this run's ``claimed_by`` are returned.
    """
    locking = db_connection.features.has_select_for_update_skip_locked
    candidates = ReminderSent.objects.filter(_claimable(now)).exclude(pk__in=tried).order_by("pk")
    if locking:
        candidates = candidates.select_for_update(skip_locked=True)
    # No transaction around it on SQLite: a read then a write in one transaction can fail at
    # once when another run writes; each statement on its own is atomic there.
    with transaction.atomic() if locking else contextlib.nullcontext():
        ids = list(candidates.values_list("pk", flat=True)[:size])
        if ids:
            ReminderSent.objects.filter(_claimable(now), pk__in=ids).update(
                claimed_at=now, claimed_by=run_id)
    if not ids:
        return []
    return list(ReminderSent.objects.filter(pk__in=ids, claimed_by=run_id, status=Status.PLANNED)
                .order_by("pk"))


def _mark_sent(row: ReminderSent) -> None:
    """Mark one reminder sent, committed at once. On PostgreSQL the commit does not wait for
    the disk (``synchronous_commit off``): a killed *process* loses nothing, only a crash of the
    database server itself could lose the last marks of a fraction of a second."""
    with transaction.atomic():
        if db_connection.vendor == "postgresql":
            with db_connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ReminderSent.objects.filter(pk=row.pk).update(status=Status.SENT,
                                                      sent_at=timezone.now(), failure="")


def _release(run_id: str) -> None:
    ReminderSent.objects.filter(claimed_by=run_id, status=Status.PLANNED).update(
        claimed_at=None, claimed_by="")


def _refusal(exc: Exception) -> tuple[str, bool] | None:
    """(short Dutch reason, temporary?) when the mail server refused this one message; None
    when the connection itself failed (then the message may be fine)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in exc.recipients.values()]
        return (_("De mailserver weigerde het e-mailadres van de ontvanger."),
                all(400 <= code < 500 for code in codes))
    if isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code != 421:  # 421: closing
        return _("De mailserver weigerde het bericht."), 400 <= exc.smtp_code < 500
    if isinstance(exc, OSError):
        return None
    return _("Het bericht kon niet worden opgesteld."), False


def _record_failure(row: ReminderSent, reason: str, temporary: bool, outcome: Outcome) -> None:
    """A temporary failure releases the row for the next run (up to MAX_FAILURES attempts);
    any other marks it mislukt for good."""
    failures = row.failures + 1
    final = not temporary or failures >= MAX_FAILURES
    fields = {"failures": failures, "failure": reason[:200], "claimed_at": None,
              "claimed_by": ""}
    if final:
        fields.update(status=Status.FAILED, failed_at=timezone.now())
    ReminderSent.objects.filter(pk=row.pk).update(**fields)
    if final:
        outcome.failed += 1
    else:
        outcome.retry += 1


def _message(row: ReminderSent, connection) -> EmailMessage:
    if not row.message_id:  # a row planned before Message-IDs existed
        row.message_id = new_message_id()
        ReminderSent.objects.filter(pk=row.pk).update(message_id=row.message_id)
    return EmailMessage(header_text(row.subject), row.body, settings.DEFAULT_FROM_EMAIL,
                        [row.recipient], connection=connection,
                        headers={"Message-ID": row.message_id})


def _reconnect(connection) -> str | None:
    """Open a fresh connection after one broke; the reason when the server is unreachable."""
    with contextlib.suppress(Exception):
        connection.close()
    try:
        connection.open()
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _deliver_one(row: ReminderSent, connection, outcome: Outcome, today: dt.date) -> str | None:
    """Send one claimed reminder and record what happened; the reason when the mail server
    can no longer be reached (the run must stop)."""
    if row.datum is not None and row.datum < today:
        ReminderSent.objects.filter(pk=row.pk).update(status=Status.SKIPPED, claimed_by="")
        outcome.skipped += 1
        return None
    try:
        _message(row, connection).send()
    except Exception as exc:
        log.warning("herinnering %s niet verzonden: %s: %s", row.pk, type(exc).__name__, exc)
        refusal = _refusal(exc)
        if refusal is not None:
            _record_failure(row, *refusal, outcome)
            return None
        _record_failure(row, _("De verbinding met de mailserver viel weg."), True, outcome)
        return _reconnect(connection)
    _mark_sent(row)
    outcome.sent += 1
    return None


def deliver(today: dt.date | None = None, outcome: Outcome | None = None) -> Outcome:
    """Send every unsent reminder once, over one connection to the mail server.

    Reports every failure: a message refused for good counts in ``outcome.failed`` (and is
    marked mislukt with its reason), one refused for now in ``outcome.retry``. Raises
    :class:`MailServerUnavailable` (after releasing this run's claims) when the mail server
    cannot be reached at all.
    """
    today = today or timezone.localdate()
    outcome = outcome or Outcome()
    if not ReminderSent.objects.filter(_claimable(timezone.now())).exists():
        return outcome
    connection = get_connection()
    try:
        connection.open()
    except OSError as exc:
        raise MailServerUnavailable(f"{type(exc).__name__}: {exc}", outcome) from exc
    run_id = secrets.token_hex(16)
    try:
        tried: set[int] = set()
        while rows := _claim_batch(timezone.now(), CLAIM_BATCH, run_id, tried):
            claimed = time.monotonic()
            for row in rows:
                if time.monotonic() - claimed > RETRY_AFTER.total_seconds() / 2:
                    # A slow server: give the rest back before another run may take it over
                    # as abandoned (it would then be sent twice); the next claim takes it anew.
                    _release(run_id)
                    break
                retries = outcome.retry
                unreachable = _deliver_one(row, connection, outcome, today)
                if outcome.retry > retries:  # refused for now: not again in this run
                    tried.add(row.pk)
                if unreachable:
                    _release(run_id)
                    raise MailServerUnavailable(unreachable, outcome)
    finally:
        with contextlib.suppress(Exception):
            connection.close()
    return outcome


def recent_failures(company, days: int = 60, limit: int = 5) -> list[ReminderSent]:
    """The reminders of this company that could not be delivered lately (for its dashboard)."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(company.reminders.filter(status=Status.FAILED, failed_at__gte=since)
                .order_by("-failed_at", "-pk")[:limit])


def run(today: dt.date | None = None) -> Outcome:
    from . import services

    today = today or services.today()
    services.refresh_stale()
    outcome = Outcome(planned=plan(today))
    return deliver(today=today, outcome=outcome)
