"""The site's own Dutch error pages, in the site layout, for 400, 403 (CSRF too), 404, 413, 500."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from onderwijsgids.web import views

pytestmark = pytest.mark.usefixtures("content_db")

LAYOUT = 'class="site-header"'


def _dutch_page(response, status: int, text: str) -> str:
    body = response.content.decode()
    assert response.status_code == status
    assert LAYOUT in body and '<html lang="nl">' in body
    assert text in body
    for english in ("Bad Request", "Forbidden", "CSRF verification failed", "Request Entity",
                    "Server Error", "Not Found"):
        assert english not in body, english
    return body


def test_too_many_form_fields_answers_the_dutch_400_page(client):
    fields = {f"veld{i}": "x" for i in range(1100)}  # beyond DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = client.post("/advies/", fields)
    _dutch_page(response, 400, "Dit verzoek begrijpen we niet")


def test_a_body_too_large_for_the_form_parser_answers_the_dutch_413_page(client):
    big = "naam=" + "x" * (3 * 1024 * 1024)  # beyond DATA_UPLOAD_MAX_MEMORY_SIZE
    response = client.generic("POST", "/advies/", big,
                              content_type="application/x-www-form-urlencoded")
    _dutch_page(response, 413, "Dit is te groot om te versturen")


def test_request_too_large_view_renders_json_under_the_api():
    request = RequestFactory().post("/api/v1/advies")
    response = views.request_too_large(request)
    assert response.status_code == 413 and "groter dan de site aanneemt" in \
        response.content.decode()
    html = views.request_too_large(RequestFactory().post("/bedrijf/1/leerlingen/importeren/"))
    assert html.status_code == 413 and LAYOUT in html.content.decode()


def test_a_missing_csrf_token_answers_the_dutch_page_with_a_way_back():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/account/inloggen/", {"username": "a", "password": "b"},
                           HTTP_REFERER="http://testserver/account/inloggen/")
    body = _dutch_page(response, 403, "Het formulier is verlopen")
    assert 'href="http://testserver/account/inloggen/"' in body
    other_site = strict.post("/account/inloggen/", {}, HTTP_REFERER="https://elders.test/x")
    assert "elders.test" not in other_site.content.decode()


def test_a_forbidden_action_answers_the_dutch_403_page(client):
    from tests.workspace.conftest import fill_company, make_user

    owner = make_user("eigenaar@bedrijf-x.test")
    company = fill_company(owner, "Bedrijf X")["company"]
    employee = make_user("medewerker@bedrijf-x.test")
    from onderwijsgids.workspace.models import Membership

    Membership.objects.create(user=employee, company=company, role="employee")
    client.force_login(employee)
    _dutch_page(client.get(f"/bedrijf/{company.pk}/uitnodigen/"), 403, "Dit mag je niet doen")


def test_an_unknown_address_answers_the_dutch_404_page(client):
    _dutch_page(client.get("/bestaat-niet/"), 404, "Pagina niet gevonden")


def test_a_server_error_answers_the_dutch_500_page():
    response = views.server_error(RequestFactory().get("/"))
    _dutch_page(response, 500, "Er ging iets mis")
