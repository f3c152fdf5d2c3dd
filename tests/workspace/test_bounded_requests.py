"""Bounded requests through the real stack: body size (413), NUL in addresses (400), rights in
the API (401/403), in Dutch; the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from .conftest import verified_client

TEN_MB = 10 * 1024 * 1024


def test_a_ten_mb_json_body_answers_413_in_dutch(client, content_db):
    response = client.post("/api/v1/advies", b"{" + b" " * TEN_MB + b"}",
                           content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "De aanvraag is te groot (meer dan 2 MB)."}


def test_a_large_body_to_the_workspace_api_answers_413_before_login(client, content_db):
    response = client.post("/api/v1/bedrijven/1/leerlingen", b"[" * TEN_MB,
                           content_type="application/json")
    assert response.status_code == 413


def test_a_large_form_answers_413_with_a_dutch_page(client, content_db):
    response = client.post("/account/inloggen/", {"username": "x" * TEN_MB, "password": "y"})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Dit is te groot om te versturen" in page and '<html lang="nl">' in page


def test_a_large_upload_answers_413(owner_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    company = world["a"]["company"]
    upload = SimpleUploadedFile("leerlingen.csv", b"naam;leerweg\r\n" + b"x" * (4 * 1024 * 1024))
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": upload})
    assert response.status_code == 413
    assert "Dit is te groot om te versturen" in response.content.decode()


def test_an_upload_just_over_the_form_limit_gets_the_forms_message(owner_client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    company = world["a"]["company"]
    upload = SimpleUploadedFile("leerlingen.csv", b"naam;leerweg\r\n" + b"x" * (2_200_000))
    response = owner_client.post(f"/bedrijf/{company.pk}/leerlingen/importeren/",
                                 {"bestand": upload})
    assert response.status_code == 422
    assert "groter dan 2 MB" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/zoeken?q=%00subsidie", "/api/v1/items/actie%00punt-1",
                                  "/api/v1/items?type=regeling%00"])
def test_nul_in_an_api_address_is_bad_input(client, content_db, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.json() == {"detail": "Het adres bevat een ongeldig teken (NUL)."}


@pytest.mark.parametrize("path", ["/zoeken/?q=%00", "/items/actie%00punt-1/"])
def test_nul_in_a_page_address_is_bad_input(client, content_db, path):
    assert client.get(path).status_code == 400


def test_an_advisors_api_write_answers_403_in_dutch(client, world):
    verified_client(client, world["advisor"])
    company = world["a"]["company"]
    assert client.get(f"/api/v1/bedrijven/{company.pk}/leerlingen").status_code == 200
    response = client.post(f"/api/v1/bedrijven/{company.pk}/leerlingen", json.dumps({
        "naam": "Nieuw", "leerweg": "bbl", "start": "2026-09-01", "eind": "2028-07-01"}),
        content_type="application/json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Dit mag je niet met jouw rol bij dit bedrijf."}


def test_the_api_without_login_answers_401_in_dutch(content_db):
    response = Client().get("/api/v1/bedrijven/1/leerlingen")
    assert response.status_code == 401
    assert response.json() == {"detail": "Log eerst in."}


def test_a_foreign_company_answers_404_in_dutch(owner_client, world):
    response = owner_client.get(f"/api/v1/bedrijven/{world['b']['company'].pk}/leerlingen")
    assert response.status_code == 404
    assert response.json()["detail"] == "Niet gevonden."


@pytest.mark.parametrize("company_id", [2**31, 2**63, 10**30])
def test_huge_ids_are_not_found_not_a_server_error(owner_client, world, company_id):
    assert owner_client.get(f"/api/v1/bedrijven/{company_id}/leerlingen").status_code in (404, 422)
    assert owner_client.get(f"/bedrijf/{company_id}/leerlingen/").status_code == 404
    company = world["a"]["company"]
    assert owner_client.get(f"/bedrijf/{company.pk}/leerlingen/{company_id}/").status_code == 404
