"""Action points page: saving one point, and bad input (unknown status, unknown point)."""

from __future__ import annotations

from onderwijsgids.content.services import current_kb


def _a_point() -> str:
    return next(i for i, item in sorted(current_kb().items.items())
                if getattr(item, "type", None) == "actiepunt")


def test_saving_a_status_stores_it(owner_client, world):
    company, point = world["a"]["company"], _a_point()
    response = owner_client.post(f"/bedrijf/{company.pk}/actiepunten/", {
        "actiepunt": point, f"{point}-status": "bezig", f"{point}-notitie": "Begonnen"})
    assert response.status_code == 302
    stored = company.action_points.get(actiepunt=point)
    assert (stored.status, stored.notitie) == ("bezig", "Begonnen")


def test_an_unknown_status_is_refused_next_to_the_field(owner_client, world):
    company, point = world["a"]["company"], _a_point()
    response = owner_client.post(f"/bedrijf/{company.pk}/actiepunten/", {
        "actiepunt": point, f"{point}-status": "verzonnen"})
    assert f'id="id_{point}-status-fout"' in response.content.decode()
    assert not company.action_points.filter(actiepunt=point).exists()


def test_an_unknown_action_point_is_not_found(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/actiepunten/", {
        "actiepunt": "actiepunt-999", "actiepunt-999-status": "bezig"})
    assert response.status_code == 404
    assert not company.action_points.exists()
