"""What a rule reads from a profile, declared as data: the key under which its result is reused.

A rule's ``INPUTS`` lists exactly the profile facts it looks at, as narrowly as its sentences
allow: SLIM reads whether ``medewerkers-scholen`` is among the goals, not the whole list of
goals, so every company with the same answer to that question shares one evaluation. Five kinds:

- ``answer("cao")``: the answer itself (lists as tuples of their items' values);
- ``each("leerlingen", "leerweg", "crebo")``: these fields of every learner, in order (the
  position matters: sentences name "leerling 2"), or ``None`` when the list is not answered;
  ``each(..., extra=("start", "eind"), when=("leerweg", INTERNS))`` reads the extra fields
  only of the learners for whom the condition holds (a bbl learner's dates do not matter to
  the internship contribution);
- ``contains("doelen", "zij-instromers")``: whether the value was chosen, ``None`` when the
  question is not answered;
- ``count("scholing_medewerkers")``: how many, ``None`` when not answered;
- ``given("provincie")``: only whether the question was answered.

A property test moves one profile's declared inputs into another and checks that the rule's
result does not change, so a rule that reads more than it declares fails the suite.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, NamedTuple

from ..profile import Profile


class Input(NamedTuple):
    kind: str
    name: str
    detail: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # each: fields read only when ``when`` holds for the item
    when: tuple[str, frozenset[Any]] | None = None

    def read(self, profile: Profile) -> Hashable:
        value = getattr(profile, self.name)
        if self.when is not None and value is not None:
            return _each_when(value, self.detail, self.extra, self.when)
        return _READERS[self.kind](value, self.detail)


def answer(name: str) -> Input:
    return Input("answer", name)


def each(name: str, *fields: str, extra: tuple[str, ...] = (),
         when: tuple[str, Any] | None = None) -> Input:
    if (extra == ()) != (when is None):
        raise ValueError("each(): extra and when go together")
    return Input("each", name, fields, extra,
                 None if when is None else (when[0], frozenset(when[1])))


def contains(name: str, value: str) -> Input:
    return Input("contains", name, (value,))


def count(name: str) -> Input:
    return Input("count", name)


def given(name: str) -> Input:
    return Input("given", name)


def _answer(value: Any, _detail: tuple[str, ...]) -> Hashable:
    if isinstance(value, list):
        return tuple(tuple(v.__dict__.values()) if hasattr(v, "__dict__") else v for v in value)
    return value


def _each(value: Any, fields: tuple[str, ...]) -> Hashable:
    if value is None:
        return None
    return tuple(tuple(map(thing.__dict__.__getitem__, fields)) for thing in value)


def _each_when(value: Any, fields: tuple[str, ...], extra: tuple[str, ...],
               when: tuple[str, frozenset[Any]]) -> Hashable:
    field, values = when
    return tuple(
        tuple(map(thing.__dict__.__getitem__,
                  fields + extra if thing.__dict__[field] in values else fields))
        for thing in value)


def _contains(value: Any, detail: tuple[str, ...]) -> Hashable:
    return None if value is None else detail[0] in value


def _count(value: Any, _detail: tuple[str, ...]) -> Hashable:
    return None if value is None else len(value)


def _given(value: Any, _detail: tuple[str, ...]) -> Hashable:
    return value is not None


_READERS: dict[str, Callable[[Any, tuple[str, ...]], Hashable]] = {
    "answer": _answer, "each": _each, "contains": _contains, "count": _count, "given": _given,
}
