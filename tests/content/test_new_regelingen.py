"""The regelingen added for issue 11 (contract §5 IDs): each has a page that renders with its
title, its sources and its dated figures, through the Django test client on the real content."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("content_db")

NEW_REGELINGEN = ["praktijkleren-derde-leerweg", "slim-scholingssubsidie", "ao-metalektro-bbl",
                  "ao-metalektro-stage-vo", "ao-metalektro-stage-mbo-hbo-wo", "ao-metalektro-zbi"]


@pytest.mark.parametrize("regeling_id", NEW_REGELINGEN)
def test_new_regeling_has_a_page_with_its_sources(client, regeling_id):
    item = client.get(f"/api/v1/items/{regeling_id}").json()
    assert item["type"] == "regeling"
    page = client.get(f"/regelingen/{regeling_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert item["titel"].split(" — ")[-1] in html
    for bron in item["data"]["bronnen"].values():
        if bron.get("url"):
            assert bron["url"] in html or bron["url"].replace("&", "&amp;") in html, bron["url"]
    for parameter in item["data"]["parameters"]:
        assert parameter["bron"] in item["data"]["bronnen"] and parameter["peildatum"]


@pytest.mark.parametrize("regeling_id", [r for r in NEW_REGELINGEN if r.startswith("ao-")])
def test_ao_metalektro_regelingen_belong_to_the_fund(client, regeling_id):
    item = client.get(f"/api/v1/items/{regeling_id}").json()
    assert item["data"]["aanbieder"] == "ao-metalektro"
    assert "2021–2023" in item["samenvatting"] or "2022–2024" in item["samenvatting"]
