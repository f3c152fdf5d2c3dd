"""Cross-checks that a single file's schema cannot express.

Relations must resolve to items of the right type, every ``bron`` key must exist in
the item's ``bronnen``, files live where their type says, and every ID that contract
§1 promises is present.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from onderwijsgids.errors import Problem, field_path

from .loader import GLOSSARY_FILE, KnowledgeBase, line_of
from .schema import (
    TYPE_DIRS, Actiepunt, Initiatief, Item, ItemType, Kwalificatie, Onderwijsniveau, Organisatie,
    Regeling,
)

# A location's coordinates must lie this close to the shipped place of the same name.
PLACE_RADIUS_KM = 15.0


# Contract §1: IDs that printed plans and scripts rely on.
CONTRACT_IDS: dict[ItemType, tuple[str, ...]] = {
    "actiepunt": tuple(f"actiepunt-{n}" for n in range(1, 10)),
    "kwalificatie": (
        "23361", "23360", "23362", "25894", "25895", "25896", "25897", "25891", "25892",
        "25893", "25919", "25920",
    ),
    "onderwijsniveau": (
        "basisonderwijs", "speciaal-onderwijs", "praktijkonderwijs", "vmbo-bb", "vmbo-kb",
        "vmbo-gl", "vmbo-tl", "havo", "vwo", "vavo", "mbo-1", "mbo-2", "mbo-3", "mbo-4",
        "mbo-4-specialist", "associate-degree", "hbo-propedeuse", "hbo-bachelor", "hbo-master",
        "wo-bachelor", "pre-master", "wo-master", "open-universiteit", "post-initieel",
    ),
    "regeling": (
        "subsidie-praktijkleren", "oom-bbl-vergoeding", "scholingspoolroute",
        "oom-promotie-stage-bijdrage", "oom-ptt", "slim-regeling", "oom-jobstart",
        "oom-zij-instroom",
    ),
    "organisatie": ("metaalunie", "oom", "sbb", "rvo", "pkm", "metaalunie-academie"),
    "initiatief": (
        "sterk-techniek-onderwijs", "techniek-tastbaar", "girlsday", "metal-skills-kids",
        "vmbo-on-stage", "vakkanjer", "skills-wedstrijden", "techniekcoalitie",
        "zichtbaarheidscampagne",
    ),
    "pagina": (
        "voorwoord", "onderwijsniveaus", "mbo-metaalopleidingen", "subsidiemogelijkheden",
        "bedrijfsvakscholen", "tips-basis-en-voortgezet-onderwijs", "contact",
    ),
}


def relations_of(item: Item) -> Iterator[tuple[str, str | None, str]]:
    """Yield ``(field, expected type or None, target id)`` for every outgoing relation."""
    for target in item.zie_ook:
        yield "zie_ook", None, target
    if isinstance(item, Actiepunt):
        yield from (("regelingen", "regeling", t) for t in item.regelingen)
        yield from (("organisaties", "organisatie", t) for t in item.organisaties)
        yield from (("initiatieven", "initiatief", t) for t in item.initiatieven)
        yield from (("kwalificaties", "kwalificatie", t) for t in item.kwalificaties)
    elif isinstance(item, Kwalificatie) and item.dossier:
        yield "dossier", "kwalificatie", item.dossier
    elif isinstance(item, Onderwijsniveau):
        yield from (("stromen", "onderwijsniveau", s.naar) for s in item.stromen)
    elif isinstance(item, Regeling):
        yield "aanbieder", "organisatie", item.aanbieder
    elif isinstance(item, Initiatief) and item.organisatie:
        yield "organisatie", "organisatie", item.organisatie


def _source_keys(model: BaseModel, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple, str]]:
    """Every ``bron`` key used anywhere inside ``model``, with its location."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "bron" and isinstance(value, str):
            yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from _source_keys(value, path + (name,))
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _source_keys(element, path + (name, index))


def _item_problems(kb: KnowledgeBase, item: Item, today: dt.date) -> Iterator[Problem]:
    rel = kb.files[item.id]
    node = kb.nodes.get(item.id)

    def problem(loc: tuple, message: str) -> Problem:
        return Problem(field_path(loc), message, line_of(node, loc), rel)

    expected_dir = TYPE_DIRS[item.type]
    if rel.split("/")[0] != expected_dir or Path(rel).stem != item.id:
        yield problem(("id",), f"hoort in {expected_dir}/{item.id}.yaml te staan")
    if isinstance(item, Actiepunt) and item.id != f"actiepunt-{item.nummer}":
        yield problem(("nummer",), f"past niet bij id '{item.id}'")
    for loc, key in _source_keys(item):
        if key not in item.bronnen:
            yield problem(loc, f"bron '{key}' staat niet in 'bronnen' van dit item")
    for key, source in item.bronnen.items():
        if source.peildatum > today:
            yield problem(("bronnen", key, "peildatum"), "ligt in de toekomst")
    if isinstance(item, Organisatie):
        for loc, message in _location_problems(item):
            yield problem(loc, message)
    for field, expected, target in relations_of(item):
        found = kb.items.get(target)
        loc = _relation_loc(item, field, target)
        if found is None:
            yield problem(loc, f"verwijst naar onbekend item '{target}'")
        elif expected and found.type != expected:
            yield problem(loc, f"'{target}' is een {found.type}, verwacht: {expected}")
        elif target == item.id:
            yield problem(loc, "verwijst naar zichzelf")


def _location_problems(item: Organisatie) -> Iterator[tuple[tuple, str]]:
    """Each location lies in its place and province (checked against the shipped GeoNames
    places of the BVM finder); the organisation's own ``plaats`` is one of its locations."""
    from onderwijsgids.search.engine.finder import haversine_km, nearest_place, places_named

    for index, where in enumerate(item.locaties):
        named = [p for p in places_named(where.plaats) if p.provincie == where.provincie]
        if named:
            km = min(haversine_km(where.lat, where.lon, p.lat, p.lon) for p in named)
            if km > PLACE_RADIUS_KM:
                yield ("locaties", index, "lat"), (
                    f"de coördinaten liggen {km:.0f} km van {where.plaats}; verwacht: binnen "
                    f"{PLACE_RADIUS_KM:.0f} km")
            continue
        closest = nearest_place(where.lat, where.lon)
        if closest.provincie != where.provincie:
            yield ("locaties", index, "provincie"), (
                f"de coördinaten liggen bij {closest.naam} in {closest.provincie}, niet in "
                f"{where.provincie}")
    if item.locaties and item.plaats not in {where.plaats for where in item.locaties}:
        yield ("plaats",), "staat niet bij de 'locaties' van deze organisatie"


def _relation_loc(item: Item, field: str, target: str) -> tuple:
    value = getattr(item, field)
    if isinstance(value, list):
        for index, element in enumerate(value):
            if element == target or getattr(element, "naar", None) == target:
                return (field, index) if not hasattr(element, "naar") else (field, index, "naar")
    return (field,)


def check_knowledge_base(
    kb: KnowledgeBase, today: dt.date | None = None, require_contract_ids: bool = True
) -> list[Problem]:
    """All cross-item problems; an empty list means the knowledge base is consistent."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    for item in kb.items.values():
        problems += _item_problems(kb, item, today)
    if kb.glossary:
        for index, entry in enumerate(kb.glossary.begrippen):
            if entry.bron not in kb.glossary.bronnen:
                problems.append(Problem(file=GLOSSARY_FILE, field=f"begrippen[{index}].bron",
                                        message=f"bron '{entry.bron}' staat niet in 'bronnen'"))
            if entry.zie and entry.zie not in kb.items:
                problems.append(Problem(file=GLOSSARY_FILE, field=f"begrippen[{index}].zie",
                                        message=f"verwijst naar onbekend item '{entry.zie}'"))
        for index, group in enumerate(kb.glossary.vakwoorden):
            problems += [Problem(file=GLOSSARY_FILE, field=f"vakwoorden[{index}].items",
                                 message=f"verwijst naar onbekend item '{target}'")
                         for target in group.items if target not in kb.items]
            if group.bron not in kb.glossary.bronnen:
                problems.append(Problem(file=GLOSSARY_FILE, field=f"vakwoorden[{index}].bron",
                                        message=f"bron '{group.bron}' staat niet in 'bronnen'"))
    if require_contract_ids:
        for item_type, ids in CONTRACT_IDS.items():
            for required in ids:
                found = kb.items.get(required)
                if found is None or found.type != item_type:
                    problems.append(Problem(file=f"{TYPE_DIRS[item_type]}/{required}.yaml", field="id",
                                            message=f"contract-ID '{required}' ({item_type}) ontbreekt"))
    return problems
