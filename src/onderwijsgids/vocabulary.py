"""The product's vocabularies in one place: each answer value with the Dutch words for it.

One source per concept (leerweg, province, cao, goals, target groups, hbo domain, the advice's
statuses and window states): the ``Literal`` type here is what the knowledge-base schema, the
profile and the advice model validate with; the value tuples derived from it feed model
choices, forms, the API's enums and the CSV import; the word tables below give every label.
Each word table is checked against its values when this module is imported, so a value
without words (or words for a value that does not exist) fails at once.

Plain Python (no Django), so the advice engine, the CLI, forms and pages all derive from here:
sentences name an answer in these words, never by its value ("Noord-Holland", not
"noord-holland"). Money and dates have one format each: ``€ 2.700`` and ``1 september 2025``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_FLOOR, Decimal
from typing import Literal, Mapping, Sequence, get_args

from onderwijsgids.dutch import dutch_date, format_eur

LearningPath = Literal["bol", "bbl", "hbo-duaal", "hbo-deeltijd", "hbo-voltijd", "vmbo",
                       "havo-vwo"]
Province = Literal[
    "groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland",
    "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg",
]
Cao = Literal["metaal-en-techniek", "metalektro", "andere", "geen", "onbekend"]
# The goals and target groups of contract §2; action points and regelingen refer to them.
Goal = Literal[
    "jeugd-enthousiasmeren", "jongeren-techniekkeuze", "stageplekken", "bbl-leerlingen",
    "jongeren-begeleiden", "medewerkers-scholen", "onderwijscontacten", "werven",
    "zij-instromers", "op-de-hoogte-blijven", "zichtbaarheid",
]
TargetGroup = Literal[
    "vrouwen", "statushouders", "zij-instromers", "afstand-tot-arbeidsmarkt",
    "andere-vooropleiding",
]
HboDomain = Literal["techniek", "landbouw", "zorg", "gedrag-maatschappij", "ander"]
# The advice's verdict on a regeling, best first, and the state of an application window.
Status = Literal["ja", "misschien", "nee"]
WindowState = Literal["gepubliceerd", "verwacht", "gesloten", "onbekend"]

LEARNING_PATHS: tuple[LearningPath, ...] = get_args(LearningPath)
PROVINCES: tuple[Province, ...] = get_args(Province)
CAO_VALUES: tuple[Cao, ...] = get_args(Cao)
GOALS: tuple[Goal, ...] = get_args(Goal)
TARGET_GROUPS: tuple[TargetGroup, ...] = get_args(TargetGroup)
HBO_DOMAINS: tuple[HboDomain, ...] = get_args(HboDomain)
STATUSES: tuple[Status, ...] = get_args(Status)
WINDOW_STATES: tuple[WindowState, ...] = get_args(WindowState)

# How a sentence names a learner's leerweg ("je bbl-leerling", "leerling 2 (bbl, …)").
LEERWEG_WORDS = {
    "bol": "mbo-bol", "bbl": "mbo-bbl", "hbo-duaal": "duaal hbo", "hbo-deeltijd": "deeltijd-hbo",
    "hbo-voltijd": "voltijd-hbo", "vmbo": "vmbo", "havo-vwo": "havo/vwo",
}
CAO_WORDS = {
    "metaal-en-techniek": "de cao Metaal en Techniek", "metalektro": "de cao Metalektro",
    "andere": "een andere cao", "geen": "geen cao", "onbekend": "een onbekende cao",
}
GOAL_WORDS = {
    "jeugd-enthousiasmeren": "kinderen enthousiast maken voor techniek",
    "jongeren-techniekkeuze": "jongeren stimuleren om voor techniek te kiezen",
    "stageplekken": "stageplekken bieden",
    "bbl-leerlingen": "bbl-leerlingen opleiden",
    "jongeren-begeleiden": "jongeren goed begeleiden tijdens hun opleiding",
    "medewerkers-scholen": "eigen medewerkers scholen",
    "onderwijscontacten": "meer halen uit onderwijscontacten",
    "werven": "nieuwe medewerkers werven",
    "zij-instromers": "zij-instromers werven",
    "op-de-hoogte-blijven": "op de hoogte blijven",
    "zichtbaarheid": "zichtbaar zijn als bedrijf en sector",
}
TARGET_GROUP_WORDS = {
    "vrouwen": "vrouwen",
    "statushouders": "statushouders",
    "zij-instromers": "zij-instromers",
    "afstand-tot-arbeidsmarkt": "mensen met een afstand tot de arbeidsmarkt",
    "andere-vooropleiding": "mensen met een andere vooropleiding",
}
PROVINCE_WORDS = {
    "groningen": "Groningen", "friesland": "Friesland", "drenthe": "Drenthe",
    "overijssel": "Overijssel", "flevoland": "Flevoland", "gelderland": "Gelderland",
    "utrecht": "Utrecht", "noord-holland": "Noord-Holland", "zuid-holland": "Zuid-Holland",
    "zeeland": "Zeeland", "noord-brabant": "Noord-Brabant", "limburg": "Limburg",
}
HBO_DOMAIN_WORDS = {
    "techniek": "techniek", "landbouw": "landbouw en natuurlijke omgeving",
    "zorg": "gezondheidszorg", "gedrag-maatschappij": "gedrag en maatschappij",
    "ander": "een ander domein",
}
STATUS_WORDS = {"ja": "past bij jou", "misschien": "misschien", "nee": "past niet"}
WINDOW_STATE_WORDS = {"gepubliceerd": "gepubliceerd", "verwacht": "verwacht, nog niet gepubliceerd",
                      "gesloten": "gesloten", "onbekend": "nog niet bekend"}

# Labels of answer choices (the route, forms, tables), beside the words sentences use.
LEERWEG_CHOICE_WORDS = {
    "bol": "mbo-bol (vooral school, met stage)",
    "bbl": "mbo-bbl (werken en leren, met arbeidscontract)",
    "hbo-duaal": "hbo duaal", "hbo-deeltijd": "hbo deeltijd", "hbo-voltijd": "hbo voltijd (stage)",
    "vmbo": "vmbo (stage of leerwerktraject)", "havo-vwo": "havo/vwo (snuffelstage)",
}
# Short names for tables and lists, as the glossary writes them (content/woordenlijst.yaml).
LEERWEG_SHORT_WORDS = {
    "bol": "mbo-bol", "bbl": "mbo-bbl", "hbo-duaal": "hbo duaal", "hbo-deeltijd": "hbo deeltijd",
    "hbo-voltijd": "hbo voltijd", "vmbo": "vmbo", "havo-vwo": "havo/vwo",
}
CAO_CHOICE_WORDS = {
    "metaal-en-techniek": "cao Metaal en Techniek", "metalektro": "cao Metalektro",
    "andere": "een andere cao", "geen": "geen cao", "onbekend": "weet ik niet",
}
# The cao by name alone, as the company form lists it ("Metaal en Techniek").
CAO_SHORT_WORDS = {
    "metaal-en-techniek": "Metaal en Techniek", "metalektro": "Metalektro",
    "andere": "Een andere cao", "geen": "Geen cao", "onbekend": "Onbekend",
}


def _words_cover(values: Sequence[str], words: Mapping[str, str], name: str) -> None:
    """Every value has words and every word table names only values (checked at import)."""
    if list(words) != list(values):
        missing = [v for v in values if v not in words]
        extra = [w for w in words if w not in values]
        raise RuntimeError(f"vocabulary: {name} does not match its values "
                           f"(missing {missing}, extra {extra}, or another order)")


def _check_words() -> None:
    for values, tables in (
            (LEARNING_PATHS, {"LEERWEG_WORDS": LEERWEG_WORDS,
                              "LEERWEG_CHOICE_WORDS": LEERWEG_CHOICE_WORDS,
                              "LEERWEG_SHORT_WORDS": LEERWEG_SHORT_WORDS}),
            (PROVINCES, {"PROVINCE_WORDS": PROVINCE_WORDS}),
            (CAO_VALUES, {"CAO_WORDS": CAO_WORDS, "CAO_CHOICE_WORDS": CAO_CHOICE_WORDS,
                          "CAO_SHORT_WORDS": CAO_SHORT_WORDS}),
            (GOALS, {"GOAL_WORDS": GOAL_WORDS}),
            (TARGET_GROUPS, {"TARGET_GROUP_WORDS": TARGET_GROUP_WORDS}),
            (HBO_DOMAINS, {"HBO_DOMAIN_WORDS": HBO_DOMAIN_WORDS}),
            (STATUSES, {"STATUS_WORDS": STATUS_WORDS}),
            (WINDOW_STATES, {"WINDOW_STATE_WORDS": WINDOW_STATE_WORDS})):
        for name, table in tables.items():
            _words_cover(values, table, name)


_check_words()


def capitalised(text: str) -> str:
    """First letter upper case, the rest untouched ("past bij jou" → "Past bij jou")."""
    return text[:1].upper() + text[1:]


def euro(amount: Decimal | int | float) -> str:
    """``€ 2.700``: whole euros (rounded down: an estimate never overstates), Dutch thousands."""
    return format_eur(Decimal(amount).quantize(Decimal(1), rounding=ROUND_FLOOR))


def datum(day: dt.date) -> str:
    """``1 september 2025``."""
    return dutch_date(day)


def listing(words: list[str]) -> str:
    """``a, b en c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


# How a profile field in ``ontbreekt`` is named to an owner ("het hbo-domein van leerling 1").
FIELD_WORDS = {
    "naam": "de naam van je bedrijf", "cao": "je cao", "medewerkers": "het aantal medewerkers",
    "provincie": "je provincie", "plaats": "je vestigingsplaats",
    "erkend_leerbedrijf": "of je bedrijf erkend leerbedrijf is",
    "praktijkopleider_opgeleid": "of je praktijkopleider is opgeleid",
    "leerlingen": "of je leerlingen hebt", "scholing_medewerkers": "de geplande scholing",
    "doelen": "je doelen", "doelgroepen": "je doelgroepen",
    "nieuwe_medewerkers": "je nieuwe medewerkers",
}
ITEM_FIELD_WORDS = {
    "leerweg": "de leerweg", "crebo": "de opleiding (crebocode)", "start": "de startdatum",
    "eind": "de einddatum", "via_bvm": "of een bedrijfsvakschool meedoet",
    "praktijkovereenkomst": "de datum van de praktijkovereenkomst",
    "aangevraagd": "wat al is aangevraagd", "hbo_domein": "het hbo-domein",
    "leerwerktraject": "of het een leerwerktraject is", "omschrijving": "de omschrijving",
    "kosten_eur": "de kosten", "doelgroep": "de doelgroep", "in_dienst": "de datum van indiensttreding",
    "contract_maanden": "de duur van het contract", "uren_per_week": "de uren per week",
}
ITEM_WORDS = {"leerlingen": "leerling", "scholing_medewerkers": "cursus",
              "nieuwe_medewerkers": "nieuwe medewerker"}


def field_words(path: str) -> str:
    """``leerlingen[0].hbo_domein`` → ``het hbo-domein van leerling 1``: a field in words."""
    match = re.fullmatch(r"([a-z_]+)\[(\d+)\]\.([a-z_]+)", path)
    if match and match[1] in ITEM_WORDS and match[3] in ITEM_FIELD_WORDS:
        return f"{ITEM_FIELD_WORDS[match[3]]} van {ITEM_WORDS[match[1]]} {int(match[2]) + 1}"
    return FIELD_WORDS.get(path, "een antwoord")
