"""OOM zij-instroomtrajecten: recruit and train people from outside the sector.

Reference: the guide, actiepunt 8: "Richt je blik ook op andere doelgroepen (vrouwen,
statushouders, etc.). Of mensen met een andere vooropleiding." and "Vraag het opleidingsfonds
om zij-instroomtrajecten waarmee je nieuwe medewerkers kunt werven."
(content/regelingen/oom-zij-instroom.yaml). The source gives no amount, so there is no estimate.
"""

from __future__ import annotations

from typing import Sequence

from onderwijsgids.vocabulary import TARGET_GROUP_WORDS, listing

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao

ID = "oom-zij-instroom"
CODE = "zij-instromers"
# The groups actiepunt 8 names for zij-instroom: zij-instromers themselves, women, statushouders
# and people with another background.
DOELGROEPEN = ("zij-instromers", "vrouwen", "statushouders", "andere-vooropleiding")

ZINNEN = {
    "doel+": "Je wilt zij-instromers werven.",
    "doelgroep+": "Je wilt werven onder {groepen}; daarvoor zijn zij-instroomtrajecten bedoeld.",
    "nieuw+": "Je neemt {groepen} aan; daarvoor zijn zij-instroomtrajecten bedoeld.",
    "zij-instromers?": "We weten niet of je zij-instromers wilt werven, of mensen uit andere "
                       "doelgroepen zoals vrouwen, statushouders of mensen met een andere "
                       "vooropleiding.",
    "zij-instromers-": "Je noemt geen zij-instromers of andere doelgroepen (vrouwen, "
                       "statushouders, mensen met een andere vooropleiding) als doel of doelgroep.",
    "bedrag": "De bron noemt geen bedrag; vraag OOM naar de mogelijkheden.",
}


def groepen(values: Sequence[str]) -> str:
    return listing([TARGET_GROUP_WORDS[g] for g in DOELGROEPEN if g in values])


def wil_zij_instromers(p: Profile) -> tuple[bool | None, str]:
    """Zij-instromers as goal, one of actiepunt 8's groups as target group or among the new
    staff; ``None`` when none of these was answered."""
    hired = [m.doelgroep for m in p.nieuwe_medewerkers or [] if m.doelgroep in DOELGROEPEN]
    targeted = [g for g in p.doelgroepen or [] if g in DOELGROEPEN]
    if "zij-instromers" in (p.doelen or []):
        return True, ZINNEN["doel+"]
    if targeted:
        return True, ZINNEN["doelgroep+"].format(groepen=groepen(targeted))
    if hired:
        return True, ZINNEN["nieuw+"].format(groepen=groepen(hired))
    if p.doelen is None and p.doelgroepen is None and p.nieuwe_medewerkers is None:
        return None, ZINNEN["zij-instromers?"]
    return False, ZINNEN["zij-instromers-"]


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    wants, sentence = wil_zij_instromers(p)
    ev.condition(CODE, wants, sentence, ["doelen", "doelgroepen", "nieuwe_medewerkers"])
    if not ev.failed:
        ev.note(ZINNEN["bedrag"])
