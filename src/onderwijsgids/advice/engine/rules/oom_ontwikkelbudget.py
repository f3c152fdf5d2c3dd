"""OOM Ontwikkelbudget: money per calendar year for a learning culture, with a plan made with
the OOM regiomanager. Source: content/regelingen/oom-ontwikkelbudget.yaml."""

from __future__ import annotations

from ..evaluation import Evaluation, eur, param_text
from ..profile import Profile
from .common import oom_cao

ID = "oom-ontwikkelbudget"
CODE = "leercultuur"


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    if p.doelen is None:
        ev.condition(CODE, None, "We weten uw doelen niet (antwoord 'doelen' ontbreekt); het "
                     "ontwikkelbudget is voor scholing en leercultuur.", ["doelen"])
    elif "medewerkers-scholen" in p.doelen:
        ev.condition(CODE, True, "U wilt uw medewerkers scholen (antwoord 'doelen').", ["doelen"])
    else:
        ev.condition(CODE, False, "Scholing van medewerkers staat niet bij uw doelen (antwoord "
                     "'doelen'); het ontwikkelbudget is daarvoor bedoeld.", ["doelen"])
    maximum = ev.param("maximum-per-kalenderjaar")
    if not ev.failed and maximum is not None and maximum.number() is not None:
        ev.schatting = int(maximum.number() or 0)
        ev.note(f"Indicatief: hooguit {eur(maximum.number() or 0)} per kalenderjaar "
                f"({param_text(maximum)}), met een plan dat u met de regiomanager van OOM maakt.",
                maximum.bron)
