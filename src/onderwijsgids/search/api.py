"""``GET /api/v1/zoeken`` and ``GET /api/v1/route`` (contract §5); bedrijfsvakscholen nearby."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from onderwijsgids.api_docs import documented
from onderwijsgids.api_errors import NietGevonden, OngeldigeInvoer, invalid_input
from onderwijsgids.content.release_cache import remembered_json
from onderwijsgids.content.services import current_kb
from onderwijsgids.errors import Problem
from onderwijsgids.kb.schema import ItemType
from onderwijsgids.kb.urls import item_path
from onderwijsgids.vocabulary import PROVINCES

from . import services
from .documents import search_document
from .engine.finder import MAX_PLACE_LENGTH
from .engine.query import MAX_QUERY_LENGTH, QueryError, search
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
    q: str = Field(**documented(
        pattern=r"\S", maxLength=MAX_QUERY_LENGTH,
        description=f"De zoekvraag (verplicht; hooguit {MAX_QUERY_LENGTH} tekens)."))
    type: ItemType | None = None
    limit: int = Field(10, **documented(minimum=1, maximum=100))


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


@router.get("/zoeken", response={200: Zoekresultaten, 422: OngeldigeInvoer},
            summary="Zoek in de hele gids; beste resultaat eerst")
def zoeken(request: HttpRequest, vraag: Query[ZoekVraag]):
    if not 1 <= vraag.limit <= 100:
        return Status(422, invalid_input([Problem("limit", "moet tussen 1 en 100 liggen")]))

    def build() -> dict:
        return search_document(search(services.current_index(), vraag.q or "",
                                      item_type=vraag.type, limit=vraag.limit),
                               request.build_absolute_uri)

    try:
        return remembered_json(request, current_kb().digest, Zoekresultaten,
                               ("zoeken", vraag.q, vraag.type, vraag.limit), build)
    except QueryError as exc:
        return Status(422, invalid_input(exc.problems))


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
    """One location of a school (a school with three locations gives three entries)."""

    id: str
    titel: str
    naam: str
    url: str
    plaats: str | None
    provincie: str | None
    lat: float | None
    lon: float | None
    afstand_km: float | None
    bvm_status: str | None
    bvm_status_datum: str | None
    bvm_status_tekst: str


class Bedrijfsvakscholen(Schema):
    bedrijfsvakscholen: list[Bedrijfsvakschool]
    in_kennisbank: int
    locaties: int
    landelijk: int | None
    vanaf: str | None = None


class OngeldigePlaats(OngeldigeInvoer):
    """422: the place or postcode is unknown; ``suggesties`` holds close known ones."""

    suggesties: list[str] = []


class FinderVraag(Schema):
    plaats: str = Field("", **documented(maxLength=MAX_PLACE_LENGTH, description=(
        "Een plaatsnaam of een postcode van vier cijfers.")))
    provincie: str = Field("", **documented(enum=["", *PROVINCES], description=(
        "Een van de twaalf provincies, als in het bedrijfsprofiel (bijvoorbeeld noord-brabant).")))


@router.get("/bedrijfsvakscholen",
            response={200: Bedrijfsvakscholen, 422: OngeldigePlaats},
            summary="Vestigingen van bedrijfsvakscholen, dichtstbij een plaats, postcode of "
                    "provincie eerst")
def bedrijfsvakscholen(request: HttpRequest, vraag: Query[FinderVraag]):
    kb = current_kb()
    plaats, provincie = vraag.plaats.strip(), vraag.provincie.strip()
    try:
        return remembered_json(request, kb.digest, Bedrijfsvakscholen, ("bvm", plaats, provincie),
                               lambda: _finder_document(request, kb, plaats, provincie))
    except services.FinderInputError as exc:
        return Status(422, invalid_input(exc.problems, suggesties=exc.suggestions))


def _finder_document(request: HttpRequest, kb, plaats: str, provincie: str) -> dict:
    from onderwijsgids.content.presenters import status_label

    from .engine import finder

    found, origin = services.finder_results(kb, plaats, provincie)
    searched = bool(plaats or provincie)
    return {
        "bedrijfsvakscholen": [_location_entry(request, f, searched, status_label)
                               for f in found],
        "in_kennisbank": len(finder.bvms(kb)),
        "locaties": len(found),
        "landelijk": finder.known_total(kb),
        "vanaf": origin.naam if origin is not None and searched else None,
    }


def _location_entry(request: HttpRequest, found, searched: bool, status_label) -> dict:
    school, place, status = found.organisatie, found.place, found.organisatie.bvm_status
    return {
        "id": school.id, "titel": school.titel, "naam": school.naam,
        "url": request.build_absolute_uri(item_path("organisatie", school.id)),
        "plaats": place.naam if place else school.plaats,
        "provincie": place.provincie if place else school.provincie,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "afstand_km": round(found.km, 1) if searched and found.km is not None else None,
        "bvm_status": status.status if status else None,
        "bvm_status_datum": status.datum if status else None,
        "bvm_status_tekst": str(status_label(school)),
    }
