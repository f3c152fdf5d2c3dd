"""Counting throttles in Django's shared cache (Redis or the database table, never process memory).

A throttle counts attempts per scope and key (an address, an e-mail address, a user) within a
fixed window. Keys are hashed, so e-mail addresses never appear in the cache as they are.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Limit:
    scope: str
    times: int
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, self.seconds // 60)


# Mails that someone can make the site send to an address: password resets, invitations, the
# link that lets an account set up two-factor login, the link that confirms a sign-up.
RESET_PER_ADDRESS = Limit("reset-adres", 10, 3600)
RESET_PER_ACCOUNT = Limit("reset-account", 3, 3600)
INVITE_PER_ADDRESS = Limit("uitnodiging-adres", 30, 3600)
INVITE_PER_SENDER = Limit("uitnodiging-afzender", 20, 3600)
INVITE_PER_RECIPIENT = Limit("uitnodiging-ontvanger", 3, 3600)
ENROL_PER_ADDRESS = Limit("tweestaps-adres", 10, 3600)
ENROL_PER_ACCOUNT = Limit("tweestaps-link", 3, 3600)
SIGNUP_PER_ADDRESS = Limit("aanmelding-adres", 10, 3600)
SIGNUP_PER_RECIPIENT = Limit("aanmelding-ontvanger", 3, 3600)


def _key(limit: Limit, value: str) -> str:
    """One key per value and fixed window: a new window starts a new count."""
    digest = hashlib.sha256(f"{limit.scope}:{value.strip().lower()}".encode()).hexdigest()
    return f"throttle:{limit.scope}:{digest[:40]}:{int(time.time()) // limit.seconds}"


def allow(limit: Limit, value: str) -> bool:
    """Count one attempt; False when ``value`` already used all its attempts in the window."""
    key = _key(limit, value)
    if cache.add(key, 1, timeout=limit.seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.seconds)
        return True
    cache.touch(key, limit.seconds)  # the database cache's incr sets the default timeout
    return count <= limit.times


def allow_all(*checks: tuple[Limit, str]) -> bool:
    """Count the attempt in every throttle (each must learn of it); True when none is exhausted."""
    results = [allow(limit, value) for limit, value in checks]
    return all(results)


def too_many_mails(limit: Limit) -> str:
    """The Dutch message for a refused mail: how long to wait (at most one window)."""
    return ngettext("Er zijn te veel e-mails aangevraagd. Probeer het over %(n)d minuut opnieuw.",
                    "Er zijn te veel e-mails aangevraagd. Probeer het over %(n)d minuten opnieuw.",
                    limit.minutes) % {"n": limit.minutes}


def client_address(request) -> str:
    """The address django-axes resolved (proxy settings included), else REMOTE_ADDR."""
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR", "")
