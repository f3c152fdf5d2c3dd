"""The KvK number a company signed up with: shown on its profile page, correctable there in the
way people type it, refused with a Dutch message at the field when it is not 8 digits."""

from __future__ import annotations

import pytest

from onderwijsgids.workspace.models import AuditLog, Company

from .conftest import verified_client

pytestmark = pytest.mark.django_db


def _profile_post(company, **changes) -> dict:
    values = {"naam": company.naam, "kvk": company.kvk, "cao": company.cao or "",
              "medewerkers": company.medewerkers or "", "provincie": company.provincie or "",
              "plaats": company.plaats, "erkend_leerbedrijf": "", "praktijkopleider_opgeleid": ""}
    return {**values, **changes}


def test_the_owner_sees_and_corrects_the_kvk_number_as_typed(owner_client, world):
    company = world["a"]["company"]
    Company.objects.filter(pk=company.pk).update(kvk="12345678")
    company.refresh_from_db()
    page = owner_client.get(f"/bedrijf/{company.pk}/profiel/").content.decode()
    assert "KvK-nummer" in page and 'value="12345678"' in page

    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/",
                                 _profile_post(company, kvk="8765 43.21"))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.kvk == "87654321"
    assert AuditLog.objects.filter(company=company, object_type=AuditLog.ObjectType.COMPANY,
                                   action=AuditLog.Action.UPDATE).exists()


def test_a_kvk_number_that_is_not_8_digits_is_refused_at_its_field_and_nothing_is_lost(
        owner_client, world):
    company = world["a"]["company"]
    Company.objects.filter(pk=company.pk).update(kvk="12345678")
    company.refresh_from_db()
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/",
                                 _profile_post(company, kvk="1234", plaats="Zwolle"))
    assert response.status_code == 422
    page = response.content.decode()
    assert "Een KvK-nummer is 8 cijfers, bijvoorbeeld 12345678." in page
    assert 'href="#id_kvk"' in page  # the error summary points at the field
    assert 'value="Zwolle"' in page  # what was typed stays on the form
    company.refresh_from_db()
    assert company.kvk == "12345678" and company.plaats != "Zwolle"


def test_an_empty_kvk_field_clears_the_number(owner_client, world):
    company = world["a"]["company"]
    Company.objects.filter(pk=company.pk).update(kvk="12345678")
    company.refresh_from_db()
    assert owner_client.post(f"/bedrijf/{company.pk}/profiel/",
                             _profile_post(company, kvk="")).status_code == 302
    company.refresh_from_db()
    assert company.kvk == ""


def test_a_reader_sees_the_kvk_number(client, world):
    company = world["a"]["company"]
    Company.objects.filter(pk=company.pk).update(kvk="12345678")
    html = verified_client(client, world["advisor"]).get(
        f"/bedrijf/{company.pk}/profiel/").content.decode()
    assert "<dt>KvK-nummer</dt><dd>12345678</dd>" in html


def test_digits_of_other_scripts_are_no_kvk_number(owner_client, world):
    """Full-width digits look like a number but never match one (sign-up compares them)."""
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/",
                                 _profile_post(company, kvk="１２３４５６７８"))
    assert response.status_code == 422
    assert "Een KvK-nummer is 8 cijfers" in response.content.decode()
