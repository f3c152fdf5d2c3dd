"""OOM Ontwikkelbudget: money per calendar year for a learning culture, with a plan made with
the OOM regiomanager. Source: content/regelingen/oom-ontwikkelbudget.yaml."""

from __future__ import annotations

from ..evaluation import Evaluation, eur
from ..profile import Profile
from .common import CAO_CASES, oom_cao, training_purpose
from .inputs import contains, count

ID = "oom-ontwikkelbudget"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, contains("doelen", "medewerkers-scholen"),
          count("scholing_medewerkers"))
CODE = "leercultuur"


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    training_purpose(p, ev, CODE, "het ontwikkelbudget is voor scholing en leercultuur.")
    maximum = ev.param("maximum-per-kalenderjaar")
    if not ev.failed and maximum is not None and maximum.number() is not None:
        ev.schatting = int(maximum.number() or 0)
        ev.note(f"Indicatief: hooguit {eur(maximum.number() or 0)} per kalenderjaar, met een plan "
                "dat je met de regiomanager van OOM maakt.",
                maximum.bron)
