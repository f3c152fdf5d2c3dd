"""Deadlines: derived from the advice engine and content; dashboard; query counts."""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape

from onderwijsgids.content.services import current_kb
from onderwijsgids.workspace import actions
from onderwijsgids.workspace.models import Application, Deadline

from .conftest import a_crebo


def _param(regeling: str, naam: str, schooljaar: str | None = None):
    for p in current_kb().items[regeling].parameters:
        if p.naam == naam and (schooljaar is None or p.schooljaar == schooljaar):
            return p
    raise AssertionError(f"{regeling}.{naam} ontbreekt in content")


def test_praktijkleren_deadline_is_the_content_window_of_the_study_year(world):
    company = world["a"]["company"]
    closes = _param("subsidie-praktijkleren", "aanvraag-sluit")
    label = closes.schooljaar
    first_year = int(label[:4])
    actions.do_create_learner(world["owner_a"], company, {
        "naam": "Vroege Leerling", "leerweg": "bbl", "crebo": a_crebo(),
        "start": dt.date(first_year, 9, 1), "eind": dt.date(first_year + 1, 6, 30)})
    row = Deadline.objects.get(company=company, key=f"subsidie-praktijkleren:{label}")
    assert row.datum == dt.date.fromisoformat(str(closes.waarde))
    assert row.bbl_leerlingen >= 1


def test_later_years_use_the_usual_window_of_the_source_and_are_marked(world):
    """A study year whose window RVO has not yet published gets the window the source calls
    usual ("2 juni – 16 september"), not last year's dates moved on: the later date could
    make an owner miss the real closing day."""
    row = (Deadline.objects.filter(company=world["a"]["company"],
                                   regeling="subsidie-praktijkleren")
           .order_by("-datum").first())
    closes = dt.date.fromisoformat(str(_param("subsidie-praktijkleren", "aanvraag-sluit").waarde))
    usual = str(_param("subsidie-praktijkleren", "aanvraagvenster-gebruikelijk").waarde)
    day, month = usual.split("–")[1].split()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    assert (row.datum.month, row.datum.day) == (months.index(month) + 1, int(day))
    assert row.datum.year > closes.year
    assert "verwachte datum" in row.wat


def test_bol_learner_gets_no_praktijkleren_deadline(world):
    company = world["b"]["company"]
    company.learners.all().delete()
    actions.do_create_learner(world["owner_b"], company, {
        "naam": "Bol Leerling", "leerweg": "bol", "start": dt.date(2026, 9, 1),
        "eind": dt.date(2028, 7, 1)})
    assert not Deadline.objects.filter(company=company, regeling="subsidie-praktijkleren").exists()


def test_ptt_deadline_comes_from_the_engine_per_course(world):
    training = world["a"]["training"]
    row = Deadline.objects.get(training=training, regeling="oom-ptt")
    assert row.datum < training.start
    actions.do_update_training(world["owner_a"], training, {"aangevraagd": ["oom-ptt"]})
    assert not Deadline.objects.filter(training=training, regeling="oom-ptt",
                                       afgehandeld=False).exists()


def test_dashboard_lists_open_actions_by_deadline_and_hides_handled(owner_client, world):
    company = world["a"]["company"]
    page = owner_client.get(f"/bedrijf/{company.pk}/").content.decode()
    open_rows = list(Deadline.objects.filter(company=company, afgehandeld=False,
                                             datum__gte=dt.date.today()).order_by("datum"))
    assert open_rows, "de testwereld heeft open deadlines"
    positions = [page.index(d.datum.strftime("%Y-%m-%d")) for d in open_rows]
    assert positions == sorted(positions)
    ptt = Deadline.objects.get(training=world["a"]["training"])
    actions.do_save_application(world["owner_a"], company, {"status": "aangevraagd"},
                                world["a"]["application"])
    handled = Deadline.objects.filter(company=company, regeling="subsidie-praktijkleren",
                                      jaar=world["a"]["application"].jaar)
    assert all(d.afgehandeld for d in handled)
    assert escape(ptt.wat) in owner_client.get(f"/bedrijf/{company.pk}/").content.decode()


def _grow(world, extra: int):
    company = world["a"]["company"]
    for n in range(extra):
        actions.do_create_learner(world["owner_a"], company, {
            "naam": f"L{n}", "leerweg": "bbl", "start": dt.date(2026, 9, 1) + dt.timedelta(n),
            "eind": dt.date(2028, 7, 1)})
        actions.do_create_training(world["owner_a"], company, {
            "medewerker": f"M{n}", "omschrijving": f"Cursus {n}",
            "start": dt.date.today() + dt.timedelta(days=30 + n)})
        actions.do_save_application(world["owner_a"], company, {
            "regeling": "slim-regeling", "jaar": str(2030 + n), "status": "te-doen"})
        actions.do_set_action_point(world["owner_a"], company, f"actiepunt-{n % 9 + 1}",
                                    "bezig", "")


def test_dashboard_query_count_does_not_grow_with_data(owner_client, world,
                                                       django_assert_max_num_queries):
    company = world["a"]["company"]
    _grow(world, 12)
    assert Deadline.objects.filter(company=company).count() > 12
    # 10 before the dashboard named regelingen and action points (the content release),
    # offered "Vraag je adviseur" (the company's advisor) and showed undelivered reminders:
    # a fixed number, whatever the data.
    with django_assert_max_num_queries(13):
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
    response = owner_client.post(f"/bedrijf/{company.pk}/profiel/overnemen/", {
        "import-profiel": "cao: metalektro\nmedewerkers: 40\ndoelen: [werven]\n"})
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
