"""The knowledge base in the form the rules read: regelingen with their typed, dated
parameters and windows, the action points, titles and URLs. Built once per knowledge base
(``current_kb()`` returns the same object until a new content release is loaded)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable, NamedTuple
from urllib.parse import urlparse

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Actiepunt, Bereik, Bron, Item, Kwalificatie, Regeling
from onderwijsgids.kb.urls import item_path
from onderwijsgids.vocabulary import datum, euro

from .memo import Memo
from .studiejaar import Studiejaar

GUIDE_LABEL = "Dé onderwijsgids 2025"


def source_label(bron: Bron | None) -> str | None:
    """A source as one string: its web address, or the section of the printed guide."""
    if bron is None:
        return None
    return bron.url or f"{GUIDE_LABEL}, {bron.gids}"


@lru_cache(maxsize=4096)
def short_source(label: str | None) -> str:
    """The host of a web source (``oom.nl``) or the guide, for "(bron: …)" in sentences.
    Remembered: a few hundred sources, parsed for every sentence (13 % of an advice)."""
    if not label:
        return GUIDE_LABEL
    if label.startswith("http"):
        return urlparse(label).netloc.removeprefix("www.")
    return label


@dataclass(frozen=True)
class Param:
    """One typed figure from content, valid for a study year or a date range, with its source."""

    naam: str
    label: str
    soort: str  # geld | geldbereik | percentage | aantal | datum | tekst
    waarde: Any
    schooljaar: str | None
    geldig_vanaf: dt.date | None
    geldig_tot: dt.date | None
    bron: str | None
    peildatum: dt.date | None = None

    def number(self) -> Decimal | None:
        if self.soort in ("geld", "percentage", "aantal"):
            return Decimal(self.waarde)
        return None

    def range(self) -> Bereik | None:
        return self.waarde if isinstance(self.waarde, Bereik) else None

    def date(self) -> dt.date | None:
        return self.waarde if self.soort == "datum" else None

    def text(self) -> str:
        """The value in Dutch: ``€ 2.700``, ``€ 2.700 – € 4.200``, ``50%``, ``17 september 2025``."""
        if self.soort == "geld":
            return euro(self.waarde)
        if self.soort == "geldbereik":
            return f"{euro(self.waarde.van)} – {euro(self.waarde.tot)}"
        if self.soort == "percentage":
            return f"{Decimal(self.waarde).normalize():f}%"
        if self.soort == "datum":
            return datum(self.waarde)
        return str(self.waarde)

    def valid_on(self, day: dt.date) -> bool:
        return ((self.geldig_vanaf is None or self.geldig_vanaf <= day)
                and (self.geldig_tot is None or day <= self.geldig_tot))


@dataclass(frozen=True)
class Window:
    """An application window from content (dates inclusive), published or expected."""

    omschrijving: str
    van: dt.date | None
    tot: dt.date | None
    schooljaar: str | None
    bron: str | None
    verwacht: bool = False
    basis: str | None = None


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
    windows: list[Window]
    order: int

    def param(self, naam: str, on: dt.date, schooljaar: str | None = None) -> Param | None:
        """The entry of ``naam`` for ``schooljaar`` if given, else the one valid on ``on``:
        among those, the latest study year not after the current one, else an undated entry
        (the latest ``geldig_vanaf``). A figure for a coming year is never taken as current."""
        candidates = self.parameters.get(naam, [])
        if len(candidates) == 1 and schooljaar is None and candidates[0].schooljaar is None:
            return candidates[0] if candidates[0].valid_on(on) else None  # the usual case
        if schooljaar is not None:
            return next((p for p in candidates if p.schooljaar == schooljaar), None)
        valid = [p for p in candidates if p.valid_on(on)]
        current = Studiejaar.of(on).label
        dated = [p for p in valid if p.schooljaar and p.schooljaar <= current]
        if dated:
            return max(dated, key=lambda p: p.schooljaar or "")
        undated = [p for p in valid if p.schooljaar is None]
        if undated:
            return max(undated, key=lambda p: p.geldig_vanaf or dt.date.min)
        return None

    def window(self, schooljaar: str) -> Window | None:
        return next((w for w in self.windows if w.schooljaar == schooljaar), None)


class SchoolStatus(NamedTuple):
    """A bedrijfsvakschool's BVM status as its source states it (``bvm_status`` in content)."""

    bevestigd: bool
    datum: str | None  # the date the source shows
    toelichting: str | None  # the content's note on the status


@dataclass
class CompiledKB:
    regelingen: list[CompiledRegeling]
    by_id: dict[str, CompiledRegeling]
    actiepunten: list[Actiepunt]
    kwalificatie_profielen: list[Kwalificatie]
    kwalificaties: dict[str, str]  # crebo → its name in words ("Productietechniek")
    bvm_by_province: dict[str, list[str]]  # province → schools with a location there
    bvm_confirmed: dict[str, SchoolStatus]  # school → its BVM status
    coalitions_by_province: dict[str, list[str]]  # province → its regional Techniekcoalities
    organisaties: set[str]
    item_titles: dict[str, str]
    item_urls: dict[str, str] = field(default_factory=dict)
    act_urls: dict[str, str] = field(default_factory=dict)  # item id -> where a company acts
    actions: dict[str, list[str]] = field(default_factory=dict)  # actiepunt id -> one-line texts
    number_positions: dict[int, int] = field(default_factory=dict)  # guide's number -> position
    goal_points: dict[str, tuple[int, ...]] = field(default_factory=dict)  # goal -> positions
    group_points: dict[str, tuple[int, ...]] = field(default_factory=dict)  # group -> positions
    # action point -> its organisations, without bedrijfsvakscholen (the plan names the
    # ones in the company's province instead)
    point_organisaties: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hosts: dict[str, str] = field(default_factory=dict)  # source → its host, for "(bron: …)"
    memo: Memo = field(default_factory=Memo, repr=False)  # the engine's one memo

    @property
    def order(self) -> dict[str, int]:
        """Regeling ID → its position in the knowledge base (ties in lists of deadlines)."""
        return {r.id: r.order for r in self.regelingen}


def _compile_regeling(item: Regeling, order: int) -> CompiledRegeling:
    def label(key: str) -> str | None:
        return source_label(item.bronnen.get(key))

    parameters: dict[str, list[Param]] = {}
    for p in item.parameters:
        parameters.setdefault(p.naam, []).append(Param(
            p.naam, p.label, p.soort, p.waarde, p.schooljaar, p.geldig_vanaf, p.geldig_tot,
            label(p.bron), p.peildatum))
    windows = sorted((Window(w.omschrijving, w.van, w.tot, w.schooljaar, label(w.bron),
                             w.verwacht, w.basis) for w in item.perioden),
                     key=lambda w: (w.tot or dt.date.max, w.omschrijving))
    return CompiledRegeling(
        item=item, id=item.id, titel=item.titel, url=item_path("regeling", item.id),
        aanbieder=item.aanbieder, bron=label(item.bron),
        voorwaarden={v.code: (v.tekst.strip(), label(v.bron)) for v in item.voorwaarden},
        parameters=parameters, windows=windows, order=order,
    )


def _positions(points: list[Actiepunt], attribute: str) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for position, point in enumerate(points):
        for value in getattr(point, attribute):
            found.setdefault(value, []).append(position)
    return {value: tuple(positions) for value, positions in found.items()}


def _course_name(item: Kwalificatie) -> str:
    return item.titel.removeprefix("Kwalificatiedossier ").strip()


def _by_province(kb: KnowledgeBase) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Province → bedrijfsvakscholen with a location there; province → the regional
    Techniekcoalities whose working area includes it (organisations, issue 14)."""
    bvm: dict[str, list[str]] = {}
    coalitions: dict[str, list[str]] = {}
    for org in kb.of_type("organisatie"):
        if org.soort == "bedrijfsvakschool":
            places = [org.provincie] + [v.provincie for v in org.locaties]
            for province in dict.fromkeys(x for x in places if x):
                bvm.setdefault(province, []).append(org.id)
        elif org.soort == "netwerk" and org.id.startswith("techniekcoalitie-"):
            for province in org.provincies:
                coalitions.setdefault(province, []).append(org.id)
    return bvm, coalitions


def _act_urls(items: Iterable[Item]) -> dict[str, str]:
    """Per item, the first of its sourced links marked as the page where a company acts."""
    found = {}
    for item in items:
        marked = [link.url for link in getattr(item, "links", []) if link.aanvragen]
        if marked:
            found[item.id] = marked[0]
    return found


def compile_kb(kb: KnowledgeBase) -> CompiledKB:
    items = kb.items
    bvm, coalitions = _by_province(kb)
    kwalificaties = kb.of_type("kwalificatie")
    points = kb.of_type("actiepunt")
    regelingen = [_compile_regeling(item, n) for n, item in enumerate(kb.of_type("regeling"))]
    return CompiledKB(
        regelingen=regelingen,
        by_id={r.id: r for r in regelingen},
        actiepunten=points,
        kwalificatie_profielen=sorted((k for k in kwalificaties if k.soort == "profiel"),
                                      key=lambda k: (k.niveau or 0, k.crebo)),
        kwalificaties={k.crebo: _course_name(k) for k in kwalificaties},
        bvm_by_province=bvm,
        bvm_confirmed={o.id: SchoolStatus(o.bvm_status.status == "bevestigd", o.bvm_status.datum,
                                          o.bvm_status.toelichting)
                       for o in kb.of_type("organisatie") if o.bvm_status},
        coalitions_by_province=coalitions,
        organisaties={o.id for o in kb.of_type("organisatie")},
        item_titles={i.id: i.titel for i in items.values()},
        item_urls={i.id: item_path(i.type, i.id) for i in items.values()},
        act_urls=_act_urls(items.values()),
        actions={a.id: [re.sub(r"\s+", " ", x.tekst).strip() for x in a.acties] for a in points},
        number_positions={point.nummer: position for position, point in enumerate(points)},
        goal_points=_positions(points, "doelen"),
        group_points=_positions(points, "doelgroepen"),
        point_organisaties={point.id: tuple(o for o in point.organisaties
                                            if not o.startswith("bvm-")) for point in points},
        hosts={label: short_source(label) for r in regelingen
               for label in _labels(r) if label},
    )


def _labels(regeling: CompiledRegeling) -> list[str | None]:
    return ([regeling.bron] + [source for _, source in regeling.voorwaarden.values()]
            + [p.bron for ps in regeling.parameters.values() for p in ps]
            + [w.bron for w in regeling.windows])


_lock = threading.Lock()
_cache: dict[int, tuple[KnowledgeBase, CompiledKB]] = {}


def compiled(kb: KnowledgeBase) -> CompiledKB:
    """The compiled form of ``kb``, built once per knowledge-base object."""
    hit = _cache.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    result = compile_kb(kb)
    with _lock:
        if len(_cache) >= 8:
            _cache.clear()
        _cache[id(kb)] = (kb, result)
    return result


def forget(kb: KnowledgeBase) -> None:
    """Drop the compiled form of ``kb``."""
    with _lock:
        hit = _cache.get(id(kb))
        if hit is not None and hit[0] is kb:
            del _cache[id(kb)]
