"""Public pages per content release: ETag / Last-Modified and 304, who may keep a copy, and
pages and item JSON built once per release (a new release shows at once)."""

from __future__ import annotations

import json
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from onderwijsgids.content.services import load_content
from onderwijsgids.content.views import forget_rendered_articles

pytestmark = pytest.mark.usefixtures("content_db")
ITEM = "/regelingen/subsidie-praktijkleren/"
PUBLIC_PAGES = [ITEM, "/actiepunten/3/", "/", "/actiepunten/", "/regelingen/", "/kwalificaties/",
                "/onderwijsniveaus/", "/gids/", "/contact/"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_public_page_answers_304_to_its_own_etag(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"') and first["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get(url, headers={"If-None-Match": '"een-oude-versie"'})
    assert other.status_code == 200 and other.content == first.content


def test_different_addresses_have_different_etags(client):
    tags = {client.get(url)["ETag"] for url in PUBLIC_PAGES}
    assert len(tags) == len(PUBLIC_PAGES)


def test_visitors_without_a_session_may_keep_a_public_copy_for_a_short_while(client):
    response = client.get(ITEM)
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert "Cookie" in response["Vary"]


def test_a_logged_in_visitor_gets_no_shared_cache_copy(client):
    user = get_user_model().objects.create_user("lezer@example.nl", "lezer@example.nl",
                                                "een-lang-wachtwoord-1")
    client.force_login(user)
    for url in (ITEM, "/regelingen/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "public" not in response["Cache-Control"], url
        assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]


REMEMBERED_PAGES = ["/", "/actiepunten/", "/regelingen/", "/kwalificaties/", "/onderwijsniveaus/",
                    "/zoeken/?q=subsidie+bbl", "/onderwijsroutes/?van=vmbo-kb&naar=mbo-4",
                    "/bedrijfsvakscholen/?plaats=Zwolle"]


def _reader(client):
    user = get_user_model().objects.create_user("lezer@example.nl", "lezer@example.nl",
                                                "een-lang-wachtwoord-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", REMEMBERED_PAGES)
def test_a_page_rendered_for_a_logged_in_visitor_is_never_shown_to_another(client, url):
    from django.test import Client

    logged_in = _reader(client).get(url)
    assert logged_in.status_code == 200
    assert "Uitloggen" in logged_in.content.decode()
    anonymous = Client().get(url)
    assert anonymous.status_code == 200
    page = anonymous.content.decode()
    assert "Uitloggen" not in page and "csrfmiddlewaretoken" not in page and "Inloggen" in page


@pytest.mark.parametrize("url", REMEMBERED_PAGES)
def test_a_logged_in_visitor_never_gets_the_copy_kept_for_visitors(client, url):
    from django.test import Client

    public = Client().get(url)
    assert "Inloggen" in public.content.decode()
    reader = _reader(client)
    for headers in ({}, {"If-None-Match": public["ETag"]},
                    {"If-Modified-Since": public["Last-Modified"]}):
        response = reader.get(url, headers=headers)
        assert response.status_code == 200, headers
        assert "Uitloggen" in response.content.decode()
        assert not response.has_header("ETag")


def test_errors_are_not_marked_public(client):
    response = client.get("/kwalificaties/", {"niveau": "9"})
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")
    assert client.get("/regelingen/bestaat-niet/").status_code == 404


def edited_release(tmp_path, old: str, new: str):
    root = tmp_path / "content"
    shutil.copytree(settings.ONDERWIJSGIDS_CONTENT_DIR, root)
    target = root / "regelingen" / "subsidie-praktijkleren.yaml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_content(root)


def test_a_new_release_changes_the_etag_and_the_remembered_pages(client, tmp_path):
    page, listing = client.get(ITEM), client.get("/regelingen/")
    title = "Subsidieregeling praktijkleren"
    assert title in page.content.decode() and title in listing.content.decode()
    edited_release(tmp_path, f"titel: {title}", "titel: Praktijkleren, nieuwe titel")
    fresh = client.get(ITEM, headers={"If-None-Match": page["ETag"]})
    assert fresh.status_code == 200 and fresh["ETag"] != page["ETag"]
    assert "Praktijkleren, nieuwe titel" in fresh.content.decode()
    fresh_list = client.get("/regelingen/", headers={"If-None-Match": listing["ETag"]})
    assert fresh_list.status_code == 200
    assert "Praktijkleren, nieuwe titel" in fresh_list.content.decode()


def test_a_remembered_page_costs_one_query(client, django_assert_max_num_queries):
    for url in ("/regelingen/", "/onderwijsniveaus/", "/", "/actiepunten/"):
        client.get(url)
        with django_assert_max_num_queries(1):
            assert client.get(url).status_code == 200


def test_remembered_and_fresh_pages_are_the_same(client):
    remembered = {url: client.get(url).content for url in PUBLIC_PAGES}
    forget_rendered_articles()
    assert {url: client.get(url).content for url in PUBLIC_PAGES} == remembered


# --- item JSON ----------------------------------------------------------------------------


def test_item_json_is_built_once_per_release(client, django_assert_max_num_queries):
    first = client.get("/api/v1/items/actiepunt-3")
    assert first.status_code == 200 and first["Content-Type"] == "application/json"
    with django_assert_max_num_queries(1):
        again = client.get("/api/v1/items/actiepunt-3")
    assert again.json() == first.json()
    assert first.json()["id"] == "actiepunt-3" and first.json()["relaties"]["uitgaand"]


def test_item_json_follows_the_address_of_the_site_and_a_new_release(client, tmp_path):
    local = client.get("/api/v1/items/subsidie-praktijkleren").json()
    other = client.get("/api/v1/items/subsidie-praktijkleren", HTTP_HOST="localhost").json()
    assert local["url"].startswith("http://testserver/")
    assert other["url"].startswith("http://localhost/")
    edited_release(tmp_path, "titel: Subsidieregeling praktijkleren", "titel: Nieuwe titel")
    assert client.get("/api/v1/items/subsidie-praktijkleren").json()["titel"] == "Nieuwe titel"


def test_unknown_items_are_404_with_suggestions_and_not_remembered(client):
    response = client.get("/api/v1/items/actiepunt-33")
    assert response.status_code == 404
    assert "actiepunt-3" in json.loads(response.content)["suggesties"]


# --- health -------------------------------------------------------------------------------


def test_the_health_check_answers_without_the_database(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get("/gezond/")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def _counting_renders(monkeypatch, module) -> list[str]:
    rendered: list[str] = []
    real = module.render

    def counting(request, template, *args, **kwargs):
        rendered.append(request.get_full_path())
        return real(request, template, *args, **kwargs)

    monkeypatch.setattr(module, "render", counting)
    return rendered


def test_a_form_page_is_remembered_by_what_it_reads_not_by_its_whole_address(client,
                                                                            monkeypatch):
    """The search form sends an empty ?type=, a newsletter adds tracking codes: one page."""
    from onderwijsgids.search import views

    rendered = _counting_renders(monkeypatch, views)
    plain = client.get("/zoeken/", {"q": "subsidie bbl"})
    same = [client.get("/zoeken/", {"q": "subsidie bbl", **extra})
            for extra in ({"type": ""}, {"utm_source": "nieuwsbrief"}, {"n": "7"})]
    assert len(rendered) == 1
    assert all(r.status_code == 200 and r.content == plain.content for r in same)
    other = client.get("/zoeken/", {"q": "stage", "utm_source": "nieuwsbrief"})
    assert len(rendered) == 2 and "stage" in other.content.decode()
    assert 'value="stage"' in other.content.decode()  # the layout's search box: its own q
    client.get("/zoeken/", {"q": "subsidie bbl", "type": "regeling"})
    client.get("/zoeken/", {"q": "subsidie bbl", "pagina": "2"})
    assert len(rendered) == 4


def test_a_page_that_names_no_parameters_is_remembered_by_its_whole_address(client,
                                                                           monkeypatch):
    from onderwijsgids.web import views

    rendered = _counting_renders(monkeypatch, views)
    first = client.get("/", {"q": "stage"})
    second = client.get("/", {"q": "stage", "x": "1"})
    assert len(rendered) == 2 and first.content == second.content
    assert 'value="stage"' in client.get("/", {"q": "stage"}).content.decode()
    assert len(rendered) == 2
