"""`onderwijsgids herinneringen` as real processes against a local SMTP server (aiosmtpd).

A run killed with SIGKILL while it waits for the server's answer, then a rerun: every reminder
arrives with one Message-ID (the one in flight when the process died may arrive twice, with the
same Message-ID). Two runs at the same time: every reminder once, every learner anonymised once.
On SQLite (a database file) and, with DATABASE_URL=postgres://..., on PostgreSQL (databases
made from a template next to the test database).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import pytest

BIN = Path(sys.executable).parent
CLI = str(BIN / "onderwijsgids")
COMPANIES = 500  # about 280 reminders: more than one claim batch of 200


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _with_name(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def _admin_sql(url: str, statement: str) -> None:
    import psycopg

    with closing(psycopg.connect(_with_name(url, "postgres"), autocommit=True)) as conn:
        conn.execute(statement)


def query(url: str, sql: str) -> list[tuple]:
    """Run SQL on a database outside Django (the test process has its own test database)."""
    if url.startswith("sqlite"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn, conn:
            return conn.execute(sql).fetchall()
    import psycopg

    with closing(psycopg.connect(url)) as conn, conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _env(url: str, var: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url, "ONDERWIJSGIDS_VAR": str(var),
           "DJANGO_SETTINGS_MODULE": "onderwijsgids.settings", **extra}
    env.pop("ONDERWIJSGIDS_DEBUG", None)
    return env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """A migrated database with the content and demo companies, made once for this module."""
    var = tmp_path_factory.mktemp("herinneringen")
    pg = _postgres_url()
    if pg:
        name = f"{dj_database_url.parse(pg)['NAME']}_proc_tpl"
        _admin_sql(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin_sql(pg, f'CREATE DATABASE "{name}"')
        url = _with_name(pg, name)
    else:
        url = f"sqlite:///{var / 'template.sqlite3'}"
    env = _env(url, var)
    _run([sys.executable, "-m", "django", "migrate", "--noinput", "-v0"], env)
    _run([CLI, "content", "load"], env)
    _run([CLI, "demo", "--bedrijven", str(COMPANIES), "--leerlingen", "4"], env)
    if not pg:
        # Write-ahead log, as concurrent writers on SQLite need (the mode stays with the file):
        # in the default rollback journal two writing processes can fail at once with
        # "database is locked" whatever the busy timeout.
        query(url, "PRAGMA journal_mode=WAL")
    yield url, var
    if pg:
        _admin_sql(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class CliDb:
    url: str
    var: Path

    def env(self, smtp_port: int) -> dict[str, str]:
        return _env(self.url, self.var,
                    DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                    DJANGO_EMAIL_HOST="127.0.0.1", DJANGO_EMAIL_PORT=str(smtp_port),
                    DJANGO_EMAIL_TIMEOUT="120")

    def one(self, sql: str):
        return query(self.url, sql)[0][0]


@pytest.fixture
def cli_db(template_db, tmp_path):
    """A fresh copy of the template database for one test."""
    url, var = template_db
    pg = _postgres_url()
    if pg:
        name = f"{dj_database_url.parse(pg)['NAME']}_proc_{os.getpid()}"
        template = dj_database_url.parse(url)["NAME"]
        _admin_sql(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin_sql(pg, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        yield CliDb(_with_name(pg, name), var)
        _admin_sql(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        copy = tmp_path / "db.sqlite3"
        shutil.copy(url.removeprefix("sqlite:///"), copy)
        yield CliDb(f"sqlite:///{copy}", var)


def _numbers(pattern: str, *outputs: str) -> list[int]:
    return [int(m) for out in outputs for m in re.findall(pattern, out)]


def test_a_run_killed_while_sending_then_a_rerun_delivers_each_reminder_once(cli_db, smtp_server):
    inbox, port = smtp_server
    inbox.hold_at = 5  # taken in, but the run never hears that it was
    run = subprocess.Popen([CLI, "herinneringen"], env=cli_db.env(port),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert inbox.held.wait(300), "de run stuurde geen vijf berichten"
        os.kill(run.pid, signal.SIGKILL)
    finally:
        run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL
    inbox.release.set()
    planned = cli_db.one("SELECT COUNT(*) FROM workspace_remindersent")
    assert planned > 10
    assert cli_db.one("SELECT COUNT(*) FROM workspace_remindersent WHERE status = 'verzonden'") == 4
    assert len(inbox.messages) == 5

    # The next run comes after the retry interval: the killed run's claims are that old.
    query(cli_db.url, "UPDATE workspace_remindersent SET claimed_at = '2000-01-01 00:00:00' "
                      "WHERE claimed_at IS NOT NULL AND status = 'gepland'")
    rerun = _run([CLI, "herinneringen"], cli_db.env(port))
    assert _numbers(r"(\d+) verstuurd", rerun.stdout) == [planned - 4]

    received = inbox.message_ids()
    stored = {row[0] for row in query(cli_db.url, "SELECT message_id FROM workspace_remindersent")}
    assert len(set(received)) == planned == len(stored)
    assert set(received) == stored
    assert len(received) == planned + 1  # only the one in flight came twice, recognisably
    assert cli_db.one("SELECT COUNT(*) FROM workspace_remindersent "
                      "WHERE status <> 'verzonden'") == 0


def _at_once(args: list[str], env: dict[str, str]) -> list[str]:
    """Start two runs together; their outputs (both must succeed)."""
    runs = [subprocess.Popen(args, env=env, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs):
        assert run.returncode == 0, err[-3000:]
    return [out for out, _err in outputs]


def test_two_runs_at_once_send_each_reminder_once_and_anonymise_once(cli_db, smtp_server):
    inbox, port = smtp_server
    inbox.delay = 0.02  # a mail server that takes its time, so the runs overlap
    stdout = _at_once([CLI, "herinneringen"], cli_db.env(port))
    planned = cli_db.one("SELECT COUNT(*) FROM workspace_remindersent")
    received = inbox.message_ids()
    assert planned > 200
    assert len(received) == len(set(received)) == planned
    assert sum(_numbers(r"(\d+) verstuurd", *stdout)) == planned
    print("verstuurd per run:", _numbers(r"(\d+) verstuurd", *stdout))
    before = cli_db.one("SELECT COUNT(*) FROM workspace_learner WHERE geanonimiseerd")
    assert sum(_numbers(r"(\d+) leerlingen geanonimiseerd", *stdout)) == before

    # Years later every learner is due for anonymisation; no reminder is due then, so both
    # runs start on it at once.
    learners = cli_db.one("SELECT COUNT(*) FROM workspace_learner")
    stdout = _at_once([CLI, "herinneringen", "--datum", "2040-01-01"], cli_db.env(port))
    counts = _numbers(r"(\d+) leerlingen geanonimiseerd", *stdout)
    print("geanonimiseerd per run:", counts)
    assert sum(counts) == learners - before > 1000
    assert cli_db.one("SELECT COUNT(*) FROM workspace_learner WHERE geanonimiseerd") == learners
    assert cli_db.one("SELECT COUNT(*) FROM workspace_auditlog WHERE action = 'erase'") == learners
    assert len(inbox.message_ids()) == planned
