"""OOM zij-instroomtrajecten: recruit and train people from outside the sector.

Source: content/regelingen/oom-zij-instroom.yaml and the guide (actiepunt 8). The source gives
no amount, so there is no estimate.
"""

from __future__ import annotations

from ..evaluation import Evaluation
from ..profile import Profile
from .common import CAO_CASES, oom_cao
from .inputs import contains

ID = "oom-zij-instroom"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, contains("doelen", "zij-instromers"),
          contains("doelgroepen", "zij-instromers"))
CODE = "zij-instromers"


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    wants = ("zij-instromers" in (p.doelen or [])) or ("zij-instromers" in (p.doelgroepen or []))
    if wants:
        ev.condition(CODE, True, "Je wilt zij-instromers werven (antwoord 'doelen' of "
                     "'doelgroepen').", ["doelen", "doelgroepen"])
    elif p.doelen is None and p.doelgroepen is None:
        ev.condition(CODE, None, "We weten niet of je zij-instromers wilt werven (antwoorden "
                     "'doelen' en 'doelgroepen' ontbreken).", ["doelen", "doelgroepen"])
    else:
        ev.condition(CODE, False, "Je noemt zij-instromers niet als doel of doelgroep (antwoorden "
                     "'doelen' en 'doelgroepen').", ["doelen", "doelgroepen"])
    if not ev.failed:
        ev.note("De bron noemt geen bedrag; vraag OOM naar de mogelijkheden.")
