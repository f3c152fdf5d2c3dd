"""Contract §3 ``acties`` (issue 13): the order, what an action unlocks, "past nog niet".

Amounts are never written here: a test compares an action's value with what the engine's own
rules give for the profile as it would be after the action."""

from __future__ import annotations

import datetime as dt

import pytest

from onderwijsgids.advice.engine import Actie, Ontgrendeling
from onderwijsgids.advice.engine.acties import SBB, order

PEIL = dt.date(2026, 3, 15)
BBL = {"leerweg": "bbl", "crebo": "25892", "start": "2025-09-01", "eind": "2027-07-01",
       "praktijkovereenkomst": "2025-09-01", "via_bvm": False}


def actie(id: str, *, days: int | None = None, waarde: int | None = None,  # noqa: A002
          ontgrendelt: list[Ontgrendeling] | None = None) -> Actie:
    return Actie(id=id, wat=id, waarom="", waarde_eur=waarde, ontgrendelt=ontgrendelt or [],
                 deadline=PEIL + dt.timedelta(days=days) if days is not None else None)


def regeling(advice, regeling_id):
    return next(r for r in advice.regelingen if r.id == regeling_id)


# --- the order, as a unit -------------------------------------------------------------------

def test_recognition_comes_before_a_375_euro_ptt_due_soon():
    ptt = actie("ptt-cursus-0", days=10, waarde=375)
    sbb = actie(SBB, days=186)  # dated by the Praktijkleren window, months away
    assert [a.id for a in order([ptt, sbb], PEIL)] == [SBB, "ptt-cursus-0"]
    assert [a.id for a in order([ptt, actie(SBB)], PEIL)] == [SBB, "ptt-cursus-0"]


def test_a_deadline_in_5_days_comes_before_one_in_5_months_of_similar_value():
    soon, later = actie("a-soon", days=5, waarde=375), actie("b-later", days=150, waarde=400)
    assert [a.id for a in order([later, soon], PEIL)] == ["a-soon", "b-later"]


def test_unlocking_actions_first_most_money_first():
    unlocked = [Ontgrendeling(regeling="subsidie-praktijkleren", status="ja", schatting_eur=1)]
    small = actie("praktijkopleider-opleiden", waarde=100, ontgrendelt=unlocked)
    big = actie("iets-anders", waarde=900, ontgrendelt=unlocked)
    urgent = actie("z-urgent", days=1, waarde=5000)
    assert [a.id for a in order([urgent, small, big], PEIL)] == [
        "iets-anders", "praktijkopleider-opleiden", "z-urgent"]


def test_within_60_days_soonest_first_after_that_money_first():
    found = [actie("d30", days=30, waarde=5000), actie("d10", days=10, waarde=10),
             actie("d100", days=100, waarde=50), actie("d300", days=300, waarde=3000),
             actie("undated", waarde=None)]
    assert [a.id for a in order(found, PEIL)] == ["d10", "d30", "d300", "d100", "undated"]


# --- through the engine -------------------------------------------------------------------------

def test_recognition_comes_first_with_the_money_it_unlocks(run):
    profile = {"cao": "metaal-en-techniek", "erkend_leerbedrijf": False,
               "leerlingen": [BBL, {**BBL, "crebo": "25893"}]}
    advice = run(profile)
    first = advice.acties[0]
    assert first.id == SBB
    after = run({**profile, "erkend_leerbedrijf": True})
    praktijk_now = regeling(advice, "subsidie-praktijkleren")
    praktijk_after = regeling(after, "subsidie-praktijkleren")
    assert praktijk_now.status == "nee" and praktijk_after.status == "ja"
    unlocked = {u.regeling: u for u in first.ontgrendelt}
    assert unlocked["subsidie-praktijkleren"].schatting_eur == praktijk_after.schatting_eur
    assert praktijk_after.schatting_eur  # the rules' own sourced estimate, per learner per year
    sure = [regeling(after, u) for u in unlocked if unlocked[u].status == "ja"]
    assert first.waarde_eur == sum(r.schatting_eur or 0 for r in sure)
    for r in advice.regelingen:  # exactly what turns: nothing invented, nothing left out
        turned = r.status != "ja" and regeling(after, r.id).status != "nee" and (
            r.status == "nee" or regeling(after, r.id).status == "ja")
        assert (r.id in unlocked) == turned, r.id
    assert first.deadline == min(regeling(after, u).deadline for u in unlocked
                                 if unlocked[u].status == "ja" and regeling(after, u).deadline)
    assert (first.deadline, first.regeling) in {(d.datum, d.regeling) for d in advice.deadlines}
    assert "Subsidieregeling praktijkleren" in first.waarom


def test_recognition_before_a_375_euro_ptt_when_bbl_learners_wait(run):
    """In study year 2022/23 the PTT maximum of 2019/20 (€ 750, 50%) still gives an estimate."""
    peil = dt.date(2022, 10, 3)
    course = {"omschrijving": "TIG-lassen", "start": str(peil + dt.timedelta(days=8)),
              "kosten_eur": 750}
    advice = run({"peildatum": str(peil), "cao": "metaal-en-techniek",
                  "erkend_leerbedrijf": False,
                  "leerlingen": [{**BBL, "start": "2022-09-01", "eind": "2024-07-01",
                                  "praktijkovereenkomst": "2022-09-01"}],
                  "scholing_medewerkers": [course]})
    ids = [a.id for a in advice.acties]
    ptt = next(a for a in advice.acties if a.id == "ptt-cursus-0")
    assert ptt.waarde_eur == regeling(advice, "oom-ptt").schatting_eur == 375
    assert ids.index(SBB) == 0 < ids.index("ptt-cursus-0")


def test_two_courses_the_one_in_5_days_comes_first(run):
    peil = dt.date(2022, 10, 3)
    courses = [{"omschrijving": "Later", "start": str(peil + dt.timedelta(days=151)),
                "kosten_eur": 750},
               {"omschrijving": "Binnenkort", "start": str(peil + dt.timedelta(days=6)),
                "kosten_eur": 700}]
    advice = run({"peildatum": str(peil), "cao": "metaal-en-techniek",
                  "scholing_medewerkers": courses})
    ptt = [a for a in advice.acties if a.regeling == "oom-ptt"]
    assert [a.id for a in ptt] == ["ptt-cursus-1", "ptt-cursus-0"]
    assert ptt[0].deadline == peil + dt.timedelta(days=5)
    assert ptt[0].waarde_eur and ptt[1].waarde_eur and ptt[0].waarde_eur < ptt[1].waarde_eur


def test_a_trained_praktijkopleider_is_an_action_while_learners_are_supervised(run):
    advice = run({"erkend_leerbedrijf": True, "praktijkopleider_opgeleid": False,
                  "leerlingen": [BBL]})
    action = next(a for a in advice.acties if a.id == "praktijkopleider-opleiden")
    assert action.waar and "praktijkopleider" in action.waar
    assert "praktijkopleider" in action.waarom
    trained = run({"erkend_leerbedrijf": True, "praktijkopleider_opgeleid": True,
                   "leerlingen": [BBL]})
    assert "praktijkopleider-opleiden" not in [a.id for a in trained.acties]


def test_every_dated_action_is_in_the_deadlines(run):
    advice = run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": False,
                  "leerlingen": [BBL, {"leerweg": "bol", "start": "2026-04-06",
                                       "eind": "2026-06-26"}],
                  "scholing_medewerkers": [{"omschrijving": "TIG", "start": "2026-04-01"}]})
    listed = {(d.datum, d.regeling) for d in advice.deadlines}
    dated = [a for a in advice.acties if a.deadline]
    assert dated
    for action in dated:
        assert (action.deadline, action.regeling) in listed, action.id


@pytest.mark.parametrize("erkend", [False, None])
def test_no_sentence_of_an_unlocking_action_names_a_field(run, erkend):
    advice = run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": erkend,
                  "leerlingen": [BBL]})
    for action in advice.acties:
        for text in (action.wat, action.waarom):
            assert "_" not in text and "[" not in text, text


def test_the_advice_json_carries_what_an_action_unlocks(advies_api):
    advice = advies_api({"peildatum": "2026-03-15", "cao": "metaal-en-techniek",
                         "erkend_leerbedrijf": False, "leerlingen": [BBL]})
    first = advice["acties"][0]
    assert first["id"] == SBB
    assert {"regeling", "status", "schatting_eur", "deadline"} <= set(first["ontgrendelt"][0])
    assert all(a["ontgrendelt"] == [] for a in advice["acties"] if a["id"].startswith("ptt"))
    assert {r["status"] for r in advice["regelingen"]} <= {"ja", "misschien", "nee"}


def test_an_action_points_to_the_page_where_the_company_acts(run):
    """``waar`` is the sourced page where it is arranged (s-bb.nl, mijn.rvo.nl), marked
    ``aanvragen`` in content/; without one, the guide's own page of the regeling."""
    profile = {"cao": "metaal-en-techniek", "erkend_leerbedrijf": False, "leerlingen": [BBL]}
    recognition = run(profile).acties[0]
    assert recognition.id == SBB
    assert recognition.waar == "https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/"
    recognised = run({**profile, "erkend_leerbedrijf": True, "peildatum": "2026-06-10"})
    apply = next(a for a in recognised.acties if a.regeling == "subsidie-praktijkleren")
    assert apply.waar == "https://mijn.rvo.nl/praktijkleren"
    course = {"omschrijving": "TIG-lassen", "start": "2026-07-01", "kosten_eur": 750}
    ptt = next(a for a in run({**profile, "peildatum": "2026-06-10",
                               "scholing_medewerkers": [course]}).acties
               if a.id == "ptt-cursus-0")
    assert ptt.waar == "/regelingen/oom-ptt/"  # no sourced application page: the guide's page
