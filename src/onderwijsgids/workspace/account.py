"""Accounts: invitation by e-mail link, login, logout, password reset; who needs two factors.

The two-factor views themselves live in :mod:`.twofactor`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import actions, invitations, lockout, throttle
from .access import company_view
from .forms import AcceptInviteForm, AccessibleForm, InviteForm
from .models import Account, Company, Membership

TWO_FACTOR_ROLES = frozenset({Account.Role.ADVISOR, Account.Role.EDITOR,
                              Account.Role.ADMINISTRATOR})


def needs_two_factor(user) -> bool:
    """True for anyone who can reach more than their own companies' data.

    Decided by reach, not by a label: staff and superusers (the admin reaches every company),
    anyone with an advisor assignment however it was made (``do_assign_advisor``, the admin's
    inline, the shell), and the roles that come with such reach. Cached on the user object for
    the request.
    """
    cached = getattr(user, "_needs_two_factor", None)
    if cached is None:
        cached = bool(user.is_staff or user.is_superuser or get_user_model().objects.filter(
            Q(assignments__isnull=False) | Q(account__rol__in=TWO_FACTOR_ROLES),
            pk=user.pk).exists())
        user._needs_two_factor = cached
    return cached


class LoginForm(AccessibleForm, AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy("Het e-mailadres of het wachtwoord klopt niet."),
        "inactive": gettext_lazy("Dit account is niet actief."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mailadres")
        self.fields["password"].label = _("Wachtwoord")


class LoginView(auth_views.LoginView):
    template_name = "workspace/account/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("workspace:my_companies")

    def get_context_data(self, **kwargs):
        from .middleware import IDLE_LOGOUT_FLAG

        idle = self.request.session.pop(IDLE_LOGOUT_FLAG, False)
        return {**super().get_context_data(**kwargs), "idle_logout": idle,
                "idle_minutes": settings.SESSION_IDLE_SECONDS // 60}


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("workspace:login")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "workspace/account/password_reset_form.html"
    email_template_name = "workspace/email/password_reset.txt"
    subject_template_name = "workspace/email/password_reset_subject.txt"
    success_url = reverse_lazy("workspace:password_reset_done")

    def form_valid(self, form):
        """Throttled per address and per e-mail address (known or not: the answer is the same)."""
        if throttle.allow_all((throttle.RESET_PER_ADDRESS, throttle.client_address(self.request)),
                              (throttle.RESET_PER_ACCOUNT, form.cleaned_data["email"])):
            return super().form_valid(form)
        form.add_error(None, throttle.too_many_mails(throttle.RESET_PER_ACCOUNT))
        return self.render_to_response(self.get_context_data(form=form), status=429)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "workspace/account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "workspace/account/password_reset_confirm.html"
    success_url = reverse_lazy("workspace:password_reset_complete")

    def form_valid(self, form):
        """A new password proves the mailbox: the login lockout of the account is lifted."""
        response = super().form_valid(form)
        lockout.unlock(form.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "workspace/account/password_reset_complete.html"


# --- invitations ---------------------------------------------------------------------------


@company_view(owner_only=True)
def invite(request: HttpRequest, company) -> HttpResponse:
    form = InviteForm(request.POST or None)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        if throttle.allow_all((throttle.INVITE_PER_ADDRESS, throttle.client_address(request)),
                              (throttle.INVITE_PER_SENDER, str(request.user.pk)),
                              (throttle.INVITE_PER_RECIPIENT, form.cleaned_data["email"])):
            actions.do_invite_member(company, email=form.cleaned_data["email"],
                                     role=Membership.Role(form.cleaned_data["rol"]),
                                     site_url=request.build_absolute_uri("/"),
                                     acting_user=request.user)
            messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.")
                             % {"email": form.cleaned_data["email"]})
            return redirect("workspace:invite", company_id=company.pk)
        form.add_error(None, throttle.too_many_mails(throttle.INVITE_PER_RECIPIENT))
        status = 429
    return render(request, "workspace/company/invite.html",
                  {"company": company, "form": form, "is_owner": True, "can_write": True},
                  status=status)


def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    data = invitations.read_invite(token)
    company = Company.objects.filter(pk=data["c"]).first() if data else None
    if company is None:
        return render(request, "workspace/account/invite_invalid.html", status=404)
    User = get_user_model()
    existing = User.objects.filter(username__iexact=data["e"]).first()
    if existing is not None:
        if request.user.is_authenticated and request.user.pk == existing.pk:
            actions.do_add_member(company, existing, role=data["r"], acting_user=request.user)
            return redirect("workspace:dashboard", company_id=company.pk)
        return render(request, "workspace/account/invite_login.html",
                      {"company": company, "next": request.path})
    form = AcceptInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User(username=data["e"], email=data["e"])
        try:
            validate_password(form.cleaned_data["password1"], user)
        except ValidationError as exc:
            form.add_error("password1", exc)
        else:
            user.set_password(form.cleaned_data["password1"])
            user.save()
            actions.do_add_member(company, user, role=data["r"], acting_user=user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welkom! Je account is aangemaakt."))
            return redirect("workspace:dashboard", company_id=company.pk)
    return render(request, "workspace/account/invite_accept.html",
                  {"company": company, "email": data["e"], "form": form},
                  status=422 if form.errors else 200)
