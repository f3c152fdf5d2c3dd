"""Deadlines: derived from the advice engine and content; dashboard; query counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.utils.html import escape

from onderwijsgids.content.services import current_kb
from onderwijsgids.workspace import actions
from onderwijsgids.workspace.domain.values import (ApplicationValues, LearnerValues,
                                                   TrainingValues)
from onderwijsgids.workspace.models import ActionPointStatus, Application, Deadline

from .conftest import a_crebo


def test_praktijkleren_deadline_is_the_window_of_the_study_year(world):
    # Study year 2025/26: "in 2026 geopend van 2 juni tot en met 17 september"
    # (ondernemersklankbord.nl), the same window the advice engine reports.
    company = world["a"]["company"]
    actions.do_create_learner(company, LearnerValues(
        naam="Vroege Leerling", leerweg="bbl", crebo=a_crebo(),
        start=dt.date(2025, 9, 1), eind=dt.date(2026, 6, 30)), acting_user=world["owner_a"])
    row = Deadline.objects.get(company=company, key="subsidie-praktijkleren:2025/26")
    assert row.datum == dt.date(2026, 9, 17)
    assert row.bbl_leerlingen >= 1 and "ondernemersklankbord.nl" in row.bron


def test_a_study_year_without_a_published_window_is_marked_expected(world):
    """Study year 2026/27 has no published window yet: its deadline is the expected one
    (17 September 2027, on the basis content gives) and says so."""
    row = Deadline.objects.get(company=world["a"]["company"],
                               key="subsidie-praktijkleren:2026/27")
    assert row.datum == dt.date(2027, 9, 17)
    assert "verwacht" in row.wat and "nog niet gepubliceerd" in row.wat


def test_bol_learner_gets_no_praktijkleren_deadline(world):
    company = world["b"]["company"]
    company.learners.all().delete()
    actions.do_create_learner(company, LearnerValues(
        naam="Bol Leerling", leerweg="bol", start=dt.date(2026, 9, 1),
        eind=dt.date(2028, 7, 1)), acting_user=world["owner_b"])
    assert not Deadline.objects.filter(company=company, regeling="subsidie-praktijkleren").exists()


def test_ptt_deadline_comes_from_the_engine_per_course(world):
    training = world["a"]["training"]
    row = Deadline.objects.get(training=training, regeling="oom-ptt")
    assert row.datum < training.start
    actions.do_update_training(training, replace(TrainingValues.of(training),
                                                 aangevraagd=["oom-ptt"]),
                               acting_user=world["owner_a"])
    assert not Deadline.objects.filter(training=training, regeling="oom-ptt",
                                       afgehandeld=False).exists()


def test_dashboard_lists_open_actions_by_deadline_and_hides_handled(owner_client, world):
    company = world["a"]["company"]
    page = owner_client.get(f"/bedrijf/{company.pk}/").content.decode()
    page = page[page.index('id="deadlines-titel"'):]  # after "Doe dit nu", the dated list
    open_rows = list(Deadline.objects.filter(company=company, afgehandeld=False,
                                             datum__gte=dt.date.today()).order_by("datum"))
    assert open_rows, "de testwereld heeft open deadlines"
    positions = [page.index(d.datum.strftime("%Y-%m-%d")) for d in open_rows]
    assert positions == sorted(positions)
    ptt = Deadline.objects.get(training=world["a"]["training"])
    application = world["a"]["application"]
    actions.do_update_application(application, replace(ApplicationValues.of(application),
                                                       status="aangevraagd"),
                                  acting_user=world["owner_a"])
    handled = Deadline.objects.filter(company=company, regeling="subsidie-praktijkleren",
                                      jaar=world["a"]["application"].jaar)
    assert all(d.afgehandeld for d in handled)
    assert escape(ptt.wat) in owner_client.get(f"/bedrijf/{company.pk}/").content.decode()


def _grow(world, extra: int):
    company = world["a"]["company"]
    for n in range(extra):
        owner = world["owner_a"]
        actions.do_create_learner(company, LearnerValues(
            naam=f"L{n}", leerweg="bbl", start=dt.date(2026, 9, 1) + dt.timedelta(n),
            eind=dt.date(2028, 7, 1)), acting_user=owner)
        actions.do_create_training(company, TrainingValues(
            medewerker=f"M{n}", omschrijving=f"Cursus {n}",
            start=dt.date.today() + dt.timedelta(days=30 + n)), acting_user=owner)
        actions.do_create_application(company, ApplicationValues(
            regeling="slim-regeling", jaar=str(2030 + n), status="te-doen"), acting_user=owner)
        actions.do_set_action_point(company, actiepunt=f"actiepunt-{n % 9 + 1}",
                                    status=ActionPointStatus.Status.BUSY, notitie="",
                                    acting_user=owner)


def test_dashboard_query_count_does_not_grow_with_data(owner_client, world,
                                                       django_assert_max_num_queries):
    company = world["a"]["company"]
    _grow(world, 12)
    assert Deadline.objects.filter(company=company).count() > 12
    # 10 before the dashboard named regelingen and action points (the content release),
    # offered "Vraag je adviseur" (the company's advisor) and showed undelivered reminders,
    # 3 more for "Doe dit nu" (the advice of the stored learners and courses, the actions'
    # states): a fixed number, whatever the data.
    with django_assert_max_num_queries(16):
        assert owner_client.get(f"/bedrijf/{company.pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert owner_client.get(f"/bedrijf/{company.pk}/scholing/").status_code == 200
    with django_assert_max_num_queries(12):
        assert owner_client.get(f"/bedrijf/{company.pk}/aanvragen/").status_code == 200


def test_application_form_refuses_a_duplicate(owner_client, world):
    company = world["a"]["company"]
    app = world["a"]["application"]
    response = owner_client.post(f"/bedrijf/{company.pk}/aanvragen/nieuw/", {
        "regeling": app.regeling, "jaar": app.jaar, "status": "aangevraagd"})
    assert response.status_code == 422
    assert "bestaat al een aanvraag" in response.content.decode()
    assert Application.objects.filter(company=company).count() == 1


def test_profile_form_saves_goals_and_the_advice_uses_them(owner_client, world):
    company = world["a"]["company"]
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/", {
        "naam": "Bedrijf A", "cao": "metaal-en-techniek", "medewerkers": "12",
        "provincie": "gelderland", "plaats": "Apeldoorn", "erkend_leerbedrijf": "ja",
        "praktijkopleider_opgeleid": "", "doelen": ["werven", "medewerkers-scholen"]})
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.doelen == ["werven", "medewerkers-scholen"]
    assert company.praktijkopleider_opgeleid is None and company.medewerkers == 12
    page = owner_client.get(f"/bedrijf/{company.pk}/advies/")
    assert page.status_code == 200 and "Regelingen" in page.content.decode()
    bad = owner_client.post(f"/bedrijf/{company.pk}/profiel/", {"naam": "", "medewerkers": "-3"})
    assert bad.status_code == 422
    assert 'href="#id_naam"' in bad.content.decode()


def test_profile_import_takes_over_a_contract_profile(owner_client, world):
    company = world["a"]["company"]
    preview = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-profiel": "cao: metalektro\nmedewerkers: 40\ndoelen: [werven]\n"})
    assert preview.status_code == 200 and "Controleer wat er verandert" in preview.content.decode()
    company.refresh_from_db()
    assert company.cao != "metalektro"  # shown first, not saved
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-profiel": "cao: metalektro\nmedewerkers: 40\ndoelen: [werven]\n",
        "bevestigen": "1"})
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.cao == "metalektro" and company.medewerkers == 40
    bad = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-profiel": "cao: weetniet\nonbekend_veld: 1\n"})
    assert bad.status_code == 422
    text = bad.content.decode()
    assert "cao" in text and "onbekend_veld" in text


def test_a_new_content_release_refreshes_deadlines_on_the_dashboard(owner_client, world):
    from onderwijsgids.workspace.models import Company

    company = world["a"]["company"]
    Company.objects.filter(pk=company.pk).update(deadlines_digest="oud")
    Deadline.objects.filter(company=company).delete()
    owner_client.get(f"/bedrijf/{company.pk}/")
    company.refresh_from_db()
    assert company.deadlines_digest == current_kb().digest
    assert Deadline.objects.filter(company=company).exists()
