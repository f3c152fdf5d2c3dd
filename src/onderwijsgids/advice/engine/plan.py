"""The plan: action points ordered by what the profile says, qualifications, organisations.

Ordering is flat and explainable: each action point collects points from profile facts
(a learner needs recognition, a trainer is not trained, …), from chosen goals and from target
groups; the highest total comes first, ties in the guide's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from onderwijsgids.kb.schema import Actiepunt as ActiepuntItem

from onderwijsgids.vocabulary import GOAL_WORDS, PROVINCE_WORDS, TARGET_GROUP_WORDS, datum, listing

from .compiled import CompiledKB
from .model import Actiepunt, RegelingAdvies
from .profile import Profile

FACT, GOAL, GROUP, DEFAULT = 5, 3, 2, 1
NOT_OOM = {"metalektro", "andere", "geen"}
LEARNER_GOALS = {"bbl-leerlingen", "stageplekken", "jongeren-begeleiden"}


@dataclass(slots=True)
class _Candidate:
    item: ActiepuntItem
    score: int = 0
    waarom: list[str] = field(default_factory=list)
    first_steps: list[str] = field(default_factory=list)

    def add(self, points: int, reason: str, *steps: str) -> None:
        self.score += points
        if reason not in self.waarom:
            self.waarom.append(reason)
        for step in steps:
            if step not in self.first_steps:
                self.first_steps.append(step)


def _action_with(c: CompiledKB, item: ActiepuntItem, word: str) -> str | None:
    """The first action of ``item`` naming ``word`` (a word without spaces, so the one-line
    texts in ``c.actions`` match exactly where the original texts do)."""
    return next((text for text in c.actions[item.id] if word in text.lower()), None)


class _Points:
    """The action points that collected points so far, each made when it is first touched."""

    __slots__ = ("c", "touched")

    def __init__(self, c: CompiledKB):
        self.c = c
        self.touched: dict[int, _Candidate] = {}

    def at(self, position: int) -> _Candidate:
        found = self.touched.get(position)
        if found is None:
            found = self.touched[position] = _Candidate(self.c.actiepunten[position])
        return found

    def number(self, nummer: int) -> _Candidate | None:
        """Action point ``nummer`` of the guide (``None`` if content has no such point)."""
        position = self.c.number_positions.get(nummer)
        return None if position is None else self.at(position)


def _facts(p: Profile, c: CompiledKB, points: _Points,
           results: dict[str, RegelingAdvies]) -> None:
    learners = p.leerlingen or []
    bbl = any(learner.leerweg == "bbl" for learner in learners)
    if bbl and p.erkend_leerbedrijf is not True and (point := points.number(3)):
        answer = ("is nog niet erkend als leerbedrijf" if p.erkend_leerbedrijf is False
                  else "is misschien nog niet erkend als leerbedrijf")
        point.add(FACT, f"Je hebt een bbl-leerling en je bedrijf {answer}.",
                  "Vraag bij SBB erkenning als leerbedrijf aan: die is nodig voor mbo-bbl "
                  "en voor de Subsidie Praktijkleren.")
    if learners and p.praktijkopleider_opgeleid is not True and (point := points.number(4)):
        step = _action_with(c, point.item, "praktijkopleiderscursus")
        answer = "niet" if p.praktijkopleider_opgeleid is False else "misschien niet"
        point.add(FACT, f"Je begeleidt leerlingen en je praktijkopleider is {answer} "
                  "opgeleid.", *([step] if step else []))
    if any(learner.via_bvm for learner in learners) and (point := points.number(5)):
        point.add(FACT, "Een bedrijfsvakschool verzorgt een deel van de opleiding van je "
                  "leerling.")
    if p.provincie and c.bvm_by_province.get(p.provincie) and (
            bbl or set(p.doelen or []) & {"bbl-leerlingen", "medewerkers-scholen"}) and (
            point := points.number(5)):
        schools = c.bvm_by_province[p.provincie]
        names = listing([c.item_titles[i] for i in schools])
        point.add(DEFAULT, _schools_sentence(c, p.provincie, schools),
                  f"Bezoek {names} en vraag naar de mogelijkheden.",
                  *_status_notes(c, schools))
    if p.scholing_medewerkers and (point := points.number(6)):
        steps = []
        ptt = results.get("oom-ptt")
        if ptt and ptt.status != "nee" and ptt.deadline:
            steps.append(f"Vraag de PTT bij OOM aan vóór {datum(ptt.deadline)}, dus vóór de "
                         "start van de cursus.")
        point.add(FACT, "Je plant scholing van medewerkers.", *steps)
    praktijk = results.get("subsidie-praktijkleren")
    if praktijk and praktijk.status == "ja" and praktijk.deadline and (
            point := points.number(3)):
        point.add(FACT, "Voor je leerling(en) kun je de Subsidie Praktijkleren "
                  "aanvragen.", f"Vraag de Subsidie Praktijkleren uiterlijk "
                  f"{datum(praktijk.deadline)} aan bij RVO.")


UNCONFIRMED_STEP = ("Wil je de scholingspoolroute gebruiken bij een school waarvan de BVM-status "
                    "niet bevestigd is? Vraag dan eerst aan de school of aan OOM of OOM haar "
                    "erkent.")


def _school_status(c: CompiledKB, school: str) -> str:
    """``bevestigd als BVM (januari 2021)`` or ``metaalbedrijfsschool, BVM-status niet
    bevestigd``: what the sources say (bvm_status), never more."""
    status = c.bvm_confirmed[school]
    if not status.bevestigd:
        return "metaalbedrijfsschool, BVM-status niet bevestigd"
    return "bevestigd als BVM" + (f", volgens een bron van {status.datum}" if status.datum else "")


def _status_notes(c: CompiledKB, schools: list[str]) -> list[str]:
    """What content notes on a school's status, and the check an unconfirmed status calls for."""
    notes = [f"Over {c.item_titles[i]}: {note.strip()}" for i in schools
             if (note := c.bvm_confirmed[i].toelichting)]
    unconfirmed = not all(c.bvm_confirmed[i].bevestigd for i in schools)
    return notes + ([UNCONFIRMED_STEP] if unconfirmed else [])


def _schools_sentence(c: CompiledKB, province: str, schools: list[str]) -> str:
    """``In Zeeland zit een bedrijfsvakschool: … — …``, each school with its status."""
    named = "; ".join(f"{c.item_titles[i]} — {_school_status(c, i)}" for i in schools)
    lead = "zit een bedrijfsvakschool" if len(schools) == 1 else "zitten bedrijfsvakscholen"
    return f"In {PROVINCE_WORDS[province]} {lead}: {named}."


COALITION_WORD = "techniekcoalitie"


def mentions_coalition(c: CompiledKB, point_id: str) -> bool:
    """Whether the guide's actions of this action point send the owner to a Techniekcoalitie."""
    return any(COALITION_WORD in text.lower() for text in c.actions.get(point_id, ()))


def _coalition_step(c: CompiledKB, province: str) -> str:
    """Which regional Techniekcoalitie covers the province, or that none is known."""
    words = PROVINCE_WORDS[province]
    found = c.coalitions_by_province.get(province, [])
    if not found:
        return (f"Voor {words} kennen we geen regionale Techniekcoalitie. Lees op de pagina "
                "over Techniekcoalities wat zo'n samenwerkingsverband doet, en vraag je "
                "Metaalunie-buitendienstadviseur welke samenwerking er in je regio is.")
    names = listing([c.item_titles[i] for i in found])
    return (f"Voor {words} kennen we {names}. Vraag je Metaalunie-buitendienstadviseur hoe je "
            "daarmee in contact komt.")


def _coalitions(p: Profile, c: CompiledKB, points: _Points) -> None:
    """Where an action point names the Techniekcoalitie, say which one covers the province."""
    if not p.provincie:
        return
    for cand in points.touched.values():
        if mentions_coalition(c, cand.item.id):
            cand.first_steps.insert(0, _coalition_step(c, p.provincie))


NO_GOALS = "Je hebt (nog) geen doelen gekozen; dit actiepunt kan bij jou passen."
NAMES_OOM = re.compile(r"\boom\b", re.IGNORECASE)  # "OOM", "www.oom.nl"; not "doorstroom"
A_EN_O = ("Je bedrijf valt onder de cao Metalektro: waar de gids OOM noemt, is A+O Metalektro "
          "je opleidingsfonds. Kijk bij de regelingen en het aanbod van A+O Metalektro, niet bij "
          "die van OOM.")


def _metalektro(p: Profile, c: CompiledKB, points: _Points) -> None:
    """A Metalektro company is pointed to A+O Metalektro wherever the guide names OOM.
    Reference: https://www.oom.nl/Over-OOM/Wie-is-OOM"""
    if p.cao != "metalektro":
        return
    for cand in points.touched.values():
        if any(NAMES_OOM.search(text) for text in c.actions[cand.item.id]):
            cand.first_steps.insert(0, A_EN_O)


def _goals(p: Profile, c: CompiledKB, points: _Points) -> None:
    """Points for the chosen goals and target groups, the matches named in the profile's order."""
    if p.doelen is None:
        for position in range(len(c.actiepunten)):
            points.at(position).add(DEFAULT, NO_GOALS)
        return
    for position, matched in _matches(p.doelen, c.goal_points).items():
        points.at(position).add(GOAL * len(matched), _fits("doel", "doelen", GOAL_WORDS, matched))
    for position, matched in _matches(p.doelgroepen or [], c.group_points).items():
        points.at(position).add(GROUP, _fits("doelgroep", "doelgroepen", TARGET_GROUP_WORDS,
                                             matched))


def _matches(chosen: Sequence[str], points: dict[str, tuple[int, ...]]) -> dict[int, list[str]]:
    """Action point position → the chosen values it fits, in the order they were chosen."""
    found: dict[int, list[str]] = {}
    for value in chosen:
        for position in points.get(value, ()):
            found.setdefault(position, []).append(value)
    return found


def _fits(one: str, many: str, words: dict[str, str], values: list[str]) -> str:
    """``Past bij je doel: nieuwe medewerkers werven.``"""
    return (f"Past bij je {one if len(values) == 1 else many}: "
            + listing([words[v] for v in values]) + ".")


def actiepunten(p: Profile, c: CompiledKB, results: dict[str, RegelingAdvies]) -> list[Actiepunt]:
    """The action points that fit the profile, most points first, ties in the guide's order."""
    points = _Points(c)
    _facts(p, c, points, results)
    _goals(p, c, points)
    _coalitions(p, c, points)
    _metalektro(p, c, points)
    chosen = sorted((cand for cand in points.touched.values() if cand.score > 0),
                    key=lambda cand: (-cand.score, cand.item.nummer))
    return [_point(c, cand, rank) for rank, cand in enumerate(chosen, start=1)]


def _point(c: CompiledKB, cand: _Candidate, rank: int) -> Actiepunt:
    """One action point of the plan: the first steps the profile calls for, then the guide's."""
    actions = c.actions[cand.item.id]
    steps = cand.first_steps + [s for s in actions if s not in cand.first_steps]
    return Actiepunt.model_construct(id=cand.item.id, prioriteit=rank, waarom=cand.waarom,
                                     stappen=steps, titel=cand.item.titel,
                                     url=c.item_urls[cand.item.id])


def kwalificaties(p: Profile, c: CompiledKB) -> list[str]:
    """The learners' crebo codes first; with a learner goal, the metal profiles by level."""
    found: list[str] = []
    for learner in p.leerlingen or []:
        if learner.crebo and learner.crebo not in found:
            found.append(learner.crebo)
    if set(p.doelen or []) & LEARNER_GOALS:
        found += [k.crebo for k in c.kwalificatie_profielen if k.crebo not in found]
    return found


def organisaties(p: Profile, c: CompiledKB, regelingen: list[RegelingAdvies],
                 plan: list[Actiepunt]) -> list[str]:
    """Who to contact, most useful first: providers of fitting regelingen, SBB when recognition
    is needed, the province's bedrijfsvakscholen, A+O Metalektro for Metalektro companies."""
    wanted = ([o for o in sorted(c.organisaties) if "metalektro" in o]
              if p.cao == "metalektro" else [])
    wanted += [c.by_id[result.id].aanbieder for result in regelingen if result.status != "nee"]
    if not p.erkend_leerbedrijf and any(learner.leerweg == "bbl" for learner in p.leerlingen or []):
        wanted.append("sbb")
    wanted += c.bvm_by_province.get(p.provincie or "", [])
    if any(mentions_coalition(c, point.id) for point in plan):
        wanted += c.coalitions_by_province.get(p.provincie or "", [])
    for point in plan:
        wanted += [org_id for org_id in c.point_organisaties.get(point.id, ())
                   if not (p.cao in NOT_OOM and org_id == "oom")]
    wanted.append("metaalunie")
    return [org_id for org_id in dict.fromkeys(wanted) if org_id in c.organisaties]


ERKENNING_PAGE = "erkend-leerbedrijf-worden"
COALITION_PAGE = "techniekcoalitie"


def _asks_recognition(text: str) -> bool:
    lower = text.lower()
    return "sbb" in lower and "erkenning" in lower


def further_reading(c: CompiledKB, plan: list[Actiepunt], provincie: str | None,
                    sbb_action: bool) -> dict[str, list[tuple[str, str]]]:
    """Pages the plan page links (URL, title): per action point ID, and under ``""`` for the
    plan as a whole. "Erkend leerbedrijf worden" where SBB recognition is a step or an action;
    the province's Techniekcoalitie (or the general page when none is known) where a point
    names the Techniekcoalitie."""
    def pages(*ids: str) -> list[tuple[str, str]]:
        return [(c.item_urls[i], c.item_titles[i]) for i in ids if i in c.item_urls]

    found: dict[str, list[tuple[str, str]]] = {}
    if sbb_action:
        found[""] = pages(ERKENNING_PAGE)
    for point in plan:
        links = pages(ERKENNING_PAGE) if any(map(_asks_recognition, point.stappen)) else []
        if provincie and mentions_coalition(c, point.id):
            links += pages(*(c.coalitions_by_province.get(provincie) or [COALITION_PAGE]))
        if links:
            found[point.id] = links
    return found
