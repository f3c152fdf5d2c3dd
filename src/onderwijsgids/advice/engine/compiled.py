"""What the engine precomputes once per knowledge base, so that one advice takes microseconds.

The cache is keyed by the knowledge base object: ``current_kb()`` returns the same object until
a new content release is loaded, and the CLI loads one per process.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import islice
from decimal import Decimal
from typing import Any
from urllib.parse import urlparse

from onderwijsgids.kb.schema import Actiepunt, Bron, ItemBase, Kwalificatie, Organisatie, Regeling
from onderwijsgids.kb.urls import item_path

from .model import ParameterGebruik, build

GUIDE_LABEL = "Dé onderwijsgids 2025"


def source_label(bron: Bron | None) -> str | None:
    """A source as one string: its web address, or the section of the printed guide."""
    if bron is None:
        return None
    return bron.url or f"{GUIDE_LABEL}, {bron.gids}"


@lru_cache(maxsize=1024)
def short_source(label: str | None) -> str:
    """The host of a web source (``oom.nl``) or the guide, for "(bron: …)" in sentences."""
    if not label:
        return GUIDE_LABEL
    if label.startswith("http"):
        host = urlparse(label).netloc
        return host.removeprefix("www.")
    return label


@dataclass(frozen=True, eq=False)  # one object per entry in content: identity is equality,
class Param:                          # and hashing it (as a cache key) costs nothing
    naam: str
    label: str
    waarde: Any
    schooljaar: str | None
    geldig_vanaf: dt.date | None
    geldig_tot: dt.date | None
    bron: str | None
    eenheid: str | None = None

    @cached_property
    def kind(self) -> str:
        """Name and school year as one string: a rule's trace lists each kind once."""
        return f"{self.naam}\x00{self.schooljaar or ''}"

    def number(self) -> Decimal | None:
        return self._number

    @cached_property
    def _number(self) -> Decimal | None:
        if isinstance(self.waarde, bool):
            return None
        if isinstance(self.waarde, (int, Decimal)):
            return Decimal(self.waarde)
        try:
            return Decimal(str(self.waarde).replace(",", "."))
        except ArithmeticError:
            return None

    def date(self) -> dt.date | None:
        return self._date

    @cached_property
    def _date(self) -> dt.date | None:
        if isinstance(self.waarde, dt.date):
            return self.waarde
        try:
            return dt.date.fromisoformat(str(self.waarde))
        except ValueError:
            return None

    @cached_property
    def usage(self) -> ParameterGebruik:
        """This parameter as a trace entry (immutable, so one object serves every advice)."""
        return build(ParameterGebruik, naam=self.naam, waarde=str(self.waarde),
                     schooljaar=self.schooljaar, bron=self.bron)

    def valid_on(self, day: dt.date) -> bool:
        return ((self.geldig_vanaf is None or self.geldig_vanaf <= day)
                and (self.geldig_tot is None or day <= self.geldig_tot))


def remember(cache: dict, key: Any, value: Any, limit: int) -> Any:
    """``cache[key] = value`` in a cache of at most ``limit`` entries; a full cache forgets its
    oldest half (dicts keep insertion order). The engine's caches all grow this way, so that a
    web worker's memory stays bounded. Returns ``value``."""
    if len(cache) >= limit:
        for old in list(islice(cache, limit // 2)):
            del cache[old]
    cache[key] = value
    return value


_UNKNOWN = object()  # not looked up yet (``None`` is an answer: no such parameter)


@dataclass
class CompiledRegeling:
    item: Regeling
    id: str
    titel: str
    url: str
    aanbieder: str
    bron: str | None
    voorwaarden: dict[str, tuple[str, str | None]]
    parameters: dict[str, list[Param]]
    perioden: list[tuple[dt.date | None, dt.date | None, str, str | None, str | None]]
    order: int
    _memo: dict = field(default_factory=dict, repr=False)
    # (code, sentence) -> (Toets, text, source), see Evaluation.arrange()
    arranged: dict = field(default_factory=dict, repr=False)
    toetsen: dict = field(default_factory=dict, repr=False)  # see Evaluation.condition()

    @cached_property
    def reminders(self) -> list[tuple[str, str]]:
        """Each condition in content with the sentence that lists it when no rule judged it."""
        return [(code, "Let ook op: " + tekst) for code, (tekst, _) in self.voorwaarden.items()]

    def params(self, naam: str) -> list[Param]:
        return self.parameters.get(naam, [])

    def param(self, naam: str, on: dt.date, schooljaar: str | None = None) -> Param | None:
        """The entry of ``naam`` for ``schooljaar`` if given, else the one valid on ``on``.

        Among valid entries the most recent school year (then the latest ``geldig_vanaf``) wins.
        """
        key = (naam, on, schooljaar)
        found = self._memo.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = remember(self._memo, key, self._find(naam, on, schooljaar), 4096)
        return found  # type: ignore[return-value]

    def _find(self, naam: str, on: dt.date, schooljaar: str | None) -> Param | None:
        candidates = self.parameters.get(naam, [])
        if schooljaar is not None:
            return next((p for p in candidates if p.schooljaar == schooljaar), None)
        valid = [p for p in candidates if p.valid_on(on)]
        if not valid:
            return None
        undated_year = [p for p in valid if p.schooljaar is None]
        dated = sorted((p for p in valid if p.schooljaar), key=lambda p: p.schooljaar or "")
        current = school_year_label(on)
        not_future = [p for p in dated if (p.schooljaar or "") <= current]
        if not_future:
            return not_future[-1]
        if undated_year:
            return max(undated_year, key=lambda p: p.geldig_vanaf or dt.date.min)
        return dated[0]


@dataclass
class CompiledKB:
    regelingen: list[CompiledRegeling]
    by_id: dict[str, CompiledRegeling]
    actiepunten: list[Actiepunt]
    kwalificatie_profielen: list[Kwalificatie]
    bvm_by_province: dict[str, list[str]]
    organisaties: set[str]
    item_titles: dict[str, str]
    item_urls: dict[str, str] = field(default_factory=dict)
    actions: dict[str, list[str]] = field(default_factory=dict)  # actiepunt id -> one-line texts
    results: dict[tuple, Any] = field(default_factory=dict, repr=False)  # see advise()
    points: dict[tuple, Any] = field(default_factory=dict, repr=False)  # see plan._point()
    judging: Any = field(default=None, repr=False)  # see rules.judging_plan()

    @cached_property
    def metalektro_organisaties(self) -> list[str]:
        """The Metalektro's own organisations (A+O Metalektro), pointed to instead of OOM."""
        return sorted(org_id for org_id in self.organisaties if "metalektro" in org_id)

    @cached_property
    def point_organisaties(self) -> dict[str, tuple[str, ...]]:
        """Action point → its organisations, without bedrijfsvakscholen (the plan names the
        ones in the company's province instead)."""
        return {point.id: tuple(org_id for org_id in point.organisaties
                                if not org_id.startswith("bvm-"))
                for point in self.actiepunten}

    @cached_property
    def point_organisaties_without_oom(self) -> dict[str, tuple[str, ...]]:
        """:attr:`point_organisaties` for a company outside the cao Metaal en Techniek."""
        return {point_id: tuple(org_id for org_id in organisaties if org_id != "oom")
                for point_id, organisaties in self.point_organisaties.items()}

    @cached_property
    def number_positions(self) -> dict[int, int]:
        """The guide's number of an action point → its position in :attr:`actiepunten`."""
        return {point.nummer: position for position, point in enumerate(self.actiepunten)}

    @cached_property
    def goal_points(self) -> dict[str, tuple[int, ...]]:
        """Goal → positions (in :attr:`actiepunten`) of the action points that serve it."""
        return _positions(self.actiepunten, "doelen")

    @cached_property
    def group_points(self) -> dict[str, tuple[int, ...]]:
        """Target group → positions of the action points for it."""
        return _positions(self.actiepunten, "doelgroepen")

    @cached_property
    def order(self) -> dict[str, int]:
        """Regeling ID → its position in the knowledge base (ties in lists of deadlines)."""
        return {r.id: r.order for r in self.regelingen}


def _positions(points: list[Actiepunt], attribute: str) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for position, point in enumerate(points):
        for value in getattr(point, attribute):
            found.setdefault(value, []).append(position)
    return {value: tuple(positions) for value, positions in found.items()}


def school_year_label(day: dt.date, start_month: int = 8, start_day: int = 1) -> str:
    """``2026-03-15`` → ``2025/26`` for a school year starting on 1 August."""
    first = day.year if (day.month, day.day) >= (start_month, start_day) else day.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def _compile_regeling(item: Regeling, order: int) -> CompiledRegeling:
    def label(key: str) -> str | None:
        return source_label(item.bronnen.get(key))

    parameters: dict[str, list[Param]] = {}
    for p in item.parameters:
        parameters.setdefault(p.naam, []).append(Param(
            p.naam, p.label, p.waarde, p.schooljaar, p.geldig_vanaf, p.geldig_tot, label(p.bron),
            p.eenheid))
    for entries in parameters.values():
        entries.sort(key=lambda p: (p.schooljaar or "", p.geldig_vanaf or dt.date.min))
    perioden = sorted(((p.van, p.tot, p.omschrijving, p.schooljaar, label(p.bron))
                       for p in item.perioden), key=lambda p: (p[1] or dt.date.max, p[2]))
    return CompiledRegeling(
        item=item, id=item.id, titel=item.titel, url=item_path("regeling", item.id),
        aanbieder=item.aanbieder, bron=label(item.bron),
        voorwaarden={v.code: (v.tekst.strip(), label(v.bron)) for v in item.voorwaarden},
        parameters=parameters, perioden=perioden, order=order,
    )


def compile_kb(kb: Any) -> CompiledKB:
    items: dict[str, ItemBase] = kb.items
    regelingen = [_compile_regeling(item, n) for n, item in enumerate(kb.of_type("regeling"))]
    bvm: dict[str, list[str]] = {}
    for org in kb.of_type("organisatie"):
        assert isinstance(org, Organisatie)
        if org.soort == "bedrijfsvakschool" and org.provincie:
            bvm.setdefault(org.provincie, []).append(org.id)
    profiles = [k for k in kb.of_type("kwalificatie")
                if isinstance(k, Kwalificatie) and k.soort == "profiel"]
    return CompiledKB(
        regelingen=regelingen,
        by_id={r.id: r for r in regelingen},
        actiepunten=[a for a in kb.of_type("actiepunt") if isinstance(a, Actiepunt)],
        kwalificatie_profielen=sorted(profiles, key=lambda k: (k.niveau or 0, k.crebo)),
        bvm_by_province=bvm,
        organisaties={o.id for o in kb.of_type("organisatie")},
        item_titles={i.id: i.titel for i in items.values()},
        item_urls={i.id: item_path(i.type, i.id) for i in items.values()},  # type: ignore[attr-defined]
        actions={a.id: [re.sub(r"\s+", " ", x.tekst).strip() for x in a.acties]
                 for a in kb.of_type("actiepunt") if isinstance(a, Actiepunt)},
    )


_lock = threading.Lock()
_cache: dict[int, tuple[Any, CompiledKB]] = {}


def compiled(kb: Any) -> CompiledKB:
    """The compiled form of ``kb``, built once per knowledge-base object."""
    key = id(kb)
    hit = _cache.get(key)
    if hit is not None and hit[0] is kb:
        return hit[1]
    result = compile_kb(kb)
    with _lock:
        if len(_cache) >= 8:
            _cache.clear()
        _cache[key] = (kb, result)
    return result


def forget(kb: Any) -> None:
    """Drop the compiled form of ``kb`` and its caches (a finished batch releases them itself:
    left to interpreter shutdown, freeing them took about a second)."""
    with _lock:
        hit = _cache.get(id(kb))
        if hit is not None and hit[0] is kb:
            del _cache[id(kb)]
