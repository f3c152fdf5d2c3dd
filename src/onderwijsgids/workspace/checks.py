"""Checks on the values of a write action, one set per kind of data, shared by every channel.

The page's forms (and so the API, which validates with them), the CSV import and the profile
import ask these for their problems, and every action in :mod:`.actions` asks again before it
writes: a direct call with bad values is refused with :class:`InvalidValues`, carrying per
field the same Dutch message the form shows. Rules that need the database (one application
per regeling and year) are raised by the actions as named subclasses, such as
:class:`DuplicateApplication`.

The ``*_problems`` functions take a mapping of the fields known so far (a form leaves out the
fields that did not parse) and skip what is absent; the ``check_*`` functions take a whole
value and raise.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from onderwijsgids import bounded
from onderwijsgids.errors import InvalidInput, Problem
from onderwijsgids.vocabulary import (CAO_VALUES, GOALS, HBO_DOMAINS, LEARNING_PATHS, PROVINCES,
                                      TARGET_GROUPS)

from .domain.values import (ApplicationValues, CompanyProfile,
                            LearnerValues, TrainingValues)
from .validators import date_in_range, single_line

REQUIRED = _("Dit veld is verplicht.")
LEERWEG_CHOICE = format_lazy(_("Kies uit {leerwegen}."), leerwegen=", ".join(LEARNING_PATHS))
HBO_DOMAIN_CHOICE = format_lazy(_("Kies als hbo-domein uit {domeinen}."),
                                domeinen=", ".join(HBO_DOMAINS))
CREBO_FORMAT = _("Een crebocode is vijf cijfers.")
CREBO_UNKNOWN = _("Crebocode %(crebo)s staat niet in de onderwijsgids.")
APPLIED_UNKNOWN = _("Bij ‘al aangevraagd’: %(value)s is geen regeling uit de onderwijsgids.")
EIND_BEFORE_START = _("De einddatum ligt vóór de startdatum.")
EIND_PROBLEM = _("De einddatum %(probleem)s.")
YEAR_FORMAT = _("Schrijf een jaar als 2026 of 2025/26.")
REGELING_UNKNOWN = _("Kies een regeling uit de onderwijsgids.")
CHOICE_UNKNOWN = _("Kies een van de mogelijkheden.")
AMOUNT_NEGATIVE = _("Het bedrag kan niet negatief zijn.")
AMOUNT_TOO_LARGE = _("Dit bedrag is te groot.")
COUNT_OUT_OF_RANGE = _("Vul een aantal tussen 0 en 1.000.000 in.")
DUPLICATE_APPLICATION = _("Voor deze regeling en dit jaar bestaat al een aanvraag.")
KVK_FORMAT = _("Een KvK-nummer is 8 cijfers, bijvoorbeeld 12345678.")

LEARNER_TEXT = {"naam": 200, "school": 200, "praktijkopleider": 200}
TRAINING_TEXT = {"medewerker": 200, "omschrijving": 200}
COMPANY_TEXT = {"naam": 200, "plaats": 100}
MAX_NOTE = 2000
MAX_EMPLOYEES = 1_000_000
STATUSES = ("te-doen", "aangevraagd", "toegekend", "afgewezen")


class InvalidValues(InvalidInput):
    """A write action refused its values: ``problems`` holds every problem, per field."""


class DuplicateApplication(InvalidValues):
    """This company already has an application for this regeling and year."""

    def __init__(self, regeling: str, jaar: str):
        self.regeling, self.jaar = regeling, jaar
        super().__init__([Problem("jaar", str(DUPLICATE_APPLICATION))])


def _raise_if(found: list[Problem]) -> None:
    if found:
        raise InvalidValues(found)


def _validation_message(validator: Callable[[Any], None], value: Any) -> str | None:
    try:
        validator(value)
    except ValidationError as exc:
        return exc.messages[0]
    return None


def text_problem(value: str, limit: int, *, required: bool = False,
                 one_line: bool = True) -> str | None:
    """The form's message for a text: required, at most ``limit`` characters, one line."""
    if required and not value.strip():
        return str(REQUIRED)
    if len(value) > limit:
        return _validation_message(MaxLengthValidator(limit), value)
    if one_line:
        return _validation_message(single_line, value)
    problem = bounded.text_problem(value, single_line=False)
    return str(_("Deze tekst %(probleem)s.") % {"probleem": problem}) if problem else None


def _texts(values: Mapping[str, Any], limits: Mapping[str, int],
           required: Iterable[str]) -> list[Problem]:
    needed = set(required)
    return [Problem(name, problem) for name, limit in limits.items() if name in values
            if (problem := text_problem(values[name] or "", limit, required=name in needed))]


def _dates(values: Mapping[str, Any], names: Iterable[str]) -> list[Problem]:
    return [Problem(name, problem) for name in names if values.get(name) is not None
            if (problem := _validation_message(date_in_range, values[name]))]


def _unknown_ids(name: str, ids: Iterable[str], known: set[str] | None) -> list[Problem]:
    if known is None:
        return []
    return [Problem(name, str(APPLIED_UNKNOWN % {"value": i})) for i in ids if i not in known]


# --- learners ------------------------------------------------------------------------------


def _learner_span(values: Mapping[str, Any]) -> list[Problem]:
    start, eind = values.get("start"), values.get("eind")
    if start is None or eind is None:
        return []
    if eind < start:
        return [Problem("eind", str(EIND_BEFORE_START))]
    if problem := bounded.span_problem(start, eind):
        return [Problem("eind", str(EIND_PROBLEM % {"probleem": problem}))]
    return []


def _crebo(crebo: str, known_crebos: set[str] | None) -> list[Problem]:
    if crebo and not re.fullmatch(r"\d{5}", crebo):
        return [Problem("crebo", str(CREBO_FORMAT))]
    if crebo and known_crebos is not None and crebo not in known_crebos:
        return [Problem("crebo", str(CREBO_UNKNOWN % {"crebo": crebo}))]
    return []


def learner_problems(values: Mapping[str, Any], *, known_crebos: set[str] | None = None,
                     known_regelingen: set[str] | None = None) -> list[Problem]:
    """Every problem with a learner's values (``None`` for a known set: not checked)."""
    found = _texts(values, LEARNER_TEXT, required=("naam",))
    if "leerweg" in values and values["leerweg"] not in LEARNING_PATHS:
        found.append(Problem("leerweg", str(LEERWEG_CHOICE)))
    if values.get("crebo"):
        found += _crebo(values["crebo"], known_crebos)
    dated = _dates(values, ("start", "eind", "praktijkovereenkomst"))
    found += dated
    if not any(f.field in ("start", "eind") for f in dated):
        found += _learner_span(values)
    if values.get("hbo_domein") and values["hbo_domein"] not in HBO_DOMAINS:
        found.append(Problem("hbo_domein", str(HBO_DOMAIN_CHOICE)))
    found += _unknown_ids("aangevraagd", values.get("aangevraagd") or (), known_regelingen)
    return found


def check_learner_values(values: LearnerValues, *, known_crebos: set[str] | None = None,
                         known_regelingen: set[str] | None = None) -> None:
    _raise_if(learner_problems(values.as_dict(), known_crebos=known_crebos,
                               known_regelingen=known_regelingen))


def learner_row_check(known_crebos: set[str] | None, known_regelingen: set[str] | None
                      ) -> Callable[[Mapping[str, Any]], list[tuple[str, str]]]:
    """The learner checks for the CSV import, as (column, message) pairs."""

    def check(row: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f.field, f.message) for f in learner_problems(
            row, known_crebos=known_crebos, known_regelingen=known_regelingen)]

    return check


# --- staff training ------------------------------------------------------------------------


def training_problems(values: Mapping[str, Any],
                      known_regelingen: set[str] | None = None) -> list[Problem]:
    found = _texts(values, TRAINING_TEXT, required=TRAINING_TEXT)
    found += _dates(values, ("start",))
    kosten = values.get("kosten_eur")
    if kosten is not None and kosten < 0:
        found.append(Problem("kosten_eur", str(AMOUNT_NEGATIVE)))
    elif kosten is not None and bounded.integer_problem(kosten):
        found.append(Problem("kosten_eur", str(AMOUNT_TOO_LARGE)))
    return found + _unknown_ids("aangevraagd", values.get("aangevraagd") or (), known_regelingen)


def check_training_values(values: TrainingValues,
                          known_regelingen: set[str] | None = None) -> None:
    _raise_if(training_problems(values.as_dict(), known_regelingen))


# --- applications --------------------------------------------------------------------------


def application_problems(values: Mapping[str, Any],
                         known_regelingen: set[str] | None = None) -> list[Problem]:
    found: list[Problem] = []
    regeling = values.get("regeling")
    if regeling is not None and known_regelingen is not None and regeling not in known_regelingen:
        found.append(Problem("regeling", str(REGELING_UNKNOWN)))
    if "jaar" in values and not re.fullmatch(r"\d{4}(/\d{2})?", values["jaar"] or ""):
        found.append(Problem("jaar", str(YEAR_FORMAT)))
    if "status" in values and values["status"] not in STATUSES:
        found.append(Problem("status", str(CHOICE_UNKNOWN)))
    bedrag = values.get("bedrag")
    if bedrag is not None and bedrag < 0:
        found.append(Problem("bedrag", str(AMOUNT_NEGATIVE)))
    elif bedrag is not None and bedrag > bounded.MAX_INT32:
        found.append(Problem("bedrag", str(AMOUNT_TOO_LARGE)))
    found += _dates(values, ("datum",))
    if "notitie" in values and (problem := text_problem(values["notitie"] or "", MAX_NOTE,
                                                        one_line=False)):
        found.append(Problem("notitie", problem))
    return found


def check_application_values(values: ApplicationValues,
                             known_regelingen: set[str] | None = None) -> None:
    _raise_if(application_problems(values.as_dict(), known_regelingen))


# --- companies -----------------------------------------------------------------------------


def _choices(name: str, value: Any, allowed: Sequence[str]) -> list[Problem]:
    chosen = value if isinstance(value, (list, tuple)) else [value]
    return [Problem(name, str(CHOICE_UNKNOWN))] if any(
        v is not None and v not in allowed for v in chosen) else []


def company_problems(values: Mapping[str, Any]) -> list[Problem]:
    """Every problem with a company's profile values (the name is required)."""
    found = _texts(values, COMPANY_TEXT, required=("naam",))
    medewerkers = values.get("medewerkers")
    if medewerkers is not None and not 0 <= medewerkers <= MAX_EMPLOYEES:
        found.append(Problem("medewerkers", str(COUNT_OUT_OF_RANGE)))
    for name, allowed in (("cao", CAO_VALUES), ("provincie", PROVINCES), ("doelen", GOALS),
                          ("doelgroepen", TARGET_GROUPS)):
        if name in values:
            found += _choices(name, values[name], allowed)
    return found


def kvk_number(text: str) -> str | None:
    """A KvK number as stored (8 digits), from what people type ("1234 5678", "12.34.56.78");
    ``""`` for none, ``None`` when it is not a KvK number."""
    digits = re.sub(r"[\s.]", "", text or "")
    if not digits:
        return ""
    return digits if re.fullmatch(r"[0-9]{8}", digits) else None  # not other scripts' digits


def check_kvk(kvk: str) -> None:
    if kvk_number(kvk) != kvk:
        raise InvalidValues([Problem("kvk", str(KVK_FORMAT))])


def check_company_name(naam: str) -> None:
    """The name every channel gives a company (form, CLI, sign-up, profile import)."""
    _raise_if(company_problems({"naam": naam}))


def check_company_profile(profile: CompanyProfile) -> None:
    _raise_if(company_problems(profile.as_dict()))
