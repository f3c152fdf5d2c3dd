"""OOM Jobstart: for new staff at a distance from the sector.

Reference: https://www.oom.nl/Regelingen/Jobstart (content/regelingen/oom-jobstart.yaml).
Contract of at least six months and 19 hours a week; apply within a month of hiring; a
contribution for internal training plus external training up to a maximum.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import euro

from ..evaluation import Evaluation
from ..profile import Profile
from .common import oom_cao

ID = "oom-jobstart"
AFSTAND = "afstand-tot-sector"

ZINNEN = {
    "doelgroep?": "We weten niet welke doelgroepen je wilt werven; Jobstart is voor mensen met "
                  "een afstand tot de sector.",
    "doelgroep+": "Je wilt mensen met een afstand tot de arbeidsmarkt werven.",
    "doelgroep-": "Je noemt mensen met een afstand tot de arbeidsmarkt niet als doelgroep; "
                  "Jobstart is alleen voor hen.",
    "contract": "Het contract duurt minstens {maanden} maanden en minstens {uren} uur per week.",
    "termijn": "Vraag Jobstart aan binnen {maanden} maand(en) na de indiensttreding.",
    "schatting": "Indicatief per kandidaat: hooguit {totaal} ({intern} voor interne opleiding en "
                 "begeleiding plus tot {extern} voor externe opleiding).",
}


def doelgroep(p: Profile, ev: Evaluation) -> None:
    """Jobstart is for people at a distance from the (technical) labour market."""
    if p.doelgroepen is None:
        ev.condition(AFSTAND, None, ZINNEN["doelgroep?"], ["doelgroepen"])
    elif "afstand-tot-arbeidsmarkt" in p.doelgroepen:
        ev.condition(AFSTAND, True, ZINNEN["doelgroep+"], ["doelgroepen"])
    else:
        ev.condition(AFSTAND, False, ZINNEN["doelgroep-"], ["doelgroepen"])


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    doelgroep(p, ev)
    if ev.failed:
        return
    months, hours = ev.param("minimale-contractduur-maanden"), ev.param("minimale-uren-per-week")
    ev.arrange("contract-zes-maanden-19-uur", ZINNEN["contract"].format(
        maanden=months.text(), uren=hours.text()) if months and hours else None)
    term = ev.param("aanvraagtermijn-maanden-na-indiensttreding")
    if term:
        ev.note(ZINNEN["termijn"].format(maanden=term.text()), term.bron)
    internal, external = ev.param("bijdrage-intern"), ev.param("maximum-extern")
    if internal and external:
        total = internal.number() + external.number()  # type: ignore[operator]
        ev.schatting = int(total)
        ev.note(ZINNEN["schatting"].format(totaal=euro(total), intern=internal.text(),
                                           extern=external.text()), external.bron)
