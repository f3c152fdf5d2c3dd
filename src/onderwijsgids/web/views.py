"""Site-wide pages: home, errors. Item pages live in the content app."""

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


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "web/500.html", status=500)


def request_too_large(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """413: the request body is larger than the app accepts (see :mod:`.limits`)."""
    return render(request, "web/413.html", status=413)
