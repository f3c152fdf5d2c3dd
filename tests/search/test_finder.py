"""Bedrijfsvakscholen nearby: places, distances, ordering, map, interfaces and bad input."""

from __future__ import annotations

import pytest

from onderwijsgids.search.engine import finder


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
    assert api["landelijk"] == 38 and api["in_kennisbank"] == len(api["bedrijfsvakscholen"])
    ids = [b["id"] for b in api["bedrijfsvakscholen"]]
    html = client.get("/bedrijfsvakscholen/", {"plaats": "Zwolle"}).content.decode()
    positions = [html.index(f'href="/organisaties/{i}/"') for i in ids]
    assert positions == sorted(positions)
    assert f"kent {len(ids)} van de 38" in html and " km</span>" in html


@pytest.mark.django_db
def test_bad_input(client, content_db):
    response = client.get("/api/v1/bedrijfsvakscholen", {"plaats": "Zwole"})
    assert response.status_code == 404 and "Zwolle" in response.json()["suggesties"]
    response = client.get("/api/v1/bedrijfsvakscholen", {"provincie": "brabant"})
    assert response.status_code == 422 and response.json()["fouten"][0]["veld"] == "provincie"
    assert client.get("/api/v1/bedrijfsvakscholen", {"plaats": "x" * 101}).status_code == 422
    page = client.get("/bedrijfsvakscholen/", {"plaats": "Zwole"})
    assert page.status_code == 422
    text = page.content.decode()
    assert 'href="#bvm-plaats"' in text and "?plaats=Zwolle" in text
