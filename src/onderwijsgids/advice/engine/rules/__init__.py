"""One small rule module per regeling (OpenFisca style): ``evaluate(profile, evaluation)``.

A rule declares the profile facts it reads (``INPUTS``, see :mod:`.inputs`; the peildatum
always counts), reads only those, records every condition with :meth:`Evaluation.condition`
and reads figures only from content via :meth:`Evaluation.param`. A regeling without a module
gets :mod:`.generic`, so every regeling of the knowledge base is always judged.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, Hashable, NamedTuple

from ..evaluation import Evaluation
from ..profile import Profile
from . import (
    generic, oom_bbl_vergoeding, oom_jobstart, oom_ontwikkelbudget, oom_promotie_stage_bijdrage,
    oom_ptt, oom_zij_instroom, scholingspoolroute, slim_regeling, subsidie_praktijkleren,
)
from .inputs import Input


class Rule(NamedTuple):
    evaluate: Callable[[Profile, Evaluation], None]
    inputs: tuple[Input, ...]


RULES: dict[str, Rule] = {
    module.ID: Rule(module.evaluate, module.INPUTS)
    for module in (subsidie_praktijkleren, oom_bbl_vergoeding, scholingspoolroute,
                   oom_promotie_stage_bijdrage, oom_ptt, oom_jobstart, oom_zij_instroom,
                   slim_regeling, oom_ontwikkelbudget)
}


GENERIC = Rule(generic.evaluate, generic.INPUTS)


def rule_for(regeling_id: str) -> Rule:
    return RULES.get(regeling_id, GENERIC)


def input_key(rule: Rule, profile: Profile) -> tuple:
    """What the rule reads of ``profile``: the key under which its result may be reused."""
    return tuple(spec.read(profile) for spec in rule.inputs)


class JudgingPlan(NamedTuple):
    """Per compiled knowledge base: a reader for every input any rule reads (each read once
    per advice) and, per regeling, its rule and how to pick the rule's key from those values."""

    readers: tuple[Callable[[Profile], Hashable], ...]
    rules: list[tuple[Any, Rule, Callable[[list], tuple]]]


def judging_plan(c: Any) -> JudgingPlan:
    """The :class:`JudgingPlan` of compiled knowledge base ``c`` (made once, kept on ``c``)."""
    if c.judging is None:
        inputs = list(dict.fromkeys(spec for r in c.regelingen for spec in rule_for(r.id).inputs))
        rules = []
        for regeling in c.regelingen:
            rule = rule_for(regeling.id)
            positions = [inputs.index(spec) for spec in rule.inputs]
            rules.append((regeling, rule, _picker(positions)))
        c.judging = JudgingPlan(tuple(spec.reader() for spec in inputs), rules)
    return c.judging


def _picker(positions: list[int]) -> Callable[[list], tuple]:
    if len(positions) == 1:  # itemgetter of one position returns the item, not a tuple
        (only,) = positions
        return lambda values: (values[only],)
    return itemgetter(*positions)
