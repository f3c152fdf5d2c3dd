"""OOM Ontwikkelbudget: money per calendar year for a learning culture, with a plan made with
the OOM regiomanager. Reference: https://www.oom.nl/Regelingen/Ontwikkelbudget
(content/regelingen/oom-ontwikkelbudget.yaml)."""

from __future__ import annotations

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao, training_purpose

ID = "oom-ontwikkelbudget"
CODE = "leercultuur"

ZINNEN = {
    "doel": "het ontwikkelbudget is voor scholing en leercultuur.",
    "schatting": "Indicatief: hooguit {maximum} per kalenderjaar, met een plan dat je met de "
                 "regiomanager van OOM maakt.",
}


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    training_purpose(p, ev, CODE, ZINNEN["doel"])
    maximum = ev.param("maximum-per-kalenderjaar")
    if not ev.failed and maximum is not None:
        ev.schatting = int(maximum.waarde)
        ev.note(ZINNEN["schatting"].format(maximum=maximum.text()), maximum.bron)
