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


def collect_deadlines(groups: Iterable[list[Deadline]], peildatum: dt.date,
                      order: dict[str, int]) -> list[Deadline]:
    """Every deadline on or after the peildatum, soonest first, ties in knowledge-base order."""
    found = {(d.datum, d.regeling, d.wat): d for group in groups for d in group
             if d.datum >= peildatum}
    return sorted(found.values(), key=lambda d: (d.datum, order.get(d.regeling, 999), d.wat))
