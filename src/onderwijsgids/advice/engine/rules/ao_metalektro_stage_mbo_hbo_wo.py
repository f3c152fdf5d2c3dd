"""A+O Metalektro stagevergoeding mbo, hbo, wo: at most € 160 per 4 weeks for an intern from
mbo-bol, hbo or wo, for internships of 2 to 12 months, registered within 6 months; for
companies under the cao Metalektro. Every mbo stage, bol included, takes place at an erkend
leerbedrijf.

References: https://www.ao-metalektro.nl/aanbod/stagevergoeding-mbo-hbo-wo/ (figures of the
2021–2023 period) ; https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/
(content/regelingen/ao-metalektro-stage-mbo-hbo-wo.yaml). No estimate: how 4-week periods are
counted is not given.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import LEERWEG_WORDS, datum

from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .common import (Condition, ao_cao, binnen_maanden_na_start, cap, erkend_leerbedrijf,
                     judge_each, leerling_naam, veld)

ID = "ao-metalektro-stage-mbo-hbo-wo"
INTERNS = frozenset({"bol", "hbo-voltijd"})
WHO = "stagiair"
TERM = "aanmelden-binnen-zes-maanden"

ZINNEN = {
    "geen-antwoord": "We weten niet of je stagiairs uit het mbo, hbo of wo hebt.",
    "geen-leerlingen": "Je hebt geen stagiairs uit mbo-bol, hbo of wo opgegeven.",
    "leerweg?": "We weten niet welke opleiding {leerling} volgt; deze vergoeding is voor "
                "stagiairs uit mbo-bol, hbo of wo.",
    "leerweg-": "{Leerling} loopt geen stage vanuit mbo-bol, hbo of wo ({leerweg}).",
    "leerweg+": "{Leerling} loopt stage bij jou.",
    "wie-erkend": "de mbo-stage van {leerling} (ook in de bol)",
    "te-kort": "De stage van {leerling} duurt korter dan {minimum} maanden; A+O vergoedt stages "
               "van {minimum} tot {maximum} maanden.",
    "start?": "We weten niet wanneer de stage van {leerling} begint; aanmelden kan tot "
              "{maanden} maanden na de start.",
    "start-": "De stage van {leerling} begon op {start}; aanmelden kon tot en met {laatste}.",
    "start+": "De stage van {leerling} begint op {start}; je kunt aanmelden tot en met "
              "{laatste}.",
    "deadline": "A+O-stagevergoeding aanmelden voor {leerling} (uiterlijk {laatste}, {maanden} "
                "maanden na de start).",
    "bedrag": "A+O betaalt ten hoogste {bedrag} per 4 weken, voor stages van {minimum} tot "
              "{maximum} maanden (bedrag schooljaar {jaar}, reglement 2021–2023; controleer het "
              "actuele bedrag).",
}


def duur(ev: Evaluation, index: int, leerling: Leerling) -> Condition | None:
    """Internships of at least two months (up to twelve are paid)."""
    least, most = ev.param("minimale-duur-maanden"), ev.param("maximale-duur-maanden")
    if not (least and most and leerling.start and leerling.eind):
        return None
    if add_months(leerling.start, int(least.waarde)) > leerling.eind:
        return Condition("stagiair", False, ZINNEN["te-kort"].format(
            leerling=leerling_naam(ev, index, leerling), minimum=least.text(),
            maximum=most.text()), [veld(index, "eind")])
    return None


def aanmelden(ev: Evaluation, index: int, leerling: Leerling) -> Condition | None:
    """Register within six months of the start. Reference: https://www.ao-metalektro.nl/aanbod/stagevergoeding-mbo-hbo-wo/"""
    months = ev.param("aanmeldtermijn-maanden")
    if months is None:
        return None
    return binnen_maanden_na_start(ev, TERM, ZINNEN, index, leerling, months)


def stagiair(ev: Evaluation, p: Profile, index: int, leerling: Leerling) -> list[Condition]:
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(WHO, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in INTERNS:
        return [Condition(WHO, False, ZINNEN["leerweg-"].format(**words), field)]
    conditions: list[Condition] = [Condition(WHO, True, ZINNEN["leerweg+"].format(**words), field)]
    if leerling.leerweg == "bol":
        conditions.append(erkend_leerbedrijf(p.erkend_leerbedrijf,
                                             ZINNEN["wie-erkend"].format(leerling=naam)))
    extra = [duur(ev, index, leerling), aanmelden(ev, index, leerling)]
    return conditions + [c for c in extra if c]


def evaluate(p: Profile, ev: Evaluation) -> None:
    ao_cao(p, ev)
    if ev.failed:  # another fund's company: the cao alone decides
        return
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: stagiair(ev, p, i, leerling), WHO,
                        "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    months = ev.param("aanmeldtermijn-maanden")
    for i in chosen:
        leerling = (p.leerlingen or [])[i]
        if months and leerling.leerweg in INTERNS and leerling.start:
            last = add_months(leerling.start, int(months.waarde))
            ev.add_deadline(last, ZINNEN["deadline"].format(
                leerling=leerling_naam(ev, i, leerling), laatste=datum(last),
                maanden=months.text()))
    rate, least, most = (ev.param("maximum-per-vier-weken"), ev.param("minimale-duur-maanden"),
                         ev.param("maximale-duur-maanden"))
    if rate and least and most:
        ev.note(ZINNEN["bedrag"].format(bedrag=rate.text(), minimum=least.text(),
                                        maximum=most.text(), jaar=rate.schooljaar), rate.bron)
