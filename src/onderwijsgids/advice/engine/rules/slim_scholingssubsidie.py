"""SLIM-scholingssubsidie (hoofdstuk 3 of the SLIM-regeling): for courses in recognised
Ontwikkelpaden, Techniek among them; open since 10 March 2025, until 1 January 2028.

References: https://zoek.officielebekendmakingen.nl/stcrt-2025-7276.html (20 Feb 2025) ;
https://www.rijksoverheid.nl/actueel/nieuws/2025/03/03/slim-scholingssubsidie-beschikbaar-voor-opleidingen-in-maatschappelijk-cruciale-sectoren ;
the guide, actiepunt 8 (ontwikkelpadentechniek.nl). Whether a course is in an Ontwikkelpad the
profile cannot say: the company checks it (listed, not scored). No amount is sourced.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import datum

from ..evaluation import Evaluation
from ..profile import Profile
from .common import training_purpose

ID = "slim-scholingssubsidie"
LOOPTIJD = "looptijd"

ZINNEN = {
    "doel": "de SLIM-scholingssubsidie is voor opleidingen van medewerkers.",
    "nog-niet": "De SLIM-scholingssubsidie opent pas op {open}.",
    "voorbij": "De SLIM-scholingssubsidie liep tot {tot}; aanvragen kan niet meer.",
    "open": "De SLIM-scholingssubsidie is open sinds {open} en loopt tot {tot}.",
    "ontwikkelpad": "Let op: alleen een opleiding in een erkend Ontwikkelpad telt mee, zoals de "
                    "Ontwikkelpaden Techniek (ontwikkelpadentechniek.nl). Kijk of de opleiding "
                    "van je medewerker daarin staat.",
    "bedrag": "De bronnen noemen geen bedrag en geen aanvraagtijdvak; zie de bron.",
}


def looptijd(ev: Evaluation) -> None:
    """Open from 10 March 2025 until (not through) 1 January 2028.
    Reference: https://zoek.officielebekendmakingen.nl/stcrt-2025-7276.html"""
    opens, ends = ev.param("open-vanaf"), ev.param("looptijd-tot")
    if opens is None or ends is None:
        return
    words = dict(open=datum(opens.waarde), tot=datum(ends.waarde))
    if ev.peildatum >= ends.waarde:
        ev.condition(LOOPTIJD, False, ZINNEN["voorbij"].format(**words))
    elif ev.peildatum < opens.waarde:
        ev.condition(LOOPTIJD, False, ZINNEN["nog-niet"].format(**words))
    else:
        ev.condition(LOOPTIJD, True, ZINNEN["open"].format(**words))


def evaluate(p: Profile, ev: Evaluation) -> None:
    looptijd(ev)
    training_purpose(p, ev, "scholingsdoel", ZINNEN["doel"])
    if ev.failed:
        return
    ev.arrange("erkend-ontwikkelpad", ZINNEN["ontwikkelpad"])
    ev.note(ZINNEN["bedrag"])
