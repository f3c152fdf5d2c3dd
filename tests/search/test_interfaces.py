"""The same engine behind API, CLI and page; the stored index; bad input on every entry point."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings

from onderwijsgids.cli import main
from onderwijsgids.search import services
from onderwijsgids.search.engine.index import build_index
from onderwijsgids.search.engine.query import search
from onderwijsgids.search.models import StoredIndex

pytestmark = pytest.mark.django_db
QUESTIONS = ["subsidie voor mijn bbl'er", "bedrijfsvakschool bij Zwolle", "25892",
             "cursus voor de begeleider van mijn stagiair"]


def cli_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def page_ids(client, q: str) -> list[str]:
    """Result IDs of the page in score order (the page groups by type; undo that by score)."""
    html = client.get("/zoeken/", {"q": q}).content.decode()
    return re.findall(r'<a class="result-title" href="/[^"]*?/([^/"]+)/">', html)


def test_cli_links_use_the_configured_base_url(capsys, content_db, settings):
    settings.ONDERWIJSGIDS_BASE_URL = "https://gids.example.nl/"
    urls = [r["url"] for r in cli_json(capsys, "zoek", "bbl", "--json")["resultaten"]]
    assert urls and all(re.match(r"https://gids\.example\.nl/[^/]", u) for u in urls), urls


@pytest.mark.parametrize("q", QUESTIONS)
def test_api_cli_and_page_agree(client, capsys, content_db, q):
    api = client.get("/api/v1/zoeken", {"q": q, "limit": 10}).json()["resultaten"]
    cli = cli_json(capsys, "zoek", q, "--json", "--limit", "10")["resultaten"]
    assert [r["id"] for r in api] == [r["id"] for r in cli]
    assert [r["score"] for r in api] == [r["score"] for r in cli]
    assert set(api[0]) == {"id", "type", "titel", "url", "score"}
    scores = [r["score"] for r in api]
    assert scores == sorted(scores, reverse=True)
    # The page shows the same items; within a type group in the same order.
    shown = page_ids(client, q)
    expected = [r["id"].removeprefix("actiepunt-") for r in api]
    assert set(expected) <= set(shown)
    for item_type in {r["type"] for r in api}:
        group = [r["id"].removeprefix("actiepunt-") for r in api if r["type"] == item_type]
        assert [i for i in shown if i in group][:len(group)] == group


def test_stored_index_is_the_build_of_the_content_and_gives_the_same_results(content_db, kb):
    stored = bytes(StoredIndex.objects.get().data)
    fresh = build_index(kb)
    assert stored == fresh.to_bytes()  # same bytes on SQLite and PostgreSQL
    loaded = services.current_index()
    for q in QUESTIONS:
        assert [(h.id, h.score) for h in search(loaded, q).hits] == \
            [(h.id, h.score) for h in search(fresh, q).hits]


def test_loading_content_rebuilds_the_index_for_the_new_release(content_db):
    from onderwijsgids.content.models import ContentRelease
    from onderwijsgids.content.services import load_content

    release = load_content(settings.ONDERWIJSGIDS_CONTENT_DIR)
    assert list(StoredIndex.objects.values_list("release_id", flat=True)) == [release.id]
    assert ContentRelease.objects.order_by("-id").first().id == release.id
    assert services.current_index().docs


def test_page_without_query_shows_examples(client, content_db):
    html = client.get("/zoeken/").content.decode()
    assert "Voorbeelden van vragen" in html and "/zoeken/?q=" in html


def test_page_groups_filters_and_suggests(client, content_db):
    html = client.get("/zoeken/", {"q": "subsidie"}).content.decode()
    assert 'name="type"' in html and "<mark>" in html
    filtered = client.get("/zoeken/", {"q": "subsidie", "type": "regeling"}).content.decode()
    assert 'id="groep-regeling"' in filtered and 'id="groep-pagina"' not in filtered
    none = client.get("/zoeken/", {"q": "qqqbedrijfsvakschool"}).content.decode()
    assert "Bedoelde je:" in none and "bedrijfsvakschool" in none


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}])
def test_api_refuses_empty_or_long_query_naming_q(client, content_db, params):
    response = client.get("/api/v1/zoeken", params)
    assert response.status_code == 422
    assert response.json()["fouten"][0]["veld"] == "q"


@pytest.mark.parametrize("params", [{"q": "bbl", "limit": 0}, {"q": "bbl", "limit": "veel"},
                                    {"q": "bbl", "type": "recept"}])
def test_api_refuses_bad_limit_or_type(client, content_db, params):
    response = client.get("/api/v1/zoeken", params)
    assert response.status_code == 422
    assert response.json()["fouten"][0]["veld"] in {"limit", "type"}


@pytest.mark.parametrize("argv, field", [(["zoek", ""], "q"), (["zoek", "x" * 201], "q"),
                                         (["zoek", "bbl", "--limit", "0"], "--limit"),
                                         (["zoek", "bbl", "--type", "recept"], "--type")])
def test_cli_refuses_bad_input_with_exit_2(capsys, content_db, argv, field):
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith(f"fout: {field}:")


def test_page_refuses_a_long_query_in_dutch(client, content_db):
    response = client.get("/zoeken/", {"q": "x" * 201})
    assert response.status_code == 422
    html = response.content.decode()
    assert "te lang" in html and 'href="#zoek-q"' in html and 'aria-invalid="true"' in html


def test_the_index_is_read_once_per_release(content_db, django_assert_num_queries):
    """Per request only the latest release's id is read, not the stored index."""
    first = services.current_index()
    with django_assert_num_queries(1):
        assert services.current_index() is first
