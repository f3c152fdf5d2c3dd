"""The product's vocabularies in one place: each answer value with the Dutch words for it.

Plain Python (no Django), so the advice engine, the CLI, forms and pages all derive from here:
sentences name an answer in these words, never by its value ("Noord-Holland", not
"noord-holland"). Money and dates have one format each: ``€ 2.700`` and ``1 september 2025``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_FLOOR, Decimal

from onderwijsgids.dutch import dutch_date, format_eur

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
