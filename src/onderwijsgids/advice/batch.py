"""``onderwijsgids advies --batch``: many profiles, one advice per JSON line, on one core.

The same validation and the same advice as one ``onderwijsgids advies PROFIEL``, only cheaper
per line:

- a line is validated straight from its JSON bytes (``Profile.model_validate_json``); a line
  that fails goes through the ordinary path (:func:`parse_profile`), so the error message is
  exactly the one a single profile gets;
- an advice is encoded from plain dicts with one ``pydantic_core.to_json`` call (compact UTF-8,
  dates as ISO text, like ``model_dump_json``, but without walking the models' schema);
- the per-regeling ``spoor`` (trace, an extension beyond contract §3) makes a line about
  twice as long and is only written with ``--spoor``; without it the engine does not even
  record it (``advise(..., spoor=False)``);
- the cyclic garbage collector pauses while advices are built: an advice holds no reference
  cycles (refcounting frees it), and walking the engine's caches again and again cost more
  than building the advices. It still runs every :data:`COLLECT_EVERY` profiles.
"""

from __future__ import annotations

import gc
import json
from typing import Any, BinaryIO, Callable

from pydantic_core import to_json

from .engine import Advice, ProfileError, advise, parse_profile
from .engine.compiled import forget
from .engine.profile import Profile, _knowledge_errors

COLLECT_EVERY = 100_000  # a collection walks the engine caches: about 0.3 s


class LineError(ValueError):
    """A bad input line: ``str()`` is the Dutch message naming the line and the field."""


def parse_line(raw: bytes, number: int, kb: Any, source: str) -> Profile:
    """One JSON line as a validated profile (the fast path), or :class:`LineError`."""
    try:
        profile = Profile.model_validate_json(raw)
    except ValueError:  # ValidationError: let the ordinary path say what is wrong
        return _parse_slowly(raw, number, kb, source)
    if (profile.leerlingen or profile.scholing_medewerkers) and _knowledge_errors(
            profile, kb, None):
        return _parse_slowly(raw, number, kb, source)
    return profile


def _parse_slowly(raw: bytes, number: int, kb: Any, source: str) -> Profile:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "geen UTF-8"
        raise LineError(f"{source}: regel {number}: ongeldige JSON: {reason}") from None
    try:
        return parse_profile(data, kb)
    except ProfileError as exc:
        first = exc.fouten[0]
        raise LineError(f"{source}: regel {number}: veld '{first.veld}': "
                        f"{first.melding}") from None


def parse_lines(data: bytes, kb: Any, source: str) -> list[Profile]:
    """Every non-empty line as a profile; the first bad line raises :class:`LineError`."""
    return [parse_line(line, number, kb, source)
            for number, line in enumerate(data.splitlines(), start=1) if line.strip()]


def advice_line(advice: Advice, spoor: bool = False) -> bytes:
    """One advice as a JSON line, equal to ``Advice.model_dump(mode="json")`` (without each
    regeling's ``spoor`` unless asked for)."""
    if spoor:
        return advice.model_dump_json().encode() + b"\n"
    return to_json({
        "profiel": advice.profiel,
        "actiepunten": [_actiepunt(a) for a in advice.actiepunten],
        "regelingen": [_regeling(r) for r in advice.regelingen],
        "kwalificaties": advice.kwalificaties,
        "organisaties": advice.organisaties,
        "deadlines": [{"datum": d.datum, "wat": d.wat, "regeling": d.regeling}
                      for d in advice.deadlines],
    }) + b"\n"


def _regeling(r: Any) -> dict:
    return {"id": r.id, "status": r.status, "waarom": r.waarom, "ontbreekt": r.ontbreekt,
            "bronnen": r.bronnen, "deadline": r.deadline,
            "schatting_eur": r.schatting_eur, "titel": r.titel, "url": r.url}


def _actiepunt(a: Any) -> dict:
    return {"id": a.id, "prioriteit": a.prioriteit, "waarom": a.waarom, "stappen": a.stappen,
            "titel": a.titel, "url": a.url}


def write_advices(profiles: list[Profile], kb: Any, handle: BinaryIO, spoor: bool = False,
                  progress: Callable[[int], None] | None = None) -> None:
    """The advice of every profile, one JSON line each, in order."""
    was_enabled = gc.isenabled()
    gc.freeze()  # the knowledge base and the parsed profiles live until the end
    gc.disable()
    try:
        for done, profile in enumerate(profiles, start=1):
            handle.write(advice_line(advise(profile, kb, spoor=spoor), spoor))
            if progress is not None:
                progress(done)
            if done % COLLECT_EVERY == 0:
                gc.collect()
    finally:
        forget(kb)
        gc.unfreeze()
        if was_enabled:
            gc.enable()
