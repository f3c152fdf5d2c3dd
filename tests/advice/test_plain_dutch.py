"""No sentence an owner reads shows a field name, a slug or a Python value (issue 11, contract §3).

The sentences are read from the API's JSON: ``regelingen[].waarom``, ``deadlines[].wat``,
``actiepunten[].waarom`` and ``stappen``, and ``acties[].wat`` and ``waarom`` when present. The
vocabularies below are copied from contract §2 on purpose (not imported from the engine): the
contract is what the sentences must not echo.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))

# Contract §2.
PROVINCES = ["groningen", "friesland", "drenthe", "overijssel", "flevoland", "gelderland",
             "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"]
CAO = ["metaal-en-techniek", "metalektro", "andere", "geen", "onbekend"]
LEERWEGEN = ["bol", "bbl", "hbo-duaal", "hbo-voltijd", "hbo-deeltijd", "vmbo", "havo-vwo"]
HBO_DOMAINS = ["techniek", "landbouw", "zorg", "gedrag-maatschappij", "ander"]
GOALS = ["jeugd-enthousiasmeren", "jongeren-techniekkeuze", "stageplekken", "bbl-leerlingen",
         "jongeren-begeleiden", "medewerkers-scholen", "onderwijscontacten", "werven",
         "zij-instromers", "op-de-hoogte-blijven", "zichtbaarheid"]
TARGET_GROUPS = ["vrouwen", "statushouders", "zij-instromers", "afstand-tot-arbeidsmarkt",
                 "andere-vooropleiding"]
STATUSES = ["ja", "misschien", "nee"]
FIELDS = ["naam", "peildatum", "cao", "medewerkers", "provincie", "plaats", "erkend_leerbedrijf",
          "praktijkopleider_opgeleid", "leerlingen", "leerweg", "crebo", "start", "eind", "via_bvm",
          "scholing_medewerkers", "omschrijving", "aangevraagd", "doelen", "doelgroepen",
          "praktijkovereenkomst", "hbo_domein", "leerwerktraject", "nieuwe_medewerkers",
          "doelgroep", "in_dienst", "contract_maanden", "uren_per_week", "kosten_eur"]
GUIDE_CREBOS = ["25894", "25895", "25896", "25897", "25891", "25892", "25893", "25919", "25920"]
REGELINGEN = ["subsidie-praktijkleren", "oom-bbl-vergoeding", "oom-ptt", "oom-jobstart"]

# Any of these values between straight quotes is a slug or field name shown as such.
QUOTABLE = set(CAO + LEERWEGEN + HBO_DOMAINS + GOALS + TARGET_GROUPS + STATUSES + FIELDS
               + PROVINCES)
# Written on their own (not part of a longer word), these are slugs, never Dutch: a Dutch
# sentence writes "Noord-Holland", "de cao Metaal en Techniek", "havo/vwo". Words that are also
# plain Dutch (bbl-leerlingen, zij-instromers, werven) count only when quoted, above.
BARE_SLUGS = (list(PROVINCES) + ["metaal-en-techniek", "havo-vwo", "gedrag-maatschappij"]
              + [g for g in GOALS + TARGET_GROUPS if g.count("-") >= 1
                 and g not in ("bbl-leerlingen", "zij-instromers")])
ID_PATTERN = (r"oom-[a-z-]+|subsidie-praktijkleren|slim-regeling|slim-scholingssubsidie|"
              r"praktijkleren-derde-leerweg|ao-metalektro-[a-z-]+|actiepunt-\d+|bvm-[a-z-]+|"
              r"uitvoering-van-beleid-szw|a-o-metalektro|erkend-leerbedrijf-worden")

WEB_ADDRESS = re.compile(r"https?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:nl|eu|com|org|net)"
                         r"\b(?:/\S*)?")
CHECKS = [
    ("een index van een veld", re.compile(r"\[\d*\]")),
    ("een verwijzing naar een antwoord", re.compile(r"\bantwoord(?:en)? '", re.IGNORECASE)),
    ("een veldnaam", re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")),
    ("een datum als 2026-09-17", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    ("een Python- of JSON-waarde", re.compile(r"\b(?:None|True|False|null|true|false)\b|[{}]")),
    ("een id", re.compile(rf"(?<![\w-])(?:{ID_PATTERN})(?![\w-])")),
    ("een slug", re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, BARE_SLUGS))})(?![\w-])")),
    ("een waarde tussen aanhalingstekens",
     re.compile(rf"'(?:{'|'.join(map(re.escape, sorted(QUOTABLE)))})'")),
]


def offences(sentence: str) -> list[str]:
    """What in ``sentence`` is machine talk; web addresses are left alone."""
    text = WEB_ADDRESS.sub(" ", sentence)
    return [f"{what}: {match.group(0)!r}" for what, pattern in CHECKS
            for match in [pattern.search(text)] if match]


def sentences(advice: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every user-facing sentence of the advice, with where it stands."""
    for regeling in advice["regelingen"]:
        for text in regeling.get("waarom") or []:
            yield f"regelingen[{regeling['id']}].waarom", text
    for deadline in advice["deadlines"]:
        yield f"deadlines[{deadline['datum']}].wat", deadline["wat"]
    for point in advice["actiepunten"]:
        for key in ("waarom", "stappen"):
            for text in point.get(key) or []:
                yield f"actiepunten[{point['id']}].{key}", text
    for action in advice.get("acties") or []:
        for key in ("wat", "waarom"):
            if action.get(key):
                yield f"acties[{action.get('id')}].{key}", action[key]


def assert_plain_dutch(advice: dict[str, Any]) -> None:
    found = [f"{where}: {'; '.join(problems)} in {text!r}" for where, text in sentences(advice)
             if (problems := offences(text))]
    assert not found, "\n".join(found)


def test_the_checker_knows_machine_talk_from_dutch():
    for bad in ["Cursus 1 begint op 1 april 2026 (antwoord 'scholing_medewerkers[0].start').",
                "Past bij jouw doel(en) 'bbl-leerlingen'.", "Je bedrijf ligt in noord-holland.",
                "Je valt onder de cao metaal-en-techniek.", "Zie oom-ptt.", "Status: None",
                "Erkend: erkend_leerbedrijf", "Aanvragen vóór 2026-09-17.", "leerlingen[1]",
                "Je noemt 'afstand-tot-arbeidsmarkt' als doelgroep."]:
        assert offences(bad), bad
    for good in ["Je bbl-leerling begon op 1 september 2025. (bron: mijn.rvo.nl)",
                 "Je bedrijf ligt in Noord-Holland en valt onder de cao Metaal en Techniek.",
                 "Let op: controleer de crebocode op https://www.kiesmbo.nl/opleiding?x=1_2.",
                 "Je zoekt zij-instromers en wilt bbl-leerlingen opleiden (zie s-bb.nl).",
                 "Cursus 1 ('TIG-lassen gevorderd') begint op 1 april 2026."]:
        assert offences(good) == [], good


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_speak_plain_dutch(advies_api, example):
    assert_plain_dutch(advies_api(yaml.safe_load(example.read_text(encoding="utf-8"))))


def maybe(strategy):
    return st.one_of(st.none(), strategy)


dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2028, 12, 31))
iso = dates.map(dt.date.isoformat)


@st.composite
def learners(draw) -> dict[str, Any]:
    """A learner in contract §2 form (2026-12 fields included where they apply)."""
    leerweg = draw(st.sampled_from(LEERWEGEN))
    start, end = sorted(draw(st.lists(dates, min_size=2, max_size=2)))
    learner = {"leerweg": leerweg, "start": start.isoformat(),
               "eind": draw(st.sampled_from([end.isoformat(), None])),
               "aangevraagd": draw(st.lists(st.sampled_from(REGELINGEN[:2]), unique=True))}
    if leerweg in ("bbl", "bol"):
        learner["crebo"] = draw(maybe(st.sampled_from([*GUIDE_CREBOS, "25402"])))
        learner["via_bvm"] = draw(maybe(st.booleans()))
    if leerweg == "bbl":
        learner["praktijkovereenkomst"] = draw(st.sampled_from([start.isoformat(), None]))
    if leerweg.startswith("hbo"):
        learner["hbo_domein"] = draw(maybe(st.sampled_from(HBO_DOMAINS)))
    if leerweg == "vmbo":
        learner["leerwerktraject"] = draw(maybe(st.booleans()))
    return learner


courses = st.fixed_dictionaries({
    "omschrijving": st.sampled_from(["TIG-lassen gevorderd", "CNC-frezen", "Leidinggeven",
                                     "Veilig hijsen"]),
    "start": maybe(iso),
    "aangevraagd": st.lists(st.sampled_from(["oom-ptt", "slim-regeling"]), unique=True),
})
hires = st.fixed_dictionaries({
    "doelgroep": st.sampled_from(TARGET_GROUPS), "in_dienst": iso,
    "contract_maanden": st.integers(min_value=1, max_value=36),
    "uren_per_week": st.integers(min_value=4, max_value=40),
})
profiles = st.fixed_dictionaries({"peildatum": iso}, optional={
    "naam": st.sampled_from(["Metaalbedrijf De Vonk", "Constructie Oost BV"]),
    "cao": maybe(st.sampled_from(CAO)),
    "medewerkers": maybe(st.integers(min_value=0, max_value=600)),
    "provincie": maybe(st.sampled_from(PROVINCES)),
    "plaats": st.sampled_from(["Apeldoorn", "Zwolle", "Den Helder"]),
    "erkend_leerbedrijf": maybe(st.booleans()),
    "praktijkopleider_opgeleid": maybe(st.booleans()),
    "leerlingen": st.lists(learners(), max_size=3),
    "scholing_medewerkers": st.lists(courses, max_size=2),
    "nieuwe_medewerkers": st.lists(hires, max_size=2),
    "doelen": st.lists(st.sampled_from(GOALS), unique=True),
    "doelgroepen": st.lists(st.sampled_from(TARGET_GROUPS), unique=True),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profiles)
def test_varied_profiles_speak_plain_dutch(advies_api, profile):
    assert_plain_dutch(advies_api(profile))
