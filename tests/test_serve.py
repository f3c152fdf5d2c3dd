"""`onderwijsgids serve` (what `make run` ends with) serves the app through gunicorn on SQLite."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, attempts: int = 100) -> tuple[int, bytes, dict]:
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.read(), dict(response.headers)
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} antwoordt niet")


@pytest.fixture
def served(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "ONDERWIJSGIDS_VAR": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([BIN / "python", "-m", "django", "migrate", "--noinput", "-v0",
                    "--settings=onderwijsgids.settings"], env=env, check=True)
    subprocess.run([BIN / "onderwijsgids", "content", "load"], env=env, check=True,
                   capture_output=True)
    port = _free_port()
    server = subprocess.Popen([BIN / "onderwijsgids", "serve", "--port", str(port), "--workers", "1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_answers_pages_api_and_static_files(served):
    base, server = served
    status, body, headers = _get(base + "/")
    assert status == 200 and b"Onderwijsgids" in body
    assert "gunicorn" in headers.get("Server", "")
    status, body, _ = _get(base + "/api/v1/items/actiepunt-3")
    assert status == 200 and b'"actiepunt-3"' in body
    status, body, headers = _get(base + "/static/web/site.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    server.terminate()
    output = server.communicate(timeout=10)[0]
    assert f"http://{base.removeprefix('http://')}/" in output
