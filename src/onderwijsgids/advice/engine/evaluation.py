"""The builder a rule uses to record what it checked; it turns the record into a result.

A rule calls :meth:`Evaluation.condition` for each condition (``True`` met, ``False`` failed,
``None`` unknown because an answer is missing). The status follows mechanically:
any failed condition → ``nee``; else any unknown → ``misschien``; else ``ja``. So ``ja``
can never rest on a missing answer.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, Iterable

from onderwijsgids.dutch import dutch_date

from .compiled import CompiledRegeling, Param, remember, short_source
from .model import Deadline, ParameterGebruik, RegelingAdvies, Spoor, Toets, build

nl_date = dutch_date  # the engine's rules say nl_date; one formatter for the whole site


@lru_cache(maxsize=4096)
def eur(amount: Decimal | int | float) -> str:
    """``€2.700``: whole euros with a Dutch thousands separator."""
    value = Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return "€" + f"{int(value):,}".replace(",", ".")


def with_source(sentence: str, source: str | None) -> str:
    return f"{sentence} (bron: {short_source(source)})"


def cap(text: str) -> str:
    """First letter upper case, the rest untouched (``str.capitalize`` lowercases the rest)."""
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)
def param_text(param: Param) -> str:
    """A parameter value as Dutch text: dates in words, euros with €, percentages with %.

    Other units are left to the sentence, which names what is counted.
    """
    value = param.waarde
    if isinstance(value, dt.date):
        return nl_date(value)
    number = param.number() if not isinstance(value, str) else None
    if number is None:
        return str(value)
    unit = (param.eenheid or "").lower()
    if unit.startswith(("eur", "€")):
        return eur(number)
    if unit.startswith(("procent", "%")):
        return f"{number.normalize():f}%"
    return f"{number.normalize():f}"


class Evaluation:
    __slots__ = ("regeling", "peildatum", "spoor", "_failed", "_unknown", "_met", "_notes",
                 "_hints", "_missing", "_toetsen", "_judged", "_params", "_said", "_seen_params",
                 "_sources", "deadline", "deadlines", "schatting")

    def __init__(self, regeling: CompiledRegeling, peildatum: dt.date, spoor: bool = True):
        """With ``spoor=False`` no trace is recorded and the result carries none."""
        self.regeling = regeling
        self.peildatum = peildatum
        self.spoor = spoor
        self._failed: list[str] = []
        self._unknown: list[str] = []
        self._met: list[str] = []
        self._notes: list[str] = []
        self._hints: list[str] = []
        self._missing: list[str] = []
        self._toetsen: list[Toets] = []
        self._judged: set[str] = set()  # codes of the conditions listed, with or without trace
        self._params: list[ParameterGebruik] = []
        self._said: set[str] = set()
        self._seen_params: set[str] = set()  # Param.kind
        self._sources: list[str] = []
        self.deadline: dt.date | None = None
        self.deadlines: list[Deadline] = []
        self.schatting: int | None = None
        if regeling.bron:
            self._sources.append(regeling.bron)

    # --- recording ----------------------------------------------------------------------

    def _source(self, source: str | None) -> None:
        if source and source not in self._sources:
            self._sources.append(source)

    def voorwaarde(self, code: str) -> tuple[str, str | None]:
        """The condition's text and source in content (or the regeling's own source)."""
        return self.regeling.voorwaarden.get(code, (code, self.regeling.bron))

    def condition(self, code: str, ok: bool | None, sentence: str,
                  fields: Iterable[str] = ()) -> bool | None:
        fields = tuple(fields)
        key = (code, ok, sentence, fields)
        judged = self.regeling.toetsen.get(key)
        if judged is None:  # few distinct ones: worked out once per regeling, shared (immutable)
            judged = remember(self.regeling.toetsen, key,
                              self._judge(code, ok, sentence, fields), 10_000)
        text, source, toets = judged
        if source and source not in self._sources:
            self._sources.append(source)
        if text in self._said:
            return ok  # the same company-level condition, reached through another learner
        self._said.add(text)
        self._judged.add(code)
        if self.spoor:
            self._toetsen.append(toets)
        if ok is None:
            self._unknown.append(text)
            for name in fields:
                if name not in self._missing:
                    self._missing.append(name)
        elif ok:
            self._met.append(text)
        else:
            self._failed.append(text)
        return ok

    def _judge(self, code: str, ok: bool | None, sentence: str,
               fields: tuple[str, ...]) -> tuple[str, str | None, Toets]:
        """A condition's sentence with its source, and its trace entry."""
        tekst, source = self.voorwaarde(code)
        if code not in self.regeling.voorwaarden:
            tekst = sentence  # a condition the content does not list separately
        outcome = "voldaan" if ok else ("onbekend" if ok is None else "niet-voldaan")
        toets = build(Toets, code=code, uitkomst=outcome, tekst=tekst, velden=list(fields),
                      bron=source)
        return with_source(sentence, source), source, toets

    def arrange(self, code: str, sentence: str | None = None) -> None:
        """A condition the company arranges itself (not in the profile): listed, not scored."""
        key = (code, sentence)
        cached = self.regeling.arranged.get(key)
        if cached is None:  # the same for every advice: build once per regeling
            tekst, source = self.voorwaarde(code)
            cached = (build(Toets, code=code, uitkomst="zelf-regelen", tekst=tekst, velden=[],
                            bron=source),
                      with_source(sentence or f"Zorg ook voor: {tekst}", source), source)
            self.regeling.arranged[key] = cached
        toets, text, source = cached
        self._source(source)
        self._judged.add(code)
        if self.spoor:
            self._toetsen.append(toets)
        self._notes.append(text)

    def note(self, sentence: str, source: str | None = None) -> None:
        """Extra explanation shown with ``ja`` and ``misschien`` (amounts, windows, limits)."""
        self._source(source)
        self._notes.append(with_source(sentence, source) if source else sentence)

    def hint(self, sentence: str, source: str | None = None) -> None:
        """Explanation shown whatever the status (e.g. where else to go)."""
        self._source(source)
        self._hints.append(with_source(sentence, source) if source else sentence)

    def param(self, naam: str, schooljaar: str | None = None,
              on: dt.date | None = None) -> Param | None:
        found = self.regeling.param(naam, on or self.peildatum, schooljaar)
        if found is not None and found.kind not in self._seen_params:
            self._seen_params.add(found.kind)
            if self.spoor:
                self._params.append(found.usage)
            self._source(found.bron)
        return found

    def add_deadline(self, day: dt.date, wat: str, main: bool = True) -> None:
        self.deadlines.append(build(Deadline, datum=day, wat=wat, regeling=self.regeling.id))
        if main and (self.deadline is None or day < self.deadline):
            self.deadline = day

    @property
    def failed(self) -> bool:
        return bool(self._failed)

    # --- result ---------------------------------------------------------------------------

    def status(self) -> str:
        if self._failed:
            return "nee"
        if self._unknown:
            return "misschien"
        return "ja"

    def _remaining_conditions(self) -> None:
        """Conditions in content that no rule step judged: listed for the owner to arrange."""
        for code, sentence in self.regeling.reminders:
            if code not in self._judged:
                self.arrange(code, sentence)

    def result(self) -> RegelingAdvies:
        status = self.status()
        if status != "nee":
            self._remaining_conditions()
        if status == "nee":
            waarom = self._failed + self._hints
            deadlines: list[Deadline] = []
            schatting = None
        elif status == "misschien":
            waarom = self._unknown + self._met + self._notes + self._hints
            deadlines, schatting = self.deadlines, self.schatting
        else:
            waarom = self._met + self._notes + self._hints
            deadlines, schatting = self.deadlines, self.schatting
        self.deadlines = deadlines
        values: dict[str, Any] = dict(
            id=self.regeling.id, status=status, waarom=waarom,
            ontbreekt=list(self._missing) if status == "misschien" else [],
            bronnen=self._sources, deadline=self.deadline if deadlines else None,
            schatting_eur=schatting, titel=self.regeling.titel, url=self.regeling.url)
        if self.spoor:
            values["spoor"] = build(Spoor, voorwaarden=self._toetsen, parameters=self._params)
        return build(RegelingAdvies, **values)
