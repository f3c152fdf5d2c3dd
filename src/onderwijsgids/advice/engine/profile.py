"""The company profile of contract §2: the input of the advice.

Every field is optional: ``None`` (or absent) means "not answered", and the advice then says
which answer it needs. An empty list means "answered: none". Unknown keys, wrong types,
impossible dates, unknown values and crebo codes that are not in the knowledge base are
errors that name the field (and the YAML line, when the profile came from a file).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping, Sequence

import yaml
from pydantic import (
    BaseModel, ConfigDict, Field, ValidationError, model_validator,
)

from onderwijsgids import bounded
from onderwijsgids.errors import InvalidInput, Problem, field_path
from onderwijsgids.kb.loader import KnowledgeBase, dutch_message, line_of
# The answers' values: the one vocabulary of the product.
from onderwijsgids.vocabulary import Cao, Goal, HboDomain, LearningPath, Province, TargetGroup
# Years within 1900–2100 and a learner's span: checked once, by onderwijsgids.bounded (see
# _bounds_errors), as for forms, the API and CSV.
Datum = dt.date


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Leerling(_Strict):
    """A current or planned learner. No names: the advice needs none."""

    leerweg: LearningPath | None = None
    crebo: str | None = Field(None, pattern=r"^[0-9]{5}$")
    start: Datum | None = None
    eind: Datum | None = None
    via_bvm: bool | None = None
    praktijkovereenkomst: Datum | None = None  # date the praktijkovereenkomst was signed
    aangevraagd: tuple[str, ...] = ()  # regelingen already applied for for this learner
    hbo_domein: HboDomain | None = None  # hbo only
    leerwerktraject: bool | None = None  # vmbo only: basisberoepsgerichte leerwerktraject

    @model_validator(mode="after")
    def _ordered(self) -> "Leerling":
        if self.start and self.eind and self.eind < self.start:
            raise ValueError("de einddatum ligt vóór de startdatum")
        return self


class Scholing(_Strict):
    """Planned training of own staff. ``kosten_eur`` (an extension of §2) allows an estimate."""

    omschrijving: str | None = Field(None, max_length=200)
    start: Datum | None = None
    aangevraagd: tuple[str, ...] = ()
    kosten_eur: int | None = Field(None, ge=0)


class NieuweMedewerker(_Strict):
    """Someone hired or about to be hired (contract §2, added 2026-12)."""

    doelgroep: TargetGroup | None = None
    in_dienst: Datum | None = None
    contract_maanden: int | None = Field(None, ge=0, le=600)
    uren_per_week: int | None = Field(None, ge=0, le=80)


class Profile(_Strict):
    """Contract §2. Field names are Dutch because companies and advisers write these files."""

    naam: str | None = Field(None, max_length=200)
    peildatum: Datum | None = None
    cao: Cao | None = None
    medewerkers: int | None = Field(None, ge=0, le=1_000_000)
    provincie: Province | None = None
    plaats: str | None = Field(None, max_length=100)
    erkend_leerbedrijf: bool | None = None
    praktijkopleider_opgeleid: bool | None = None
    leerlingen: list[Leerling] | None = None
    scholing_medewerkers: list[Scholing] | None = None
    doelen: list[Goal] | None = None
    doelgroepen: list[TargetGroup] | None = None
    nieuwe_medewerkers: list[NieuweMedewerker] | None = None


class ProfileError(InvalidInput):
    """The profile is not valid; ``problems`` lists every problem found, located in ``source``
    (the file name, or ``stdin``) when it came from one."""

    def __init__(self, problems: list[Problem], source: str | None = None):
        self.source = source
        super().__init__([p.in_file(source) for p in problems] if source else problems)


_EXTRA_MESSAGES = {
    "int_from_float": "moet een geheel getal zijn",
    "date_from_datetime_inexact": "is geen geldige datum (JJJJ-MM-DD)",
    "string_too_long": "is te lang",
    "list_type": "moet een lijst zijn",
    "model_attributes_type": "moet een tabel (sleutel: waarde) zijn",
}


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind in ("string_pattern_mismatch", "string_type") and error["loc"][-1] == "crebo":
        return "is geen crebocode (vijf cijfers, tussen aanhalingstekens)"
    if kind in _EXTRA_MESSAGES:
        return _EXTRA_MESSAGES[kind]
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("' or '", "' of '")
        value = bounded.excerpt(repr(error.get("input")))
        return f"heeft een onbekende waarde ({value}); toegestaan: {expected}"
    return dutch_message(error)


def _errors(exc: ValidationError, node: yaml.Node | None) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = list(error["loc"])
        problems.append(Problem(field_path(loc) or "profiel", _message(error), line_of(node, loc)))
    return problems


def _knowledge_errors(profile: Profile, kb: KnowledgeBase, node: yaml.Node | None) -> list[Problem]:
    """Checks that need the knowledge base: regeling IDs in ``aangevraagd`` must exist. Any
    well-formed crebo code is accepted (the rules name one outside the guide as such)."""
    problems = []
    lists: list[tuple[str, Sequence[Leerling | Scholing] | None]] = [
        ("leerlingen", profile.leerlingen), ("scholing_medewerkers", profile.scholing_medewerkers)]
    for name, things in lists:
        for index, thing in enumerate(things or []):
            for position, regeling_id in enumerate(thing.aangevraagd):
                item = kb.items.get(regeling_id)
                if item is None or item.type != "regeling":
                    loc = [name, index, "aangevraagd", position]
                    problems.append(Problem(field_path(loc), f"'{regeling_id}' is geen bekende "
                                          "regeling", line_of(node, loc)))
    return problems


def _values(model: BaseModel, loc: list[Any]) -> Iterable[tuple[list[Any], Any]]:
    """Every answered value of a (nested) profile model with its location."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, (list, tuple)) else [(None, value)]
        for index, item in items:
            where = loc + [name] + ([] if index is None else [index])
            if isinstance(item, BaseModel):
                yield where, item
                yield from _values(item, where)
            elif item is not None:
                yield where, item


def _bounds_errors(profile: Profile, node: yaml.Node | None) -> list[Problem]:
    """The input limits of :mod:`onderwijsgids.bounded`, whatever the profile's fields are:
    dates in 1900–2100, one-line text, whole numbers within a database integer, and a
    learner's start to end at most a few years."""
    problems = []
    for loc, value in _values(profile, []):
        if isinstance(value, str):
            problem = bounded.text_problem(value)
        elif isinstance(value, dt.date):
            problem = bounded.date_problem(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            problem = bounded.integer_problem(value)
        elif isinstance(value, Leerling):
            problem, loc = bounded.span_problem(value.start, value.eind), loc + ["eind"]
        else:
            problem = None
        if problem:
            problems.append(Problem(field_path(loc), problem, line_of(node, loc)))
    return problems


def parse_profile(data: Any, kb: KnowledgeBase, node: yaml.Node | None = None,
                  source: str | None = None) -> Profile:
    """Validate ``data`` (parsed JSON/YAML) against contract §2; raise :class:`ProfileError`."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ProfileError([Problem("profiel", "moet een tabel (sleutel: waarde) zijn",
                                    node.start_mark.line + 1 if node else None)], source)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_errors(exc, node), source) from None
    problems = _bounds_errors(profile, node) or _knowledge_errors(profile, kb, node)
    if problems:
        raise ProfileError(problems, source)
    return profile


class _NoDatesLoader(bounded.BoundedYamlLoader):
    """Keeps dates as text so an impossible date (2026-02-30) becomes a field error, not a crash;
    no anchors or aliases (see :mod:`onderwijsgids.bounded`)."""


_NoDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, source: str | None = None) -> tuple[Any, yaml.Node | None]:
    """Parse YAML (or JSON, its subset) keeping the node tree for line numbers; bounded in
    size and depth, without anchors or aliases."""
    try:
        data, node = bounded.load_yaml(text, _NoDatesLoader)
    except bounded.InputRefused as exc:
        raise ProfileError([Problem("profiel", exc.message, exc.line)], source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or "ongeldige YAML"
        line = mark.line + 1 if mark else None
        raise ProfileError([Problem("profiel", f"ongeldige YAML: {reason}", line)], source) from None
    return data, node


def load_json(raw: str | bytes, source: str | None = None) -> Any:
    """Bounded JSON (size, depth, UTF-8); problems as a :class:`ProfileError`."""
    try:
        return bounded.load_json(raw)
    except bounded.InputRefused as exc:
        raise ProfileError([Problem("profiel", exc.message, exc.line)], source) from None


def profile_from_text(text: str, kb: KnowledgeBase, source: str | None = None) -> Profile:
    """A profile from JSON or YAML text; errors name the field and, for YAML, the line."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return parse_profile(load_json(text, source), kb, source=source)
    data, node = load_yaml(text, source)
    return parse_profile(data, kb, node, source)
