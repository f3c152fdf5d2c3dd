"""Scholingspoolroute: part of a bbl learner's training done by a bedrijfsvakschool (BVM), with
an extra contribution from OOM.

References: the guide (actiepunt 5, subsidiemogelijkheden) ;
https://www.oom.nl/Hulp-en-advies/Bedrijfsvakscholen-Metaaltechniek/Kwaliteitscriteria
(content/regelingen/scholingspoolroute.yaml).
"""

from __future__ import annotations

from onderwijsgids.vocabulary import LEERWEG_WORDS

from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .common import Condition, cap, erkend_leerbedrijf, judge_each, leerling_naam, oom_cao, veld

ID = "scholingspoolroute"
VIA_BVM = "via-bvm"
LEERWEG = "leerweg-bbl"

ZINNEN = {
    "geen-antwoord": "We weten niet of je bbl-leerlingen hebt.",
    "geen-leerlingen": "Je hebt geen leerlingen opgegeven; de route is voor een bbl-leerling van "
                       "wie een bedrijfsvakschool een deel van de opleiding verzorgt.",
    "leerweg-": "{Leerling} volgt geen mbo-bbl; de scholingspoolroute is een bbl-route.",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; de route is voor bbl.",
    "bvm?": "We weten niet of een bedrijfsvakschool een deel van de opleiding van {leerling} "
            "verzorgt.",
    "bvm+": "Een bedrijfsvakschool verzorgt een deel van de opleiding van {leerling}.",
    "bvm-": "{Leerling} volgt de opleiding niet via een bedrijfsvakschool.",
    "provincie?": "Vul je provincie in, dan noemen we de bedrijfsvakschool in je buurt.",
}


def via_bedrijfsvakschool(ev: Evaluation, p: Profile, index: int,
                          leerling: Leerling) -> list[Condition]:
    """A bbl learner of whom a bedrijfsvakschool does part of the training, at an erkend
    leerbedrijf. Reference: https://www.oom.nl/Hulp-en-advies/Bedrijfsvakscholen-Metaaltechniek/Kwaliteitscriteria"""
    naam = leerling_naam(ev, index, leerling)
    words = dict(leerling=naam, Leerling=cap(naam),
                 leerweg=LEERWEG_WORDS.get(leerling.leerweg or "", ""))
    if leerling.leerweg not in (None, "bbl"):
        return [Condition(LEERWEG, False, ZINNEN["leerweg-"].format(**words), [veld(index, "leerweg")])]
    conditions: list[Condition] = []
    if leerling.leerweg is None:
        conditions.append(Condition(LEERWEG, None, ZINNEN["leerweg?"].format(**words),
                           [veld(index, "leerweg")]))
    key = {None: "bvm?", True: "bvm+", False: "bvm-"}[leerling.via_bvm]
    conditions.append(Condition(VIA_BVM, leerling.via_bvm, ZINNEN[key].format(**words),
                       [veld(index, "via_bvm")]))
    conditions.append(erkend_leerbedrijf(p.erkend_leerbedrijf))
    return conditions


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    judge_each(ev, p.leerlingen, lambda i, leerling: via_bedrijfsvakschool(ev, p, i, leerling),
               VIA_BVM, "leerlingen", unknown=ZINNEN["geen-antwoord"],
               empty=ZINNEN["geen-leerlingen"])
    if not ev.failed:
        ev.arrange("kwaliteitscriteria-bvm")
    if p.provincie is None:
        ev.hint(ZINNEN["provincie?"])
