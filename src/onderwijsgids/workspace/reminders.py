"""E-mail reminders of deadlines, each sent exactly once (an outbox).

1. ``plan``: in one transaction, insert one :class:`ReminderSent` row per (deadline, reminder
   moment, recipient) with a unique key; a second run inserts nothing new.
2. ``deliver``: per unsent row, *claim* it with a conditional UPDATE (only one process wins),
   send, and mark it sent. A send that fails releases the claim, so the next run retries it; a
   process killed between claim and mark leaves a claim that is retried after ``RETRY_AFTER``.
"""

from __future__ import annotations

import datetime as dt
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

from .models import Deadline, Membership, ReminderSent

RETRY_AFTER = dt.timedelta(minutes=30)


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
    failed: int = 0


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
        subject = _("Herinnering: %(wat)s") % {"wat": deadline.wat}
        for user_id, email in recipients.get(deadline.company_id, []):
            rows.append(ReminderSent(
                key=f"{deadline.company_id}:{deadline.key}:{deadline.datum.isoformat()}:"
                    f"{when}:{user_id}"[:300],
                company_id=deadline.company_id, deadline=deadline,
                learner_id=deadline.learner_id, training_id=deadline.training_id,
                recipient=email, subject=subject[:300], body=body))
    with transaction.atomic():
        before = ReminderSent.objects.count()
        ReminderSent.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        return ReminderSent.objects.count() - before


def _claimable(now: dt.datetime) -> Q:
    return Q(sent_at__isnull=True) & (Q(claimed_at__isnull=True) |
                                      Q(claimed_at__lt=now - RETRY_AFTER))


def _claim(row_id: int, now: dt.datetime) -> bool:
    return bool(ReminderSent.objects.filter(_claimable(now), pk=row_id).update(claimed_at=now))


def _claim_batch(now: dt.datetime, size: int) -> list[tuple[int, str, str, str]]:
    """Claim up to ``size`` reminders with one conditional UPDATE; return those this run owns.

    ``claimed_at`` is set to a timestamp unique to this call, so rows another run claimed in
    the meantime (same candidates, its own timestamp) are not returned here.
    """
    candidates = list(ReminderSent.objects.filter(_claimable(now)).order_by("pk")
                      .values_list("pk", flat=True)[:size])
    if not candidates:
        return []
    mark = timezone.now()
    ReminderSent.objects.filter(_claimable(now), pk__in=candidates).update(claimed_at=mark)
    return list(ReminderSent.objects.filter(pk__in=candidates, claimed_at=mark,
                                            sent_at__isnull=True)
                .order_by("pk").values_list("pk", "recipient", "subject", "body"))


def _mark_sent(row_id: int) -> None:
    """Mark one reminder sent, committed at once. On PostgreSQL the commit does not wait for
    the disk (``synchronous_commit off``): a killed *process* loses nothing, only a crash of the
    database server itself could lose the last marks of a fraction of a second."""
    with transaction.atomic():
        if db_connection.vendor == "postgresql":
            with db_connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        ReminderSent.objects.filter(pk=row_id).update(sent_at=timezone.now())


def deliver(now: dt.datetime | None = None, connection=None, batch: int = 200) -> tuple[int, int]:
    """Send every unsent reminder once; returns (sent, failed).

    Each reminder is marked sent right after its own send, so a crash can at most leave one
    claimed-but-unmarked reminder (retried after RETRY_AFTER); a send that raises releases the
    claims this run still holds, so the next run sends those at once.
    """
    now = now or timezone.now()
    connection = connection or get_connection()
    sent = 0
    while True:
        rows = _claim_batch(now, batch)
        if not rows:
            return sent, 0
        for position, (row_id, recipient, subject, body) in enumerate(rows):
            message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient],
                                   connection=connection)
            try:
                message.send()
            except Exception:
                ReminderSent.objects.filter(pk__in=[r[0] for r in rows[position:]]).update(
                    claimed_at=None)
                raise
            _mark_sent(row_id)
            sent += 1


def run(today: dt.date | None = None, now: dt.datetime | None = None) -> Outcome:
    from . import services

    today = today or services.today()
    services.refresh_stale()
    outcome = Outcome(planned=plan(today))
    outcome.sent, outcome.failed = deliver(now)
    return outcome
