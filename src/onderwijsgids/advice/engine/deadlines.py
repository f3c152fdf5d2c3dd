"""Date reasoning shared by the rules, and the advice's list of deadlines."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterable

from .model import Deadline


def add_months(day: dt.date, months: int) -> dt.date:
    """``2026-01-31`` + 1 month → ``2026-02-28``."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def weeks_overlapping(start: dt.date, end: dt.date, period_start: dt.date,
                      period_end: dt.date) -> int:
    """Started weeks of ``start..end`` inside ``period_start..period_end`` (a started week counts)."""
    first, last = max(start, period_start), min(end, period_end)
    if last < first:
        return 0
    days = (last - first).days + 1
    return -(-days // 7)


class StudyYears:
    """School/study years that start on a fixed day (from content: ``studiejaar-mbo-start``)."""

    def __init__(self, start_month: int = 8, start_day: int = 1):
        self.start_month, self.start_day = start_month, start_day

    def first_year_of(self, day: dt.date) -> int:
        return day.year if (day.month, day.day) >= (self.start_month, self.start_day) else day.year - 1

    def label(self, first_year: int) -> str:
        return f"{first_year}/{(first_year + 1) % 100:02d}"

    def bounds(self, first_year: int) -> tuple[dt.date, dt.date]:
        begin = dt.date(first_year, self.start_month, self.start_day)
        return begin, dt.date(first_year + 1, self.start_month, self.start_day) - dt.timedelta(days=1)


def collect_deadlines(groups: Iterable[list[Deadline]], peildatum: dt.date,
                      order: dict[str, int]) -> list[Deadline]:
    """Every deadline on or after the peildatum, soonest first, ties in knowledge-base order."""
    found = {(d.datum, d.regeling, d.wat): d for group in groups for d in group
             if d.datum >= peildatum}
    return sorted(found.values(), key=lambda d: (d.datum, order.get(d.regeling, 999), d.wat))
