"""The search services: the index of the published content, the education graph, result pages
and the bedrijfsvakschool finder, shared by the pages, the API and the CLI.

The index is built when content is loaded, never per request.

:func:`store_index` runs inside the content-load transaction (signal ``content_loaded``), so
the index and the items it describes are replaced together. :func:`current_index` loads the
stored bytes once per process and release.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onderwijsgids.content.release_cache import ReleaseMemo
from onderwijsgids.errors import InvalidInput, Problem
from onderwijsgids.kb import KnowledgeBase

from .engine.index import SearchIndex, build_index
from .engine.query import Hit, Result, search, snippet, validate_query

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
    from onderwijsgids.content.services import published_release_id

    from .models import StoredIndex

    release_id = published_release_id()
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


# --- one page of results ------------------------------------------------------------------


@dataclass
class ResultPage:
    result: Result                    # counts and total over all hits; only this page's hits
    hits: list[Hit]                   # this page's hits, each with its snippet
    page: int
    pages: int
    first: int                        # 1-based position of the page's first hit
    last: int


# An answer follows from the release and the question: each page of a question, with its
# snippets, made once.
_result_pages = ReleaseMemo(size=1000)


def forget_snippets() -> None:
    """Work answers and their snippets out afresh (tests, measurements)."""
    _result_pages.clear()


def result_page(q: str, item_type: str | None, page: int, size: int) -> ResultPage:
    """Page ``page`` (clamped to the last) of the answer to ``q``: snippets for its hits only,
    so the cost of a page does not grow with the number of hits. Worked out once per release
    and question (the page may be asked for under many addresses)."""
    index = current_index()
    return _result_pages.get(_digest(index), (validate_query(q), item_type, page, size),
                             lambda: _result_page(index, q, item_type, page, size))


def _digest(index: SearchIndex) -> str:
    extra = getattr(index, "extra", None)
    return extra.get("digest", "") if isinstance(extra, dict) else ""


def _result_page(index: SearchIndex, q: str, item_type: str | None, page: int,
                 size: int) -> ResultPage:
    result = search(index, q, item_type=item_type, limit=page * size)
    pages = max(1, -(-result.total // size))
    if page > pages:
        page = pages
        result = search(index, q, item_type=item_type, limit=page * size)
    hits = result.hits[(page - 1) * size:page * size]
    if hits:
        _add_snippets(index, result, hits)
    first = (page - 1) * size + 1 if hits else 0
    # What a page is remembered with: its own hits, not the matches of every document.
    shown = dataclasses.replace(result, hits=hits, matches={})
    return ResultPage(result=shown, hits=hits, page=page, pages=pages, first=first,
                      last=first + len(hits) - 1 if hits else 0)


def _add_snippets(index: SearchIndex, result: Result, hits: list[Hit]) -> None:
    for hit in hits:
        doc = index.by_id[hit.id]
        hit.snippet = snippet(index, doc, result.matches.get(doc, []))


# --- the bedrijfsvakschool finder ---------------------------------------------------------


class FinderInputError(InvalidInput):
    """A place or province the finder cannot use: one problem, and known places close to it."""

    def __init__(self, field: str, message: str, suggestions: list[str] | None = None):
        super().__init__([Problem(field, message)])
        self.suggestions = suggestions or []


def _unknown_place_message(plaats: str) -> str:
    if plaats[:1].isdigit():
        return _("Deze postcode kennen we niet. Vul de vier cijfers van een Nederlandse postcode "
                 "in, met of zonder de letters (bijvoorbeeld 5342 of 5342 AB), of een plaatsnaam.")
    return _("Deze plaats kennen we niet. Vul een plaatsnaam of een postcode in.")


def finder_results(kb: KnowledgeBase, plaats: str, provincie: str):
    """(BVMs in order, the origin place or None) for a place or a province: the one service
    behind the page and the API; bad input raises :class:`FinderInputError`."""
    from .engine import finder

    if provincie and provincie not in finder.PROVINCE_NAMES:
        raise FinderInputError("provincie", _("Kies een van de twaalf provincies."))
    if len(plaats) > finder.MAX_PLACE_LENGTH:
        raise FinderInputError("plaats", _("De plaatsnaam is te lang."))
    if plaats:
        try:
            origin = finder.resolve_origin(plaats, provincie or None)
        except finder.UnknownPlace as exc:
            raise FinderInputError("plaats", _unknown_place_message(plaats),
                                   exc.suggestions) from None
        return finder.nearest(kb, origin), origin
    if provincie:
        centre = finder.province_centre(provincie)
        return finder.in_province_first(kb, provincie), centre
    return sorted(finder.nearest(kb, finder.province_centre("utrecht")),
                  key=lambda f: f.organisatie.titel), None
