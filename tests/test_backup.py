"""`onderwijsgids backup FILE` and `onderwijsgids herstel FILE` through the real command, on
SQLite and on PostgreSQL: a restore brings back every row of every table and the secret key."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

BIN = Path(sys.executable).parent


def run(env: dict, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / "onderwijsgids", *argv], env=env, capture_output=True,
                          text=True, timeout=300)


def prepared(env: dict) -> None:
    """A migrated database with the content and a few demo companies, learners and accounts."""
    subprocess.run([BIN / "python", "-m", "django", "migrate", "--noinput", "-v0",
                    "--settings=onderwijsgids.settings"], env=env, check=True)
    assert run(env, "content", "load").returncode == 0
    assert run(env, "demo", "--bedrijven", "3", "--leerlingen", "2").returncode == 0


def environment(tmp_path: Path, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "ONDERWIJSGIDS_VAR": str(tmp_path / "var")}
    env.pop("DJANGO_SECRET_KEY", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory) -> Path:
    """One prepared SQLite database and var/ for the module; each test gets a copy."""
    root = tmp_path_factory.mktemp("vooraf")
    prepared(environment(root, f"sqlite:///{root / 'db.sqlite3'}"))
    return root


@pytest.fixture
def lite(tmp_path, sqlite_template) -> dict:
    shutil.copy(sqlite_template / "db.sqlite3", tmp_path / "db.sqlite3")
    shutil.copytree(sqlite_template / "var", tmp_path / "var")
    return environment(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")


def sqlite_rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def changed_after_backup(env: dict, key_file: Path) -> None:
    """What a restore must undo: more companies, a new content release, another secret key."""
    assert run(env, "demo", "--bedrijven", "2").returncode == 0
    assert run(env, "content", "load").returncode == 0
    key_file.write_text("een-andere-sleutel")


def test_sqlite_backup_and_restore_bring_back_every_row_and_the_key(tmp_path, lite):
    db, env = tmp_path / "db.sqlite3", lite
    key_file = tmp_path / "var" / "secret_key"
    key, before = key_file.read_text(), sqlite_rows(db)
    assert before["workspace_company"] == 3 and before["workspace_learner"] == 6

    made = run(env, "backup", str(tmp_path / "b.zip"))
    assert made.returncode == 0, made.stderr
    assert "back-up gemaakt" in made.stdout and "met de geheime sleutel" in made.stdout
    changed_after_backup(env, key_file)
    assert sqlite_rows(db) != before

    restored = run(env, "herstel", str(tmp_path / "b.zip"))
    assert restored.returncode == 0, restored.stderr
    assert "hersteld" in restored.stdout
    assert sqlite_rows(db) == before
    assert key_file.read_text() == key


def test_a_restore_into_a_new_machine_needs_no_database_yet(tmp_path, lite):
    env = lite
    assert run(env, "backup", str(tmp_path / "b.zip")).returncode == 0
    elsewhere = tmp_path / "nieuw"
    env2 = environment(elsewhere, f"sqlite:///{elsewhere / 'data' / 'db.sqlite3'}")
    restored = run(env2, "herstel", str(tmp_path / "b.zip"))
    assert restored.returncode == 0, restored.stderr
    assert sqlite_rows(elsewhere / "data" / "db.sqlite3") == sqlite_rows(tmp_path / "db.sqlite3")
    assert (elsewhere / "var" / "secret_key").read_text() == \
        (tmp_path / "var" / "secret_key").read_text()


def test_bad_input_is_refused_in_dutch_with_exit_code_2(tmp_path, lite):
    env = lite
    (tmp_path / "leeg.zip").write_text("geen zip")
    with zipfile.ZipFile(tmp_path / "ander.zip", "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "iets anders"}))
    assert run(env, "backup", str(tmp_path / "b.zip")).returncode == 0
    cases = [
        (("herstel", str(tmp_path / "er-niet.zip")), "bestand niet gevonden"),
        (("herstel", str(tmp_path / "leeg.zip")), "geen back-up van de onderwijsgids"),
        (("herstel", str(tmp_path / "ander.zip")), "geen back-up van de onderwijsgids"),
        (("backup", str(tmp_path / "b.zip")), "bestaat al"),
        (("backup", str(tmp_path / "geen-map" / "b.zip")), "bestaat niet"),
    ]
    for argv, message in cases:
        done = run(env, *argv)
        assert done.returncode == 2, (argv, done.stderr)
        assert message in done.stderr and "Traceback" not in done.stderr
    assert run(env, "backup", "--overschrijven", str(tmp_path / "b.zip")).returncode == 0


def test_the_backup_file_is_private_and_says_what_it_holds(tmp_path, lite):
    assert run(lite, "backup", str(tmp_path / "b.zip")).returncode == 0
    assert (tmp_path / "b.zip").stat().st_mode & 0o077 == 0
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert set(archive.namelist()) == {"manifest.json", "database.sqlite3", "secret_key"}
    assert manifest["database"] == "sqlite" and manifest["geheime_sleutel"] is True
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".backup-")]


# --- PostgreSQL: pg_dump / pg_restore ------------------------------------------------------


@pytest.fixture
def pg_databases():
    """Two databases of this test run's own name plus a suffix (never another one's)."""
    default = settings.DATABASES["default"]
    if "postgresql" not in default["ENGINE"]:
        pytest.skip("alleen op PostgreSQL (make test draait de tests ook daarop)")
    import psycopg

    base = f"postgres://{default['USER']}@{default['HOST']}:{default['PORT'] or 5432}"
    names = [f"{default['NAME']}_backup_bron", f"{default['NAME']}_backup_doel"]

    def drop_all(conn) -> None:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        drop_all(conn)
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        drop_all(conn)


def pg_rows(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_postgresql_backup_and_restore_with_pg_dump(tmp_path, pg_databases, sqlite_template):
    source, target = pg_databases
    env = environment(tmp_path, source)
    prepared(env)
    key_file = tmp_path / "var" / "secret_key"
    key, before = key_file.read_text(), pg_rows(source)
    assert before["workspace_company"] == 3

    made = run(env, "backup", str(tmp_path / "b.zip"))
    assert made.returncode == 0, made.stderr
    assert "PostgreSQL" in made.stdout
    changed_after_backup(env, key_file)
    assert pg_rows(source) != before

    restored = run(env, "herstel", str(tmp_path / "b.zip"))
    assert restored.returncode == 0, restored.stderr
    assert pg_rows(source) == before and key_file.read_text() == key

    # The same file into an empty database (a new machine).
    fresh = run(environment(tmp_path / "nieuw", target), "herstel", str(tmp_path / "b.zip"))
    assert fresh.returncode == 0, fresh.stderr
    assert pg_rows(target) == before

    # A SQLite backup does not go into PostgreSQL.
    lite = environment(sqlite_template, f"sqlite:///{sqlite_template / 'db.sqlite3'}")
    assert run(lite, "backup", str(tmp_path / "lite.zip")).returncode == 0
    wrong = run(env, "herstel", str(tmp_path / "lite.zip"))
    assert wrong.returncode == 2 and "deze back-up is van SQLite" in wrong.stderr
