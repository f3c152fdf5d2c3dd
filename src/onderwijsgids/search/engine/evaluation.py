"""Measuring search quality on a question set (the team's is ``questions.tsv`` beside the
search tests): a tab-separated file with the columns ``vraag``, ``juiste_ids`` and ``waarom``.

Used by the floor test and by ``bench/bench_search.py``, so both count the same way; each
passes the file it measures on.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Question:
    text: str
    correct: frozenset[str]
    note: str = ""


@dataclass
class Scorecard:
    total: int
    top1: int
    top3: int
    misses: list[tuple[str, list[str], list[str]]]  # question, expected, got (top 3)

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.total if self.total else 0.0

    @property
    def top3_rate(self) -> float:
        return self.top3 / self.total if self.total else 0.0


def read_questions(path: Path) -> list[Question]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Question(r["vraag"].strip(), frozenset(i.strip() for i in r["juiste_ids"].split(",")),
                     (r.get("waarom") or "").strip()) for r in rows if r.get("vraag")]


def score(questions: list[Question], ranked_ids: Callable[[str], list[str]]) -> Scorecard:
    """Top-1 and top-3 hit rates of ``ranked_ids`` (question → IDs best first)."""
    top1 = top3 = 0
    misses = []
    for question in questions:
        got = ranked_ids(question.text)[:3]
        top1 += bool(got[:1] and got[0] in question.correct)
        hit = any(i in question.correct for i in got)
        top3 += hit
        if not hit:
            misses.append((question.text, sorted(question.correct), got))
    return Scorecard(len(questions), top1, top3, misses)
