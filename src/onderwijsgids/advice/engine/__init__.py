"""The advice engine: from a company profile (contract §2) to an advice (contract §3).

Stable interface (used by the CLI, the API, the web route and the company workspace)::

    from onderwijsgids.advice.engine import Profile, Advice, advise, parse_profile, ProfileError

    profile = parse_profile({"cao": "metaal-en-techniek", "leerlingen": [...]}, kb)
    advice = advise(profile, kb)           # deterministic for the same profile and peildatum
    advice.model_dump(mode="json")         # the contract §3 document

- ``kb`` is an :class:`onderwijsgids.kb.KnowledgeBase`: ``load_knowledge_base(default_content_dir())``
  without a database, or ``onderwijsgids.content.services.current_kb()`` in Django. What can be
  precomputed per knowledge base is cached (:mod:`.compiled`), so one advice takes well under 1 ms.
- :class:`Profile` (:mod:`.profile`) is the validated profile; every field is optional and
  ``None`` means "not answered". :func:`parse_profile` raises :class:`ProfileError` whose
  ``fouten`` name each bad field in Dutch (and the YAML line when known).
- :class:`Advice` (:mod:`.model`) lists every regeling of the knowledge base exactly once, with
  ``status`` ja/misschien/nee, ``waarom`` sentences naming the answers they rest on and the source,
  ``ontbreekt`` (the fields that would settle a ``misschien``), a ``deadline``, an indicative
  ``schatting_eur`` only where a sourced figure allows it, and a ``spoor`` (trace).
- ``advise(profile, kb, spoor=False)`` skips recording the trace (``--batch`` without
  ``--spoor``): the advice is the same except that no regeling carries a ``spoor`` —
  ``model_dump`` leaves the key out (reading ``.spoor`` on such a result raises
  ``AttributeError``). Results with and without trace are cached apart.
- ``peildatum`` defaults to the real date (``today`` argument in tests).
- Treat an advice as read-only: the models are frozen, and parts of them (a regeling's result,
  trace entries) are shared between advices with the same answers.

Plain Python: no Django imports here, so the CLI needs no database.
"""

from __future__ import annotations

import datetime as dt
from operator import itemgetter
from typing import Any

from .compiled import CompiledKB, CompiledRegeling, compiled, remember
from .deadlines import collect_deadlines
from .evaluation import Evaluation
from .model import Actiepunt, Advice, Deadline, RegelingAdvies, Spoor, Toets, build
from .plan import actiepunten, kwalificaties, organisaties
from .profile import Fout, Profile, ProfileError, parse_profile, profile_from_text
from .rules import Rule, judging_plan

__all__ = ["Actiepunt", "Advice", "Deadline", "Fout", "Profile", "ProfileError",
           "RegelingAdvies", "Spoor", "Toets", "advise", "parse_profile", "profile_from_text"]

STATUS_ORDER = {"ja": 0, "misschien": 1, "nee": 2}
RESULT_CACHE_SIZE = 10_000  # about 3 kB each: bounded memory in a web worker
Outcome = tuple[RegelingAdvies, list[Deadline], tuple[int, dt.date, int]]


def advise(profile: Profile, kb: Any, today: dt.date | None = None, *,
           spoor: bool = True) -> Advice:
    """The advice for ``profile`` against knowledge base ``kb`` (see the module docstring)."""
    c = compiled(kb)
    peildatum = profile.peildatum or today or dt.date.today()
    plan = judging_plan(c)
    values = [read(profile) for read in plan.readers]  # each input read once, for every rule
    ordered = sorted([evaluate_regeling(c, regeling, rule, profile, peildatum,
                                        (regeling.id, peildatum, spoor, pick(values)), spoor)
                      for regeling, rule, pick in plan.rules], key=_rank)
    results = [result for result, _, _ in ordered]
    by_id = {result.id: result for result in results}
    points = actiepunten(profile, c, by_id)
    profiel = profile.model_dump(mode="json")
    profiel["peildatum"] = peildatum.isoformat()
    return build(
        Advice,
        profiel=profiel,
        actiepunten=points,
        regelingen=results,
        kwalificaties=kwalificaties(profile, c),
        organisaties=organisaties(profile, c, results, points),
        deadlines=collect_deadlines((d for _, d, _ in ordered), peildatum, c.order),
    )


_rank = itemgetter(2)  # ja before misschien before nee, then the soonest deadline, then content


def evaluate_regeling(c: CompiledKB, regeling: CompiledRegeling, rule: Rule, profile: Profile,
                      peildatum: dt.date, key: tuple, spoor: bool = True) -> Outcome:
    """One rule on one profile. A rule is a pure function of its declared inputs and the
    peildatum, so its (immutable) result is reused for the same ``key`` (those inputs, the
    peildatum and ``spoor``: a result with a trace is never served as one without)."""
    hit = c.results.get(key)
    if hit is not None:
        return hit
    evaluation = Evaluation(regeling, peildatum, spoor)
    rule.evaluate(profile, evaluation)
    result = evaluation.result()
    outcome = (result, list(evaluation.deadlines),
               (STATUS_ORDER[result.status], result.deadline or dt.date.max, regeling.order))
    return remember(c.results, key, outcome, RESULT_CACHE_SIZE)
