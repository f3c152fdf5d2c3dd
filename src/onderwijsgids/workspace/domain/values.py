"""The values a write action takes, one frozen type per kind of company data.

Each type lists its writable fields once, with their types: the model, the forms, the CSV
import and the API are built around it, and :mod:`..actions` takes nothing else. Checks on
the values (lengths, known codes, a learner's dates) live in :mod:`..checks`. Plain data:
nothing here knows Django.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal, Self, Sequence

# The values of a leerweg and an hbo domain: the product's one vocabulary.
from onderwijsgids.vocabulary import HboDomain as HboDomein
from onderwijsgids.vocabulary import LearningPath as Leerweg


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


class _Values:
    """What every value type can do: be read from a stored row, and be given to the model."""

    @classmethod
    def of(cls, obj: Any) -> Self:
        """The values of a stored row (or anything with these attributes)."""
        return cls(**{name: getattr(obj, name) for name in _field_names(cls)})

    def as_dict(self) -> dict[str, Any]:
        """The fields as the model stores them (lists for the JSON fields)."""
        return {name: list(value) if isinstance(value, (list, tuple)) else value
                for name in _field_names(type(self)) for value in [getattr(self, name)]}


@dataclass(frozen=True, kw_only=True)
class LearnerValues(_Values):
    """A learner or intern as an owner enters it (``aangevraagd``: regeling IDs).

    Fields in the order of the form, the CSV columns and the exports."""

    naam: str
    leerweg: Leerweg
    crebo: str = ""
    school: str = ""
    start: dt.date
    eind: dt.date
    praktijkopleider: str = ""
    praktijkovereenkomst: dt.date | None = None
    via_bvm: bool = False
    hbo_domein: HboDomein | Literal[""] = ""
    leerwerktraject: bool | None = None
    aangevraagd: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class TrainingValues(_Values):
    """A course of an employee (``aangevraagd``: regeling IDs, e.g. ``oom-ptt``)."""

    medewerker: str
    omschrijving: str
    start: dt.date
    kosten_eur: int | None = None
    aangevraagd: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True, kw_only=True)
class ApplicationValues(_Values):
    """An application for a regeling (``jaar``: a year ``2026`` or study year ``2025/26``)."""

    regeling: str
    jaar: str
    status: str = "te-doen"
    bedrag: Decimal | None = None
    datum: dt.date | None = None
    notitie: str = ""


@dataclass(frozen=True, kw_only=True)
class CompanyProfile(_Values):
    """A company's own answers in contract §2 form (``None``: not known)."""

    naam: str
    cao: str | None = None
    medewerkers: int | None = None
    provincie: str | None = None
    plaats: str = ""
    erkend_leerbedrijf: bool | None = None
    praktijkopleider_opgeleid: bool | None = None
    doelen: Sequence[str] = field(default_factory=tuple)
    doelgroepen: Sequence[str] = field(default_factory=tuple)


LEARNER_FIELDS = _field_names(LearnerValues)
TRAINING_FIELDS = _field_names(TrainingValues)
APPLICATION_FIELDS = _field_names(ApplicationValues)
PROFILE_FIELDS = _field_names(CompanyProfile)
