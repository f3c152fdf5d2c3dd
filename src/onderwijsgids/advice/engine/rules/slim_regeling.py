"""SLIM-regeling (Uitvoering Van Beleid SZW): subsidy for learning and development in mkb.

References: https://www.uitvoeringvanbeleidszw.nl (SLIM) and the Staatscourant
(content/regelingen/slim-regeling.yaml). Eligible with FEWER employees than the mkb limit
(exactly 250 is not mkb) and, by the EU definition, turnover ≤ € 50 million or balance total
≤ € 43 million (https://nieuwsbrieven.cedeo.eu/Bericht/456; the profile does not ask it, so a
"Let op", contract §3); applications in windows; minimum costs. Hoofdstuk 2 pays a
doorlichting, advice and a learning method, not course fees
(https://www.ao-metalektro.nl/slim-regeling/): so no estimate from course costs.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import datum

from ..compiled import source_label

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
    "omzet": "Let op: mkb volgens de EU betekent ook een jaaromzet van hooguit {omzet} of een "
             "balanstotaal van hooguit {balans}.",
    "waarvoor": "SLIM betaalt {aandeel} van de kosten van een doorlichting of opleidingsplan, "
                "loopbaan- en ontwikkeladvies of een leer- en ontwikkelmethode, tot {maximum} "
                "per bedrijf; niet de cursuskosten zelf. Daarom geven we geen schatting. Bij te "
                "veel aanvragen wordt geloot.",
    "metalektro": "Voor de Metalektro voert A+O Metalektro de SLIM-regeling uit.",
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
        if ok:
            omzet_of_balans(ev)


def omzet_of_balans(ev: Evaluation) -> None:
    """The EU turnover or balance test: not in the profile and rarely failed below 250
    employees, so a "Let op" (contract §3). Reference: https://nieuwsbrieven.cedeo.eu/Bericht/456"""
    turnover, balance = ev.param("mkb-maximale-omzet"), ev.param("mkb-maximaal-balanstotaal")
    if turnover and balance:
        ev.arrange("mkb-omzet-of-balans", ZINNEN["omzet"].format(
            omzet=miljoen(turnover.waarde), balans=miljoen(balance.waarde)))


def miljoen(amount) -> str:
    """``€ 50 miljoen``."""
    return f"€ {int(amount) // 1_000_000} miljoen"


def evaluate(p: Profile, ev: Evaluation) -> None:
    mkb(p, ev)
    training_purpose(p, ev, PURPOSE, ZINNEN["doel"])
    end = ev.param("looptijd-tot")
    if end is not None and end.date() is not None and end.waarde < ev.peildatum:
        ev.condition("looptijd", False, ZINNEN["looptijd-"].format(tot=datum(end.waarde)))
    if p.cao == "metalektro":
        ev.hint(ZINNEN["metalektro"], source_label(ev.regeling.item.bronnen.get("ao-slim")))
    if ev.failed:
        return
    windows(ev)
    costs(ev)


def windows(ev: Evaluation) -> None:
    upcoming = [w for w in ev.regeling.windows if w.tot is None or w.tot >= ev.peildatum]
    dated = [(w.tot, w) for w in upcoming if w.tot is not None]
    if dated:
        tot, w = dated[0]
        words = dict(wat=w.omschrijving, van=f" van {datum(w.van)}" if w.van else "",
                     tot=datum(tot))
        ev.add_deadline(tot, ZINNEN["deadline"].format(**words))
        ev.note(ZINNEN["tijdvak"].format(**words), w.bron)
        return
    for w in upcoming:
        ev.note(f"{w.omschrijving}.", w.bron)
    ev.note(ZINNEN["geen-tijdvak"])


def costs(ev: Evaluation) -> None:
    """What hoofdstuk 2 pays for (not course fees), and the minimum project costs.
    Reference: https://www.ao-metalektro.nl/slim-regeling/"""
    share, maximum, floor = (ev.param("subsidiepercentage"), ev.param("maximum-individueel"),
                             ev.param("minimale-kosten"))
    if floor is not None:
        ev.arrange("minimale-kosten", ZINNEN["minimum"].format(minimum=floor.text()))
    if share and maximum:
        ev.arrange("geen-cursuskosten", ZINNEN["waarvoor"].format(aandeel=share.text(),
                                                                  maximum=maximum.text()))
