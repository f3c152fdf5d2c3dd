"""Site-wide pages: home, errors. Item pages live in the content app."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from onderwijsgids.content import presenters
from onderwijsgids.content.services import current_kb


def home(request: HttpRequest) -> HttpResponse:
    """The guide's structure at a glance."""
    kb = current_kb()
    return render(request, "web/home.html", {
        "groepen": presenters.grouped_action_points(kb),
        "regelingen": presenters.items_of_type(kb, "regeling"),
        "dossiers": presenters.dossiers(kb),
        "paginas": presenters.items_of_type(kb, "pagina"),
    })


def _statement(request: HttpRequest, template: str, **extra) -> HttpResponse:
    contact = presenters.contact_details(current_kb())
    return render(request, template, {"email": contact.get("email"),
                                      "telefoon": contact.get("telefoon"), **extra})


def privacy_statement(request: HttpRequest) -> HttpResponse:
    """What the site stores about whom, why, how long and who sees it."""
    return _statement(request, "web/privacy.html",
                      maanden=settings.ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN,
                      sessie_dagen=max(1, settings.SESSION_COOKIE_AGE // 86400))


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return _statement(request, "web/toegankelijkheid.html")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "web/500.html", status=500)
