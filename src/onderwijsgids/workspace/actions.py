"""Every write to company and personal data, one function per action (``do_*``).

Each writes its audit-log entry in the same transaction and refreshes the company's stored
deadlines when the inputs of the deadlines changed. Views, the API and commands call these;
nothing else saves these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from . import services
from .domain.doe_dit_nu import listed
from .models import (Account, ActieStaat, ActionPointStatus, ActionState, AdvisorAssignment,
                     Application, AuditLog, CalendarFeedToken, Company, Learner, Membership,
                     ReminderSent, StaffTraining)

LEARNER_FIELDS = ("naam", "leerweg", "crebo", "school", "start", "eind", "praktijkopleider",
                  "praktijkovereenkomst", "via_bvm", "hbo_domein", "leerwerktraject",
                  "aangevraagd")
TRAINING_FIELDS = ("medewerker", "omschrijving", "start", "kosten_eur", "aangevraagd")
APPLICATION_FIELDS = ("regeling", "jaar", "status", "bedrag", "datum", "notitie")
ANONYMOUS = "Geanonimiseerd"


class UnknownAction(Exception):
    """The company's advice does not list this action (any more): it has no state to set."""

    def __init__(self, actie_id: str):
        self.actie_id = actie_id
        super().__init__(f"unknown action {actie_id!r}")


class StaleEdit(Exception):
    """Someone else saved the learner since this form was opened."""

    def __init__(self, current: Learner):
        self.current = current
        super().__init__("stale edit")


def audit(actor, company: Company | None, object_type: str, object_id: Any, action: str,
          company_id: int | None = None) -> None:
    known = actor is not None and actor.is_authenticated
    AuditLog.objects.create(
        actor=actor if known else None, actor_label=actor.get_username() if known else "systeem",
        company_id=company.pk if company is not None else company_id,
        object_type=object_type, object_id=str(object_id or ""), action=action)


def do_log_read(actor, company: Company, object_type: str, object_id: Any = "") -> None:
    audit(actor, company, object_type, object_id, AuditLog.Action.READ)


def do_log_export(actor, company: Company, object_type: str, object_id: Any = "") -> None:
    audit(actor, company, object_type, object_id, AuditLog.Action.EXPORT)


# --- companies and people ---------------------------------------------------------------


@transaction.atomic
def do_create_company(actor, naam: str, owner=None, **profile: Any) -> Company:
    company = Company.objects.create(naam=naam, **profile)
    if owner is not None:
        Membership.objects.create(user=owner, company=company, role=Membership.Role.OWNER)
    audit(actor, company, "bedrijf", company.pk, AuditLog.Action.CREATE)
    return company


@transaction.atomic
def do_update_company_profile(actor, company: Company, values: dict[str, Any]) -> Company:
    for name in services.PROFILE_FIELDS:
        if name in values:
            setattr(company, name, values[name])
    company.save()
    audit(actor, company, "bedrijf", company.pk, AuditLog.Action.UPDATE)
    services.refresh_deadlines(company)
    return company


@transaction.atomic
def do_add_member(actor, company: Company, user, role: str) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, company=company,
                                                     defaults={"role": role})
    Account.objects.get_or_create(user=user)
    audit(actor, company, "lidmaatschap", membership.pk, AuditLog.Action.CREATE)
    return membership


@transaction.atomic
def do_assign_advisor(actor, company: Company, advisor) -> AdvisorAssignment:
    assignment, _ = AdvisorAssignment.objects.get_or_create(advisor=advisor, company=company)
    Account.objects.update_or_create(user=advisor, defaults={"rol": Account.Role.ADVISOR})
    audit(actor, company, "adviseur", assignment.pk, AuditLog.Action.CREATE)
    return assignment


# --- learners ------------------------------------------------------------------------------


@transaction.atomic
def do_create_learner(actor, company: Company, values: dict[str, Any]) -> Learner:
    learner = Learner.objects.create(company=company,
                                     **{k: values[k] for k in LEARNER_FIELDS if k in values})
    audit(actor, company, "leerling", learner.pk, AuditLog.Action.CREATE)
    services.refresh_deadlines(company)
    return learner


@transaction.atomic
def do_update_learner(actor, learner: Learner, values: dict[str, Any],
                      expected_version: int) -> Learner:
    """Save only if nobody saved since ``expected_version``; otherwise :class:`StaleEdit`."""
    changes = {k: values[k] for k in LEARNER_FIELDS if k in values}
    updated = (Learner.objects.filter(pk=learner.pk, version=expected_version)
               .update(version=F("version") + 1, **changes))
    if not updated:
        raise StaleEdit(Learner.objects.get(pk=learner.pk))
    learner.refresh_from_db()
    audit(actor, learner.company, "leerling", learner.pk, AuditLog.Action.UPDATE)
    services.refresh_deadlines(learner.company)
    return learner


def _delete(actor, obj, object_type: str, action: str = AuditLog.Action.DELETE) -> None:
    """Delete a row of company data, log it, and derive the company's deadlines again."""
    company, pk = obj.company, obj.pk
    obj.delete()
    audit(actor, company, object_type, pk, action)
    services.refresh_deadlines(company)


@transaction.atomic
def do_delete_learner(actor, learner: Learner) -> None:
    _delete(actor, learner, "leerling")


@transaction.atomic
def do_import_learners(actor, company: Company, rows: Iterable[dict[str, Any]]) -> int:
    """All rows or none: the caller validated every row; one transaction writes them."""
    learners = Learner.objects.bulk_create(
        [Learner(company=company, **{k: row[k] for k in LEARNER_FIELDS}) for row in rows])
    for learner in learners:
        audit(actor, company, "leerling", learner.pk or "", AuditLog.Action.CREATE)
    services.refresh_deadlines(company)
    return len(learners)


# --- staff training ------------------------------------------------------------------------


@transaction.atomic
def do_create_training(actor, company: Company, values: dict[str, Any]) -> StaffTraining:
    training = StaffTraining.objects.create(
        company=company, **{k: values[k] for k in TRAINING_FIELDS if k in values})
    audit(actor, company, "scholing", training.pk, AuditLog.Action.CREATE)
    services.refresh_deadlines(company)
    return training


@transaction.atomic
def do_update_training(actor, training: StaffTraining, values: dict[str, Any]) -> StaffTraining:
    for name in TRAINING_FIELDS:
        if name in values:
            setattr(training, name, values[name])
    training.save()
    audit(actor, training.company, "scholing", training.pk, AuditLog.Action.UPDATE)
    services.refresh_deadlines(training.company)
    return training


@transaction.atomic
def do_delete_training(actor, training: StaffTraining) -> None:
    _delete(actor, training, "scholing")


# --- applications and action points --------------------------------------------------------


@transaction.atomic
def do_save_application(actor, company: Company, values: dict[str, Any],
                        application: Application | None = None) -> Application:
    if application is None:
        application = Application(company=company)
    for name in APPLICATION_FIELDS:
        if name in values:
            setattr(application, name, values[name])
    created = application.pk is None
    application.save()
    audit(actor, company, "aanvraag", application.pk,
          AuditLog.Action.CREATE if created else AuditLog.Action.UPDATE)
    services.refresh_deadlines(company)
    return application


@transaction.atomic
def do_delete_application(actor, application: Application) -> None:
    _delete(actor, application, "aanvraag")


@transaction.atomic
def do_set_action_point(actor, company: Company, actiepunt: str, status: str,
                        notitie: str) -> ActionPointStatus:
    row, _ = ActionPointStatus.objects.update_or_create(
        company=company, actiepunt=actiepunt, defaults={"status": status, "notitie": notitie})
    audit(actor, company, "actiepunt", actiepunt, AuditLog.Action.UPDATE)
    return row


@transaction.atomic
def do_set_action_state(company: Company, *, actie_id: str, staat: ActieStaat,
                        acting_user) -> ActionState:
    """Keep ``staat`` for the action ``actie_id`` of the company's current advice (the very
    advice ``GET /api/v1/bedrijven/{id}/advies`` returns); :class:`UnknownAction` when that
    advice does not list it. ``ValueError`` for a state that is none of te doen/bezig/klaar."""
    staat = ActieStaat(staat)
    if listed(services.company_advice(company).acties, actie_id) is None:
        raise UnknownAction(actie_id)
    known = acting_user is not None and acting_user.is_authenticated
    row, created = ActionState.objects.update_or_create(
        company=company, actie=actie_id,
        defaults={"staat": staat, "updated_by": acting_user if known else None})
    audit(acting_user, company, "actie", row.pk,
          AuditLog.Action.CREATE if created else AuditLog.Action.UPDATE)
    return row


# --- calendar feed -------------------------------------------------------------------------


@transaction.atomic
def do_create_feed_token(actor, company: Company) -> CalendarFeedToken:
    token = CalendarFeedToken.objects.create(company=company, user=actor)
    audit(actor, company, "agenda", token.pk, AuditLog.Action.CREATE)
    return token


@transaction.atomic
def do_revoke_feed_token(actor, token: CalendarFeedToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit(actor, token.company, "agenda", token.pk, AuditLog.Action.DELETE)


# --- privacy -------------------------------------------------------------------------------


@transaction.atomic
def do_erase_learner(actor, learner: Learner) -> None:
    """Erase a learner and everything derived: deadlines and reminders cascade with the row."""
    ReminderSent.objects.filter(learner=learner).delete()
    _delete(actor, learner, "leerling", AuditLog.Action.ERASE)


@transaction.atomic
def do_erase_employee(actor, company: Company, medewerker: str) -> int:
    """Erase every course of the employee named ``medewerker`` in this company."""
    trainings = list(company.trainings.filter(medewerker=medewerker))
    for training in trainings:
        ReminderSent.objects.filter(training=training).delete()
        training.delete()
    audit(actor, company, "medewerker", "", AuditLog.Action.ERASE)
    services.refresh_deadlines(company)
    return len(trainings)


def _anonymise_once(learner_ids: list[int]) -> list[tuple[int, int]]:
    """Anonymise these learners in one statement, only those not anonymised yet, and return
    (learner, company) of the rows this call changed: a concurrent run that got to a learner
    first leaves it out here (the row lock on PostgreSQL, the write lock on SQLite)."""
    quote = connection.ops.quote_name
    table = quote(Learner._meta.db_table)
    marks = ", ".join(["%s"] * len(learner_ids))
    where = f"{quote('id')} IN ({marks}) AND {quote('geanonimiseerd')} = %s"
    if connection.features.has_select_for_update_skip_locked:  # PostgreSQL: never wait
        where = (f"{quote('id')} IN (SELECT {quote('id')} FROM {table} WHERE {where} "
                 "FOR UPDATE SKIP LOCKED)")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {quote('naam')} = %s, {quote('praktijkopleider')} = '', "
            f"{quote('school')} = '', {quote('geanonimiseerd')} = %s, "
            f"{quote('version')} = {quote('version')} + 1 WHERE {where} "
            f"RETURNING {quote('id')}, {quote('company_id')}",
            [ANONYMOUS, True, *learner_ids, False])
        return cursor.fetchall()


def do_anonymise_expired(months: int, today: dt.date | None = None) -> int:
    """Anonymise learners whose end date lies more than ``months`` months ago; each once, also
    when two runs do this at the same time. Returns how many this call anonymised."""
    today = today or services.today()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    cutoff = today.replace(year=year, month=month + 1, day=min(today.day, 28))
    due = list(Learner.objects.filter(eind__lt=cutoff, geanonimiseerd=False).order_by("pk")
               .values_list("pk", flat=True))
    count = 0
    for begin in range(0, len(due), 500):  # short transactions: another writer waits briefly
        with transaction.atomic():
            changed = _anonymise_once(due[begin:begin + 500])
            AuditLog.objects.bulk_create([AuditLog(
                actor_label="systeem", company_id=company_id, object_type="leerling",
                object_id=str(learner_id), action=AuditLog.Action.ERASE)
                for learner_id, company_id in changed])
        count += len(changed)
    return count
