"""Error bodies every API endpoint shares, so clients see one Dutch shape for bad input.

Bad input is a list of :class:`onderwijsgids.errors.Problem`; :func:`invalid_input` renders it
as the 422 body ``{"detail": "Ongeldige invoer", "fouten": [{"veld", "melding"}]}`` (plus any
extra keys of the operation, such as ``suggesties``). Declare the bodies in an operation's
``response`` so the OpenAPI document lists every status code::

    @router.post("/advies", response={200: Advies, 422: OngeldigeInvoer})
    ...
    except ProfileError as exc:
        return Status(422, invalid_input(exc.problems))
"""

from __future__ import annotations

from typing import Any, Iterable

from ninja import Schema

from onderwijsgids.errors import Problem, field_path

INVALID_INPUT = "Ongeldige invoer"
_PARAM_SOURCES = {"query", "path", "body", "form", "file", "header", "cookie"}


class Fout(Schema):  # one errors.Problem in JSON (see problem_json); its line is left out
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
    return field_path(parts)


def _in_dutch(error: dict[str, Any]) -> dict[str, Any]:
    """Pydantic lists allowed values as "'a', 'b' or 'c'"; make that "… of 'c'"."""
    expected = error.get("ctx", {}).get("expected")
    if isinstance(expected, str):
        error = {**error, "ctx": {**error["ctx"], "expected": expected.replace("' or '", "' of '")}}
    return error


def problem_json(problem: Problem) -> dict[str, str]:
    return {"veld": problem.field, "melding": problem.message}


def invalid_input(problems: Iterable[Problem], **extra: Any) -> dict[str, Any]:
    """The 422 body for ``problems``; ``extra`` keys (e.g. ``suggesties``) come beside them."""
    return {"detail": INVALID_INPUT, "fouten": [problem_json(p) for p in problems], **extra}


def form_problems(form) -> list[Problem]:
    """A bound Django form's errors as problems, one per message.

    Lets an endpoint validate with the same form as the page, so the rules live in one
    place; errors not tied to a field get the field "".
    """
    from django.forms.forms import NON_FIELD_ERRORS

    return [Problem("" if name == NON_FIELD_ERRORS else name, message)
            for name, messages in form.errors.items() for message in messages]


def invalid_input_body(errors: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The 422 body for pydantic/ninja errors, worded in Dutch."""
    from onderwijsgids.kb.loader import dutch_message

    return invalid_input(Problem(field_name(e.get("loc", ())), dutch_message(_in_dutch(e)))
                         for e in errors)
