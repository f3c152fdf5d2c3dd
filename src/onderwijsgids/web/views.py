"""Site-wide pages: home, errors. Item pages live in the content app."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

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


API_MESSAGES = {
    400: gettext_noop("Dit verzoek begrijpen we niet."),
    403: gettext_noop("Dit mag je niet doen."),
    413: gettext_noop("Het verzoek is groter dan de site aanneemt."),
    500: gettext_noop("Er ging iets mis aan onze kant."),
}


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """An error page in the site's layout, Dutch (JSON under /api/); never cached."""
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": _(API_MESSAGES[status])}, status=status)
    else:
        response = render(request, template, {"back": _back_url(request)}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def health(request: HttpRequest) -> HttpResponse:
    """``/gezond/``: the process answers (for a load balancer, and the load bench's minimal view).

    It touches no database, so it measures the server and middleware alone."""
    response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def _back_url(request: HttpRequest) -> str:
    """Where "terug" goes: the page the visitor came from on this site, else the home page."""
    from django.utils.http import url_has_allowed_host_and_scheme

    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()},
                                                   request.is_secure()):
        return referer
    return "/"


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400, also for a request Django refuses before any view (too many fields, a body too large
    for the form parser): those arrive here as ``RequestDataTooBig`` and answer 413."""
    from django.core.exceptions import RequestDataTooBig

    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request, exception)
    return _error_page(request, "web/400.html", 400)


def request_too_large(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """413: the request (upload or form) is larger than the site accepts."""
    return _error_page(request, "web/413.html", 413)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "web/403.html", 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without (or with an old) security token: usually a page left open too long."""
    return _error_page(request, "web/403_csrf.html", 403)


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
    return _error_page(request, "web/500.html", 500)
