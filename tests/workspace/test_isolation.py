"""Isolation matrix, generated from the URL configuration.

Every URL pattern that takes a ``company_id`` (pages and API) is requested with another
company's ID as a member of a different company and as an advisor not assigned to it; each
must answer 404. A new company-scoped URL that is not listed in KNOWN makes the test fail, so
nobody adds one without thinking about access.
"""

from __future__ import annotations

import re

import pytest
from django.urls import get_resolver

from .conftest import verified_client

KNOWN = {
    "action_points", "action_state", "advice", "application", "application_delete",
    "application_new", "applications", "calendar", "calendar_revoke", "dashboard", "invite",
    "learner", "learner_delete", "learner_new", "learners", "learners_export", "learners_import",
    "learners_import_template", "plan",
    "privacy", "privacy_employee_erase", "privacy_employee_export", "privacy_export",
    "privacy_learner_erase", "privacy_learner_export", "profile", "profile_import",
    "training", "training_delete", "training_new", "trainings",
    # API
    "list_learners", "create_learner", "list_deadlines", "list_applications", "company_profile",
    "company_advice", "list_action_states", "set_action_state",
}
# An action of a company's advice is no row of its own: its ID is the same slug in every company
# with the same facts. "Another company's object" is here an action this company's advice does
# not list; another company's action itself is covered by the company ID (and by
# tests/workspace/test_doe_dit_nu.py with a real ID).
UNLISTED_ACTION = "geen-actie-van-dit-bedrijf"
PARAM = re.compile(r"<(?:\w+:)?(\w+)>")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.name, pattern.callback


def company_scoped_routes() -> list[tuple[str, str]]:
    return sorted({(route, name) for route, name, _cb in _walk(get_resolver().url_patterns)
                   if "company_id" in PARAM.findall(route)})


def _url(route: str, values: dict[str, int | str]) -> str:
    return "/" + PARAM.sub(lambda m: str(values[m.group(1)]), route)


VALID_LEARNER = {"naam": "Iemand", "leerweg": "bbl", "start": "2025-09-01", "eind": "2026-07-01"}


def requests_for(route: str, name: str):
    """Pages: GET and POST. API operations: their own method, with a valid body."""
    if not route.startswith("api/"):
        return [("get", {}), ("post", {})]
    if name.startswith("create_"):
        return [("post", {"data": VALID_LEARNER, "content_type": "application/json"})]
    if name.startswith("set_"):
        return [("put", {"data": {"staat": "klaar"}, "content_type": "application/json"})]
    return [("get", {})]


def _values(data) -> dict[str, int | str]:
    from onderwijsgids.workspace.services import company_advice

    return {"company_id": data["company"].pk, "learner_id": data["learner"].pk,
            "training_id": data["training"].pk, "application_id": data["application"].pk,
            "token_id": data["token"].pk, "actie_id": company_advice(data["company"]).acties[0].id}


def test_every_company_scoped_url_is_in_the_matrix():
    every = list(_walk(get_resolver().url_patterns))
    for route, name, callback in every:
        if route.startswith(("bedrijf/<", "api/v1/bedrijven/")):
            assert "company_id" in PARAM.findall(route), f"{route}: bedrijf zonder company_id"
        if "company_id" in PARAM.findall(route) and not route.startswith("api/"):
            assert getattr(callback, "company_scoped", False), f"{name}: niet via company_view"
    names = {name for _route, name in company_scoped_routes()}
    assert names - KNOWN == set(), "nieuwe bedrijfs-URL: voeg hem toe aan de isolatiematrix"
    assert KNOWN - names == set(), "URL verdwenen: haal hem uit de matrix"


def _not_404(client, values: dict[str, int | str], min_params: int = 1) -> list[tuple]:
    failures = []
    for route, name in company_scoped_routes():
        if len(PARAM.findall(route)) < min_params:
            continue
        url = _url(route, values)
        for method, kwargs in requests_for(route, name):
            response = getattr(client, method)(url, **kwargs)
            if response.status_code != 404:
                failures.append((method.upper(), url, name, response.status_code))
    return failures


@pytest.mark.parametrize("who", ["member_of_other_company", "unassigned_advisor"])
def test_foreign_company_answers_404_everywhere(client, world, who):
    if who == "member_of_other_company":
        client.force_login(world["owner_a"])
    else:
        verified_client(client, world["stranger"])
    assert _not_404(client, _values(world["b"])) == []


def test_own_company_with_foreign_objects_answers_404(client, world):
    client.force_login(world["owner_a"])
    values = {**_values(world["b"]), "company_id": world["a"]["company"].pk,
              "actie_id": UNLISTED_ACTION}
    assert _not_404(client, values, min_params=2) == []


def test_assigned_advisor_reads_but_does_not_write(client, world):
    verified_client(client, world["advisor"])
    company = world["a"]["company"]
    assert client.get(f"/bedrijf/{company.pk}/").status_code == 200
    assert client.get(f"/bedrijf/{company.pk}/plan/").status_code == 200
    response = client.post(f"/bedrijf/{company.pk}/leerlingen/nieuw/", {"naam": "x"})
    assert response.status_code == 403


def test_anonymous_users_are_sent_to_login(client, world):
    company = world["a"]["company"]
    response = client.get(f"/bedrijf/{company.pk}/leerlingen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")
    assert client.get(f"/api/v1/bedrijven/{company.pk}/leerlingen").status_code == 401


def test_members_reach_every_page_of_their_own_company(client, world):
    client.force_login(world["owner_a"])
    values = _values(world["a"])
    failures = []
    for route, name in company_scoped_routes():
        if route.startswith("api/"):
            continue
        url = _url(route, values)
        response = client.get(url)
        if response.status_code not in (200, 405):
            failures.append((url, name, response.status_code))
    assert failures == []
