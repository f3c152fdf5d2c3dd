"""The dashboard is the company's "Doe dit nu": the ``acties`` of the advice that
``GET /api/v1/bedrijven/{id}/advies`` returns, first and in that order, each with the state the
company keeps (te doen, bezig, klaar); then the dated deadlines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from html import unescape

import pytest
from django.test import Client

from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.doe_dit_nu import with_states
from onderwijsgids.workspace.domain.values import CompanyProfile, LearnerValues, TrainingValues
from onderwijsgids.workspace.models import ActieStaat, ActionState, AuditLog

from .conftest import a_crebo, make_user, verified_client

ACTION_ID = re.compile(r'<li id="actie-([a-z0-9-]+)"')


def dashboard(client, company) -> str:
    response = client.get(f"/bedrijf/{company.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def advice_acties(client, company) -> list[dict]:
    """The actions as the API's advice document gives them (contract §5)."""
    response = client.get(f"/api/v1/bedrijven/{company.pk}/advies")
    assert response.status_code == 200
    return response.json()["acties"]


def shown_ids(html: str) -> list[str]:
    return ACTION_ID.findall(html)


def open_part(html: str) -> str:
    """The dashboard up to the folded-away finished actions (or the deadlines)."""
    end = html.find('<details id="klaar"')
    return html[:end if end >= 0 else html.index('id="deadlines-titel"')]


def set_state(client, company, actie_id: str, staat: str):
    return client.post(f"/bedrijf/{company.pk}/acties/{actie_id}/", {"staat": staat})


@pytest.fixture
def apprentices_without_recognition(content_db):
    """The issue's case: a company with four bbl learners and no SBB recognition."""
    owner = make_user("eigenaar@vier-bbl.test")
    company = actions.do_create_company(CompanyProfile(
        naam="Vier Leerlingen BV", erkend_leerbedrijf=False, cao="metaal-en-techniek",
        medewerkers=12, provincie="gelderland"), owner=owner, acting_user=owner)
    for n in range(4):
        actions.do_create_learner(company, LearnerValues(
            naam=f"Leerling {n + 1}", leerweg="bbl", crebo=a_crebo(),
            start=dt.date(2025, 9, 1), eind=dt.date(2027, 7, 1)), acting_user=owner)
    return {"owner": owner, "company": company}


# --- the advice's actions, first and in order ----------------------------------------------


def test_the_dashboard_shows_the_advice_actions_first_in_the_advice_order(owner_client, world):
    company = world["a"]["company"]
    acties = advice_acties(owner_client, company)
    assert acties, "de testwereld heeft acties in het advies"
    html = dashboard(owner_client, company)
    assert shown_ids(html) == [a["id"] for a in acties]
    first = html.index(f'id="actie-{acties[0]["id"]}"')
    assert first < html.index('id="deadlines-titel"')
    assert html.index('id="doe-dit-nu-titel"') < first
    for actie in acties:
        block = html[html.index(f'id="actie-{actie["id"]}"'):]
        block = unescape(block[:block.index("</li>")])
        assert actie["wat"] in block and actie["waarom"] in block
        assert "Staat: <strong>te doen</strong>" in block
        if actie["deadline"]:
            day = dt.date.fromisoformat(actie["deadline"])
            assert f'datetime="{day.isoformat()}"' in block
        if actie["waar"]:
            assert f'href="{actie["waar"]}"' in block


def test_four_bbl_learners_without_recognition_see_what_to_do(client,
                                                              apprentices_without_recognition):
    company = apprentices_without_recognition["company"]
    client.force_login(apprentices_without_recognition["owner"])
    acties = advice_acties(client, company)
    assert acties[0]["id"] == "sbb-erkenning"
    html = dashboard(client, company)
    assert shown_ids(html)[0] == "sbb-erkenning"
    assert unescape(acties[0]["wat"]) in unescape(html)
    assert "Er staan geen deadlines open" not in html
    assert "Voeg leerlingen of scholing toe" not in html
    assert "geen acties" not in html
    assert "4 leerlingen geregistreerd." in html


def test_values_are_shown_in_euros_where_the_advice_gives_them(owner_client, world):
    from onderwijsgids.dutch import format_eur

    company = world["a"]["company"]
    valued = [a for a in advice_acties(owner_client, company) if a["waarde_eur"]]
    html = unescape(dashboard(owner_client, company))
    for actie in valued:
        assert f"levert naar schatting {format_eur(actie['waarde_eur'])} op" in html


# --- the state of each action ----------------------------------------------------------------


def test_state_changes_persist_are_audited_and_done_actions_fold_away(owner_client, world):
    company = world["a"]["company"]
    actie_id = advice_acties(owner_client, company)[0]["id"]

    busy = set_state(owner_client, company, actie_id, "bezig")
    assert busy.status_code == 302
    assert busy["Location"] == f"/bedrijf/{company.pk}/#actie-{actie_id}"
    assert ActionState.objects.get(company=company, actie=actie_id).staat == ActieStaat.BEZIG
    html = dashboard(owner_client, company)
    assert shown_ids(open_part(html))[0] == actie_id
    block = html[html.index(f'id="actie-{actie_id}"'):]
    assert "Staat: <strong>bezig</strong>" in block[:block.index("</li>")]

    done = set_state(owner_client, company, actie_id, "klaar")
    assert done["Location"] == f"/bedrijf/{company.pk}/#klaar"
    row = ActionState.objects.get(company=company, actie=actie_id)
    assert row.staat == ActieStaat.KLAAR and row.updated_by == world["owner_a"]
    html = dashboard(owner_client, company)
    assert actie_id not in shown_ids(open_part(html))
    folded = html[html.index('<details id="klaar"'):]
    assert f'id="actie-{actie_id}"' in folded and "1 actie klaar" in folded

    again = set_state(owner_client, company, actie_id, "te-doen")
    assert again.status_code == 302
    assert shown_ids(dashboard(owner_client, company))[0] == actie_id
    entries = list(AuditLog.objects.filter(company=company, object_type="actie",
                                           object_id=str(row.pk)).order_by("id"))
    assert [e.action for e in entries] == ["create", "update", "update"]
    assert {e.actor_label for e in entries} == {world["owner_a"].get_username()}


def test_a_refused_state_is_named_in_dutch_and_nothing_is_saved(owner_client, world):
    company = world["a"]["company"]
    actie_id = advice_acties(owner_client, company)[0]["id"]
    response = set_state(owner_client, company, actie_id, "misschien")
    assert response.status_code == 422
    html = unescape(response.content.decode())
    assert re.search(r"<title>\s*Fout:", html)
    assert "Kies of de actie te doen, bezig of klaar is." in html
    assert f'href="#actie-{actie_id}"' in html
    assert not ActionState.objects.filter(company=company).exists()


def test_an_action_the_advice_does_not_list_cannot_be_set(owner_client, world):
    company = world["a"]["company"]
    assert set_state(owner_client, company, "bestaat-niet", "klaar").status_code == 404
    assert set_state(owner_client, company, "bestaat-niet", "onzin").status_code == 404
    assert owner_client.get(f"/bedrijf/{company.pk}/acties/bestaat-niet/").status_code == 404
    listed = advice_acties(owner_client, company)[0]["id"]
    assert owner_client.get(f"/bedrijf/{company.pk}/acties/{listed}/").status_code == 405
    assert not ActionState.objects.filter(company=company).exists()


def test_an_action_the_advice_no_longer_lists_disappears_and_its_state_is_kept(owner_client,
                                                                                world):
    company, training = world["a"]["company"], world["a"]["training"]
    ptt = next(a["id"] for a in advice_acties(owner_client, company)
               if a["id"].startswith("ptt-cursus-"))
    assert set_state(owner_client, company, ptt, "bezig").status_code == 302
    actions.do_update_training(training, replace(TrainingValues.of(training),
                                                 aangevraagd=["oom-ptt"]),
                               acting_user=world["owner_a"])
    assert ptt not in [a["id"] for a in advice_acties(owner_client, company)]
    assert f'id="actie-{ptt}"' not in dashboard(owner_client, company)
    assert ActionState.objects.get(company=company, actie=ptt).staat == ActieStaat.BEZIG
    assert set_state(owner_client, company, ptt, "klaar").status_code == 404
    training.refresh_from_db()
    actions.do_update_training(training, replace(TrainingValues.of(training), aangevraagd=[]),
                               acting_user=world["owner_a"])
    block = dashboard(owner_client, company)
    block = block[block.index(f'id="actie-{ptt}"'):]
    assert "Staat: <strong>bezig</strong>" in block[:block.index("</li>")]


def test_the_form_needs_the_csrf_token(world):
    company = world["a"]["company"]
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world["owner_a"])
    actie_id = advice_acties(strict, company)[0]["id"]
    assert set_state(strict, company, actie_id, "klaar").status_code == 403
    page = dashboard(strict, company)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = strict.post(f"/bedrijf/{company.pk}/acties/{actie_id}/",
                           {"staat": "klaar", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert ActionState.objects.get(company=company, actie=actie_id).staat == "klaar"


def test_an_advisor_sees_the_states_but_cannot_change_them(client, world):
    company = world["a"]["company"]
    owner = Client()
    owner.force_login(world["owner_a"])
    actie_id = advice_acties(owner, company)[0]["id"]
    set_state(owner, company, actie_id, "bezig")
    verified_client(client, world["advisor"])
    html = dashboard(client, company)
    block = html[html.index(f'id="actie-{actie_id}"'):]
    assert "Staat: <strong>bezig</strong>" in block[:block.index("</li>")]
    assert f"/bedrijf/{company.pk}/acties/" not in html  # no forms for a read-only role
    assert set_state(client, company, actie_id, "klaar").status_code == 403
    api = client.put(f"/api/v1/bedrijven/{company.pk}/acties/{actie_id}",
                     {"staat": "klaar"}, content_type="application/json")
    assert api.status_code == 403
    assert ActionState.objects.get(company=company, actie=actie_id).staat == "bezig"


def test_another_companys_action_state_answers_404(owner_client, world):
    other = world["b"]["company"]
    owner_b = Client()
    owner_b.force_login(world["owner_b"])
    actie_id = advice_acties(owner_b, other)[0]["id"]
    assert set_state(owner_client, other, actie_id, "klaar").status_code == 404
    assert owner_client.get(f"/api/v1/bedrijven/{other.pk}/acties").status_code == 404
    put = owner_client.put(f"/api/v1/bedrijven/{other.pk}/acties/{actie_id}",
                           {"staat": "klaar"}, content_type="application/json")
    assert put.status_code == 404
    assert not ActionState.objects.filter(company=other).exists()
    # A state another company keeps does not show on this company's dashboard.
    set_state(owner_b, other, actie_id, "klaar")
    own = world["a"]["company"]
    assert "Staat: <strong>klaar</strong>" not in dashboard(owner_client, own)


# --- the dashboard never says "nothing to do" while the advice has actions -----------------


def test_without_dated_deadlines_the_dashboard_points_to_the_actions(owner_client, world):
    company = world["a"]["company"]
    company.deadlines.all().delete()  # the stored deadlines are current: nothing derives them
    html = dashboard(owner_client, company)
    assert shown_ids(html)
    deadlines = html[html.index('id="deadlines-titel"'):]
    assert "Wat je nu moet doen, staat hierboven." in deadlines
    assert "Er staan geen deadlines open" not in html


def test_every_action_done_says_so_and_keeps_them_at_hand(owner_client, world):
    company = world["a"]["company"]
    ids = [a["id"] for a in advice_acties(owner_client, company)]
    for actie_id in ids:
        set_state(owner_client, company, actie_id, "klaar")
    html = dashboard(owner_client, company)
    assert "Alle acties uit het advies zijn klaar." in html
    assert shown_ids(open_part(html)) == []
    assert shown_ids(html[html.index('<details id="klaar"'):]) == ids


# --- the typed action and the plain rules ----------------------------------------------------


def test_the_action_takes_typed_keyword_arguments(world):
    company = world["a"]["company"]
    actie_id = actions.services.company_advice(company).acties[0].id
    with pytest.raises(TypeError):
        actions.do_set_action_state(company, actie_id, "klaar", world["owner_a"])  # type: ignore
    with pytest.raises(ValueError):
        actions.do_set_action_state(company, actie_id=actie_id, staat="misschien",  # type: ignore
                                    acting_user=world["owner_a"])
    with pytest.raises(actions.UnknownAction):
        actions.do_set_action_state(company, actie_id="bestaat-niet", staat=ActieStaat.KLAAR,
                                    acting_user=world["owner_a"])
    row = actions.do_set_action_state(company, actie_id=actie_id, staat=ActieStaat.KLAAR,
                                      acting_user=None)
    assert row.staat == "klaar" and row.updated_by is None
    assert AuditLog.objects.filter(object_type="actie", object_id=str(row.pk),
                                   actor_label="systeem").exists()


def test_with_states_keeps_the_advice_order_and_ignores_unlisted_states():
    from onderwijsgids.advice.engine.model import Actie

    acties = [Actie(id=f"a{n}", wat=f"Doe {n}", waarom="Omdat.") for n in range(3)]
    doe = with_states(acties, {"a1": "klaar", "a2": "bezig", "weg": "klaar"})
    assert [(r.actie.id, r.staat) for r in doe.rows] == [
        ("a0", "te-doen"), ("a1", "klaar"), ("a2", "bezig")]
    assert [r.actie.id for r in doe.open] == ["a0", "a2"]
    assert [r.actie.id for r in doe.klaar] == ["a1"]
    assert doe.row("weg") is None


# --- the API ---------------------------------------------------------------------------------


def test_the_api_lists_the_actions_with_their_state_and_sets_one(owner_client, world):
    company = world["a"]["company"]
    acties = advice_acties(owner_client, company)
    listed = owner_client.get(f"/api/v1/bedrijven/{company.pk}/acties")
    assert listed.status_code == 200
    assert listed.json() == [{**a, "staat": "te-doen"} for a in acties]
    url = f"/api/v1/bedrijven/{company.pk}/acties/{acties[0]['id']}"
    put = owner_client.put(url, {"staat": "bezig"}, content_type="application/json")
    assert put.status_code == 200 and put.json() == {**acties[0], "staat": "bezig"}
    assert owner_client.get(f"/api/v1/bedrijven/{company.pk}/acties").json()[0]["staat"] == \
        "bezig"
    assert 'Staat: <strong>bezig</strong>' in dashboard(owner_client, company)
    bad = owner_client.put(url, {"staat": "misschien"}, content_type="application/json")
    assert bad.status_code == 422 and bad.json()["fouten"][0]["veld"] == "staat"
    unknown = owner_client.put(f"/api/v1/bedrijven/{company.pk}/acties/bestaat-niet",
                               {"staat": "klaar"}, content_type="application/json")
    assert unknown.status_code == 404
    assert AuditLog.objects.filter(company=company, object_type="actie").count() == 1


def test_the_api_needs_a_login(client, world):
    company = world["a"]["company"]
    assert client.get(f"/api/v1/bedrijven/{company.pk}/acties").status_code == 401
    put = client.put(f"/api/v1/bedrijven/{company.pk}/acties/sbb-erkenning",
                     {"staat": "klaar"}, content_type="application/json")
    assert put.status_code == 401


def test_the_openapi_document_describes_the_action_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    listing = paths["/api/v1/bedrijven/{company_id}/acties"]["get"]
    assert {"200", "401", "404"} <= set(listing["responses"])
    setting = paths["/api/v1/bedrijven/{company_id}/acties/{actie_id}"]["put"]
    assert {"200", "401", "403", "404", "422"} <= set(setting["responses"])
