"""One small rule module per regeling (OpenFisca style): ``evaluate(profile, evaluation)``.

A rule declares the profile answers it reads (``INPUTS``; the peildatum always counts), reads
only those, records every condition with :meth:`Evaluation.condition`
and reads figures only from content via :meth:`Evaluation.param`. A regeling without a module
gets :mod:`.generic`, so every regeling of the knowledge base is always judged.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from ..evaluation import Evaluation
from ..profile import Profile
from . import (
    generic, oom_bbl_vergoeding, oom_jobstart, oom_ontwikkelbudget, oom_promotie_stage_bijdrage,
    oom_ptt, oom_zij_instroom, scholingspoolroute, slim_regeling, subsidie_praktijkleren,
)



class Rule(NamedTuple):
    evaluate: Callable[[Profile, Evaluation], None]
    inputs: tuple[str, ...]


RULES: dict[str, Rule] = {
    module.ID: Rule(module.evaluate, module.INPUTS)
    for module in (subsidie_praktijkleren, oom_bbl_vergoeding, scholingspoolroute,
                   oom_promotie_stage_bijdrage, oom_ptt, oom_jobstart, oom_zij_instroom,
                   slim_regeling, oom_ontwikkelbudget)
}


GENERIC = Rule(generic.evaluate, generic.INPUTS)


def rule_for(regeling_id: str) -> Rule:
    return RULES.get(regeling_id, GENERIC)


def answer_keys(profile: Profile) -> dict[str, object]:
    """Every answer as a plain hashable value (lists of learners/courses → tuples of their
    field values), computed once per advice; rules pick their ``INPUTS`` from it."""
    keys: dict[str, object] = {}
    for name, value in profile.__dict__.items():
        if isinstance(value, list):
            value = tuple(tuple(v.__dict__.values()) if hasattr(v, "__dict__") else v
                          for v in value)
        keys[name] = value
    return keys


def input_key(rule: Rule, answers: dict[str, object]) -> tuple:
    """The answers a rule reads: the key under which its result may be reused."""
    return tuple(map(answers.__getitem__, rule.inputs))
