"""AVG: export of personal data as JSON (the erase and anonymise actions live in actions.py)."""

from __future__ import annotations

from typing import Any

from .domain.values import LEARNER_FIELDS
from .models import Company, Learner


def _learner(learner: Learner) -> dict[str, Any]:
    return {"id": learner.pk, **{name: getattr(learner, name) for name in LEARNER_FIELDS},
            "geanonimiseerd": learner.geanonimiseerd,
            "deadlines": [{"datum": d.datum, "wat": d.wat, "regeling": d.regeling}
                          for d in learner.deadline_set.all()]}


def learner_export(learner: Learner) -> dict[str, Any]:
    return {"soort": "leerling", "bedrijf": learner.company.naam, "leerling": _learner(learner)}


def _training(training) -> dict[str, Any]:
    return {"id": training.pk, "medewerker": training.medewerker,
            "omschrijving": training.omschrijving, "start": training.start,
            "kosten_eur": training.kosten_eur, "aangevraagd": training.aangevraagd}


def employee_export(company: Company, name: str) -> dict[str, Any]:
    return {"soort": "medewerker", "bedrijf": company.naam, "medewerker": name,
            "scholing": [_training(t) for t in company.trainings.filter(medewerker=name)]}


def company_export(company: Company) -> dict[str, Any]:
    """Every piece of personal data the workspace holds for this company."""
    return {
        "soort": "bedrijf",
        "bedrijf": {"id": company.pk, "naam": company.naam},
        "gebruikers": [{"email": m.user.email, "naam": m.user.get_full_name(), "rol": m.role}
                       for m in company.memberships.select_related("user")],
        "leerlingen": [_learner(learner) for learner in company.learners.prefetch_related("deadline_set")],
        "scholing": [_training(t) for t in company.trainings.all()],
        "herinneringen": [{"aan": r.recipient, "onderwerp": r.subject, "verzonden": r.sent_at}
                          for r in company.reminders.all()],
        "auditlog": [{"wanneer": e.at, "wie": e.actor_label, "wat": e.object_type,
                      "id": e.object_id, "actie": e.action}
                     for e in company.audit_entries.all()],
    }
