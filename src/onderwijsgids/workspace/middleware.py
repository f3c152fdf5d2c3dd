"""Advisors and administrators must pass TOTP two-factor login before they see anything else."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect

EXEMPT_PREFIXES = ("/account/", "/static/")


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
