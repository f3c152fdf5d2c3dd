"""Invitations to a company: the signed link and its e-mail (sent by ``do_invite_member``).

The link carries e-mail address, company and role, signed; it works for a week.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from onderwijsgids.links import base_url
from onderwijsgids.mail import header_text

from .models import Company

INVITE_SALT = "onderwijsgids.workspace.invite"
INVITE_MAX_AGE = 7 * 24 * 3600


def invite_token(email: str, company_id: int, role: str) -> str:
    return signing.dumps({"e": email.lower(), "c": company_id, "r": role}, salt=INVITE_SALT)


def read_invite(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=INVITE_SALT, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:
        return None


def invite_link(company: Company, email: str, role: str, site_url: str | None = None) -> str:
    """The absolute link, on ``site_url`` (e.g. ``https://gids.example.nl``) or, without one
    (the CLI), on ``ONDERWIJSGIDS_BASE_URL``."""
    path = reverse("workspace:accept_invite", args=[invite_token(email, company.pk, role)])
    return (site_url or base_url()).rstrip("/") + path


def send_invite_mail(company: Company, email: str, link: str) -> None:
    body = render_to_string("workspace/email/invite.txt", {"company": company, "link": link})
    subject = _("Uitnodiging voor de bedrijfsomgeving van %(naam)s") % {"naam": company.naam}
    send_mail(header_text(subject), body, settings.DEFAULT_FROM_EMAIL, [email])
