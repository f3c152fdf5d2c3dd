"""A+O Metalektro, bbl and leerwerk (FO: 4 days work, 1 day school; FOI: 3 days work, 2 days
school): a contribution per learner-employee per study year for companies under the cao
Metalektro (instead of OOM's leerwerkbijdrage).

Reference: https://www.ao-metalektro.nl/aanbod/ao-financieringsreglement-opleiden-van-leerlingen-en-werknemers-2021-2023/
(the 2021–2023 reglement; newer not found): at most € 3,000 (FO) or € 3,800 (FOI) per study
year; years paid by level; apply within 6 months of the start of the study year, claim within
6 months with proof of attendance. The learner's own study year starts at their start when
that is later than 1 August. Figures: content/regelingen/ao-metalektro-bbl.yaml.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgids.vocabulary import LEERWEG_WORDS, datum, euro

from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from ..studiejaar import Studiejaar
from .common import Condition, ao_cao, cap, judge_each, leerling_naam, te_oud, veld

ID = "ao-metalektro-bbl"
LEERWERK = frozenset({"bbl", "hbo-duaal", "hbo-deeltijd"})
WHO = "leerling-werknemer"
TERM = "aanvraagtermijn"

ZINNEN = {
    "geen-antwoord": "We weten niet of je leerling-werknemers hebt (mbo-bbl, duaal of "
                     "deeltijd-hbo).",
    "geen-leerlingen": "Je hebt geen leerlingen opgegeven; de bijdrage is per leerling-werknemer "
                       "(mbo-bbl, duaal of deeltijd-hbo).",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; de bijdrage is voor een "
                "leerwerktraject met een arbeidscontract.",
    "leerweg-": "{Leerling} volgt geen leerwerktraject met een arbeidscontract ({leerweg}).",
    "leerweg+": "{Leerling} werkt met een arbeidscontract bij jou en volgt een leerwerktraject.",
    "start?": "We weten niet wanneer {leerling} begon; je vraagt aan binnen {maanden} maanden na "
              "het begin van het studiejaar.",
    "termijn+": "Voor studiejaar {jaar} van {leerling} kun je aanvragen tot en met {laatste}.",
    "termijn-": "De aanvraagtermijn voor {leerling} liep af op {laatste}; een volgend studiejaar "
                "van de opleiding is er niet.",
    "deadline": "A+O-bijdrage bbl aanvragen voor {leerling}, studiejaar {jaar} (uiterlijk "
                "{laatste}, {maanden} maanden na het begin van het studiejaar).",
    "bedragen": "A+O betaalt per studiejaar ten hoogste {fo} (FO: 4 dagen werken, 1 dag school) "
                "of {foi} (FOI: 3 dagen werken, 2 dagen school); bedragen van het reglement "
                "2021–2023, controleer het actuele bedrag. Het aantal jaren hangt af van het "
                "niveau: {jaren}.",
    "schatting": "Indicatief voor studiejaar {jaar}: hooguit {totaal} (FO-bedrag van {fo} per "
                 "leerling; bedrag schooljaar {bedragjaar}, controleer het actuele bedrag).",
    "te-oud": "Het laatst bekende A+O-bedrag (schooljaar {bedragjaar}) is te oud voor een "
              "schatting voor studiejaar {jaar}; zie de bron.",
    "declareren": "Je declareert binnen 6 maanden, met een bewijs van aanwezigheid.",
}


def aanvraagdagen(leerling: Leerling, peildatum: dt.date, months: int) -> list[tuple[Studiejaar, dt.date]]:
    """The last day to apply for each study year of the learner still to come: six months after
    the start of the study year (or of the learner, when later)."""
    if leerling.start is None:
        return []
    first, current = Studiejaar.of(leerling.start), Studiejaar.of(peildatum)
    last = current.volgende
    if leerling.eind is not None:
        last = min(last, Studiejaar.of(leerling.eind))
    days = []
    for year in range(first.eerste_jaar, max(last, first).eerste_jaar + 1):
        studiejaar = Studiejaar(year)
        days.append((studiejaar, add_months(max(studiejaar.begin, leerling.start), months)))
    return [(year, day) for year, day in days if day >= peildatum]


def aanvraagtermijn(ev: Evaluation, index: int, leerling: Leerling) -> Condition | None:
    """Apply within six months of the start of the study year. Reference: the 2021–2023 reglement."""
    months = ev.param("aanvraagtermijn-maanden")
    if months is None:
        return None
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "start")]
    if leerling.start is None:
        return Condition(TERM, None, ZINNEN["start?"].format(leerling=naam, maanden=months.text()), field)
    open_days = aanvraagdagen(leerling, ev.peildatum, int(months.waarde))
    if not open_days:
        last = add_months(max(Studiejaar.of(leerling.start).begin, leerling.start),
                          int(months.waarde))
        return Condition(TERM, False, ZINNEN["termijn-"].format(leerling=naam, laatste=datum(last)), field)
    year, day = open_days[0]
    return Condition(TERM, True, ZINNEN["termijn+"].format(leerling=naam, jaar=year.label,
                                                  laatste=datum(day)), field)


def leerling_werknemer(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    """A learner with an employment contract in a leerwerktraject (bbl, Ad, hbo or wo)."""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(WHO, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in LEERWERK:
        return [Condition(WHO, False, ZINNEN["leerweg-"].format(**words), field)]
    term = aanvraagtermijn(ev, index, leerling)
    return [Condition(WHO, True, ZINNEN["leerweg+"].format(**words), field), *([term] if term else [])]


def evaluate(p: Profile, ev: Evaluation) -> None:
    ao_cao(p, ev)
    if ev.failed:  # another fund's company: the cao alone decides
        return
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: leerling_werknemer(ev, i, leerling),
                        WHO, "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    learners = [(i, (p.leerlingen or [])[i]) for i in chosen
                if (p.leerlingen or [])[i].leerweg in LEERWERK]
    months = ev.param("aanvraagtermijn-maanden")
    firsts = []
    for i, leerling in learners:
        days = aanvraagdagen(leerling, ev.peildatum, int(months.waarde)) if months else []
        if months and days:
            studiejaar, laatste = days[0]
            firsts.append(studiejaar)
            ev.add_deadline(laatste, ZINNEN["deadline"].format(
                leerling=leerling_naam(ev, i, leerling), jaar=studiejaar.label,
                laatste=datum(laatste), maanden=months.text()))
    amounts(ev)
    ev.arrange("declareren", ZINNEN["declareren"])
    if firsts:
        estimate(ev, len(firsts), min(firsts, key=lambda y: y.eerste_jaar))


def amounts(ev: Evaluation) -> None:
    fo, foi, years = ev.param("bedrag-fo"), ev.param("bedrag-foi"), ev.param("jaren-per-niveau")
    if fo and foi and years:
        ev.note(ZINNEN["bedragen"].format(fo=fo.text(), foi=foi.text(), jaren=years.text()),
                fo.bron)


def estimate(ev: Evaluation, count: int, studiejaar: Studiejaar) -> None:
    """The FO amount per learner for the study year to apply for, while that figure is at most
    three study years old (contract §3)."""
    fo = ev.param("bedrag-fo")
    if fo is None:
        return
    words = dict(jaar=studiejaar.label, bedragjaar=fo.schooljaar, fo=fo.text())
    if te_oud(fo, studiejaar):
        ev.note(ZINNEN["te-oud"].format(**words), fo.bron)
        return
    total = int(fo.waarde) * count
    ev.schatting = total
    ev.note(ZINNEN["schatting"].format(totaal=euro(total), **words), fo.bron)
