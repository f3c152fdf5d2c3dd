"""The advice engine: from a company profile (contract §2) to an advice (contract §3).

Stable interface (used by the CLI, the API, the web route and the company workspace)::

    from onderwijsgids.advice.engine import Profile, Advice, advise, parse_profile, ProfileError

    profile = parse_profile({"cao": "metaal-en-techniek", "leerlingen": [...]}, kb)
    advice = advise(profile, kb)           # deterministic for the same profile and peildatum
    advice.model_dump(mode="json")         # the contract §3 document

- ``kb`` is an :class:`onderwijsgids.kb.KnowledgeBase`: ``load_knowledge_base(default_content_dir())``
  without a database, or ``onderwijsgids.content.services.current_kb()`` in Django.
- :class:`Profile` (:mod:`.profile`) is the validated profile; every field is optional and
  ``None`` means "not answered". :func:`parse_profile` raises :class:`ProfileError` whose
  ``problems`` (:class:`onderwijsgids.errors.Problem`) name each bad field in Dutch (and the
  YAML line when known).
- :class:`Advice` (:mod:`.model`) lists every regeling of the knowledge base exactly once, with
  ``status`` ja/misschien/nee, ``waarom`` sentences that name the answers in words, ``ontbreekt``
  (the fields that would settle a ``misschien``), a ``deadline``, an indicative ``schatting_eur``
  only where a sourced figure allows it, ``perioden`` (per learner and study year, on the
  regelingen judged that way: every other part of the product shows these) and a ``spoor``.
- ``advise(profile, kb, spoor=False)`` leaves the trace out (``--batch`` without ``--spoor``).
- ``peildatum`` defaults to the real date (``today`` argument in tests).

Each regeling's law is one module in :mod:`.rules`; this module only runs them. Plain Python:
no Django imports here, so the CLI needs no database.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.vocabulary import STATUSES

from .acties import actie_deadlines, acties
from .compiled import CompiledKB, CompiledRegeling, compiled
from .deadlines import collect_deadlines
from .evaluation import Evaluation
from .model import (
    Actie, Actiepunt, Advice, Deadline, Ontgrendeling, Periode, RegelingAdvies, Spoor, Toets, Venster,
)
from .plan import actiepunten, kwalificaties, organisaties
from .profile import Profile, ProfileError, parse_profile, profile_from_text
from .rules import rule_for

__all__ = ["Actie", "Actiepunt", "Advice", "Deadline", "Ontgrendeling", "Periode", "Profile",
           "ProfileError", "RegelingAdvies", "Spoor", "Toets", "Venster", "advise",
           "parse_profile", "profile_from_text"]

STATUS_ORDER = {status: position for position, status in enumerate(STATUSES)}  # best first


def advise(profile: Profile, kb: KnowledgeBase, today: dt.date | None = None, *,
           spoor: bool = True) -> Advice:
    """The advice for ``profile`` against knowledge base ``kb`` (see the module docstring)."""
    c = compiled(kb)
    peildatum = profile.peildatum or today or dt.date.today()
    judged = [judge(c, regeling, profile, peildatum, spoor) for regeling in c.regelingen]
    judged.sort(key=lambda pair: (STATUS_ORDER[pair[0].status], pair[0].deadline or dt.date.max,
                                  c.by_id[pair[0].id].order))
    results = [result for result, _ in judged]
    by_id = {result.id: result for result in results}
    points = actiepunten(profile, c, by_id)
    profiel = profile.model_dump(mode="json")
    profiel["peildatum"] = peildatum.isoformat()

    def rejudge(changed: Profile, ids: Iterable[str]) -> list[RegelingAdvies]:
        # The same memo key as above: a rule that did not read the changed answer is reused.
        return [judge(c, c.by_id[i], changed, peildatum, spoor)[0] for i in ids]

    todo = acties(profile, c, results, peildatum, rejudge)
    rule_deadlines = [d for _, group in judged for d in group]
    return Advice.model_construct(  # parts built by the engine, already of the right types
        profiel=profiel,
        actiepunten=points,
        regelingen=results,
        kwalificaties=kwalificaties(profile, c),
        organisaties=organisaties(profile, c, results, points),
        deadlines=collect_deadlines(
            [rule_deadlines, actie_deadlines(todo, c, rule_deadlines)], peildatum, c.order),
        acties=todo,
    )


def judge(c: CompiledKB, regeling: CompiledRegeling, profile: Profile, peildatum: dt.date,
          spoor: bool = True) -> tuple[RegelingAdvies, list[Deadline]]:
    """One regeling's rule on one profile: its result and its deadlines (reused through the
    engine's one memo, :mod:`.memo`, for a profile with the same answers to what it read)."""
    def run(reading: Profile) -> tuple[RegelingAdvies, list[Deadline]]:
        # ``reading`` is the memo's recording view of ``profile`` (memo.Reading), read alike.
        evaluation = Evaluation(regeling, c, peildatum, spoor)
        rule_for(regeling.id)(reading, evaluation)
        result = evaluation.result()
        return result, evaluation.deadlines

    return c.memo.get_or_run((regeling.id, peildatum, spoor), profile, run)
