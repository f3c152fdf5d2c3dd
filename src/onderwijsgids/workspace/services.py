"""Reading company data for advice and deadlines; refreshing the stored deadlines.

Every fact about a regeling comes from the advice engine (:func:`advise`): per learner its
``perioden`` (weeks, estimate, window per study year), and the deadlines. The workspace only
stores and shows them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from typing import Any, Iterable

from django.db import transaction
from django.utils import timezone

from onderwijsgids.advice.engine.compiled import compiled

from .domain.deadlines import (
    PRAKTIJKLEREN, DeadlineSpec, EngineResults, LearnerData, company_deadlines, regeling_of,
)
from .domain.values import PROFILE_FIELDS
from .domain.doe_dit_nu import DoeDitNu, with_states
from .models import Application, Company, Deadline, Learner, StaffTraining


def today() -> dt.date:
    return timezone.localdate()


def current_kb():
    from onderwijsgids.content.services import current_kb as load

    return load()


def kb_ids(kind: str, kb=None) -> dict[str, str]:
    """The IDs of the knowledge base's items of one type, with their titles."""
    kb = kb or current_kb()
    return {item.id: item.titel for item in kb.of_type(kind)}


def known_crebos() -> set[str]:
    """The crebo codes of the guide's qualifications (a learner's crebo is one of these)."""
    return set(kb_ids("kwalificatie"))


def known_regelingen() -> set[str]:
    """The IDs of the guide's regelingen (what can be applied for)."""
    return set(kb_ids("regeling"))


def one_line(text: str) -> str:
    """Stored text as the profile's one-line text: rows saved before single-line fields refused
    CR/LF (or NUL) must not stop a company's advice, deadlines or reminders."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", text).split())


def learner_profile(learner: Learner) -> dict[str, Any]:
    data: dict[str, Any] = {"leerweg": learner.leerweg, "start": learner.start.isoformat(),
                            "eind": learner.eind.isoformat(), "via_bvm": learner.via_bvm}
    if learner.crebo:
        data["crebo"] = learner.crebo
    if learner.praktijkovereenkomst:
        data["praktijkovereenkomst"] = learner.praktijkovereenkomst.isoformat()
    if learner.hbo_domein and learner.leerweg.startswith("hbo"):
        data["hbo_domein"] = learner.hbo_domein
    if learner.leerwerktraject is not None and learner.leerweg == "vmbo":
        data["leerwerktraject"] = learner.leerwerktraject
    if learner.aangevraagd:
        data["aangevraagd"] = list(learner.aangevraagd)
    return data


def training_profile(training: StaffTraining) -> dict[str, Any]:
    data: dict[str, Any] = {"omschrijving": one_line(training.omschrijving),
                            "start": training.start.isoformat(),
                            "aangevraagd": list(training.aangevraagd or [])}
    if training.kosten_eur is not None:
        data["kosten_eur"] = training.kosten_eur
    return data


def profile_data(company: Company, learners: Iterable[Learner] | None = None,
                 trainings: Iterable[StaffTraining] | None = None,
                 peildatum: dt.date | None = None) -> dict[str, Any]:
    """The company as a contract §2 profile (learners without names: advice needs none)."""
    learners = company.learners.all() if learners is None else learners
    trainings = company.trainings.all() if trainings is None else trainings
    data: dict[str, Any] = {}
    for name in PROFILE_FIELDS:
        value = getattr(company, name)
        if isinstance(value, str):
            value = one_line(value)
        if value not in (None, "", []):
            data[name] = value
    data["peildatum"] = (peildatum or today()).isoformat()
    data["leerlingen"] = [learner_profile(learner) for learner in learners]
    data["scholing_medewerkers"] = [training_profile(t) for t in trainings]
    return data


@lru_cache(maxsize=4096)
def _advice_for(profile_json: str, digest: str):
    from onderwijsgids.advice.engine import advise, parse_profile

    kb = current_kb()
    return advise(parse_profile(json.loads(profile_json), kb), kb)


def advice_for_profile(data: dict[str, Any]):
    """Advice for a profile dict, memoised per content release (demo and refresh reuse it)."""
    kb = current_kb()
    return _advice_for(json.dumps(data, sort_keys=True, default=str), kb.digest)


def company_advice(company: Company):
    return advice_for_profile(profile_data(company))


def doe_dit_nu(company: Company) -> DoeDitNu:
    """The ``acties`` of :func:`company_advice` (the document ``GET …/advies`` returns), each
    with the state the company keeps of it."""
    states = dict(company.action_states.values_list("actie", "staat"))
    return with_states(company_advice(company).acties, states)


def engine_results(company: Company, learners: list[Learner],
                   trainings: list[StaffTraining]) -> EngineResults:
    """Ask the engine per learner and per course (so each deadline keeps its owner), and once
    for the whole company. Advice is memoised by profile, so similar learners cost nothing."""
    base = profile_data(company, [], [])
    per_learner = {learner.id: advice_for_profile({**base, "leerlingen": [learner_profile(learner)]})
                   for learner in learners}
    per_training = {training.id: advice_for_profile(
        {**base, "scholing_medewerkers": [training_profile(training)]}) for training in trainings}
    whole = advice_for_profile(profile_data(company, learners, trainings,
                                            dt.date.fromisoformat(base["peildatum"])))
    return EngineResults(per_learner, per_training, whole)


def learner_advice(company: Company, learner: Learner):
    """The engine's advice for this learner alone (its ``perioden`` are the learner page)."""
    return advice_for_profile({**profile_data(company, [], []),
                               "leerlingen": [learner_profile(learner)]})


def learner_regeling(company: Company, learner: Learner, regeling: str):
    """The engine's judgement of one regeling for this learner alone."""
    return regeling_of(learner_advice(company, learner), regeling)


def _window_sources(kb) -> dict[str, str]:
    """Study year → the source of its Praktijkleren window, as content names it."""
    regeling = compiled(kb).by_id.get(PRAKTIJKLEREN)
    return {w.schooljaar: w.bron or "" for w in (regeling.windows if regeling else [])
            if w.schooljaar}


def deadline_specs(company: Company, learners: list[Learner], trainings: list[StaffTraining],
                   applications: list[Application], kb=None) -> list[DeadlineSpec]:
    return company_deadlines(
        [LearnerData(learner.id, learner.leerweg, learner.eind) for learner in learners],
        engine_results(company, learners, trainings),
        [(a.regeling, a.jaar, a.status) for a in applications],
        _window_sources(kb or current_kb()))


def _deadline_rows(company: Company, specs: list[DeadlineSpec]) -> list[Deadline]:
    return [Deadline(company=company, key=s.key, datum=s.datum, wat=s.wat, regeling=s.regeling,
                     jaar=s.jaar, bron=s.bron[:300], learner_id=s.learner_id,
                     training_id=s.training_id, bbl_leerlingen=s.bbl_leerlingen,
                     afgehandeld=s.afgehandeld) for s in specs]


def refresh_deadlines(company: Company, kb=None) -> None:
    """Replace the company's stored deadlines by freshly derived ones (one transaction)."""
    refresh_many([company], kb)


def refresh_many(companies: Iterable[Company], kb=None, chunk: int = 500) -> int:
    """Derive and store the deadlines of many companies with a few queries per chunk."""
    kb = kb or current_kb()
    companies = list(companies)
    for begin in range(0, len(companies), chunk):
        part = companies[begin:begin + chunk]
        ids = [c.pk for c in part]
        learners: dict[int, list[Learner]] = {i: [] for i in ids}
        trainings: dict[int, list[StaffTraining]] = {i: [] for i in ids}
        applications: dict[int, list[Application]] = {i: [] for i in ids}
        for learner in Learner.objects.filter(company_id__in=ids).order_by("start", "id"):
            learners[learner.company_id].append(learner)
        for training in StaffTraining.objects.filter(company_id__in=ids).order_by("start", "id"):
            trainings[training.company_id].append(training)
        for application in Application.objects.filter(company_id__in=ids):
            applications[application.company_id].append(application)
        rows = []
        for company in part:
            specs = deadline_specs(company, learners[company.pk], trainings[company.pk],
                                   applications[company.pk], kb)
            rows += _deadline_rows(company, specs)
        with transaction.atomic():
            Deadline.objects.filter(company_id__in=ids).delete()
            Deadline.objects.bulk_create(rows, batch_size=1000)
            Company.objects.filter(pk__in=ids).update(deadlines_digest=kb.digest)
    return len(companies)


def ensure_current(company: Company) -> None:
    """Derive the deadlines again if they come from an older content release (lazy refresh)."""
    kb = current_kb()
    if company.deadlines_digest != kb.digest:
        refresh_many([company], kb)
        company.deadlines_digest = kb.digest


def refresh_stale(kb=None) -> int:
    """Companies whose deadlines come from an older content release get fresh ones."""
    kb = kb or current_kb()
    return refresh_many(Company.objects.exclude(deadlines_digest=kb.digest).order_by("pk"), kb)
