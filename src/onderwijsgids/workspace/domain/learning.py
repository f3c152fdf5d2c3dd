"""Per learner and study year: supervised weeks, the Praktijkleren window and estimate.

Rules (from the Subsidieregeling praktijkleren, figures from content): a study year starts on
the content's ``studiejaar-start``; a week with at least one day of supervision counts; a full
year counts the content's number of weeks (mbo and hbo differ); the subsidy is applied for
afterwards, per study year, within the window content gives for that year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .rules import PraktijklerenRules, Window


@dataclass(frozen=True)
class StudyYear:
    label: str  # "2025/26"
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class YearFigures:
    jaar: StudyYear
    weken: int  # supervised weeks, capped at a full year
    volledig: int | None  # weeks in a full year for this learning path
    window: Window | None
    maximum_eur: Decimal | None  # pro rata of the content's maximum per place


def study_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def study_year_of(day: dt.date, year_start: tuple[int, int]) -> StudyYear:
    month, mday = year_start
    first_year = day.year if (day.month, day.day) >= (month, mday) else day.year - 1
    return _study_year(first_year, year_start)


def _study_year(first_year: int, year_start: tuple[int, int]) -> StudyYear:
    month, mday = year_start
    first = dt.date(first_year, month, mday)
    last = dt.date(first_year + 1, month, mday) - dt.timedelta(days=1)
    return StudyYear(study_year_label(first_year), first, last)


def study_years(start: dt.date, eind: dt.date, year_start: tuple[int, int]) -> list[StudyYear]:
    years, current = [], study_year_of(start, year_start)
    while current.first <= eind:
        years.append(current)
        current = _study_year(current.first.year + 1, year_start)
    return years


def weeks_touched(first: dt.date, last: dt.date) -> int:
    """Calendar weeks (Monday–Sunday) with at least one day between ``first`` and ``last``."""
    if last < first:
        return 0
    monday_first = first - dt.timedelta(days=first.weekday())
    monday_last = last - dt.timedelta(days=last.weekday())
    return (monday_last - monday_first).days // 7 + 1


def window_for(label: str, rules: PraktijklerenRules) -> Window | None:
    """The content window for study year ``label``; else the window the source calls usual.

    A projected window is marked ``verwacht``: the owner is told to check the source. Where
    the source gives no usual window, the latest published one is moved on by whole years.
    """
    for window in rules.windows:
        if window.schooljaar == label:
            return window
    year = int(label[:4]) + 1  # a study year's window opens in the summer after it ends
    if rules.usual_window is not None:
        (open_month, open_day), (close_month, close_day) = rules.usual_window
        try:
            return Window(label, dt.date(year, open_month, open_day),
                          dt.date(year, close_month, close_day),
                          rules.usual_bron or rules.bron, verwacht=True)
        except ValueError:
            pass
    known = [w for w in rules.windows if w.schooljaar < label]
    if not known:
        return None
    base = known[-1]
    shift = int(label[:4]) - int(base.schooljaar[:4])

    def moved(day: dt.date | None) -> dt.date | None:
        if day is None:
            return None
        try:
            return day.replace(year=day.year + shift)
        except ValueError:  # 29 February
            return day.replace(year=day.year + shift, day=28)

    return Window(label, moved(base.van), moved(base.tot), base.bron, verwacht=True)  # type: ignore[arg-type]


def year_figures(leerweg: str, start: dt.date, eind: dt.date, begin: dt.date | None,
                 rules: PraktijklerenRules | None) -> list[YearFigures]:
    """Figures per study year. ``begin`` (the praktijkovereenkomst date) may start it later."""
    if rules is None or rules.year_start is None:
        return []
    first_day = max(start, begin) if begin else start
    full = rules.full_weeks(leerweg)
    out = []
    for year in study_years(first_day, eind, rules.year_start):
        weeks = weeks_touched(max(first_day, year.first), min(eind, year.last))
        if full is not None:
            weeks = min(weeks, full)
        maximum = None
        if rules.max_amount is not None and full:
            maximum = (rules.max_amount * weeks / full).quantize(Decimal("1"))
        out.append(YearFigures(year, weeks, full, window_for(year.label, rules), maximum))
    return out
