"""Site-wide pages: home, errors. Item pages live in the content app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from onderwijsgids.content import presenters
from onderwijsgids.content.release_cache import release_page
from onderwijsgids.content.services import current_kb


@release_page(memo=True)
def home(request: HttpRequest) -> HttpResponse:
    """The guide's structure at a glance."""
    kb = current_kb()
    return render(request, "web/home.html", {
        "groepen": presenters.grouped_action_points(kb),
        "regelingen": presenters.items_of_type(kb, "regeling"),
        "dossiers": presenters.dossiers(kb),
        "paginas": presenters.items_of_type(kb, "pagina"),
    })


def health(request: HttpRequest) -> HttpResponse:
    """``/gezond/``: the process answers (for a load balancer, and the load bench's minimal view).

    It touches no database, so it measures the server and middleware alone."""
    response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "web/500.html", status=500)
