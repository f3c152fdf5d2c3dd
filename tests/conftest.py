"""Shared fixtures: the test database holds the real published content from ``content/``."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _ensure_content_loaded() -> None:
    from onderwijsgids.content.models import Item
    from onderwijsgids.content.services import load_content

    if not Item.objects.exists():
        load_content(settings.ONDERWIJSGIDS_CONTENT_DIR)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite tests use a file database, as the app does: WAL and the busy timeout only apply
    there (threads on Django's shared in-memory test database fail at once with "locked")."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = settings.VAR_DIR / f"test-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create the test database once and load the real content into it."""
    with django_db_blocker.unblock():
        _ensure_content_loaded()


@pytest.fixture
def content_db(db):
    """Database access with the published content present (reloaded if a test flushed it)."""
    _ensure_content_loaded()


@pytest.fixture
def content_transactional_db(transactional_db):
    """For live-server tests: transactional tests flush tables, so load content again."""
    _ensure_content_loaded()


@pytest.fixture(autouse=True)
def _fresh_release_memos():
    """Pages and documents remembered per release start empty in every test, so a test that
    watches how a page is made (gettext spies, query counts) sees it made."""
    from onderwijsgids.content.views import forget_rendered_articles
    from onderwijsgids.search import services

    forget_rendered_articles()
    services.forget_snippets()
