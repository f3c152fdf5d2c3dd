"""What the pages show, computed from the typed knowledge base: views stay thin, templates dumb.

Everything here reads ``KnowledgeBase`` items (and ``Relation`` rows for "Zie ook"); nothing
invents a fact. Dutch labels for field values live here, marked for translation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import AbstractSet, Any, Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderwijsgids.advice.engine.studiejaar import Studiejaar
from onderwijsgids.dutch import dutch_date, format_eur
from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import (
    Actiepunt, Bereik, Bron, Initiatief, Item, ItemBase, Kwalificatie, Onderwijsniveau,
    Organisatie, Parameter, Regeling,
)
from onderwijsgids.kb.urls import TYPE_LABELS, item_path
from onderwijsgids.vocabulary import PROVINCE_WORDS

TYPE_ORDER = ("actiepunt", "regeling", "kwalificatie", "onderwijsniveau", "organisatie",
              "initiatief", "pagina")

THEME_LABELS = {
    "jeugd": gettext_lazy("Jeugd"),
    "studenten": gettext_lazy("Studenten"),
    "medewerkers": gettext_lazy("Eigen medewerkers"),
    "werving": gettext_lazy("Werving"),
    "onderwijs": gettext_lazy("Onderwijs"),
    "informatie": gettext_lazy("Informatie"),
}
APPLY_LABELS = {
    "vooraf": gettext_lazy("Vooraf aanvragen, vóór de start"),
    "achteraf": gettext_lazy("Achteraf aanvragen, na afloop"),
    "tijdens": gettext_lazy("Aanvragen tijdens de opleiding of cursus"),
    "doorlopend": gettext_lazy("Doorlopend aan te vragen"),
    "onbekend": gettext_lazy("De bron noemt niet wanneer je aanvraagt"),
}
PHASE_LABELS = {
    "primair": gettext_lazy("Primair onderwijs"),
    "voortgezet": gettext_lazy("Voortgezet onderwijs"),
    "mbo": gettext_lazy("Middelbaar beroepsonderwijs (mbo)"),
    "hoger": gettext_lazy("Hoger onderwijs"),
    "volwassenen": gettext_lazy("Volwassenenonderwijs"),
}
ORGANISATION_KIND_LABELS = {
    "brancheorganisatie": gettext_lazy("Brancheorganisatie"),
    "opleidingsfonds": gettext_lazy("Opleidingsfonds"),
    "overheid": gettext_lazy("Overheid"),
    "kenniscentrum": gettext_lazy("Kenniscentrum"),
    "bedrijfsvakschool": gettext_lazy("Bedrijfsvakschool metaaltechniek"),
    "opleider": gettext_lazy("Opleider"),
    "netwerk": gettext_lazy("Netwerk"),
    "overig": gettext_lazy("Organisatie"),
}
LEARNING_PATH_LABELS = {"bol": "bol", "bbl": "bbl"}
KIESMBO_URL = "https://www.kiesmbo.nl"
STAGEMARKT_URL = "https://stagemarkt.nl"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---------------------------------------------------------------- references and sources

@dataclass(frozen=True)
class Ref:
    """A link to another item: what a template needs to write ``<a href=url>titel</a>``."""

    id: str
    type: str
    titel: str
    url: str
    samenvatting: str = ""


def ref(kb: KnowledgeBase, item_id: str) -> Ref | None:
    item = kb.items.get(item_id)
    if item is None:
        return None
    return Ref(item.id, item.type, item.titel, item_path(item.type, item.id), item.samenvatting)


def refs(kb: KnowledgeBase, item_ids: Iterable[str]) -> list[Ref]:
    return [r for r in (ref(kb, i) for i in item_ids) if r is not None]


def type_label(item_type: str, plural: bool = False) -> str:
    singular, many = TYPE_LABELS[item_type]
    return many if plural else singular


@dataclass(frozen=True)
class SourceView:
    key: str
    url: str | None
    label: str
    peildatum: str


def source_view(key: str, bron: Bron) -> SourceView:
    if bron.url:
        label = bron.titel or bron.url
    else:
        label = _("Dé onderwijsgids 2025, %(sectie)s") % {"sectie": bron.gids}
    return SourceView(key, bron.url, label, dutch_date(bron.peildatum))


def sources(item: ItemBase) -> list[SourceView]:
    """Every source of the item, the item's main source first."""
    keys = sorted(item.bronnen, key=lambda k: (k != item.bron, list(item.bronnen).index(k)))
    return [source_view(k, item.bronnen[k]) for k in keys]


def source_of(item: ItemBase, key: str) -> SourceView:
    return source_view(key, item.bronnen[key])


# ---------------------------------------------------------------- contact details

@dataclass(frozen=True)
class ContactView:
    soort: str
    label: str
    waarde: str
    href: str | None


CONTACT_LABELS = {
    "telefoon": gettext_lazy("Telefoon"),
    "email": gettext_lazy("E-mail"),
    "website": gettext_lazy("Website"),
    "bezoekadres": gettext_lazy("Bezoekadres"),
    "postadres": gettext_lazy("Postadres"),
}


def _contact_href(soort: str, waarde: str) -> str | None:
    if soort == "telefoon":
        digits = re.sub(r"[^\d+]", "", waarde)
        return f"tel:{digits}" if digits else None
    if soort == "email":
        return f"mailto:{waarde}"
    if soort == "website":
        return waarde if waarde.startswith(("http://", "https://")) else f"https://{waarde}"
    return None


def contacts(item: ItemBase) -> list[ContactView]:
    return [ContactView(c.soort, str(CONTACT_LABELS[c.soort]), c.label or c.waarde,
                        _contact_href(c.soort, c.waarde)) for c in item.contact]


# ---------------------------------------------------------------- school years and figures

def school_year_of(day: dt.date) -> str:
    """The school year a day falls in, e.g. ``2026/27`` (the one study-year calendar)."""
    return Studiejaar.of(day).label


def is_old_school_year(schooljaar: str | None, today: dt.date) -> bool:
    return schooljaar is not None and schooljaar != "" and schooljaar < school_year_of(today)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _dutch_number(value: int | Decimal) -> str:
    return f"{value:,}".replace(",", " ").replace(".", ",").replace(" ", ".")


def format_value(param: Parameter) -> str:
    """A parameter's figure as a Dutch reader expects it: € 2.700, 17 september 2025, 40 weken."""
    day = _as_date(param.waarde)
    if day:
        return dutch_date(day)
    value = param.waarde
    unit = param.eenheid or ""
    if isinstance(value, Bereik):
        rest = unit.removeprefix("euro").strip()
        return (f"€ {_dutch_number(value.van)} – € {_dutch_number(value.tot)}"
                + (f" {rest}" if rest else ""))
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = _dutch_number(value)
        if unit.startswith("euro"):
            rest = unit.removeprefix("euro").strip()
            return format_eur(value) + (f" {rest}" if rest else "")
        if unit.startswith("procent"):
            rest = unit.removeprefix("procent").strip()
            return f"{number}%" + (f" {rest}" if rest else "")
        return f"{number} {unit}".strip()
    text = str(value)
    if unit.startswith("euro") and "€" in text:
        unit = unit.removeprefix("euro").strip()
    return f"{text} {unit}".strip()


def _is_amount(param: Parameter) -> bool:
    return param.soort in ("geld", "geldbereik")


@dataclass(frozen=True)
class ParameterRow:
    label: str
    waarde: str
    schooljaar: str | None
    oud: bool
    bron: SourceView


@dataclass
class RegelingView:
    aanbieder: Ref | None
    aanvragen: str
    rows: list[ParameterRow]
    has_amount: bool
    main_sources: list[SourceView]
    huidig_schooljaar: str
    perioden: list[dict[str, Any]] = field(default_factory=list)
    voorwaarden: list[tuple[str, SourceView]] = field(default_factory=list)


def regeling_view(kb: KnowledgeBase, item: Regeling, today: dt.date) -> RegelingView:
    rows = [ParameterRow(p.label, format_value(p), p.schooljaar,
                         is_old_school_year(p.schooljaar, today), source_of(item, p.bron))
            for p in item.parameters]
    periods = [{
        "omschrijving": p.omschrijving,
        "van": dutch_date(p.van) if p.van else None,
        "tot": dutch_date(p.tot) if p.tot else None,
        "schooljaar": p.schooljaar,
        "oud": is_old_school_year(p.schooljaar, today) or bool(p.tot and p.tot < today),
        "bron": source_of(item, p.bron),
    } for p in item.perioden]
    web_sources = [s for s in sources(item) if s.url]
    return RegelingView(
        aanbieder=ref(kb, item.aanbieder),
        aanvragen=str(APPLY_LABELS[item.aanvragen]),
        rows=rows,
        has_amount=any(_is_amount(p) for p in item.parameters),
        main_sources=web_sources[:3] or sources(item)[:1],
        huidig_schooljaar=school_year_of(today),
        perioden=periods,
        voorwaarden=[(v.tekst, source_of(item, v.bron)) for v in item.voorwaarden],
    )


# ---------------------------------------------------------------- qualifications

@dataclass
class KwalificatieView:
    dossier: Ref | None
    profielen: list[Kwalificatie]
    lager: list[Kwalificatie]
    hoger: list[Kwalificatie]


def qualifications(kb: KnowledgeBase) -> list[Kwalificatie]:
    return sorted((i for i in kb.items.values() if isinstance(i, Kwalificatie)),
                  key=lambda k: (k.volgorde, k.niveau or 0, k.crebo))


def profiles_of(kb: KnowledgeBase, dossier: str) -> list[Kwalificatie]:
    return [k for k in qualifications(kb) if k.soort == "profiel" and k.dossier == dossier]


def kwalificatie_view(kb: KnowledgeBase, item: Kwalificatie) -> KwalificatieView:
    if item.soort == "dossier":
        return KwalificatieView(None, profiles_of(kb, item.crebo), [], [])
    siblings = profiles_of(kb, item.dossier or "")
    level = item.niveau or 0
    return KwalificatieView(
        dossier=ref(kb, item.dossier or ""),
        profielen=[],
        lager=[k for k in siblings if k.niveau == level - 1],
        hoger=[k for k in siblings if k.niveau == level + 1],
    )


@dataclass(frozen=True)
class CreboRow:
    crebo: str
    titel: str
    url: str
    niveau: int | None
    dossier: Ref | None
    leerwegen: str


@dataclass(frozen=True)
class TermView:
    term: str
    betekenis: str
    bron: SourceView
    zie: Ref | None = None


# The words of the crebo table an owner may not know; explained from the glossary (woordenlijst).
CREBO_TABLE_TERMS = ("crebo", "bbl", "bol", "erkend leerbedrijf")


def glossary_terms(kb: KnowledgeBase, terms: tuple[str, ...]) -> list[TermView]:
    """The glossary's meaning and source of each term, in the order asked; terms the glossary
    does not explain are left out."""
    glossary = kb.glossary
    if glossary is None:
        return []
    found = {b.term: b for b in glossary.begrippen if b.betekenis}
    return [TermView(t, " ".join((found[t].betekenis or "").split()),
                     source_view(found[t].bron, glossary.bronnen[found[t].bron]),
                     ref(kb, found[t].zie) if found[t].zie else None)
            for t in terms if t in found]


def crebo_rows(kb: KnowledgeBase, dossier: str | None = None, niveau: int | None = None,
               ) -> list[CreboRow]:
    """The crebo table: every profile (optionally of one dossier and/or level)."""
    rows = []
    for k in qualifications(kb):
        if k.soort != "profiel":
            continue
        if dossier and k.dossier != dossier or niveau and k.niveau != niveau:
            continue
        rows.append(CreboRow(k.crebo, k.titel, item_path("kwalificatie", k.id), k.niveau,
                             ref(kb, k.dossier or ""), ", ".join(k.leerwegen)))
    return rows


def dossiers(kb: KnowledgeBase) -> list[Kwalificatie]:
    return [k for k in qualifications(kb) if k.soort == "dossier"]


def levels_of_profiles(kb: KnowledgeBase) -> list[int]:
    return sorted({k.niveau for k in qualifications(kb) if k.niveau})


# ---------------------------------------------------------------- education levels

@dataclass(frozen=True)
class FlowView:
    niveau: Ref
    voorwaarde: str | None
    duur: str | None
    in_schema: bool
    bron: SourceView


def outgoing_flows(kb: KnowledgeBase, level: Onderwijsniveau) -> list[FlowView]:
    return [FlowView(r, s.voorwaarde, s.duur, s.in_schema, source_of(level, s.bron))
            for s in level.stromen if (r := ref(kb, s.naar))]


def incoming_flows(kb: KnowledgeBase, level: Onderwijsniveau) -> list[FlowView]:
    return [FlowView(Ref(other.id, "onderwijsniveau", other.titel,
                         item_path("onderwijsniveau", other.id)),
                     s.voorwaarde, s.duur, s.in_schema, source_of(other, s.bron))
            for other in education_levels(kb) for s in other.stromen if s.naar == level.id]


def education_levels(kb: KnowledgeBase) -> list[Onderwijsniveau]:
    return sorted((i for i in kb.items.values() if isinstance(i, Onderwijsniveau)),
                  key=lambda i: (i.volgorde, i.id))


def education_list(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The schema as a list: each level with where one can go next (the diagram's text twin)."""
    return [{"niveau": ref(kb, level.id), "fase": PHASE_LABELS[level.fase],
             "stromen": outgoing_flows(kb, level)} for level in education_levels(kb)]


# ---------------------------------------------------------------- action points and home

def action_points(kb: KnowledgeBase) -> list[Actiepunt]:
    return sorted((i for i in kb.items.values() if isinstance(i, Actiepunt)),
                  key=lambda a: a.nummer)


def action_point_group(point: Actiepunt) -> str:
    """Age group where the guide gives one ("Jeugd tot 12 jaar"), else the theme."""
    if point.leeftijd and point.thema == "jeugd":
        return _("Jeugd %(leeftijd)s") % {"leeftijd": point.leeftijd}
    if point.leeftijd:
        return _("Jongeren %(leeftijd)s") % {"leeftijd": point.leeftijd}
    return str(THEME_LABELS[point.thema])


def grouped_action_points(kb: KnowledgeBase) -> list[tuple[str, list[Actiepunt]]]:
    groups: dict[str, list[Actiepunt]] = {}
    for point in action_points(kb):
        groups.setdefault(action_point_group(point), []).append(point)
    return list(groups.items())


def items_of_type(kb: KnowledgeBase, item_type: str) -> list[Item]:
    of_type = [i for i in kb.items.values() if i.type == item_type]
    return sorted(of_type, key=lambda i: (i.volgorde, i.titel.lower()))


def list_groups(kb: KnowledgeBase, item_type: str) -> list[tuple[str, list[Ref]]]:
    """A type's list page: organisations grouped by kind, other types in one group (no heading)."""
    items = items_of_type(kb, item_type)
    if item_type != "organisatie":
        return [("", refs(kb, (i.id for i in items)))]
    groups: dict[str, list[Ref]] = {}
    for kind in ORGANISATION_KIND_LABELS:
        members = [i.id for i in items if isinstance(i, Organisatie) and i.soort == kind]
        if members:
            groups[str(ORGANISATION_KIND_LABELS[kind])] = refs(kb, members)
    return list(groups.items())


def bedrijfsvakscholen(kb: KnowledgeBase) -> list[Organisatie]:
    return [o for o in items_of_type(kb, "organisatie")
            if isinstance(o, Organisatie) and o.soort == "bedrijfsvakschool"]


def province_label(slug: str | None) -> str:
    """A province by its name in the vocabulary ("Noord-Holland")."""
    return PROVINCE_WORDS.get(slug, slug) if slug else ""


# ---------------------------------------------------------------- "Zie ook"

def linked_ids(details: dict[str, Any]) -> set[str]:
    """IDs the type-specific part of a page already links (so "Zie ook" need not repeat them)."""
    return {r.id for value in details.values() if isinstance(value, list)
            for r in value if isinstance(r, Ref)}


def see_also(kb: KnowledgeBase, item_id: str, relations: Iterable[tuple[str, str]],
             shown: AbstractSet[str] = frozenset(),
             ) -> list[tuple[str, list[Ref]]]:
    """Related items grouped by type, in a fixed order; ``relations`` are (source, target)
    pairs from both directions. Each related item appears once; ``shown`` ones are left out."""
    seen: set[str] = set(shown)
    grouped: dict[str, list[Ref]] = {}
    for source, target in relations:
        other = target if source == item_id else source
        if other == item_id or other in seen:
            continue
        r = ref(kb, other)
        if r is None:
            continue
        seen.add(other)
        grouped.setdefault(r.type, []).append(r)
    return [(type_label(t, plural=True).capitalize(), grouped[t]) for t in TYPE_ORDER
            if t in grouped]


# ---------------------------------------------------------------- per-type page details

def type_details(kb: KnowledgeBase, item: Item, today: dt.date) -> dict[str, Any]:
    """The structured part of an item page, by type (and for a few pages, by ID)."""
    if isinstance(item, Actiepunt):
        return {"groep": action_point_group(item), "thema": THEME_LABELS[item.thema],
                "regelingen": refs(kb, item.regelingen),
                "organisaties": refs(kb, item.organisaties),
                "initiatieven": refs(kb, item.initiatieven),
                "kwalificaties": refs(kb, item.kwalificaties)}
    if isinstance(item, Regeling):
        return {"regeling": regeling_view(kb, item, today)}
    if isinstance(item, Kwalificatie):
        return {"kwalificatie": kwalificatie_view(kb, item),
                "kiesmbo_url": KIESMBO_URL, "stagemarkt_url": STAGEMARKT_URL}
    if isinstance(item, Onderwijsniveau):
        return {"fase": PHASE_LABELS[item.fase], "uit": outgoing_flows(kb, item),
                "in": incoming_flows(kb, item)}
    if isinstance(item, Organisatie):
        return {"soort": ORGANISATION_KIND_LABELS[item.soort],
                "provincie": province_label(item.provincie),
                "locaties": [{"plaats": w.plaats, "adres": w.adres,
                              "provincie": province_label(w.provincie)} for w in item.locaties],
                "werkgebied": ", ".join(province_label(v) for v in item.provincies),
                "status": status_label(item),
                "status_toelichting": item.bvm_status.toelichting if item.bvm_status else None}
    if isinstance(item, Initiatief):
        return {"organisatie": ref(kb, item.organisatie or "")}
    return page_details(kb, item)


def page_details(kb: KnowledgeBase, item: Item) -> dict[str, Any]:
    """Pages of the guide that show data from other items: the schema, the crebo table, BVMs."""
    if item.id == "onderwijsniveaus":
        return {"schema": True, "niveaus": education_list(kb)}
    if item.id == "mbo-opleidingen-overzicht":
        return {"crebo_rows": crebo_rows(kb), "kiesmbo_url": KIESMBO_URL,
                "begrippen": glossary_terms(kb, CREBO_TABLE_TERMS)}
    if item.id == "bedrijfsvakscholen":
        return bvm_overview(kb)
    return {}


def bvm_overview(kb: KnowledgeBase) -> dict[str, Any]:
    """The schools of the BVM page: each with its places and status, and the counts."""
    from onderwijsgids.search.engine.finder import confirmed, known_total

    schools = bedrijfsvakscholen(kb)
    rows = [{"item": o, "plaatsen": ", ".join(w.plaats for w in o.locaties) or o.plaats or "",
             "provincie": province_label(o.provincie), "status": status_label(o)}
            for o in schools]
    return {"bvms": rows, "bvm_total": known_total(kb),
            "bvm_confirmed": sum(confirmed(o) for o in schools)}


def status_label(bvm: Organisatie) -> str:
    """"bevestigd als BVM" or "metaalbedrijfsschool, BVM-status niet bevestigd", with the date
    the source shows."""
    status = bvm.bvm_status
    if status is None:
        return ""
    if status.status == "bevestigd":
        label = _("bevestigd als BVM")
    else:
        label = _("metaalbedrijfsschool, BVM-status niet bevestigd")
    if status.datum:
        return _("%(label)s (bron van %(datum)s)") % {"label": label, "datum": status.datum}
    return _("%(label)s (bron zonder datum)") % {"label": label}


METAALUNIE = "metaalunie"  # the organisation item whose contact details the site's pages give


def contact_details(kb: KnowledgeBase, organisation_id: str = METAALUNIE) -> dict[str, str]:
    """An organisation's contact details by kind (``{"email": "info@…", "telefoon": …}``)."""
    item = kb.items.get(organisation_id)
    return {c.soort: c.waarde for c in reversed(getattr(item, "contact", None) or [])}
