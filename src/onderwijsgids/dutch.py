"""Dutch calendar words and amounts, shared by pages, the advice engine and the workspace
(no web imports).

Dates are written the Dutch way ("29 november 2026") whatever language a browser asks for,
because the text around them is the guide's Dutch. Content states some dates as words
("1 augustus", "2 juni – 16 september"); these functions read them.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
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


# --- amounts -------------------------------------------------------------------------------

CENT = Decimal("0.01")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")
_PLAIN = re.compile(r"\d+")


def dutch_number(amount: Decimal | int, decimals: int = 0) -> str:
    """``2700`` → ``2.700``; ``Decimal("725.5")``, 2 → ``725,50``."""
    text = f"{Decimal(amount):,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_eur(amount: Decimal | int | float | str) -> str:
    """The site's one euro format: ``€ 2.700`` for whole euros, ``€ 725,50`` with cents."""
    value = Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    value = abs(value)
    decimals = 0 if value == value.to_integral_value() else 2
    return f"{sign}€ {dutch_number(value, decimals)}"


def parse_amount(text: str) -> Decimal:
    """An amount as a Dutch user types it: ``725,50``, ``2.700``, ``€ 2.700,50``, ``725.50``.

    A comma is the decimal sign and dots group thousands; without a comma, a dot followed by
    one or two digits is read as a decimal sign (``725.50``). Raises ``ValueError``.
    """
    cleaned = re.sub(r"[\s\u00a0€]", "", str(text)).removeprefix("EUR").removesuffix(",-")
    whole, comma, cents = cleaned.partition(",")
    if not comma and re.fullmatch(r"\d+\.\d{1,2}", whole):
        whole, cents, comma = whole.split(".")[0], whole.split(".")[1], ","
    if not (_PLAIN.fullmatch(whole) or _THOUSANDS.fullmatch(whole)):
        raise ValueError("geen bedrag")
    if comma and not re.fullmatch(r"\d{1,2}", cents):
        raise ValueError("geen bedrag")
    try:
        return Decimal(whole.replace(".", "") + ("." + cents if comma else ""))
    except InvalidOperation:
        raise ValueError("geen bedrag") from None
