"""OOM stagebijdrage (and contribution for promotion activities) for interns at every level.

Source: content/regelingen/oom-promotie-stage-bijdrage.yaml. Per intern a contribution per
week, up to a maximum of weeks, up to a maximum of interns per company; apply within a number of
months after the start of the internship.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..compiled import Param
from ..deadlines import add_months
from ..evaluation import Evaluation, cap, eur, nl_date, param_text
from ..profile import Leerling, Profile
from .common import CAO_CASES, Condition, judge_each, learner_label, learner_name, oom_cao
from .inputs import each

ID = "oom-promotie-stage-bijdrage"
INTERNS = {"bol", "hbo-voltijd", "vmbo", "havo-vwo"}
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, each("leerlingen", "leerweg", "crebo", extra=("start", "eind"),
                        when=("leerweg", INTERNS)))
STAGE = "stagiair"
TERM = "aanvraagtermijn"
MONTHS = "aanvraagtermijn-maanden-na-start"


def check_learner(ev: Evaluation, index: int, learner: Leerling) -> Sequence[Condition]:
    if learner.leerweg not in INTERNS:  # no intern: the dates do not matter
        return _learner_conditions(index, learner.leerweg, learner.crebo, None, None,
                                   ev.peildatum)
    return _learner_conditions(index, learner.leerweg, learner.crebo, learner.start,
                               ev.param(MONTHS), ev.peildatum)


@lru_cache(maxsize=16_384)  # interns' start dates make many combinations
def _learner_conditions(index: int, leerweg: str | None, crebo: str | None,
                        start: dt.date | None, months: Param | None,
                        peildatum: dt.date) -> tuple[Condition, ...]:
    """A learner's conditions: a pure function of these values, so worked out once each
    (``start`` and ``months`` only matter for interns)."""
    name, field = learner_name(index, leerweg, crebo), f"leerlingen[{index}]"
    if leerweg is None:
        return ((STAGE, None, f"We weten niet welke leerweg {name} volgt (antwoord "
                 f"'{field}.leerweg' ontbreekt); de bijdrage is voor stagiairs.",
                 (f"{field}.leerweg",)),)
    if leerweg not in INTERNS:
        return ((STAGE, False, f"{cap(name)} volgt {leerweg} (antwoord "
                 f"'{field}.leerweg'): dat is een leerwerkplaats, geen stage.",
                 (f"{field}.leerweg",)),)
    stage: Condition = (STAGE, True, f"{cap(name)} loopt stage bij jou (antwoord "
                        f"'{field}.leerweg').", (f"{field}.leerweg",))
    if months is None or months.number() is None:
        return (stage,)
    if start is None:
        return (stage, (TERM, None, f"We weten niet wanneer de stage van {name} begint "
                        f"(antwoord '{field}.start' ontbreekt); aanvragen kan tot "
                        f"{param_text(months)} maanden na de start.", (f"{field}.start",)))
    last = add_months(start, int(months.number() or 0))
    if last < peildatum:
        return (stage, (TERM, False, f"De stage van {name} begon op {nl_date(start)} "
                        f"(antwoord '{field}.start'); de aanvraagtermijn van "
                        f"{param_text(months)} maanden liep af op {nl_date(last)}.",
                        (f"{field}.start",)))
    return (stage, (TERM, True, f"De stage van {name} begint op {nl_date(start)} "
                    f"(antwoord '{field}.start'); je kunt aanvragen tot en met "
                    f"{nl_date(last)}.", (f"{field}.start",)))


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(
        ev, p.leerlingen, lambda i, learner: check_learner(ev, i, learner), STAGE, "leerlingen",
        unknown="We weten niet of je stagiairs hebt (antwoord 'leerlingen' ontbreekt).",
        empty="Je hebt geen stagiairs opgegeven (antwoord 'leerlingen'); zodra je een stagiair "
              "(bol, hbo, vmbo, havo/vwo) begeleidt, kun je een bijdrage aanvragen.")
    if ev.failed:
        return
    learners = p.leerlingen or []
    interns = [(i, learners[i]) for i in chosen if learners[i].leerweg in INTERNS]
    months = ev.param(MONTHS)
    if months is not None and months.number() is not None:
        for i, learner in interns:
            if learner.start:
                last = add_months(learner.start, int(months.number() or 0))
                ev.add_deadline(last, f"OOM-stagebijdrage aanvragen voor {learner_label(i, learner)}"
                                f" (uiterlijk {param_text(months)} maanden na de start).")
    estimate(ev, interns)


def estimate(ev: Evaluation, interns: list[tuple[int, Leerling]]) -> None:
    rate = ev.param("stagebijdrage-per-week")
    weeks_max = ev.param("maximum-weken-per-stagiair")
    most = ev.param("maximum-stagiairs-per-bedrijf")
    if not interns or rate is None or weeks_max is None or rate.number() is None \
            or weeks_max.number() is None:
        return
    limit = most.number() if most else None  # no usable maximum in content: count everyone
    counted = interns[: int(limit)] if limit is not None else interns
    total = Decimal(0)
    for _, learner in counted:
        weeks = weeks_max.number() or Decimal(0)
        if learner.start and learner.eind:
            weeks = min(weeks, Decimal(-(-((learner.eind - learner.start).days + 1) // 7)))
        total += (rate.number() or Decimal(0)) * weeks
    ev.schatting = int(total)
    ev.note(f"Indicatief: hooguit {eur(total)} ({param_text(rate)} per week, hooguit "
            f"{param_text(weeks_max)} weken per stagiair per schooljaar"
            + (f", hooguit {param_text(most)} stagiairs per bedrijf" if most else "")
            + (f"; bedrag schooljaar {rate.schooljaar}, controleer het actuele bedrag"
               if rate.schooljaar else "") + ").", rate.bron)
