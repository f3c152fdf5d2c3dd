"""Subsidieregeling praktijkleren (RVO, for the ministry OCW): a contribution per
praktijkleerplaats per study year, applied for afterwards.

References: https://mijn.rvo.nl/praktijkleren ;
https://www.rvo.nl/subsidies-regelingen/subsidieregeling-praktijkleren/kom-ik-aanmerking/mbo ;
https://ondernemersklankbord.nl/?p=3954 (window 2026) ; https://www.beveiligingsbranche.nl/praktijkleren/
(weeks) ; https://hlb-nannen.nl/nieuws/aanvraag-subsidie-praktijkleren-tot-17-september
(expected amounts 2024/25) ; https://www.praktijklerennederland.nl (hbo domains).
Figures and windows are content (content/regelingen/subsidie-praktijkleren.yaml).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

from onderwijsgids.vocabulary import (
    HBO_DOMAIN_WORDS, LEERWEG_WORDS, WindowState, datum, euro, listing,
)

from ..evaluation import Evaluation
from ..model import Periode, Venster
from ..profile import Leerling, Profile
from ..studiejaar import Studiejaar, werkweken
from .common import (
    Condition, cap, crebo_buiten_gids, erkend_leerbedrijf, judge_each, leerling_naam, veld,
)

ID = "subsidie-praktijkleren"
MBO, HBO, VMBO = frozenset({"bbl"}), frozenset({"hbo-duaal", "hbo-deeltijd"}), frozenset({"vmbo"})
HBO_DOMEINEN = frozenset({"techniek", "landbouw", "zorg", "gedrag-maatschappij"})
LEERWEG = "leerweg-bbl-hbo-duaal-vmbo"
MAX_AGE = 3  # study years: an older figure is not used for an estimate (contract §3)

ZINNEN = {
    "geen-antwoord": "We weten niet of je leerlingen hebt; de subsidie is voor leerlingen in "
                     "het mbo-bbl, duaal of deeltijd-hbo en een vmbo-leerwerktraject.",
    "geen-leerlingen": "Je hebt geen leerlingen opgegeven; de subsidie is per "
                       "praktijkleerplaats (mbo-bbl, duaal of deeltijd-hbo, vmbo-leerwerktraject).",
    "leerweg?": "We weten niet welke leerweg {leerling} volgt; alleen mbo-bbl, duaal of "
                "deeltijd-hbo en een vmbo-leerwerktraject tellen mee.",
    "leerweg-": "{Leerling} telt niet mee: alleen mbo-bbl, duaal of deeltijd-hbo en een "
                "vmbo-leerwerktraject tellen mee, {leerweg} niet.",
    "leerweg+": "{Leerling} heeft een praktijkleerplaats die meetelt.",
    "crebo?": "We weten de opleiding van {leerling} niet; die moet in het Crebo-register staan.",
    "crebo+": "De opleiding van {leerling} leidt tot een diploma in het Crebo-register.",
    "domein?": "We weten niet in welk domein {leerling} studeert; alleen techniek, landbouw en "
               "natuurlijke omgeving, gezondheidszorg en gedrag en maatschappij tellen mee.",
    "domein-": "{Leerling} studeert in {domein}; alleen techniek, landbouw en natuurlijke "
               "omgeving, gezondheidszorg en gedrag en maatschappij tellen mee.",
    "domein+": "{Leerling} studeert in het domein {domein}, dat meetelt.",
    "hbo-erkenning": "Voor {leerling} in het hbo noemt de bron geen erkenning door SBB als "
                     "voorwaarde.",
    "leerwerktraject?": "We weten niet of {leerling} een leerwerktraject in de "
                        "basisberoepsgerichte leerweg volgt; alleen dat telt mee, geen gewone "
                        "stage.",
    "leerwerktraject-": "{Leerling} volgt geen leerwerktraject in de basisberoepsgerichte "
                        "leerweg; een gewone vmbo-stage telt niet mee.",
    "leerwerktraject+": "{Leerling} volgt een leerwerktraject in de basisberoepsgerichte "
                        "leerweg (leerjaar 3–4).",
    "overeenkomst+": "De praktijkovereenkomst van {leerling} is getekend op {datum}.",
    "al-aangevraagd": "Je hebt de subsidie voor {leerling} al eens aangevraagd; vraag per "
                      "studiejaar opnieuw aan.",
    "zonder-start": "We weten niet wanneer {leerling} begon; zonder startdatum rekenen we geen "
                    "weken en geen bedrag uit.",
    "alles-gesloten": "De aanvraagperiode is voorbij voor elk studiejaar van je leerlingen "
                      "({jaren}); voor die jaren kan niet meer worden aangevraagd.",
    "nog-open": "Voor studiejaar {jaar} kun je nog aanvragen.",
    "gesloten": "De aanvraagperiode voor studiejaar {jaar} is voorbij{sluit}; voor dat jaar kan "
                "niet meer worden aangevraagd.",
    "gepubliceerd": "Je vraagt de subsidie achteraf aan, per studiejaar: voor studiejaar {jaar} "
                    "van {open} tot en met {sluit}.",
    "verwacht": "De aanvraagperiode voor studiejaar {jaar} is nog niet gepubliceerd; verwacht: "
                "tot en met {sluit}. Waarom we dat verwachten: {basis}",
    "onbekend": "De aanvraagperiode voor studiejaar {jaar} is nog niet bekend; zie de bron.",
    "deadline": "Subsidie Praktijkleren aanvragen bij RVO voor studiejaar {jaar} (achteraf; "
                "aanvraagperiode {venster}).",
    "schatting": "Indicatief voor studiejaar {jaar}: hooguit {totaal} ({delen}). Het werkelijke "
                 "bedrag hangt af van het aantal aanvragen.",
    "deel-mbo": "{leerling}: {weken} van {volledig} weken van hooguit {bedrag}",
    "deel-hbo": "{leerling}: {weken} van {volledig} weken van het verwachte hbo-bedrag van "
                "hooguit {bedrag} (studiejaar {bedragjaar}; controleer het actuele bedrag)",
    "geen-bedrag": "De bron noemt geen bruikbaar bedrag voor {leerling}; zie de bron.",
}


# --- who counts -----------------------------------------------------------------------------

def leerweg_telt(ev: Evaluation, index: int, leerling: Leerling) -> Condition:
    """mbo-bbl, hbo duaal or part-time and vmbo (as leerwerktraject) count; bol does not.
    Reference: https://mijn.rvo.nl/praktijkleren (categories)."""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "leerweg")]
    if leerling.leerweg is None:
        return Condition(LEERWEG, None, ZINNEN["leerweg?"].format(leerling=naam), field)
    words = dict(Leerling=cap(naam), leerweg=LEERWEG_WORDS[leerling.leerweg])
    if leerling.leerweg not in MBO | HBO | VMBO:
        return Condition(LEERWEG, False, ZINNEN["leerweg-"].format(**words), field)
    return Condition(LEERWEG, True, ZINNEN["leerweg+"].format(**words), field)


def mbo_voorwaarden(ev: Evaluation, p: Profile, index: int, leerling: Leerling) -> list[Condition]:
    """mbo-bbl: an erkend leerbedrijf and a course in the Crebo register.
    Reference: https://www.rvo.nl/subsidies-regelingen/subsidieregeling-praktijkleren/kom-ik-aanmerking/mbo"""
    naam = leerling_naam(ev, index, leerling)
    crebo = (Condition("crebo-register", None, ZINNEN["crebo?"].format(leerling=naam),
              [veld(index, "crebo")]) if leerling.crebo is None else
             Condition("crebo-register", True, ZINNEN["crebo+"].format(leerling=naam),
              [veld(index, "crebo")]))
    return [erkend_leerbedrijf(p.erkend_leerbedrijf), crebo]


def hbo_domein(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    """hbo counts only when dual or part-time in techniek, landbouw & natuurlijke omgeving,
    gezondheidszorg, gedrag & maatschappij; no SBB recognition is named.
    Reference: https://www.praktijklerennederland.nl (FAQ)."""
    naam, field = leerling_naam(ev, index, leerling), [veld(index, "hbo_domein")]
    words = dict(leerling=naam, Leerling=cap(naam),
                 domein=HBO_DOMAIN_WORDS.get(leerling.hbo_domein or "", ""))
    if leerling.hbo_domein is None:
        domein: Condition = Condition("hbo-domein", None, ZINNEN["domein?"].format(**words), field)
    elif leerling.hbo_domein in HBO_DOMEINEN:
        domein = Condition("hbo-domein", True, ZINNEN["domein+"].format(**words), field)
    else:
        domein = Condition("hbo-domein", False, ZINNEN["domein-"].format(**words), field)
    return [domein, Condition("hbo-geen-erkenning-nodig", True, ZINNEN["hbo-erkenning"].format(**words),
                     [veld(index, "leerweg")])]


def vmbo_leerwerktraject(ev: Evaluation, index: int, leerling: Leerling) -> list[Condition]:
    """vmbo counts only as a leerwerktraject in the basisberoepsgerichte leerweg (years 3–4).
    Reference: https://mijn.rvo.nl/praktijkleren"""
    naam = leerling_naam(ev, index, leerling)
    key = {None: "leerwerktraject?", True: "leerwerktraject+", False: "leerwerktraject-"}[
        leerling.leerwerktraject]
    return [Condition("vmbo-leerwerktraject", leerling.leerwerktraject,
             ZINNEN[key].format(leerling=naam, Leerling=cap(naam)),
             [veld(index, "leerwerktraject")])]


def voorwaarden(ev: Evaluation, p: Profile, index: int, leerling: Leerling) -> list[Condition]:
    """Every condition of one learner's praktijkleerplaats."""
    first = leerweg_telt(ev, index, leerling)
    if first.ok is not True:
        return [first]
    if leerling.leerweg in MBO:
        return [first, *mbo_voorwaarden(ev, p, index, leerling)]
    if leerling.leerweg in HBO:
        return [first, *hbo_domein(ev, index, leerling)]
    return [first, *vmbo_leerwerktraject(ev, index, leerling)]


# --- weeks, amount and window per study year -----------------------------------------------

def begin_van(leerling: Leerling) -> dt.date | None:
    """Supervision starts at the start, or later when the praktijkovereenkomst was signed later."""
    if leerling.start and leerling.praktijkovereenkomst:
        return max(leerling.start, leerling.praktijkovereenkomst)
    return leerling.start


def studiejaren_van(leerling: Leerling, peildatum: dt.date) -> list[Studiejaar]:
    """From the learner's start through the current study year, and the coming one when the
    learner continues after it (contract §3)."""
    begin = begin_van(leerling)
    if begin is None:
        return []
    current = Studiejaar.of(peildatum)
    last = current.volgende if (leerling.eind is None or leerling.eind > current.einde) else current
    if leerling.eind is not None:
        last = min(last, Studiejaar.of(leerling.eind))
    last = max(last, Studiejaar.of(begin))
    return [Studiejaar(y) for y in range(Studiejaar.of(begin).eerste_jaar, last.eerste_jaar + 1)]


def volledig_jaar(ev: Evaluation, leerling: Leerling) -> int | None:
    """A full year is 40 weeks for mbo and vmbo, 42 for hbo (content).
    Reference: https://www.beveiligingsbranche.nl/praktijkleren/"""
    kind = "hbo" if leerling.leerweg in HBO else "mbo"
    found = ev.param(f"weken-volledig-jaar-{kind}")
    return int(found.waarde) if found else None


def begeleide_weken(ev: Evaluation, leerling: Leerling, studiejaar: Studiejaar) -> int | None:
    """Calendar weeks with at least one working day of the learner's period in the study year
    (to ``eind`` or the end of the study year: planned weeks for a year in progress), up to a
    full year. Reference: https://www.beveiligingsbranche.nl/praktijkleren/"""
    begin, full = begin_van(leerling), volledig_jaar(ev, leerling)
    if begin is None or full is None:
        return None
    last = min(leerling.eind or studiejaar.einde, studiejaar.einde)
    return min(werkweken(max(begin, studiejaar.begin), last), full)


class Jaarbedrag(NamedTuple):
    """The amount for a full year and the study year of that figure."""

    bedrag: Decimal
    schooljaar: str | None


def bedrag_per_plaats(ev: Evaluation, leerling: Leerling,
                      studiejaar: Studiejaar) -> Jaarbedrag | None:
    """The amount for a full year: the cap (€ 2.700) for mbo and vmbo; for hbo the expected
    amount, which lies below the cap (contract §3). A figure more than three study years old
    is not used. Reference: https://hlb-nannen.nl/nieuws/aanvraag-subsidie-praktijkleren-tot-17-september"""
    if leerling.leerweg in HBO:
        expected = ev.param("verwacht-bedrag-hbo")
        bereik = expected.range() if expected else None
        if expected is None or bereik is None or not expected.schooljaar or (
                studiejaar.eerste_jaar - Studiejaar.parse(expected.schooljaar).eerste_jaar
                > MAX_AGE):
            return None
        return Jaarbedrag(bereik.tot, expected.schooljaar)
    maximum = ev.param("maximum-per-plaats")
    bedrag = maximum.number() if maximum else None
    return Jaarbedrag(bedrag, maximum.schooljaar) if maximum and bedrag else None


def bijdrage(ev: Evaluation, leerling: Leerling, studiejaar: Studiejaar) -> int | None:
    """Indicative contribution: the amount for a full year pro rata over the supervised weeks,
    rounded down (the real amount is the budget divided over the places, capped).
    Reference: https://www.rvo.nl/subsidies-regelingen/subsidieregeling-praktijkleren/kom-ik-aanmerking/mbo"""
    weeks, full = begeleide_weken(ev, leerling, studiejaar), volledig_jaar(ev, leerling)
    amount = bedrag_per_plaats(ev, leerling, studiejaar)
    if weeks is None or not full or amount is None:
        return None
    return int((amount.bedrag * weeks / full).quantize(Decimal(1), rounding=ROUND_FLOOR))


def venster(ev: Evaluation, studiejaar: Studiejaar) -> Venster:
    """The window for a study year (17 September inclusive): published, expected (with its
    basis), closed, or unknown. A year older than every window in content is long closed.
    References: https://ondernemersklankbord.nl/?p=3954 ; https://www.s-bb.nl/nieuws/aanvragen-voor-subsidie-praktijkleren-mogelijk-vanaf-3-juni/"""
    window = ev.regeling.window(studiejaar.label)
    if window is None:
        known = [w.schooljaar for w in ev.regeling.windows if w.schooljaar]
        if known and studiejaar.label < min(known):
            return Venster(staat="gesloten")
        return Venster(staat="onbekend")
    staat: WindowState
    if window.tot is not None and window.tot < ev.peildatum:
        staat = "gesloten"
    else:
        staat = "verwacht" if window.verwacht else "gepubliceerd"
    return Venster(open=window.van, sluit=window.tot, staat=staat)


def perioden(ev: Evaluation, learners: list[tuple[int, Leerling]]) -> list[Periode]:
    return [Periode(leerling=index, studiejaar=year.label,
                    weken=begeleide_weken(ev, leerling, year),
                    schatting_eur=bijdrage(ev, leerling, year), venster=venster(ev, year))
            for index, leerling in learners for year in studiejaren_van(leerling, ev.peildatum)]


# --- the regeling -----------------------------------------------------------------------------

def evaluate(p: Profile, ev: Evaluation) -> None:
    chosen = judge_each(ev, p.leerlingen, lambda i, leerling: voorwaarden(ev, p, i, leerling),
                        LEERWEG, "leerlingen", unknown=ZINNEN["geen-antwoord"],
                        empty=ZINNEN["geen-leerlingen"])
    learners = [(i, (p.leerlingen or [])[i]) for i in chosen]
    qualifying = [(i, leerling) for i, leerling in learners
                  if leerweg_telt(ev, i, leerling)[1] is True]
    for i, leerling in qualifying:
        crebo_buiten_gids(ev, i, leerling)
    if ev.failed or not qualifying:
        return
    for leerwegen, code in ((HBO, "hbo-domein"), (VMBO, "vmbo-leerwerktraject")):
        if not any(leerling.leerweg in leerwegen for _, leerling in qualifying):
            ev.not_applicable(code)
    ev.perioden = perioden(ev, qualifying)
    arrangements(ev, qualifying)
    for i, leerling in qualifying:
        if leerling.start is None:
            ev.note(ZINNEN["zonder-start"].format(leerling=leerling_naam(ev, i, leerling)))
    windows(ev, qualifying)


def arrangements(ev: Evaluation, learners: list[tuple[int, Leerling]]) -> None:
    """What the company arranges itself: praktijkovereenkomst and ROD (mbo), eHerkenning 3."""
    mbo = [(i, leerling) for i, leerling in learners if leerling.leerweg in MBO]
    signed = [(i, leerling, leerling.praktijkovereenkomst) for i, leerling in mbo
              if leerling.praktijkovereenkomst]
    for i, leerling, signed_on in signed:
        ev.condition("praktijkovereenkomst", True, ZINNEN["overeenkomst+"].format(
            leerling=leerling_naam(ev, i, leerling), datum=datum(signed_on)),
            [veld(i, "praktijkovereenkomst")])
    if mbo and len(signed) < len(mbo):
        ev.arrange("praktijkovereenkomst")
    if mbo:
        ev.arrange("rod-registratie")
    ev.arrange("eherkenning-3")
    for i, leerling in learners:
        if ID in leerling.aangevraagd:
            ev.note(ZINNEN["al-aangevraagd"].format(leerling=leerling_naam(ev, i, leerling)))


def windows(ev: Evaluation, learners: list[tuple[int, Leerling]]) -> None:
    """The next study year to apply for decides the deadline and estimate; a study year whose
    window has closed gives no ``ja`` (when every year has closed, the status is ``nee``)."""
    entries = [e for e in ev.perioden or [] if e.weken is None or e.weken > 0]
    if not entries:
        return
    years = sorted({e.studiejaar for e in entries})
    open_years = [y for y in years if _venster_of(entries, y).staat != "gesloten"]
    for year in years:
        if year not in open_years:
            shut = _venster_of(entries, year).sluit
            ev.note(ZINNEN["gesloten"].format(jaar=year, sluit=f" (sloot op {datum(shut)})"
                                              if shut else ""))
    if not open_years:
        ev.condition("aanvraagperiode", False, ZINNEN["alles-gesloten"].format(
            jaren=listing(years)), [veld(i, "start") for i, _ in learners])
        return
    year = open_years[0]
    ev.condition("aanvraagperiode", True, ZINNEN["nog-open"].format(jaar=year),
                 [veld(i, "start") for i, _ in learners])
    announce(ev, year, _venster_of(entries, year))
    estimate(ev, learners, [e for e in entries if e.studiejaar == year], year)


def _venster_of(entries: list[Periode], year: str) -> Venster:
    return next(e.venster for e in entries if e.studiejaar == year and e.venster)


def announce(ev: Evaluation, year: str, window: Venster) -> None:
    """The window of the study year to apply for, as a note and (when dated) a deadline."""
    content = ev.regeling.window(year)
    source = content.bron if content else ev.regeling.bron
    if window.staat == "gepubliceerd" and window.sluit:
        span = (f"van {datum(window.open)} " if window.open else "") + f"tot en met {datum(window.sluit)}"
        ev.note(ZINNEN["gepubliceerd"].format(jaar=year, open=datum(window.open) if window.open
                                              else "nu", sluit=datum(window.sluit)), source)
        ev.add_deadline(window.sluit, ZINNEN["deadline"].format(jaar=year, venster=span))
    elif window.staat == "verwacht" and window.sluit and content:
        ev.note(ZINNEN["verwacht"].format(jaar=year, sluit=datum(window.sluit),
                                          basis=" ".join((content.basis or "").split())), source)
        ev.add_deadline(window.sluit, ZINNEN["deadline"].format(
            jaar=year, venster=f"verwacht tot en met {datum(window.sluit)}, nog niet gepubliceerd"))
    else:
        ev.note(ZINNEN["onbekend"].format(jaar=year), source)


def estimate(ev: Evaluation, learners: list[tuple[int, Leerling]], entries: list[Periode],
             year: str) -> None:
    names = {i: leerling_naam(ev, i, leerling) for i, leerling in learners}
    by_index = dict(learners)
    parts, total = [], 0
    for entry in entries:
        leerling = by_index[entry.leerling]
        amount = bedrag_per_plaats(ev, leerling, Studiejaar.parse(year))
        if entry.schatting_eur is None or amount is None:
            ev.note(ZINNEN["geen-bedrag"].format(leerling=names[entry.leerling]))
            continue
        total += entry.schatting_eur
        key = "deel-hbo" if leerling.leerweg in HBO else "deel-mbo"
        parts.append(ZINNEN[key].format(leerling=names[entry.leerling], weken=entry.weken,
                                        volledig=volledig_jaar(ev, leerling),
                                        bedrag=euro(amount.bedrag),
                                        bedragjaar=amount.schooljaar))
    if parts and total > 0:
        ev.schatting = total
        maximum = ev.param("maximum-per-plaats")
        ev.note(ZINNEN["schatting"].format(jaar=year, totaal=euro(total), delen="; ".join(parts)),
                maximum.bron if maximum else None)
