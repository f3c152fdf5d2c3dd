"""OOM zij-instroomtrajecten: recruit and train people from outside the sector.

References: the guide (actiepunt 8) ; content/regelingen/oom-zij-instroom.yaml. The source
gives no amount, so there is no estimate.
"""

from __future__ import annotations

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao

ID = "oom-zij-instroom"
CODE = "zij-instromers"

ZINNEN = {
    "zij-instromers+": "Je wilt zij-instromers werven.",
    "zij-instromers?": "We weten niet of je zij-instromers wilt werven.",
    "zij-instromers-": "Je noemt zij-instromers niet als doel of doelgroep.",
    "bedrag": "De bron noemt geen bedrag; vraag OOM naar de mogelijkheden.",
}


def wil_zij_instromers(p: Profile) -> bool | None:
    """Zij-instromers chosen as goal or as target group; ``None`` when neither was answered."""
    if "zij-instromers" in (p.doelen or []) or "zij-instromers" in (p.doelgroepen or []):
        return True
    return None if p.doelen is None and p.doelgroepen is None else False


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    wants = wil_zij_instromers(p)
    key = {True: "zij-instromers+", None: "zij-instromers?", False: "zij-instromers-"}[wants]
    ev.condition(CODE, wants, ZINNEN[key], ["doelen", "doelgroepen"])
    if not ev.failed:
        ev.note(ZINNEN["bedrag"])
