"""The plan as an A4 PDF (WeasyPrint), with a QR code per item linking its page. Needs Django
(templates and settings): call ``onderwijsgids.cli.setup_django()`` first outside the web app."""

from __future__ import annotations

import segno
from django.conf import settings
from django.template.loader import render_to_string

from ..engine import Advice
from .common import DEFAULT_BASE_URL, STATUS_TEXT, absolute, company_name, peildatum


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=2, border=1)


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
        "kwalificaties": [{"id": k, "titel": titles.get(k, ""), **link(f"/kwalificaties/{k}/")}
                          for k in advice.kwalificaties],
        "organisaties": [{"id": o, "titel": titles.get(o, o), **link(f"/organisaties/{o}/")}
                         for o in advice.organisaties],
    }


def to_pdf(advice: Advice, titles: dict[str, str], base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    base_url = base_url or getattr(settings, "ONDERWIJSGIDS_BASE_URL", DEFAULT_BASE_URL)
    html = render_to_string("advice/plan_pdf.html", pdf_context(advice, titles, base_url))
    return HTML(string=html, base_url=base_url).write_pdf()
