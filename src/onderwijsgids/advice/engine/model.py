"""The advice document of contract §3 (plus documented extensions: titles, URLs and a trace).

``Advice.model_dump(mode="json")`` is exactly what the CLI (``--format json``) and
``POST /api/v1/advies`` return.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

Status = Literal["ja", "misschien", "nee"]
Uitkomst = Literal["voldaan", "niet-voldaan", "onbekend", "zelf-regelen"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


def build(cls: type[_OutT], **values: Any) -> _OutT:
    """An output model from values the engine produced itself, already of the right types.

    Skips validation, like ``model_construct`` but several times faster: an advice builds
    dozens of these, and validating them again dominated its time. Every field must be given,
    except ``RegelingAdvies.spoor`` when no trace was asked for (it is then left out of dumps).
    Tests check that every built advice survives ``Advice.model_validate_json``.
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new, _set = object.__new__, object.__setattr__  # BaseModel does not override either


_OutT = TypeVar("_OutT", bound="_Out")


class Toets(_Out):
    """One condition as checked: its code in content, the outcome, the profile fields it read."""

    code: str
    uitkomst: Uitkomst
    tekst: str
    velden: list[str] = []
    bron: str | None = None


class ParameterGebruik(_Out):
    """One dated figure from content that the rule used."""

    naam: str
    waarde: str
    schooljaar: str | None = None
    bron: str | None = None


class Spoor(_Out):
    """The trace: which conditions and which parameter values produced the status."""

    voorwaarden: list[Toets] = []
    parameters: list[ParameterGebruik] = []


class RegelingAdvies(_Out):
    id: str
    status: Status
    waarom: list[str]
    ontbreekt: list[str]
    bronnen: list[str]
    deadline: dt.date | None = None
    schatting_eur: int | None = None
    titel: str = ""
    url: str = ""
    spoor: Spoor = Spoor()


class Actiepunt(_Out):
    id: str
    prioriteit: int
    waarom: list[str]
    stappen: list[str]
    titel: str = ""
    url: str = ""


class Deadline(_Out):
    datum: dt.date
    wat: str
    regeling: str


class Advice(_Out):
    profiel: dict[str, Any]
    actiepunten: list[Actiepunt]
    regelingen: list[RegelingAdvies]
    kwalificaties: list[str]
    organisaties: list[str]
    deadlines: list[Deadline]
