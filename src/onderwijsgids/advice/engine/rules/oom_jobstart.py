"""OOM Jobstart: for new staff at a distance from the (technical) sector.

Reference: https://www.oom.nl/Regelingen/Jobstart (content/regelingen/oom-jobstart.yaml).
Who: candidates not directly employable (unemployed, with a disability, flex workers when they
move to an employment contract) and "andere kandidaten die, naar inzicht van de regiomanager,
een afstand hebben tot de technische functie". A contract of at least six months and at least
19 hours a week; reported before the contract starts, with one month's grace (since 1 January
2019); an opleidingsplan with the regiomanager, a traject of 6–12 months, while budget lasts.
"""

from __future__ import annotations

from onderwijsgids.vocabulary import TARGET_GROUP_WORDS, datum, euro, listing

from ..deadlines import add_months
from ..evaluation import Evaluation
from ..profile import NieuweMedewerker, Profile
from .common import Condition, cap, judge_each, oom_cao, outcome, veld

ID = "oom-jobstart"
AFSTAND = "afstand-tot-sector"
CONTRACT = "contract-zes-maanden-19-uur"
TERMIJN = "aanvragen-binnen-een-maand"
STAFF = "nieuwe_medewerkers"
# Named by the source: not directly employable (unemployed, disability, flex workers).
NIET_INZETBAAR = frozenset({"afstand-tot-arbeidsmarkt"})
# Other candidates count when the regiomanager judges their distance to the technical function:
# people who come from outside technology. Being a woman is no such distance in itself.
NAAR_INZICHT = frozenset({"statushouders", "andere-vooropleiding", "zij-instromers"})

ZINNEN = {
    "doelgroep?": "We weten niet welke doelgroepen je wilt werven; Jobstart is voor mensen met "
                  "een afstand tot de technische functie.",
    "doelgroep+": "Je wilt mensen met een afstand tot de arbeidsmarkt werven (werklozen, mensen "
                  "met een arbeidsbeperking, flexwerkers die een arbeidscontract krijgen).",
    "regiomanager": "Let op: {wie} horen bij Jobstart als de regiomanager van OOM vindt dat ze "
                    "een afstand hebben tot de technische functie.",
    "doelgroep-": "Je noemt geen doelgroep met een afstand tot de technische functie; Jobstart "
                  "is alleen voor hen.",
    "geen-antwoord": "We weten niet of je nieuwe medewerkers aanneemt, voor hoe lang en hoeveel "
                     "uur per week; Jobstart vraagt een contract van minstens {maanden} maanden "
                     "en {uren} uur per week.",
    "geen-medewerkers": "Je noemt geen nieuwe medewerkers; Jobstart is voor iemand die je "
                        "aanneemt.",
    "wie?": "We weten niet tot welke doelgroep {medewerker} hoort.",
    "wie+": "{Medewerker} heeft een afstand tot de arbeidsmarkt.",
    "wie-regiomanager": "Let op: {medewerker} hoort bij Jobstart als de regiomanager van OOM "
                        "vindt dat er een afstand is tot de technische functie.",
    "maanden?": "We weten niet hoe lang het contract van {medewerker} duurt; Jobstart vraagt "
                "minstens {minimum} maanden.",
    "maanden-": "Het contract van {medewerker} duurt {aantal} maanden; Jobstart vraagt "
                "minstens {minimum} maanden.",
    "maanden+": "Het contract van {medewerker} duurt {aantal} maanden (minstens {minimum}).",
    "uren?": "We weten niet hoeveel uur per week {medewerker} werkt; Jobstart vraagt minstens "
             "{minimum} uur.",
    "uren-": "{Medewerker} werkt {aantal} uur per week; Jobstart vraagt minstens {minimum} uur.",
    "uren+": "{Medewerker} werkt {aantal} uur per week (minstens {minimum}).",
    "in-dienst?": "We weten niet wanneer {medewerker} in dienst komt; je meldt Jobstart vóór de "
                  "start van het contract.",
    "termijn-": "{Medewerker} kwam op {start} in dienst; aanvragen kon tot uiterlijk {laatste}.",
    "termijn+": "{Medewerker} komt op {start} in dienst: meld Jobstart vóór de start, uiterlijk "
                "{laatste}.",
    "contract": "Het contract duurt minstens {maanden} maanden en minstens {uren} uur per week.",
    "deadline": "Jobstart aanvragen bij OOM voor {medewerker} (uiterlijk {laatste}, een maand na "
                "de start van het contract).",
    "stappen": "Zo werkt het: je maakt een opleidingsplan met de regiomanager van OOM, meldt "
               "Jobstart vóór de start van het contract (uiterlijk een maand erna) en het traject "
               "duurt 6 tot 12 maanden.",
    "budget": "Let op: OOM kent Jobstart toe zolang het budget strekt.",
    "schatting": "Indicatief per kandidaat: hooguit {per} ({intern} voor interne opleiding en "
                 "begeleiding plus tot {extern} voor externe opleiding){totaal}.",
}


def medewerker_naam(index: int, m: NieuweMedewerker) -> str:
    """``nieuwe medewerker 1 (statushouders)``: a new employee in words."""
    group = f" ({TARGET_GROUP_WORDS[m.doelgroep]})" if m.doelgroep else ""
    return f"nieuwe medewerker {index + 1}{group}"


def doelgroep(p: Profile, ev: Evaluation) -> None:
    """Without a list of new staff: the target groups the company wants to recruit."""
    groups = p.doelgroepen
    if groups is None:
        ev.condition(AFSTAND, None, ZINNEN["doelgroep?"], ["doelgroepen"])
    elif NIET_INZETBAAR & set(groups):
        ev.condition(AFSTAND, True, ZINNEN["doelgroep+"], ["doelgroepen"])
    elif NAAR_INZICHT & set(groups):
        wie = listing([TARGET_GROUP_WORDS[g] for g in groups if g in NAAR_INZICHT])
        ev.condition(AFSTAND, True, ZINNEN["regiomanager"].format(wie=wie), ["doelgroepen"])
    else:
        ev.condition(AFSTAND, False, ZINNEN["doelgroep-"], ["doelgroepen"])


def afstand(index: int, m: NieuweMedewerker) -> Condition:
    """Not directly employable, or a distance to the technical function in the regiomanager's
    judgement ("Let op", contract §3). Reference: https://www.oom.nl/Regelingen/Jobstart"""
    naam, field = medewerker_naam(index, m), [veld(index, "doelgroep", STAFF)]
    if m.doelgroep is None:
        return Condition(AFSTAND, None, ZINNEN["wie?"].format(medewerker=naam), field)
    if m.doelgroep in NIET_INZETBAAR:
        return Condition(AFSTAND, True, ZINNEN["wie+"].format(Medewerker=cap(naam)), field)
    return Condition(AFSTAND, True, ZINNEN["wie-regiomanager"].format(medewerker=naam), field)


def minimum(index: int, m: NieuweMedewerker, name: str, value: int | None,
            least: int) -> Condition:
    """At least ``least`` (contract months or hours a week). Reference: https://www.oom.nl/Regelingen/Jobstart"""
    naam, field = medewerker_naam(index, m), [veld(index, name, STAFF)]
    key = "maanden" if name == "contract_maanden" else "uren"
    words = dict(medewerker=naam, Medewerker=cap(naam), aantal=value, minimum=least)
    if value is None:
        return Condition(CONTRACT, None, ZINNEN[f"{key}?"].format(**words), field)
    ok = value >= least
    return Condition(CONTRACT, ok, ZINNEN[f"{key}{'+' if ok else '-'}"].format(**words), field)


def laatste_dag(ev: Evaluation, m: NieuweMedewerker):
    """Reported before the contract starts, with one month's grace: the last day to apply."""
    term = ev.param("aanvraagtermijn-maanden-na-indiensttreding")
    if m.in_dienst is None or term is None:
        return None
    return add_months(m.in_dienst, int(term.waarde))


def termijn(ev: Evaluation, index: int, m: NieuweMedewerker) -> Condition:
    """Apply up to one month after the employment starts. Reference: https://www.oom.nl/Regelingen/Jobstart"""
    naam, field = medewerker_naam(index, m), [veld(index, "in_dienst", STAFF)]
    last = laatste_dag(ev, m)
    if m.in_dienst is None or last is None:
        return Condition(TERMIJN, None, ZINNEN["in-dienst?"].format(medewerker=naam), field)
    words = dict(Medewerker=cap(naam), start=datum(m.in_dienst), laatste=datum(last))
    if last < ev.peildatum:
        return Condition(TERMIJN, False, ZINNEN["termijn-"].format(**words), field)
    return Condition(TERMIJN, True, ZINNEN["termijn+"].format(**words), field)


def kandidaat(ev: Evaluation, index: int, m: NieuweMedewerker) -> list[Condition]:
    months, hours = ev.param("minimale-contractduur-maanden"), ev.param("minimale-uren-per-week")
    conditions = [afstand(index, m)]
    if months is not None:
        conditions.append(minimum(index, m, "contract_maanden", m.contract_maanden,
                                  int(months.waarde)))
    if hours is not None:
        conditions.append(minimum(index, m, "uren_per_week", m.uren_per_week, int(hours.waarde)))
    return conditions + [termijn(ev, index, m)]


def evaluate(p: Profile, ev: Evaluation) -> None:
    oom_cao(p, ev)
    months, hours = ev.param("minimale-contractduur-maanden"), ev.param("minimale-uren-per-week")
    limits = dict(maanden=months.text() if months else "zes", uren=hours.text() if hours else "19")
    chosen: list[int] = []
    if p.nieuwe_medewerkers:
        chosen = judge_each(ev, p.nieuwe_medewerkers, lambda i, m: kandidaat(ev, i, m), AFSTAND,
                            STAFF, unknown="", empty="")
    else:
        doelgroep(p, ev)
        if p.nieuwe_medewerkers is None:
            ev.condition(CONTRACT, None, ZINNEN["geen-antwoord"].format(**limits), [STAFF])
        else:
            ev.arrange(CONTRACT, ZINNEN["contract"].format(**limits))
    if ev.failed:
        return
    staff = p.nieuwe_medewerkers or []
    qualifying = [i for i in chosen if outcome(kandidaat(ev, i, staff[i])) is True]
    for i in qualifying:
        last = laatste_dag(ev, staff[i])
        if last is not None:
            ev.add_deadline(last, ZINNEN["deadline"].format(medewerker=medewerker_naam(i, staff[i]),
                                                            laatste=datum(last)))
    source = ev.param("bijdrage-intern")
    ev.note(ZINNEN["stappen"], source.bron if source else None)
    ev.note(ZINNEN["budget"])
    estimate(ev, max(len(qualifying), 1))


def estimate(ev: Evaluation, candidates: int) -> None:
    """€ 500 internal plus up to € 1,500 external training per candidate (content)."""
    internal, external = ev.param("bijdrage-intern"), ev.param("maximum-extern")
    internal_eur = internal.number() if internal else None
    external_eur = external.number() if external else None
    if internal is None or external is None or internal_eur is None or external_eur is None:
        return
    per = internal_eur + external_eur
    ev.schatting = int(per * candidates)
    totaal = f"; voor {candidates} kandidaten samen {euro(per * candidates)}" if candidates > 1 else ""
    ev.note(ZINNEN["schatting"].format(per=euro(per), intern=internal.text(),
                                       extern=external.text(), totaal=totaal), external.bron)
