"""The human pages of the guide, through the Django test client on the real published content."""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape

import pytest
import segno
from django.conf import settings
from django.utils import timezone

from onderwijsgids.content.diagram import render_education_diagram
from onderwijsgids.content.models import Item, Relation
from onderwijsgids.content.services import current_kb
from onderwijsgids.content.views import forget_rendered_articles
from onderwijsgids.kb.urls import TYPE_LABELS, item_path

pytestmark = pytest.mark.usefixtures("content_db")

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
NOT_FOUND = "Pagina niet gevonden"


def dutch(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def html(text: str) -> str:
    """How a plain content string appears in the page (Django autoescapes quotes too)."""
    return escape(text, quote=True)


class Pages:
    """Renders each URL once per test module: many assertions look at the same pages."""

    def __init__(self, client):
        self.client = client
        self.cache: dict[str, str] = {}

    def get(self, url: str) -> str:
        if url not in self.cache:
            response = self.client.get(url)
            assert response.status_code == 200, f"{url}: {response.status_code}"
            self.cache[url] = response.content.decode()
        return self.cache[url]


@pytest.fixture
def pages(client):
    return Pages(client)


@pytest.fixture
def kb():
    return current_kb()


def section(page: str, heading_id: str) -> str:
    """The HTML of the <section> labelled by ``heading_id``."""
    start = page.index(f'aria-labelledby="{heading_id}"')
    return page[start:page.index("</section>", start)]


def contains_text(page: str, text: str) -> bool:
    return " ".join(text.split()) in " ".join(unescape(page).split())


# ---------------------------------------------------------------- every item

def test_every_item_renders_at_its_url_with_its_title_summary_and_body(pages):
    items = list(Item.objects.all())
    assert len(items) > 80
    for item in items:
        page = pages.get(item.url)
        assert f"<h1>{html(item.titel)}</h1>" in page, item.id
        assert contains_text(page, item.samenvatting), item.id
        assert item.inhoud_html in page, f"{item.id}: inhoud ontbreekt"


def test_every_item_lists_every_source_with_its_address_or_guide_section_and_peildatum(
        pages, kb):
    for item in kb.items.values():
        bronnen = section(pages.get(item_path(item.type, item.id)), "bronnen-kop")
        for bron in item.bronnen.values():
            if bron.url:
                assert f'href="{html(bron.url)}"' in bronnen, f"{item.id}: {bron.url}"
            else:
                assert contains_text(bronnen, f"Dé onderwijsgids 2025, {bron.gids}"), item.id
            assert contains_text(bronnen, f"gecontroleerd op {dutch(bron.peildatum)}"), item.id


def test_the_qr_code_is_an_inline_svg_of_the_items_absolute_permanent_url(pages, kb):
    for item_id in ["actiepunt-3", "subsidie-praktijkleren", "25892", "vmbo-kb", "contact"]:
        item = kb.items[item_id]
        path = item_path(item.type, item.id)
        url = settings.ONDERWIJSGIDS_BASE_URL.rstrip("/") + path
        page = pages.get(path)
        svg = re.search(r'<svg[^>]*class="qr-code".*?</svg>', page, re.S)
        assert svg, item_id
        assert "data:" not in svg.group(0)
        scale = int(re.search(r'transform="scale\((\d+)\)"', svg.group(0)).group(1))
        side = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg.group(0)).group(1))
        qr = segno.make(url, error="m")
        border = (side // scale - qr.symbol_size(border=0)[0]) // 2
        expected = qr.svg_inline(scale=scale, border=border)
        expected_path = re.search(r' d="([^"]+)"', expected).group(1)
        assert f' d="{expected_path}"' in svg.group(0), f"{item_id}: QR-code codeert {url} niet"
        assert f">{url}</a></figcaption>" in page


def test_unknown_ids_answer_the_dutch_404_page(client):
    for url in ["/actiepunten/10/", "/actiepunten/0/", "/regelingen/bestaat-niet/",
                "/kwalificaties/99999/", "/onderwijsniveaus/kleuterschool/",
                "/organisaties/niemand/", "/initiatieven/niets/", "/gids/geen-pagina/",
                "/regelingen/oom/",  # an organisatie ID under the wrong type
                "/kwalificaties/actiepunt-3/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert NOT_FOUND in response.content.decode(), url


def test_a_padded_action_point_number_redirects_to_the_permanent_url(client):
    response = client.get("/actiepunten/03/")
    assert response.status_code == 301 and response["Location"] == "/actiepunten/3/"


def test_an_item_page_needs_few_queries_rendered_afresh_or_not(client,
                                                                django_assert_max_num_queries):
    client.get("/actiepunten/3/")  # fill the typed knowledge-base cache
    forget_rendered_articles()
    with django_assert_max_num_queries(3):
        assert client.get("/regelingen/subsidie-praktijkleren/").status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get("/regelingen/subsidie-praktijkleren/").status_code == 200


# ---------------------------------------------------------------- "Zie ook"

def test_every_relation_is_linked_from_both_ends(pages):
    """Outgoing relations on the source's page, incoming ones on the target's page."""
    relations = Relation.objects.select_related("source", "target")
    assert relations.exists()
    for rel in relations:
        assert f'href="{rel.target.url}"' in pages.get(rel.source.url), \
            f"{rel.source_id} → {rel.target_id} ({rel.kind}) ontbreekt op de bronpagina"
        assert f'href="{rel.source.url}"' in pages.get(rel.target.url), \
            f"{rel.source_id} → {rel.target_id} ({rel.kind}) ontbreekt op de doelpagina"


def test_zie_ook_shows_incoming_relations_grouped_by_type(pages):
    """A relation only the other item declares still shows under "Zie ook", under its type."""
    declared = set(Relation.objects.values_list("source_id", "target_id"))
    purely_incoming = [rel for rel in Relation.objects.select_related("source", "target")
                       if (rel.target_id, rel.source_id) not in declared
                       and rel.target.type != "actiepunt"]  # those list their links above
    assert len(purely_incoming) > 10
    for rel in purely_incoming:
        zie_ook = section(pages.get(rel.target.url), "zie-ook-kop")
        group = zie_ook[:zie_ook.index(f'href="{rel.source.url}"')]
        heading = TYPE_LABELS[rel.source.type][1].capitalize()
        assert f"<h3>{html(heading)}</h3>" in group, f"{rel.source_id} → {rel.target_id}"


# ---------------------------------------------------------------- per type

def test_an_action_point_shows_its_age_group_every_action_and_its_links(pages, kb):
    for point in (i for i in kb.items.values() if i.type == "actiepunt"):
        page = pages.get(f"/actiepunten/{point.nummer}/")
        acties = section(page, "acties-kop")
        assert acties.count('<li class="actie">') == len(point.acties), point.id
        for actie in point.acties:
            assert contains_text(acties, actie.tekst), f"{point.id}: {actie.tekst[:40]}"
        if point.leeftijd:
            assert contains_text(page, point.leeftijd)
        if point.ondersteuning:
            assert contains_text(page, point.ondersteuning)
        for linked in [*point.regelingen, *point.organisaties, *point.initiatieven,
                       *point.kwalificaties]:
            target = kb.items[linked]
            assert f'href="{item_path(target.type, target.id)}"' in page, f"{point.id}: {linked}"


def _table_rows(page: str) -> list[tuple[bool, str, str]]:
    """(marked old, label, school year cell) per row of the 'Bedragen en termijnen' table."""
    rows = re.findall(r'<tr( class="oud")?><th scope="row">(.*?)</th>'
                      r'<td[^>]*>.*?</td>\s*<td[^>]*>(.*?)</td>',
                      section(page, "bedragen-kop"), re.S)
    return [(bool(old), unescape(label), cell) for old, label, cell in rows]


def test_a_regeling_shows_its_parameters_with_school_year_and_marks_old_years(pages, kb):
    today = timezone.localdate()
    current_start = today.year if today.month >= 8 else today.year - 1
    regelingen = [i for i in kb.items.values() if i.type == "regeling" and i.parameters]
    assert regelingen
    seen_old = False
    for regeling in regelingen:
        page = pages.get(item_path("regeling", regeling.id))
        rows = _table_rows(page)
        assert [label for _old, label, _cell in rows] == [p.label for p in regeling.parameters]
        for param, (old, _label, cell) in zip(regeling.parameters, rows):
            if param.schooljaar:
                assert param.schooljaar in cell
                expected_old = int(param.schooljaar[:4]) < current_start
                assert old == expected_old, f"{regeling.id}: {param.naam}"
                assert ("oud schooljaar" in cell) == expected_old
                seen_old |= expected_old
        for param in regeling.parameters:
            bron = regeling.bronnen[param.bron]
            assert (f'href="{html(bron.url)}"' if bron.url else bron.gids) in \
                section(page, "bedragen-kop")
    assert seen_old, "geen enkel bedrag uit een oud schooljaar: de markering is niet getest"


def test_a_regeling_without_an_amount_says_so_and_links_the_source(pages, kb):
    def has_amount(regeling) -> bool:
        return any((p.eenheid or "").startswith("euro") or "€" in str(p.waarde)
                   for p in regeling.parameters)

    regelingen = [i for i in kb.items.values() if i.type == "regeling"]
    without = [r for r in regelingen if not has_amount(r)]
    assert without, "elke regeling heeft een bedrag: de melding is niet getest"
    for regeling in regelingen:
        block = section(pages.get(item_path("regeling", regeling.id)), "bedragen-kop")
        assert ("De bron noemt geen bedrag" in block) == (regeling in without), regeling.id
        if regeling in without:
            urls = [b.url for b in regeling.bronnen.values() if b.url]
            assert any(f'href="{html(u)}"' in block for u in urls), regeling.id


def test_a_regeling_shows_provider_target_group_conditions_and_periods(pages, kb):
    regeling = kb.items["subsidie-praktijkleren"]
    page = pages.get("/regelingen/subsidie-praktijkleren/")
    assert f'href="/organisaties/{regeling.aanbieder}/"' in page
    assert contains_text(page, regeling.doelgroep)
    assert "Achteraf aanvragen" in page
    for voorwaarde in regeling.voorwaarden:
        assert contains_text(section(page, "voorwaarden-kop"), voorwaarde.tekst)
    for periode in regeling.perioden:
        assert contains_text(section(page, "perioden-kop"), periode.omschrijving)


def test_a_qualification_links_kiesmbo_and_stagemarkt_and_its_neighbours(pages, kb):
    profiles = [i for i in kb.items.values() if i.type == "kwalificatie" and i.soort == "profiel"]
    for profile in profiles:
        page = pages.get(f"/kwalificaties/{profile.crebo}/")
        assert 'href="https://www.kiesmbo.nl"' in page
        assert 'href="https://stagemarkt.nl"' in page
        assert f"<dd>{profile.crebo}</dd>" in page
        assert f'href="/kwalificaties/{profile.dossier}/"' in page
        for other in profiles:
            neighbour = other.dossier == profile.dossier and abs(other.niveau - profile.niveau) == 1
            in_block = "niveaus-kop" in page and \
                f'/kwalificaties/{other.crebo}/' in section(page, "niveaus-kop")
            assert in_block == neighbour, f"{profile.crebo} ↔ {other.crebo}"


def test_a_dossier_lists_all_its_profiles(pages, kb):
    dossiers = [i for i in kb.items.values() if i.type == "kwalificatie" and i.soort == "dossier"]
    for dossier in dossiers:
        block = section(pages.get(f"/kwalificaties/{dossier.crebo}/"), "profielen-kop")
        members = [i for i in kb.items.values() if getattr(i, "dossier", None) == dossier.crebo]
        assert members
        for profile in members:
            assert f'href="/kwalificaties/{profile.crebo}/"' in block


def test_an_education_level_shows_its_outgoing_and_incoming_flows(pages, kb):
    level = kb.items["mbo-4"]
    page = pages.get("/onderwijsniveaus/mbo-4/")
    outgoing = section(page, "uit-kop")
    for flow in level.stromen:
        assert f'href="/onderwijsniveaus/{flow.naar}/"' in outgoing
    incoming = section(page, "in-kop")
    sources = [i for i in kb.items.values() if i.type == "onderwijsniveau"
               and any(s.naar == "mbo-4" for s in i.stromen)]
    assert sources
    for other in sources:
        assert f'href="/onderwijsniveaus/{other.id}/"' in incoming


def test_an_organisation_shows_place_province_and_contact_links(pages, kb):
    page = pages.get("/organisaties/bvm-terborg/")
    assert "<dt>Vestiging</dt><dd>Terborg (Gelderland)</dd>" in page
    assert "<dd>bevestigd als BVM (bron van 17 mei 2024)</dd>" in page
    tetrix = pages.get("/organisaties/bvm-tetrix/")
    assert ("<dt>Vestigingen</dt><dd>Zaandam (Noord-Holland); Amsterdam (Noord-Holland); "
            "Den Helder (Noord-Holland); Heerhugowaard (Noord-Holland)</dd>") in tetrix
    assert "metaalbedrijfsschool, BVM-status niet bevestigd (bron zonder datum)" in tetrix
    contact = pages.get("/contact/")
    assert 'href="tel:0306053344"' in contact
    assert 'href="mailto:info@metaalunie.nl"' in contact
    assert "<h1>Koninklijke Metaalunie</h1>" in contact


def test_an_initiative_shows_target_group_age_and_website(pages, kb):
    girlsday = kb.items["girlsday"]
    page = pages.get("/initiatieven/girlsday/")
    assert contains_text(page, girlsday.doelgroep) and contains_text(page, girlsday.leeftijd)
    for link in girlsday.links:
        assert f'href="{link.url}"' in page


# ---------------------------------------------------------------- lists, home, special pages

@pytest.mark.parametrize(("url", "item_type"), [
    ("/actiepunten/", "actiepunt"), ("/regelingen/", "regeling"),
    ("/kwalificaties/", "kwalificatie"), ("/onderwijsniveaus/", "onderwijsniveau"),
    ("/organisaties/", "organisatie"), ("/initiatieven/", "initiatief"), ("/gids/", "pagina"),
])
def test_each_list_page_links_every_item_of_its_type(pages, url, item_type):
    page = pages.get(url)
    for item in Item.objects.filter(type=item_type):
        assert f'href="{item.url}"' in page, f"{url}: {item.id}"


def _crebos_in_table(page: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/kwalificaties/(\d{5})/">', page)


def test_the_qualification_list_filters_by_dossier_and_level(client, kb):
    profiles = [i for i in kb.items.values() if i.type == "kwalificatie" and i.soort == "profiel"]
    for query, keep in [
        ("dossier=23360", lambda k: k.dossier == "23360"),
        ("niveau=3", lambda k: k.niveau == 3),
        ("dossier=23361&niveau=4", lambda k: k.dossier == "23361" and k.niveau == 4),
        ("", lambda k: True),
    ]:
        response = client.get(f"/kwalificaties/?{query}")
        assert response.status_code == 200
        shown = _crebos_in_table(response.content.decode())
        assert sorted(shown) == sorted(k.crebo for k in profiles if keep(k)), query
        assert shown


def test_a_bad_filter_is_named_in_dutch_and_shows_everything(client):
    response = client.get("/kwalificaties/?niveau=zeven&dossier=12345")
    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#filter-niveau"' in page and 'href="#filter-dossier"' in page
    assert "'Niveau'" in unescape(page) and "'Dossier'" in unescape(page)
    assert 'aria-describedby="filter-niveau-fout"' in page
    assert len(_crebos_in_table(page)) > 5


def test_the_crebo_table_is_a_real_table_linking_each_crebo_and_kiesmbo(pages, kb):
    page = pages.get("/gids/mbo-opleidingen-overzicht/")
    table = page[page.index("<table"):page.index("</table>")]
    assert "<caption" in table and '<th scope="col">' in table
    profiles = [i for i in kb.items.values() if i.type == "kwalificatie" and i.soort == "profiel"]
    assert sorted(_crebos_in_table(table)) == sorted(k.crebo for k in profiles)
    assert table.count('href="https://www.kiesmbo.nl"') == len(profiles)


def test_the_education_diagram_has_one_link_per_level_and_one_arrow_per_flow(pages, kb):
    placed = {i.id: i for i in kb.items.values() if i.type == "onderwijsniveau" and i.diagram}
    flows = [(i.id, s.naar) for i in placed.values() for s in i.stromen
             if s.naar in placed and s.in_schema]
    for url in ["/onderwijsniveaus/", "/gids/onderwijsniveaus/"]:
        page = pages.get(url)
        svg = page[page.index('<svg xmlns="http://www.w3.org/2000/svg" class="onderwijs-diagram"'):]
        svg = svg[:svg.index("</svg>")]
        assert "<title" in svg and "<desc" in svg
        links = re.findall(r'<a href="/onderwijsniveaus/([a-z0-9-]+)/"', svg)
        assert sorted(links) == sorted(placed)
        arrows = re.findall(r'<path class="dg-edge[^"]*" data-van="([^"]+)" data-naar="([^"]+)"',
                            svg)
        assert sorted(arrows) == sorted(flows)
        assert svg.count('marker-end="url(#') == len(flows)
        listing = page[page.index('class="education-list edu-steps"'):]
        for level_id in placed:
            assert f'href="/onderwijsniveaus/{level_id}/"' in listing


def test_the_diagram_emphasises_a_route(kb):
    route = ["vmbo-kb", "mbo-4", "hbo-bachelor"]
    svg = render_education_diagram(kb, highlight=route)
    assert sorted(re.findall(r'class="dg-node dg-hl"[^>]*data-niveau="([^"]+)"', svg)) == \
        sorted(route)
    emphasised = re.findall(r'class="dg-edge[^"]*dg-edge-hl" data-van="([^"]+)" '
                            r'data-naar="([^"]+)"', svg)
    assert sorted(emphasised) == [("mbo-4", "hbo-bachelor"), ("vmbo-kb", "mbo-4")]
    assert "dg-hl" not in render_education_diagram(kb)


def test_the_home_page_links_all_nine_action_points_and_the_plan(pages, kb):
    page = pages.get("/")
    for n in range(1, 10):
        assert f'href="/actiepunten/{n}/"' in page, n
    assert 'href="/advies/"' in page and "Maak je plan" in page
    for url in ["/onderwijsniveaus/", "/regelingen/", "/kwalificaties/",
                "/gids/bedrijfsvakscholen/"]:
        assert f'href="{url}"' in page
    for group in ["Jeugd tot 12 jaar", "Jeugd 12-16 jaar", "Eigen medewerkers", "Werving"]:
        assert f">{group}</h3>" in page


def test_the_bvm_page_lists_the_schools_says_it_is_incomplete_and_links_the_finder(pages, kb):
    page = pages.get("/gids/bedrijfsvakscholen/")
    block = section(page, "bvm-kop")
    bvms = [i for i in kb.items.values()
            if i.type == "organisatie" and i.soort == "bedrijfsvakschool"]
    assert bvms
    for bvm in bvms:
        assert f'href="/organisaties/{bvm.id}/"' in block
        assert all(w.plaats in block for w in bvm.locaties) and bvm.locaties
    confirmed = sum(b.bvm_status.status == "bevestigd" for b in bvms)
    assert f"{len(bvms)} van de ongeveer 38 bekend; bij {confirmed} daarvan" in block
    assert block.count("bevestigd als BVM") == confirmed
    assert block.count("BVM-status niet bevestigd") == len(bvms) - confirmed
    assert 'href="/bedrijfsvakscholen/"' in block


def test_every_page_has_skip_link_nav_search_and_footer(pages):
    for url in ["/", "/actiepunten/3/", "/kwalificaties/"]:
        page = pages.get(url)
        assert page.index('class="skip-link" href="#inhoud"') < page.index("<header")
        assert '<form class="site-search" role="search" method="get" action="/zoeken/">' in page
        assert '<label for="site-search-q">Zoek in de gids</label>' in page
        assert 'name="q"' in page
        for label in ["Actiepunten", "Regelingen", "Opleidingen", "Onderwijs",
                      "Bedrijfsvakscholen", "Maak je plan"]:
            assert f">{label}</a>" in page
        assert 'href="/contact/"' in page[page.index("<footer"):]
        assert '<main id="inhoud" tabindex="-1">' in page
        assert 'href="/static/web/print.css" media="print"' in page
        assert '<html lang="nl">' in page


def test_dates_stay_dutch_when_the_browser_asks_for_english(client, kb):
    page = client.get("/actiepunten/3/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    peildatum = kb.items["actiepunt-3"].bronnen["gids"].peildatum
    assert dutch(peildatum) in page


def test_an_education_level_page_shows_the_schema_with_that_level_emphasised(pages):
    page = pages.get("/onderwijsniveaus/vmbo-kb/")
    block = section(page, "plaats-kop")
    assert re.findall(r'class="dg-node dg-hl"[^>]*data-niveau="([^"]+)"', block) == ["vmbo-kb"]


def test_the_organisation_list_groups_by_kind(pages, kb):
    page = pages.get("/organisaties/")
    group = page[page.index("<h2>Bedrijfsvakschool metaaltechniek</h2>"):]
    group = group[:group.index("</ul>")]
    bvms = [i.id for i in kb.items.values()
            if i.type == "organisatie" and i.soort == "bedrijfsvakschool"]
    assert sorted(re.findall(r'href="/organisaties/([a-z0-9-]+)/"', group)) == sorted(bvms)
