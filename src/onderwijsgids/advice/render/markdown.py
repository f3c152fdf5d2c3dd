"""The advice as Markdown: readable as plain text, pasteable into an e-mail or a wiki."""

from __future__ import annotations

from onderwijsgids.dutch import format_eur
from onderwijsgids.kb.urls import item_path
from onderwijsgids.vocabulary import datum as nl_date
from onderwijsgids.vocabulary import field_words

from ..engine import Advice
from .common import STATUS_TEXT, absolute, company_name, peildatum


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _acties(advice: Advice) -> list[str]:
    """"Doe dit eerst": every action in the engine's order, with its date and value."""
    out = ["## Doe dit eerst", ""]
    for n, a in enumerate(advice.acties, start=1):
        when = f"uiterlijk {nl_date(a.deadline)}" if a.deadline else "geen vaste datum"
        worth = f"indicatief {format_eur(a.waarde_eur)}" if a.waarde_eur else "geen bedrag bekend"
        out.append(f"{n}. **{a.wat}** ({when}; {worth}). {a.waarom}")
    if not advice.acties:
        out.append("Voor dit profiel is er nu niets met een datum of een bedrag te regelen.")
    return out + [""]


def to_markdown(advice: Advice, titles: dict[str, str], base_url: str) -> str:
    """``titles`` maps item IDs to titles (organisations, qualifications) for readable lists."""
    out = [f"# Persoonlijk plan: {company_name(advice)}", "",
           f"Peildatum: {nl_date(peildatum(advice))}. Gebaseerd op Dé onderwijsgids 2025 van "
           "Koninklijke Metaalunie.", ""]
    out += _acties(advice)
    out += ["## Actiepunten", ""]
    for point in advice.actiepunten:
        out.append(f"### {point.prioriteit}. {point.titel}")
        out.append("")
        out += [f"- {reason}" for reason in point.waarom]
        out.append("")
        out += [f"{n}. {step}" for n, step in enumerate(point.stappen, start=1)]
        out += ["", f"Meer: {absolute(base_url, point.url)}", ""]
    out += ["## Deadlines", ""]
    if advice.deadlines:
        out += [f"- **{nl_date(d.datum)}**: {d.wat}" for d in advice.deadlines]
    else:
        out.append("Geen deadlines gevonden voor dit profiel.")
    out += ["", "## Regelingen", "", "| Regeling | Status | Waarom | Deadline | Schatting |",
            "| --- | --- | --- | --- | --- |"]
    for r in advice.regelingen:
        estimate = format_eur(r.schatting_eur) + " (indicatief)" \
            if r.schatting_eur is not None else "—"
        out.append(f"| [{_cell(r.titel)}]({absolute(base_url, r.url)}) | {STATUS_TEXT[r.status]} "
                   f"| {_cell(' '.join(r.waarom))} | "
                   f"{nl_date(r.deadline) if r.deadline else '—'} | {estimate} |")
    missing = [(r, r.ontbreekt) for r in advice.regelingen if r.ontbreekt]
    if missing:
        out += ["", "### Wat we nog moeten weten", ""]
        out += [f"- {r.titel}: {', '.join(field_words(f) for f in fields)}"
                for r, fields in missing]
    if advice.kwalificaties:
        out += ["", "## Opleidingen (crebo)", ""]
        out += [f"- {crebo} {titles.get(crebo, '')}".rstrip() for crebo in advice.kwalificaties]
    if advice.organisaties:
        out += ["", "## Organisaties", ""]
        out += [f"- {titles.get(org, org)}: {absolute(base_url, item_path('organisatie', org))}"
                for org in advice.organisaties]
    return "\n".join(out) + "\n"
