""""Bewaar dit plan": a visitor signs up from the plan, proves the e-mail address with a mailed
one-time link, and gets a company with the route's answers, as its owner.

The request (address, password hash, company, the plan's answers) waits in a
:class:`SignupRequest` until the link is opened; nothing else exists before that. Opening the
link shows what will be made; confirming makes it (a link opened by a mail scanner changes
nothing). Mails are throttled per address and per recipient. For an address that already has
an account the page says the same, and the mail tells its owner to log in instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from onderwijsgids.advice.share import (ShareLinkExpired, ShareLinkInvalid, read_share_token,
                                        route_answers, share_token)
from onderwijsgids.mail import header_text

from . import actions, onetime, plan_import, throttle
from .forms import SignupForm
from .models import Company, SignupRequest

LINK_SALT = "onderwijsgids.workspace.aanmelding"
SIGNUP_HOURS = 24


# --- the plan being kept ---------------------------------------------------------------------


def plan_token(request: HttpRequest) -> str:
    """The plan to keep: a share token passed along (``plan``), else the session's answers."""
    return request.POST.get("plan") or request.GET.get("plan") or share_token(
        route_answers(request.session))


def take_over_url(token: str) -> str:
    return reverse("workspace:plan_take_over") + "?" + urlencode({"plan": token})


def already_registered(naam: str, kvk: str) -> dict[str, bool]:
    """Whether a company with this KvK number or this name is already in the workspace."""
    found = Company.objects.filter(Q(kvk=kvk) | Q(naam__iexact=naam.strip())).values_list(
        "kvk", "naam")
    return {"kvk": any(k == kvk for k, _n in found),
            "naam": any(n.casefold() == naam.strip().casefold() for _k, n in found)}


# --- the request and its link ----------------------------------------------------------------


def _request_signup(form: SignupForm, answers: dict[str, Any]) -> str:
    """Store the request (expired ones are deleted now) and return the link's token."""
    SignupRequest.objects.filter(expires_at__lt=timezone.now()).delete()
    nonce, nonce_hash = onetime.new_nonce()
    row = SignupRequest.objects.create(
        email=form.cleaned_data["email"], password_hash=make_password(
            form.cleaned_data["password1"]), naam=form.cleaned_data["naam"],
        kvk=form.cleaned_data["kvk"], profiel=answers, nonce_hash=nonce_hash,
        expires_at=timezone.now() + dt.timedelta(hours=SIGNUP_HOURS))
    return onetime.link_token(row.pk, nonce, LINK_SALT)


def pending_request(token: str) -> SignupRequest | None:
    """The unused, unexpired request of a link, or None."""
    found = onetime.read_link_token(token, LINK_SALT, SIGNUP_HOURS * 3600)
    if found is None:
        return None
    pk, nonce_hash = found
    return SignupRequest.objects.filter(pk=pk, nonce_hash=nonce_hash, used_at=None,
                                        expires_at__gt=timezone.now()).first()


def _send(request: HttpRequest, email: str, naam: str, token: str | None, plan: str) -> None:
    """The link to confirm, or (for an address with an account) where to log in instead."""
    if token is not None:
        link = request.build_absolute_uri(reverse("workspace:signup_confirm", args=[token]))
        body = render_to_string("workspace/email/signup.txt", {
            "link": link, "naam": naam, "hours": SIGNUP_HOURS})
    else:
        login_path = reverse("workspace:login") + "?" + urlencode({"next": take_over_url(plan)})
        body = render_to_string("workspace/email/signup_existing.txt", {
            "login": request.build_absolute_uri(login_path),
            "reset": request.build_absolute_uri(reverse("workspace:password_reset"))})
    subject = _("Bevestig je aanmelding bij de Onderwijsgids voor %(naam)s") % {"naam": naam}
    send_mail(header_text(subject), body, settings.DEFAULT_FROM_EMAIL, [email])


def _has_account(email: str) -> bool:
    return get_user_model().objects.filter(username__iexact=email).exists()


# --- views -----------------------------------------------------------------------------------


def _answers_of(token: str) -> dict[str, Any] | None:
    """The answers in the plan token; None when it no longer reads (expired or altered)."""
    try:
        return read_share_token(token)
    except (ShareLinkExpired, ShareLinkInvalid):
        return None


def signup(request: HttpRequest) -> HttpResponse:
    token = plan_token(request)
    if request.user.is_authenticated:
        return redirect(take_over_url(token))
    answers = _answers_of(token)
    form = SignupForm(request.POST or None, initial={"naam": (answers or {}).get("naam") or ""})
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if answers is None:
            form.add_error(None, plan_import.expired_message())
            status = 422
        elif throttle.allow_all(
                (throttle.SIGNUP_PER_ADDRESS, throttle.client_address(request)),
                (throttle.SIGNUP_PER_RECIPIENT, email)):
            link_token = None if _has_account(email) else _request_signup(form, answers)
            _send(request, email, form.cleaned_data["naam"], link_token, token)
            return render(request, "workspace/account/signup_sent.html", {
                "email": email, "hours": SIGNUP_HOURS, "kvk": form.cleaned_data["kvk"],
                "naam": form.cleaned_data["naam"],
                "registered": already_registered(form.cleaned_data["naam"],
                                                 form.cleaned_data["kvk"])})
        else:
            form.add_error(None, throttle.too_many_mails(throttle.SIGNUP_PER_RECIPIENT))
            status = 429
    elif request.method == "POST":
        status = 422
    return render(request, "workspace/account/signup.html", {
        "form": form, "plan": token, "has_plan": bool(answers),
        "login_url": reverse("workspace:login") + "?" + urlencode(
            {"next": take_over_url(token)})}, status=status)


def _what_is_made(row: SignupRequest) -> tuple[Any, plan_import.Preview | None]:
    """The take-over of the request's answers and its preview; (None, None) when the answers
    no longer fit the guide (a new content release): the company is then made without them."""
    try:
        plan = plan_import.for_new_company(plan_import.profile_from_answers(row.profiel))
    except plan_import.ProfileError:
        return None, None
    return plan, plan_import.preview(plan)


def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    row = pending_request(token)
    if row is None:
        return render(request, "workspace/account/signup_invalid.html", status=410)
    if _has_account(row.email):
        return render(request, "workspace/account/signup_existing.html",
                      {"email": row.email}, status=409)
    plan, shown = _what_is_made(row)
    if request.method != "POST":
        return render(request, "workspace/account/signup_confirm.html", {
            "row": row, "preview": shown, "registered": already_registered(row.naam, row.kvk)})
    with transaction.atomic():
        used = SignupRequest.objects.filter(pk=row.pk, used_at=None).update(
            used_at=timezone.now())
        if used != 1:
            return render(request, "workspace/account/signup_invalid.html", status=410)
        user, company = actions.do_sign_up_with_plan(
            email=row.email, password_hash=row.password_hash, naam=row.naam, kvk=row.kvk,
            answers=plan.company if plan else {}, learners=plan.learners if plan else [],
            trainings=plan.trainings if plan else [])
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Welkom! Je bedrijfsomgeving is gemaakt met de antwoorden uit je "
                                "plan."))
    return redirect("workspace:dashboard", company_id=company.pk)
