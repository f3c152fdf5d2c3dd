"""Typed schema of the knowledge base under ``content/``.

Every item type of contract §1 is a pydantic model. Facts (actions, conditions,
amounts, periods, flows, contact details, links) each name a ``bron``: a key into
the item's own ``bronnen`` table, where every source carries its address (or the
section of the guide) and the date it was checked (``peildatum``). The checker
(:mod:`onderwijsgids.kb.check`) verifies that every such key resolves.

Field names are Dutch because editors write these files; code stays English.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import (
    BaseModel, ConfigDict, Field, StringConstraints, model_validator,
)

# Provinces, goals and target groups: the one vocabulary of the product.
from onderwijsgids.vocabulary import Goal, Province, TargetGroup

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Crebo = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
OneLine = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=r"^[^\n]+$")]
Text = Annotated[str, StringConstraints(min_length=1)]
SchoolYear = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}/[0-9]{2}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

class Strict(BaseModel):
    """Unknown keys are an error: a typo in a field name must not vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bron(Strict):
    """Where a fact comes from: a section of the guide or a web address, and when it was checked."""

    gids: str | None = Field(None, description="Sectie van de gids, bv. 'actiepunt 3'")
    url: Url | None = None
    titel: str | None = None
    peildatum: dt.date

    @model_validator(mode="after")
    def _exactly_one_origin(self) -> "Bron":
        if (self.gids is None) == (self.url is None):
            raise ValueError("een bron heeft precies één van 'gids' of 'url'")
        return self


class Sourced(Strict):
    bron: SourceKey = Field(description="Sleutel in de 'bronnen' van dit item")


class Link(Sourced):
    url: Url
    label: OneLine
    aanvragen: bool = Field(False, description=(
        "Dit is de pagina waar een bedrijf het regelt of aanvraagt (bijvoorbeeld mijn.rvo.nl): "
        "de acties van het advies wijzen ernaar"))


class Contact(Sourced):
    soort: Literal["telefoon", "email", "website", "bezoekadres", "postadres"]
    waarde: OneLine
    label: str | None = None


class Actie(Sourced):
    tekst: Text
    toelichting: str | None = None


class Voorwaarde(Sourced):
    code: Slug = Field(description="Stabiele sleutel waar de adviesregels naar verwijzen")
    tekst: Text


ParamKind = Literal["geld", "geldbereik", "percentage", "aantal", "datum", "tekst"]
PARAM_KINDS: tuple[ParamKind, ...] = get_args(ParamKind)


class Bereik(Strict):
    """A range of amounts, e.g. € 2.700 – € 4.200 (``van`` ≤ ``tot``)."""

    van: Decimal
    tot: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> "Bereik":
        if self.tot < self.van:
            raise ValueError("'tot' is kleiner dan 'van'")
        return self


_KIND_TYPES: dict[str, tuple[type, ...]] = {
    "geld": (int, Decimal), "percentage": (int, Decimal), "aantal": (int,),
    "datum": (dt.date,), "geldbereik": (Bereik,), "tekst": (str,),
}
_KIND_WORDS = {"geld": "een bedrag (getal)", "percentage": "een percentage (getal)",
               "aantal": "een geheel getal", "datum": "een datum (JJJJ-MM-DD)",
               "geldbereik": "een bereik {van: …, tot: …}", "tekst": "een tekst"}


class Parameter(Sourced):
    """A typed, dated figure (amount, percentage, count, date, range of amounts).

    ``soort`` fixes the type of ``waarde``; a value holds for ``schooljaar`` or for
    ``geldig_vanaf``–``geldig_tot`` (neither: no period stated by the source); ``peildatum``
    is the date the source showed it (or was checked). Editors change these without code.
    """

    naam: Slug
    label: OneLine
    soort: ParamKind
    waarde: Union[dt.date, Bereik, int, Decimal, str]
    eenheid: str | None = None
    schooljaar: SchoolYear | None = None
    geldig_vanaf: dt.date | None = None
    geldig_tot: dt.date | None = None
    peildatum: dt.date

    @model_validator(mode="before")
    @classmethod
    def _typed_by_kind(cls, data: Any) -> Any:
        """The value read as its ``soort`` says (stored items come back from JSON as text)."""
        if not isinstance(data, dict):
            return data
        kind, value = data.get("soort"), data.get("waarde")
        try:
            if kind == "datum" and isinstance(value, str):
                data = {**data, "waarde": dt.date.fromisoformat(value)}
            elif kind == "aantal" and isinstance(value, str) and _INTEGER.fullmatch(value):
                data = {**data, "waarde": int(value)}
            elif kind in ("geld", "percentage") and isinstance(value, str) and (
                    _INTEGER.fullmatch(value) or _DECIMAL.fullmatch(value)):
                data = {**data, "waarde": Decimal(value) if "." in value else int(value)}
            elif kind == "geldbereik" and isinstance(value, dict):
                data = {**data, "waarde": Bereik.model_validate(value)}
        except ValueError:
            pass  # reported below as a value of the wrong kind
        return data

    @model_validator(mode="after")
    def _value_fits_kind(self) -> "Parameter":
        if isinstance(self.waarde, bool) or not isinstance(self.waarde, _KIND_TYPES[self.soort]):
            raise ValueError(f"'waarde' moet bij soort '{self.soort}' "
                             f"{_KIND_WORDS[self.soort]} zijn, niet {self.waarde!r}")
        if self.schooljaar and (self.geldig_vanaf or self.geldig_tot):
            raise ValueError("geef 'schooljaar' óf 'geldig_vanaf'/'geldig_tot', niet beide")
        if self.geldig_vanaf and self.geldig_tot and self.geldig_tot < self.geldig_vanaf:
            raise ValueError("'geldig_tot' ligt vóór 'geldig_vanaf'")
        return self


_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")


class Periode(Sourced):
    """An application window (dates inclusive). ``verwacht``: not published yet, expected on
    the ``basis`` given (shown as "verwacht", never as current)."""

    omschrijving: OneLine
    van: dt.date | None = None
    tot: dt.date | None = None
    schooljaar: SchoolYear | None = None
    verwacht: bool = False
    basis: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Periode":
        if self.van and self.tot and self.tot < self.van:
            raise ValueError("'tot' ligt vóór 'van'")
        if self.verwacht and not self.basis:
            raise ValueError("een verwachte periode noemt haar 'basis'")
        return self


class Locatie(Sourced):
    lat: float = Field(ge=50.7, le=53.6)
    lon: float = Field(ge=3.3, le=7.3)


class Vestiging(Sourced):
    """One location of an organisation; a bedrijfsvakschool may have several.

    ``lat``/``lon`` are the place's coordinates (the centre of the place in GeoNames unless the
    source gives an address); the checker verifies that they lie in ``plaats`` and ``provincie``.
    """

    plaats: OneLine
    provincie: Province
    lat: float = Field(ge=50.7, le=53.6)
    lon: float = Field(ge=3.3, le=7.3)
    adres: OneLine | None = None


class BvmStatus(Sourced):
    """Whether a source calls this school a bedrijfsvakschool (BVM) or scholingspool.

    ``bevestigd``: a page calls it a BVM or scholingspool; ``niet-bevestigd``: a page describes
    a metal company school working like one, its BVM status not confirmed (bronnen.md).
    """

    status: Literal["bevestigd", "niet-bevestigd"]
    datum: OneLine | None = Field(None, description="Datum die de bron toont, bv. 'januari 2021'")
    toelichting: str | None = None


class Stroom(Sourced):
    """A flow in the education system to another level, with its entry condition."""

    naar: Slug
    voorwaarde: str | None = None
    duur: str | None = None
    in_schema: bool = Field(True, description="Getekend in het schema van de gids")


class DiagramPlaats(Strict):
    kolom: int = Field(ge=0, le=12)
    rij: int = Field(ge=0, le=12)


class ItemBase(Strict):
    id: Slug
    titel: OneLine
    samenvatting: OneLine
    inhoud: str = ""
    bron: SourceKey = Field(description="Bron van titel, samenvatting en inhoud")
    bronnen: dict[SourceKey, Bron] = Field(min_length=1)
    zie_ook: list[Slug] = []
    trefwoorden: list[str] = []
    links: list[Link] = []
    contact: list[Contact] = []
    volgorde: int = 0


class Actiepunt(ItemBase):
    type: Literal["actiepunt"]
    nummer: int = Field(ge=1, le=9)
    leeftijd: str | None = None
    leeftijd_van: int | None = None
    leeftijd_tot: int | None = None
    thema: Literal["jeugd", "studenten", "medewerkers", "werving", "onderwijs", "informatie"]
    doelen: list[Goal] = []
    doelgroepen: list[TargetGroup] = []
    acties: list[Actie] = Field(min_length=1)
    ondersteuning: str | None = None
    regelingen: list[Slug] = []
    organisaties: list[Slug] = []
    initiatieven: list[Slug] = []
    kwalificaties: list[Crebo] = []


class Kwalificatie(ItemBase):
    type: Literal["kwalificatie"]
    crebo: Crebo
    soort: Literal["dossier", "profiel"]
    dossier: Crebo | None = None
    niveau: int | None = Field(None, ge=1, le=4)
    leerwegen: list[Literal["bol", "bbl"]] = []
    typisch_werk: str | None = None

    @model_validator(mode="after")
    def _profile_shape(self) -> "Kwalificatie":
        if self.crebo != self.id:
            raise ValueError("bij een kwalificatie is het id de crebocode")
        if self.soort == "profiel" and (self.dossier is None or self.niveau is None):
            raise ValueError("een kwalificatieprofiel heeft een 'dossier' en een 'niveau'")
        return self


class Onderwijsniveau(ItemBase):
    type: Literal["onderwijsniveau"]
    fase: Literal["primair", "voortgezet", "mbo", "hoger", "volwassenen"]
    diagram: DiagramPlaats | None = None
    in_schema: bool = True
    duur: str | None = None
    stromen: list[Stroom] = []


class Regeling(ItemBase):
    type: Literal["regeling"]
    aanbieder: Slug
    doelgroep: str
    aanvragen: Literal["vooraf", "achteraf", "tijdens", "doorlopend", "onbekend"] = "onbekend"
    voorwaarden: list[Voorwaarde] = []
    parameters: list[Parameter] = []
    perioden: list[Periode] = []
    doelen: list[Goal] = []
    doelgroepen: list[TargetGroup] = []


class Organisatie(ItemBase):
    type: Literal["organisatie"]
    naam: OneLine
    soort: Literal[
        "brancheorganisatie", "opleidingsfonds", "overheid", "kenniscentrum",
        "bedrijfsvakschool", "opleider", "netwerk", "overig",
    ]
    plaats: str | None = None
    provincie: Province | None = None
    locatie: Locatie | None = None
    locaties: list[Vestiging] = []
    bvm_status: BvmStatus | None = None
    regio: OneLine | None = Field(None, description="Werkgebied, bv. 'Midden- en West-Brabant'")
    provincies: list[Province] = Field([], description="Provincies van het werkgebied")

    @model_validator(mode="after")
    def _school_shape(self) -> "Organisatie":
        if self.soort != "bedrijfsvakschool":
            if self.bvm_status is not None:
                raise ValueError("'bvm_status' hoort alleen bij een bedrijfsvakschool")
            return self
        if self.bvm_status is None:
            raise ValueError("een bedrijfsvakschool heeft een 'bvm_status' (bevestigd of "
                             "niet-bevestigd, met bron)")
        if not self.locaties and not self.plaats:
            raise ValueError("een bedrijfsvakschool heeft 'locaties' (of een 'plaats')")
        return self


class Initiatief(ItemBase):
    type: Literal["initiatief"]
    naam: OneLine
    doelgroep: str | None = None
    leeftijd: str | None = None
    organisatie: Slug | None = None


class Pagina(ItemBase):
    type: Literal["pagina"]


# An item of any type; ``item.type`` tells which (mypy narrows on it: ``if item.type == ...``).
Item = Union[Actiepunt, Kwalificatie, Onderwijsniveau, Regeling, Organisatie, Initiatief, Pagina]
AnyItem = Annotated[Item, Field(discriminator="type")]

# The names of the item types, as a type for API query parameters and ``of_type``.
ItemType = Literal[
    "actiepunt", "kwalificatie", "onderwijsniveau", "regeling", "organisatie", "initiatief",
    "pagina",
]
# Where each type's files live under content/.
TYPE_DIRS: dict[ItemType, str] = {
    "actiepunt": "actiepunten",
    "kwalificatie": "kwalificaties",
    "onderwijsniveau": "onderwijsniveaus",
    "regeling": "regelingen",
    "organisatie": "organisaties",
    "initiatief": "initiatieven",
    "pagina": "paginas",
}
ITEM_TYPES: dict[ItemType, type[Item]] = {
    "actiepunt": Actiepunt,
    "kwalificatie": Kwalificatie,
    "onderwijsniveau": Onderwijsniveau,
    "regeling": Regeling,
    "organisatie": Organisatie,
    "initiatief": Initiatief,
    "pagina": Pagina,
}


class Begrip(Sourced):
    """A glossary entry: abbreviations and synonyms that search treats as one word."""

    term: OneLine
    varianten: list[str] = []
    betekenis: str | None = None
    zie: Slug | None = Field(None, description="Item dat het begrip uitlegt")


class Vakwoorden(Sourced):
    """Words of the trade (lassen, frezen, CNC …): search takes them as they are, never
    "corrects" them into another word, and finds ``items`` for them."""

    woorden: list[OneLine] = Field(min_length=1)
    items: list[Slug] = Field(min_length=1, description="Items die bij deze woorden horen")
    toelichting: str | None = None


class Woordenlijst(Strict):
    bronnen: dict[SourceKey, Bron] = Field(min_length=1)
    begrippen: list[Begrip]
    vakwoorden: list[Vakwoorden] = []


class Plaats(Strict):
    naam: OneLine
    provincie: Province
    lat: float = Field(ge=50.7, le=53.6)
    lon: float = Field(ge=3.3, le=7.3)
