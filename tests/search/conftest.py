"""Fixtures: the search index built from the real content on disk (no database) and from the DB."""

from __future__ import annotations

import pytest

from onderwijsgids.kb import default_content_dir, load_knowledge_base
from onderwijsgids.search.engine.index import build_index


@pytest.fixture(scope="session")
def kb():
    return load_knowledge_base(default_content_dir())


@pytest.fixture(scope="session")
def index(kb):
    return build_index(kb)
