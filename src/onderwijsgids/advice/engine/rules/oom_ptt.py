"""OOM Persoonlijke Trainingstoelage (PTT): a share of course costs, requested BEFORE the start.

References: https://veiligwerkennederland.nl/oom-subsidie/ (POP condition, before the start) ;
https://ato-training.nl/subsidie/146-oom (€ 750, the amount of 2013 and 2019) ;
https://metaalunie.nl/Lobby/Detail/opleidingsfonds-oom (€ 800) (content/regelingen/oom-ptt.yaml).
A course that has started (or starts on the peildatum) without a request no longer qualifies;
the last day to apply is the day before the start.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from onderwijsgids.vocabulary import datum, euro

from ..evaluation import Evaluation
from ..profile import Profile, Scholing
from ..studiejaar import Studiejaar
from .common import Condition, cap, judge_each, oom_cao, te_oud, veld

ID = "oom-ptt"
VOORAF = "vooraf-aanvragen"
COURSES = "scholing_medewerkers"

ZINNEN = {
    "geen-antwoord": "We weten niet of je scholing voor medewerkers plant.",
    "geen-scholing": "Je hebt geen geplande scholing van medewerkers opgegeven; plan je een "
                     "cursus, vraag de PTT dan vóór de start aan.",
    "aangevraagd": "Je hebt de PTT voor {cursus} al aangevraagd.",
    "start?": "We weten niet wanneer {cursus} begint; de PTT moet vóór de start worden "
              "aangevraagd.",
    "begonnen": "{Cursus} {wanneer} en is niet aangevraagd; de PTT moet vóór de start worden "
                "aangevraagd.",
    "nog-vooraf": "{Cursus} begint op {start}: je kunt de PTT nog vooraf aanvragen.",
    "deadline": "PTT aanvragen bij OOM uiterlijk {dag}, vóór de start van {cursus}.",
    "pop": "Let op: de PTT is alleen voor een cursus die in het persoonlijk opleidingsplan "
           "(POP) van de medewerker staat; certificering en peer training vallen erbuiten. Je "
           "declareert na de cursus en OOM kan het plan en de betaling tot drie jaar later "
           "controleren.",
    "oud-bedrag": "OOM vergoedt {aandeel} van de cursuskosten, tot een maximum per jaar: "
                  "{maximum} was het bedrag van {jaren}{ander}. Dat is te oud voor een "
                  "schatting; controleer het actuele bedrag bij OOM.",
    "maximum": "Per bedrijf geldt een maximum: {grenzen}.",
    "geen-bedrag": "De bron noemt geen volledig bedrag; zie de bron.",
    "zonder-kosten": "OOM vergoedt {aandeel} van de cursuskosten, tot {maximum} per jaar. Vul de "
                     "cursuskosten in voor een schatting.",
    "schatting": "Indicatief: {totaal} ({aandeel} van de cursuskosten, tot {maximum} per "
                 "medewerker per jaar).",
}


def cursus_naam(index: int, course: Scholing) -> str:
    return f"cursus {index + 1}" + (f" ({course.omschrijving})" if course.omschrijving else "")


def vooraf_aangevraagd(ev: Evaluation, index: int, course: Scholing) -> list[Condition]:
    """The PTT must be requested before the course starts.
    Reference: https://veiligwerkennederland.nl/oom-subsidie/"""
    naam = cursus_naam(index, course)
    words = dict(cursus=naam, Cursus=cap(naam))
    start, applied = veld(index, "start", COURSES), veld(index, "aangevraagd", COURSES)
    if ID in course.aangevraagd:
        return [Condition(VOORAF, True, ZINNEN["aangevraagd"].format(**words), [applied])]
    if course.start is None:
        return [Condition(VOORAF, None, ZINNEN["start?"].format(**words), [start])]
    if course.start <= ev.peildatum:
        wanneer = ("begint vandaag" if course.start == ev.peildatum
                   else f"is op {datum(course.start)} begonnen")
        return [Condition(VOORAF, False, ZINNEN["begonnen"].format(wanneer=wanneer, **words),
                 [start, applied])]
    return [Condition(VOORAF, True, ZINNEN["nog-vooraf"].format(start=datum(course.start), **words),
             [start])]


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    chosen = judge_each(ev, p.scholing_medewerkers,
                        lambda i, c: vooraf_aangevraagd(ev, i, c), VOORAF, COURSES,
                        unknown=ZINNEN["geen-antwoord"], empty=ZINNEN["geen-scholing"])
    if ev.failed:
        return
    courses = p.scholing_medewerkers or []
    for i in chosen:
        course = courses[i]
        if course.start and ID not in course.aangevraagd and course.start > ev.peildatum:
            last = course.start - dt.timedelta(days=1)
            ev.add_deadline(last, ZINNEN["deadline"].format(dag=datum(last),
                                                            cursus=cursus_naam(i, course)))
    ev.arrange("persoonlijk-opleidingsplan", ZINNEN["pop"])
    limits(ev)
    estimate(ev, [courses[i] for i in chosen])


def limits(ev: Evaluation) -> None:
    """At most 15 employees or 30% of staff per company (content)."""
    people, share = ev.param("maximum-medewerkers"), ev.param("maximum-aandeel-personeel-procent")
    grenzen = [x for x in (f"{people.text()} medewerkers" if people else "",
                           f"{share.text()} van het personeel" if share else "") if x]
    if grenzen:
        ev.arrange("maximum-medewerkers", ZINNEN["maximum"].format(grenzen=" of ".join(grenzen)))


def bijdrage(course: Scholing, share: Decimal, maximum: Decimal) -> Decimal:
    """A share of the course costs, up to the maximum per employee per year."""
    return min(Decimal(course.kosten_eur or 0) * share / 100, maximum)


def estimate(ev: Evaluation, courses: list[Scholing]) -> None:
    """50% of the course costs up to the yearly maximum, while that maximum is recent enough.
    Reference: https://ato-training.nl/subsidie/146-oom (€ 750 in 2013 and 2019)"""
    share, maximum = ev.param("vergoedingspercentage"), ev.param("maximum-per-jaar")
    if share is None or maximum is None:
        ev.note(ZINNEN["geen-bedrag"])
        return
    words = dict(aandeel=share.text(), maximum=maximum.text())
    if te_oud(maximum, Studiejaar.of(ev.peildatum)):
        others = [p for p in ev.regeling.parameters.get("maximum-per-jaar", [])
                  if p.waarde != maximum.waarde]
        ander = "".join(f"; een andere bron noemt {p.text()}" for p in others)
        years = ev.param("maximum-per-jaar-genoemd-in")
        ev.note(ZINNEN["oud-bedrag"].format(
            jaren=years.text() if years else f"schooljaar {maximum.schooljaar}", ander=ander,
            **words), maximum.bron)
        return
    costed = [c for c in courses if c.kosten_eur is not None]
    if not costed:
        ev.note(ZINNEN["zonder-kosten"].format(**words), maximum.bron)
        return
    total = sum((bijdrage(c, Decimal(share.waarde), Decimal(maximum.waarde)) for c in costed),
                Decimal(0))
    ev.schatting = int(total)
    ev.note(ZINNEN["schatting"].format(totaal=euro(total), **words), maximum.bron)
