"""Session and response rules for accounts: idle timeout, two factors by reach, no caching.

- :class:`IdleSessionMiddleware`: a logged-in session ends after ``SESSION_IDLE_SECONDS``
  without a request and ``SESSION_MAX_SECONDS`` after login. Anonymous sessions (the answers
  of the advice route) are left alone.
- :class:`TwoFactorRequiredMiddleware`: whoever reaches more than their own company
  (:func:`account.needs_two_factor`) sees nothing but the account pages before the second step.
- :class:`PersonalPagesNoStoreMiddleware`: ``Cache-Control: private, no-store`` on every page,
  download and API answer with personal or company data.
"""

from __future__ import annotations

import time
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect

EXEMPT_PREFIXES = ("/account/", "/static/")
PERSONAL_PREFIXES = ("/bedrijf/", "/adviseur/", "/account/", "/beheer/", "/api/v1/bedrijven/",
                     "/agenda/", "/advies/plan/", "/advies/gedeeld/")
NO_STORE = "private, no-store"
LAST_SEEN, LOGGED_IN_AT = "actief_om", "ingelogd_om"
IDLE_LOGOUT_FLAG = "uitgelogd_wegens_inactiviteit"
STAMP_EVERY = 60  # seconds: the session is not written on every request


def session_expired(session, now: float) -> bool:
    last_seen = session.get(LAST_SEEN, now)
    logged_in_at = session.get(LOGGED_IN_AT, now)
    return (now - last_seen > settings.SESSION_IDLE_SECONDS
            or now - logged_in_at > settings.SESSION_MAX_SECONDS)


def stamp_login(sender, request, user, **kwargs) -> None:
    """On login (signal ``user_logged_in``) both clocks start."""
    now = time.time()
    request.session[LOGGED_IN_AT] = request.session[LAST_SEEN] = now
    request.session.set_expiry(settings.SESSION_IDLE_SECONDS)


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request, time.time())
        return self.get_response(request)

    @staticmethod
    def _check(request: HttpRequest, now: float) -> None:
        session = request.session
        if session_expired(session, now):
            logout(request)  # the request goes on as anonymous: pages ask to log in again
            request.session[IDLE_LOGOUT_FLAG] = True
            return
        session.setdefault(LOGGED_IN_AT, now)
        if now - session.get(LAST_SEEN, 0) >= STAMP_EVERY:
            session[LAST_SEEN] = now
            session.set_expiry(settings.SESSION_IDLE_SECONDS)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and not request.path.startswith(
                EXEMPT_PREFIXES) and not user.is_verified()):
            from .account import needs_two_factor

            if needs_two_factor(user):
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": "Tweestapsverificatie vereist."}, status=403)
                return redirect(f"/account/tweestaps/controleren/?next={quote(request.path)}")
        return self.get_response(request)


class PersonalPagesNoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if request.path.startswith(PERSONAL_PREFIXES):
            response["Cache-Control"] = NO_STORE
            response.headers.pop("Expires", None)
        return response
