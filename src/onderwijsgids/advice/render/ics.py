"""The deadlines as an iCalendar file: one all-day event per deadline, a reminder a week before.

UIDs are stable (regeling + date + a hash of the company name), so importing an updated plan
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from ..engine import Advice
from .common import absolute, company_name

PRODID = "-//Koninklijke Metaalunie//Onderwijsgids//NL"


def _uid(regeling: str, day: dt.date, name: str, seen: dict[str, int]) -> str:
    name_hash = hashlib.sha256(name.encode()).hexdigest()[:12]
    base = f"{regeling}-{day:%Y%m%d}-{name_hash}"
    seen[base] = seen.get(base, 0) + 1
    suffix = f"-{seen[base]}" if seen[base] > 1 else ""
    return f"{base}{suffix}@onderwijsgids"


def to_ics(advice: Advice, base_url: str, stamp: dt.datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Onderwijsgids: {company_name(advice)}")
    name = advice.profiel.get("naam") or ""
    stamp = stamp or dt.datetime.combine(dt.date.fromisoformat(advice.profiel["peildatum"]),
                                         dt.time(), tzinfo=dt.timezone.utc)
    titles = {r.id: r for r in advice.regelingen}
    seen: dict[str, int] = {}
    for deadline in advice.deadlines:
        regeling = titles.get(deadline.regeling)
        event = Event()
        event.add("uid", _uid(deadline.regeling, deadline.datum, name, seen))
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.datum)
        event.add("dtend", deadline.datum + dt.timedelta(days=1))
        event.add("summary", f"Deadline: {regeling.titel if regeling else deadline.regeling}")
        url = absolute(base_url, regeling.url) if regeling else base_url
        event.add("description", f"{deadline.wat}\n\nMeer: {url}")
        event.add("url", url)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Over een week: {deadline.wat}")
        alarm.add("trigger", dt.timedelta(days=-7))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
