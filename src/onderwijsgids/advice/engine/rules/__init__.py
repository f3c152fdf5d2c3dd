"""One module per regeling (OpenFisca style): small named functions of named inputs, each
with its reference, and ``evaluate(profile, evaluation)`` that records every condition with
:meth:`Evaluation.condition`. Sentences live in each module's ``ZINNEN``, apart from the logic;
figures come only from content via :meth:`Evaluation.param`. A regeling without a module gets
:mod:`.generic`, so every regeling of the knowledge base is always judged.
"""

from __future__ import annotations

from typing import Callable

from ..evaluation import Evaluation
from ..profile import Profile
from . import (
    ao_metalektro_bbl, ao_metalektro_stage_mbo_hbo_wo, ao_metalektro_stage_vo, ao_metalektro_zbi,
    generic, oom_bbl_vergoeding, oom_jobstart, oom_ontwikkelbudget, oom_promotie_stage_bijdrage,
    oom_ptt, oom_zij_instroom, praktijkleren_derde_leerweg, scholingspoolroute, slim_regeling,
    slim_scholingssubsidie, subsidie_praktijkleren,
)

Rule = Callable[[Profile, Evaluation], None]

RULES: dict[str, Rule] = {
    module.ID: module.evaluate
    for module in (subsidie_praktijkleren, praktijkleren_derde_leerweg, oom_bbl_vergoeding,
                   scholingspoolroute, oom_promotie_stage_bijdrage, oom_ptt, oom_jobstart,
                   oom_zij_instroom, slim_regeling, slim_scholingssubsidie, oom_ontwikkelbudget,
                   ao_metalektro_bbl, ao_metalektro_stage_vo, ao_metalektro_stage_mbo_hbo_wo,
                   ao_metalektro_zbi)
}


def rule_for(regeling_id: str) -> Rule:
    return RULES.get(regeling_id, generic.evaluate)
