"""A company's deadlines, derived from its learners, courses and applications.

Inputs are plain data; eligibility per learner comes from the advice engine (``eligible``),
dates and figures from content (:mod:`.rules`). Nothing here knows Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from .learning import study_year_of, year_figures
from .rules import OOM_BBL, PRAKTIJKLEREN, PTT, Rules

HANDLED_STATUSES = frozenset({"aangevraagd", "toegekend", "afgewezen"})


@dataclass(frozen=True)
class LearnerData:
    id: int
    leerweg: str
    start: dt.date
    eind: dt.date
    praktijkovereenkomst: dt.date | None = None


@dataclass(frozen=True)
class EngineDeadline:
    datum: dt.date
    wat: str
    regeling: str


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


def _praktijkleren(learners: Iterable[LearnerData], rules: Rules, eligible: dict[int, bool],
                   handled: set[tuple[str, str]]) -> list[DeadlineSpec]:
    info = rules.regelingen.get(PRAKTIJKLEREN)
    if rules.praktijkleren is None or info is None:
        return []
    per_year: dict[str, list] = {}
    for learner in learners:
        if not eligible.get(learner.id):
            continue
        for figures in year_figures(learner.leerweg, learner.start, learner.eind,
                                    learner.praktijkovereenkomst, rules.praktijkleren):
            if figures.window is not None and figures.weken > 0:
                per_year.setdefault(figures.jaar.label, []).append((learner, figures))
    specs = []
    for label, entries in sorted(per_year.items()):
        window = entries[0][1].window
        count = len(entries)
        expected = " (verwachte datum, controleer de bron)" if window.verwacht else ""
        specs.append(DeadlineSpec(
            key=f"{PRAKTIJKLEREN}:{label}", datum=window.tot,
            wat=f"{info.titel} aanvragen voor studiejaar {label} "
                f"({count} {'leerling' if count == 1 else 'leerlingen'}){expected}",
            regeling=PRAKTIJKLEREN, jaar=label, bron=window.bron or info.bron,
            bbl_leerlingen=sum(1 for learner, _ in entries if learner.leerweg == "bbl"),
            afgehandeld=(PRAKTIJKLEREN, label) in handled))
    return specs


def _oom_bbl(learners: Iterable[LearnerData], rules: Rules, eligible: dict[int, bool],
             handled: set[tuple[str, str]]) -> list[DeadlineSpec]:
    """OOM's contribution is applied for *during* the course (content: ``aanvragen: tijdens``)."""
    info = rules.regelingen.get(OOM_BBL)
    if info is None or info.aanvragen != "tijdens" or rules.praktijkleren is None:
        return []
    specs = []
    for learner in learners:
        if learner.leerweg != "bbl" or not eligible.get(learner.id):
            continue
        for figures in year_figures(learner.leerweg, learner.start, learner.eind,
                                    learner.praktijkovereenkomst, rules.praktijkleren):
            specs.append(DeadlineSpec(
                key=f"{OOM_BBL}:{figures.jaar.label}:{learner.id}",
                datum=min(learner.eind, figures.jaar.last),
                wat=f"{info.titel} aanvragen tijdens de opleiding, studiejaar {figures.jaar.label}",
                regeling=OOM_BBL, jaar=figures.jaar.label, bron=info.bron, learner_id=learner.id,
                afgehandeld=(OOM_BBL, figures.jaar.label) in handled))
    return specs


def _from_engine(deadlines: Iterable[EngineDeadline], handled: set[tuple[str, str]],
                 learner_id: int | None = None, training_id: int | None = None,
                 year_of=lambda day: str(day.year)) -> list[DeadlineSpec]:
    """Deadlines the advice engine gave, linked to the learner or course they were asked for."""
    specs, seen = [], set()
    owner = f"leerling:{learner_id}" if learner_id else (
        f"scholing:{training_id}" if training_id else "bedrijf")
    for deadline in deadlines:
        key = f"{deadline.regeling}:{owner}:{deadline.datum.isoformat()}"
        if key in seen:
            continue
        seen.add(key)
        year = year_of(deadline.datum)
        specs.append(DeadlineSpec(key=key, datum=deadline.datum, wat=deadline.wat[:300],
                                  regeling=deadline.regeling, jaar=year, learner_id=learner_id,
                                  training_id=training_id,
                                  afgehandeld=(deadline.regeling, year) in handled))
    return specs


@dataclass(frozen=True)
class EngineResults:
    """What the advice engine said: per learner, per course, and for the company as a whole."""

    eligible: dict[int, bool]  # learner id → Subsidie Praktijkleren possible (ja/misschien)
    per_learner: dict[int, list[EngineDeadline]]
    per_training: dict[int, list[EngineDeadline]]
    company: list[EngineDeadline]


def company_deadlines(learners: list[LearnerData], rules: Rules, engine: EngineResults,
                      applications: Iterable[tuple[str, str, str]]) -> list[DeadlineSpec]:
    """All deadlines of one company, earliest first. ``applications``: (regeling, jaar, status).

    Subsidie Praktijkleren is one application per study year for all places, so it becomes one
    company deadline per study year (with its window from content); the engine's per-learner and
    per-course deadlines (e.g. PTT before a course starts) keep their learner or course.
    """
    handled = {(regeling, jaar) for regeling, jaar, status in applications
               if status in HANDLED_STATUSES}
    study_year = _study_year_label(rules)
    specs = (_praktijkleren(learners, rules, engine.eligible, handled)
             + _oom_bbl(learners, rules, engine.eligible, handled))
    per_item = {PRAKTIJKLEREN}
    for learner_id, deadlines in engine.per_learner.items():
        mine = [d for d in deadlines if d.regeling != PRAKTIJKLEREN]
        per_item.update(d.regeling for d in mine)
        specs += _from_engine(mine, handled, learner_id=learner_id, year_of=study_year)
    for training_id, deadlines in engine.per_training.items():
        mine = [d for d in deadlines if d.regeling == PTT]
        per_item.update(d.regeling for d in mine)
        specs += _from_engine(mine, handled, training_id=training_id)
    specs += _from_engine([d for d in engine.company if d.regeling not in per_item], handled)
    return sorted(specs, key=lambda s: (s.datum, s.key))


def _study_year_label(rules: Rules):
    if rules.praktijkleren is None or rules.praktijkleren.year_start is None:
        return lambda day: str(day.year)
    start = rules.praktijkleren.year_start
    return lambda day: study_year_of(day, start).label
