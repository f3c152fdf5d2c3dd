"""``onderwijsgids advies --batch``: many profiles, one advice per JSON line.

The same validation and the same advice as one ``onderwijsgids advies PROFIEL``: each line goes
through :func:`parse_profile` (a bad line gets exactly the message a single profile gets, with
its line number) and each advice is written as the model's own JSON
(``Advice.model_dump_json()``). The per-regeling ``spoor`` (trace) is only written with
``--spoor``. Lines are written in chunks of :data:`WRITE_EVERY`.

The cyclic garbage collector pauses during a batch: profiles, advices and the engine's memo
hold no reference cycles (reference counting frees them), and walking the growing memo again
and again took more time than the advice itself (measured: about three quarters of a batch).
"""

from __future__ import annotations

import contextlib
import gc
from typing import BinaryIO, Callable, Iterator

from onderwijsgids import bounded
from onderwijsgids.errors import InvalidInput, Problem
from onderwijsgids.kb import KnowledgeBase

from .engine import Advice, ProfileError, advise, parse_profile
from .engine.compiled import forget
from .engine.profile import Profile

WRITE_EVERY = 64  # lines per write


class LineError(InvalidInput):
    """A bad input line: its problems are located at the line of the batch file (``source``)."""


def parse_line(raw: bytes, number: int, kb: KnowledgeBase, source: str) -> Profile:
    """One JSON line as a validated profile, or :class:`LineError`."""
    try:
        data = bounded.load_json(raw)
    except bounded.InputRefused as exc:
        raise LineError([Problem("", f"ongeldige JSON: {exc.message}", number, source)]) from None
    try:
        return parse_profile(data, kb)
    except ProfileError as exc:
        raise LineError([exc.problem.in_file(source, number)]) from None


@contextlib.contextmanager
def without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (see the module docstring)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_lines(data: bytes, kb: KnowledgeBase, source: str) -> list[Profile]:
    """Every non-empty line as a profile; the first bad line raises :class:`LineError`."""
    with without_cyclic_gc():
        return [parse_line(line, number, kb, source)
                for number, line in enumerate(data.splitlines(), start=1) if line.strip()]


def advice_line(advice: Advice) -> bytes:
    """One advice as a JSON line: the model's own JSON."""
    return advice.model_dump_json().encode() + b"\n"


def write_advices(profiles: list[Profile], kb: KnowledgeBase, handle: BinaryIO, spoor: bool = False,
                  progress: Callable[[int], None] | None = None) -> None:
    """The advice of every profile, one JSON line each, in order."""
    pending: list[bytes] = []
    with without_cyclic_gc():
        try:
            for done, profile in enumerate(profiles, start=1):
                pending.append(advice_line(advise(profile, kb, spoor=spoor)))
                if len(pending) == WRITE_EVERY:
                    handle.write(b"".join(pending))
                    pending.clear()
                if progress is not None:
                    progress(done)
            handle.write(b"".join(pending))
        finally:
            forget(kb)  # the batch's memo is released here: left to interpreter shutdown,
            # releasing it took longer than a third of the batch
