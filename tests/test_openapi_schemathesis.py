"""The OpenAPI document is true: schemathesis calls every operation with data generated from
the document (through the WSGI app, logged in as a company owner for the company-scoped ones)
and finds no server error, no undocumented status code and no answer outside its schema.

Bounded: a fixed number of examples per operation (a couple of minutes in all); runs on
whichever database the suite runs on (SQLite, then PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

import pytest
import schemathesis
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from onderwijsgids.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


# The document as the app serves it (its view needs no database).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def in_test_transaction(content_db):
    """Requests run inside the test's transaction, so the connection must not be closed at the
    end of each request (Django's test client does the same)."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def owner_login(in_test_transaction):
    """A company owner's session and CSRF token as the headers a browser would send."""
    from tests.workspace.conftest import fill_company, make_user

    owner = make_user("eigenaar@schemathesis.test")
    company = fill_company(owner, "Schemathesis BV")["company"]
    client = Client()
    client.force_login(owner)
    csrf = _get_new_csrf_string()
    return {"company": company, "headers": {"X-CSRFToken": csrf},
            "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf}}


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_answer_is_documented(case, owner_login):
    if "company_id" in (case.path_parameters or {}):
        case.path_parameters["company_id"] = owner_login["company"].pk
    case.call_and_validate(headers=owner_login["headers"], cookies=owner_login["cookies"],
                           checks=CHECKS)


def _parameter(operation: dict, name: str) -> dict:
    return next(p for p in operation["parameters"] if p["name"] == name)


def test_the_document_states_the_enforced_limits(client):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]
    q = _parameter(paths["/api/v1/zoeken"]["get"], "q")
    assert q["required"] and q["schema"]["maxLength"] == 200 and q["schema"]["pattern"] == r"\S"
    provincie = _parameter(paths["/api/v1/bedrijfsvakscholen"]["get"], "provincie")["schema"]
    assert "noord-brabant" in provincie["enum"] and len(provincie["enum"]) == 13
    advies = paths["/api/v1/advies"]["post"]
    body = advies["requestBody"]["content"]["application/json"]["schema"]
    learner = body["properties"]["leerlingen"]["anyOf"][0]["items"]
    assert learner["additionalProperties"] is False
    assert any(s.get("pattern", "").startswith("^(19[0-9]{2}|20[0-9]{2}|2100)-")
               for s in learner["properties"]["start"]["anyOf"])
    assert set(advies["responses"]) == {"200", "400", "413", "422"}
    company = paths["/api/v1/bedrijven/{company_id}/leerlingen"]
    assert set(company["post"]["responses"]) == {"201", "400", "401", "403", "404", "413", "422"}
    assert _parameter(company["get"], "company_id")["schema"]["minimum"] == 1
