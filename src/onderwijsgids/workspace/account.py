"""Accounts: invitation by e-mail link, login, logout, password reset, TOTP two-factor login."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderwijsgids.links import absolute_url
from onderwijsgids.mail import header_text

from . import actions
from .access import company_view
from .forms import AcceptInviteForm, AccessibleForm, InviteForm, TokenForm
from .models import Account, Company

INVITE_SALT = "onderwijsgids.workspace.invite"
INVITE_MAX_AGE = 7 * 24 * 3600
TWO_FACTOR_ROLES = frozenset({Account.Role.ADVISOR, Account.Role.ADMINISTRATOR})


def needs_two_factor(user) -> bool:
    if user.is_superuser:
        return True
    account = getattr(user, "_workspace_account", None)
    if account is None:
        account = Account.objects.filter(user=user).only("rol").first() or Account(rol="")
        user._workspace_account = account
    return account.rol in TWO_FACTOR_ROLES


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


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("workspace:login")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "workspace/account/password_reset_form.html"
    email_template_name = "workspace/email/password_reset.txt"
    subject_template_name = "workspace/email/password_reset_subject.txt"
    success_url = reverse_lazy("workspace:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "workspace/account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "workspace/account/password_reset_confirm.html"
    success_url = reverse_lazy("workspace:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "workspace/account/password_reset_complete.html"


# --- invitations ---------------------------------------------------------------------------


def invite_token(email: str, company_id: int, role: str) -> str:
    return signing.dumps({"e": email.lower(), "c": company_id, "r": role}, salt=INVITE_SALT)


def read_invite(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=INVITE_SALT, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:
        return None


def send_invite(request: HttpRequest | None, company: Company, email: str, role: str) -> str:
    """Mail an invitation link; without a request (CLI) the link uses ONDERWIJSGIDS_BASE_URL."""
    path = reverse("workspace:accept_invite", args=[invite_token(email, company.pk, role)])
    if request is not None:
        link = request.build_absolute_uri(path)
    else:
        link = absolute_url(path)
    body = render_to_string("workspace/email/invite.txt", {"company": company, "link": link})
    subject = _("Uitnodiging voor de bedrijfsomgeving van %(naam)s") % {"naam": company.naam}
    send_mail(header_text(subject), body, settings.DEFAULT_FROM_EMAIL, [email])
    return link


@company_view(owner_only=True)
def invite(request: HttpRequest, company) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send_invite(request, company, form.cleaned_data["email"], form.cleaned_data["rol"])
        actions.audit(request.user, company, "uitnodiging", "", "create")
        messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.")
                         % {"email": form.cleaned_data["email"]})
        return redirect("workspace:invite", company_id=company.pk)
    return render(request, "workspace/company/invite.html",
                  {"company": company, "form": form, "is_owner": True, "can_write": True},
                  status=422 if form.errors else 200)


def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    data = read_invite(token)
    company = Company.objects.filter(pk=data["c"]).first() if data else None
    if company is None:
        return render(request, "workspace/account/invite_invalid.html", status=404)
    User = get_user_model()
    existing = User.objects.filter(username__iexact=data["e"]).first()
    if existing is not None:
        if request.user.is_authenticated and request.user.pk == existing.pk:
            actions.do_add_member(request.user, company, existing, data["r"])
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
            actions.do_add_member(user, company, user, data["r"])
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welkom! Je account is aangemaakt."))
            return redirect("workspace:dashboard", company_id=company.pk)
    return render(request, "workspace/account/invite_accept.html",
                  {"company": company, "email": data["e"], "form": form},
                  status=422 if form.errors else 200)


# --- two-factor ----------------------------------------------------------------------------


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("workspace:my_companies")


def _qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=5, border=2)


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"{reverse('workspace:two_factor_verify')}?next={_next_url(request)}")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "app"})
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de nieuwste code uit je app."))
    import base64

    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "workspace/account/two_factor_setup.html", {
        "form": form, "qr": _qr_data_uri(device.config_url), "secret": secret,
        "next": _next_url(request)}, status=422 if form.errors else 200)


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"{reverse('workspace:two_factor_setup')}?next={_next_url(request)}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de nieuwste code uit je app."))
    return render(request, "workspace/account/two_factor_verify.html",
                  {"form": form, "next": _next_url(request)},
                  status=422 if form.errors else 200)
