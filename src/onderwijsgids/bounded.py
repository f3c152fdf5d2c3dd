"""Bounded input: the limits every channel applies to what a user sends (no web imports).

One loader for user YAML and JSON (profiles from the workspace, the API and the CLI): a size
limit in bytes, a nesting-depth limit, YAML without anchors or aliases (a 432-byte "alias bomb"
expands to gigabytes), and Dutch messages that quote at most a short excerpt of the input.
Beside it the value limits shared by forms, the API and CSV: dates between 1900 and 2100, a
learner's span, single-line text without CR/LF or NUL, integers that fit the database.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator

import yaml

MAX_DOCUMENT_BYTES = 1024 * 1024
MAX_DEPTH = 32
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_SPAN_YEARS = 8
MAX_INT32 = 2**31 - 1
MAX_ID = 2**63 - 1
EXCERPT_CHARS = 40


class InputRefused(ValueError):
    """Input outside the limits; ``str()`` is a short Dutch message, ``line`` where known."""

    def __init__(self, message: str, line: int | None = None):
        self.message, self.line = message, line
        super().__init__(message)


def excerpt(value: Any, limit: int = EXCERPT_CHARS) -> str:
    """At most ``limit`` characters of ``value`` on one line, for quoting it in a message."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- documents: JSON and YAML ---------------------------------------------------------------


def _check_size(text: str | bytes) -> None:
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        raise InputRefused(f"is te groot (meer dan {MAX_DOCUMENT_BYTES // 1024} kB)")


def _children(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        yield from value.values()
    elif isinstance(value, list):
        yield from value
    elif isinstance(value, yaml.MappingNode):
        for key, item in value.value:
            yield key
            yield item
    elif isinstance(value, yaml.SequenceNode):
        yield from value.value


def check_depth(value: Any, limit: int = MAX_DEPTH) -> None:
    """Refuse data (or a YAML node tree) nested deeper than ``limit``; no recursion."""
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            raise InputRefused(f"is te diep genest (meer dan {limit} niveaus)")
        stack.extend((child, depth + 1) for child in _children(current))


def decode_text(raw: bytes) -> str:
    """UTF-8 bytes as text, or a Dutch message (never Python's English codec error)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRefused(f"is geen UTF-8-tekst (onleesbaar teken op positie {exc.start + 1})"
                           ) from None


def load_json(raw: str | bytes) -> Any:
    """Bounded JSON: size, depth and UTF-8 checked; errors as :class:`InputRefused`."""
    _check_size(raw)
    text = decode_text(raw) if isinstance(raw, bytes) else raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputRefused(f"is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})",
                           exc.lineno) from None
    except RecursionError:
        raise InputRefused(f"is te diep genest (meer dan {MAX_DEPTH} niveaus)") from None
    check_depth(data)
    return data


def _mark_line(mark: Any) -> int | None:
    return mark.line + 1 if mark is not None else None


class BoundedYamlLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors (``&a``) and aliases (``*a``) as soon as it meets one."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise InputRefused("bevat een YAML-verwijzing (*…); schrijf elke waarde zelf uit",
                               _mark_line(event.start_mark))
        if getattr(event, "anchor", None) is not None:
            raise InputRefused("bevat een YAML-anker (&…); schrijf elke waarde zelf uit",
                               _mark_line(event.start_mark))
        return super().compose_node(parent, index)


def load_yaml(text: str, loader: type[BoundedYamlLoader] = BoundedYamlLoader
              ) -> tuple[Any, yaml.Node | None]:
    """Bounded YAML (JSON is a subset): the data and the node tree (for line numbers).

    Raises :class:`InputRefused` for size, depth, anchors and aliases, and :class:`yaml.YAMLError`
    for YAML that does not parse.
    """
    _check_size(text)
    parser = loader(text)
    try:
        node = parser.get_single_node()
        if node is not None:
            check_depth(node)
        data = parser.construct_document(node) if node is not None else None
    except RecursionError:
        raise InputRefused(f"is te diep genest (meer dan {MAX_DEPTH} niveaus)") from None
    finally:
        parser.dispose()
    return data, node


# --- values: dates, spans, text, integers ---------------------------------------------------


def date_problem(value: dt.date) -> str | None:
    """A Dutch message when ``value`` lies outside the years a user can mean."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return f"moet tussen {MIN_YEAR} en {MAX_YEAR} liggen"
    return None


def span_problem(start: dt.date | None, end: dt.date | None) -> str | None:
    """A learner's training lasts at most :data:`MAX_SPAN_YEARS` years."""
    if start is None or end is None:
        return None
    try:
        limit = start.replace(year=start.year + MAX_SPAN_YEARS)
    except ValueError:  # 29 February
        limit = start.replace(year=start.year + MAX_SPAN_YEARS, day=28)
    if end > limit:
        return f"ligt meer dan {MAX_SPAN_YEARS} jaar na de startdatum"
    return None


def integer_problem(value: int) -> str | None:
    """Whole numbers a database integer holds (the API and forms use the same bound)."""
    if abs(value) > MAX_INT32:
        return f"is te groot (hooguit {MAX_INT32})"
    return None


def text_problem(value: str, single_line: bool = True) -> str | None:
    """NUL never; CR or LF not in a one-line field (names end up in e-mail headers)."""
    if "\x00" in value:
        return "bevat een ongeldig teken (NUL)"
    if single_line and ("\r" in value or "\n" in value):
        return "mag geen regeleinde bevatten; schrijf het op één regel"
    return None
