"""Django admin (under /beheer/) for administrators: accounts, companies, advisor assignments.

Learners and courses are not editable here: personal data is written through ``actions.py``
only, which keeps the audit log complete.
"""

from django.contrib import admin

from .models import Account, AdvisorAssignment, AuditLog, Company, Membership


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
