"""Outputs of an advice: Markdown, iCalendar and PDF, through one dispatch (:func:`render`).
Markdown and iCalendar need no Django; the PDF needs Django's templates and settings."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("pdf", "ics", "md")
CONTENT_TYPES = {"pdf": "application/pdf", "ics": "text/calendar; charset=utf-8",
                 "md": "text/markdown; charset=utf-8"}


@dataclass(frozen=True)
class Rendered:
    body: bytes
    content_type: str


def render(advice, fmt: str, titles: dict[str, str], base_url: str) -> Rendered:
    """The advice as ``fmt`` (one of :data:`FORMATS`); ``titles`` maps item IDs to titles.
    Raises ``ValueError`` for another format."""
    if fmt == "md":
        from .markdown import to_markdown

        body = to_markdown(advice, titles, base_url).encode()
    elif fmt == "ics":
        from .ics import to_ics

        body = to_ics(advice, base_url)
    elif fmt == "pdf":
        from .pdf import to_pdf

        body = to_pdf(advice, titles, base_url)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return Rendered(body, CONTENT_TYPES[fmt])
