"""What the answers of a plan (a contract §2 profile) become in a company's workspace.

Plain Python: the profile in; out the company's answered fields, the learner and course rows
to add, and each answer that cannot be taken over, with why. The route asks no names, so
learners and employees get a numbered name the owner can change; a learner or course that is
already in the company (same leerweg, opleiding and dates; same course and start) is not
added twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable

from onderwijsgids.vocabulary import LEARNING_PATHS

LEARNER, COURSE, NEW_EMPLOYEE = "leerling", "cursus", "nieuwe-medewerker"
# Why an answer is not taken over.
NO_LEERWEG, LEERWEG_NOT_KEPT, NO_START, NO_END, PRESENT, NOT_KEPT = (
    "geen-leerweg", "leerweg-niet-bijgehouden", "geen-start", "geen-eind", "aanwezig",
    "niet-bijgehouden")


@dataclass(frozen=True)
class NotTaken:
    kind: str  # LEARNER, COURSE or NEW_EMPLOYEE
    number: int  # its place in the plan's list, from 1
    reason: str  # one of the reasons above
    leerweg: str | None = None


@dataclass(frozen=True)
class Names:
    """Numbered names for what the route does not ask, e.g. ``"Leerling {n} uit het plan"``."""

    learner: str
    employee: str
    course: str


@dataclass
class TakeOver:
    company: dict[str, Any]
    learners: list[dict[str, Any]] = field(default_factory=list)
    trainings: list[dict[str, Any]] = field(default_factory=list)
    not_taken: list[NotTaken] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.company or self.learners or self.trainings)


def learner_key(leerweg: str, crebo: str | None, start: dt.date | None,
                eind: dt.date | None) -> tuple:
    return (leerweg, crebo or "", start, eind)


def course_key(omschrijving: str, start: dt.date | None) -> tuple:
    return (" ".join(omschrijving.split()).casefold(), start)


def _learner_problem(learner: Any) -> str | None:
    if learner.leerweg is None:
        return NO_LEERWEG
    if learner.leerweg not in LEARNING_PATHS:
        return LEERWEG_NOT_KEPT
    if learner.start is None:
        return NO_START
    if learner.eind is None:
        return NO_END
    return None


def _learner_row(learner: Any, naam: str) -> dict[str, Any]:
    hbo = learner.leerweg.startswith("hbo")
    return {"naam": naam, "leerweg": learner.leerweg, "crebo": learner.crebo or "",
            "school": "", "start": learner.start, "eind": learner.eind, "praktijkopleider": "",
            "praktijkovereenkomst": learner.praktijkovereenkomst,
            "via_bvm": bool(learner.via_bvm),
            "hbo_domein": (learner.hbo_domein or "") if hbo else "",
            "leerwerktraject": learner.leerwerktraject if learner.leerweg == "vmbo" else None,
            "aangevraagd": list(learner.aangevraagd)}


def _learners(profile: Any, names: Names, present: set[tuple], out: TakeOver) -> None:
    for number, learner in enumerate(profile.leerlingen or [], start=1):
        problem = _learner_problem(learner)
        if problem is None and learner_key(learner.leerweg, learner.crebo, learner.start,
                                           learner.eind) in present:
            problem = PRESENT
        if problem:
            out.not_taken.append(NotTaken(LEARNER, number, problem, learner.leerweg))
        else:
            out.learners.append(_learner_row(learner, names.learner.format(n=number)))


def _courses(profile: Any, names: Names, present: set[tuple], out: TakeOver) -> None:
    for number, course in enumerate(profile.scholing_medewerkers or [], start=1):
        omschrijving = course.omschrijving or names.course.format(n=number)
        if course.start is None:
            out.not_taken.append(NotTaken(COURSE, number, NO_START))
        elif course_key(omschrijving, course.start) in present:
            out.not_taken.append(NotTaken(COURSE, number, PRESENT))
        else:
            out.trainings.append({"medewerker": names.employee.format(n=number),
                                  "omschrijving": omschrijving, "start": course.start,
                                  "kosten_eur": course.kosten_eur,
                                  "aangevraagd": list(course.aangevraagd)})


def take_over(profile: Any, company_fields: Iterable[str], names: Names,
              learners_present: Iterable[tuple] = (),
              courses_present: Iterable[tuple] = ()) -> TakeOver:
    """What ``profile`` adds to a company that already holds ``learners_present`` (keys of
    :func:`learner_key`) and ``courses_present`` (keys of :func:`course_key`). Company fields
    the profile leaves unanswered (``None``) are left out: they keep what the company has."""
    out = TakeOver({name: getattr(profile, name) for name in company_fields
                    if getattr(profile, name, None) is not None})
    _learners(profile, names, set(learners_present), out)
    _courses(profile, names, set(courses_present), out)
    out.not_taken += [NotTaken(NEW_EMPLOYEE, number, NOT_KEPT)
                      for number, _new in enumerate(profile.nieuwe_medewerkers or [], start=1)]
    return out
