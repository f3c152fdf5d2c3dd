"""OOM stagebijdrage (and contribution for promotion activities) for interns at every level.

References: https://www.oom.nl/Regelingen/Stagebijdrage ;
https://www.bouwenmetstaal.nl/nieuws/meer-geld-voor-leerwerk-en-stage-in-het-mkb-metaal
(content/regelingen/oom-promotie-stage-bijdrage.yaml). Per intern a contribution per week, up
to a maximum of weeks and of interns per company; apply within some months after the start.
"""

from __future__ import annotations

from decimal import Decimal

from onderwijsgids.vocabulary import LEERWEG_WORDS, datum, euro

from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .common import Condition, cap, judge_each, leerling_naam, oom_cao, veld

ID = "oom-promotie-stage-bijdrage"
INTERNS = frozenset({"bol", "hbo-voltijd", "vmbo", "havo-vwo"})
STAGE = "stagiair"
TERM = "aanvraagtermijn"

ZINNEN = {
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
}


def aanvraagtermijn(ev: Evaluation, index: int, leerling: Leerling) -> Condition | None:
    """Apply up to some months after the start of the internship (content).
    Reference: https://www.oom.nl/Regelingen/Stagebijdrage"""
    months = ev.param("aanvraagtermijn-maanden-na-start")
    if months is None or months.number() is None:
        return None
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "start")]
    words = dict(leerling=naam, maanden=months.text())
    if leerling.start is None:
        return TERM, None, ZINNEN["start?"].format(**words), field
    last = add_months(leerling.start, int(months.waarde))
    words.update(start=datum(leerling.start), laatste=datum(last))
    if last < ev.peildatum:
        return TERM, False, ZINNEN["start-"].format(**words), field
    return TERM, True, ZINNEN["start+"].format(**words), field


def stagiair(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    """An intern: mbo-bol, full-time hbo, vmbo, havo/vwo (not a bbl work-learning place)."""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [(STAGE, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in INTERNS:
        return [(STAGE, False, ZINNEN["leerweg-"].format(**words), field)]
    term = aanvraagtermijn(ev, index, leerling)
    return [(STAGE, True, ZINNEN["leerweg+"].format(**words), field), *([term] if term else [])]


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: stagiair(ev, i, leerling), STAGE,
                        "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    interns = [(i, (p.leerlingen or [])[i]) for i in chosen
               if (p.leerlingen or [])[i].leerweg in INTERNS]
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


def estimate(ev: Evaluation, interns: list[tuple[int, Leerling]]) -> None:
    """Per week × weeks, for at most the maximum number of interns (content)."""
    rate, weeks_max = ev.param("stagebijdrage-per-week"), ev.param("maximum-weken-per-stagiair")
    most = ev.param("maximum-stagiairs-per-bedrijf")
    if not interns or rate is None or weeks_max is None:
        return
    counted = interns[: int(most.waarde)] if most else interns
    total = sum((Decimal(rate.waarde) * stageweken(leerling, int(weeks_max.waarde))
                 for _, leerling in counted), Decimal(0))
    ev.schatting = int(total)
    ev.note(ZINNEN["schatting"].format(
        totaal=euro(total), per_week=rate.text(), weken=weeks_max.text(),
        stagiairs=f", hooguit {most.text()} stagiairs per bedrijf" if most else "",
        jaar=f"; bedrag schooljaar {rate.schooljaar}, controleer het actuele bedrag"
        if rate.schooljaar else ""), rate.bron)
