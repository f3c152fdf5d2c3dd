"""Bedrijfsvakscholen nearby: places, distances, ordering, map, interfaces and bad input."""

from __future__ import annotations

import re

import pytest

from onderwijsgids.search.engine import finder
from onderwijsgids.vocabulary import PROVINCES


def test_haversine_against_a_known_distance():
    # Amsterdam (Dam) – Utrecht (Dom): about 35 km as the crow flies.
    assert finder.haversine_km(52.3731, 4.8926, 52.0907, 5.1214) == pytest.approx(35.0, abs=1.0)
    assert finder.haversine_km(52.0, 5.0, 52.0, 5.0) == 0


def test_places_resolve_with_province_and_suggestions():
    zwolle = finder.resolve_place("zwolle")
    assert zwolle.provincie == "overijssel"
    assert finder.resolve_place("Terborg").provincie == "gelderland"
    with pytest.raises(finder.UnknownPlace) as caught:
        finder.resolve_place("Zwole")
    assert "Zwolle" in caught.value.suggestions


def test_every_bvm_of_the_content_is_placed_in_its_province(kb):
    for bvm in finder.bvms(kb):
        place = finder.bvm_place(bvm)
        assert place is not None, bvm.id
        assert place.provincie == bvm.provincie


def test_nearest_first_with_distances(kb):
    found = finder.nearest(kb, finder.resolve_place("Zwolle"))
    assert found[0].organisatie.plaats == "Zwolle" and found[0].km < 5
    distances = [f.km for f in found]
    assert distances == sorted(distances)
    for f in found:
        assert f.km == pytest.approx(finder.haversine_km(
            52.5125, 6.09444, f.place.lat, f.place.lon), abs=2)


def test_province_first(kb):
    found = finder.in_province_first(kb, "gelderland")
    provinces = [f.organisatie.provincie for f in found]
    assert provinces == sorted(provinces, key=lambda p: p != "gelderland")


def test_the_content_says_how_many_bvms_exist(kb):
    assert finder.known_total(kb) == 38
    assert len(finder.bvms(kb)) <= 38


def test_map_has_twelve_provinces_and_a_marker_per_bvm(kb):
    found = finder.nearest(kb, finder.resolve_place("Zwolle"))
    svg = finder.map_svg(found, finder.resolve_place("Zwolle"), title="Kaart <NL>", desc="Uitleg")
    assert '<title id="bvm-kaart-titel">Kaart &lt;NL&gt;</title>' in svg
    assert svg.count('class="prov') == 12
    assert svg.count('class="bvm-marker"') == len(found)
    x, y = finder.project(52.5125, 6.09444)
    _x0, _y0, width, height = (float(v) for v in finder.map_data()["viewBox"].split())
    assert 0 < x < width and 0 < y < height


@pytest.mark.django_db
def test_api_and_page_agree(client, content_db):
    api = client.get("/api/v1/bedrijfsvakscholen", {"plaats": "Zwolle"}).json()
    entries = api["bedrijfsvakscholen"]
    assert api["landelijk"] == 38 and api["locaties"] == len(entries)
    assert api["in_kennisbank"] == len({e["id"] for e in entries}) == 12
    html = client.get("/bedrijfsvakscholen/", {"plaats": "Zwolle"}).content.decode()
    listed = re.findall(r'<li><a href="/organisaties/([a-z0-9-]+)/">[^<]+</a> — ([^:<]+):', html)
    assert listed == [(e["id"], e["plaats"]) for e in entries]
    assert "kent 12 van de ongeveer 38" in html and " km</span>" in html


@pytest.mark.django_db
def test_bad_input(client, content_db):
    response = client.get("/api/v1/bedrijfsvakscholen", {"plaats": "Zwole"})
    body = response.json()
    assert response.status_code == 422 and "Zwolle" in body["suggesties"]
    assert body["fouten"][0]["veld"] == "plaats"
    assert "Deze plaats kennen we niet" in body["fouten"][0]["melding"]
    response = client.get("/api/v1/bedrijfsvakscholen", {"provincie": "brabant"})
    assert response.status_code == 422 and response.json()["fouten"][0]["veld"] == "provincie"
    assert client.get("/api/v1/bedrijfsvakscholen", {"plaats": "x" * 101}).status_code == 422
    page = client.get("/bedrijfsvakscholen/", {"plaats": "Zwole"})
    assert page.status_code == 422
    text = page.content.decode()
    assert 'href="#bvm-plaats"' in text and "?plaats=Zwolle" in text


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0123", "12345", "1234 ABC"])
def test_a_malformed_postcode_is_named_as_such(client, content_db, value):
    response = client.get("/api/v1/bedrijfsvakscholen", {"plaats": value})
    assert response.status_code == 422
    assert "Deze postcode kennen we niet" in response.json()["fouten"][0]["melding"]
    page = client.get("/bedrijfsvakscholen/", {"plaats": value})
    assert page.status_code == 422 and "Deze postcode kennen we niet" in page.content.decode()


# An owner in each of these places finds the nearest metal bedrijfsschool (issue 14).
OWNERS = [
    ("Oss", "5342 AB", "bvm-smo", "Oss"),
    ("Emmen", "7811", "bvm-techniek-drenthe", "Emmen"),
    ("Vlissingen", "4381ab", "bvm-vakwerk", "Vlissingen"),
    ("Zaandam", "1506 xy", "bvm-tetrix", "Zaandam"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("place", "postcode", "school", "location"), OWNERS)
def test_an_owner_finds_the_nearest_school_by_place_and_by_postcode(
        client, content_db, place, postcode, school, location):
    for value in (place, postcode):
        entries = client.get("/api/v1/bedrijfsvakscholen",
                             {"plaats": value}).json()["bedrijfsvakscholen"]
        distances = [e["afstand_km"] for e in entries]
        assert distances == sorted(distances)
        assert (entries[0]["plaats"], entries[0]["afstand_km"]) == (location, 0.0)
        nearest_ids = {e["id"] for e in entries if e["afstand_km"] == distances[0]}
        assert school in nearest_ids, value
        page = client.get("/bedrijfsvakscholen/", {"plaats": value}).content.decode()
        first = re.search(r'<li><a href="/organisaties/([a-z0-9-]+)/">', page).group(1)
        assert first in nearest_ids


def test_postcodes_with_and_without_letters():
    assert finder.resolve_origin("5342").naam == "5342 Oss"
    assert finder.resolve_origin(" 5342 ab ") == finder.resolve_origin("5342AB")
    assert finder.resolve_origin("5341 Oss").provincie == "noord-brabant"
    with pytest.raises(finder.UnknownPlace) as caught:
        finder.resolve_postcode("1000")
    assert all(s[:4].isdigit() for s in caught.value.suggestions)


def test_places_known_only_from_the_postcode_list_resolve():
    assert finder.resolve_place("Almere").provincie == "flevoland"
    assert finder.resolve_place("Etten-Leur").provincie == "noord-brabant"


def test_everyday_names_of_places_resolve():
    den_haag = finder.resolve_place("Den Haag")
    assert (den_haag.naam, den_haag.provincie) == ("Den Haag", "zuid-holland")
    assert finder.resolve_place("den bosch").provincie == "noord-brabant"


def test_the_postcode_data_covers_the_country():
    codes = finder.postcodes()
    assert len(codes) == 4072
    assert {p.provincie for p in codes.values()} == set(PROVINCES)
    for code, place in codes.items():
        assert 50.7 <= place.lat <= 53.6 and 3.3 <= place.lon <= 7.3, code


def test_each_location_is_its_own_entry(kb):
    found = finder.nearest(kb, finder.resolve_place("Zaandam"))
    tetrix = [f.place.naam for f in found if f.organisatie.id == "bvm-tetrix"]
    assert sorted(tetrix) == ["Amsterdam", "Den Helder", "Heerhugowaard", "Zaandam"]
