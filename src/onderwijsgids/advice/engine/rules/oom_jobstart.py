"""OOM Jobstart: for new staff at a distance from the sector (unemployed, disability, flex).

Source: content/regelingen/oom-jobstart.yaml. Contract of at least six months and 19 hours a
week; apply within a month of hiring; a contribution for internal training plus external
training up to a maximum.
"""

from __future__ import annotations

from decimal import Decimal

from ..evaluation import Evaluation, eur, param_text
from ..profile import Profile
from .common import CAO_CASES, oom_cao
from .inputs import contains

ID = "oom-jobstart"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (CAO_CASES, contains("doelgroepen", "afstand-tot-arbeidsmarkt"))
AFSTAND = "afstand-tot-sector"


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    if p.doelgroepen is None:
        ev.condition(AFSTAND, None, "We weten niet welke doelgroepen je wilt werven (antwoord "
                     "'doelgroepen' ontbreekt); Jobstart is voor mensen met een afstand tot de "
                     "sector.", ["doelgroepen"])
    elif "afstand-tot-arbeidsmarkt" in p.doelgroepen:
        ev.condition(AFSTAND, True, "Je wilt mensen met een afstand tot de arbeidsmarkt werven "
                     "(antwoord 'doelgroepen').", ["doelgroepen"])
    else:
        ev.condition(AFSTAND, False, "Je noemt geen mensen met een afstand tot de arbeidsmarkt als "
                     "doelgroep (antwoord 'doelgroepen'); Jobstart is alleen voor hen.",
                     ["doelgroepen"])
    if ev.failed:
        return
    months, hours = ev.param("minimale-contractduur-maanden"), ev.param("minimale-uren-per-week")
    if months and hours:
        ev.arrange("contract-zes-maanden-19-uur", f"Het contract duurt minstens "
                   f"{param_text(months)} maanden en minstens {param_text(hours)} uur per week.")
    else:
        ev.arrange("contract-zes-maanden-19-uur")
    term = ev.param("aanvraagtermijn-maanden-na-indiensttreding")
    if term:
        ev.note(f"Vraag Jobstart aan binnen {param_text(term)} maand(en) na de indiensttreding.",
                term.bron)
    internal, external = ev.param("bijdrage-intern"), ev.param("maximum-extern")
    if internal and external and internal.number() is not None and external.number() is not None:
        total = (internal.number() or Decimal(0)) + (external.number() or Decimal(0))
        ev.schatting = int(total)
        ev.note(f"Indicatief per kandidaat: hooguit {eur(total)} ({param_text(internal)} voor "
                f"interne opleiding en begeleiding plus tot {param_text(external)} voor externe "
                "opleiding).", external.bron)
