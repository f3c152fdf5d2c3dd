"""QR codes of permanent item addresses, drawn locally with segno as inline SVG.

Printed pages carry these codes, so they encode the canonical address of the site
(``ONDERWIJSGIDS_BASE_URL``), never the host a request happened to use.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@lru_cache(maxsize=512)
def _qr_markup(url: str) -> str:
    return segno.make(url, error="m").svg_inline(
        scale=4, border=2, svgclass="qr-code", lineclass="qr-line", omitsize=True,
    )


def qr_svg(url: str) -> SafeString:
    """Inline ``<svg>`` of a QR code for ``url``, labelled for screen readers."""
    label = escape(_("QR-code met het adres %(url)s") % {"url": url})
    markup = _qr_markup(url).replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return mark_safe(markup)  # noqa: S308 - segno's own SVG plus an escaped label
