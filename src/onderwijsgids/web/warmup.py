"""Per-process start-up of the web server: build the long-lived state, then freeze it.

A loaded release is some 130,000 Python objects (typed items, the search index). Left to the
garbage collector, every full collection walks all of them and stalls each thread of the worker
for 50–90 ms on this machine, which is what set the p99 of otherwise fast pages under load
(``bench/bench_load.py``). ``gc.freeze()`` moves what exists after start-up into a permanent
generation that collections skip; what requests create later is collected as usual. A new
release builds new objects, which are collected normally, so nothing stale is kept alive
beyond what the process already held.
"""

from __future__ import annotations

import gc
import logging

from django.db import Error as DatabaseError

log = logging.getLogger(__name__)


def build_and_freeze() -> bool:
    """Load the published release and its search index (with what snippets are made from),
    then freeze; False when the database is not ready yet (not migrated, no content): the
    first requests then build it as usual."""
    from onderwijsgids.content.services import current_kb
    from onderwijsgids.search.engine.query import prepare_snippets
    from onderwijsgids.search.services import current_index

    try:
        current_kb()
        prepare_snippets(current_index())
    except DatabaseError as exc:
        log.info("start zonder voorbereide inhoud: %s", exc)
        return False
    gc.collect()
    gc.freeze()
    return True
