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
    server = subprocess.Popen([BIN / "onderwijsgids", "serve", "--port", str(port),
                               "--workers", "1", "--threads", "2"],
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


def test_serve_says_its_workers_threads_and_timeout(served):
    base, server = served
    _get(base + "/")
    server.terminate()
    output = server.communicate(timeout=10)[0]
    assert "1 processen met elk 2 threads, time-out 30 s" in output


@pytest.mark.parametrize(("argv", "env", "message"), [
    (["--threads", "0"], {}, "--threads moet tussen 1 en 64 liggen"),
    (["--timeout", "0"], {}, "--timeout moet tussen 1 en 3600 liggen"),
    ([], {"ONDERWIJSGIDS_WORKERS": "veel"}, "ONDERWIJSGIDS_WORKERS: 'veel' is geen geheel getal"),
    ([], {"ONDERWIJSGIDS_THREADS": "500"}, "ONDERWIJSGIDS_THREADS moet tussen 1 en 64 liggen"),
])
def test_serve_refuses_bad_settings_in_dutch(argv, env, message):
    done = subprocess.run([BIN / "onderwijsgids", "serve", "--port", "1", *argv],
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_serve_settings_come_from_options_then_environment_then_cores(monkeypatch):
    from onderwijsgids.cli import build_parser, default_workers, serve_settings

    args = build_parser().parse_args(["serve", "--workers", "3"])
    monkeypatch.setenv("ONDERWIJSGIDS_WORKERS", "5")
    monkeypatch.setenv("ONDERWIJSGIDS_TIMEOUT", "90")
    assert serve_settings(args) == {"workers": 3, "threads": 4, "timeout": 90}
    monkeypatch.delenv("ONDERWIJSGIDS_WORKERS")
    assert serve_settings(args)["workers"] == 3
    args = build_parser().parse_args(["serve"])
    assert serve_settings(args)["workers"] == default_workers() == max(2, os.cpu_count() + 1)


def test_a_worker_freezes_the_loaded_release_out_of_full_collections(content_db):
    """A full garbage collection over a loaded release stalled every thread of a worker for
    50-90 ms (the p99 under load); the web process freezes what it builds at start-up."""
    import gc

    from onderwijsgids.web.warmup import build_and_freeze

    try:
        assert build_and_freeze() is True
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def test_a_worker_prepares_what_snippets_are_made_from_before_freezing(content_db):
    """A question never asked before still needs no new analysis of a document's sentences
    (those long-lived objects made later garbage collections slow)."""
    import gc

    from onderwijsgids.search.engine import query
    from onderwijsgids.search.services import current_index, result_page
    from onderwijsgids.web.warmup import build_and_freeze

    query._sentences.cache_clear()
    try:
        assert build_and_freeze() is True
    finally:
        gc.unfreeze()
    prepared = query._sentences.cache_info()
    assert 0 < prepared.currsize <= len(current_index().docs)
    assert result_page("leerbedrijf erkenning kosten", None, 1, 10).hits
    assert query._sentences.cache_info().misses == prepared.misses
