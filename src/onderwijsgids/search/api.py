"""``GET /api/v1/zoeken`` and ``GET /api/v1/route`` (contract §5); bedrijfsvakscholen nearby."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from onderwijsgids.api_errors import INVALID_INPUT, NietGevonden, OngeldigeInvoer
from onderwijsgids.content.release_cache import remembered_json
from onderwijsgids.content.services import current_kb
from onderwijsgids.kb.schema import ItemType

from . import services
from .engine.query import QueryError, search
from .engine.routes import UnknownLevel, routes_document

router = Router(tags=["zoeken"])

class Resultaat(Schema):
    id: str
    type: str
    titel: str
    url: str
    score: float


class Zoekresultaten(Schema):
    resultaten: list[Resultaat]
    aantallen: dict[str, int]
    suggestie: str | None = None


class ZoekVraag(Schema):
    q: str | None = None
    type: ItemType | None = None
    limit: int = 10


class Stap(Schema):
    van: str
    naar: str
    voorwaarde: str | None
    duur: str | None
    bron: str


class Route(Schema):
    stappen: list[str]
    toelichting: list[str]
    details: list[Stap]


class Routes(Schema):
    routes: list[Route]


class RouteVraag(Schema):
    van: str
    naar: str


def invalid(field: str, message: str) -> Status:
    return Status(422, {"detail": INVALID_INPUT, "fouten": [{"veld": field, "melding": message}]})


def search_document(request: HttpRequest | None, result, base: str = "") -> dict:
    """The shared result document of the API and the CLI (contract §4)."""
    def url(path: str) -> str:
        return request.build_absolute_uri(path) if request is not None else base + path

    return {
        "resultaten": [{"id": h.id, "type": h.type, "titel": h.titel, "url": url(h.url),
                        "score": h.score} for h in result.hits],
        "aantallen": result.counts,
        "suggestie": result.suggestion,
    }


@router.get("/zoeken", response={200: Zoekresultaten, 422: OngeldigeInvoer},
            summary="Zoek in de hele gids; beste resultaat eerst")
def zoeken(request: HttpRequest, vraag: Query[ZoekVraag]):
    if not 1 <= vraag.limit <= 100:
        return invalid("limit", "moet tussen 1 en 100 liggen")
    try:
        result = search(services.current_index(), vraag.q or "", item_type=vraag.type,
                        limit=vraag.limit)
    except QueryError as exc:
        field, _sep, message = str(exc).partition(": ")
        return invalid(field, message)
    return search_document(request, result)


@router.get("/route", response={200: Routes, 404: NietGevonden, 422: OngeldigeInvoer},
            summary="Onderwijsroutes tussen twee onderwijsniveaus, kortste eerst")
def route(request: HttpRequest, vraag: Query[RouteVraag]):
    van, naar = vraag.van.strip(), vraag.naar.strip()
    try:
        return remembered_json(request, current_kb().digest, Routes, ("route", van, naar),
                               lambda: routes_document(services.education_graph(), van, naar))
    except UnknownLevel as exc:
        return Status(404, {"detail": str(exc), "suggesties": exc.suggestions})


class Bedrijfsvakschool(Schema):
    id: str
    titel: str
    url: str
    plaats: str | None
    provincie: str | None
    afstand_km: float | None


class Bedrijfsvakscholen(Schema):
    bedrijfsvakscholen: list[Bedrijfsvakschool]
    in_kennisbank: int
    landelijk: int | None


class FinderVraag(Schema):
    plaats: str = ""
    provincie: str = ""


@router.get("/bedrijfsvakscholen",
            response={200: Bedrijfsvakscholen, 404: NietGevonden, 422: OngeldigeInvoer},
            summary="Bedrijfsvakscholen, dichtstbij een plaats of provincie eerst")
def bedrijfsvakscholen(request: HttpRequest, vraag: Query[FinderVraag]):
    from .engine import finder
    from .views import FinderInputError

    kb = current_kb()
    plaats, provincie = vraag.plaats.strip(), vraag.provincie.strip()
    try:
        return remembered_json(request, kb.digest, Bedrijfsvakscholen, ("bvm", plaats, provincie),
                               lambda: _finder_document(request, kb, plaats, provincie))
    except FinderInputError as exc:
        if exc.field == "plaats" and 0 < len(plaats) <= finder.MAX_PLACE_LENGTH:
            return Status(404, {"detail": f"plaats: onbekende plaats '{plaats}'",
                                "suggesties": exc.suggestions})
        return invalid(exc.field, exc.message)


def _finder_document(request: HttpRequest, kb, plaats: str, provincie: str) -> dict:
    from .engine import finder
    from .views import finder_results

    found, _origin = finder_results(kb, plaats, provincie)
    searched = bool(plaats or provincie)
    return {
        "bedrijfsvakscholen": [
            {"id": f.organisatie.id, "titel": f.organisatie.titel,
             "url": request.build_absolute_uri(f"/organisaties/{f.organisatie.id}/"),
             "plaats": f.place.naam if f.place else f.organisatie.plaats,
             "provincie": f.organisatie.provincie,
             "afstand_km": round(f.km, 1) if searched and f.km is not None else None}
            for f in found],
        "in_kennisbank": len(finder.bvms(kb)),
        "landelijk": finder.known_total(kb),
    }
