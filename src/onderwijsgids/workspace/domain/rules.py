"""Figures and windows the workspace reads from the knowledge base, never typed into code.

Each regeling in ``content/`` carries dated ``parameters`` and ``perioden`` with their sources.
This module only knows the *names* of the parameters it looks for; the values (weeks in a
full study year, the start of the study year, application windows, maximum amounts) come from
content. When content lacks a value the derived figure is ``None`` and pages say "zie bron".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

PRAKTIJKLEREN = "subsidie-praktijkleren"
OOM_BBL = "oom-bbl-vergoeding"
PTT = "oom-ptt"

# Parameter names looked up in content, most specific first. Names, not values.
WEEKS_MBO_NAMES = ("weken-volledig-studiejaar-mbo", "weken-studiejaar-mbo", "weken-mbo",
                   "volledig-studiejaar-mbo-weken")
WEEKS_HBO_NAMES = ("weken-volledig-studiejaar-hbo", "weken-studiejaar-hbo", "weken-hbo",
                   "volledig-studiejaar-hbo-weken")
YEAR_START_NAMES = ("studiejaar-start", "start-studiejaar", "studiejaar-begin", "begin-studiejaar")
MAX_AMOUNT_NAMES = ("maximum-per-praktijkleerplaats", "maximum-bedrag", "maximum-per-plaats",
                    "bedrag-maximum", "maximum")

HBO_PATHS = frozenset({"hbo-duaal", "hbo-voltijd"})


@dataclass(frozen=True)
class Window:
    """An application window for one study year, as content states it or projected from it."""

    schooljaar: str
    van: dt.date | None
    tot: dt.date
    bron: str
    verwacht: bool = False  # projected from an earlier year's window: check the source


@dataclass(frozen=True)
class PraktijklerenRules:
    weeks_mbo: int | None
    weeks_hbo: int | None
    year_start: tuple[int, int] | None  # (month, day) on which a study year starts
    max_amount: Decimal | None
    max_amount_schooljaar: str | None
    windows: tuple[Window, ...]
    bron: str

    def full_weeks(self, leerweg: str) -> int | None:
        return self.weeks_hbo if leerweg in HBO_PATHS else self.weeks_mbo


@dataclass(frozen=True)
class RegelingInfo:
    id: str
    titel: str
    url: str
    aanvragen: str
    voorwaarden: tuple[str, ...] = ()
    bron: str = ""


@dataclass(frozen=True)
class Rules:
    praktijkleren: PraktijklerenRules | None
    regelingen: dict[str, RegelingInfo] = field(default_factory=dict)


def _source_url(item: Any, key: str | None) -> str:
    bron = item.bronnen.get(key) if key else None
    return (bron.url or "") if bron else ""


def _param(item: Any, names: Iterable[str]) -> Any | None:
    by_name = {p.naam: p for p in item.parameters}
    for name in names:
        if name in by_name:
            return by_name[name]
    return None


def _as_int(param: Any | None) -> int | None:
    if param is None:
        return None
    try:
        return int(Decimal(str(param.waarde)))
    except (ArithmeticError, ValueError):
        return None


def _year_start(param: Any | None) -> tuple[int, int] | None:
    if param is None:
        return None
    value = param.waarde
    if isinstance(value, dt.date):
        return value.month, value.day
    try:  # "08-01" or "1 augustus" is not parsed; only ISO-like forms
        parsed = dt.date.fromisoformat(str(value))
        return parsed.month, parsed.day
    except ValueError:
        return None


def _windows(item: Any) -> tuple[Window, ...]:
    windows = [Window(p.schooljaar, p.van, p.tot, _source_url(item, p.bron))
               for p in item.perioden if p.schooljaar and p.tot]
    return tuple(sorted(windows, key=lambda w: w.schooljaar))


def praktijkleren_rules(item: Any) -> PraktijklerenRules:
    max_param = _param(item, MAX_AMOUNT_NAMES)
    amount = None
    if max_param is not None:
        try:
            amount = Decimal(str(max_param.waarde))
        except ArithmeticError:
            amount = None
    return PraktijklerenRules(
        weeks_mbo=_as_int(_param(item, WEEKS_MBO_NAMES)),
        weeks_hbo=_as_int(_param(item, WEEKS_HBO_NAMES)),
        year_start=_year_start(_param(item, YEAR_START_NAMES)),
        max_amount=amount,
        max_amount_schooljaar=max_param.schooljaar if max_param is not None else None,
        windows=_windows(item),
        bron=_source_url(item, item.bron),
    )


def rules_from_kb(kb: Any) -> Rules:
    """Extract what the workspace needs from a typed KnowledgeBase (``kb.items``: id → item)."""
    from onderwijsgids.kb.urls import item_path

    regelingen = {}
    for item in kb.items.values():
        if getattr(item, "type", None) != "regeling":
            continue
        regelingen[item.id] = RegelingInfo(
            id=item.id, titel=item.titel, url=item_path("regeling", item.id),
            aanvragen=item.aanvragen, voorwaarden=tuple(v.tekst for v in item.voorwaarden),
            bron=_source_url(item, item.bron))
    item = kb.items.get(PRAKTIJKLEREN)
    praktijkleren = praktijkleren_rules(item) if item is not None and \
        getattr(item, "type", None) == "regeling" else None
    return Rules(praktijkleren=praktijkleren, regelingen=regelingen)
