"""What a rule reads from a profile, declared as data: the key under which its result is reused.

A rule's ``INPUTS`` lists exactly the profile facts it looks at, as narrowly as its sentences
allow: SLIM reads whether ``medewerkers-scholen`` is among the goals, not the whole list of
goals, so every company with the same answer to that question shares one evaluation. The kinds:

- ``answer("medewerkers")``: the answer itself (lists as tuples of their items' values);
  ``answer("erkend_leerbedrijf", only_if=("leerlingen", "leerweg", {"bbl"}))`` reads it only
  when some learner has one of those values (recognition matters for bbl learners only);
- ``each("leerlingen", "leerweg", "crebo")``: these fields of every learner, in order (the
  position matters: sentences name "leerling 2"), or ``None`` when the list is not answered;
  ``each(..., extra=("start", "eind"), when=("leerweg", INTERNS))`` reads the extra fields
  only of the learners for whom the condition holds (a bbl learner's dates do not matter to
  the internship contribution);
- ``contains("doelen", "zij-instromers")``: whether the value was chosen, ``None`` when the
  question is not answered;
- ``count("scholing_medewerkers")``: how many, ``None`` when not answered;
- ``given("provincie")``: only whether the question was answered;
- ``group("cao", ("metalektro",), ("andere", "geen"))``: which of these groups the answer is in
  (any other answer, or none, is one more group).

Two tests keep the declarations honest (``tests/advice/test_properties.py``): one moves a
profile's declared inputs into another and checks that the rule's result does not change; one
compares 1,500 advices built with shared results against advices worked out afresh. A rule
that reads more than it declares fails them.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
from typing import Any, Callable, Hashable, NamedTuple

from ..profile import Profile


class Input(NamedTuple):
    kind: str
    name: str
    detail: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # each: fields read only when ``when`` holds for the item
    when: tuple[str, frozenset[Any]] | None = None
    groups: tuple[tuple[Any, ...], ...] = ()  # group: the groups of answers told apart
    only_if: tuple[str, str, frozenset[Any]] | None = None  # answer: read only when a list's
    # item has one of these values in this field (list, field, values)

    def read(self, profile: Profile) -> Hashable:
        return self.reader()(profile)

    def reader(self) -> Callable[[Profile], Hashable]:
        """A function from a profile to this input's value; made once, cheap to call."""
        return _reader(self)


@lru_cache(maxsize=256)
def _reader(spec: Input) -> Callable[[Profile], Hashable]:
    name, detail = spec.name, spec.detail
    if spec.kind == "each":
        pick = _fields(detail)
        if spec.when is None:
            return lambda p: None if (v := p.__dict__[name]) is None else tuple(
                [pick(thing.__dict__) for thing in v])
        field, values = spec.when
        pick_more = _fields(detail + spec.extra)
        return lambda p: None if (v := p.__dict__[name]) is None else tuple(
            [(pick_more if thing.__dict__[field] in values else pick)(thing.__dict__)
             for thing in v])
    if spec.kind == "contains":
        (wanted,) = detail
        return lambda p: None if (v := p.__dict__[name]) is None else wanted in v
    if spec.kind == "count":
        return lambda p: None if (v := p.__dict__[name]) is None else len(v)
    if spec.kind == "given":
        return lambda p: p.__dict__[name] is not None
    if spec.kind == "group":
        group_of = {value: index for index, group in enumerate(spec.groups) for value in group}
        return lambda p: group_of.get(p.__dict__[name], -1)
    if spec.only_if is not None:
        items, field, values = spec.only_if
        return lambda p: _answer(p.__dict__[name]) if any(
            thing.__dict__[field] in values for thing in p.__dict__[items] or ()) else NOT_READ
    return lambda p: _answer(p.__dict__[name])


NOT_READ = ...  # the value of an answer the rule does not look at for this profile


def _fields(names: tuple[str, ...]) -> Callable[[dict], tuple]:
    """The values of ``names`` in an item's ``__dict__``, always as a tuple."""
    if len(names) == 1:
        (only,) = names
        return lambda d: (d[only],)
    if not names:
        return lambda d: ()
    return itemgetter(*names)


def answer(name: str, only_if: tuple[str, str, Any] | None = None) -> Input:
    return Input("answer", name, only_if=None if only_if is None else (
        only_if[0], only_if[1], frozenset(only_if[2])))


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


def group(name: str, *groups: tuple[Any, ...]) -> Input:
    return Input("group", name, groups=groups)


def _answer(value: Any) -> Hashable:
    if isinstance(value, list):
        return tuple(tuple(v.__dict__.values()) if hasattr(v, "__dict__") else v for v in value)
    return value
