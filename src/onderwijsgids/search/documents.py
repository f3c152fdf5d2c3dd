"""The JSON documents the search answers with, shared by the API and the CLI (contract §4, §5).

Plain functions on the engine's results: the API (:mod:`.api`) and ``onderwijsgids zoek
--json`` (:mod:`.commands`) both build their answer here, so neither imports the other. The
routes document is the engine's own (:func:`.engine.routes.routes_document`).
"""

from __future__ import annotations

from typing import Callable

from .engine.query import Result


def search_document(result: Result, absolute_url: Callable[[str], str]) -> dict:
    """``{"resultaten": [{"id", "type", "titel", "url", "score"}], "aantallen", "suggestie"}``,
    best first; ``absolute_url`` turns an item's path into the address a reader follows."""
    return {
        "resultaten": [{"id": h.id, "type": h.type, "titel": h.titel,
                        "url": absolute_url(h.url), "score": h.score} for h in result.hits],
        "aantallen": result.counts,
        "suggestie": result.suggestion,
    }
