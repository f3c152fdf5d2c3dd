"""Django admin (under /beheer/) for administrators: accounts, companies, advisor assignments.

Learners and courses are not editable here: personal data is written through ``actions.py``
only, which keeps the audit log complete.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import twofactor
from .models import Account, AdvisorAssignment, AuditLog, Company, Membership, ReminderSent


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


class AssignmentInline(admin.TabularInline):
    model = AdvisorAssignment
    extra = 0
    raw_id_fields = ["advisor"]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["naam", "plaats", "created_at"]
    search_fields = ["naam", "plaats"]
    fields = ["naam", "cao", "medewerkers", "provincie", "plaats", "erkend_leerbedrijf",
              "praktijkopleider_opgeleid"]
    inlines = [MembershipInline, AssignmentInline]


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ["user", "rol"]
    list_filter = ["rol"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]
    actions = ["invite_two_factor", "reset_two_factor"]

    def _invite(self, request, queryset, reset: bool) -> None:
        for account in queryset.select_related("user"):
            if reset:
                twofactor.reset_devices(account.user)
            twofactor.send_link(request, account.user, invited_by=request.user)
        count = queryset.count()
        self.message_user(request, ngettext(
            "%(n)d uitnodiging voor tweestapsverificatie verstuurd.",
            "%(n)d uitnodigingen voor tweestapsverificatie verstuurd.", count) % {"n": count},
            messages.SUCCESS)

    @admin.action(description=_("Uitnodigen om tweestapsverificatie in te stellen"))
    def invite_two_factor(self, request, queryset):
        self._invite(request, queryset, reset=False)

    @admin.action(description=_("Tweestapsverificatie opnieuw laten instellen (oude app en "
                                "herstelcodes vervallen)"))
    def reset_two_factor(self, request, queryset):
        self._invite(request, queryset, reset=True)


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "company", "object_type", "object_id", "action"]
    list_filter = ["action", "object_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """The reminder outbox, read-only; a failed reminder can be put back in line."""

    list_display = ["created_at", "company", "recipient", "subject", "status", "failure",
                    "sent_at"]
    list_filter = ["status"]
    search_fields = ["company__naam", "recipient", "subject", "message_id"]
    list_select_related = ["company"]
    fields = ["company", "recipient", "subject", "datum", "status", "failure", "failures",
              "failed_at", "created_at", "sent_at", "message_id", "body"]
    readonly_fields = fields
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Opnieuw proberen (mislukte herinneringen)"))
    def retry(self, request, queryset):
        count = queryset.filter(status=ReminderSent.Status.FAILED).update(
            status=ReminderSent.Status.PLANNED, failed_at=None, failures=0, claimed_at=None,
            claimed_by="")
        self.message_user(request, ngettext(
            "%(count)d herinnering gaat mee met de volgende run.",
            "%(count)d herinneringen gaan mee met de volgende run.", count) % {"count": count})


def secure_admin_site() -> None:
    """No way around two-factor through /beheer/.

    Devices are never made or edited here: the registrations of django-otp's own admin pages
    (where an administrator could create a device, and so know its secret, for someone else)
    are removed; an administrator sends an invitation instead. And the admin itself answers
    only to a session that passed two-factor, also if the middleware were left out.
    """
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model in (TOTPDevice, StaticDevice):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
    if getattr(admin.site, "_two_factor_only", False):
        return
    base_permission = admin.site.has_permission

    def has_permission(request) -> bool:
        return base_permission(request) and request.user.is_verified()

    admin.site.has_permission = has_permission
    admin.site._two_factor_only = True
