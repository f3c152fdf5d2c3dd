"""SLIM-regeling (Uitvoering Van Beleid SZW): subsidy for learning and development in mkb.

Source: content/regelingen/slim-regeling.yaml. Eligible when the company has FEWER employees than
``mkb-grens-medewerkers`` (so exactly 250 is not mkb). Applications in windows (``perioden``);
minimum costs; a percentage up to a maximum for an individual company.
"""

from __future__ import annotations

from decimal import Decimal

from ..evaluation import Evaluation, eur, nl_date, param_text
from ..profile import Profile
from .common import training_purpose
from .inputs import answer, contains, each

ID = "slim-regeling"
# What the rule reads of a profile, besides the peildatum (see .inputs).
INPUTS = (answer("medewerkers"), contains("doelen", "medewerkers-scholen"),
          each("scholing_medewerkers", "kosten_eur"))
MKB = "mkb-minder-dan-250"
PURPOSE = "scholingsdoel"


def evaluate(p: Profile, ev: Evaluation) -> None:
    mkb(p, ev)
    training_purpose(p, ev, PURPOSE, "SLIM is voor leren en ontwikkelen in het mkb.")
    end = ev.param("looptijd-tot")
    if end is not None and end.date() is not None and end.date() < ev.peildatum:  # type: ignore[operator]
        ev.condition("looptijd", False, f"De regeling liep tot {nl_date(end.date())}.")  # type: ignore[arg-type]
    if ev.failed:
        return
    windows(ev)
    estimate(p, ev)


def mkb(p: Profile, ev: Evaluation) -> None:
    limit = ev.param("mkb-grens-medewerkers")
    number = int(limit.number() or 0) if limit and limit.number() is not None else None
    if p.medewerkers is None:
        ev.condition(MKB, None, "We weten niet hoeveel medewerkers je hebt (antwoord "
                     "'medewerkers' ontbreekt); de regeling is voor het mkb.", ["medewerkers"])
    elif number is None:
        ev.condition(MKB, None, "De bron noemt geen mkb-grens; zie de bron.", [])
    elif p.medewerkers < number:
        ev.condition(MKB, True, f"Met {p.medewerkers} medewerkers (antwoord 'medewerkers') is je "
                     f"bedrijf mkb: minder dan {number}.", ["medewerkers"])
    else:
        ev.condition(MKB, False, f"Met {p.medewerkers} medewerkers (antwoord 'medewerkers') is je "
                     f"bedrijf geen mkb: de regeling is voor minder dan {number} medewerkers.",
                     ["medewerkers"])


def windows(ev: Evaluation) -> None:
    upcoming = [w for w in ev.regeling.perioden if w[1] is None or w[1] >= ev.peildatum]
    dated = [w for w in upcoming if w[1] is not None]
    if dated:
        van, tot, omschrijving, _year, source = dated[0]
        opens = f" van {nl_date(van)}" if van else ""
        ev.add_deadline(tot, f"SLIM-subsidie aanvragen: {omschrijving}"  # type: ignore[arg-type]
                        f"{opens} tot en met {nl_date(tot)}.")  # type: ignore[arg-type]
        ev.note(f"Aanvragen in een tijdvak: {omschrijving}{opens} tot en met "
                f"{nl_date(tot)}.", source)  # type: ignore[arg-type]
    else:
        undated = [w for w in upcoming if w[1] is None]
        for _van, _tot, omschrijving, _year, source in undated:
            ev.note(f"{omschrijving}.", source)
        ev.note("De data van het volgende aanvraagtijdvak staan nog niet in de onderwijsgids; "
                "zie de bron.")


def estimate(p: Profile, ev: Evaluation) -> None:
    share, cap, floor = (ev.param("subsidiepercentage"), ev.param("maximum-individueel"),
                         ev.param("minimale-kosten"))
    if floor is not None:
        ev.arrange("minimale-kosten", f"Let op: de kosten van het project zijn minstens "
                   f"{param_text(floor)}.")
    costs = sum((c.kosten_eur or 0 for c in p.scholing_medewerkers or []), 0)
    if not (share and cap and floor) or None in (share.number(), cap.number(), floor.number()):
        return
    if costs and costs >= (floor.number() or 0):
        amount = min(Decimal(costs) * (share.number() or Decimal(0)) / 100,
                     cap.number() or Decimal(0))
        ev.schatting = int(amount)
        ev.note(f"Indicatief: {eur(amount)} ({param_text(share)} van {eur(costs)} "
                f"opgegeven cursuskosten, tot {param_text(cap)} per bedrijf); bij te veel "
                "aanvragen wordt geloot.", cap.bron)
