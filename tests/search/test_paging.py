"""The search page in pages of ten: every hit on exactly one page in score order, a Dutch pager
of plain links, and snippets only for the hits a page shows."""

from __future__ import annotations

import re
from html import unescape

import pytest

from onderwijsgids.search import services
from onderwijsgids.search.views import PAGE_SIZE

pytestmark = pytest.mark.django_db
Q = "subsidie bbl"


def shown(client, **params) -> tuple[list[str], str]:
    html = client.get("/zoeken/", {"q": Q, **params}).content.decode()
    return re.findall(r'<a class="result-title" href="([^"]+)">', html), html


def api_urls(client, q: str = Q, **params) -> list[str]:
    found = client.get("/api/v1/zoeken", {"q": q, "limit": 100, **params}).json()["resultaten"]
    return [r["url"].removeprefix("http://testserver") for r in found]


def by_score(urls_on_page: list[str], ranked: list[str]) -> list[str]:
    """A page groups its hits by type; put them back in score order."""
    return sorted(urls_on_page, key=ranked.index)


def test_every_hit_is_on_exactly_one_page_in_score_order(client, content_db):
    ranked = api_urls(client)
    assert len(ranked) > 2 * PAGE_SIZE  # the question needs several pages
    pages = -(-len(ranked) // PAGE_SIZE)
    seen = []
    for number in range(1, pages + 1):
        urls, html = shown(client, pagina=number)
        assert len(urls) == min(PAGE_SIZE, len(ranked) - (number - 1) * PAGE_SIZE)
        seen += by_score(urls, ranked)
        first, last = (number - 1) * PAGE_SIZE + 1, (number - 1) * PAGE_SIZE + len(urls)
        assert f"Resultaat {first} tot en met {last} van {len(ranked)}" in html
        assert f"Pagina {number} van {pages}" in html
        assert f"{len(ranked)} resultaten" in html
    assert seen == ranked


def test_the_pager_is_plain_links_with_the_current_page_marked(client, content_db):
    _urls, html = shown(client, pagina=2)
    pager = html[html.index('<nav class="pager"'):]
    pager = pager[:pager.index("</nav>")]
    assert 'aria-label="Resultaatpagina’s"' in pager
    links = [unescape(href) for href in re.findall(r'href="([^"]+)"', pager)]
    assert links[0] == "/zoeken/?q=subsidie+bbl"                      # Vorige: page 1
    assert links[-1] == "/zoeken/?q=subsidie+bbl&pagina=3"             # Volgende
    assert "Vorige" in pager and "Volgende" in pager
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', pager)
    assert [unescape(c) for c in current] == ["/zoeken/?q=subsidie+bbl&pagina=2"]
    first_page = shown(client)[1]
    assert "Vorige" not in first_page[first_page.index('<nav class="pager"'):]


def test_the_type_filter_is_kept_on_every_page(client, content_db):
    ranked = api_urls(client, "bedrijfsvakschool", type="organisatie")
    assert len(ranked) > PAGE_SIZE
    html = client.get("/zoeken/", {"q": "bedrijfsvakschool", "type": "organisatie"}).content.decode()
    assert "/zoeken/?q=bedrijfsvakschool&amp;type=organisatie&amp;pagina=2" in html
    second = client.get("/zoeken/", {"q": "bedrijfsvakschool", "type": "organisatie", "pagina": 2})
    urls = re.findall(r'<a class="result-title" href="([^"]+)">', second.content.decode())
    assert by_score(urls, ranked) == ranked[PAGE_SIZE:2 * PAGE_SIZE]


@pytest.mark.parametrize(("pagina", "expected"), [("0", 1), ("-1", 1), ("twee", 1), ("", 1),
                                                   ("999999999999", 1), ("999", "last")])
def test_an_odd_page_number_shows_the_first_or_the_last_page(client, content_db, pagina,
                                                             expected):
    ranked = api_urls(client)
    pages = -(-len(ranked) // PAGE_SIZE)
    response = client.get("/zoeken/", {"q": Q, "pagina": pagina})
    assert response.status_code == 200
    number = pages if expected == "last" else expected
    assert f"Pagina {number} van {pages}" in response.content.decode()


def test_a_single_page_has_no_pager(client, content_db):
    html = client.get("/zoeken/", {"q": "25892"}).content.decode()
    assert 'class="result-title"' in html and 'class="pager"' not in html


def test_snippets_are_made_for_the_shown_hits_only(client, content_db, monkeypatch):
    made: list[str] = []
    real = services.snippet

    def counting(index, doc, matches):
        made.append(index.docs[doc].id)
        return real(index, doc, matches)

    monkeypatch.setattr(services, "snippet", counting)
    services.forget_snippets()
    assert len(api_urls(client)) > 2 * PAGE_SIZE  # more hits than the page shows
    _urls, html = shown(client, pagina=2)
    assert len(made) == PAGE_SIZE
    assert html.count('class="snippet"') == PAGE_SIZE and "<mark>" in html
    shown(client, pagina=2)  # the same page again: nothing made anew
    assert len(made) == PAGE_SIZE


def test_a_question_is_answered_once_whatever_the_address_of_its_page(client, content_db,
                                                                    monkeypatch):
    """The same question under addresses that are rendered apart (here: spaces around it, which
    the header's search box shows as typed) is searched once per release."""
    asked: list[str] = []
    real = services.search

    def counting(index, q, **kwargs):
        asked.append(q)
        return real(index, q, **kwargs)

    monkeypatch.setattr(services, "search", counting)
    services.forget_snippets()
    plain, _html = shown(client)
    spaced = re.findall(r'<a class="result-title" href="([^"]+)">',
                        client.get("/zoeken/", {"q": f"  {Q} "}).content.decode())
    assert asked == [Q]
    assert plain and spaced == plain
    shown(client, pagina=2)
    assert asked == [Q, Q]  # another page of the question is worked out on its own
