"""Fallback for a regeling that an editor added to content before a rule module exists."""

from __future__ import annotations

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao

NO_RULES = ("De adviesmotor kent voor deze regeling nog geen regels; lees de voorwaarden in de "
            "bron of vraag het de aanbieder.")


def evaluate(p: Profile, ev: Evaluation) -> None:
    if ev.regeling.aanbieder == "oom":
        oom_cao(p, ev)
    ev.condition("regels", None, NO_RULES, [])
