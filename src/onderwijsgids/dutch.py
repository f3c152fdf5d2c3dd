"""Dutch calendar words, shared by pages, the advice engine and the workspace (no web imports).

Dates are written the Dutch way ("29 november 2026") whatever language a browser asks for,
because the text around them is the guide's Dutch. Content states some dates as words
("1 augustus", "2 juni – 16 september"); these functions read them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")

_DAY_MONTH = r"(\d{1,2})\s+([a-z]+)"
_RANGE = re.compile(_DAY_MONTH + r"\s*[–-]\s*" + _DAY_MONTH)

MonthDay = tuple[int, int]  # (month, day)


@lru_cache(maxsize=4096)
def dutch_date(day: dt.date) -> str:
    """``29 november 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _month_day(day: str, month: str) -> MonthDay | None:
    return (MONTHS.index(month) + 1, int(day)) if month in MONTHS else None


def day_month(text: str) -> MonthDay | None:
    """The first "1 augustus" in ``text`` as ``(8, 1)``; ``None`` when there is none."""
    match = re.search(_DAY_MONTH, text.lower())
    return _month_day(match[1], match[2]) if match else None


def day_month_range(text: str) -> tuple[MonthDay, MonthDay] | None:
    """"2 juni – 16 september" as ``((6, 2), (9, 16))``; ``None`` when ``text`` has no range."""
    match = _RANGE.search(text.lower())
    if not match:
        return None
    first, last = _month_day(match[1], match[2]), _month_day(match[3], match[4])
    return (first, last) if first and last else None


def in_year(month_day: MonthDay, year: int) -> dt.date | None:
    """The date of ``month_day`` in ``year``; ``None`` for an impossible one (31 juni)."""
    try:
        return dt.date(year, *month_day)
    except ValueError:
        return None
