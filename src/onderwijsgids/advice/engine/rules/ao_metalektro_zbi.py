"""A+O Metalektro ZBI (vergroten zij- en bbl-instroom): for a bbl learner who works at a company
under the cao Metalektro through a flex agency, two thirds of the FO amount; the source names
the years 2022–2024.

Reference: https://www.ao-metalektro.nl/aanbod/vergroten-zij-en-bbl-instroom-zbi/
(content/regelingen/ao-metalektro-zbi.yaml). The profile does not say whether a learner comes
through a flex agency (the company checks it); after 2024 whether the scheme still runs is not
known, so it cannot be ``ja`` then.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import LEERWEG_WORDS

from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .common import Condition, ao_cao, cap, judge_each, leerling_naam, veld

ID = "ao-metalektro-zbi"
WHO = "bbl-leerling"

ZINNEN = {
    "geen-antwoord": "We weten niet of je bbl-leerlingen hebt.",
    "geen-leerlingen": "Je hebt geen bbl-leerlingen opgegeven; ZBI is voor een bbl-leerling die "
                       "via een uitzendbureau bij je werkt.",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; ZBI is voor bbl.",
    "leerweg-": "{Leerling} volgt geen mbo-bbl ({leerweg}); ZBI is voor bbl.",
    "leerweg+": "{Leerling} volgt mbo-bbl.",
    "uitzend": "Let op: ZBI is alleen voor een bbl-leerling die via een uitzendbureau bij je "
               "werkt.",
    "looptijd?": "De bron noemt ZBI voor de jaren 2022–2024; of de regeling nu nog loopt, weten "
                 "we niet. Vraag het A+O Metalektro.",
    "bedrag": "De bijdrage is {aandeel} van het FO-bedrag van A+O (zie de bijdrage bbl en "
              "leerwerk).",
}


def bbl_leerling(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(WHO, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    ok = leerling.leerweg == "bbl"
    return [Condition(WHO, ok, ZINNEN["leerweg+" if ok else "leerweg-"].format(**words), field)]


def looptijd(ev: Evaluation) -> None:
    """The source names 2022–2024: later, whether ZBI still runs is unknown."""
    ends = ev.param("looptijd-tot")
    if ends is not None and ev.peildatum > ends.waarde:
        ev.condition("looptijd", None, ZINNEN["looptijd?"])


def evaluate(p: Profile, ev: Evaluation) -> None:
    ao_cao(p, ev)
    if ev.failed:  # another fund's company: the cao alone decides
        return
    judge_each(ev, p.leerlingen, lambda i, leerling: bbl_leerling(ev, i, leerling), WHO,
               "leerlingen", unknown=ZINNEN["geen-antwoord"], empty=ZINNEN["geen-leerlingen"])
    looptijd(ev)
    if ev.failed:
        return
    ev.arrange("via-uitzendbureau", ZINNEN["uitzend"])
    share = ev.param("aandeel-van-fo")
    if share is not None:
        ev.note(ZINNEN["bedrag"].format(aandeel=share.text()), share.bron)
