"""The items API (contract §5) on the real published content, through the Django test client."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from onderwijsgids.content.models import Item, Relation
from onderwijsgids.kb import load_knowledge_base
from onderwijsgids.kb.check import CONTRACT_IDS, relations_of
from onderwijsgids.kb.urls import item_path

pytestmark = pytest.mark.usefixtures("content_db")

CONTRACT_ITEMS = [(item_type, item_id) for item_type, ids in CONTRACT_IDS.items() for item_id in ids]
ITEM_TYPES = sorted(CONTRACT_IDS)


@pytest.fixture(scope="module")
def kb_on_disk():
    return load_knowledge_base(settings.ONDERWIJSGIDS_CONTENT_DIR)


@pytest.mark.parametrize(("item_type", "item_id"), CONTRACT_ITEMS)
def test_every_contract_id_resolves_through_the_api(client, item_type, item_id):
    response = client.get(f"/api/v1/items/{item_id}")
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body["id"] == item_id
    assert body["type"] == item_type
    assert body["url"] == f"http://testserver{item_path(item_type, item_id)}"
    assert body["titel"] and body["samenvatting"]


@pytest.mark.parametrize(("item_type", "item_id"), CONTRACT_ITEMS)
def test_every_contract_id_has_its_page(client, item_type, item_id):
    url = client.get(f"/api/v1/items/{item_id}").json()["url"].removeprefix("http://testserver")
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"


def test_an_item_carries_the_whole_structured_item_from_content(client, kb_on_disk):
    for item_id, item in kb_on_disk.items.items():
        body = client.get(f"/api/v1/items/{item_id}").json()
        assert body["data"] == item.model_dump(mode="json"), item_id
        assert body["titel"] == item.titel
        assert body["samenvatting"] == item.samenvatting
        if item.inhoud.strip():
            assert body["inhoud_html"].strip(), item_id


def test_every_relation_in_content_appears_in_the_api_both_ways(client, kb_on_disk):
    bodies = {i: client.get(f"/api/v1/items/{i}").json() for i in kb_on_disk.items}
    for item_id, item in kb_on_disk.items.items():
        expected = [(target, kind) for kind, _type, target in relations_of(item)]
        outgoing = [(r["id"], r["soort"]) for r in bodies[item_id]["relaties"]["uitgaand"]]
        assert sorted(outgoing) == sorted(expected), item_id
        for target, kind in expected:
            incoming = [(r["id"], r["soort"]) for r in bodies[target]["relaties"]["inkomend"]]
            assert (item_id, kind) in incoming, f"{item_id} → {target} ({kind})"


def test_relation_entries_describe_their_item(client, kb_on_disk):
    for item_id in kb_on_disk.items:
        relaties = client.get(f"/api/v1/items/{item_id}").json()["relaties"]
        for relation in relaties["uitgaand"] + relaties["inkomend"]:
            target = kb_on_disk.items[relation["id"]]
            assert relation["type"] == target.type
            assert relation["titel"] == target.titel
            assert relation["url"] == f"http://testserver{item_path(target.type, target.id)}"


def test_every_relation_target_exists():
    known = set(Item.objects.values_list("id", flat=True))
    pairs = Relation.objects.values_list("source_id", "target_id")
    assert pairs.exists()
    assert [(s, t) for s, t in pairs if s not in known or t not in known] == []


@pytest.mark.parametrize("item_type", ITEM_TYPES)
def test_listing_by_type_holds_exactly_the_items_of_that_type(client, item_type):
    response = client.get("/api/v1/items", {"type": item_type})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {i["id"] for i in items} == set(Item.objects.filter(type=item_type)
                                           .values_list("id", flat=True))
    assert set(CONTRACT_IDS[item_type]) <= {i["id"] for i in items}
    for entry in items:
        assert set(entry) == {"id", "type", "titel", "url"}
        assert entry["type"] == item_type
        assert entry["url"] == f"http://testserver{item_path(item_type, entry['id'])}"


def test_listing_without_type_holds_every_item(client):
    items = client.get("/api/v1/items").json()["items"]
    assert len(items) == Item.objects.count()
    assert len({i["id"] for i in items}) == len(items)


def test_action_points_are_listed_in_their_guide_order(client):
    items = client.get("/api/v1/items", {"type": "actiepunt"}).json()["items"]
    assert [i["id"] for i in items][:9] == list(CONTRACT_IDS["actiepunt"])


def test_an_unknown_id_answers_404_with_a_json_body_and_suggestions(client):
    response = client.get("/api/v1/items/actiepunt-33")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] == "Onbekend item: 'actiepunt-33'"
    assert "actiepunt-3" in body["suggesties"]


def test_an_unknown_id_far_from_anything_has_no_suggestions(client):
    body = client.get("/api/v1/items/xqzwv").json()
    assert body == {"detail": "Onbekend item: 'xqzwv'", "suggesties": []}


def test_an_unknown_type_answers_422_in_dutch_naming_the_field(client):
    response = client.get("/api/v1/items", {"type": "kunstwerk"})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Ongeldige invoer"
    assert [f["veld"] for f in body["fouten"]] == ["type"]
    melding = body["fouten"][0]["melding"]
    assert "onbekende waarde" in melding
    assert all(f"'{t}'" in melding for t in ITEM_TYPES)
    assert " or " not in melding


def test_the_openapi_document_lists_the_item_paths_and_their_answers(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    paths = document["paths"]
    detail = paths["/api/v1/items/{id}"]["get"]
    listing = paths["/api/v1/items"]["get"]
    # 400 (NUL in the address) and 413 (a body too large) can answer any operation.
    assert set(detail["responses"]) == {"200", "400", "404", "413"}
    assert set(listing["responses"]) == {"200", "400", "413", "422"}
    schemas = document["components"]["schemas"]
    assert set(schemas["OngeldigeInvoer"]["properties"]) == {"detail", "fouten"}
    assert set(schemas["NietGevonden"]["properties"]) == {"detail", "suggesties"}
    type_param = next(p for p in listing["parameters"] if p["name"] == "type")
    assert type_param["in"] == "query" and not type_param["required"]


def test_every_operation_that_takes_input_declares_its_422(client):
    """Schema checkers flag undocumented status codes; bad input answers 422 everywhere."""
    document = client.get("/api/v1/openapi.json").json()
    undeclared = [
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if (any(p["in"] != "path" for p in operation.get("parameters", []))
            or "requestBody" in operation)
        and "422" not in operation["responses"]
    ]
    assert undeclared == []


def test_an_item_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    busiest = max(Item.objects.all(), key=lambda i: i.outgoing.count() + i.incoming.count())
    with django_assert_max_num_queries(3):  # the release, the item, its relations
        assert client.get(f"/api/v1/items/{busiest.id}").status_code == 200
    with django_assert_max_num_queries(1):  # built once per release: the release lookup only
        assert client.get(f"/api/v1/items/{busiest.id}").status_code == 200


def test_the_listing_costs_two_queries_then_one(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # the release and the items
        assert client.get("/api/v1/items").status_code == 200
    with django_assert_num_queries(1):  # built once per release: the release lookup only
        assert client.get("/api/v1/items").status_code == 200
