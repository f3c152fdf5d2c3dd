"""The study-year calendar: the one place in the product that knows what a study year is.

Reference: the mbo study year runs 1 August – 31 July (contract §2; RVO,
https://www.rvo.nl/subsidies-regelingen/subsidieregeling-praktijkleren/kom-ik-aanmerking/mbo).
Written ``2025/26``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

START_MONTH, START_DAY = 8, 1


@dataclass(frozen=True, order=True)
class Studiejaar:
    eerste_jaar: int  # 2025 for 2025/26

    @classmethod
    def of(cls, day: dt.date) -> "Studiejaar":
        """The study year ``day`` falls in."""
        return cls(day.year if (day.month, day.day) >= (START_MONTH, START_DAY) else day.year - 1)

    @classmethod
    def parse(cls, label: str) -> "Studiejaar":
        """``"2025/26"`` → ``Studiejaar(2025)``."""
        return cls(int(label[:4]))

    @property
    def label(self) -> str:
        return f"{self.eerste_jaar}/{(self.eerste_jaar + 1) % 100:02d}"

    @property
    def begin(self) -> dt.date:
        return dt.date(self.eerste_jaar, START_MONTH, START_DAY)

    @property
    def einde(self) -> dt.date:
        return dt.date(self.eerste_jaar + 1, START_MONTH, START_DAY) - dt.timedelta(days=1)

    @property
    def volgende(self) -> "Studiejaar":
        return Studiejaar(self.eerste_jaar + 1)

    def __str__(self) -> str:
        return self.label


def studiejaren(first: dt.date, last: dt.date) -> list[Studiejaar]:
    """Every study year from the one ``first`` falls in through the one ``last`` falls in."""
    begin, end = Studiejaar.of(first), Studiejaar.of(last)
    return [Studiejaar(year) for year in range(begin.eerste_jaar, end.eerste_jaar + 1)]


def werkweken(first: dt.date, last: dt.date) -> int:
    """Calendar weeks (Monday–Sunday) with at least one working day (Monday–Friday) in
    ``first..last`` (contract §3 ``perioden``; https://www.beveiligingsbranche.nl/praktijkleren/:
    "a week with at least one day of supervision counts")."""
    if last < first:
        return 0
    while first.weekday() > 4 and first <= last:  # a weekend at the start: not a working day
        first += dt.timedelta(days=1)
    while last.weekday() > 4 and last >= first:
        last -= dt.timedelta(days=1)
    if last < first:
        return 0
    monday_first = first - dt.timedelta(days=first.weekday())
    monday_last = last - dt.timedelta(days=last.weekday())
    return (monday_last - monday_first).days // 7 + 1
