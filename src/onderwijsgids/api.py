"""The JSON API under /api/v1/ (contract §5). Each capability contributes a router."""

from django.conf import settings
from django.core.exceptions import (
    BadRequest, PermissionDenied, RequestDataTooBig, SuspiciousOperation,
)
from django.http import Http404, HttpRequest
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .api_docs import complete_document
from .api_errors import invalid_input_body


class OnderwijsgidsAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """Ninja's document with the answers every operation can give (see api_docs)."""
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete_document(document)


api = OnderwijsgidsAPI(
    title="Onderwijsgids API",
    version="1",
    description="De onderwijsgids van Koninklijke Metaalunie als API: items, advies, zoeken, routes.",
    urls_namespace="api-v1",
    docs_url="/docs",
)


def _register_routers() -> None:
    from importlib import import_module

    for module in ("content", "advice", "search", "workspace"):
        try:
            routes = import_module(f"onderwijsgids.{module}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"onderwijsgids.{module}.api":
                raise
            continue
        api.add_router("/", routes.router)


_register_routers()


@api.exception_handler(ValidationError)
def _invalid_input(request: HttpRequest, exc: ValidationError):
    """Every endpoint answers bad input the same way: 422 with Dutch messages per field."""
    return api.create_response(request, invalid_input_body(exc.errors), status=422)


NOT_LOGGED_IN = "Log eerst in."
FORBIDDEN = "Dit mag je niet met jouw rol bij dit bedrijf."
NOT_FOUND = "Niet gevonden."
_NINJA_MESSAGES = {"Unauthorized": NOT_LOGGED_IN, "Forbidden": FORBIDDEN,
                   "CSRF check Failed": "De beveiligingscode (CSRF) ontbreekt of klopt niet."}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    """Ninja's own messages in Dutch (a body that is not JSON, no login); others unchanged."""
    message = str(exc)
    if message.startswith("Cannot parse request body"):
        message = "De invoer is geen geldige JSON."
    message = _NINJA_MESSAGES.get(message, message)
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied):
    """Too few rights (an advisor writing, an employee doing an owner's task): 403."""
    return api.create_response(request, {"detail": FORBIDDEN}, status=403)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": NOT_FOUND, "suggesties": []}, status=404)


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig):
    """A body without Content-Length that turned out too large (limits.py catches the rest)."""
    from onderwijsgids.web.limits import too_large_response

    return too_large_response(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(BadRequest)
@api.exception_handler(SuspiciousOperation)
def _bad_request(request: HttpRequest, exc: Exception):
    """A body Django cannot read (e.g. a form without boundary where JSON belongs): 400."""
    return api.create_response(request, {"detail": "De invoer is onleesbaar; stuur JSON."},
                               status=400)


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception):  # pragma: no cover - safety net
    import logging

    logging.getLogger("onderwijsgids.api").exception("API-fout")
    return api.create_response(request, {"detail": "Er ging iets mis aan onze kant."}, status=500)
