"""The product's vocabularies in one place: each answer value with the Dutch words for it.

Plain Python (no Django), so the advice engine, the CLI, forms and pages all derive from here:
sentences name an answer in these words, never by its value ("Noord-Holland", not
"noord-holland"). Money and dates have one format each: ``€ 2.700`` and ``1 september 2025``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal

from onderwijsgids.dutch import dutch_date

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
    whole = int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_FLOOR))
    return "€ " + f"{whole:,}".replace(",", ".")


def datum(day: dt.date) -> str:
    """``1 september 2025``."""
    return dutch_date(day)


def listing(words: list[str]) -> str:
    """``a, b en c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
