"""One small rule module per regeling (OpenFisca style): ``evaluate(profile, evaluation)``.

A rule declares the profile facts it reads (``INPUTS``, see :mod:`.inputs`; the peildatum
always counts), reads only those, records every condition with :meth:`Evaluation.condition`
and reads figures only from content via :meth:`Evaluation.param`. A regeling without a module
gets :mod:`.generic`, so every regeling of the knowledge base is always judged.
"""

from __future__ import annotations

from typing import Callable, Hashable, NamedTuple

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


def input_key(rule: Rule, profile: Profile, read: dict[Input, Hashable]) -> tuple:
    """What the rule reads of ``profile``: the key under which its result may be reused.
    ``read`` remembers each input for one advice (several rules read the cao)."""
    key = []
    for spec in rule.inputs:
        value = read.get(spec, read)
        if value is read:
            value = read[spec] = spec.read(profile)
        key.append(value)
    return tuple(key)
