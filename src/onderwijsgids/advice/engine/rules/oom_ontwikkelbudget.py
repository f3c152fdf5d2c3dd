"""OOM Ontwikkelbudget: money for one calendar year, for one of two uses: (1) a traject with a
plan made with the OOM regiomanager, or (2) courses for a learning culture (leiderschap,
samenwerking, communicatie; cursuscatalogus.nl); applied for via mijnoom.nl.
Reference: https://www.oom.nl/Regelingen/Ontwikkelbudget (content/regelingen/oom-ontwikkelbudget.yaml)."""

from __future__ import annotations

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao, training_purpose

ID = "oom-ontwikkelbudget"
CODE = "leercultuur"

ZINNEN = {
    "doel": "het ontwikkelbudget is voor scholing en leercultuur.",
    "toepassingen": "Je kunt het budget op twee manieren gebruiken: voor een traject met een "
                    "plan dat je samen met de regiomanager van OOM maakt, of voor cursussen voor "
                    "de leercultuur (leiderschap, samenwerking, communicatie; zie "
                    "cursuscatalogus.nl). Je vraagt het aan via mijnoom.nl.",
    "schatting": "Indicatief: hooguit {maximum} voor één kalenderjaar.",
}


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    training_purpose(p, ev, CODE, ZINNEN["doel"])
    if ev.failed:
        return
    ev.arrange("twee-toepassingen", ZINNEN["toepassingen"])
    maximum = ev.param("maximum-per-kalenderjaar")
    if maximum is not None:
        ev.schatting = int(maximum.waarde)
        ev.note(ZINNEN["schatting"].format(maximum=maximum.text()), maximum.bron)
