"""iCalendar: the site's one calendar writer, and the advice's deadlines as a calendar file.

:func:`calendar` writes all-day events (the plan's download here, the workspace's subscribed
feed in :mod:`onderwijsgids.workspace.feed`). The plan has one event per deadline with a
reminder a week before; its UIDs are stable (regeling + date + a hash of the company name), so
importing an updated plan updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Iterable

from icalendar import Alarm, Calendar, Event

from ..engine import Advice
from .common import absolute, company_name

PRODID = "-//Koninklijke Metaalunie//Onderwijsgids//NL"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event; ``reminder`` is the text of an alert a week before."""

    uid: str
    day: dt.date
    summary: str
    description: str | None = None
    url: str | None = None
    reminder: str | None = None


def calendar(name: str, events: Iterable[CalendarEvent], stamp: dt.datetime,
             prodid: str = PRODID) -> bytes:
    """An iCalendar file named ``name`` with ``events`` (``stamp``: when it was made)."""
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        if item.description is not None:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        if item.reminder is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.reminder)
            alarm.add("trigger", dt.timedelta(days=-7))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def _uid(regeling: str, day: dt.date, name: str, seen: dict[str, int]) -> str:
    name_hash = hashlib.sha256(name.encode()).hexdigest()[:12]
    base = f"{regeling}-{day:%Y%m%d}-{name_hash}"
    seen[base] = seen.get(base, 0) + 1
    suffix = f"-{seen[base]}" if seen[base] > 1 else ""
    return f"{base}{suffix}@onderwijsgids"


def _plan_events(advice: Advice, base_url: str) -> Iterable[CalendarEvent]:
    name = advice.profiel.get("naam") or ""
    titles = {r.id: r for r in advice.regelingen}
    seen: dict[str, int] = {}
    for deadline in advice.deadlines:
        regeling = titles.get(deadline.regeling)
        url = absolute(base_url, regeling.url) if regeling else base_url
        yield CalendarEvent(
            uid=_uid(deadline.regeling, deadline.datum, name, seen), day=deadline.datum,
            summary=f"Deadline: {regeling.titel if regeling else deadline.regeling}",
            description=f"{deadline.wat}\n\nMeer: {url}", url=url,
            reminder=f"Over een week: {deadline.wat}")


def to_ics(advice: Advice, base_url: str, stamp: dt.datetime | None = None) -> bytes:
    stamp = stamp or dt.datetime.combine(dt.date.fromisoformat(advice.profiel["peildatum"]),
                                         dt.time(), tzinfo=dt.timezone.utc)
    return calendar(f"Onderwijsgids: {company_name(advice)}", _plan_events(advice, base_url),
                    stamp)
