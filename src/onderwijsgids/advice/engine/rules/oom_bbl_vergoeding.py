"""OOM leerwerkbijdrage (the guide's "vergoeding voor bbl"): per learner per school year,
applied for *during* the training period.

References: https://www.oom.nl/Regelingen/Leerwerkbijdrage/Leerwerkbijdrage-schooljaar-2019-2020
(conditions 2019/20: erkend leerbedrijf, learner employed, at most 5 learners, apply during the
course) ; https://www.bouwenmetstaal.nl/nieuws/meer-geld-voor-leerwerk-en-stage-in-het-mkb-metaal
(2023/24 amounts by route). Figures are content (content/regelingen/oom-bbl-vergoeding.yaml);
the amount is a range per route, so no single estimate.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgids.vocabulary import LEERWEG_WORDS, datum

from ..evaluation import Evaluation
from ..model import Periode
from ..profile import Leerling, Profile
from ..studiejaar import Studiejaar
from .common import Condition, cap, erkend_leerbedrijf, judge_each, leerling_naam, oom_cao, veld

ID = "oom-bbl-vergoeding"
IN_DIENST_LEERWEGEN = frozenset({"bbl", "hbo-duaal", "hbo-deeltijd"})
IN_DIENST = "leerling-in-dienst"
TIJDENS = "tijdens-opleiding-aanvragen"

ZINNEN = {
    "geen-antwoord": "We weten niet of je leerlingen hebt; de bijdrage is voor leerlingen die bij "
                     "je in dienst zijn (mbo-bbl, duaal of deeltijd-hbo).",
    "geen-leerlingen": "Je hebt geen leerlingen opgegeven; de bijdrage is per leerling die bij je "
                       "in dienst is (mbo-bbl, duaal of deeltijd-hbo).",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; de bijdrage is voor leerlingen in "
                "dienst (mbo-bbl, duaal of deeltijd-hbo).",
    "leerweg-": "{Leerling} is niet bij jou in dienst als leerling-werknemer ({leerweg} is "
                "geen leerwerkplaats met arbeidscontract).",
    "leerweg+": "{Leerling} werkt met een arbeidscontract bij jou.",
    "loopt+": "De opleiding van {leerling} loopt nog{tot}: je vraagt de bijdrage aan tijdens de "
              "opleiding.",
    "zonder-data": "Je noemt {leerling} als huidige of geplande leerling, zonder einddatum: je "
                   "vraagt de bijdrage aan zolang de opleiding loopt.",
    "route": "{Leerling} volgt de route {route}.",
    "begint+": "De opleiding van {leerling} begint op {start}; je vraagt de bijdrage aan tijdens "
               "de opleiding.",
    "loopt-": "De opleiding van {leerling} eindigde op {eind}; de bijdrage vraag je aan tijdens "
              "de opleiding, dus dat kan niet meer.",
    "maximum": "OOM vergoedde hooguit {maximum} leerlingen per bedrijf (voorwaarde van "
               "schooljaar {jaar}); je hebt er {aantal}.",
    "bedrag": "Het bedrag hangt af van de route (bbl, via een bedrijfsvakschool, hbo); in "
              "schooljaar {jaar} was het {bedrag}. Controleer het actuele bedrag; daarom geven "
              "we geen schatting.",
    "geen-bedrag": "De bron noemt geen actueel bedrag; zie de bron.",
}


def in_dienst(ev: Evaluation, p: Profile, index: int, leerling: Leerling) -> list[Condition]:
    """The learner works for the company under a contract (bbl, hbo dual or part-time); mbo-bbl
    needs an erkend leerbedrijf. Reference: https://www.oom.nl/Regelingen/Leerwerkbijdrage/Leerwerkbijdrage-schooljaar-2019-2020"""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return [Condition(IN_DIENST, None, ZINNEN["leerweg?"].format(leerling=naam), field)]
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in IN_DIENST_LEERWEGEN:
        return [Condition(IN_DIENST, False, ZINNEN["leerweg-"].format(**words), field)]
    conditions = [Condition(IN_DIENST, True, ZINNEN["leerweg+"].format(**words), field),
                  tijdens_opleiding(ev, index, leerling)]
    if leerling.leerweg == "bbl":
        conditions.append(erkend_leerbedrijf(p.erkend_leerbedrijf))
    return conditions


def tijdens_opleiding(ev: Evaluation, index: int, leerling: Leerling) -> Condition:
    """"Er kan gedurende de opleidingsperiode van de leerling een bijdrage worden aangevraagd":
    a learner who has left no longer counts. Reference: https://www.oom.nl/Regelingen/Leerwerkbijdrage/Leerwerkbijdrage-schooljaar-2019-2020"""
    naam = leerling_naam(ev, index, leerling)
    # A learner in the profile is a current or planned one: without an end date the training
    # runs; the condition rests on the dates given, else on the learner being listed.
    given = "eind" if leerling.eind else ("start" if leerling.start else "leerweg")
    field = [veld(index, given)]
    if leerling.eind is not None and leerling.eind < ev.peildatum:
        return Condition(TIJDENS, False, ZINNEN["loopt-"].format(leerling=naam,
                                                        eind=datum(leerling.eind)), field)
    if leerling.start is not None and leerling.start > ev.peildatum:
        return Condition(TIJDENS, True, ZINNEN["begint+"].format(leerling=naam,
                                                        start=datum(leerling.start)), field)
    if leerling.start is None and leerling.eind is None:
        return Condition(TIJDENS, True, ZINNEN["zonder-data"].format(leerling=naam), [])
    tot = f" (tot {datum(leerling.eind)})" if leerling.eind else ""
    return Condition(TIJDENS, True, ZINNEN["loopt+"].format(leerling=naam, tot=tot), (
        field if leerling.eind else [veld(index, "start")]))


ROUTES = {"bbl": "mbo werkend leren (bbl)", "hbo-duaal": "hbo (duaal)",
          "hbo-deeltijd": "hbo (deeltijd)"}


def route(ev: Evaluation, index: int, leerling: Leerling) -> None:
    """The routes of 2023: deeltijd-mbo, bbl, the mbo-scholingspoolroute (bbl via a BVM), hbo
    and wo; the amount depends on the route.
    Reference: https://www.bouwenmetstaal.nl/nieuws/meer-geld-voor-leerwerk-en-stage-in-het-mkb-metaal"""
    name = ("de mbo-scholingspoolroute (bbl via een bedrijfsvakschool)"
            if leerling.leerweg == "bbl" and leerling.via_bvm else ROUTES[leerling.leerweg or ""])
    ev.note(ZINNEN["route"].format(Leerling=cap(leerling_naam(ev, index, leerling)), route=name))


def studiejaren_van(leerling: Leerling, peildatum: dt.date) -> list[Studiejaar]:
    """From the start through the current study year (and the coming one when the training
    continues after it)."""
    if leerling.start is None:
        return []
    current = Studiejaar.of(peildatum)
    last = current.volgende if (leerling.eind is None or leerling.eind > current.einde) else current
    if leerling.eind is not None:
        last = min(last, Studiejaar.of(leerling.eind))
    first = Studiejaar.of(leerling.start)
    return [Studiejaar(y) for y in range(first.eerste_jaar, max(last, first).eerste_jaar + 1)]


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: in_dienst(ev, p, i, leerling),
                        IN_DIENST, "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    if ev.failed:
        return
    learners = [(i, (p.leerlingen or [])[i]) for i in chosen
                if (p.leerlingen or [])[i].leerweg in IN_DIENST_LEERWEGEN]
    ev.perioden = [Periode(leerling=i, studiejaar=year.label, venster=None)
                   for i, leerling in learners for year in studiejaren_van(leerling, ev.peildatum)]
    for i, leerling in learners:
        route(ev, i, leerling)
    maximum = ev.param("maximum-leerlingen-per-bedrijf")
    most = maximum.number() if maximum else None
    if maximum is not None and most is not None and len(learners) > most:
        ev.note(ZINNEN["maximum"].format(maximum=maximum.text(), jaar=maximum.schooljaar,
                                         aantal=len(learners)), maximum.bron)
    amount = ev.param("bedrag-bandbreedte")
    if amount is not None:
        ev.note(ZINNEN["bedrag"].format(jaar=amount.schooljaar, bedrag=amount.text()), amount.bron)
    else:
        ev.note(ZINNEN["geen-bedrag"])
