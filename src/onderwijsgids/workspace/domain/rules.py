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

from onderwijsgids.dutch import day_month_range

PRAKTIJKLEREN = "subsidie-praktijkleren"
OOM_BBL = "oom-bbl-vergoeding"
PTT = "oom-ptt"

# Parameter names looked up in content (the same the advice engine reads). Names, not values.
WEEKS_MBO_NAMES = ("weken-volledig-jaar-mbo",)
WEEKS_HBO_NAMES = ("weken-volledig-jaar-hbo",)
MAX_AMOUNT_NAMES = ("maximum-per-plaats",)
WINDOW_OPENS, WINDOW_CLOSES = "aanvraag-opent", "aanvraag-sluit"
USUAL_WINDOW = "aanvraagvenster-gebruikelijk"  # text such as "2 juni – 16 september"

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
    # The window the source gives as usual for years whose own window is not yet published:
    # ((month, day) opens, (month, day) closes) and the address saying so.
    usual_window: tuple[tuple[int, int], tuple[int, int]] | None = None
    usual_bron: str = ""

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


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _windows(item: Any) -> tuple[Window, ...]:
    """Windows per study year: the ``aanvraag-opent``/``-sluit`` parameters and the perioden."""
    found: dict[str, Window] = {}
    for period in item.perioden:
        if period.schooljaar and period.tot:
            found[period.schooljaar] = Window(period.schooljaar, period.van, period.tot,
                                              _source_url(item, period.bron))
    opens = {p.schooljaar: _as_date(p.waarde) for p in item.parameters
             if p.naam == WINDOW_OPENS and p.schooljaar}
    for param in item.parameters:
        closes = _as_date(param.waarde) if param.naam == WINDOW_CLOSES else None
        if closes and param.schooljaar:
            found[param.schooljaar] = Window(param.schooljaar, opens.get(param.schooljaar), closes,
                                             _source_url(item, param.bron))
    return tuple(sorted(found.values(), key=lambda w: w.schooljaar))


def _usual_window(item: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    param = _param(item, (USUAL_WINDOW,))
    return day_month_range(str(param.waarde)) if param is not None else None


def praktijkleren_rules(item: Any, year_start: tuple[int, int] | None) -> PraktijklerenRules:
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
        year_start=year_start,
        max_amount=amount,
        max_amount_schooljaar=max_param.schooljaar if max_param is not None else None,
        windows=_windows(item),
        bron=_source_url(item, item.bron),
        usual_window=_usual_window(item),
        usual_bron=_source_url(item, getattr(_param(item, (USUAL_WINDOW,)), "bron", None)),
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
    praktijkleren = None
    if item is not None and getattr(item, "type", None) == "regeling":
        praktijkleren = praktijkleren_rules(item, _engine_year_start(kb))
    return Rules(praktijkleren=praktijkleren, regelingen=regelingen)


def _engine_year_start(kb: Any) -> tuple[int, int] | None:
    """The start of the study year as the advice engine reads it from content (reused, not copied)."""
    try:
        from onderwijsgids.advice.engine.compiled import compiled
        from onderwijsgids.advice.engine.evaluation import Evaluation
        from onderwijsgids.advice.engine.rules.subsidie_praktijkleren import study_years
    except ImportError:
        return None
    regeling = compiled(kb).by_id.get(PRAKTIJKLEREN)
    if regeling is None:
        return None
    years = study_years(Evaluation(regeling, dt.date.today()))
    return years.start_month, years.start_day
