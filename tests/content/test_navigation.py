"""The way back and the first screen: breadcrumbs on every list and item page, list titles named
as the main menu names them, a plain-language lead on each list, a list next to the diagram."""

from __future__ import annotations

import re

import pytest

from onderwijsgids.content.views import LIST_TITLES
from onderwijsgids.kb.urls import item_path

pytestmark = pytest.mark.usefixtures("content_db")

LIST_PAGES = ["/actiepunten/", "/regelingen/", "/kwalificaties/", "/onderwijsniveaus/",
              "/organisaties/", "/initiatieven/", "/gids/"]


def breadcrumbs(page: str) -> list[tuple[str, str]]:
    """(href, text) of each step in the page's breadcrumb trail."""
    start = page.index('<nav class="breadcrumbs" aria-label="Kruimelpad">')
    trail = page[start:page.index("</nav>", start)]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail)


@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_list_page_has_a_breadcrumb_back_to_start(client, url):
    page = client.get(url).content.decode()
    assert breadcrumbs(page) == [("/", "Start")]
    assert page.index('class="breadcrumbs"') < page.index("<h1")


@pytest.mark.parametrize(("item_type", "item_id"), [
    ("actiepunt", "actiepunt-1"), ("regeling", "oom-bbl-vergoeding"),
    ("kwalificatie", "25892"), ("onderwijsniveau", "havo"), ("pagina", "voorwoord"),
])
def test_an_item_page_leads_back_to_its_list_under_the_menus_name(client, item_type, item_id):
    page = client.get(item_path(item_type, item_id)).content.decode()
    list_url = item_path(item_type, "x").removesuffix("x/")
    assert breadcrumbs(page) == [("/", "Start"), (list_url, str(LIST_TITLES[item_type]))]


def test_list_titles_match_the_menu_not_the_internal_type_names(client):
    assert "<h1>De gids</h1>" in client.get("/gids/").content.decode()
    assert "<h1>Regelingen en subsidies</h1>" in client.get("/regelingen/").content.decode()
    qualification = client.get("/kwalificaties/25892/").content.decode()
    assert ">Mbo-opleidingen</a>" in qualification and ">Kwalificaties</a>" not in qualification
    assert "Pagina&#x27;s</a>" not in client.get("/gids/voorwoord/").content.decode()


@pytest.mark.parametrize("url", ["/regelingen/", "/organisaties/", "/initiatieven/", "/gids/"])
def test_each_simple_list_says_what_it_holds_before_the_list(client, url):
    page = client.get(url).content.decode()
    lead = page.index('<p class="lead">')
    assert page.index("</h1>") < lead < page.index('class="item-list"')


def test_the_education_diagram_offers_the_list_first(client):
    page = client.get("/onderwijsniveaus/").content.decode()
    skip = page.index('class="diagram-skip" href="#niveaus-lijst"')
    assert skip < page.index('class="diagram-wrap diagram-wrap--full"') < page.index('id="niveaus-lijst"')


@pytest.mark.parametrize("url", ["/kwalificaties/", "/gids/mbo-opleidingen-overzicht/"])
def test_the_crebo_table_explains_its_jargon_from_the_glossary_with_sources(client, url):
    from onderwijsgids.content.services import current_kb

    glossary = current_kb().glossary
    meanings = {b.term: b for b in glossary.begrippen if b.term in ("crebo", "bbl", "bol")}
    assert meanings, "de woordenlijst legt crebo, bbl en bol niet uit"
    page = client.get(url).content.decode()
    block = page[page.index('<dl class="begrippen">'):page.index("</dl>", page.index('<dl class="begrippen">'))]
    assert page.index('<dl class="begrippen">') < page.index('<table class="crebo')
    for term, entry in meanings.items():
        assert f"<dt>{term}</dt>" in block
        assert " ".join(entry.betekenis.split()) in " ".join(block.split()).replace("&#x27;", "'")
        source = glossary.bronnen[entry.bron]
        assert (source.url or source.gids) in block
