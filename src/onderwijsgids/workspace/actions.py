"""Every write to company and personal data, one typed function per verb (``do_*``).

Each takes the object it acts on, its values as one of the types of :mod:`.domain.values`
(or keyword-only arguments), and the person acting as ``acting_user`` (``None``: the system).
Each checks the values with :mod:`.checks` (:class:`~.checks.InvalidValues`, the same messages
the forms show), enforces the domain rules (:class:`~.checks.DuplicateApplication`), writes its
audit-log entry in the same transaction, refreshes the company's stored deadlines when their
inputs changed, and sends its mail only once the transaction is committed
(``transaction.on_commit``). Views, the API, the CSV and profile imports, the demo and the
commands call these; nothing else saves these models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from onderwijsgids.advice.engine.deadlines import add_months

from . import invitations, services
from .checks import (DuplicateApplication, check_application_values, check_company_profile,
                     check_kvk, check_learner_values, check_training_values)
from .domain.doe_dit_nu import listed
from .domain.values import ApplicationValues, CompanyProfile, LearnerValues, TrainingValues
from .models import (Account, ActieStaat, ActionPointStatus, ActionState, AdvisorAssignment,
                     Application, AuditLog, CalendarFeedToken, Company, Learner, Membership,
                     ReminderSent, StaffTraining)

ANONYMOUS = "Geanonimiseerd"
Object = AuditLog.ObjectType
Event = AuditLog.Action


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


def _audit_row(actor, company_id: int | None, object_type: AuditLog.ObjectType, object_id: Any,
               action: AuditLog.Action) -> AuditLog:
    known = actor is not None and actor.is_authenticated
    return AuditLog(actor=actor if known else None,
                    actor_label=actor.get_username() if known else "systeem",
                    company_id=company_id, object_type=Object(object_type),
                    object_id=str(object_id or ""), action=Event(action))


def audit(actor, company: Company | None, object_type: AuditLog.ObjectType, object_id: Any,
          action: AuditLog.Action, company_id: int | None = None) -> None:
    """One audit-log row: who (``None``: the system) did what to which kind of object."""
    _audit_row(actor, company.pk if company is not None else company_id, object_type,
               object_id, action).save()


def do_log_read(company: Company, object_type: AuditLog.ObjectType, object_id: Any = "", *,
                acting_user) -> None:
    audit(acting_user, company, object_type, object_id, Event.READ)


def do_log_export(company: Company, object_type: AuditLog.ObjectType, object_id: Any = "", *,
                  acting_user) -> None:
    audit(acting_user, company, object_type, object_id, Event.EXPORT)


def _learner_row(values: LearnerValues) -> dict[str, Any]:
    """The model's fields; a regeling applied for counts once per learner."""
    return {**values.as_dict(), "aangevraagd": list(dict.fromkeys(values.aangevraagd))}


def _training_row(values: TrainingValues) -> dict[str, Any]:
    return {**values.as_dict(), "aangevraagd": list(dict.fromkeys(values.aangevraagd))}


def _check_learner(values: LearnerValues) -> None:
    check_learner_values(values, known_crebos=services.known_crebos(),
                         known_regelingen=services.known_regelingen())


# --- companies and people ---------------------------------------------------------------


@transaction.atomic
def do_create_company(profile: CompanyProfile, *, owner=None, kvk: str = "",
                      acting_user) -> Company:
    """A company with its answers (and its KvK number, when signing up gave one)."""
    check_company_profile(profile)
    company = Company.objects.create(**profile.as_dict(), kvk=kvk)
    if owner is not None:
        Membership.objects.create(user=owner, company=company, role=Membership.Role.OWNER)
    audit(acting_user, company, Object.COMPANY, company.pk, Event.CREATE)
    return company


@transaction.atomic
def do_update_company_profile(company: Company, profile: CompanyProfile, *,
                              kvk: str | None = None, acting_user) -> Company:
    """The company's answers, and its KvK number when given (8 digits or ``""``; it is not
    part of the profile of contract §2, so the API leaves it as it is)."""
    check_company_profile(profile)
    if kvk is not None:
        check_kvk(kvk)
        company.kvk = kvk
    for name, value in profile.as_dict().items():
        setattr(company, name, value)
    company.save()
    audit(acting_user, company, Object.COMPANY, company.pk, Event.UPDATE)
    services.refresh_deadlines(company)
    return company


@transaction.atomic
def do_add_member(company: Company, user, *, role: Membership.Role, acting_user) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, company=company,
                                                     defaults={"role": Membership.Role(role)})
    Account.objects.get_or_create(user=user)
    audit(acting_user, company, Object.MEMBERSHIP, membership.pk, Event.CREATE)
    return membership


@transaction.atomic
def do_invite_member(company: Company, *, email: str, role: Membership.Role,
                     site_url: str | None = None, acting_user) -> str:
    """Invite ``email`` to the company: audited now, mailed once committed. Returns the link
    (on ``site_url``, the address the request came in on, or the configured base URL)."""
    link = invitations.invite_link(company, email, Membership.Role(role), site_url)
    audit(acting_user, company, Object.INVITATION, "", Event.CREATE)
    transaction.on_commit(lambda: invitations.send_invite_mail(company, email, link))
    return link


@transaction.atomic
def do_assign_advisor(company: Company, advisor, *, acting_user) -> AdvisorAssignment:
    assignment, _ = AdvisorAssignment.objects.get_or_create(advisor=advisor, company=company)
    Account.objects.update_or_create(user=advisor, defaults={"rol": Account.Role.ADVISOR})
    audit(acting_user, company, Object.ADVISOR, assignment.pk, Event.CREATE)
    return assignment


@dataclass(frozen=True)
class CompanySeed:
    """A company to create in bulk: its profile, owner, advisor and first data."""

    profile: CompanyProfile
    owner: Any = None
    advisor: Any = None
    learners: Sequence[LearnerValues] = field(default_factory=tuple)
    trainings: Sequence[TrainingValues] = field(default_factory=tuple)
    applications: Sequence[ApplicationValues] = field(default_factory=tuple)


@transaction.atomic
def do_create_companies_in_bulk(seeds: Sequence[CompanySeed], *, acting_user) -> list[Company]:
    """Many companies at once (the demo, benchmarks): the same checks, a few statements per
    table, one audit entry per company, the deadlines derived per chunk."""
    crebos, regelingen = services.known_crebos(), services.known_regelingen()
    for seed in seeds:
        check_company_profile(seed.profile)
        for learner in seed.learners:
            check_learner_values(learner, known_crebos=crebos, known_regelingen=regelingen)
        for training in seed.trainings:
            check_training_values(training, regelingen)
        for application in seed.applications:
            check_application_values(application, regelingen)
    companies = Company.objects.bulk_create([Company(**s.profile.as_dict()) for s in seeds])
    pairs = list(zip(seeds, companies))
    Membership.objects.bulk_create([Membership(user=s.owner, company=c,
                                               role=Membership.Role.OWNER)
                                    for s, c in pairs if s.owner is not None])
    AdvisorAssignment.objects.bulk_create([AdvisorAssignment(advisor=s.advisor, company=c)
                                           for s, c in pairs if s.advisor is not None])
    Learner.objects.bulk_create([Learner(company=c, **_learner_row(v)) for s, c in pairs
                                 for v in s.learners], batch_size=2000)
    StaffTraining.objects.bulk_create([StaffTraining(company=c, **_training_row(v))
                                       for s, c in pairs for v in s.trainings], batch_size=2000)
    _create_applications([(c, v) for s, c in pairs for v in s.applications])
    AuditLog.objects.bulk_create([_audit_row(acting_user, c.pk, Object.COMPANY, c.pk,
                                             Event.CREATE) for c in companies], batch_size=2000)
    services.refresh_many(companies)
    return companies


def _create_applications(rows: list[tuple[Company, ApplicationValues]]) -> None:
    seen: set[tuple[int, str, str]] = set()
    for company, values in rows:
        key = (company.pk, values.regeling, values.jaar)
        if key in seen:
            raise DuplicateApplication(values.regeling, values.jaar)
        seen.add(key)
    Application.objects.bulk_create([Application(company=c, **v.as_dict()) for c, v in rows],
                                    batch_size=2000)


# --- learners ------------------------------------------------------------------------------


@transaction.atomic
def do_create_learner(company: Company, values: LearnerValues, *, acting_user) -> Learner:
    _check_learner(values)
    learner = Learner.objects.create(company=company, **_learner_row(values))
    audit(acting_user, company, Object.LEARNER, learner.pk, Event.CREATE)
    services.refresh_deadlines(company)
    return learner


@transaction.atomic
def do_update_learner(learner: Learner, values: LearnerValues, *, expected_version: int,
                      acting_user) -> Learner:
    """Save only if nobody saved since ``expected_version``; otherwise :class:`StaleEdit`."""
    _check_learner(values)
    updated = (Learner.objects.filter(pk=learner.pk, version=expected_version)
               .update(version=F("version") + 1, **_learner_row(values)))
    if not updated:
        raise StaleEdit(Learner.objects.get(pk=learner.pk))
    learner.refresh_from_db()
    audit(acting_user, learner.company, Object.LEARNER, learner.pk, Event.UPDATE)
    services.refresh_deadlines(learner.company)
    return learner


def _delete(actor, obj, object_type: AuditLog.ObjectType,
            action: AuditLog.Action = Event.DELETE) -> None:
    """Delete a row of company data, log it, and derive the company's deadlines again."""
    company, pk = obj.company, obj.pk
    obj.delete()
    audit(actor, company, object_type, pk, action)
    services.refresh_deadlines(company)


@transaction.atomic
def do_delete_learner(learner: Learner, *, acting_user) -> None:
    _delete(acting_user, learner, Object.LEARNER)


@transaction.atomic
def do_import_learners(company: Company, rows: Sequence[LearnerValues], *, acting_user) -> int:
    """All rows or none: every row is checked, then one transaction writes them."""
    crebos, regelingen = services.known_crebos(), services.known_regelingen()
    for row in rows:
        check_learner_values(row, known_crebos=crebos, known_regelingen=regelingen)
    learners = Learner.objects.bulk_create(
        [Learner(company=company, **_learner_row(row)) for row in rows])
    for learner in learners:
        audit(acting_user, company, Object.LEARNER, learner.pk or "", Event.CREATE)
    services.refresh_deadlines(company)
    return len(learners)


# --- staff training ------------------------------------------------------------------------


@transaction.atomic
def do_create_training(company: Company, values: TrainingValues, *,
                       acting_user) -> StaffTraining:
    check_training_values(values, services.known_regelingen())
    training = StaffTraining.objects.create(company=company, **_training_row(values))
    audit(acting_user, company, Object.TRAINING, training.pk, Event.CREATE)
    services.refresh_deadlines(company)
    return training


@transaction.atomic
def do_update_training(training: StaffTraining, values: TrainingValues, *,
                       acting_user) -> StaffTraining:
    check_training_values(values, services.known_regelingen())
    for name, value in _training_row(values).items():
        setattr(training, name, value)
    training.save()
    audit(acting_user, training.company, Object.TRAINING, training.pk, Event.UPDATE)
    services.refresh_deadlines(training.company)
    return training


@transaction.atomic
def do_delete_training(training: StaffTraining, *, acting_user) -> None:
    _delete(acting_user, training, Object.TRAINING)


# --- applications and action points --------------------------------------------------------


def _save_application(company: Company, application: Application,
                      values: ApplicationValues) -> None:
    """One application per regeling and year: :class:`DuplicateApplication` otherwise, also
    when another request saved the same one a moment ago (the unique constraint)."""
    check_application_values(values, services.known_regelingen())
    clash = company.applications.filter(regeling=values.regeling, jaar=values.jaar)
    if application.pk is not None:
        clash = clash.exclude(pk=application.pk)
    if clash.exists():
        raise DuplicateApplication(values.regeling, values.jaar)
    for name, value in values.as_dict().items():
        setattr(application, name, value)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise DuplicateApplication(values.regeling, values.jaar) from None


@transaction.atomic
def do_create_application(company: Company, values: ApplicationValues, *,
                          acting_user) -> Application:
    application = Application(company=company)
    _save_application(company, application, values)
    audit(acting_user, company, Object.APPLICATION, application.pk, Event.CREATE)
    services.refresh_deadlines(company)
    return application


@transaction.atomic
def do_update_application(application: Application, values: ApplicationValues, *,
                          acting_user) -> Application:
    _save_application(application.company, application, values)
    audit(acting_user, application.company, Object.APPLICATION, application.pk, Event.UPDATE)
    services.refresh_deadlines(application.company)
    return application


@transaction.atomic
def do_delete_application(application: Application, *, acting_user) -> None:
    _delete(acting_user, application, Object.APPLICATION)


@transaction.atomic
def do_set_action_point(company: Company, *, actiepunt: str, status: ActionPointStatus.Status,
                        notitie: str, acting_user) -> ActionPointStatus:
    row, _ = ActionPointStatus.objects.update_or_create(
        company=company, actiepunt=actiepunt,
        defaults={"status": ActionPointStatus.Status(status), "notitie": notitie})
    audit(acting_user, company, Object.ACTION_POINT, actiepunt, Event.UPDATE)
    return row


# --- a plan taken over ---------------------------------------------------------------------


@transaction.atomic
def do_take_over_plan(company: Company, *, answers: dict[str, Any],
                      learners: Sequence[dict[str, Any]], trainings: Sequence[dict[str, Any]],
                      acting_user) -> Company:
    """The answers of a plan into ``company``: the profile fields it answers, then the learners
    and courses to add (rows as :mod:`.domain.takeover` makes them); all or nothing."""
    if answers:
        do_update_company_profile(company, replace(CompanyProfile.of(company), **answers),
                                  acting_user=acting_user)
    if learners:
        do_import_learners(company, [LearnerValues(**row) for row in learners],
                           acting_user=acting_user)
    for training in trainings:
        do_create_training(company, TrainingValues(**training), acting_user=acting_user)
    return company


@transaction.atomic
def do_sign_up_with_plan(*, email: str, password_hash: str, naam: str, kvk: str,
                         answers: dict[str, Any], learners: Sequence[dict[str, Any]],
                         trainings: Sequence[dict[str, Any]]):
    """A sign-up whose e-mail address was proven: the account (password already hashed), its
    company with the plan's answers, the new user its owner. Returns (user, company)."""
    user = get_user_model().objects.create(username=email, email=email, password=password_hash)
    Account.objects.create(user=user)
    profile = CompanyProfile(**{**answers, "naam": naam})
    company = do_create_company(profile, owner=user, kvk=kvk, acting_user=user)
    do_take_over_plan(company, answers={}, learners=learners, trainings=trainings,
                      acting_user=user)
    return user, company


# --- the advice's actions ------------------------------------------------------------------


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
    audit(acting_user, company, Object.ACTION, row.pk, Event.CREATE if created else Event.UPDATE)
    return row


# --- calendar feed -------------------------------------------------------------------------


@transaction.atomic
def do_create_feed_token(company: Company, *, acting_user) -> CalendarFeedToken:
    """A calendar link of ``acting_user`` for this company."""
    token = CalendarFeedToken.objects.create(company=company, user=acting_user)
    audit(acting_user, company, Object.CALENDAR, token.pk, Event.CREATE)
    return token


@transaction.atomic
def do_revoke_feed_token(token: CalendarFeedToken, *, acting_user) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit(acting_user, token.company, Object.CALENDAR, token.pk, Event.DELETE)


# --- privacy -------------------------------------------------------------------------------


@transaction.atomic
def do_erase_learner(learner: Learner, *, acting_user) -> None:
    """Erase a learner and everything derived: deadlines and reminders cascade with the row."""
    ReminderSent.objects.filter(learner=learner).delete()
    _delete(acting_user, learner, Object.LEARNER, Event.ERASE)


@transaction.atomic
def do_erase_employee(company: Company, *, medewerker: str, acting_user) -> int:
    """Erase every course of the employee named ``medewerker`` in this company."""
    trainings = list(company.trainings.filter(medewerker=medewerker))
    for training in trainings:
        ReminderSent.objects.filter(training=training).delete()
        training.delete()
    audit(acting_user, company, Object.EMPLOYEE, "", Event.ERASE)
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


def do_anonymise_expired(*, months: int, today: dt.date | None = None) -> int:
    """Anonymise learners whose end date lies more than ``months`` months ago; each once, also
    when two runs do this at the same time. Returns how many this call anonymised."""
    cutoff = add_months(today or services.today(), -months)
    due = list(Learner.objects.filter(eind__lt=cutoff, geanonimiseerd=False).order_by("pk")
               .values_list("pk", flat=True))
    count = 0
    for begin in range(0, len(due), 500):  # short transactions: another writer waits briefly
        with transaction.atomic():
            changed = _anonymise_once(due[begin:begin + 500])
            AuditLog.objects.bulk_create([
                _audit_row(None, company_id, Object.LEARNER, learner_id, Event.ERASE)
                for learner_id, company_id in changed])
        count += len(changed)
    return count
