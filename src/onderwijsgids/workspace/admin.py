"""Django admin (under /beheer/) for administrators: accounts, companies, advisor assignments.

Learners and courses are not editable here: personal data is written through ``actions.py``
only, which keeps the audit log complete.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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
