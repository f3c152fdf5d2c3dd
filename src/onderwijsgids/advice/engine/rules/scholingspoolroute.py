"""Scholingspoolroute: part of the bbl training done by a bedrijfsvakschool (BVM), with an
extra contribution from OOM.

Source: content/regelingen/scholingspoolroute.yaml (guide, OOM quality criteria).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..evaluation import Evaluation, cap
from ..profile import Leerling, Profile
from .common import (
    CAO_CASES, Condition, erkend_condition, judge_each, learner_name, oom_cao,
)
from .inputs import answer, each, given

ID = "scholingspoolroute"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, each("leerlingen", "leerweg", "crebo", extra=("via_bvm",),
                        when=("leerweg", {None, "bbl"})),
          answer("erkend_leerbedrijf", only_if=("leerlingen", "leerweg", {None, "bbl"})),
          given("provincie"))
VIA_BVM = "via-bvm"
LEERWEG = "leerweg-bbl"


def check_learner(p: Profile, index: int, learner: Leerling) -> Sequence[Condition]:
    return _learner_conditions(index, learner.leerweg, learner.crebo, learner.via_bvm,
                               p.erkend_leerbedrijf)


@lru_cache(maxsize=4096)
def _learner_conditions(index: int, leerweg: str | None, crebo: str | None,
                        via_bvm: bool | None,
                        erkend_leerbedrijf: bool | None) -> tuple[Condition, ...]:
    """A learner's conditions: a pure function of these answers, so worked out once each."""
    name, field = learner_name(index, leerweg, crebo), f"leerlingen[{index}]"
    if leerweg not in (None, "bbl"):
        return ((LEERWEG, False, f"{cap(name)} volgt {leerweg} (antwoord "
                 f"'{field}.leerweg'); de scholingspoolroute is een bbl-route.",
                 (f"{field}.leerweg",)),)
    conditions: list[Condition] = []
    if leerweg is None:
        conditions.append((LEERWEG, None, f"We weten niet welke leerweg {name} volgt (antwoord "
                           f"'{field}.leerweg' ontbreekt); de route is voor bbl.",
                           (f"{field}.leerweg",)))
    if via_bvm is None:
        conditions.append((VIA_BVM, None, f"We weten niet of een bedrijfsvakschool een deel van "
                           f"de opleiding van {name} verzorgt (antwoord '{field}.via_bvm' "
                           "ontbreekt).", (f"{field}.via_bvm",)))
    elif via_bvm:
        conditions.append((VIA_BVM, True, f"Een bedrijfsvakschool verzorgt een deel van de "
                           f"opleiding van {name} (antwoord '{field}.via_bvm').",
                           (f"{field}.via_bvm",)))
    else:
        conditions.append((VIA_BVM, False, f"{cap(name)} volgt de opleiding niet via een "
                           f"bedrijfsvakschool (antwoord '{field}.via_bvm').", (f"{field}.via_bvm",)))
    conditions.append(erkend_condition(erkend_leerbedrijf))
    return tuple(conditions)


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    judge_each(
        ev, p.leerlingen, lambda i, learner: check_learner(p, i, learner), VIA_BVM, "leerlingen",
        unknown="We weten niet of je bbl-leerlingen hebt (antwoord 'leerlingen' ontbreekt).",
        empty="Je hebt geen leerlingen opgegeven (antwoord 'leerlingen'); de route is voor een "
              "bbl-leerling van wie een bedrijfsvakschool een deel van de opleiding verzorgt.")
    if not ev.failed:
        ev.arrange("kwaliteitscriteria-bvm")
    if p.provincie is None:
        ev.hint("Vul je provincie in (antwoord 'provincie'), dan noemen we de bedrijfsvakschool "
                "in je buurt.")
