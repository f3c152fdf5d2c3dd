"""Two-factor login (django-otp): enrolment by one-time link, TOTP, recovery codes.

Who needs it is decided by :func:`account.needs_two_factor` (by reach). The first device needs
proof beyond the password: a link mailed to the account's address, by the user's own request or
by an administrator's invitation. The link is signed, works once and expires; only after it the
TOTP secret is shown, for a device created in that same session (a device someone else created
is never taken over). Confirming the device gives ten recovery codes, shown once.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderwijsgids.links import absolute_url

from . import onetime, throttle
from .forms import TokenForm, VerifyForm
from .models import TwoFactorEnrolment

LINK_SALT = "onderwijsgids.workspace.tweestaps"
OWN_LINK_HOURS = 1
INVITATION_HOURS = 72
SETUP_SECONDS = 15 * 60
RECOVERY_CODES = 10
SESSION_DEVICE, SESSION_UNTIL = "tweestaps_apparaat", "tweestaps_tot"


# --- the one-time link -------------------------------------------------------------------------


def create_link_token(user, invited_by=None) -> str:
    nonce, nonce_hash = onetime.new_nonce()
    hours = INVITATION_HOURS if invited_by is not None else OWN_LINK_HOURS
    enrolment = TwoFactorEnrolment.objects.create(
        user=user, nonce_hash=nonce_hash, invited_by=invited_by,
        expires_at=timezone.now() + dt.timedelta(hours=hours))
    return onetime.link_token(enrolment.pk, nonce, LINK_SALT)


def redeem_link_token(token: str, user) -> bool:
    """True once for a valid, unexpired, unused link of ``user``; it is used up by this call."""
    found = onetime.read_link_token(token, LINK_SALT, INVITATION_HOURS * 3600)
    if found is None:
        return False
    pk, nonce_hash = found
    used = (TwoFactorEnrolment.objects
            .filter(pk=pk, nonce_hash=nonce_hash, user=user, used_at=None,
                    expires_at__gt=timezone.now())
            .update(used_at=timezone.now()))
    return used == 1


def send_link(request: HttpRequest | None, user, invited_by=None) -> None:
    path = reverse("workspace:two_factor_link", args=[create_link_token(user, invited_by)])
    link = request.build_absolute_uri(path) if request is not None else absolute_url(path)
    hours = INVITATION_HOURS if invited_by is not None else OWN_LINK_HOURS
    body = render_to_string("workspace/email/two_factor_link.txt",
                            {"link": link, "hours": hours, "invited": invited_by is not None})
    send_mail(_("Tweestapsverificatie instellen voor de Onderwijsgids"), body,
              settings.DEFAULT_FROM_EMAIL, [user.email or user.get_username()])


# --- devices and recovery codes ----------------------------------------------------------------


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes by ten new ones; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("herstelcodes"), confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def reset_devices(user) -> None:
    """Remove every device of ``user`` (an administrator's decision, e.g. a lost phone)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def _start_setup(request: HttpRequest) -> None:
    """A fresh device for this session only: unconfirmed devices made elsewhere are dropped."""
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    device = TOTPDevice.objects.create(user=request.user, name="app", confirmed=False)
    request.session[SESSION_DEVICE] = device.pk
    request.session[SESSION_UNTIL] = int(timezone.now().timestamp()) + SETUP_SECONDS


def _setup_device(request: HttpRequest) -> TOTPDevice | None:
    until = request.session.get(SESSION_UNTIL, 0)
    if until < timezone.now().timestamp():
        return None
    return TOTPDevice.objects.filter(pk=request.session.get(SESSION_DEVICE), user=request.user,
                                     confirmed=False).first()


# --- views -------------------------------------------------------------------------------------


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("workspace:my_companies")


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?next={_next_url(request)}"


def _qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=5, border=2)


def _request_link(request: HttpRequest) -> HttpResponse:
    """Without proof yet: offer (GET) or send (POST) the one-time link."""
    context = {"email": request.user.email or request.user.get_username(),
               "next": _next_url(request), "hours": OWN_LINK_HOURS, "sent": False}
    status = 200
    if request.method == "POST":
        if throttle.allow_all((throttle.ENROL_PER_ADDRESS, throttle.client_address(request)),
                              (throttle.ENROL_PER_ACCOUNT, str(request.user.pk))):
            send_link(request, request.user)
            context["sent"] = True
        else:
            context["error"] = throttle.too_many_mails(throttle.ENROL_PER_ACCOUNT)
            status = 429
    return render(request, "workspace/account/two_factor_request.html", context, status=status)


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if has_device(request.user):
        return redirect(_with_next("workspace:two_factor_verify", request))
    device = _setup_device(request)
    if device is None:
        return _request_link(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(request.user)
            otp_login(request, device)
            for key in (SESSION_DEVICE, SESSION_UNTIL):
                request.session.pop(key, None)
            return render(request, "workspace/account/two_factor_codes.html",
                          {"codes": codes, "next": _next_url(request), "first": True})
        form.add_error("token", _("Deze code klopt niet. Probeer de nieuwste code uit je app."))
    return render(request, "workspace/account/two_factor_setup.html", {
        "form": form, "qr": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(), "next": _next_url(request)},
        status=422 if form.errors else 200)


@login_required
def two_factor_link(request: HttpRequest, token: str) -> HttpResponse:
    """The mailed link: proof of the mailbox, for the account that is logged in."""
    if not redeem_link_token(token, request.user):
        return render(request, "workspace/account/two_factor_link_invalid.html", status=410)
    _start_setup(request)
    return redirect("workspace:two_factor_setup")


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if not has_device(request.user):
        return redirect(_with_next("workspace:two_factor_setup", request))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(request, ngettext(
                    "Je hebt een herstelcode gebruikt. Je hebt er nog %(n)d over.",
                    "Je hebt een herstelcode gebruikt. Je hebt er nog %(n)d over.", left)
                    % {"n": left})
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet. Probeer de nieuwste code uit je app "
                                  "of een ongebruikte herstelcode."))
    return render(request, "workspace/account/two_factor_verify.html",
                  {"form": form, "next": _next_url(request)},
                  status=422 if form.errors else 200)


@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones stop working), for a session that passed two-factor."""
    if not request.user.is_verified():
        return redirect(_with_next("workspace:two_factor_verify", request))
    if request.method != "POST":
        return render(request, "workspace/account/two_factor_codes.html",
                      {"codes": None, "next": _next_url(request)})
    return render(request, "workspace/account/two_factor_codes.html",
                  {"codes": new_recovery_codes(request.user), "next": _next_url(request)})
