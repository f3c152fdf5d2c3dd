"""Bedrijfsvakscholen in the content: each with a source, a status and locations that lie in
their place and province; an editor adds a school with a YAML file only."""

from __future__ import annotations

import pytest

from onderwijsgids.kb import load_knowledge_base
from onderwijsgids.kb import default_content_dir
from onderwijsgids.kb.schema import Organisatie
from onderwijsgids.vocabulary import PROVINCES
from onderwijsgids.search.engine import finder

SCHOOL = "organisaties/bvm-voorbeeld.yaml"
VALID = """\
id: bvm-voorbeeld
type: organisatie
naam: Voorbeeld Metaalopleidingen
soort: bedrijfsvakschool
plaats: Oss
provincie: noord-brabant
titel: Voorbeeld Metaalopleidingen (Oss, Uden)
samenvatting: Een bedrijfsvakschool die een redacteur toevoegt zonder code.
bron: site
bronnen:
  site:
    url: https://example.org/bvm
    peildatum: 2026-01-05
bvm_status:
  status: niet-bevestigd
  datum: januari 2026
  bron: site
locaties:
  - plaats: Oss
    provincie: noord-brabant
    lat: 51.765
    lon: 5.51806
    bron: site
  - plaats: Uden
    provincie: noord-brabant
    lat: 51.66083
    lon: 5.61944
    bron: site
"""


@pytest.fixture(scope="module")
def schools():
    kb = load_knowledge_base(default_content_dir())
    return [o for o in kb.of_type("organisatie")
            if isinstance(o, Organisatie) and o.soort == "bedrijfsvakschool"]


def test_every_school_of_the_sources_is_in_the_content(schools):
    assert len(schools) == 12
    assert sum(s.bvm_status.status == "bevestigd" for s in schools) == 4
    assert all(s.id.startswith("bvm-") for s in schools)


def test_each_school_has_a_web_source_and_a_status(schools):
    for school in schools:
        status = school.bvm_status
        assert status is not None and status.status in ("bevestigd", "niet-bevestigd")
        assert school.bronnen[status.bron].url, school.id
        assert school.bronnen[school.bron].url, school.id


def test_each_location_lies_in_the_netherlands_in_its_province(schools):
    for school in schools:
        assert school.locaties, school.id
        assert school.plaats == school.locaties[0].plaats
        for where in school.locaties:
            assert where.provincie in PROVINCES
            assert school.bronnen[where.bron].url
            closest = finder.nearest_place(where.lat, where.lon)
            assert closest.provincie == where.provincie, (school.id, where.plaats)


def test_an_editor_adds_a_school_without_code(kb_dir):
    kb_dir.write(SCHOOL, VALID)
    assert kb_dir.problems() == []
    kb = load_knowledge_base(kb_dir.path, require_contract_ids=False)
    found = finder.nearest(kb, finder.resolve_origin("5401"))
    assert [f.place.naam for f in found] == ["Uden", "Oss"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("bvm_status:\n  status: niet-bevestigd\n  datum: januari 2026\n  bron: site\n", "",
     f"{SCHOOL}:1: een bedrijfsvakschool heeft een 'bvm_status'"),
    ("status: niet-bevestigd", "status: misschien", f"{SCHOOL}:15: veld 'bvm_status.status': heeft een onbekende waarde"),
    ("    lat: 51.66083", "    lat: 53.2",
     f"{SCHOOL}:26: veld 'locaties[1].lat': de coördinaten liggen 171 km van Uden"),
    ("    lat: 51.66083\n    lon: 5.61944", "    lat: 51.66083\n    lon: 9.5",
     f"{SCHOOL}:27: veld 'locaties[1].lon': is te groot"),
    ("    provincie: noord-brabant\n    lat: 51.66", "    provincie: brabant\n    lat: 51.66",
     f"{SCHOOL}:25: veld 'locaties[1].provincie': heeft een onbekende waarde"),
    ("  - plaats: Uden\n    provincie: noord-brabant\n    lat: 51.66083",
     "  - plaats: Nergenshuizen\n    provincie: noord-brabant\n    lat: 53.2",
     f"{SCHOOL}:25: veld 'locaties[1].provincie': de coördinaten liggen bij"),
    ("plaats: Oss\nprovincie", "plaats: Veghel\nprovincie",
     f"{SCHOOL}:5: veld 'plaats': staat niet bij de 'locaties'"),
    ("    bron: site\n  - plaats: Uden", "    bron: elders\n  - plaats: Uden",
     f"{SCHOOL}:23: veld 'locaties[0].bron': bron 'elders' staat niet in 'bronnen'"),
])
def test_a_broken_school_is_reported_with_file_line_and_field(kb_dir, old, new, expected):
    kb_dir.write(SCHOOL, VALID)
    kb_dir.replace(SCHOOL, old, new)
    kb_dir.assert_loader_reports(expected)


GLOSSARY = """\
bronnen:
  gids:
    gids: actiepunt 6
    peildatum: 2026-01-05
begrippen:
  - term: PTT
    bron: gids
    zie: {zie}
vakwoorden:
  - woorden: [lassen, frezen]
    items: [{item}]
    bron: gids
"""


def test_glossary_links_and_trade_words_must_point_to_items(kb_dir):
    kb_dir.write("woordenlijst.yaml", GLOSSARY.format(zie="oom-ptt", item="oom-ptt"))
    assert kb_dir.problems() == []
    kb_dir.write("woordenlijst.yaml", GLOSSARY.format(zie="oom-pt", item="oom-pttt"))
    problems = kb_dir.problems()
    assert "woordenlijst.yaml: veld 'begrippen[0].zie': verwijst naar onbekend item 'oom-pt'" \
        in problems
    assert "woordenlijst.yaml: veld 'vakwoorden[0].items': verwijst naar onbekend item " \
           "'oom-pttt'" in problems
