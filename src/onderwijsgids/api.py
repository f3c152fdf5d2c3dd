"""The JSON API under /api/v1/ (contract §5). Each capability contributes a router."""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from .api_errors import invalid_input_body

api = NinjaAPI(
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


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    """Ninja's own messages in Dutch (a body that is not JSON); others pass unchanged."""
    message = str(exc)
    if message.startswith("Cannot parse request body"):
        message = "De invoer is geen geldige JSON."
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, exc: Exception):  # pragma: no cover - safety net
    import logging

    logging.getLogger("onderwijsgids.api").exception("API-fout")
    return api.create_response(request, {"detail": "Er ging iets mis aan onze kant."}, status=500)
