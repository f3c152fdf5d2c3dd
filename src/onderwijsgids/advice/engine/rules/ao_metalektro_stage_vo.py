"""A+O Metalektro stagevergoeding voortgezet onderwijs: at most € 40 a week for an intern from
vmbo, havo or vwo, registered before the start; for companies under the cao Metalektro.

Reference: https://www.ao-metalektro.nl/aanbod/stagevergoeding-voortgezet-onderwijs-vo/
(figures of the 2021–2023 period; content/regelingen/ao-metalektro-stage-vo.yaml). The last
day to register is the day before the stage starts. No estimate: the weeks paid are not given.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgids.vocabulary import LEERWEG_WORDS, datum

from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .common import Condition, ao_cao, cap, judge_each, leerling_naam, veld

ID = "ao-metalektro-stage-vo"
VO = frozenset({"vmbo", "havo-vwo"})
WHO = "stagiair-vo"
TERM = "vooraf-aanmelden"

ZINNEN = {
    "geen-antwoord": "We weten niet of je stagiairs uit het voortgezet onderwijs hebt.",
    "geen-leerlingen": "Je hebt geen stagiairs uit het voortgezet onderwijs (vmbo, havo, vwo) "
                       "opgegeven.",
    "leerweg?": "We weten niet welke opleiding {leerling} volgt; deze vergoeding is voor "
                "stagiairs uit het vmbo, de havo of het vwo.",
    "leerweg-": "{Leerling} zit niet in het voortgezet onderwijs ({leerweg}).",
    "leerweg+": "{Leerling} loopt stage bij jou vanuit het voortgezet onderwijs.",
    "start?": "We weten niet wanneer de stage van {leerling} begint; je meldt haar aan vóór de "
              "start.",
    "begonnen": "De stage van {leerling} begon op {start}; aanmelden moest vóór de start.",
    "nog-vooraf": "De stage van {leerling} begint op {start}: meld haar uiterlijk {laatste} aan.",
    "deadline": "A+O-stagevergoeding vo aanmelden voor {leerling} (uiterlijk {laatste}, vóór de "
                "start).",
    "bedrag": "A+O betaalt ten hoogste {bedrag} per stageweek (bedrag schooljaar {jaar}, "
              "reglement 2021–2023; controleer het actuele bedrag).",
}


def vooraf(ev: Evaluation, index: int, leerling: Leerling) -> Condition:
    """Registered before the stage starts. Reference: https://www.ao-metalektro.nl/aanbod/stagevergoeding-voortgezet-onderwijs-vo/"""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "start")]
    if leerling.start is None:
        return Condition(TERM, None, ZINNEN["start?"].format(leerling=naam), field)
    if leerling.start <= ev.peildatum:
        return Condition(TERM, False, ZINNEN["begonnen"].format(leerling=naam,
                                                      start=datum(leerling.start)), field)
    last = leerling.start - dt.timedelta(days=1)
    return Condition(TERM, True, ZINNEN["nog-vooraf"].format(leerling=naam, start=datum(leerling.start),
                                                    laatste=datum(last)), field)


def stagiair_vo(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(WHO, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in VO:
        return [Condition(WHO, False, ZINNEN["leerweg-"].format(**words), field)]
    return [Condition(WHO, True, ZINNEN["leerweg+"].format(**words), field), vooraf(ev, index, leerling)]


def evaluate(p: Profile, ev: Evaluation) -> None:
    ao_cao(p, ev)
    if ev.failed:  # another fund's company: the cao alone decides
        return
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: stagiair_vo(ev, i, leerling), WHO,
                        "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    for i in chosen:
        leerling = (p.leerlingen or [])[i]
        if leerling.leerweg in VO and leerling.start and leerling.start > ev.peildatum:
            last = leerling.start - dt.timedelta(days=1)
            ev.add_deadline(last, ZINNEN["deadline"].format(
                leerling=leerling_naam(ev, i, leerling), laatste=datum(last)))
    rate = ev.param("maximum-per-week")
    if rate is not None:
        ev.note(ZINNEN["bedrag"].format(bedrag=rate.text(), jaar=rate.schooljaar), rate.bron)
