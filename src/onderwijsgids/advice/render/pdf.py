"""The plan as an A4 PDF (WeasyPrint), with a QR code per item linking its page. Needs Django
(templates and settings): call ``onderwijsgids.cli.setup_django()`` first outside the web app."""

from __future__ import annotations

from functools import lru_cache

import segno
from django.template.loader import render_to_string

from onderwijsgids.kb.urls import item_path
from onderwijsgids.links import base_url as canonical_base_url

from ..engine import Advice
from ..labels import GROUP_LABELS
from ..steps import ROUTE
from .common import absolute, company_name, peildatum
from .plan_parts import first_actions, grouped, money_at_stake


@lru_cache(maxsize=512)
def _qr(url: str) -> str:
    """The QR code of an address as a PNG data URI, 4 pixels a module (over 250 dpi at the
    printed size, drawn without smoothing). Plans link the same few hundred item pages, so
    each is made once per process. PNG, not SVG: WeasyPrint drew the SVGs in about half of a
    PDF's time."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=1)


def answers(advice: Advice) -> list[tuple[str, str]]:
    """"Dit plan gaat uit van": every question of the route with the answer the plan rests on,
    in words, as the check page shows them (a list left unanswered is "Niet beantwoord")."""
    lists = set(ROUTE.list_keys.values())
    given = {key: value for key, value in advice.profiel.items()
             if not (value is None and key in lists)}
    return [(row.label, row.value) for row in ROUTE.summary(given)]


def pdf_context(advice: Advice, titles: dict[str, str], base_url: str) -> dict:
    def link(path: str) -> dict:
        url = absolute(base_url, path)
        return {"url": url, "qr": _qr(url)}

    eerst, meer = first_actions(advice)
    return {
        "advice": advice,
        "naam": company_name(advice),
        "peildatum": peildatum(advice),
        "eerst": eerst, "meer": meer, "geld": money_at_stake(advice.acties),
        "antwoorden": answers(advice),
        "actiepunten": [{"point": p, **link(p.url)} for p in advice.actiepunten],
        "groepen": [(key, GROUP_LABELS[key], [{"row": row, **link(row.r.url)} for row in rows])
                    for key, rows in grouped(advice).items() if rows],
        "kwalificaties": [{"id": k, "titel": titles.get(k, ""), **link(item_path("kwalificatie", k))}
                          for k in advice.kwalificaties],
        "organisaties": [{"id": o, "titel": titles.get(o, o), **link(item_path("organisatie", o))}
                         for o in advice.organisaties],
    }


def to_pdf(advice: Advice, titles: dict[str, str], base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    base_url = base_url or canonical_base_url()
    html = render_to_string("advice/plan_pdf.html", pdf_context(advice, titles, base_url))
    # PDF/UA-1: a tagged PDF (structure tree, reading order, alternative texts) that screen
    # readers can follow; WeasyPrint writes the tags from the HTML.
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
