"""OOM leerwerkbijdrage (the guide's "vergoeding voor bbl"), per learner per school year.

Source: content/regelingen/oom-bbl-vergoeding.yaml. Conditions: cao Metaal en Techniek, erkend
leerbedrijf, the learner employed by the company (bbl or hbo-duaal), a maximum number of
learners per company. The amount is a range per route in content: no single estimate.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..evaluation import Evaluation, cap, param_text
from ..profile import Leerling, Profile
from .common import (
    CAO_CASES, Condition, erkend_condition, judge_each, learner_name, oom_cao,
)
from .inputs import answer, each

ID = "oom-bbl-vergoeding"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, each("leerlingen", "leerweg", "crebo"),
          answer("erkend_leerbedrijf", only_if=("leerlingen", "leerweg", {"bbl"})))
EMPLOYED = {"bbl", "hbo-duaal"}
IN_DIENST = "leerling-in-dienst"


def check_learner(p: Profile, index: int, learner: Leerling) -> Sequence[Condition]:
    return _learner_conditions(index, learner.leerweg, learner.crebo, p.erkend_leerbedrijf)


@lru_cache(maxsize=4096)
def _learner_conditions(index: int, leerweg: str | None, crebo: str | None,
                        erkend_leerbedrijf: bool | None) -> tuple[Condition, ...]:
    """A learner's conditions: a pure function of these answers, so worked out once each."""
    name, field = learner_name(index, leerweg, crebo), f"leerlingen[{index}].leerweg"
    if leerweg is None:
        return ((IN_DIENST, None, f"We weten niet welke leerweg {name} volgt (antwoord "
                 f"'{field}' ontbreekt); de bijdrage is voor leerlingen in dienst (bbl, hbo-duaal).",
                 (field,)),)
    if leerweg not in EMPLOYED:
        return ((IN_DIENST, False, f"{cap(name)} volgt {leerweg} (antwoord "
                 f"'{field}') en is dus niet bij jou in dienst als leerling-werknemer.", (field,)),)
    conditions: list[Condition] = [
        (IN_DIENST, True, f"{cap(name)} volgt {leerweg} (antwoord '{field}') en "
         "werkt met een arbeidscontract bij jou.", (field,))]
    if leerweg == "bbl":
        conditions.append(erkend_condition(erkend_leerbedrijf))
    return tuple(conditions)


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(
        ev, p.leerlingen, lambda i, learner: check_learner(p, i, learner), IN_DIENST,
        "leerlingen",
        unknown="We weten niet of je leerlingen hebt (antwoord 'leerlingen' ontbreekt); de "
                "bijdrage is voor bbl- en hbo-duale leerlingen in dienst.",
        empty="Je hebt geen leerlingen opgegeven (antwoord 'leerlingen'); de bijdrage is per "
              "bbl- of hbo-duale leerling in dienst.")
    if ev.failed:
        return
    maximum = ev.param("maximum-leerlingen-per-bedrijf")
    limit = maximum.number() if maximum else None  # no usable maximum in content: no note
    if maximum is not None and limit is not None and len(chosen) > limit:
        ev.note(f"OOM vergoedt hooguit {param_text(maximum)} leerlingen per bedrijf; je hebt er "
                f"{len(chosen)}.", maximum.bron)
    amount = ev.param("bedrag-bandbreedte")
    if amount is not None:
        year = f" in schooljaar {amount.schooljaar}" if amount.schooljaar else ""
        ev.note(f"Het bedrag hangt af van de route (bbl, via een bedrijfsvakschool, hbo); "
                f"{year.strip() or 'volgens de bron'} was het {param_text(amount)}. Controleer "
                "het actuele bedrag; daarom geven we geen schatting.", amount.bron)
    else:
        ev.note("De bron noemt geen actueel bedrag; zie de bron.")
