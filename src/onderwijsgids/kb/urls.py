"""Permanent addresses of items (contract §5). Printed QR codes point here: never change."""

from __future__ import annotations

TYPE_PREFIXES = {
    "actiepunt": "actiepunten",
    "kwalificatie": "kwalificaties",
    "onderwijsniveau": "onderwijsniveaus",
    "regeling": "regelingen",
    "organisatie": "organisaties",
    "initiatief": "initiatieven",
    "pagina": "gids",
}

TYPE_LABELS = {  # singular, plural — Dutch, shown to users
    "actiepunt": ("actiepunt", "actiepunten"),
    "kwalificatie": ("kwalificatie", "kwalificaties"),
    "onderwijsniveau": ("onderwijsniveau", "onderwijsniveaus"),
    "regeling": ("regeling", "regelingen"),
    "organisatie": ("organisatie", "organisaties"),
    "initiatief": ("initiatief", "initiatieven"),
    "pagina": ("pagina", "pagina's"),
}


def item_path(item_type: str, item_id: str) -> str:
    """The site-relative URL of an item, e.g. ``/actiepunten/3/`` or ``/regelingen/oom-ptt/``."""
    slug = item_id.removeprefix("actiepunt-") if item_type == "actiepunt" else item_id
    return f"/{TYPE_PREFIXES[item_type]}/{slug}/"
