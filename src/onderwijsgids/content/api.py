"""Items of the guide as JSON (contract §5): ``/api/v1/items/{id}`` and ``/api/v1/items?type=``."""

from __future__ import annotations

import difflib
from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from onderwijsgids.api_errors import NietGevonden, OngeldigeInvoer
from onderwijsgids.kb.schema import ItemType

from .models import Item, Relation
from .release_cache import remembered_json
from .services import current_kb

router = Router(tags=["items"])


class ItemKort(Schema):
    id: str
    type: str
    titel: str
    url: str


class ItemLijst(Schema):
    items: list[ItemKort]


class Relatie(ItemKort):
    soort: str


class Relaties(Schema):
    uitgaand: list[Relatie]
    inkomend: list[Relatie]


class ItemVolledig(ItemKort):
    samenvatting: str
    inhoud_html: str
    data: dict[str, Any]
    relaties: Relaties


class TypeFilter(Schema):
    type: ItemType | None = None


def _short(request: HttpRequest, item: Item) -> dict[str, str]:
    return {"id": item.id, "type": item.type, "titel": item.titel,
            "url": request.build_absolute_uri(item.url)}


def _relations(request: HttpRequest, item: Item) -> dict[str, list[dict[str, str]]]:
    """Both directions in one query: outgoing in the item's own order, incoming by source."""
    rows = list(Relation.objects.filter(Q(source=item) | Q(target=item))
                .select_related("source", "target").order_by())
    outgoing = sorted((r for r in rows if r.source_id == item.id),
                      key=lambda r: (r.kind, r.position, r.pk))
    incoming = sorted((r for r in rows if r.target_id == item.id),
                      key=lambda r: (r.source.type, r.source.sort_key, r.kind, r.position, r.pk))
    return {
        "uitgaand": [{**_short(request, r.target), "soort": r.kind} for r in outgoing],
        "inkomend": [{**_short(request, r.source), "soort": r.kind} for r in incoming],
    }


def _suggestions(item_id: str) -> list[str]:
    known = list(Item.objects.values_list("id", flat=True))
    return difflib.get_close_matches(item_id, known, n=5, cutoff=0.6)


@router.get("/items", response={200: ItemLijst, 422: OngeldigeInvoer},
            summary="Alle items, of alle items van één type")
def list_items(request: HttpRequest, filters: Query[TypeFilter]):
    def build() -> dict:
        items = Item.objects.only("id", "type", "titel", "url")
        if filters.type:
            items = items.filter(type=filters.type)
        return {"items": [_short(request, item) for item in items]}

    return remembered_json(request, current_kb().digest, ItemLijst, ("items", filters.type),
                           build)


@router.get("/items/{id}", response={200: ItemVolledig, 404: NietGevonden},
            summary="Eén item van de gids, van elk type")
def get_item(request: HttpRequest, id: str):  # noqa: A002 - the contract names it {id}
    item_id = id
    kb = current_kb()
    if item_id not in kb.items:
        return Status(404, {"detail": f"Onbekend item: '{item_id}'",
                            "suggesties": _suggestions(item_id)})
    return remembered_json(request, kb.digest, ItemVolledig, ("item", item_id),
                           lambda: _item_document(request, item_id))


def _item_document(request: HttpRequest, item_id: str) -> dict:
    item = Item.objects.get(id=item_id)
    document = {
        **_short(request, item),
        "samenvatting": item.samenvatting,
        "inhoud_html": item.inhoud_html,
        "data": item.data,
        "relaties": _relations(request, item),
    }
    return document
