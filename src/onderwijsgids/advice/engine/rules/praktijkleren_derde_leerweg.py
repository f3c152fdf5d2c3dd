"""Subsidie Praktijkleren derde leerweg (RVO): a separate scheme for zij-instromers in a course
of the derde leerweg (custom courses), which the ordinary Praktijkleren excludes.

References: Countus, "Vraag tot 28 november de subsidie praktijkleren derde leerweg aan"
(November 2025): window 3–28 November 2025, 17:00; at most € 2,700; budget € 2.8 million;
40 weeks within 52 consecutive weeks; learner started on or after 1 August 2023; apply within a
year after the place ends ; https://wiedijk.nl/verlenging-slim-regeling (extended through 2031) ;
https://mijn.rvo.nl/praktijkleren (the ordinary scheme excludes the derde leerweg).
The profile cannot say whether a course belongs to the derde leerweg, nor its weeks: those are
conditions the company checks (listed, not scored), so there is no estimate.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import datum, euro

from ..evaluation import Evaluation
from ..profile import Profile

ID = "praktijkleren-derde-leerweg"
WHO = "zij-instromer"
WINDOW = "aanvraagperiode"

ZINNEN = {
    "zij-instromer+": "Je wilt zij-instromers opleiden; voor hun praktijkleerplaats in de derde "
                      "leerweg is er deze aparte regeling.",
    "zij-instromer?": "We weten niet of je zij-instromers opleidt; deze regeling is voor hun "
                      "praktijkleerplaats in de derde leerweg.",
    "zij-instromer-": "Je noemt geen zij-instromers; deze regeling is alleen voor een "
                      "praktijkleerplaats in de derde leerweg.",
    "derde-leerweg": "Let op: alleen een opleiding in de derde leerweg (maatwerk voor "
                     "volwassenen) telt mee; een bol- of bbl-opleiding valt onder de gewone "
                     "Subsidie Praktijkleren.",
    "voorwaarden": "Let op: de leerling begon op of na {start} en werd {weken} weken begeleid "
                   "binnen {binnen} aaneengesloten weken; je vraagt aan binnen een jaar nadat de "
                   "plaats eindigde.",
    "open": "Aanvragen kan {wat}.",
    "gesloten": "Het laatste aanvraagtijdvak ({wat}) is voorbij en een volgend tijdvak is nog "
                "niet gepubliceerd.",
    "verlengd": "De regeling is verlengd tot en met {jaar}; kijk bij RVO wanneer het volgende "
                "aanvraagtijdvak opent.",
    "deadline": "Praktijkleren derde leerweg aanvragen bij RVO (uiterlijk {tot}, 17:00).",
    "bedrag": "Per praktijkleerplaats hooguit {maximum} (budget {budget}, verdeeld over de "
              "aanvragen); zonder de weken van de leerling geven we geen schatting.",
}


def zij_instromer(p: Profile, ev: Evaluation) -> None:
    """Zij-instromers as goal, target group or among the new staff."""
    fields = ["doelen", "doelgroepen", "nieuwe_medewerkers"]
    named = ("zij-instromers" in (p.doelen or []) or "zij-instromers" in (p.doelgroepen or [])
             or any(m.doelgroep == "zij-instromers" for m in p.nieuwe_medewerkers or []))
    if named:
        ev.condition(WHO, True, ZINNEN["zij-instromer+"], fields)
    elif p.doelen is None and p.doelgroepen is None and p.nieuwe_medewerkers is None:
        ev.condition(WHO, None, ZINNEN["zij-instromer?"], fields)
    else:
        ev.condition(WHO, False, ZINNEN["zij-instromer-"], fields)


def aanvraagperiode(ev: Evaluation) -> None:
    """The published window (dates inclusive); once it has closed and no newer one is published,
    there is no ``ja`` (contract §3). Reference: Countus, November 2025."""
    dated = [w for w in ev.regeling.windows if w.tot is not None]
    upcoming = [(w.tot, w) for w in dated if w.tot is not None and w.tot >= ev.peildatum]
    if upcoming:
        tot, w = upcoming[0]
        ev.condition(WINDOW, True, ZINNEN["open"].format(wat=w.omschrijving.lower()))
        ev.add_deadline(tot, ZINNEN["deadline"].format(tot=datum(tot)))
        return
    ends = ev.param("looptijd-tot")
    if ends is not None:
        ev.hint(ZINNEN["verlengd"].format(jaar=ends.waarde.year), ends.bron)
    if dated:
        ev.condition(WINDOW, False, ZINNEN["gesloten"].format(wat=dated[-1].omschrijving.lower()))


def evaluate(p: Profile, ev: Evaluation) -> None:
    zij_instromer(p, ev)
    aanvraagperiode(ev)
    if ev.failed:
        return
    ev.arrange("derde-leerweg", ZINNEN["derde-leerweg"])
    start, weeks, within = (ev.param("start-vanaf"), ev.param("begeleide-weken"),
                            ev.param("binnen-aaneengesloten-weken"))
    if start and weeks and within:
        ev.arrange("veertig-weken", ZINNEN["voorwaarden"].format(
            start=datum(start.waarde), weken=weeks.text(), binnen=within.text()))
        ev.not_applicable("start-vanaf")
        ev.not_applicable("binnen-een-jaar")
    maximum, budget = ev.param("maximum-per-plaats"), ev.param("budget")
    if maximum:
        ev.note(ZINNEN["bedrag"].format(maximum=maximum.text(), budget=euro(budget.waarde)
                                        if budget else "onbekend"), maximum.bron)
