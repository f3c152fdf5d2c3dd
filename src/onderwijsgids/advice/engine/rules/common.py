"""Building blocks the rules share: the cao test for OOM, judging a list of learners or courses."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence, TypeVar

from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from .inputs import group

Condition = tuple[str, "bool | None", str, Sequence[str]]
T = TypeVar("T")

OOM_CAO = "cao-metaal-en-techniek"
LEERWEG_NAMES = {
    "bol": "mbo-bol", "bbl": "mbo-bbl", "hbo-duaal": "hbo-duaal/deeltijd",
    "hbo-voltijd": "hbo-voltijd", "vmbo": "vmbo", "havo-vwo": "havo/vwo",
}


# What oom_cao() reads: which of its cases the cao falls in ("onbekend" and no answer are one).
CAO_CASES = group("cao", ("metaal-en-techniek",), ("metalektro",), ("andere", "geen"))


def oom_cao(p: Profile, ev: Evaluation) -> None:
    """OOM is the training fund of the cao Metaal en Techniek; Metalektro has A+O Metalektro."""
    if p.cao == "metaal-en-techniek":
        ev.condition(OOM_CAO, True, "Je bedrijf valt onder de cao Metaal en Techniek (antwoord "
                     "'cao'); daarvoor is OOM het opleidingsfonds.", ["cao"])
    elif p.cao == "metalektro":
        ev.condition(OOM_CAO, False, "Je bedrijf valt onder de cao Metalektro (antwoord 'cao'). "
                     "OOM-regelingen gelden alleen voor de cao Metaal en Techniek; de Metalektro "
                     "heeft een eigen opleidingsfonds: A+O Metalektro.", ["cao"])
    elif p.cao in ("andere", "geen"):
        ev.condition(OOM_CAO, False, "Je bedrijf valt niet onder de cao Metaal en Techniek "
                     "(antwoord 'cao'); OOM-regelingen gelden alleen voor die cao.", ["cao"])
    else:
        ev.condition(OOM_CAO, None, "We weten niet onder welke cao je bedrijf valt (antwoord "
                     "'cao' ontbreekt); OOM-regelingen gelden alleen voor de cao Metaal en "
                     "Techniek.", ["cao"])


def learner_label(index: int, learner: Leerling) -> str:
    return learner_name(index, learner.leerweg, learner.crebo)


@lru_cache(maxsize=4096)
def learner_name(index: int, leerweg: str | None, crebo: str | None) -> str:
    """``leerling 2 (mbo-bbl, crebo 25892)``: how sentences name a learner."""
    parts = [LEERWEG_NAMES[leerweg]] if leerweg else []
    if crebo:
        parts.append(f"crebo {crebo}")
    return f"leerling {index + 1}" + (f" ({', '.join(parts)})" if parts else "")


def erkend_condition(erkend_leerbedrijf: bool | None) -> Condition:
    """SBB recognition, needed for mbo-bbl (Praktijkleren, leerwerkbijdrage, scholingspool)."""
    if erkend_leerbedrijf is None:
        return ("erkend-leerbedrijf", None, "We weten niet of je bedrijf door SBB erkend "
                "leerbedrijf is (antwoord 'erkend_leerbedrijf' ontbreekt); dat is nodig voor mbo-bbl.",
                ("erkend_leerbedrijf",))
    if erkend_leerbedrijf:
        return ("erkend-leerbedrijf", True, "Je bedrijf is erkend leerbedrijf (antwoord "
                "'erkend_leerbedrijf').", ("erkend_leerbedrijf",))
    return ("erkend-leerbedrijf", False, "Je bedrijf is (nog) geen erkend leerbedrijf (antwoord "
            "'erkend_leerbedrijf'); voor mbo-bbl is erkenning door SBB nodig.",
            ("erkend_leerbedrijf",))


def _outcome(conditions: Sequence[Condition]) -> bool | None:
    """False if any condition failed, else None if any is unknown, else True."""
    outcome: bool | None = True
    for condition in conditions:
        if condition[1] is False:
            return False
        if condition[1] is None:
            outcome = None
    return outcome


def judge_each(ev: Evaluation, things: Sequence[T] | None,
               check: Callable[[int, T], Sequence[Condition]], code: str, field: str,
               unknown: str, empty: str) -> list[int]:
    """Judge every learner (or course) and record the conditions of the best ones.

    The regeling applies when at least one learner qualifies: their conditions are recorded
    (``ja``); failing that, the undecided ones (``misschien``); failing that, all (``nee``).
    Learners that do not count are mentioned, so the owner sees why. Returns the indices chosen.
    """
    if things is None:
        ev.condition(code, None, unknown, [field])
        return []
    if not things:
        ev.condition(code, False, empty, [field])
        return []
    judged: list[tuple[int, Sequence[Condition]]] = []
    good: list[tuple[int, Sequence[Condition]]] = []
    undecided: list[tuple[int, Sequence[Condition]]] = []
    for i, thing in enumerate(things):
        conditions = check(i, thing)
        judged.append((i, conditions))
        outcome = _outcome(conditions)
        if outcome:
            good.append((i, conditions))
        elif outcome is None:
            undecided.append((i, conditions))
    chosen = good or undecided or judged
    for _i, conditions in chosen:
        for c_code, ok, sentence, fields in conditions:
            ev.condition(c_code, ok, sentence, fields)
    if len(chosen) < len(judged):
        chosen_ids = {i for i, _ in chosen}
        for i, conditions in judged:
            if i not in chosen_ids:
                reason = next((c for c in conditions if c[1] is False), None) or \
                    next((c for c in conditions if c[1] is None), None)
                if reason:
                    ev.note(f"Telt niet mee: {reason[2]}")
    return [i for i, _ in chosen]  # in order: learners are judged in order


def training_purpose(p: Profile, ev: Evaluation, code: str, purpose: str) -> None:
    """Training own staff: a chosen goal ``medewerkers-scholen`` or planned courses."""
    if p.doelen is not None and "medewerkers-scholen" in p.doelen:
        ev.condition(code, True, "Je wilt je medewerkers scholen (antwoord 'doelen').", ["doelen"])
    elif p.scholing_medewerkers:
        ev.condition(code, True, "Je plant scholing van medewerkers (antwoord "
                     "'scholing_medewerkers').", ["scholing_medewerkers"])
    elif p.doelen is None and p.scholing_medewerkers is None:
        ev.condition(code, None, "We weten niet of je medewerkers wilt scholen (antwoorden "
                     "'doelen' en 'scholing_medewerkers' ontbreken).",
                     ["doelen", "scholing_medewerkers"])
    else:
        ev.condition(code, False, "Je noemt geen scholing van medewerkers (antwoorden 'doelen' "
                     f"en 'scholing_medewerkers'); {purpose}", ["doelen", "scholing_medewerkers"])
