"""Contract §3 ``acties``: what the company should do, most important first, built from the
regelingen's results (nothing is judged twice here).

Three kinds of action:

- **What unlocks regelingen**: SBB recognition while mbo learners wait (every mbo stage and bbl
  place needs it, https://www.s-bb.nl/bedrijven/voorwaarden-erkenning/) and a trained
  praktijkopleider. What such an action unlocks is found by the rules themselves: the engine
  judges the regelingen that do not fit yet once more on the profile as it would be after the
  action (``rejudge``), so the money named is the rules' own sourced estimate, never a figure
  made here. The regelingen it turns from ``nee`` into ``ja`` or ``misschien`` are listed in
  ``ontgrendelt``; a plan shows such a ``nee`` as "past nog niet" (docs/adr/0010).
- **Applying before a course starts** (PTT): one action per course, worth the rules' estimate
  for that course alone.
- **Applying** for every other regeling that fits and has a deadline.

Order (:func:`order`): first what must happen before anything else can be claimed (an action
that unlocks regelingen, and SBB recognition while learners wait), most money first; then what
is due within 60 days, soonest first; then by money at stake, then by date. Every dated action
is also in the advice's ``deadlines`` (:func:`actie_deadlines`).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from onderwijsgids.vocabulary import datum, euro, listing

from .compiled import CompiledKB
from .model import Actie, Deadline, Ontgrendeling, RegelingAdvies
from .profile import Profile

MBO = {"bbl": ("een bbl-leerling", "{n} bbl-leerlingen"),
       "bol": ("een bol-stagiair", "{n} bol-stagiairs")}
SOON = dt.timedelta(days=60)
PTT = "oom-ptt"
SBB = "sbb-erkenning"
PRAKTIJKOPLEIDER = "praktijkopleider-opleiden"
PRAKTIJKOPLEIDER_PAGE = "praktijkopleiderscursus"

# Judge the given regelingen again on a changed profile (the engine's own rules, no trace).
Rejudge = Callable[[Profile, Iterable[str]], list[RegelingAdvies]]

ZINNEN = {
    "sbb-wat": "Vraag erkenning als leerbedrijf aan bij SBB",
    "sbb-waarom": "Je hebt {wie} en je bedrijf is {staat} erkend als leerbedrijf; elke "
                  "mbo-leerling, bbl en bol, heeft een erkend leerbedrijf nodig.",
    "sbb-daarna": "Pas daarna kun je {wat} aanvragen.",
    "sbb-wat-bbl": "de Subsidie Praktijkleren",
    "sbb-wat-bol": "een stagebijdrage",
    "po-wat": "Laat de begeleider van je leerlingen de praktijkopleiderscursus volgen",
    "po-waarom": "Je begeleidt leerlingen en je praktijkopleider is {staat} opgeleid. Een erkend "
                 "leerbedrijf heeft een praktijkopleider met tijd en middelen; de "
                 "praktijkopleiderscursus bereidt de begeleider daarop voor.",
    "levert": "Daarna past: {wat}.",
    "levert-misschien": "Daarna kan ook passen (dat hangt dan nog van een ander antwoord af): "
                        "{wat}.",
    "bedrag": "{titel} (indicatief {bedrag})",
    "op-tijd": "{titel} kun je aanvragen tot en met {dag}; regel dit dus eerder.",
    "ontgrendel-deadline": "{wat}, zodat je {titel} nog kunt aanvragen (tot en met {dag}).",
    "ptt-wat": "Vraag de PTT bij OOM aan voor {cursus}",
    "ptt-waarom": "De PTT moet vóór de start van de cursus zijn aangevraagd: uiterlijk {dag}.",
    "regeling-wat": "Vraag {titel} aan",
    "regeling-waarom": "Dit past bij jou{tot}.",
}


def acties(p: Profile, c: CompiledKB, results: list[RegelingAdvies], peildatum: dt.date,
           rejudge: Rejudge) -> list[Actie]:
    """Every action for this profile, most important first (see the module docstring)."""
    found = [*sbb_erkenning(p, c, results, rejudge), *praktijkopleider(p, c, results, rejudge),
             *ptt_cursussen(p, c, results, peildatum, rejudge), *aanvragen(c, results)]
    return order(found, peildatum)


def order(found: Iterable[Actie], peildatum: dt.date) -> list[Actie]:
    """Most important first: what unlocks (most money first), then what is due within 60 days
    (soonest first), then by money at stake and date. Ties by ``id``: deterministic."""
    def key(a: Actie) -> tuple:
        money = -(a.waarde_eur or 0)
        day = a.deadline or dt.date.max
        if a.ontgrendelt or a.id == SBB:
            return (0, money, day, a.id)
        if a.deadline is not None and a.deadline - peildatum <= SOON:
            return (1, day, money, a.id)
        return (2, money, day, a.id)

    return sorted(found, key=key)


def actie_deadlines(found: Iterable[Actie], c: CompiledKB,
                    known: Iterable[Deadline]) -> list[Deadline]:
    """A deadline for each dated action not already among the rules' deadlines (an unlocking
    action takes the deadline of what it unlocks), so every dated action is in ``deadlines``."""
    listed = {(d.datum, d.regeling) for d in known}
    extra = []
    for a in found:
        if a.deadline is None or a.regeling is None or (a.deadline, a.regeling) in listed:
            continue
        titel = c.item_titles.get(a.regeling, a.regeling)
        extra.append(Deadline.model_construct(
            datum=a.deadline, regeling=a.regeling,
            wat=ZINNEN["ontgrendel-deadline"].format(wat=a.wat, titel=titel,
                                                     dag=datum(a.deadline))))
        listed.add((a.deadline, a.regeling))
    return extra


# --- what an action unlocks ------------------------------------------------------------------

def unlocks(results: list[RegelingAdvies], changed: Profile,
            rejudge: Rejudge) -> list[Ontgrendeling]:
    """The regelingen that do not fit now and would after the change: ``nee`` that would be
    ``ja`` or ``misschien``, ``misschien`` that would be ``ja``. Most money first."""
    waiting = {r.id: r.status for r in results if r.status != "ja"}
    if not waiting:
        return []
    found = [Ontgrendeling.model_construct(regeling=r.id, titel=r.titel, url=r.url,
                                           status=r.status, schatting_eur=r.schatting_eur,
                                           deadline=r.deadline)
             for r in rejudge(changed, list(waiting))
             if r.status != "nee" and (waiting[r.id] == "nee" or r.status == "ja")]
    return sorted(found, key=lambda u: (-(u.schatting_eur or 0), u.deadline or dt.date.max))


def unlocked_money(found: list[Ontgrendeling]) -> int | None:
    """The sourced estimates of what would fit for sure (``ja``), added up; ``None`` if none."""
    amounts = [u.schatting_eur for u in found if u.status == "ja" and u.schatting_eur]
    return sum(amounts) if amounts else None


def unlocks_sentences(found: list[Ontgrendeling]) -> list[str]:
    """``Daarmee past ook: Subsidieregeling praktijkleren (indicatief € 2.700).``"""
    def named(u: Ontgrendeling) -> str:
        return (ZINNEN["bedrag"].format(titel=u.titel, bedrag=euro(u.schatting_eur))
                if u.schatting_eur else u.titel)

    sure = [named(u) for u in found if u.status == "ja"]
    open_ = [named(u) for u in found if u.status != "ja"]
    return ([ZINNEN["levert"].format(wat=listing(sure))] if sure else []) + (
        [ZINNEN["levert-misschien"].format(wat=listing(open_))] if open_ else [])


def first_deadline(found: list[Ontgrendeling]) -> Ontgrendeling | None:
    """The unlocked regeling that closes first (only those that would fit for sure)."""
    dated = [u for u in found if u.status == "ja" and u.deadline]
    return min(dated, key=lambda u: (u.deadline, u.regeling)) if dated else None


def unlocking_action(action_id: str, wat: str, waarom: str, found: list[Ontgrendeling],
                     actiepunt: str | None, waar: str | None) -> Actie:
    """An action that turns regelingen into ``ja``: dated by the first of them to close.
    ``waarom`` says why; the sentences on what it unlocks are added here."""
    first = first_deadline(found)
    sentences = [waarom, *unlocks_sentences(found)]
    if first and first.deadline:
        sentences.append(ZINNEN["op-tijd"].format(titel=first.titel, dag=datum(first.deadline)))
    return Actie.model_construct(
        id=action_id, wat=wat, waarom=" ".join(sentences),
        deadline=first.deadline if first else None, waarde_eur=unlocked_money(found),
        regeling=first.regeling if first else (found[0].regeling if found else None),
        actiepunt=actiepunt, waar=waar, ontgrendelt=found)


# --- the actions -----------------------------------------------------------------------------


def where_to_act(c: CompiledKB, item_id: str) -> str | None:
    """``waar``: the sourced page where the company applies or arranges it (a link of the item
    marked ``aanvragen``), else the guide's own page of the item."""
    return c.act_urls.get(item_id) or c.item_urls.get(item_id)


def sbb_erkenning(p: Profile, c: CompiledKB, results: list[RegelingAdvies],
                  rejudge: Rejudge) -> list[Actie]:
    """Recognition by SBB while mbo learners (bbl or bol) wait."""
    leerwegen = [x.leerweg for x in p.leerlingen or [] if x.leerweg in MBO]
    if not leerwegen or p.erkend_leerbedrijf is True:
        return []
    wie = listing([MBO[w][0] if leerwegen.count(w) == 1 else MBO[w][1].format(n=leerwegen.count(w))
                   for w in MBO if w in leerwegen])
    wat = listing([ZINNEN[f"sbb-wat-{w}"] for w in MBO if w in leerwegen])
    staat = "nog niet" if p.erkend_leerbedrijf is False else "misschien nog niet"
    found = unlocks(results, p.model_copy(update={"erkend_leerbedrijf": True}), rejudge)
    waarom = ZINNEN["sbb-waarom"].format(wie=wie, staat=staat)
    if not found:
        waarom += " " + ZINNEN["sbb-daarna"].format(wat=wat)
    return [unlocking_action(
        SBB, ZINNEN["sbb-wat"], waarom, found, actiepunt="actiepunt-3" if "actiepunt-3" in c.item_urls else None,
        waar=where_to_act(c, "sbb"))]


def praktijkopleider(p: Profile, c: CompiledKB, results: list[RegelingAdvies],
                     rejudge: Rejudge) -> list[Actie]:
    """A trained praktijkopleider while learners are supervised (actiepunt 4)."""
    if not p.leerlingen or p.praktijkopleider_opgeleid is True:
        return []
    staat = "niet" if p.praktijkopleider_opgeleid is False else "misschien niet"
    found = unlocks(results, p.model_copy(update={"praktijkopleider_opgeleid": True}), rejudge)
    return [unlocking_action(
        PRAKTIJKOPLEIDER, ZINNEN["po-wat"], ZINNEN["po-waarom"].format(staat=staat), found,
        actiepunt="actiepunt-4" if "actiepunt-4" in c.item_urls else None,
        waar=c.item_urls.get(PRAKTIJKOPLEIDER_PAGE))]


def ptt_cursussen(p: Profile, c: CompiledKB, results: list[RegelingAdvies], peildatum: dt.date,
                  rejudge: Rejudge) -> list[Actie]:
    """One action per planned course still to be requested, while the PTT is not ``nee``;
    worth the PTT's estimate for that course alone."""
    ptt = next((r for r in results if r.id == PTT), None)
    if ptt is None or ptt.status == "nee":
        return []
    found = []
    for index, course in enumerate(p.scholing_medewerkers or []):
        if course.start is None or course.start <= peildatum or PTT in course.aangevraagd:
            continue
        alone = rejudge(p.model_copy(update={"scholing_medewerkers": [course]}), [PTT])[0]
        last = course.start - dt.timedelta(days=1)
        naam = f"cursus {index + 1}" + (f" ({course.omschrijving})" if course.omschrijving else "")
        found.append(Actie.model_construct(
            id=f"ptt-cursus-{index}", wat=ZINNEN["ptt-wat"].format(cursus=naam),
            waarom=ZINNEN["ptt-waarom"].format(dag=datum(last)), deadline=last,
            waarde_eur=alone.schatting_eur if alone.status != "nee" else None,
            regeling=PTT, actiepunt=None, waar=c.act_urls.get(PTT, ptt.url), ontgrendelt=[]))
    return found


def aanvragen(c: CompiledKB, results: list[RegelingAdvies]) -> list[Actie]:
    """Apply for every other regeling that fits and has a deadline."""
    return [Actie.model_construct(
        id=f"{r.id}-aanvragen", wat=ZINNEN["regeling-wat"].format(titel=r.titel),
        waarom=ZINNEN["regeling-waarom"].format(
            tot=f"; aanvragen kan tot en met {datum(r.deadline)}" if r.deadline else ""),
        deadline=r.deadline, waarde_eur=r.schatting_eur, regeling=r.id, actiepunt=None,
        waar=c.act_urls.get(r.id, r.url), ontgrendelt=[])
        for r in results if r.status == "ja" and r.deadline and r.id != PTT]
