"""``onderwijsgids advies --batch``: many profiles, one advice per JSON line, on one core.

The same validation and the same advice as one ``onderwijsgids advies PROFIEL``, only cheaper
per line:

- a line is validated straight from its JSON bytes (``Profile.model_validate_json``); a line
  that fails goes through the ordinary path (:func:`parse_profile`), so the error message is
  exactly the one a single profile gets;
- an advice is encoded from plain dicts with ``pydantic_core.to_json`` (compact UTF-8, dates
  as ISO text, like ``model_dump_json``, but without walking the models' schema), and the
  parts that advices share (a regeling's result, an action point: the engine hands out the
  same object for the same answers) are encoded once (:class:`Fragments`);
- the per-regeling ``spoor`` (trace, an extension beyond contract §3) makes a line about
  twice as long and is only written with ``--spoor``; without it the engine does not even
  record it (``advise(..., spoor=False)``). A result with a trace is encoded the same way,
  once, its trace included;
- the cyclic garbage collector pauses while lines are parsed and advices are built: neither
  holds reference cycles (refcounting frees them), and walking the growing heap again and
  again cost more than the work itself. It still runs every :data:`COLLECT_EVERY` profiles;
- advices are written in chunks of :data:`WRITE_EVERY` lines.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Any, BinaryIO, Callable, Iterator

from pydantic_core import to_json

from onderwijsgids import bounded

from .engine import Advice, ProfileError, advise, parse_profile
from .engine.compiled import forget, remember
from .engine.profile import Profile, _knowledge_errors

COLLECT_EVERY = 100_000  # a collection walks the engine caches: about 0.3 s
WRITE_EVERY = 64  # lines per write


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
        data = bounded.load_json(raw)
    except bounded.InputRefused as exc:
        raise LineError(f"{source}: regel {number}: ongeldige JSON: {exc.message}") from None
    try:
        return parse_profile(data, kb)
    except ProfileError as exc:
        first = exc.fouten[0]
        raise LineError(f"{source}: regel {number}: veld '{first.veld}': "
                        f"{first.melding}") from None


def parse_lines(data: bytes, kb: Any, source: str) -> list[Profile]:
    """Every non-empty line as a profile; the first bad line raises :class:`LineError`."""
    with _paused_gc():  # profiles hold no reference cycles; collecting while they pile up
        return [parse_line(line, number, kb, source)  # took about 40 % of the parsing time
                for number, line in enumerate(data.splitlines(), start=1) if line.strip()]


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """The cyclic garbage collector pauses. On a normal way out, what was made meanwhile is
    frozen (``gc.freeze()``) rather than walked: re-enabling the collector would otherwise
    start a collection over everything allocated while it was off (about 5 % of a batch's
    time), and batch data holds no reference cycles. :func:`write_advices` unfreezes at its
    end, after its caches are released."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def advice_line(advice: Advice, fragments: "Fragments | None" = None) -> bytes:
    """One advice as a JSON line, equal to ``Advice.model_dump(mode="json")`` (each regeling
    with its ``spoor`` only when the advice was made with one). With ``fragments``, the parts
    that advices share (a regeling's result, an action point) are encoded once and reused."""
    encode = (fragments if fragments is not None else Fragments()).encode
    return b"".join((
        b'{"profiel":', to_json(advice.profiel),
        b',"actiepunten":[', b",".join([encode(a) for a in advice.actiepunten]),
        b'],"regelingen":[', b",".join([encode(r) for r in advice.regelingen]),
        b'],"kwalificaties":', to_json(advice.kwalificaties),
        b',"organisaties":', to_json(advice.organisaties),
        b',"deadlines":', to_json([{"datum": d.datum, "wat": d.wat, "regeling": d.regeling}
                                   for d in advice.deadlines]),
        b"}\n"))


class Fragments:
    """Encoded JSON of output parts that advices share, by object identity.

    The engine hands out the same (immutable) result object to every advice with the same
    answers, and the same condition and parameter entries to every trace; encoding each once
    saves most of the encoding. Each entry keeps its object alive, so an identity is never
    reused for another object while it is remembered.
    """

    LIMIT = 20_000

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, bytes]] = {}

    def encode(self, part: Any) -> bytes:
        """A result, action point or trace entry as its JSON object."""
        hit = self._known.get(id(part))
        if hit is not None:
            return hit[1]
        encoded = self._encode_fields(part.__dict__)
        remember(self._known, id(part), (part, encoded), self.LIMIT)
        return encoded

    def _encode_fields(self, fields: dict) -> bytes:
        """The fields a part was built with (:func:`~.engine.model.build`), in the order of the
        contract. A result made without a trace has no ``spoor`` at all; one made with it has
        the trace as its last field, encoded from its shared entries. The batch tests compare
        every line with ``Advice.model_dump``, with and without trace."""
        trace = fields.get("spoor")
        if trace is None:
            return to_json(fields)
        head = to_json({name: value for name, value in fields.items() if name != "spoor"})
        return b"".join((
            head[:-1], b',"spoor":{"voorwaarden":[',
            b",".join([self.encode(toets) for toets in trace.voorwaarden]),
            b'],"parameters":[', b",".join([self.encode(used) for used in trace.parameters]),
            b"]}}"))


def write_advices(profiles: list[Profile], kb: Any, handle: BinaryIO, spoor: bool = False,
                  progress: Callable[[int], None] | None = None) -> None:
    """The advice of every profile, one JSON line each, in order."""
    gc.freeze()  # the knowledge base and the profiles live until the end: never walked
    fragments = Fragments()
    pending: list[bytes] = []  # lines are ~12 kB: written in chunks, not a system call each
    try:
        with _paused_gc():
            for done, profile in enumerate(profiles, start=1):
                pending.append(advice_line(advise(profile, kb, spoor=spoor), fragments))
                if len(pending) == WRITE_EVERY:
                    handle.write(b"".join(pending))
                    pending.clear()
                if progress is not None:
                    progress(done)
                if done % COLLECT_EVERY == 0:
                    gc.collect()
            handle.write(b"".join(pending))
    finally:
        forget(kb)
        gc.unfreeze()
