"""Education routes over the content's flows: graph properties, ordering, interfaces, bad input."""

from __future__ import annotations

import json
from collections import deque

import pytest

from onderwijsgids.cli import main
from onderwijsgids.search.engine.routes import (
    MAX_ROUTES, EducationGraph, UnknownLevel, qualifications_one_level, routes_document,
)


@pytest.fixture(scope="module")
def graph(kb):
    return EducationGraph(kb)


def reachable(graph, start):
    seen, queue = {start}, deque([start])
    while queue:
        for step in graph.edges[queue.popleft()]:
            if step.naar not in seen:
                seen.add(step.naar)
                queue.append(step.naar)
    return seen


def test_every_level_has_a_node_and_flows_are_edges(graph, kb):
    assert set(graph.levels) == {i.id for i in kb.of_type("onderwijsniveau")}
    for level in graph.levels.values():
        assert {s.naar for s in graph.edges[level.id]} == \
            {f.naar for f in level.stromen if f.naar in graph.levels}


@pytest.mark.parametrize("van, naar", [("vmbo-kb", "hbo-bachelor"), ("havo", "wo-master"),
                                       ("vmbo-bb", "mbo-4"), ("basisonderwijs", "mbo-2")])
def test_routes_exist_where_the_graph_connects(graph, van, naar):
    assert naar in reachable(graph, van)
    assert graph.routes(van, naar)


def test_every_route_is_valid_simple_and_shortest_first(graph):
    for van in graph.levels:
        targets = reachable(graph, van) - {van}
        for naar in sorted(targets)[:6]:
            routes = graph.routes(van, naar)
            assert 1 <= len(routes) <= MAX_ROUTES
            lengths = [len(r.levels) for r in routes]
            assert lengths == sorted(lengths)
            for route in routes:
                assert route.levels[0] == van and route.levels[-1] == naar
                assert len(set(route.levels)) == len(route.levels), "cycle"
                for a, b in zip(route.levels, route.levels[1:]):
                    assert b in {s.naar for s in graph.edges[a]}
                assert all(step.bron for step in route.steps)


def test_unreachable_or_same_level_gives_an_empty_list(graph):
    unreachable = [(a, b) for a in graph.levels for b in graph.levels
                   if a != b and b not in reachable(graph, a)]
    assert unreachable, "expected at least one pair without a route (e.g. back to basisonderwijs)"
    van, naar = unreachable[0]
    assert routes_document(graph, van, naar) == {"routes": []}
    assert routes_document(graph, "havo", "havo") == {"routes": []}


def test_document_shape_matches_the_contract(graph):
    document = routes_document(graph, "vmbo-kb", "hbo-bachelor")
    first = document["routes"][0]
    assert first["stappen"][0] == "vmbo-kb" and first["stappen"][-1] == "hbo-bachelor"
    assert len(first["toelichting"]) == len(first["stappen"]) - 1
    assert all("Bron:" in line for line in first["toelichting"])


def test_unknown_level_suggests_the_nearest_ids(graph):
    with pytest.raises(UnknownLevel) as caught:
        graph.routes("vmbo-k", "hbo-bachelor")
    assert caught.value.field == "van" and "vmbo-kb" in caught.value.suggestions
    with pytest.raises(UnknownLevel) as caught:
        graph.routes("havo", "hbo")
    assert caught.value.field == "naar" and "hbo-bachelor" in caught.value.suggestions


def test_qualifications_one_level_up_and_down(kb):
    up = qualifications_one_level(kb, "25892", "up")
    down = qualifications_one_level(kb, "25892", "down")
    assert all(kb.items[c].niveau == 4 and kb.items[c].dossier == "23360" for c in up)
    assert all(kb.items[c].niveau == 2 for c in down)
    assert qualifications_one_level(kb, "23360", "up") == []


@pytest.mark.django_db
def test_api_cli_and_page_agree(client, capsys, content_db):
    api = client.get("/api/v1/route", {"van": "vmbo-kb", "naar": "hbo-bachelor"}).json()
    assert main(["route", "vmbo-kb", "hbo-bachelor", "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert api == cli
    html = client.get("/onderwijsroutes/", {"van": "vmbo-kb", "naar": "hbo-bachelor"}).content
    assert html.decode().count('class="route"') == len(api["routes"])
    assert b"dg-hl" in html  # the shortest route is drawn on the schema


@pytest.mark.django_db
def test_bad_input_on_every_entry_point(client, capsys, content_db):
    response = client.get("/api/v1/route", {"van": "vmbo-k", "naar": "hbo-bachelor"})
    assert response.status_code == 404 and "vmbo-kb" in response.json()["suggesties"]
    assert client.get("/api/v1/route", {"van": "havo"}).status_code == 422
    assert main(["route", "vmbo-k", "hbo-bachelor"]) == 2
    assert "van: onbekend onderwijsniveau" in capsys.readouterr().err
    page = client.get("/onderwijsroutes/", {"van": "vmbo-k", "naar": ""})
    assert page.status_code == 422
    text = page.content.decode()
    assert 'href="#route-van"' in text and "vmbo-kb" in text and 'href="#route-naar"' in text
