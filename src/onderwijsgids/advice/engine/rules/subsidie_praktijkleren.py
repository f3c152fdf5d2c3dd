"""Subsidie Praktijkleren (RVO, for OCW): a contribution per praktijkleerplaats per study year.

Source: content/regelingen/subsidie-praktijkleren.yaml (RVO pages, see its ``bronnen``).
- bbl, hbo-duaal/deeltijd and vmbo work-learning places count; bol does not.
- mbo-bbl needs an erkend leerbedrijf and a course in the Crebo register; hbo needs no SBB
  recognition.
- Applied for afterwards, per study year, in a window after it; the closing date per study
  year is a parameter (``aanvraag-sluit``); an unpublished window is shown as indicative.
- Estimate: ``maximum-per-plaats`` pro rata over the supervised weeks of a full year.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..compiled import Param
from ..deadlines import StudyYears, weeks_overlapping
from ..evaluation import Evaluation, cap, eur, nl_date, param_text
from onderwijsgids.dutch import MONTHS, day_month, day_month_range, in_year

from ..profile import Leerling, Profile
from .common import Condition, erkend_condition, judge_each, learner_label, learner_name
from .inputs import answer, each

ID = "subsidie-praktijkleren"
QUALIFYING = {"bbl", "hbo-duaal", "vmbo"}
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (each("leerlingen", "leerweg", "crebo", extra=("start", "eind"),
               when=("leerweg", QUALIFYING)),
          answer("erkend_leerbedrijf", only_if=("leerlingen", "leerweg", {"bbl"})))
LEERWEG = "leerweg-bbl-hbo-duaal-vmbo"


def study_years(ev: Evaluation) -> StudyYears:
    """Study years start on ``studiejaar-mbo-start`` (a date, "08-01" or "1 augustus")."""
    return _study_years(ev.param("studiejaar-mbo-start"))


@lru_cache(maxsize=64)
def _study_years(param: Param | None) -> StudyYears:
    if param is None:
        return StudyYears()  # the legal school year, 1 August – 31 July
    day = param.date()
    if day:
        return StudyYears(day.month, day.day)
    text = str(param.waarde).strip().lower()
    if match := re.fullmatch(r"(\d{1,2})-(\d{1,2})", text):
        return StudyYears(int(match[1]), int(match[2]))
    if month_day := day_month(text):
        return StudyYears(*month_day)
    return StudyYears()


def check_learner(p: Profile, index: int, learner: Leerling) -> Sequence[Condition]:
    return _learner_conditions(index, learner.leerweg, learner.crebo, p.erkend_leerbedrijf)


@lru_cache(maxsize=4096)
def _learner_conditions(index: int, leerweg: str | None, crebo: str | None,
                        erkend_leerbedrijf: bool | None) -> tuple[Condition, ...]:
    """A learner's conditions: a pure function of these answers, so worked out once each."""
    name = learner_name(index, leerweg, crebo)
    field = f"leerlingen[{index}]"
    if leerweg is None:
        return ((LEERWEG, None, f"We weten niet welke leerweg {name} volgt (antwoord "
                 f"'{field}.leerweg' ontbreekt); alleen bbl, hbo-duaal en vmbo tellen mee.",
                 (f"{field}.leerweg",)),)
    if leerweg not in QUALIFYING:
        return ((LEERWEG, False, f"{cap(name)} volgt {leerweg} (antwoord "
                 f"'{field}.leerweg'); alleen bbl-, hbo-duale en vmbo-leerwerkplaatsen tellen mee, "
                 "bol niet.", (f"{field}.leerweg",)),)
    conditions: list[Condition] = [
        (LEERWEG, True, f"{cap(name)} volgt {leerweg} (antwoord "
         f"'{field}.leerweg'): een praktijkleerplaats die meetelt.", (f"{field}.leerweg",))]
    if leerweg == "bbl":
        conditions.append(erkend_condition(erkend_leerbedrijf))
        if crebo is None:
            conditions.append(("crebo-register", None, f"We weten de opleiding van {name} niet "
                               f"(antwoord '{field}.crebo' ontbreekt); de opleiding moet in het "
                               "Crebo-register staan.", (f"{field}.crebo",)))
        else:
            conditions.append(("crebo-register", True, f"De opleiding van leerling {index + 1} "
                               f"(crebo {crebo}, antwoord '{field}.crebo') staat in het "
                               "Crebo-register.", (f"{field}.crebo",)))
    elif leerweg == "vmbo":
        conditions.append((LEERWEG, True, f"Voor {name} telt alleen een leerwerktraject in de "
                           "basisberoepsgerichte leerweg (leerjaar 3–4) mee, geen gewone stage.",
                           (f"{field}.leerweg",)))
    elif leerweg == "hbo-duaal":
        conditions.append(("hbo-geen-erkenning-nodig", True, f"Voor {name} in het hbo noemt de "
                           "bron geen erkenning als leerbedrijf door SBB als voorwaarde.",
                           (f"{field}.leerweg",)))
    return tuple(conditions)


def evaluate(p: Profile, ev: Evaluation) -> None:
    chosen = judge_each(
        ev, p.leerlingen, lambda i, learner: check_learner(p, i, learner), LEERWEG, "leerlingen",
        unknown="We weten niet of je leerlingen hebt (antwoord 'leerlingen' ontbreekt); de "
                "subsidie is voor bbl-, hbo-duale en vmbo-leerwerkplaatsen.",
        empty="Je hebt geen leerlingen opgegeven (antwoord 'leerlingen'); de subsidie is per "
              "bbl-, hbo-duale of vmbo-leerwerkplaats.")
    if ev.failed or not chosen:
        return
    learners = p.leerlingen or []
    qualifying = [(i, learners[i]) for i in chosen if learners[i].leerweg in QUALIFYING]
    if any(learner.leerweg == "bbl" for _, learner in qualifying):
        ev.arrange("praktijkovereenkomst")
        ev.arrange("rod-registratie")
    ev.arrange("eherkenning-3")
    window(p, ev, qualifying)


def window(p: Profile, ev: Evaluation, learners: list[tuple[int, Leerling]]) -> None:
    """The study year to apply for next, its closing date (or the usual window) and an estimate."""
    years = study_years(ev)
    peil = ev.peildatum
    candidates = sorted({y for _, learner in learners
                         for y in _years_of(learner, years, peil)})
    for first in candidates:
        label = years.label(first)
        closes = ev.param("aanvraag-sluit", schooljaar=label)
        opens = ev.param("aanvraag-opent", schooljaar=label)
        close_day = closes.date() if closes else None
        if close_day and close_day < peil:
            ev.note(f"Het aanvraagvenster voor studiejaar {label} sloot op {nl_date(close_day)}.",
                    closes.bron if closes else None)
            continue
        if close_day is None and first + 1 < peil.year:
            continue  # an old study year whose window is not in content: long closed
        usual_close = _usual_close(ev, first + 1) if close_day is None else None
        if usual_close and usual_close < peil:
            ev.note(f"Het aanvraagvenster voor studiejaar {label} is waarschijnlijk gesloten "
                    f"(gewoonlijk tot {usual_close.day} {MONTHS[usual_close.month - 1]}).")
            continue
        if close_day:
            open_text = f"van {nl_date(opens.date())} " if opens and opens.date() else ""
            ev.add_deadline(close_day, f"Subsidie Praktijkleren aanvragen bij RVO voor studiejaar "
                            f"{label} (achteraf; venster {open_text}tot en met "
                            f"{nl_date(close_day)}).")
            ev.note(f"Je vraagt de subsidie achteraf aan, per studiejaar: voor studiejaar {label} "
                    f"{open_text}tot en met {nl_date(close_day)}.", closes.bron if closes else None)
        else:
            usual = ev.param("aanvraagvenster-gebruikelijk")
            usual_text = (f" Indicatief: het venster is gewoonlijk {param_text(usual)}."
                          if usual else "")
            ev.note(f"Je vraagt de subsidie achteraf aan, per studiejaar. De sluitingsdatum voor "
                    f"studiejaar {label} is nog niet gepubliceerd.{usual_text}",
                    usual.bron if usual else ev.regeling.bron)
        estimate(ev, learners, years, first, label)
        return
    if candidates:
        # Eligibility stays as judged above (the company workspace relies on it per learner);
        # the owner is told that no window is open any more.
        labels = ", ".join(years.label(y) for y in candidates)
        ev.note(f"Let op: de aanvraagperiode voor de studiejaren van je leerling(en) ({labels}) "
                "is voorbij; aanvragen kan niet meer.")


def _usual_close(ev: Evaluation, year: int) -> dt.date | None:
    """The end of ``aanvraagvenster-gebruikelijk`` ("2 juni – 16 september") in ``year``."""
    return _usual_close_in(ev.param("aanvraagvenster-gebruikelijk"), year)


@lru_cache(maxsize=256)
def _usual_close_in(usual: Param | None, year: int) -> dt.date | None:
    window = day_month_range(str(usual.waarde)) if usual else None
    return in_year(window[1], year) if window else None


def _years_of(learner: Leerling, years: StudyYears, peil: dt.date) -> list[int]:
    start = learner.start or peil
    end = learner.eind or max(start, peil)
    return list(range(years.first_year_of(start), years.first_year_of(end) + 1))


def estimate(ev: Evaluation, learners: list[tuple[int, Leerling]], years: StudyYears,
             first: int, label: str) -> None:
    maximum = ev.param("maximum-per-plaats", schooljaar=label) or ev.param("maximum-per-plaats")
    per_place = maximum.number() if maximum else None
    if maximum is None or per_place is None:
        ev.note("De bron noemt geen bedrag per leerplaats; zie de bron voor het actuele bedrag.")
        return
    begin, end = years.bounds(first)
    total = Decimal(0)
    parts = []
    for index, learner in learners:
        kind = "hbo" if learner.leerweg == "hbo-duaal" else "mbo"
        full = ev.param(f"weken-volledig-jaar-{kind}")
        full_weeks = full.number() if full else None
        if not full_weeks:  # missing, or zero
            ev.note(f"De bron noemt geen aantal weken voor een volledig {kind}-jaar; "
                    "geen schatting mogelijk.")
            return
        if learner.start is None:
            ev.note(f"Zonder startdatum van {learner_label(index, learner)} "
                    f"(antwoord 'leerlingen[{index}].start') is geen schatting mogelijk.")
            return
        weeks = min(weeks_overlapping(learner.start, learner.eind or end, begin, end),
                    int(full_weeks))
        total += per_place * weeks / full_weeks
        parts.append(f"{learner_label(index, learner)}: {weeks} van {full_weeks:f} weken")
    if not parts or total <= 0:
        return
    ev.schatting = int(total.quantize(Decimal(1)))
    expected = [p for p in (ev.param("verwacht-bedrag-mbo"), ev.param("verwacht-bedrag-hbo")) if p]
    if expected:
        year = f" (schooljaar {expected[0].schooljaar})" if expected[0].schooljaar else ""
        ev.note(f"Verwacht bedrag voor een volledig studiejaar{year}: " + "; ".join(
            f"{p.naam.rsplit('-', 1)[-1]} {param_text(p)}" for p in expected) + ".",
            expected[0].bron)
    old = (f" Let op: dit bedrag geldt voor schooljaar {maximum.schooljaar}; controleer het "
           "actuele bedrag." if maximum.schooljaar and maximum.schooljaar != label else "")
    ev.note(f"Indicatief voor studiejaar {label}: hooguit {eur(total)} "
            f"({eur(per_place)} per leerplaats per studiejaar, naar rato van de "
            f"begeleidingsweken: {'; '.join(parts)}). Het werkelijke bedrag hangt af van het "
            f"aantal aanvragen.{old}", maximum.bron)
