"""A company's stored deadlines, made from what the advice engine says — nothing computed here.

Subsidie Praktijkleren is one application per study year for all places: one company deadline
per study year, dated by the window in the engine's ``perioden``. The leerwerkbijdrage is applied
for during the training: one deadline per learner and study year, at the end of the training in
that year (the engine's study-year calendar). Every other deadline (PTT before a course, the
stage contribution after a start) is the engine's own, linked to the learner or course it was
asked for. Plain data in, plain data out: nothing here knows Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from onderwijsgids.advice.engine.rules.oom_bbl_vergoeding import ID as OOM_BBL
from onderwijsgids.advice.engine.rules.oom_ptt import ID as PTT
from onderwijsgids.advice.engine.rules.subsidie_praktijkleren import ID as PRAKTIJKLEREN
from onderwijsgids.advice.engine.studiejaar import Studiejaar

HANDLED_STATUSES = frozenset({"aangevraagd", "toegekend", "afgewezen"})
STAAT_WORDS = {"gepubliceerd": "", "verwacht": " (verwacht, nog niet gepubliceerd; controleer de bron)",
               "gesloten": "", "onbekend": ""}


@dataclass(frozen=True)
class LearnerData:
    id: int
    leerweg: str
    eind: dt.date


@dataclass(frozen=True)
class DeadlineSpec:
    key: str
    datum: dt.date
    wat: str
    regeling: str
    jaar: str = ""
    bron: str = ""
    learner_id: int | None = None
    training_id: int | None = None
    bbl_leerlingen: int = 0
    afgehandeld: bool = False


@dataclass(frozen=True)
class EngineResults:
    """The engine's advice per learner and per course alone, and for the whole company."""

    per_learner: dict[int, Any]  # learner id → Advice for that learner alone
    per_training: dict[int, Any]  # course id → Advice for that course alone
    company: Any  # Advice for the whole company


def regeling_of(advice: Any, regeling: str) -> Any | None:
    return next((r for r in advice.regelingen if r.id == regeling), None)


def _praktijkleren(learners: list[LearnerData], engine: EngineResults,
                   handled: set[tuple[str, str]], window_source: dict[str, str]) -> list[DeadlineSpec]:
    per_year: dict[str, list[tuple[LearnerData, Any]]] = {}
    for learner in learners:
        result = regeling_of(engine.per_learner[learner.id], PRAKTIJKLEREN)
        if result is None or result.status == "nee":
            continue
        for entry in result.perioden or []:
            if entry.venster and entry.venster.sluit and (entry.weken is None or entry.weken > 0):
                per_year.setdefault(entry.studiejaar, []).append((learner, entry))
    specs = []
    for year, entries in sorted(per_year.items()):
        _learner, first = entries[0]
        venster, count = first.venster, len(entries)
        specs.append(DeadlineSpec(
            key=f"{PRAKTIJKLEREN}:{year}", datum=venster.sluit,
            wat=f"Subsidie Praktijkleren aanvragen voor studiejaar {year} "
                f"({count} {'leerling' if count == 1 else 'leerlingen'})"
                + STAAT_WORDS[venster.staat],
            regeling=PRAKTIJKLEREN, jaar=year, bron=window_source.get(year, ""),
            bbl_leerlingen=sum(1 for learner, _ in entries if learner.leerweg == "bbl"),
            afgehandeld=(PRAKTIJKLEREN, year) in handled))
    return specs


def _oom_bbl(learners: list[LearnerData], engine: EngineResults,
             handled: set[tuple[str, str]]) -> list[DeadlineSpec]:
    specs = []
    for learner in learners:
        result = regeling_of(engine.per_learner[learner.id], OOM_BBL)
        if result is None or result.status == "nee":
            continue
        for entry in result.perioden or []:
            specs.append(DeadlineSpec(
                key=f"{OOM_BBL}:{entry.studiejaar}:{learner.id}",
                datum=min(learner.eind, Studiejaar.parse(entry.studiejaar).einde),
                wat=f"{result.titel} aanvragen tijdens de opleiding, studiejaar {entry.studiejaar}",
                regeling=OOM_BBL, jaar=entry.studiejaar, bron=result.bronnen[0] if result.bronnen
                else "", learner_id=learner.id,
                afgehandeld=(OOM_BBL, entry.studiejaar) in handled))
    return specs


def _from_engine(deadlines: Iterable[Any], handled: set[tuple[str, str]],
                 learner_id: int | None = None, training_id: int | None = None) -> list[DeadlineSpec]:
    """Deadlines the engine gave, linked to the learner or course they were asked for."""
    specs, seen = [], set()
    owner = f"leerling:{learner_id}" if learner_id else (
        f"scholing:{training_id}" if training_id else "bedrijf")
    for deadline in deadlines:
        key = f"{deadline.regeling}:{owner}:{deadline.datum.isoformat()}"
        if key in seen:
            continue
        seen.add(key)
        year = Studiejaar.of(deadline.datum).label
        specs.append(DeadlineSpec(key=key, datum=deadline.datum, wat=deadline.wat[:300],
                                  regeling=deadline.regeling, jaar=year, learner_id=learner_id,
                                  training_id=training_id,
                                  afgehandeld=(deadline.regeling, year) in handled))
    return specs


def company_deadlines(learners: list[LearnerData], engine: EngineResults,
                      applications: Iterable[tuple[str, str, str]],
                      window_source: dict[str, str]) -> list[DeadlineSpec]:
    """All deadlines of one company, earliest first. ``applications``: (regeling, jaar, status)."""
    handled = {(regeling, jaar) for regeling, jaar, status in applications
               if status in HANDLED_STATUSES}
    specs = _praktijkleren(learners, engine, handled, window_source) + _oom_bbl(
        learners, engine, handled)
    per_item = {PRAKTIJKLEREN, OOM_BBL}
    for learner in learners:
        mine = [d for d in engine.per_learner[learner.id].deadlines if d.regeling not in per_item]
        specs += _from_engine(mine, handled, learner_id=learner.id)
    per_item.update(d.regeling for advice in engine.per_learner.values() for d in advice.deadlines)
    for training_id, advice in engine.per_training.items():
        mine = [d for d in advice.deadlines if d.regeling == PTT]
        per_item.update(d.regeling for d in mine)
        specs += _from_engine(mine, handled, training_id=training_id)
    specs += _from_engine([d for d in engine.company.deadlines if d.regeling not in per_item],
                          handled)
    return sorted(specs, key=lambda s: (s.datum, s.key))
