"""Login lockout (django-axes): per account from any address, and per address across accounts.

django-axes has one failure limit; its database handler takes the highest count over the lockout
parameters (``AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]``). An address gets a higher
limit than an account (an office shares one address), so its count is scaled onto the account's
limit: ``LOCKOUT_PER_ADDRESS`` failures from one address count as ``AXES_FAILURE_LIMIT``.
Attempts older than ``AXES_COOLOFF_TIME`` no longer count; a password reset clears them.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def _failures(attempts) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


def lockout_score(per_account: int, per_address: int) -> int:
    """The count compared with ``AXES_FAILURE_LIMIT``: whichever rule is closer to locking."""
    scaled = per_address * settings.AXES_FAILURE_LIMIT // settings.LOCKOUT_PER_ADDRESS
    return max(per_account, scaled)


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_account, by_address = self.get_user_attempts(request, credentials)
        return lockout_score(_failures(by_account), _failures(by_address))


def locked_response(request, original_response=None, credentials=None):
    return render(request, "workspace/account/locked.html",
                  {"minutes": settings.LOCKOUT_MINUTES}, status=429)


def unlock(username: str) -> None:
    """Lift every lockout of ``username`` (after a successful password reset)."""
    from axes.utils import reset

    reset(username=username)


def username_of(request, credentials: dict | None) -> str:
    """The account a login attempt is for, case and spaces aside (as accounts are stored)."""
    return str((credentials or {}).get("username") or "").strip().lower()
