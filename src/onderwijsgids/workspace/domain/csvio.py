"""CSV import and export of learners, with Dutch headers.

A file is accepted whole or refused whole: :func:`parse_learners` returns either every row
validated or a report of every problem by row number (as a spreadsheet shows it) and field.
Reading the cells (dates, ja/nee, required columns) happens here; the rules on the values
(lengths, known codes, a learner's dates) are the workspace's checks, the same for the form
and the API, passed in as ``check``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any, Callable, Iterable, Mapping

from onderwijsgids.errors import InvalidInput, Problem

HEADERS = ("naam", "leerweg", "crebo", "school", "start", "eind", "praktijkopleider",
           "praktijkovereenkomst", "via_bvm", "hbo_domein", "leerwerktraject", "aangevraagd")
REQUIRED = ("naam", "leerweg", "start", "eind")
MAX_ROWS = 5000
_TRUE, _FALSE = {"ja", "j", "1", "true", "waar"}, {"nee", "n", "0", "false", "onwaar", ""}
_TEXT = ("naam", "school", "praktijkopleider", "crebo")
RowCheck = Callable[[Mapping[str, Any]], Iterable[tuple[str, str]]]


class CsvRefused(InvalidInput):
    """The file is refused whole; each problem names the row (``line``, as a spreadsheet
    numbers it) and the column (``field``)."""


def parse_date(text: str) -> dt.date:
    """JJJJ-MM-DD or DD-MM-JJJJ (also with / or .)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
        if not match:
            raise ValueError("is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError("is geen bestaande datum") from None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvRefused([Problem("bestand", "het bestand is geen tekst (UTF-8 of Windows)", 1)])


def _reader(text: str) -> csv.DictReader:
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def _header_errors(fieldnames: Iterable[str] | None) -> list[Problem]:
    names = [(n or "").strip().lower() for n in (fieldnames or [])]
    errors = [Problem(name, "is een onbekende kolom", 1) for name in names
              if name and name not in HEADERS]
    errors += [Problem(name, "kolom ontbreekt", 1) for name in REQUIRED if name not in names]
    return errors


def _optional_fields(values: dict[str, str], fail) -> dict[str, Any]:
    """The 2026-12 columns: hbo-domein, leerwerktraject and regelingen already applied for."""
    row: dict[str, Any] = {"hbo_domein": values.get("hbo_domein", "").lower()}
    traject = values.get("leerwerktraject", "").lower()
    if traject and traject not in _TRUE | _FALSE:
        fail("leerwerktraject", "moet 'ja' of 'nee' zijn (of leeg)")
    row["leerwerktraject"] = (traject in _TRUE) if traject else None
    ids = [part for part in re.split(r"[\s,|]+", values.get("aangevraagd", "").lower()) if part]
    row["aangevraagd"] = list(dict.fromkeys(ids))
    return row


def _row(raw: dict[str, Any], number: int, check: RowCheck | None = None
         ) -> tuple[dict[str, Any], list[Problem]]:
    values = {(k or "").strip().lower(): (v or "").strip() if isinstance(v, str) else ""
              for k, v in raw.items() if k is not None}
    errors: list[Problem] = []
    if None in raw:
        errors.append(Problem("regel", "heeft meer waarden dan er kolommen zijn", number))
    row: dict[str, Any] = {name: values.get(name, "") for name in _TEXT}

    def fail(name: str, message: str) -> None:
        errors.append(Problem(name, message, number))

    for name in REQUIRED:
        if not values.get(name):
            fail(name, "is verplicht")
    row["leerweg"] = values.get("leerweg", "").lower()
    for name in ("start", "eind", "praktijkovereenkomst"):
        row[name] = None
        if values.get(name):
            try:
                row[name] = parse_date(values[name])
            except ValueError as exc:
                fail(name, str(exc))
    bvm = values.get("via_bvm", "").lower()
    if bvm not in _TRUE | _FALSE:
        fail("via_bvm", "moet 'ja' of 'nee' zijn")
    row["via_bvm"] = bvm in _TRUE
    row.update(_optional_fields(values, fail))
    if check is not None:
        read = {name: value for name, value in row.items()
                if not any(e.field == name for e in errors) and value not in (None, "")}
        errors += [Problem(name, message, number) for name, message in check(read)]
    return row, errors


def parse_learners(data: bytes, check: RowCheck | None = None) -> list[dict[str, Any]]:
    """Every row read and checked, or :class:`CsvRefused` listing every problem (nothing
    partial). ``check`` gives the (column, message) problems of a row's values."""
    text = _decode(data)
    if not text.strip():
        raise CsvRefused([Problem("bestand", "het bestand is leeg", 1)])
    if "\x00" in text:  # the csv module stops at it, PostgreSQL cannot store it
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CsvRefused([Problem("bestand", "bevat een ongeldig teken (NUL)", line)])
    reader = _reader(text)
    errors = _header_errors(reader.fieldnames)
    if errors:
        raise CsvRefused(errors)
    rows: list[dict[str, Any]] = []
    try:
        for index, raw in enumerate(reader, start=2):
            if index - 1 > MAX_ROWS:
                raise CsvRefused([Problem("bestand", f"meer dan {MAX_ROWS} regels", index)])
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue  # blank line
            row, row_errors = _row(raw, index, check)
            errors += row_errors
            rows.append(row)
    except csv.Error:  # e.g. a cell longer than the csv module's limit
        raise CsvRefused([Problem("bestand", "is geen leesbare CSV", reader.line_num + 1)]) from None
    if errors:
        raise CsvRefused(errors)
    if not rows:
        raise CsvRefused([Problem("bestand", "het bestand bevat geen leerlingen", 2)])
    return rows


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    text = str(value)
    # Spreadsheet formula injection: a cell starting with these is run by Excel.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_learners(rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([csv_cell(row.get(name)) for name in HEADERS])
    return out.getvalue()
