"""The API's shared error shape: every bad input answers 422 with Dutch messages naming the field.

A throwaway API with a body endpoint uses the project's real exception handlers, so this holds for
any endpoint a capability adds (advice profiles, workspace forms), not just the items API.
"""

from __future__ import annotations

import datetime as dt

import pytest
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError
from ninja.testing import TestClient

from onderwijsgids import api as project_api
from onderwijsgids.api_errors import field_name


class Leerling(Schema):
    crebo: str
    start: dt.date


class Profiel(Schema):
    naam: str | None = None
    medewerkers: int | None = None
    leerlingen: list[Leerling] = []


@pytest.fixture(scope="module")
def client() -> TestClient:
    api = NinjaAPI(urls_namespace="test-api-errors")
    api.add_exception_handler(ValidationError, project_api._invalid_input)
    api.add_exception_handler(HttpError, project_api._http_error)

    @api.post("/profiel")
    def profiel(request, profiel: Profiel):
        return {"naam": profiel.naam}

    @api.get("/fout")
    def fout(request):
        raise HttpError(409, "Deze aanvraag bestaat al.")

    return TestClient(api)


def test_wrong_types_in_a_body_name_each_field_in_dutch(client):
    response = client.post("/profiel", json={"medewerkers": "veel",
                                             "leerlingen": [{"crebo": 25892, "start": "gisteren"}]})
    assert response.status_code == 422
    assert response.json() == {"detail": "Ongeldige invoer", "fouten": [
        {"veld": "medewerkers", "melding": "moet een geheel getal zijn"},
        {"veld": "leerlingen[0].crebo", "melding": "moet tekst zijn"},
        {"veld": "leerlingen[0].start", "melding": "is geen geldige datum (JJJJ-MM-DD)"},
    ]}


def test_a_missing_body_names_the_parameter(client):
    response = client.post("/profiel")
    assert response.status_code == 422
    assert response.json()["fouten"] == [{"veld": "profiel", "melding": "is verplicht maar ontbreekt"}]


def test_a_body_that_is_not_json_answers_in_dutch(client):
    response = client.post("/profiel", data="{kapot", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "De invoer is geen geldige JSON."}


def test_other_http_errors_keep_their_own_message(client):
    response = client.get("/fout")
    assert response.status_code == 409
    assert response.json() == {"detail": "Deze aanvraag bestaat al."}


@pytest.mark.parametrize(("loc", "expected"), [
    (("query", "type"), "type"),
    (("path", "id"), "id"),
    (("body", "profiel", "leerlingen", 0, "crebo"), "leerlingen[0].crebo"),
    (("body", "profiel"), "profiel"),
    (("form", "email"), "email"),
])
def test_field_names_drop_what_the_client_never_typed(loc, expected):
    assert field_name(loc) == expected
