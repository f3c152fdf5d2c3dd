"""The site's canonical address: one default, obeyed by settings, with or without Django set up."""

from __future__ import annotations

import os
import subprocess
import sys

from onderwijsgids import links


def test_base_url_follows_settings_without_trailing_slash(settings):
    settings.ONDERWIJSGIDS_BASE_URL = "https://gids.example.nl/"
    assert links.base_url() == "https://gids.example.nl"


def _base_url_without_django(**env: str) -> str:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DJANGO_SETTINGS_MODULE", links.ENV_VAR)}
    code = "from onderwijsgids.links import base_url; print(base_url())"
    result = subprocess.run([sys.executable, "-c", code], env={**environ, **env},
                            capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.strip()


def test_base_url_works_before_django_is_set_up():
    assert _base_url_without_django() == links.DEFAULT_BASE_URL
    assert _base_url_without_django(ONDERWIJSGIDS_BASE_URL="https://x.example/") == \
        "https://x.example"
