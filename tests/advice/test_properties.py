"""Property tests over random valid profiles (hypothesis)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onderwijsgids.advice.engine import Advice, advise, parse_profile
from onderwijsgids.vocabulary import (
    CAO_VALUES, GOALS, LEARNING_PATHS, PROVINCES, TARGET_GROUPS, field_words,
)

CREBOS = ["25891", "25892", "25893", "25894", "25895", "25896", "25897", "25919", "25920"]
REGELINGEN = ["subsidie-praktijkleren", "oom-ptt", "oom-jobstart"]
dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2028, 12, 31))
# Text as a profile allows it: one line, no NUL (onderwijsgids.bounded).
ONE_LINE = st.characters(codec="utf-8", exclude_characters="\r\n\x00")


def maybe(strategy):
    return st.one_of(st.none(), strategy)


ANY_CAO = st.sampled_from(CAO_VALUES)


def profile_dicts(dates, caos=ANY_CAO):
    """Profiles in contract §2 form, with learner and course dates drawn from ``dates``."""

    @st.composite
    def learners(draw):
        start = draw(maybe(dates))
        end = draw(maybe(dates))
        if start and end and end < start:
            start, end = end, start
        return {"leerweg": draw(maybe(st.sampled_from(LEARNING_PATHS))),
                "crebo": draw(maybe(st.sampled_from(CREBOS))),
                "start": start and start.isoformat(), "eind": end and end.isoformat(),
                "via_bvm": draw(maybe(st.booleans()))}

    courses = st.fixed_dictionaries({
        "omschrijving": maybe(st.text(ONE_LINE, min_size=1, max_size=30)),
        "start": maybe(dates.map(dt.date.isoformat)),
        "aangevraagd": st.lists(st.sampled_from(REGELINGEN), unique=True, max_size=2),
        "kosten_eur": maybe(st.integers(min_value=0, max_value=50_000)),
    })
    return st.fixed_dictionaries({}, optional={
        "naam": st.text(ONE_LINE, max_size=40),
        "peildatum": dates.map(dt.date.isoformat),
        "cao": maybe(caos),
        "medewerkers": maybe(st.integers(min_value=0, max_value=2000)),
        "provincie": maybe(st.sampled_from(PROVINCES)),
        "plaats": maybe(st.text(ONE_LINE, max_size=30)),
        "erkend_leerbedrijf": maybe(st.booleans()),
        "praktijkopleider_opgeleid": maybe(st.booleans()),
        "leerlingen": maybe(st.lists(learners(), max_size=4)),
        "scholing_medewerkers": maybe(st.lists(courses, max_size=3)),
        "doelen": maybe(st.lists(st.sampled_from(GOALS), unique=True)),
        "doelgroepen": maybe(st.lists(st.sampled_from(TARGET_GROUPS), unique=True)),
    })


profiles = profile_dicts(dates)


def value_at(data: dict[str, Any], path: str) -> Any:
    """``leerlingen[0].start`` in the profile as understood (missing → None)."""
    current: Any = data
    for name, index in re.findall(r"([a-z_]+)|\[(\d+)\]", path):
        if current is None:
            return None
        current = current.get(name) if name else (
            current[int(index)] if int(index) < len(current) else None)
    return current


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(profiles)
def test_every_regeling_once_and_deterministic(kb, data):
    profile = parse_profile(data, kb)
    first = advise(profile, kb, today=dt.date(2026, 3, 15))
    second = advise(profile, kb, today=dt.date(2026, 3, 15))
    assert first.model_dump_json() == second.model_dump_json()
    # The engine builds its output without re-validating: it must still match the schema.
    assert Advice.model_validate_json(first.model_dump_json()).model_dump_json() == \
        first.model_dump_json()
    ids = [r.id for r in first.regelingen]
    assert sorted(ids) == sorted(item.id for item in kb.of_type("regeling"))
    assert len(ids) == len(set(ids))


@SETTINGS
@given(profiles)
def test_yes_never_rests_on_a_missing_answer(kb, data):
    advice = advise(parse_profile(data, kb), kb, today=dt.date(2026, 3, 15))
    understood = advice.profiel
    for result in advice.regelingen:
        assert result.waarom, f"{result.id} zonder uitleg"
        if result.status == "ja":
            for check in result.spoor.voorwaarden:
                assert check.uitkomst != "onbekend", (result.id, check)
                if check.uitkomst == "voldaan":
                    assert any(value_at(understood, f) is not None for f in check.velden) \
                        or not check.velden, (result.id, check)
        if result.status == "misschien":
            for field in result.ontbreekt:
                assert value_at(understood, field) in (None, "onbekend"), (result.id, field)
        else:
            assert result.ontbreekt == []


@SETTINGS
@given(profiles)
def test_plan_lists_are_well_formed(kb, data):
    advice = advise(parse_profile(data, kb), kb, today=dt.date(2026, 3, 15))
    assert [p.prioriteit for p in advice.actiepunten] == list(range(1, len(advice.actiepunten) + 1))
    assert len(set(advice.organisaties)) == len(advice.organisaties)
    assert all(o in kb.items for o in advice.organisaties)
    assert all(k in kb.items for k in advice.kwalificaties)
    peildatum = dt.date.fromisoformat(advice.profiel["peildatum"])
    dates_ = [d.datum for d in advice.deadlines]
    assert dates_ == sorted(dates_) and all(d >= peildatum for d in dates_)


def without_trace(document: dict[str, Any]) -> dict[str, Any]:
    return {**document, "regelingen": [{k: v for k, v in r.items() if k != "spoor"}
                                       for r in document["regelingen"]]}


@SETTINGS
@given(profiles, st.booleans())
def test_advice_without_trace_is_the_advice_minus_its_trace(kb, data, lean_first):
    """``spoor=False`` leaves only the trace out, whichever of the two the caches saw first."""
    profile = parse_profile(data, kb)
    today = dt.date(2026, 3, 15)
    if lean_first:
        lean = advise(profile, kb, today, spoor=False).model_dump(mode="json")
        full = advise(profile, kb, today).model_dump(mode="json")
    else:
        full = advise(profile, kb, today).model_dump(mode="json")
        lean = advise(profile, kb, today, spoor=False).model_dump(mode="json")
    assert all("spoor" in r for r in full["regelingen"])
    assert all("spoor" not in r for r in lean["regelingen"])
    assert lean == without_trace(full)
    assert advise(profile, kb, today, spoor=False).model_dump(mode="json") == lean


# Field names, slugs and Python values that must never reach a sentence an owner reads.
FORBIDDEN = re.compile(
    r"antwoord '|leerlingen\[|scholing_medewerkers|nieuwe_medewerkers|erkend_leerbedrijf|"
    r"praktijkopleider_opgeleid|hbo_domein|\bvia_bvm\b|kosten_eur|\bdoelen\b '|"
    r"\bNone\b|\bTrue\b|\bFalse\b|[a-z]+_[a-z]+|"
    + "|".join(re.escape(f"'{v}'") for v in (*GOALS, *TARGET_GROUPS, *CAO_VALUES, *PROVINCES))
    + "|" + "|".join(rf"\b{re.escape(v)}\b" for v in
                     ("noord-holland", "zuid-holland", "noord-brabant", "metaal-en-techniek",
                      "havo-vwo",
                      "medewerkers-scholen", "afstand-tot-arbeidsmarkt", "andere-vooropleiding",
                      "gedrag-maatschappij", "subsidie-praktijkleren", "oom-bbl-vergoeding")))

rich_learners = st.fixed_dictionaries({}, optional={
    "leerweg": maybe(st.sampled_from(LEARNING_PATHS)),
    "crebo": maybe(st.sampled_from([*CREBOS, "12345", "90210"])),
    "start": maybe(dates.map(dt.date.isoformat)),
    "via_bvm": maybe(st.booleans()),
    "praktijkovereenkomst": maybe(dates.map(dt.date.isoformat)),
    "aangevraagd": st.lists(st.sampled_from(["subsidie-praktijkleren", "oom-bbl-vergoeding"]),
                            unique=True, max_size=2),
    "hbo_domein": maybe(st.sampled_from(["techniek", "landbouw", "zorg", "gedrag-maatschappij",
                                         "ander"])),
    "leerwerktraject": maybe(st.booleans()),
})


def user_sentences(advice: Advice) -> list[str]:
    """Everything an owner reads: reasons, steps, deadlines."""
    found = [d.wat for d in advice.deadlines]
    for point in advice.actiepunten:
        found += point.waarom + point.stappen
    for result in advice.regelingen:
        found += result.waarom
    return found


@settings(SETTINGS, max_examples=300)
@given(profiles, st.lists(rich_learners, max_size=3))
def test_no_sentence_an_owner_reads_names_a_field_or_slug(kb, data, learners):
    if learners:
        data = {**data, "leerlingen": learners}
    advice = advise(parse_profile(data, kb), kb, today=dt.date(2026, 3, 15))
    for result in advice.regelingen:  # what is still needed is shown in words too
        assert all(field_words(f) != "een antwoord" for f in result.ontbreekt), result.ontbreekt
    typed = [t["omschrijving"] for t in data.get("scholing_medewerkers") or []
             if t.get("omschrijving")]  # the owner's own words may look like anything
    for sentence in user_sentences(advice):
        text = re.sub(r"https?://\S+|\(bron: [^)]*\)", "", sentence)  # addresses may hold slugs
        for words in typed:
            text = text.replace(words, "")
        match = FORBIDDEN.search(text)
        assert match is None, (match.group(0), sentence)


@settings(SETTINGS, max_examples=300)
@given(profiles, st.lists(rich_learners, max_size=3))
def test_perioden_follow_the_week_and_window_rules(kb, data, learners):
    """Weeks within a full year (40 mbo/vmbo, 42 hbo); a study year whose window has closed
    never carries the regeling's deadline; with every window closed there is no ``ja``."""
    if learners:
        data = {**data, "leerlingen": learners}
    advice = advise(parse_profile(data, kb), kb, today=dt.date(2026, 3, 15))
    result = next(r for r in advice.regelingen if r.id == "subsidie-praktijkleren")
    leerlingen = advice.profiel["leerlingen"] or []
    peildatum = dt.date.fromisoformat(advice.profiel["peildatum"])
    for entry in result.perioden or []:
        cap = 42 if leerlingen[entry.leerling]["leerweg"].startswith("hbo") else 40
        assert entry.weken is None or 0 <= entry.weken <= cap
        assert entry.venster is not None and entry.venster.staat in (
            "gepubliceerd", "verwacht", "gesloten", "onbekend")
        if entry.venster.staat == "gesloten" and entry.venster.sluit:
            assert entry.venster.sluit < peildatum
    counted = [e for e in result.perioden or [] if e.weken]
    if counted and all(e.venster.staat == "gesloten" for e in counted):
        assert result.status == "nee"
    oom = next(r for r in advice.regelingen if r.id == "oom-bbl-vergoeding")
    assert all(e.venster is None for e in oom.perioden or [])
    for other in advice.regelingen:
        if other.id not in ("subsidie-praktijkleren", "oom-bbl-vergoeding"):
            assert other.perioden is None


def varied_profile(rng, n: int) -> dict[str, Any]:
    """A profile from small pools of answers, so that many profiles share what a rule reads
    while differing in what it does not read."""
    def day() -> str:
        return rng.choice(["2025-06-01", "2025-09-01", "2026-01-31", "2026-03-15", "2026-03-16",
                           "2026-06-30", "2026-09-17", "2026-09-18", "2026-12-31"])

    def learner() -> dict[str, Any]:
        start = rng.choice([None, day()])
        weeks = rng.choice([None, 6, 20, 60])
        end = (dt.date.fromisoformat(start) + dt.timedelta(weeks=weeks)).isoformat() \
            if start and weeks else None
        return {"leerweg": rng.choice([None, *LEARNING_PATHS]),
                "crebo": rng.choice([None, *CREBOS[:3], "12345"]), "start": start, "eind": end,
                "via_bvm": rng.choice([None, True, False]),
                "hbo_domein": rng.choice([None, "techniek", "ander"]),
                "leerwerktraject": rng.choice([None, True, False])}

    return {"naam": f"Bedrijf {n}", "cao": rng.choice([None, "metaal-en-techniek", *CAO_VALUES]),
            "medewerkers": rng.choice([None, 12, 249, 250]),
            "provincie": rng.choice([None, "gelderland", "utrecht"]),
            "erkend_leerbedrijf": rng.choice([None, True, False]),
            "praktijkopleider_opgeleid": rng.choice([None, True, False]),
            "leerlingen": rng.choice([None, []] + [[learner() for _ in range(k)] for k in (1, 2)]),
            "scholing_medewerkers": rng.choice([None, [], [{
                "omschrijving": rng.choice([None, "VCA"]), "start": day(),
                "aangevraagd": rng.choice([[], ["oom-ptt"]]),
                "kosten_eur": rng.choice([None, 800])}]]),
            "doelen": rng.choice([None, rng.sample(GOALS, rng.randint(0, 3))]),
            "doelgroepen": rng.choice([None, rng.sample(TARGET_GROUPS, rng.randint(0, 2))])}


def test_the_memo_gives_what_a_fresh_evaluation_gives(kb):
    """Advices that reuse the engine's memo (as in ``--batch``) equal advices worked out from
    scratch, for 1,500 profiles that often agree on what a rule reads."""
    import random

    from onderwijsgids.advice.engine.compiled import compiled

    rng = random.Random(20261201)
    today = dt.date(2026, 3, 15)
    parsed = [parse_profile(varied_profile(rng, n), kb) for n in range(1500)]
    shared = [advise(p, kb, today, spoor=spoor).model_dump_json()
              for p in parsed for spoor in (False, True)]
    assert compiled(kb).memo.size < len(shared) * len(compiled(kb).regelingen) / 2  # reused
    fresh = []
    for p in parsed:
        for spoor in (False, True):
            compiled(kb).memo.roots.clear()
            fresh.append(advise(p, kb, today, spoor=spoor).model_dump_json())
    assert shared == fresh
