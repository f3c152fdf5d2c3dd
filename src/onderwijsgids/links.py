"""The site's canonical address, for absolute links made outside a request.

CLI output, reminder e-mails and PDFs link to ``ONDERWIJSGIDS_BASE_URL``, never to the host
a request happened to use. :data:`DEFAULT_BASE_URL` is the one default; settings reads the
environment through :func:`configured_base_url`, and code asks :func:`base_url`.

No Django import at module level: commands that run without setting Django up (such as
``onderwijsgids advies --format md``) can use this too.
"""

from __future__ import annotations

import os

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
ENV_VAR = "ONDERWIJSGIDS_BASE_URL"


def configured_base_url() -> str:
    """The address the environment sets, or the default (what settings holds)."""
    return os.environ.get(ENV_VAR, DEFAULT_BASE_URL)


def base_url() -> str:
    """The canonical address without a trailing slash, e.g. ``https://gids.example.nl``.

    ``settings.ONDERWIJSGIDS_BASE_URL`` once Django's settings are loaded (so tests and
    deployments that set it are obeyed); before that the same value from the environment.
    """
    from django.conf import settings

    value = settings.ONDERWIJSGIDS_BASE_URL if settings.configured else configured_base_url()
    return value.rstrip("/")


def absolute_url(path: str) -> str:
    """The canonical absolute address of a site path such as ``/actiepunten/3/``."""
    return base_url() + path
