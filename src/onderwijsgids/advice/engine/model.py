"""The advice document of contract §3 (plus documented extensions: titles, URLs and a trace).

``Advice.model_dump(mode="json")`` and ``Advice.model_dump_json()`` are exactly what the CLI
(``--format json``, ``--batch``) and ``POST /api/v1/advies`` return. A regeling's ``spoor`` is
left out when no trace was asked for, and ``perioden`` on regelingen that are not judged per
learner and study year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_serializer

from onderwijsgids.vocabulary import Status
from onderwijsgids.vocabulary import WindowState as Staat

Uitkomst = Literal["voldaan", "niet-voldaan", "onbekend", "zelf-regelen"]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


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


class Venster(_Out):
    """The application window of one study year (dates inclusive)."""

    open: dt.date | None = None
    sluit: dt.date | None = None
    staat: Staat


class Periode(_Out):
    """Contract §3 ``perioden``: the facts of one learner in one study year."""

    leerling: int
    studiejaar: str
    weken: int | None = None
    schatting_eur: int | None = None
    venster: Venster | None = None


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
    perioden: list[Periode] | None = None
    spoor: Spoor | None = None

    @model_serializer(mode="wrap")
    def _without_absent_parts(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        for key in ("perioden", "spoor"):
            if data.get(key) is None:
                data.pop(key, None)
        return data


class Actiepunt(_Out):
    id: str
    prioriteit: int
    waarom: list[str]
    stappen: list[str]
    titel: str = ""
    url: str = ""


class Ontgrendeling(_Out):
    """A regeling that an action would make fit (extension of contract §3 ``acties``): its
    status after the action (``ja``, or ``misschien`` when another answer is still open), and
    the rules' own sourced estimate and deadline for it then."""

    regeling: str
    titel: str = ""
    url: str = ""
    status: Status
    schatting_eur: int | None = None
    deadline: dt.date | None = None


class Actie(_Out):
    """Contract §3 ``acties`` (added 2026-12): one thing the company should do.

    ``ontgrendelt`` (an extension): the regelingen this action would turn from ``nee`` into
    ``ja`` or ``misschien`` (or from ``misschien`` into ``ja``), found by judging them again on
    the profile as it would be after the action; ``waarde_eur`` is then the sum of their
    estimates that would fit for sure. Empty for an action that unlocks nothing."""

    id: str
    wat: str
    waarom: str
    deadline: dt.date | None = None
    waarde_eur: int | None = None
    regeling: str | None = None
    actiepunt: str | None = None
    waar: str | None = None
    ontgrendelt: list[Ontgrendeling] = []


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
    acties: list[Actie] = []
