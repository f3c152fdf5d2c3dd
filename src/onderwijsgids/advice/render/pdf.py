"""The plan as an A4 PDF (WeasyPrint), with a QR code per item linking its page. Needs Django
(templates and settings): call ``onderwijsgids.cli.setup_django()`` first outside the web app."""

from __future__ import annotations

from functools import lru_cache

import segno
from django.template.loader import render_to_string

from onderwijsgids.kb.urls import item_path
from onderwijsgids.links import base_url as canonical_base_url

from ..engine import Advice
from .common import STATUS_TEXT, absolute, company_name, peildatum


@lru_cache(maxsize=512)
def _qr(url: str) -> str:
    """The QR code of an address as a PNG data URI, 4 pixels a module (over 250 dpi at the
    printed size, drawn without smoothing). Plans link the same few hundred item pages, so
    each is made once per process. PNG, not SVG: WeasyPrint drew the SVGs in about half of a
    PDF's time."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=1)


def pdf_context(advice: Advice, titles: dict[str, str], base_url: str) -> dict:
    def link(path: str) -> dict:
        url = absolute(base_url, path)
        return {"url": url, "qr": _qr(url)}

    return {
        "advice": advice,
        "naam": company_name(advice),
        "peildatum": peildatum(advice),
        "actiepunten": [{"point": p, **link(p.url)} for p in advice.actiepunten],
        "regelingen": [{"r": r, "status": STATUS_TEXT[r.status], **link(r.url)}
                       for r in advice.regelingen],
        "kwalificaties": [{"id": k, "titel": titles.get(k, ""), **link(item_path("kwalificatie", k))}
                          for k in advice.kwalificaties],
        "organisaties": [{"id": o, "titel": titles.get(o, o), **link(item_path("organisatie", o))}
                         for o in advice.organisaties],
    }


def to_pdf(advice: Advice, titles: dict[str, str], base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    base_url = base_url or canonical_base_url()
    html = render_to_string("advice/plan_pdf.html", pdf_context(advice, titles, base_url))
    return HTML(string=html, base_url=base_url).write_pdf()
