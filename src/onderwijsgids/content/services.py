"""Loading and reading the published knowledge base.

``load_content`` validates everything first and writes in one transaction: a load that fails
leaves the previous content served unchanged.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from django.db import transaction

from onderwijsgids.kb import KnowledgeBase, load_knowledge_base
from onderwijsgids.kb.check import relations_of
from onderwijsgids.kb.loader import ITEM_ADAPTER
from onderwijsgids.kb.schema import Item as KbItem
from onderwijsgids.kb.schema import Woordenlijst
from onderwijsgids.kb.urls import item_path
from onderwijsgids.text import render_markdown

from .models import ContentRelease, Item, Relation
from .signals import content_loaded


def _sort_key(item: KbItem) -> str:
    number = getattr(item, "nummer", None) or getattr(item, "niveau", None) or 0
    return f"{item.volgorde:04d}-{number:02d}-{item.id}"


def _item_row(kb: KnowledgeBase, item: KbItem) -> Item:
    return Item(
        id=item.id,
        type=item.type,
        titel=item.titel,
        samenvatting=item.samenvatting,
        url=item_path(item.type, item.id),
        inhoud_html=render_markdown(item.inhoud),
        data=item.model_dump(mode="json"),
        sort_key=_sort_key(item),
        source_file=kb.files.get(item.id, ""),
    )


def _relation_rows(kb: KnowledgeBase) -> list[Relation]:
    rows = []
    for item in kb.items.values():
        for position, (kind, _expected, target) in enumerate(relations_of(item)):
            rows.append(Relation(source_id=item.id, target_id=target, kind=kind, position=position))
    return rows


def load_content(root: Path, require_contract_ids: bool = True) -> ContentRelease:
    """Validate ``root`` and replace the published content atomically; raise ContentError."""
    kb = load_knowledge_base(root, require_contract_ids=require_contract_ids)
    with transaction.atomic():
        Relation.objects.all().delete()
        Item.objects.all().delete()
        Item.objects.bulk_create([_item_row(kb, item) for item in kb.items.values()])
        Relation.objects.bulk_create(_relation_rows(kb))
        release = ContentRelease.objects.create(
            digest=kb.digest,
            item_count=len(kb.items),
            glossary=kb.glossary.model_dump(mode="json") if kb.glossary else None,
        )
        content_loaded.send(sender=ContentRelease, kb=kb, release=release)
    return release


_cache_lock = threading.Lock()
_cached: Published | None = None


@dataclass(frozen=True)
class Published:
    """The published release as this process knows it: its row's stamp and its typed items."""

    release_id: int
    digest: str
    loaded_at: dt.datetime | None
    kb: KnowledgeBase


# Inside one_release() (one request) every lookup answers the same release without a query.
_pinned: ContextVar[Published | None] = ContextVar("onderwijsgids_release", default=None)


def published() -> Published:
    """The latest release, its typed knowledge base rebuilt only when a new release is loaded."""
    global _cached
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    release_id = published_release_id()
    with _cache_lock:
        if _cached and _cached.release_id == release_id:
            return _cached
    # Only on a new release: the glossary JSON is not read on every request.
    release = ContentRelease.objects.filter(id=release_id).first()
    kb = KnowledgeBase(digest=release.digest if release else "")
    if release and release.glossary:
        kb.glossary = Woordenlijst.model_validate(release.glossary)
    for row in Item.objects.only("id", "data", "source_file"):
        kb.items[row.id] = ITEM_ADAPTER.validate_python(row.data)
        kb.files[row.id] = row.source_file
    found = Published(release_id, kb.digest, release.loaded_at if release else None, kb)
    with _cache_lock:
        _cached = found
    return found


def published_release_id() -> int:
    """The latest release's id (0 before any load): the pinned one, else one small query."""
    pinned = _pinned.get()
    if pinned is not None:
        return pinned.release_id
    return ContentRelease.objects.order_by("-id").values_list("id", flat=True).first() or 0


def current_kb() -> KnowledgeBase:
    """The published knowledge base as typed items (see :func:`published`)."""
    return published().kb


@contextmanager
def one_release() -> Iterator[Published]:
    """Look the release up once and answer it to every lookup until the block ends."""
    release = published()
    token = _pinned.set(release)
    try:
        yield release
    finally:
        _pinned.reset(token)
