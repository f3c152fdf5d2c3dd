"""Contract §3 ``acties``: what the company should do, most important first, built from the
regelingen's results (nothing is judged twice here).

Order: first what must happen before anything else can be claimed (SBB recognition while
mbo learners wait: every mbo stage and bbl place needs it, https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/),
then what is due within 60 days, then by money at stake, then by date. Every dated action is
also in the advice's ``deadlines``.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgids.vocabulary import datum, listing

from .compiled import CompiledKB
from .model import Actie, RegelingAdvies
from .profile import Profile

MBO = {"bbl": "een bbl-leerling", "bol": "een bol-stagiair"}
SOON = dt.timedelta(days=60)
PTT = "oom-ptt"

ZINNEN = {
    "sbb-wat": "Vraag erkenning als leerbedrijf aan bij SBB",
    "sbb-waarom": "Je hebt {wie} en je bedrijf is {staat} erkend als leerbedrijf; elke "
                  "mbo-leerling, bbl en bol, heeft een erkend leerbedrijf nodig. Pas daarna kun je "
                  "{wat} aanvragen.",
    "sbb-wat-bbl": "de Subsidie Praktijkleren",
    "sbb-wat-bol": "een stagebijdrage",
    "ptt-wat": "Vraag de PTT bij OOM aan voor {cursus}",
    "ptt-waarom": "De PTT moet vóór de start van de cursus zijn aangevraagd: uiterlijk {dag}.",
    "regeling-wat": "Vraag {titel} aan",
    "regeling-waarom": "Dit past bij jou{tot}.",
}


def acties(p: Profile, c: CompiledKB, results: list[RegelingAdvies],
           peildatum: dt.date) -> list[Actie]:
    found = [*sbb_erkenning(p, c), *ptt_cursussen(p, c, results, peildatum),
             *aanvragen(results)]
    first = [a for a in found if a.id == "sbb-erkenning"]
    rest = sorted((a for a in found if a.id != "sbb-erkenning"), key=lambda a: (
        not (a.deadline and a.deadline - peildatum <= SOON), -(a.waarde_eur or 0),
        a.deadline or dt.date.max, a.id))
    return first + rest


def sbb_erkenning(p: Profile, c: CompiledKB) -> list[Actie]:
    """Recognition by SBB while mbo learners (bbl or bol) wait."""
    leerwegen = [x.leerweg for x in p.leerlingen or [] if x.leerweg in MBO]
    if not leerwegen or p.erkend_leerbedrijf is True:
        return []
    wie = listing([MBO[w] for w in MBO if w in leerwegen])
    wat = listing([ZINNEN[f"sbb-wat-{w}"] for w in MBO if w in leerwegen])
    staat = "nog niet" if p.erkend_leerbedrijf is False else "misschien nog niet"
    return [Actie(id="sbb-erkenning", wat=ZINNEN["sbb-wat"],
                  waarom=ZINNEN["sbb-waarom"].format(wie=wie, staat=staat, wat=wat),
                  actiepunt="actiepunt-3" if "actiepunt-3" in c.item_urls else None,
                  waar=c.item_urls.get("sbb"))]


def ptt_cursussen(p: Profile, c: CompiledKB, results: list[RegelingAdvies],
                  peildatum: dt.date) -> list[Actie]:
    """One action per planned course still to be requested, while the PTT is not ``nee``."""
    ptt = next((r for r in results if r.id == PTT), None)
    if ptt is None or ptt.status == "nee":
        return []
    found = []
    for index, course in enumerate(p.scholing_medewerkers or []):
        if course.start is None or course.start <= peildatum or PTT in course.aangevraagd:
            continue
        last = course.start - dt.timedelta(days=1)
        naam = f"cursus {index + 1}" + (f" ({course.omschrijving})" if course.omschrijving else "")
        found.append(Actie(id=f"ptt-cursus-{index}", wat=ZINNEN["ptt-wat"].format(cursus=naam),
                           waarom=ZINNEN["ptt-waarom"].format(dag=datum(last)), deadline=last,
                           regeling=PTT, waar=ptt.url))
    return found


def aanvragen(results: list[RegelingAdvies]) -> list[Actie]:
    """Apply for every other regeling that fits and has a deadline."""
    return [Actie(id=f"{r.id}-aanvragen", wat=ZINNEN["regeling-wat"].format(titel=r.titel),
                  waarom=ZINNEN["regeling-waarom"].format(
                      tot=f"; aanvragen kan tot en met {datum(r.deadline)}" if r.deadline else ""),
                  deadline=r.deadline, waarde_eur=r.schatting_eur, regeling=r.id, waar=r.url)
            for r in results if r.status == "ja" and r.deadline and r.id != PTT]
