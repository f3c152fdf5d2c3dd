"""Error bodies every API endpoint shares, so clients see one Dutch shape for bad input.

Declare them in an operation's ``response`` so the OpenAPI document lists every status code::

    @router.post("/advies", response={200: Advies, 422: OngeldigeInvoer})
"""

from __future__ import annotations

from typing import Any, Iterable

from ninja import Schema

INVALID_INPUT = "Ongeldige invoer"
_PARAM_SOURCES = {"query", "path", "body", "form", "file", "header", "cookie"}


class Fout(Schema):
    veld: str
    melding: str


class OngeldigeInvoer(Schema):
    """422: the input did not validate; one entry per field."""

    detail: str = INVALID_INPUT
    fouten: list[Fout]


class NietGevonden(Schema):
    """404: nothing under this ID; ``suggesties`` holds the nearest existing IDs."""

    detail: str
    suggesties: list[str] = []


def field_name(loc: Iterable[Any]) -> str:
    """``("body", "profiel", "leerlingen", 0, "crebo")`` → ``leerlingen[0].crebo``.

    Drops the parameter source, and for a body the name of the (single) body parameter,
    which the client never typed.
    """
    parts = list(loc)
    if parts and parts[0] in _PARAM_SOURCES:
        source = parts.pop(0)
        if source == "body" and len(parts) > 1:
            parts.pop(0)
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _in_dutch(error: dict[str, Any]) -> dict[str, Any]:
    """Pydantic lists allowed values as "'a', 'b' or 'c'"; make that "… of 'c'"."""
    expected = error.get("ctx", {}).get("expected")
    if isinstance(expected, str):
        error = {**error, "ctx": {**error["ctx"], "expected": expected.replace("' or '", "' of '")}}
    return error


def form_fouten(form) -> list[dict[str, str]]:
    """A bound Django form's errors as the per-field list, one entry per message.

    Lets an endpoint validate with the same form as the page, so the rules live in one
    place; errors not tied to a field get ``veld`` "".
    """
    from django.forms.forms import NON_FIELD_ERRORS

    return [{"veld": "" if name == NON_FIELD_ERRORS else name, "melding": message}
            for name, messages in form.errors.items() for message in messages]


def invalid_input_body(errors: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The 422 body for pydantic/ninja errors, worded in Dutch."""
    from onderwijsgids.kb.loader import dutch_message

    fouten = [{"veld": field_name(e.get("loc", ())), "melding": dutch_message(_in_dutch(e))}
              for e in errors]
    return {"detail": INVALID_INPUT, "fouten": fouten}
