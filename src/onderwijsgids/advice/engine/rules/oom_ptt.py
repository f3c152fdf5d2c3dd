"""OOM Persoonlijke Trainingstoelage (PTT): a share of course costs, requested BEFORE the start.

Source: content/regelingen/oom-ptt.yaml. A course that has started (or starts on the peildatum)
without a request no longer qualifies: that is ``nee`` with the reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..evaluation import Evaluation, cap, eur, nl_date, param_text
from ..profile import Profile, Scholing
from .common import CAO_CASES, Condition, judge_each, oom_cao
from .inputs import answer

ID = "oom-ptt"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, answer("scholing_medewerkers"))
VOORAF = "vooraf-aanvragen"


def course_label(index: int, course: Scholing) -> str:
    return _course_name(index, course.omschrijving)


def _course_name(index: int, omschrijving: str | None) -> str:
    return f"cursus {index + 1}" + (f" ('{omschrijving}')" if omschrijving else "")


def check_course(ev: Evaluation, index: int, course: Scholing) -> Sequence[Condition]:
    return _course_conditions(index, course.omschrijving, course.start, course.aangevraagd,
                              ev.peildatum)


@lru_cache(maxsize=4096)
def _course_conditions(index: int, omschrijving: str | None, start: dt.date | None,
                       aangevraagd: tuple[str, ...],
                       peildatum: dt.date) -> tuple[Condition, ...]:
    """A course's conditions: a pure function of these answers, so worked out once each."""
    name, field = _course_name(index, omschrijving), f"scholing_medewerkers[{index}]"
    if ID in aangevraagd:
        return ((VOORAF, True, f"Je hebt de PTT voor {name} al aangevraagd (antwoord "
                 f"'{field}.aangevraagd').", (f"{field}.aangevraagd",)),)
    if start is None:
        return ((VOORAF, None, f"We weten niet wanneer {name} begint (antwoord '{field}.start' "
                 "ontbreekt); de PTT moet vóór de start worden aangevraagd.", (f"{field}.start",)),)
    if start <= peildatum:
        when = "begint vandaag" if start == peildatum else f"is op {nl_date(start)} begonnen"
        return ((VOORAF, False, f"{cap(name)} {when} (antwoord '{field}.start') en is niet "
                 f"aangevraagd (antwoord '{field}.aangevraagd'); de PTT moet vóór de start worden "
                 "aangevraagd.", (f"{field}.start", f"{field}.aangevraagd")),)
    return ((VOORAF, True, f"{cap(name)} begint op {nl_date(start)} (antwoord "
             f"'{field}.start'): je kunt de PTT nog vooraf aanvragen.", (f"{field}.start",)),)


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(
        ev, p.scholing_medewerkers, lambda i, c: check_course(ev, i, c), VOORAF,
        "scholing_medewerkers",
        unknown="We weten niet of je scholing voor medewerkers plant (antwoord "
                "'scholing_medewerkers' ontbreekt).",
        empty="Je hebt geen geplande scholing van medewerkers opgegeven (antwoord "
              "'scholing_medewerkers'); plan je een cursus, vraag de PTT dan vóór de start aan.")
    if ev.failed:
        return
    courses = p.scholing_medewerkers or []
    for i in chosen:
        course = courses[i]
        if course.start and ID not in course.aangevraagd and course.start > ev.peildatum:
            ev.add_deadline(course.start - dt.timedelta(days=1),
                            f"PTT aanvragen bij OOM vóór de start van {course_label(i, course)}.")
    limits(ev)
    estimate(ev, [(i, courses[i]) for i in chosen])


def limits(ev: Evaluation) -> None:
    people = ev.param("maximum-medewerkers")
    share = ev.param("maximum-aandeel-personeel-procent")
    if people is not None or share is not None:
        parts = [f"{param_text(people)} medewerkers" if people else "",
                 f"{param_text(share)} van het personeel" if share else ""]
        ev.arrange("maximum-medewerkers", "Per bedrijf geldt een maximum: "
                   + " of ".join(x for x in parts if x) + ".")


def estimate(ev: Evaluation, courses: list[tuple[int, Scholing]]) -> None:
    share = ev.param("vergoedingspercentage")
    cap = ev.param("maximum-per-jaar")
    if share is None or cap is None or share.number() is None or cap.number() is None:
        ev.note("De bron noemt geen volledig bedrag; zie de bron.")
        return
    costed = [(i, c) for i, c in courses if c.kosten_eur is not None]
    if not costed:
        ev.note(f"OOM vergoedt {param_text(share)} van de cursuskosten, tot "
                f"{param_text(cap)} per jaar. Vul de cursuskosten in (kosten_eur) voor een "
                "schatting.", cap.bron)
        return
    pct = (share.number() or Decimal(0)) / 100
    total = sum((min(Decimal(c.kosten_eur or 0) * pct, cap.number() or Decimal(0))
                 for _, c in costed), Decimal(0))
    ev.schatting = int(total)
    ev.note(f"Indicatief: {eur(total)} ({param_text(share)} van de cursuskosten, "
            f"tot {param_text(cap)} per medewerker per jaar).", cap.bron)
