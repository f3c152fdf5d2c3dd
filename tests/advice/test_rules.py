"""Unit tests per rule, with the edges the issue names. Figures come from content, not from here."""

from __future__ import annotations

import datetime as dt

import pytest

def regeling(advice, regeling_id):
    return next(r for r in advice.regelingen if r.id == regeling_id)


OOM = ["oom-bbl-vergoeding", "scholingspoolroute", "oom-promotie-stage-bijdrage", "oom-ptt",
       "oom-jobstart", "oom-zij-instroom", "oom-ontwikkelbudget"]
BBL = {"leerweg": "bbl", "crebo": "25892", "start": "2025-09-01", "eind": "2027-07-01",
       "via_bvm": False}


# --- cao: OOM applies under Metaal en Techniek only ---------------------------------------------

@pytest.mark.parametrize("regeling_id", OOM)
def test_metalektro_is_pointed_to_its_own_fund(run, regeling_id):
    advice = run({"cao": "metalektro", "leerlingen": [BBL], "doelen": ["medewerkers-scholen"]})
    result = regeling(advice, regeling_id)
    assert result.status == "nee"
    assert any("A+O Metalektro" in reason and "cao Metalektro" in reason
               for reason in result.waarom)
    assert "ao-metalektro" in advice.organisaties
    assert "oom" not in advice.organisaties


@pytest.mark.parametrize("regeling_id", OOM)
def test_unknown_cao_is_maybe_and_asks_for_cao(run, regeling_id):
    # Nothing else answered, so nothing rules the regeling out: misschien, asking for the cao.
    result = regeling(run({"cao": "onbekend"}), regeling_id)
    assert result.status == "misschien"
    assert "cao" in result.ontbreekt
    trace = next(t for t in result.spoor.voorwaarden if t.code == "cao-metaal-en-techniek")
    assert trace.uitkomst == "onbekend"


def test_other_cao_rules_out_oom(run):
    assert regeling(run({"cao": "andere", "scholing_medewerkers": [
        {"start": "2026-06-01"}]}), "oom-ptt").status == "nee"


# --- Subsidie Praktijkleren -----------------------------------------------------------------------

def test_praktijkleren_bol_does_not_count_bbl_does(run):
    bol = regeling(run({"erkend_leerbedrijf": True, "leerlingen": [{**BBL, "leerweg": "bol"}]}),
                   "subsidie-praktijkleren")
    bbl = regeling(run({"erkend_leerbedrijf": True, "leerlingen": [BBL]}), "subsidie-praktijkleren")
    assert bol.status == "nee" and any("bol" in r for r in bol.waarom)
    assert bbl.status == "ja"


def test_praktijkleren_mbo_needs_recognition(run):
    result = regeling(run({"erkend_leerbedrijf": False, "leerlingen": [BBL]}),
                      "subsidie-praktijkleren")
    assert result.status == "nee"
    assert any("erkend leerbedrijf" in r for r in result.waarom)
    unknown = regeling(run({"leerlingen": [BBL]}), "subsidie-praktijkleren")
    assert unknown.status == "misschien" and unknown.ontbreekt == ["erkend_leerbedrijf"]


def test_praktijkleren_hbo_without_recognition_qualifies(run):
    result = regeling(run({"erkend_leerbedrijf": False, "leerlingen": [
        {"leerweg": "hbo-duaal", "hbo_domein": "techniek", "start": "2025-09-01"}]}),
        "subsidie-praktijkleren")
    assert result.status == "ja"
    assert any(t.code == "hbo-geen-erkenning-nodig" and t.uitkomst == "voldaan"
               for t in result.spoor.voorwaarden)


def test_praktijkleren_published_window_gives_deadline_and_prorata_estimate(run):
    # Window 2024/25: 2 June – 17 September 2025 (hlb-nannen.nl). Supervised from Monday
    # 3 March 2025 to the end of the study year (Thursday 31 July): 22 calendar weeks with a
    # working day, of a full mbo year of 40 weeks, at most € 2.700: 2700 × 22 / 40 = 1485.
    learner = {**BBL, "start": "2025-03-03", "eind": "2026-07-01"}
    result = regeling(run({"peildatum": "2025-07-01", "erkend_leerbedrijf": True,
                           "leerlingen": [learner]}), "subsidie-praktijkleren")
    assert result.deadline == dt.date(2025, 9, 17)
    assert result.schatting_eur == 1485
    first = result.perioden[0]
    assert (first.studiejaar, first.weken, first.schatting_eur) == ("2024/25", 22, 1485)
    assert (first.venster.open, first.venster.sluit, first.venster.staat) == (
        dt.date(2025, 6, 2), dt.date(2025, 9, 17), "gepubliceerd")
    assert any("Indicatief" in r and "2024/25" in r for r in result.waarom)


def test_praktijkleren_window_2026_is_published_and_17_september_is_inclusive(run):
    # "in 2026 geopend van 2 juni tot en met 17 september" (ondernemersklankbord.nl).
    for day in ("2026-03-15", "2026-09-17"):
        result = regeling(run({"peildatum": day, "erkend_leerbedrijf": True,
                               "leerlingen": [BBL]}), "subsidie-praktijkleren")
        assert result.status == "ja" and result.deadline == dt.date(2026, 9, 17), day
        year = next(p for p in result.perioden if p.studiejaar == "2025/26")
        assert year.venster.staat == "gepubliceerd" and year.weken == 40


def test_praktijkleren_after_17_september_moves_to_the_expected_next_window(run):
    result = regeling(run({"peildatum": "2026-09-18", "erkend_leerbedrijf": True,
                           "leerlingen": [BBL]}), "subsidie-praktijkleren")
    closed = next(p for p in result.perioden if p.studiejaar == "2025/26")
    coming = next(p for p in result.perioden if p.studiejaar == "2026/27")
    assert closed.venster.staat == "gesloten" and coming.venster.staat == "verwacht"
    assert result.status == "ja" and result.deadline == dt.date(2027, 9, 17)
    text = " ".join(result.waarom)
    assert "nog niet gepubliceerd" in text and "verwacht" in text


def test_praktijkleren_every_window_closed_is_no(run):
    result = regeling(run({"erkend_leerbedrijf": True, "leerlingen": [
        {**BBL, "start": "2022-09-01", "eind": "2023-07-01"}]}), "subsidie-praktijkleren")
    assert result.status == "nee" and result.deadline is None
    assert any("voorbij" in r for r in result.waarom)
    assert [p.venster.staat for p in result.perioden] == ["gesloten"]


def test_praktijkleren_hbo_estimate_is_the_expected_hbo_amount(run):
    # Expected for a full hbo year 2024/25: € 600–650 (hlb-nannen.nl), below the € 2.700 cap;
    # a full hbo year is 42 weeks.
    result = regeling(run({"erkend_leerbedrijf": False, "leerlingen": [
        {"leerweg": "hbo-deeltijd", "hbo_domein": "zorg", "start": "2025-08-04"}]}),
        "subsidie-praktijkleren")
    year = next(p for p in result.perioden if p.studiejaar == "2025/26")
    assert (year.weken, year.schatting_eur) == (42, 650)


def test_praktijkleren_vmbo_only_as_leerwerktraject(run):
    def status(traject):
        return regeling(run({"leerlingen": [{"leerweg": "vmbo", "start": "2025-09-01",
                                             "leerwerktraject": traject}]}),
                        "subsidie-praktijkleren").status
    assert (status(True), status(None), status(False)) == ("ja", "misschien", "nee")


def test_a_crebo_outside_the_guide_is_accepted_and_named(run):
    result = regeling(run({"erkend_leerbedrijf": True, "leerlingen": [
        {**BBL, "crebo": "25180"}]}), "subsidie-praktijkleren")
    assert result.status == "ja"
    assert any(r.startswith("Let op") and "kiesmbo.nl" in r and "25180" in r
               for r in result.waarom)


def test_praktijkleren_no_learners_is_no_unknown_learners_is_maybe(run):
    assert regeling(run({"leerlingen": []}), "subsidie-praktijkleren").status == "nee"
    maybe = regeling(run({}), "subsidie-praktijkleren")
    assert maybe.status == "misschien" and "leerlingen" in maybe.ontbreekt


# --- PTT: request before the course starts --------------------------------------------------------

def test_ptt_course_starting_on_the_peildatum_is_too_late(run):
    result = regeling(run({"cao": "metaal-en-techniek", "scholing_medewerkers": [
        {"omschrijving": "Lassen", "start": "2026-03-15"}]}), "oom-ptt")
    assert result.status == "nee"
    assert any("begint vandaag" in r and "vóór de start" in r for r in result.waarom)


def test_ptt_course_tomorrow_has_deadline_today(run):
    result = regeling(run({"cao": "metaal-en-techniek", "scholing_medewerkers": [
        {"omschrijving": "Lassen", "start": "2026-03-16"}]}), "oom-ptt")
    assert result.status == "ja" and result.deadline == dt.date(2026, 3, 15)


def test_ptt_started_course_already_requested_is_fine(run):
    result = regeling(run({"cao": "metaal-en-techniek", "scholing_medewerkers": [
        {"start": "2026-01-10", "aangevraagd": ["oom-ptt"]}]}), "oom-ptt")
    assert result.status == "ja"


def test_ptt_estimate_uses_percentage_and_cap(run, param):
    """While the yearly maximum (of 2019) is at most three study years old."""
    share = param("oom-ptt", "vergoedingspercentage").number()
    cap = param("oom-ptt", "maximum-per-jaar").number()
    result = regeling(run({"cao": "metaal-en-techniek", "peildatum": "2021-03-15",
                           "scholing_medewerkers": [
        {"start": "2021-05-03", "kosten_eur": 400}, {"start": "2021-06-01", "kosten_eur": 9000}]}),
        "oom-ptt")
    assert result.schatting_eur == int(min(400 * share / 100, cap) + min(9000 * share / 100, cap))


def test_ptt_old_maximum_gives_no_estimate_and_names_its_year(run):
    result = regeling(run({"cao": "metaal-en-techniek", "peildatum": "2026-03-15",
                           "scholing_medewerkers": [{"start": "2026-05-01", "kosten_eur": 400}]}),
                      "oom-ptt")
    assert result.status == "ja" and result.schatting_eur is None
    assert any("2019" in reason and "controleer" in reason for reason in result.waarom)


# --- SLIM: fewer than 250 employees ---------------------------------------------------------------

@pytest.mark.parametrize("count,status", [(249, "ja"), (250, "nee"), (251, "nee")])
def test_slim_mkb_boundary(run, count, status):
    result = regeling(run({"medewerkers": count, "doelen": ["medewerkers-scholen"]}),
                      "slim-regeling")
    assert result.status == status


def test_slim_unknown_size_is_maybe(run):
    result = regeling(run({"doelen": ["medewerkers-scholen"]}), "slim-regeling")
    assert result.status == "misschien" and result.ontbreekt == ["medewerkers"]


# --- stage, jobstart, zij-instroom, scholingspoolroute, leerwerkbijdrage, ontwikkelbudget ---------

def test_stage_deadline_is_months_after_start(run, param):
    months = int(param("oom-promotie-stage-bijdrage", "aanvraagtermijn-maanden-na-start").number())
    result = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True, "leerlingen": [
        {"leerweg": "bol", "start": "2026-02-02", "eind": "2026-06-26"}]}),
        "oom-promotie-stage-bijdrage")
    assert result.status == "ja"
    assert result.deadline == dt.date(2026, 2 + months, 2)


def test_stage_term_passed_is_no(run):
    result = regeling(run({"cao": "metaal-en-techniek", "leerlingen": [
        {"leerweg": "bol", "start": "2025-01-06"}]}), "oom-promotie-stage-bijdrage")
    assert result.status == "nee" and any("liep af" in r for r in result.waarom)


def test_jobstart_needs_distance_to_labour_market(run):
    yes = regeling(run({"cao": "metaal-en-techniek", "doelgroepen": ["afstand-tot-arbeidsmarkt"],
                        "nieuwe_medewerkers": []}), "oom-jobstart")
    no = regeling(run({"cao": "metaal-en-techniek", "doelgroepen": ["vrouwen"]}), "oom-jobstart")
    assert yes.status == "ja" and no.status == "nee"
    assert any(t.uitkomst == "zelf-regelen" and t.code == "contract-zes-maanden-19-uur"
               for t in yes.spoor.voorwaarden)


def test_jobstart_without_new_staff_asks_for_them(run):
    result = regeling(run({"cao": "metaal-en-techniek",
                           "doelgroepen": ["afstand-tot-arbeidsmarkt"]}), "oom-jobstart")
    assert result.status == "misschien" and result.ontbreekt == ["nieuwe_medewerkers"]


def test_zij_instroom_from_goal_or_target_group(run):
    assert regeling(run({"cao": "metaal-en-techniek", "doelen": ["zij-instromers"]}),
                    "oom-zij-instroom").status == "ja"
    assert regeling(run({"cao": "metaal-en-techniek", "doelen": [], "doelgroepen": []}),
                    "oom-zij-instroom").status == "nee"


def test_scholingspoolroute_needs_bbl_via_bvm(run):
    via = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
                        "leerlingen": [{**BBL, "via_bvm": True}]}), "scholingspoolroute")
    not_via = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
                            "leerlingen": [BBL]}), "scholingspoolroute")
    unknown = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
                            "leerlingen": [{**BBL, "via_bvm": None}]}), "scholingspoolroute")
    assert (via.status, not_via.status, unknown.status) == ("ja", "nee", "misschien")
    assert unknown.ontbreekt == ["leerlingen[0].via_bvm"]


def test_leerwerkbijdrage_only_during_the_training(run):
    # "Er kan gedurende de opleidingsperiode van de leerling een bijdrage worden aangevraagd"
    left = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True, "leerlingen": [
        {**BBL, "start": "2024-09-01", "eind": "2025-12-31"}]}), "oom-bbl-vergoeding")
    running = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
                            "leerlingen": [BBL]}), "oom-bbl-vergoeding")
    assert left.status == "nee" and running.status == "ja"
    assert [p.studiejaar for p in running.perioden] == ["2025/26", "2026/27"]
    assert all(p.venster is None for p in running.perioden)


def test_leerwerkbijdrage_bol_is_not_employed(run):
    result = regeling(run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
                           "leerlingen": [{"leerweg": "bol"}]}), "oom-bbl-vergoeding")
    assert result.status == "nee" and result.schatting_eur is None


def test_ontwikkelbudget_estimate_is_the_sourced_maximum(run, param):
    result = regeling(run({"cao": "metaal-en-techniek", "doelen": ["medewerkers-scholen"]}),
                      "oom-ontwikkelbudget")
    assert result.schatting_eur == int(param("oom-ontwikkelbudget",
                                             "maximum-per-kalenderjaar").number())


# --- the plan -------------------------------------------------------------------------------------

def test_plan_asks_for_recognition_and_trainer_course(run):
    advice = run({"erkend_leerbedrijf": False, "praktijkopleider_opgeleid": False,
                  "leerlingen": [BBL], "doelen": []})
    first_two = {p.id for p in advice.actiepunten[:2]}
    assert first_two == {"actiepunt-3", "actiepunt-4"}
    steps = " ".join(s for p in advice.actiepunten for s in p.stappen)
    assert "SBB" in steps and "praktijkopleiderscursus" in steps
    assert "sbb" in advice.organisaties and advice.kwalificaties[0] == "25892"


def test_plan_names_bedrijfsvakschool_in_province(run, kb):
    bvm = [o.id for o in kb.of_type("organisatie")
           if getattr(o, "soort", "") == "bedrijfsvakschool" and o.provincie == "overijssel"]
    advice = run({"provincie": "overijssel", "doelen": ["bbl-leerlingen"]})
    assert bvm and all(b in advice.organisaties for b in bvm)


def test_plan_priorities_are_consecutive(run):
    advice = run({"doelen": ["werven", "zichtbaarheid"], "doelgroepen": ["vrouwen"]})
    assert [p.prioriteit for p in advice.actiepunten] == list(range(1, len(advice.actiepunten) + 1))


def test_every_regeling_once_and_deadlines_sorted(run, kb):
    advice = run({"cao": "metaal-en-techniek", "leerlingen": [BBL, {"leerweg": "bol",
                  "start": "2026-02-01"}], "scholing_medewerkers": [{"start": "2026-04-01"}]})
    ids = [r.id for r in advice.regelingen]
    assert sorted(ids) == sorted(r.id for r in kb.of_type("regeling"))
    dates = [d.datum for d in advice.deadlines]
    assert dates == sorted(dates) and all(d >= dt.date(2026, 3, 15) for d in dates)


# --- a figure missing from content: the rule says so, it does not crash -------------------------

MAXIMA = {"maximum-per-plaats", "maximum-stagiairs-per-bedrijf", "maximum-leerlingen-per-bedrijf",
          "weken-volledig-jaar-mbo", "weken-volledig-jaar-hbo"}


def test_missing_maxima_change_no_status_and_leave_no_estimate_without_basis(kb):
    import dataclasses

    from onderwijsgids.advice.engine import advise, parse_profile

    items = {item_id: item.model_copy(update={"parameters": [
        p for p in item.parameters if p.naam not in MAXIMA]})
        if getattr(item, "type", "") == "regeling" else item for item_id, item in kb.items.items()}
    bare = dataclasses.replace(kb, items=items)
    data = {"peildatum": "2026-03-15", "cao": "metaal-en-techniek", "erkend_leerbedrijf": True,
            "leerlingen": [BBL, {**BBL, "leerweg": "bol"}, {**BBL, "leerweg": "hbo-duaal"}]}
    full = advise(parse_profile(data, kb), kb)
    without = advise(parse_profile(data, bare), bare)
    assert {(r.id, r.status) for r in without.regelingen} == \
        {(r.id, r.status) for r in full.regelingen}
    praktijk = regeling(without, "subsidie-praktijkleren")
    assert praktijk.schatting_eur is None
    assert praktijk.status != "nee"
    assert any("geen bruikbaar bedrag" in reason for reason in praktijk.waarom)


def test_metalektro_plan_points_to_a_en_o_where_the_guide_names_oom(run):
    advice = run({"cao": "metalektro", "doelen": ["medewerkers-scholen", "werven"]})
    for point in advice.actiepunten:
        if any("OOM" in step for step in point.stappen[1:]):
            assert "A+O Metalektro" in point.stappen[0], point.id
    other = run({"cao": "metaal-en-techniek", "doelen": ["medewerkers-scholen"]})
    assert not any("A+O" in step for point in other.actiepunten for step in point.stappen)


def test_acties_sbb_first_and_every_dated_action_in_deadlines(run):
    advice = run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": False,
                  "leerlingen": [BBL, {"leerweg": "bol", "start": "2026-04-06",
                                       "eind": "2026-06-26"}],
                  "scholing_medewerkers": [{"omschrijving": "TIG-lassen", "start": "2026-04-01"}]})
    ids = [a.id for a in advice.acties]
    assert ids[0] == "sbb-erkenning" and "ptt-cursus-0" in ids
    assert "Subsidieregeling praktijkleren (indicatief €" in advice.acties[0].waarom
    listed = {(d.datum, d.regeling) for d in advice.deadlines}
    for action in advice.acties:
        if action.deadline:
            assert (action.deadline, action.regeling) in listed, action.id
    recognised = run({"cao": "metaal-en-techniek", "erkend_leerbedrijf": True, "leerlingen": [BBL]})
    assert "sbb-erkenning" not in [a.id for a in recognised.acties]
