"""The personal iCalendar feed of a company: a secret, revocable URL a calendar app subscribes to."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from onderwijsgids.advice.render.ics import CalendarEvent, calendar

from .models import CalendarFeedToken, Deadline

PRODID = "-//Onderwijsgids Metaalunie//bedrijfsomgeving//NL"


def deadlines_calendar(company_name: str, deadlines: list[Deadline], host: str) -> bytes:
    """The company's open deadlines, one all-day event each (the site's one iCalendar writer)."""
    events = [CalendarEvent(uid=f"{d.company_id}-{d.key}@{host}", day=d.datum, summary=d.wat,
                            url=d.bron or None) for d in deadlines]
    return calendar(f"Deadlines {company_name}", events, timezone.now(), prodid=PRODID)


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
