"""SLIM-regeling (Uitvoering Van Beleid SZW): subsidy for learning and development in mkb.

References: https://www.uitvoeringvanbeleidszw.nl (SLIM) and the Staatscourant
(content/regelingen/slim-regeling.yaml). Eligible with FEWER employees than the mkb limit
(exactly 250 is not mkb); applications in windows; minimum costs; a percentage up to a maximum.
"""

from __future__ import annotations

from decimal import Decimal

from onderwijsgids.vocabulary import datum, euro

from ..evaluation import Evaluation
from ..profile import Profile
from .common import training_purpose

ID = "slim-regeling"
MKB = "mkb-minder-dan-250"
PURPOSE = "scholingsdoel"

ZINNEN = {
    "medewerkers?": "We weten niet hoeveel medewerkers je hebt; de regeling is voor het mkb.",
    "grens?": "De bron noemt geen mkb-grens; zie de bron.",
    "mkb+": "Met {aantal} medewerkers is je bedrijf mkb: minder dan {grens}.",
    "mkb-": "Met {aantal} medewerkers is je bedrijf geen mkb: de regeling is voor minder dan "
            "{grens} medewerkers.",
    "doel": "SLIM is voor leren en ontwikkelen in het mkb.",
    "looptijd-": "De regeling liep tot {tot}.",
    "deadline": "SLIM-subsidie aanvragen: {wat}{van} tot en met {tot}.",
    "tijdvak": "Aanvragen in een tijdvak: {wat}{van} tot en met {tot}.",
    "geen-tijdvak": "De data van het volgende aanvraagtijdvak staan nog niet in de onderwijsgids; "
                    "zie de bron.",
    "minimum": "Let op: de kosten van het project zijn minstens {minimum}.",
    "schatting": "Indicatief: {bedrag} ({aandeel} van {kosten} opgegeven cursuskosten, tot "
                 "{maximum} per bedrijf); bij te veel aanvragen wordt geloot.",
}


def mkb(p: Profile, ev: Evaluation) -> None:
    """Fewer employees than the mkb limit (250)."""
    limit = ev.param("mkb-grens-medewerkers")
    if p.medewerkers is None:
        ev.condition(MKB, None, ZINNEN["medewerkers?"], ["medewerkers"])
    elif limit is None:
        ev.condition(MKB, None, ZINNEN["grens?"], [])
    else:
        words = dict(aantal=p.medewerkers, grens=limit.text())
        ok = p.medewerkers < limit.waarde
        ev.condition(MKB, ok, ZINNEN["mkb+" if ok else "mkb-"].format(**words), ["medewerkers"])


def evaluate(p: Profile, ev: Evaluation) -> None:
    mkb(p, ev)
    training_purpose(p, ev, PURPOSE, ZINNEN["doel"])
    end = ev.param("looptijd-tot")
    if end is not None and end.date() is not None and end.waarde < ev.peildatum:
        ev.condition("looptijd", False, ZINNEN["looptijd-"].format(tot=datum(end.waarde)))
    if ev.failed:
        return
    windows(ev)
    estimate(p, ev)


def windows(ev: Evaluation) -> None:
    upcoming = [w for w in ev.regeling.windows if w.tot is None or w.tot >= ev.peildatum]
    dated = [w for w in upcoming if w.tot is not None]
    if dated:
        w = dated[0]
        words = dict(wat=w.omschrijving, van=f" van {datum(w.van)}" if w.van else "",
                     tot=datum(w.tot))  # type: ignore[arg-type]
        ev.add_deadline(w.tot, ZINNEN["deadline"].format(**words))  # type: ignore[arg-type]
        ev.note(ZINNEN["tijdvak"].format(**words), w.bron)
        return
    for w in upcoming:
        ev.note(f"{w.omschrijving}.", w.bron)
    ev.note(ZINNEN["geen-tijdvak"])


def estimate(p: Profile, ev: Evaluation) -> None:
    share, cap, floor = (ev.param("subsidiepercentage"), ev.param("maximum-individueel"),
                         ev.param("minimale-kosten"))
    if floor is not None:
        ev.arrange("minimale-kosten", ZINNEN["minimum"].format(minimum=floor.text()))
    costs = sum((c.kosten_eur or 0 for c in p.scholing_medewerkers or []), 0)
    if share and cap and floor and costs and costs >= floor.waarde:
        amount = min(Decimal(costs) * Decimal(share.waarde) / 100, Decimal(cap.waarde))
        ev.schatting = int(amount)
        ev.note(ZINNEN["schatting"].format(bedrag=euro(amount), aandeel=share.text(),
                                           kosten=euro(costs), maximum=cap.text()), cap.bron)
