"""What several regelingen share: the OOM cao test, SBB recognition, naming a learner in words,
and judging a list of learners or courses (the regeling applies when one of them qualifies)."""

from __future__ import annotations

from typing import Callable, NamedTuple, Sequence, TypeVar

from onderwijsgids.vocabulary import LEERWEG_WORDS, capitalised, datum

from ..compiled import Param
from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import Leerling, Profile
from ..studiejaar import Studiejaar



class Condition(NamedTuple):
    """One condition as a rule judged it, before it is recorded with ``ev.condition``."""

    code: str  # the condition's code in content (``voorwaarden``)
    ok: bool | None  # met, not met, or not known from the answers
    sentence: str  # why, in plain Dutch
    fields: Sequence[str]  # the profile fields it rests on


T = TypeVar("T")
cap = capitalised  # "Leerling 1 ..." at the start of a sentence
MAX_AGE = 3  # study years: an older figure is not used for an estimate (contract §3)

KIESMBO = "https://www.kiesmbo.nl"

ZINNEN = {
    "cao+": "Je bedrijf valt onder de cao Metaal en Techniek; daarvoor is OOM het "
            "opleidingsfonds.",
    "cao-metalektro": "Je bedrijf valt onder de cao Metalektro. OOM-regelingen gelden alleen "
                      "voor de cao Metaal en Techniek; de Metalektro heeft een eigen "
                      "opleidingsfonds: A+O Metalektro. Kijk bij de regelingen van A+O.",
    "ao+": "Je bedrijf valt onder de cao Metalektro; daarvoor is A+O Metalektro het "
           "opleidingsfonds.",
    "ao-": "Je bedrijf valt niet onder de cao Metalektro; A+O Metalektro is alleen het fonds "
           "van die cao.",
    "ao?": "We weten niet onder welke cao je bedrijf valt; A+O Metalektro is het fonds van de "
           "cao Metalektro.",
    "cao-": "Je bedrijf valt niet onder de cao Metaal en Techniek; OOM-regelingen gelden "
            "alleen voor die cao.",
    "cao?": "We weten niet onder welke cao je bedrijf valt; OOM-regelingen gelden alleen voor "
            "de cao Metaal en Techniek.",
    "erkend+": "Je bedrijf is door SBB erkend als leerbedrijf.",
    "erkend-": "Je bedrijf is (nog) geen erkend leerbedrijf; voor {wie} is erkenning door SBB "
               "nodig.",
    "erkend?": "We weten niet of je bedrijf door SBB erkend leerbedrijf is; dat is nodig voor "
               "{wie}.",
    "crebo-buiten-gids": "Let op: de opleiding van {leerling} (crebocode {crebo}) hoort niet bij "
                         "de twaalf metaalopleidingen van de gids. Kijk op {kiesmbo} of ze in "
                         "het Crebo-register staat.",
    "telt-niet-mee": "Telt niet mee: {reden}",
    "scholing-doel": "Je wilt je eigen medewerkers scholen.",
    "scholing-gepland": "Je plant scholing van medewerkers.",
    "scholing?": "We weten niet of je medewerkers wilt scholen.",
    "scholing-": "Je noemt geen scholing van medewerkers; {doel}",
}


def leerling_naam(ev: Evaluation, index: int, leerling: Leerling) -> str:
    """``leerling 2 (mbo-bbl, Productietechniek)``: a learner in words."""
    parts = [LEERWEG_WORDS[leerling.leerweg]] if leerling.leerweg else []
    if leerling.crebo:
        parts.append(ev.kb.kwalificaties.get(leerling.crebo)
                     or f"opleiding met crebocode {leerling.crebo}")
    return f"leerling {index + 1}" + (f" ({', '.join(parts)})" if parts else "")


def veld(index: int, name: str, lijst: str = "leerlingen") -> str:
    """The profile field a condition rests on (for ``ontbreekt`` and the trace only)."""
    return f"{lijst}[{index}].{name}"


def oom_cao(p: Profile, ev: Evaluation) -> None:
    """OOM is the training fund of the cao Metaal en Techniek; Metalektro has A+O Metalektro.
    Reference: https://www.oom.nl/Over-OOM/Wie-is-OOM"""
    code = "cao-metaal-en-techniek"
    if p.cao == "metaal-en-techniek":
        ev.condition(code, True, ZINNEN["cao+"], ["cao"])
    elif p.cao == "metalektro":
        ev.condition(code, False, ZINNEN["cao-metalektro"], ["cao"])
    elif p.cao in ("andere", "geen"):
        ev.condition(code, False, ZINNEN["cao-"], ["cao"])
    else:
        ev.condition(code, None, ZINNEN["cao?"], ["cao"])


def ao_cao(p: Profile, ev: Evaluation) -> None:
    """A+O Metalektro is the training fund of the cao Metalektro, not OOM.
    Reference: https://www.oom.nl/Over-OOM/Wie-is-OOM ; https://www.vakraad.nl/regelingen/scholing-en-opleiding/"""
    code = "cao-metalektro"
    if p.cao == "metalektro":
        ev.condition(code, True, ZINNEN["ao+"], ["cao"])
    elif p.cao in ("metaal-en-techniek", "andere", "geen"):
        ev.condition(code, False, ZINNEN["ao-"], ["cao"])
    else:
        ev.condition(code, None, ZINNEN["ao?"], ["cao"])


def binnen_maanden_na_start(ev: Evaluation, code: str, zinnen: dict[str, str], index: int,
                            leerling: Leerling, months: Param) -> Condition:
    """Applied for (or registered) within ``months`` of the learner's start: the condition, in
    the regeling's own sentences ``start?``, ``start+`` and ``start-`` (words: ``leerling``,
    ``maanden``, ``start``, ``laatste``)."""
    field = [veld(index, "start")]
    words = dict(leerling=leerling_naam(ev, index, leerling), maanden=months.text())
    if leerling.start is None:
        return Condition(code, None, zinnen["start?"].format(**words), field)
    last = add_months(leerling.start, int(months.waarde))
    words.update(start=datum(leerling.start), laatste=datum(last))
    in_time = last >= ev.peildatum
    return Condition(code, in_time, zinnen["start+" if in_time else "start-"].format(**words),
                     field)


def te_oud(figure: Param, studiejaar: Studiejaar) -> bool:
    """A figure of a study year more than three study years before ``studiejaar``: not used for
    an estimate (contract §3). An undated figure is never too old by this test."""
    return figure.schooljaar is not None and (
        studiejaar.eerste_jaar - Studiejaar.parse(figure.schooljaar).eerste_jaar > MAX_AGE)


def erkend_leerbedrijf(erkend: bool | None, wie: str = "mbo-bbl") -> Condition:
    """SBB recognition. Reference: https://www.s-bb.nl (erkend leerbedrijf)."""
    key = "erkend?" if erkend is None else ("erkend+" if erkend else "erkend-")
    return Condition("erkend-leerbedrijf", erkend, ZINNEN[key].format(wie=wie), ("erkend_leerbedrijf",))


def crebo_buiten_gids(ev: Evaluation, index: int, leerling: Leerling) -> None:
    """A crebo code outside the guide's twelve is accepted, and named as such (contract §2)."""
    if leerling.crebo and leerling.crebo not in ev.kb.kwalificaties:
        ev.note(ZINNEN["crebo-buiten-gids"].format(
            leerling=f"leerling {index + 1}", crebo=leerling.crebo, kiesmbo=KIESMBO))


def outcome(conditions: Sequence[Condition]) -> bool | None:
    """False if any condition failed, else None if any is unknown, else True."""
    if any(c.ok is False for c in conditions):
        return False
    return None if any(c.ok is None for c in conditions) else True


def judge_each(ev: Evaluation, things: Sequence[T] | None,
               check: Callable[[int, T], Sequence[Condition]], code: str, field: str,
               unknown: str, empty: str) -> list[int]:
    """Judge every learner (or course) and record the conditions of the best ones.

    The regeling applies when at least one qualifies: their conditions are recorded (``ja``);
    failing that, the undecided ones (``misschien``); failing that, all (``nee``). The others
    are mentioned, so the owner sees why. Returns the indices chosen, in order.
    """
    if things is None:
        ev.condition(code, None, unknown, [field])
        return []
    if not things:
        ev.condition(code, False, empty, [field])
        return []
    judged = [(i, check(i, thing)) for i, thing in enumerate(things)]
    good = [(i, c) for i, c in judged if outcome(c) is True]
    undecided = [(i, c) for i, c in judged if outcome(c) is None]
    chosen = good or undecided or judged
    for _, conditions in chosen:
        for c_code, ok, sentence, fields in conditions:
            ev.condition(c_code, ok, sentence, fields)
    chosen_ids = {i for i, _ in chosen}
    for i, conditions in judged:
        if i not in chosen_ids:
            reason = next((c for c in conditions if c.ok is False), None) or next(
                (c for c in conditions if c.ok is None), None)
            if reason:
                ev.note(ZINNEN["telt-niet-mee"].format(reden=reason.sentence))
    return [i for i, _ in chosen]


def training_purpose(p: Profile, ev: Evaluation, code: str, doel: str) -> None:
    """Training own staff: the goal "eigen medewerkers scholen" or planned courses."""
    fields = ["doelen", "scholing_medewerkers"]
    if p.doelen is not None and "medewerkers-scholen" in p.doelen:
        ev.condition(code, True, ZINNEN["scholing-doel"], ["doelen"])
    elif p.scholing_medewerkers:
        ev.condition(code, True, ZINNEN["scholing-gepland"], ["scholing_medewerkers"])
    elif p.doelen is None and p.scholing_medewerkers is None:
        ev.condition(code, None, ZINNEN["scholing?"], fields)
    else:
        ev.condition(code, False, ZINNEN["scholing-"].format(doel=doel), fields)
