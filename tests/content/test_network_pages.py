"""The network's own pages: A+O Metalektro with the years of its figures, the regional
Techniekcoalities with their provinces, and "Erkend leerbedrijf worden" linked from SBB and
from the glossary."""

from __future__ import annotations

import re
from html import unescape

import pytest

from onderwijsgids.content.services import current_kb

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content_db")]


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_erkend_leerbedrijf_worden_says_conditions_steps_duration_and_why(client):
    page = text_of(client, "/gids/erkend-leerbedrijf-worden/")
    assert "Elke beroepspraktijkvorming in het mbo moet plaatsvinden bij een erkend leerbedrijf" \
        in page and "bol-stage" in page
    for condition in ["goede en veilige werkplek", "werk dat past bij de opleiding",
                      "praktijkopleider met tijd en middelen", "samenwerking met de school en SBB",
                      "Stagemarkt.nl en Leerbanenmarkt.nl"]:
        assert condition in page
    assert "MijnSBB" in page and "adviseur praktijkleren" in page
    assert "binnen twee weken na aanvraag" in page and "elke 4 jaar opnieuw" in page


def test_sbb_and_the_glossary_link_the_page(client):
    sbb = client.get("/organisaties/sbb/").content.decode()
    assert 'href="/gids/erkend-leerbedrijf-worden/"' in sbb
    entry = next(b for b in current_kb().glossary.begrippen if b.term == "erkend leerbedrijf")
    assert entry.zie == "erkend-leerbedrijf-worden"
    table = client.get("/gids/mbo-opleidingen-overzicht/").content.decode()
    assert 'href="/gids/erkend-leerbedrijf-worden/">Lees meer: Erkend leerbedrijf worden</a>' \
        in table


def test_a_search_for_how_to_become_recognised_finds_the_page(client):
    found = client.get("/api/v1/zoeken", {"q": "hoe word ik erkend leerbedrijf"}).json()
    assert found["resultaten"][0]["id"] == "erkend-leerbedrijf-worden"


def test_ao_metalektro_names_its_regelingen_with_the_years_of_their_figures(client):
    page = text_of(client, "/organisaties/ao-metalektro/")
    assert "de bedragen hieronder komen uit het reglement 2021-2023" in page
    for fact in ["ten hoogste € 3.000 per studiejaar", "ten hoogste € 3.800 per studiejaar",
                 "ten hoogste € 40 per week", "ten hoogste € 160 per 4 weken",
                 "twee derde van het FO-bedrag, in de jaren 2022-2024", "SLIM-regeling"]:
        assert fact in page
    html = client.get("/organisaties/ao-metalektro/").content.decode()
    assert 'href="https://www.ao-metalektro.nl/aanbod/vergroten-zij-en-bbl-instroom-zbi/"' in html


@pytest.mark.parametrize(("item_id", "provinces"), [
    ("techniekcoalitie-limburg", "Limburg"), ("techniekcoalitie-brabant", "Noord-Brabant"),
    ("techniekcoalitie-oost", "Gelderland, Overijssel"),
])
def test_each_regional_techniekcoalitie_has_a_page_with_its_region(client, item_id, provinces):
    page = text_of(client, f"/organisaties/{item_id}/")
    item = current_kb().items[item_id]
    assert f"Werkgebied {item.regio} ({provinces})" in page
    general = client.get("/initiatieven/techniekcoalitie/").content.decode()
    assert f'href="/organisaties/{item_id}/"' in general
