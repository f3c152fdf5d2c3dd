"""Search, route and finder pages: a way back, the map named in translatable Dutch, one form of
address ('je') in suggestions."""

from __future__ import annotations

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/zoeken/?q=subsidie+bbl", "/zoeken/?q=xyzzy",
                                 "/onderwijsroutes/?van=vmbo-kb&naar=hbo-bachelor",
                                 "/bedrijfsvakscholen/?plaats=Zwolle"])
def test_every_search_page_has_a_breadcrumb_to_start(client, content_db, url):
    page = client.get(url).content.decode()
    trail = page[page.index('<nav class="breadcrumbs" aria-label="Kruimelpad">'):]
    assert trail.index('<a href="/">Start</a>') < trail.index("</nav>")
    assert page.index('class="breadcrumbs"') < page.index("<h1")


def test_the_map_title_and_description_go_through_gettext(client, content_db, monkeypatch):
    calls: list[str] = []
    real = translation.gettext

    def spy(message):
        calls.append(message)
        return real(message)

    monkeypatch.setattr("onderwijsgids.search.views._", spy)
    page = client.get("/bedrijfsvakscholen/", {"plaats": "Zwolle"}).content.decode()
    assert "Kaart van Nederland met de bedrijfsvakscholen" in calls
    assert any("een blauw vierkant voor %(plaats)s" in c for c in calls)
    assert '<title id="bvm-kaart-titel">Kaart van Nederland met de bedrijfsvakscholen</title>' in page
    assert "een blauw vierkant voor Zwolle." in page


def test_without_a_place_the_map_description_mentions_no_square(client, content_db):
    page = client.get("/bedrijfsvakscholen/").content.decode()
    desc = page[page.index('<desc id="bvm-kaart-desc">'):page.index("</desc>")]
    assert "bedrijfsvakschool" in desc and "vierkant" not in desc


def test_an_unknown_level_suggests_with_je(client, content_db):
    page = client.get("/onderwijsroutes/", {"van": "vmbo-kbb", "naar": "havo"}).content.decode()
    assert "Bedoelde je:" in page and "Bedoelde u" not in page


def test_no_results_offers_questions_that_do_find_something(client, content_db):
    from onderwijsgids.search.views import EXAMPLE_QUESTIONS

    page = client.get("/zoeken/", {"q": "xyzzy"}).content.decode()
    assert "Niets gevonden." in page
    for example in EXAMPLE_QUESTIONS:
        found = client.get("/zoeken/", {"q": example}).content.decode()
        assert 'class="result-title"' in found, example
    block = page[page.index('id="andere-vragen"'):]
    assert block.count('href="/zoeken/?q=') == len(EXAMPLE_QUESTIONS)
