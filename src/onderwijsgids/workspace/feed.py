"""The personal iCalendar feed of a company: a secret, revocable URL a calendar app subscribes to."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from .models import CalendarFeedToken, Deadline


def deadlines_calendar(company_name: str, deadlines: list[Deadline], host: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Onderwijsgids Metaalunie//bedrijfsomgeving//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Deadlines {company_name}")
    stamp = timezone.now()
    for deadline in deadlines:
        event = Event()
        event.add("uid", f"{deadline.company_id}-{deadline.key}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.datum)
        event.add("dtend", deadline.datum + dt.timedelta(days=1))
        event.add("summary", deadline.wat)
        if deadline.bron:
            event.add("url", deadline.bron)
        cal.add_component(event)
    return cal.to_ical()


def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """No session: the secret in the URL is the credential; a revoked secret answers 404."""
    token = (CalendarFeedToken.objects.select_related("company")
             .filter(secret=secret, revoked_at__isnull=True).first())
    if token is None:
        raise Http404
    from .services import ensure_current

    ensure_current(token.company)
    deadlines = list(Deadline.objects.filter(company=token.company, afgehandeld=False)
                     .order_by("datum", "key"))
    body = deadlines_calendar(token.company.naam, deadlines, request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="deadlines.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
