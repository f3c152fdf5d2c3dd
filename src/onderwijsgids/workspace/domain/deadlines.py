"""A company's deadlines, derived from its learners, courses and applications.

Inputs are plain data; eligibility per learner comes from the advice engine (``eligible``),
dates and figures from content (:mod:`.rules`). Nothing here knows Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from .learning import year_figures
from .rules import OOM_BBL, PRAKTIJKLEREN, PTT, Rules

HANDLED_STATUSES = frozenset({"aangevraagd", "toegekend", "afgewezen"})
PER_ITEM_REGELINGEN = frozenset({PRAKTIJKLEREN, OOM_BBL, PTT})


@dataclass(frozen=True)
class LearnerData:
    id: int
    leerweg: str
    start: dt.date
    eind: dt.date
    praktijkovereenkomst: dt.date | None = None


@dataclass(frozen=True)
class TrainingData:
    id: int
    omschrijving: str
    start: dt.date
    aangevraagd: tuple[str, ...] = ()


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


def _ptt(trainings: Iterable[TrainingData], rules: Rules) -> list[DeadlineSpec]:
    """PTT must be requested before the course starts (content: ``aanvragen: vooraf``)."""
    info = rules.regelingen.get(PTT)
    if info is None or info.aanvragen != "vooraf":
        return []
    return [DeadlineSpec(
        key=f"{PTT}:scholing:{training.id}", datum=training.start - dt.timedelta(days=1),
        wat=f"{info.titel} aanvragen vóór de start van '{training.omschrijving}'",
        regeling=PTT, jaar=str(training.start.year), bron=info.bron, training_id=training.id,
        afgehandeld=PTT in training.aangevraagd) for training in trainings]


def _from_engine(deadlines: Iterable[EngineDeadline], handled: set[tuple[str, str]]
                 ) -> list[DeadlineSpec]:
    specs, seen = [], set()
    for deadline in deadlines:
        if deadline.regeling in PER_ITEM_REGELINGEN:
            continue
        key = f"advies:{deadline.regeling}:{deadline.datum.isoformat()}"
        if key in seen:
            continue
        seen.add(key)
        year = str(deadline.datum.year)
        specs.append(DeadlineSpec(key=key, datum=deadline.datum, wat=deadline.wat[:300],
                                  regeling=deadline.regeling, jaar=year,
                                  afgehandeld=(deadline.regeling, year) in handled))
    return specs


def company_deadlines(learners: list[LearnerData], trainings: list[TrainingData], rules: Rules,
                      eligible: dict[int, bool], engine: Iterable[EngineDeadline],
                      applications: Iterable[tuple[str, str, str]]) -> list[DeadlineSpec]:
    """All deadlines of one company, earliest first. ``applications``: (regeling, jaar, status)."""
    handled = {(regeling, jaar) for regeling, jaar, status in applications
               if status in HANDLED_STATUSES}
    specs = (_praktijkleren(learners, rules, eligible, handled)
             + _oom_bbl(learners, rules, eligible, handled)
             + _ptt(trainings, rules) + _from_engine(engine, handled))
    return sorted(specs, key=lambda s: (s.datum, s.key))
