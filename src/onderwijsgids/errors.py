"""One value for bad input, from the knowledge base to the API and the command line.

A :class:`Problem` says what is wrong (``message``, Dutch), with what (``field``: a path such
as ``leerlingen[0].start``, a CSV column, a query parameter, or "" for the input as a whole)
and where (``line``, and ``file`` when the input came from one). Every place that refuses input
builds this one value; each channel renders it in its own form:

- the command line: one line per problem on stderr, ``file:line: veld 'field': message``
  (``str(problem)``), exit code 2 (:mod:`onderwijsgids.cli`);
- the API: 422 with ``{"detail": "Ongeldige invoer", "fouten": [{"veld", "melding"}]}``
  (:mod:`onderwijsgids.api_errors`);
- pages: the error summary and the message beside its field (the templates).

Exceptions that refuse input derive from :class:`InvalidInput` and carry their problems.
No web imports: the domain modules (``kb``, the engines, ``workspace.domain``) raise these.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with some input: the field, a Dutch message, the line and file if known."""

    field: str
    message: str
    line: int | None = None
    file: str = ""

    def in_file(self, file: str, line: int | None = None) -> Problem:
        """The same problem, located in ``file`` (and at ``line``, when given)."""
        return replace(self, file=file, line=self.line if line is None else line)

    def __str__(self) -> str:
        """``file:line: veld 'field': message``, leaving out what is not known."""
        if self.file:
            where = f"{self.file}:{self.line}" if self.line else self.file
        else:
            where = f"regel {self.line}" if self.line else ""
        what = f"veld '{self.field}': {self.message}" if self.field else self.message
        return f"{where}: {what}" if where else what


class InvalidInput(ValueError):
    """Input refused: ``problems`` lists every problem found (at least one)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def problem(self) -> Problem:
        """The first problem (for channels that show one)."""
        return self.problems[0]


def field_path(loc: Iterable[Any]) -> str:
    """A location as a user writes it: ``('leerlingen', 0, 'crebo')`` → ``leerlingen[0].crebo``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
