"""The search index of the published content: built when content is loaded, never per request.

:func:`store_index` runs inside the content-load transaction (signal ``content_loaded``), so
the index and the items it describes are replaced together. :func:`current_index` loads the
stored bytes once per process and release.
"""

from __future__ import annotations

import logging
import threading
import time

from onderwijsgids.kb import KnowledgeBase

from .engine.index import SearchIndex, build_index

log = logging.getLogger(__name__)
_lock = threading.Lock()
_cached: tuple[int, SearchIndex] | None = None


def store_index(kb: KnowledgeBase, release_id: int) -> SearchIndex:
    from .models import StoredIndex

    started = time.perf_counter()
    index = build_index(kb)
    data = index.to_bytes()
    StoredIndex.objects.exclude(release_id=release_id).delete()
    StoredIndex.objects.update_or_create(
        release_id=release_id,
        defaults={"digest": kb.digest, "data": data,
                  "build_ms": (time.perf_counter() - started) * 1000},
    )
    return index


def on_content_loaded(sender, kb: KnowledgeBase, release, **kwargs) -> None:
    store_index(kb, release.id)


def current_index() -> SearchIndex:
    """The index of the latest content release, cached per process."""
    global _cached
    from onderwijsgids.content.models import ContentRelease

    from .models import StoredIndex

    release_id = ContentRelease.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with _lock:
        if _cached and _cached[0] == release_id:
            return _cached[1]
    row = StoredIndex.objects.filter(release_id=release_id).values_list("data", flat=True).first()
    if row is not None:
        index = SearchIndex.from_bytes(row)
    else:
        # Content loaded before this app existed: build once from the published items.
        from onderwijsgids.content.services import current_kb

        log.warning("geen zoekindex voor contentversie %s: eenmalig opgebouwd", release_id)
        index = store_index(current_kb(), release_id) if release_id else build_index(current_kb())
    with _lock:
        _cached = (release_id, index)
    return index


def stored_index_bytes() -> bytes | None:
    from .models import StoredIndex

    row = StoredIndex.objects.order_by("-release_id").values_list("data", flat=True).first()
    return bytes(row) if row is not None else None


_graph_cache: dict[str, object] = {}


def education_graph():
    """The education graph of the published content, cached per release digest."""
    from onderwijsgids.content.services import current_kb

    from .engine.routes import EducationGraph

    kb = current_kb()
    graph = _graph_cache.get(kb.digest)
    if graph is None:
        _graph_cache.clear()
        graph = _graph_cache[kb.digest] = EducationGraph(kb)
    return graph
