"""The company workspace: companies, their people, learners, courses, applications and deadlines.

Personal data (learners, employees on courses) is written only through ``actions.py``, which
also writes the :class:`AuditLog`. Content items are referred to by their contract ID string,
never by foreign key: a content load replaces every item row.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderwijsgids import vocabulary

from .domain import doe_dit_nu
from .validators import single_line

# The vocabulary's values as model choices (labels: the forms and templates use the vocabulary's).
LEARNING_PATHS = [(value, value) for value in vocabulary.LEARNING_PATHS]
HBO_DOMAINS = [(value, value) for value in vocabulary.HBO_DOMAINS]


class Account(models.Model):
    """The role of a user beyond company memberships. Advisors and administrators need 2FA."""

    class Role(models.TextChoices):
        COMPANY = "bedrijf", _("bedrijfsgebruiker")
        ADVISOR = "adviseur", _("adviseur")
        EDITOR = "redacteur", _("redacteur")
        ADMINISTRATOR = "beheerder", _("beheerder")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="account")
    rol = models.CharField(max_length=20, choices=Role.choices, default=Role.COMPANY)

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")


class Company(models.Model):
    """A company and its profile in contract §2 form (learners and courses live in their rows)."""

    naam = models.CharField(_("naam"), max_length=200, validators=[single_line])
    kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True, db_index=True)
    cao = models.CharField(_("cao"), max_length=30, null=True, blank=True)
    medewerkers = models.PositiveIntegerField(_("aantal medewerkers"), null=True, blank=True)
    provincie = models.CharField(_("provincie"), max_length=30, null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True, validators=[single_line])
    erkend_leerbedrijf = models.BooleanField(_("erkend leerbedrijf"), null=True, blank=True)
    praktijkopleider_opgeleid = models.BooleanField(_("praktijkopleider opgeleid"), null=True,
                                                    blank=True)
    doelen = models.JSONField(_("doelen"), default=list, blank=True)
    doelgroepen = models.JSONField(_("doelgroepen"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Content release the stored deadlines were derived from; a new release makes them stale.
    deadlines_digest = models.CharField(max_length=64, blank=True, db_index=True)
    advisors = models.ManyToManyField(settings.AUTH_USER_MODEL, through="AdvisorAssignment",
                                      related_name="advised_companies")

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("bedrijf")
        verbose_name_plural = _("bedrijven")

    def __str__(self) -> str:
        return self.naam


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("eigenaar")
        EMPLOYEE = "employee", _("medewerker")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.EMPLOYEE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "company"],
                                               name="workspace_membership_unique")]


class AdvisorAssignment(models.Model):
    advisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="assignments")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["advisor", "company"],
                                               name="workspace_assignment_unique")]


class Learner(models.Model):
    """A learner or intern. ``version`` guards against silently overwriting a concurrent edit."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="learners")
    naam = models.CharField(_("naam"), max_length=200, validators=[single_line])
    leerweg = models.CharField(_("leerweg"), max_length=20, choices=LEARNING_PATHS)
    crebo = models.CharField(_("crebo"), max_length=5, blank=True)
    school = models.CharField(_("school"), max_length=200, blank=True, validators=[single_line])
    start = models.DateField(_("startdatum"))
    eind = models.DateField(_("einddatum"))
    praktijkopleider = models.CharField(_("praktijkopleider"), max_length=200, blank=True,
                                        validators=[single_line])
    praktijkovereenkomst = models.DateField(_("datum praktijkovereenkomst"), null=True, blank=True)
    via_bvm = models.BooleanField(_("via een bedrijfsvakschool"), default=False)
    hbo_domein = models.CharField(_("hbo-domein"), max_length=30, choices=HBO_DOMAINS,
                                  blank=True)  # hbo only
    leerwerktraject = models.BooleanField(_("leerwerktraject"), null=True,
                                          blank=True)  # vmbo only
    aangevraagd = models.JSONField(_("aangevraagd"), default=list, blank=True)  # regeling IDs
    geanonimiseerd = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")

    def __str__(self) -> str:
        return self.naam


class StaffTraining(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="trainings")
    medewerker = models.CharField(_("medewerker"), max_length=200, validators=[single_line])
    omschrijving = models.CharField(_("omschrijving"), max_length=200, validators=[single_line])
    start = models.DateField(_("startdatum"))
    kosten_eur = models.PositiveIntegerField(_("kosten in euro"), null=True, blank=True)
    aangevraagd = models.JSONField(_("aangevraagd"), default=list, blank=True)

    class Meta:
        ordering = ["start", "id"]


class Application(models.Model):
    class Status(models.TextChoices):
        TODO = "te-doen", _("te doen")
        APPLIED = "aangevraagd", _("aangevraagd")
        GRANTED = "toegekend", _("toegekend")
        REJECTED = "afgewezen", _("afgewezen")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="applications")
    regeling = models.CharField(_("regeling"), max_length=100)  # contract ID, not a FK
    jaar = models.CharField(_("jaar"), max_length=7)  # "2026" or study year "2025/26"
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.TODO)
    bedrag = models.DecimalField(_("bedrag"), max_digits=10, decimal_places=2, null=True,
                                 blank=True)
    datum = models.DateField(_("datum"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)

    class Meta:
        ordering = ["regeling", "jaar"]
        constraints = [models.UniqueConstraint(fields=["company", "regeling", "jaar"],
                                               name="workspace_application_unique")]


class ActionPointStatus(models.Model):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        BUSY = "bezig", _("bezig")
        DONE = "klaar", _("klaar")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="action_points")
    actiepunt = models.CharField(max_length=20)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    notitie = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["company", "actiepunt"],
                                               name="workspace_actionpoint_unique")]


class ActieStaat(models.TextChoices):
    """The state a company keeps of one of its advice's ``acties`` (contract §3)."""

    TE_DOEN = doe_dit_nu.TE_DOEN, _("te doen")
    BEZIG = doe_dit_nu.BEZIG, _("bezig")
    KLAAR = doe_dit_nu.KLAAR, _("klaar")


class ActionState(models.Model):
    """The company's state of one action of its advice, by the action's stable ``id``.

    The advice itself holds no state; a row for an action the advice no longer lists is kept
    (harmless, and back in view when the advice lists the action again).
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="action_states")
    actie = models.CharField(max_length=100)  # acties[].id of the company's advice
    staat = models.CharField(_("staat"), max_length=10, choices=ActieStaat.choices,
                             default=ActieStaat.TE_DOEN)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["company", "actie"],
                                               name="workspace_actionstate_unique")]


class Deadline(models.Model):
    """A derived deadline, refreshed from the company data and content by ``deadlines.refresh``.

    Stored (rather than computed per request) so dashboard, calendar feed, reminders and the
    advisor portfolio read one indexed table. ``wat`` never holds a person's name.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="deadlines")
    key = models.CharField(max_length=200)
    datum = models.DateField()
    wat = models.CharField(max_length=300)
    regeling = models.CharField(max_length=100, blank=True)
    jaar = models.CharField(max_length=7, blank=True)
    bron = models.CharField(max_length=300, blank=True)
    learner = models.ForeignKey(Learner, null=True, blank=True, on_delete=models.CASCADE)
    training = models.ForeignKey(StaffTraining, null=True, blank=True, on_delete=models.CASCADE)
    bbl_leerlingen = models.PositiveIntegerField(default=0)
    afgehandeld = models.BooleanField(default=False)

    class Meta:
        ordering = ["datum", "key"]
        constraints = [models.UniqueConstraint(fields=["company", "key"],
                                               name="workspace_deadline_unique")]
        indexes = [models.Index(fields=["afgehandeld", "datum"]),
                   models.Index(fields=["company", "afgehandeld", "datum"])]


def _new_secret() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="feed_tokens")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    secret = models.CharField(max_length=64, unique=True, default=_new_secret)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)


def new_message_id() -> str:
    """A Message-ID for one reminder, fixed when it is planned (before any attempt to send it),
    so a resend after a crash carries the same one and is recognisable as the same message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("<> ") or "onderwijsgids.local"
    return f"<herinnering.{secrets.token_hex(16)}@{domain}>"


class ReminderSent(models.Model):
    """One reminder e-mail (an outbox row): planned once by its unique key, then delivered.

    ``claimed_at``/``claimed_by`` mark a delivery in progress by one run; a claim older than the
    retry interval without ``sent_at`` means the sender was killed and the reminder is delivered
    again, with the same ``message_id``. A message the mail server or the mailer refuses is
    ``mislukt`` with a short ``failure`` reason; it never holds up the other reminders.
    """

    class Status(models.TextChoices):
        PLANNED = "gepland", _("gepland")
        SENT = "verzonden", _("verzonden")
        FAILED = "mislukt", _("mislukt")
        SKIPPED = "overgeslagen", _("overgeslagen (deadline voorbij)")

    key = models.CharField(max_length=300, unique=True)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="reminders",
                                verbose_name=_("bedrijf"))
    deadline = models.ForeignKey(Deadline, null=True, blank=True, on_delete=models.SET_NULL)
    datum = models.DateField(_("datum van de deadline"), null=True, blank=True)
    learner = models.ForeignKey(Learner, null=True, blank=True, on_delete=models.CASCADE)
    training = models.ForeignKey(StaffTraining, null=True, blank=True, on_delete=models.CASCADE)
    recipient = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=300)
    body = models.TextField()
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True, null=True,
                                  default=new_message_id)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    created_at = models.DateTimeField(_("gepland op"), auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    failed_at = models.DateTimeField(_("mislukt op"), null=True, blank=True)
    failures = models.PositiveSmallIntegerField(_("mislukte pogingen"), default=0)
    failure = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        indexes = [models.Index(fields=["status", "claimed_at"]),
                   models.Index(fields=["company", "status"])]


class AuditLog(models.Model):
    """Who read or changed personal data. Holds object type and ID, never the personal data."""

    class Action(models.TextChoices):
        READ = "read", _("ingezien")
        CREATE = "create", _("toegevoegd")
        UPDATE = "update", _("gewijzigd")
        DELETE = "delete", _("verwijderd")
        EXPORT = "export", _("geëxporteerd")
        ERASE = "erase", _("gewist")

    class ObjectType(models.TextChoices):
        """What was read or changed (the labels are the values, in the owner's words)."""

        COMPANY = "bedrijf", _("bedrijf")
        MEMBERSHIP = "lidmaatschap", _("lidmaatschap")
        INVITATION = "uitnodiging", _("uitnodiging")
        ADVISOR = "adviseur", _("adviseur")
        LEARNER = "leerling", _("leerling")
        LEARNERS = "leerlingen", _("leerlingen")
        TRAINING = "scholing", _("scholing")
        EMPLOYEE = "medewerker", _("medewerker")
        APPLICATION = "aanvraag", _("aanvraag")
        ACTION_POINT = "actiepunt", _("actiepunt")
        CALENDAR = "agenda", _("agenda")
        ACTION = "actie", _("actie uit het advies")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=150, blank=True)
    company = models.ForeignKey(Company, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="audit_entries")
    object_type = models.CharField(max_length=40, choices=ObjectType.choices)
    object_id = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)

    class Meta:
        ordering = ["-at", "-id"]


class TwoFactorEnrolment(models.Model):
    """Proof beyond the password for setting up a second factor: a one-time link by e-mail.

    The link carries a signed nonce; only its hash is stored. It works once, until
    ``expires_at``, and only for ``user``. ``invited_by`` is set when an administrator sent it.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="two_factor_enrolments")
    nonce_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)


class SignupRequest(models.Model):
    """A visitor's request for an account and a company ("Bewaar dit plan"), kept until the
    mailed one-time link proves the e-mail address.

    The password is stored only as its hash, the plan's answers as a contract §2 profile. The
    link carries a signed nonce of which only the hash is stored; it works once, until
    ``expires_at``. Requests past their time are deleted when the next one is made.
    """

    email = models.EmailField(_("e-mailadres"))
    password_hash = models.CharField(max_length=200)
    naam = models.CharField(_("naam van het bedrijf"), max_length=200, validators=[single_line])
    kvk = models.CharField(_("KvK-nummer"), max_length=8)
    profiel = models.JSONField(_("antwoorden uit het plan"), default=dict, blank=True)
    nonce_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
