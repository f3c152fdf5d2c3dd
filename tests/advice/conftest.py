"""Fixtures for the advice tests: the real knowledge base from content/, read without a database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from onderwijsgids.advice.engine import Advice, advise, parse_profile
from onderwijsgids.kb import default_content_dir, load_knowledge_base

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def kb():
    return load_knowledge_base(default_content_dir())


@pytest.fixture(scope="session")
def run(kb):
    """``run(profile_dict)`` → the advice; ``peildatum`` defaults to 15 March 2026."""

    def _run(data: dict[str, Any]) -> Advice:
        data = {"peildatum": "2026-03-15", **data}
        return advise(parse_profile(data, kb), kb)

    return _run


@pytest.fixture
def advies_api(client, content_db):
    """``advies_api(profile_dict)`` → the advice as the API's JSON (``POST /api/v1/advies``).

    Through the public interface, so a test holds whatever the engine's Python types become;
    a refused profile fails the test with the API's own Dutch message.
    """

    def _post(profile: dict[str, Any]) -> dict[str, Any]:
        response = client.post("/api/v1/advies", data=json.dumps(profile, default=str),
                               content_type="application/json")
        if response.status_code != 200:
            pytest.fail(f"het profiel is afgewezen (HTTP {response.status_code}): "
                        f"{response.content.decode()}\nprofiel: {profile}")
        return response.json()

    return _post


@pytest.fixture(scope="session")
def param(kb):
    """``param(regeling, naam, schooljaar=None)`` → the value of a parameter in content."""

    def _param(regeling: str, naam: str, schooljaar: str | None = None):
        from onderwijsgids.advice.engine.compiled import compiled

        found = compiled(kb).by_id[regeling].param(naam, dt.date(2026, 3, 15), schooljaar)
        assert found is not None, f"{regeling} mist parameter {naam}"
        return found

    return _param
