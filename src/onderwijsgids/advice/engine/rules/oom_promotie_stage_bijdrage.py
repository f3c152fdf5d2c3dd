"""OOM stagebijdrage for interns at every level, and the contribution for promotion
activities (no interns needed).

References: https://www.oom.nl/Regelingen/Stagebijdrage (the stored page is the 2022/23
version: € 40 a week, 5 interns per level) ;
https://www.bouwenmetstaal.nl/nieuws/meer-geld-voor-leerwerk-en-stage-in-het-mkb-metaal
(€ 50 a week and 15 interns from 2023/24) ; the guide, tips basis- en voortgezet onderwijs
("Vraag dan subsidie aan voor stagebegeleiding of promotieactiviteiten bij je
opleidingsfonds") ; https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/ (every mbo stage,
bol included, at an erkend leerbedrijf). Figures: content/regelingen/oom-promotie-stage-bijdrage.yaml.
"""

from __future__ import annotations

from decimal import Decimal

from onderwijsgids.vocabulary import LEERWEG_WORDS, euro

from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from ..studiejaar import Studiejaar
from .common import (
    Condition, binnen_maanden_na_start, cap, erkend_leerbedrijf, judge_each, leerling_naam,
    oom_cao, outcome, te_oud, veld,
)

ID = "oom-promotie-stage-bijdrage"
INTERNS = frozenset({"bol", "hbo-voltijd", "vmbo", "havo-vwo"})
MBO_INTERNS = frozenset({"bol"})
PROMOTIE_DOELEN = ("jeugd-enthousiasmeren", "jongeren-techniekkeuze")
STAGE = "stagiair"
PROMOTIE = "promotie"
TERM = "aanvraagtermijn"

ZINNEN = {
    "promotie+": "Je wilt jongeren enthousiast maken voor techniek; voor promotieactiviteiten "
                 "kun je een bijdrage vragen, ook zonder stagiairs.",
    "promotie-hint": "Doe je promotieactiviteiten (kinderen of jongeren enthousiast maken voor "
                     "techniek), dan kun je daarvoor ook een bijdrage vragen, zonder stagiairs.",
    "promotie-bedrag": "Voor promotieactiviteiten noemen de gids en de bronnen geen bedrag en "
                       "geen voorwaarden; vraag OOM ernaar.",
    "wie-erkend": "de mbo-stage van {leerling} (ook in de bol)",
    "geen-antwoord": "We weten niet of je stagiairs hebt.",
    "geen-leerlingen": "Je hebt geen stagiairs opgegeven; zodra je een stagiair (mbo-bol, hbo, "
                       "vmbo, havo/vwo) begeleidt, kun je een bijdrage aanvragen.",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; de bijdrage is voor stagiairs.",
    "leerweg-": "{Leerling} heeft een leerwerkplaats ({leerweg}), geen stage.",
    "leerweg+": "{Leerling} loopt stage bij jou.",
    "start?": "We weten niet wanneer de stage van {leerling} begint; aanvragen kan tot "
              "{maanden} maanden na de start.",
    "start-": "De stage van {leerling} begon op {start}; de aanvraagtermijn van {maanden} "
              "maanden liep af op {laatste}.",
    "start+": "De stage van {leerling} begint op {start}; je kunt aanvragen tot en met "
              "{laatste}.",
    "deadline": "OOM-stagebijdrage aanvragen voor {leerling} (uiterlijk {maanden} maanden na de "
                "start).",
    "schatting": "Indicatief: hooguit {totaal} ({per_week} per week, hooguit {weken} weken per "
                 "stagiair per schooljaar{stagiairs}{jaar}).",
    "te-oud": "Voor de stage van {leerling} is het laatst bekende bedrag (schooljaar {jaar}) te "
              "oud voor een schatting; zie de bron.",
}


def aanvraagtermijn(ev: Evaluation, index: int, leerling: Leerling) -> Condition | None:
    """Apply up to some months after the start of the internship (content).
    Reference: https://www.oom.nl/Regelingen/Stagebijdrage"""
    months = ev.param("aanvraagtermijn-maanden-na-start")
    if months is None or months.number() is None:
        return None
    return binnen_maanden_na_start(ev, TERM, ZINNEN, index, leerling, months)


def stagiair(ev: Evaluation, p: Profile, index: int, leerling: Leerling) -> list[Condition]:
    """An intern: mbo-bol, full-time hbo, vmbo, havo/vwo (not a bbl work-learning place). An
    mbo stage, bol included, takes place at an erkend leerbedrijf (WEB).
    Reference: https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/"""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(STAGE, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in INTERNS:
        return [Condition(STAGE, False, ZINNEN["leerweg-"].format(**words), field)]
    conditions: list[Condition] = [Condition(STAGE, True, ZINNEN["leerweg+"].format(**words), field)]
    if leerling.leerweg in MBO_INTERNS:
        conditions.append(erkend_leerbedrijf(p.erkend_leerbedrijf,
                                             ZINNEN["wie-erkend"].format(leerling=naam)))
    term = aanvraagtermijn(ev, index, leerling)
    return conditions + ([term] if term else [])


def promotie(p: Profile) -> bool:
    """Promotion activities (instroombevordering) named as a goal; no interns needed.
    Reference: the guide, tips basis- en voortgezet onderwijs and subsidiemogelijkheden."""
    return any(goal in (p.doelen or []) for goal in PROMOTIE_DOELEN)


def stage_route(ev: Evaluation, p: Profile) -> bool | None:
    """Whether some intern qualifies (``None``: undecided or not answered)."""
    if p.leerlingen is None:
        return None
    outcomes = [outcome(stagiair(ev, p, i, leerling)) for i, leerling in enumerate(p.leerlingen)]
    if True in outcomes:
        return True
    return None if None in outcomes else False


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    promo, route = promotie(p), stage_route(ev, p)
    chosen: list[int] = []
    if promo:
        ev.condition(PROMOTIE, True, ZINNEN["promotie+"], ["doelen"])
    else:
        ev.hint(ZINNEN["promotie-hint"])
    if route is True or not promo:
        chosen = judge_each(ev, p.leerlingen, lambda i, leerling: stagiair(ev, p, i, leerling),
                            STAGE, "leerlingen", unknown=ZINNEN["geen-antwoord"],
                            empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    if promo:
        ev.note(ZINNEN["promotie-bedrag"])
    else:
        ev.not_applicable(PROMOTIE)
    interns = [(i, (p.leerlingen or [])[i]) for i in chosen
               if (p.leerlingen or [])[i].leerweg in INTERNS] if route is True else []
    months = ev.param("aanvraagtermijn-maanden-na-start")
    if months is not None:
        for i, leerling in interns:
            if leerling.start:
                ev.add_deadline(add_months(leerling.start, int(months.waarde)), ZINNEN[
                    "deadline"].format(leerling=leerling_naam(ev, i, leerling),
                                       maanden=months.text()))
    estimate(ev, interns)


def stageweken(leerling: Leerling, maximum: int) -> int:
    """Started weeks of the internship, up to the maximum per intern per school year."""
    if leerling.start and leerling.eind:
        return min(maximum, -(-((leerling.eind - leerling.start).days + 1) // 7))
    return maximum


def week_rate(ev: Evaluation, leerling: Leerling):
    """The rate for the study year the stage starts in, or the latest before it; ``None`` when
    that figure is more than three study years older (contract §3)."""
    day = leerling.start or ev.peildatum
    rate = ev.param("stagebijdrage-per-week", on=day)
    if rate is None or te_oud(rate, Studiejaar.of(day)):
        return None, rate
    return rate, rate


def estimate(ev: Evaluation, interns: list[tuple[int, Leerling]]) -> None:
    """Per week × weeks, for at most the maximum number of interns (content)."""
    weeks_max = ev.param("maximum-weken-per-stagiair")
    most = ev.param("maximum-stagiairs-per-bedrijf")
    if not interns or weeks_max is None:
        return
    counted = interns[: int(most.waarde)] if most else interns
    total, rate = Decimal(0), None
    for i, leerling in counted:
        usable, found = week_rate(ev, leerling)
        if usable is None:
            if found is not None:
                ev.note(ZINNEN["te-oud"].format(leerling=leerling_naam(ev, i, leerling),
                                                jaar=found.schooljaar), found.bron)
            continue
        rate = usable
        total += Decimal(usable.waarde) * stageweken(leerling, int(weeks_max.waarde))
    if rate is None:
        return
    ev.schatting = int(total)
    ev.note(ZINNEN["schatting"].format(
        totaal=euro(total), per_week=rate.text(), weken=weeks_max.text(),
        stagiairs=f", hooguit {most.text()} stagiairs per bedrijf" if most else "",
        jaar=f"; bedrag schooljaar {rate.schooljaar}, controleer het actuele bedrag"
        if rate.schooljaar else ""), rate.bron)
