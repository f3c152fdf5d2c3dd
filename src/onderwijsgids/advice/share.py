"""Share links of a plan: the route's answers, signed and dated, in the link itself.

The plan page makes them, the shared plan reads them, and the company workspace accepts one
to take the answers over ("Profiel overnemen", "Bewaar dit plan"). No web imports: a link's
text in, answers or a named problem out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils import timezone

SESSION_KEY = "advies"  # the route's answers in the visitor's session
SHARE_SALT = "onderwijsgids.advies.gedeeld"
# A token as signing.dumps writes it: URL-safe base64 (a leading "." when compressed) and ":".
_LINK = re.compile(r"/advies/gedeeld/([A-Za-z0-9_\-.:]+)/?(?:plan\.\w+|profiel\.yaml)?$")


class ShareLinkExpired(Exception):
    """A genuine share link older than ``SHARE_LINK_DAYS``."""


class ShareLinkInvalid(Exception):
    """Not a share link this site made (altered, cut off, or from another installation)."""


def profile_dict(stored: dict[str, Any]) -> dict[str, Any]:
    """The route's answers as a contract §2 profile (without the route's own bookkeeping)."""
    from .steps import ROUTE  # the route's questions own the profile keys

    return {key: stored[key] for key in ROUTE.profile_keys if key in stored}


def route_answers(session) -> dict[str, Any]:
    """The answers of the question route kept in this session (empty when none)."""
    return dict(session.get(SESSION_KEY, {}))


def share_token(stored: dict[str, Any]) -> str:
    return signing.dumps(profile_dict(stored), salt=SHARE_SALT, compress=True)


def share_expiry(token: str) -> dt.date:
    """The last day a (verified) share link works: its signature carries when it was made."""
    made = signing.b62_decode(token.rsplit(":", 2)[1])
    return timezone.localdate(dt.datetime.fromtimestamp(made, dt.timezone.utc)
                              + dt.timedelta(days=settings.SHARE_LINK_DAYS))


def read_share_token(token: str) -> dict[str, Any]:
    """The answers in a share token; :class:`ShareLinkExpired` or :class:`ShareLinkInvalid`."""
    try:
        data = signing.loads(token, salt=SHARE_SALT, max_age=settings.SHARE_LINK_DAYS * 86400)
    except signing.SignatureExpired:
        raise ShareLinkExpired from None
    except (signing.BadSignature, ValueError):
        raise ShareLinkInvalid from None
    if not isinstance(data, dict):
        raise ShareLinkInvalid
    return data


def looks_like_share_link(text: str) -> bool:
    """One line that names the shared-plan page: meant as a link, not as a profile."""
    text = text.strip()
    return "\n" not in text and "/advies/gedeeld/" in text


def token_of_link(text: str) -> str:
    """The token in a share link (full address or path); :class:`ShareLinkInvalid` otherwise."""
    path = text.strip().split("?", 1)[0].split("#", 1)[0]
    match = _LINK.search(path)
    if match is None:
        raise ShareLinkInvalid
    return match[1]


def read_share_link(text: str) -> dict[str, Any]:
    """The answers in a pasted share link; :class:`ShareLinkExpired` or
    :class:`ShareLinkInvalid`."""
    return read_share_token(token_of_link(text))
