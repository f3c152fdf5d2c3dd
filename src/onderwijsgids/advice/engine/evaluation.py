"""The record a rule keeps while it judges one regeling for one profile; it turns into the result.

A rule calls :meth:`Evaluation.condition` for each condition (``True`` met, ``False`` failed,
``None`` unknown because an answer is missing). The status follows mechanically: any failed
condition → ``nee``; else any unknown → ``misschien``; else ``ja``. So ``ja`` never rests on a
missing answer. Sentences are given in words by the rule (from its ``ZINNEN``); the field
names a condition rests on go only into ``ontbreekt`` and the trace.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from .compiled import CompiledKB, CompiledRegeling, Param, short_source
from .model import Deadline, ParameterGebruik, Periode, RegelingAdvies, Spoor, Toets


def with_source(sentence: str, source: str | None, hosts: dict[str, str] | None = None) -> str:
    host = (hosts or {}).get(source or "") or short_source(source)
    return f"{sentence} (bron: {host})"


class Evaluation:
    def __init__(self, regeling: CompiledRegeling, kb: CompiledKB, peildatum: dt.date,
                 spoor: bool = True):
        """With ``spoor=False`` no trace is kept and the result carries none."""
        self.regeling, self.kb, self.peildatum, self.spoor = regeling, kb, peildatum, spoor
        self._failed: list[str] = []
        self._unknown: list[str] = []
        self._met: list[str] = []
        self._notes: list[str] = []
        self._hints: list[str] = []
        self._missing: list[str] = []
        self._toetsen: list[Toets] = []
        self._judged: set[str] = set()
        self._params: dict[tuple[str, str | None], ParameterGebruik] = {}
        self._sources: list[str] = [regeling.bron] if regeling.bron else []
        self.deadline: dt.date | None = None
        self.deadlines: list[Deadline] = []
        self.schatting: int | None = None
        self.perioden: list[Periode] | None = None

    # --- recording ----------------------------------------------------------------------

    def _source(self, source: str | None) -> None:
        if source and source not in self._sources:
            self._sources.append(source)

    def voorwaarde(self, code: str) -> tuple[str, str | None]:
        """The condition's text and source in content (or the regeling's own source)."""
        return self.regeling.voorwaarden.get(code, (code, self.regeling.bron))

    def condition(self, code: str, ok: bool | None, sentence: str,
                  fields: Iterable[str] = ()) -> bool | None:
        """Record one condition; ``fields`` are the profile fields it rests on."""
        tekst, source = self.voorwaarde(code)
        text = with_source(sentence, source, self.kb.hosts)
        self._source(source)
        if text in self._met or text in self._failed or text in self._unknown:
            return ok  # the same company-level condition, reached through another learner
        self._judged.add(code)
        fields = list(fields)
        if self.spoor:
            outcome = "voldaan" if ok else ("onbekend" if ok is None else "niet-voldaan")
            self._toetsen.append(Toets.model_construct(
                code=code, uitkomst=outcome, velden=fields, bron=source,
                tekst=tekst if code in self.regeling.voorwaarden else sentence))
        if ok is None:
            self._unknown.append(text)
            self._missing += [name for name in fields if name not in self._missing]
        elif ok:
            self._met.append(text)
        else:
            self._failed.append(text)
        return ok

    def not_applicable(self, code: str) -> None:
        """A condition in content that does not concern this profile (not listed)."""
        self._judged.add(code)

    def arrange(self, code: str, sentence: str | None = None) -> None:
        """A condition the company arranges itself (not in the profile): listed, not scored."""
        tekst, source = self.voorwaarde(code)
        self._source(source)
        self._judged.add(code)
        if self.spoor:
            self._toetsen.append(Toets.model_construct(code=code, uitkomst="zelf-regelen",
                                                       tekst=tekst, velden=[], bron=source))
        self._notes.append(with_source(sentence or f"Zorg ook voor: {tekst}", source, self.kb.hosts))

    def note(self, sentence: str, source: str | None = None) -> None:
        """Extra explanation shown with ``ja`` and ``misschien`` (amounts, windows, limits)."""
        self._source(source)
        self._notes.append(with_source(sentence, source, self.kb.hosts) if source else sentence)

    def hint(self, sentence: str, source: str | None = None) -> None:
        """Explanation shown whatever the status (e.g. where else to go)."""
        self._source(source)
        self._hints.append(with_source(sentence, source, self.kb.hosts) if source else sentence)

    def param(self, naam: str, schooljaar: str | None = None,
              on: dt.date | None = None) -> Param | None:
        found = self.regeling.param(naam, on or self.peildatum, schooljaar)
        if found is not None:
            self._source(found.bron)
            if self.spoor:
                self._params.setdefault((found.naam, found.schooljaar),
                                        ParameterGebruik.model_construct(
                                            naam=found.naam, waarde=found.text(),
                                            schooljaar=found.schooljaar, bron=found.bron))
        return found

    def add_deadline(self, day: dt.date, wat: str, main: bool = True) -> None:
        self.deadlines.append(Deadline.model_construct(datum=day, wat=wat,
                                                       regeling=self.regeling.id))
        if main and (self.deadline is None or day < self.deadline):
            self.deadline = day

    @property
    def failed(self) -> bool:
        return bool(self._failed)

    # --- result ---------------------------------------------------------------------------

    def status(self) -> str:
        return "nee" if self._failed else ("misschien" if self._unknown else "ja")

    def result(self) -> RegelingAdvies:
        status = self.status()
        if status != "nee":  # conditions in content that no rule step judged: to arrange
            for code in self.regeling.voorwaarden:
                if code not in self._judged:
                    self.arrange(code, "Let ook op: " + self.voorwaarde(code)[0])
        if status == "nee":
            waarom = self._failed + self._hints
            self.deadlines, self.schatting = [], None
        elif status == "misschien":
            waarom = self._unknown + self._met + self._notes + self._hints
        else:
            waarom = self._met + self._notes + self._hints
        # Built from values of the right types (model_construct skips validating them again;
        # the property tests check every advice against the schema).
        return RegelingAdvies.model_construct(
            id=self.regeling.id, status=status, waarom=waarom,
            ontbreekt=list(self._missing) if status == "misschien" else [],
            bronnen=self._sources, deadline=self.deadline if self.deadlines else None,
            schatting_eur=self.schatting, titel=self.regeling.titel, url=self.regeling.url,
            perioden=self.perioden,
            spoor=Spoor.model_construct(voorwaarden=self._toetsen,
                                        parameters=list(self._params.values()))
            if self.spoor else None)
