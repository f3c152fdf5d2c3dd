"""The engine's one memo, at its boundary: a regeling's result is reused for a profile that
gives the same answers to every question its rule asked.

Nobody declares what a rule reads: the engine finds out. A rule runs on a :class:`Reading` of
the profile, which records each answer read (its path, e.g. ``("leerlingen", 0, "start")``, and
its value). The recorded reads of all evaluations of one regeling form a tree: the first
question the rule asked; below it, per answer, the next question; and so on down to the result.
A rule is a deterministic function of the answers it reads and the peildatum (both part of the
key), so a profile whose answers lead down an existing path gets exactly that result without
running the rule. The memo is bounded: past :data:`LIMIT` results it starts afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable

from pydantic import BaseModel

LIMIT = 100_000  # results kept per knowledge base
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Items:
    """The answer "a list of this many items" (the items' own answers are read one by one)."""

    count: int


def answer(value: Any) -> Hashable:
    """A read value as the memo compares it."""
    if isinstance(value, list):
        if value and isinstance(value[0], BaseModel):
            return Items(len(value))
        return tuple(value)
    return value


class Reading:
    """A read-only view of a profile (or one of its items) that records what is read.

    Only the first read of an answer goes through :meth:`__getattr__` (which records it); it
    is then kept on the view, so reading it again costs what reading any attribute costs."""

    def __init__(self, target: Any, path: Path, reads: dict[Path, Hashable]):
        self._target, self._path, self._reads = target, path, reads

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._target, name)
        path = self._path + (name,)
        self._reads.setdefault(path, answer(value))
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value = tuple(Reading(item, path + (i,), self._reads) for i, item in enumerate(value))
        self.__dict__[name] = value
        return value


def resolve(profile: Any, path: Path) -> Hashable:
    """The answer at ``path`` in ``profile``, as :class:`Reading` recorded it."""
    value = profile
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return answer(value)


@dataclass
class Node:
    question: Path | None = None  # None: a leaf, or not asked yet
    below: dict[Hashable, "Node"] = field(default_factory=dict)
    result: Any = None
    done: bool = False


@dataclass
class Memo:
    roots: dict[Hashable, Node] = field(default_factory=dict)
    size: int = 0

    def get_or_run(self, key: Hashable, profile: Any, run: Callable[[Any], Any]) -> Any:
        """The result for ``profile`` under ``key``: reused, or ``run(Reading(profile))``."""
        node: Node | None = self.roots.get(key)
        while node is not None and not node.done and node.question is not None:
            node = node.below.get(resolve(profile, node.question))
        if node is not None and node.done:
            return node.result
        reads: dict[Path, Hashable] = {}
        result = run(Reading(profile, (), reads))
        self._store(key, reads, result)
        return result

    def _store(self, key: Hashable, reads: dict[Path, Hashable], result: Any) -> None:
        if self.size >= LIMIT:
            self.roots.clear()
            self.size = 0
        node = self.roots.setdefault(key, Node())
        for path, value in reads.items():  # in the order the rule asked
            if node.done or node.question not in (None, path):
                return  # another thread stored a different path meanwhile: keep that one
            node.question = path
            node = node.below.setdefault(value, Node())
        node.result, node.done = result, True
        self.size += 1
