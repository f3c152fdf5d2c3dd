"""The downloadable CSV template for the learner import, and which rows are already present.

The template is written by the exporter itself, so its header row is exactly what the import
reads and its example row passes the import's checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from .csvio import export_learners

EXAMPLE_ROW: dict[str, Any] = {
    "naam": "Sanne de Boer", "leerweg": "bbl", "crebo": "25892", "school": "ROC Voorbeeldstad",
    "start": dt.date(2025, 9, 1), "eind": dt.date(2027, 7, 1), "praktijkopleider": "Piet Jansen",
    "praktijkovereenkomst": dt.date(2025, 8, 25), "via_bvm": False,
}


def template_csv() -> str:
    """Header row and one example row, separated by semicolons as Dutch Excel writes them.

    It starts with a byte order mark, so Excel opens it as UTF-8 (the import skips the mark).
    """
    return "\ufeff" + export_learners([EXAMPLE_ROW])


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def already_present(rows: Iterable[dict[str, Any]], existing_names: Iterable[str]
                    ) -> list[dict[str, Any]]:
    """The imported rows whose name (ignoring case and spacing) is already a learner."""
    existing = {_key(name) for name in existing_names}
    return [row for row in rows if _key(row["naam"]) in existing]
