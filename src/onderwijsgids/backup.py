"""Backup and restore of everything git does not hold: the whole database (companies, learners,
applications, reminders, content releases, accounts and their two-factor keys, audit logs) plus
the generated secret key in ``var/secret_key`` when that is in use.

A backup is one zip file: ``manifest.json``, the database (``database.sqlite3``, made with
SQLite's online backup API, or ``database.pgdump``, made with ``pg_dump --format=custom``) and
``secret_key`` when present. A restore writes the database back the same way (SQLite's backup
API into the live file; ``pg_restore --clean --if-exists --single-transaction`` for PostgreSQL),
so a failed restore leaves the old data in place. Plain Python: no web imports.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

FORMAT = "onderwijsgids-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SECRET_KEY = "secret_key"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupInputError(ValueError):
    """Bad input (a missing or foreign file, a backup of another kind): exit code 2."""


class BackupError(RuntimeError):
    """The backup or restore itself failed (a tool missing, the database refusing): exit code 1."""


@dataclass(frozen=True)
class Database:
    """What a backup needs to know of Django's ``DATABASES['default']``."""

    engine: str                     # "sqlite" or "postgresql"
    name: str                       # file path (SQLite) or database name
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_settings(cls, settings: dict) -> Database:
        backend = settings["ENGINE"].rsplit(".", 1)[-1]
        engine = {"sqlite3": "sqlite", "postgresql": "postgresql"}.get(backend)
        if engine is None:
            raise BackupError(f"back-ups kunnen alleen van SQLite of PostgreSQL (niet {backend})")
        return cls(engine=engine, name=str(settings["NAME"]), host=settings.get("HOST") or "",
                   port=str(settings.get("PORT") or ""), user=settings.get("USER") or "",
                   password=settings.get("PASSWORD") or "")

    @property
    def label(self) -> str:
        return ENGINE_LABELS[self.engine]


@dataclass(frozen=True)
class Summary:
    engine: str
    size: int                       # bytes of the backup file
    with_secret_key: bool
    created: str = ""               # when the backup was made (restore only)


# --- backup -------------------------------------------------------------------------------


def backup(db: Database, target: Path, secret_key_file: Path | None,
           overwrite: bool = False) -> Summary:
    """Write a backup of ``db`` (and the secret key file, if given and present) to ``target``."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise BackupInputError(f"{target}: bestaat al (kies een nieuwe naam of gebruik "
                               "--overschrijven)")
    if not target.parent.is_dir():
        raise BackupInputError(f"{target}: de map {target.parent} bestaat niet")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as tmp:
        dump = Path(tmp) / DUMP_NAMES[db.engine]
        (_sqlite_backup if db.engine == "sqlite" else _pg_dump)(db, dump)
        with_key = bool(secret_key_file and secret_key_file.is_file())
        partial = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(partial, "w") as archive:
            archive.writestr(MANIFEST, json.dumps(_manifest(db, with_key), indent=2))
            compression = zipfile.ZIP_DEFLATED if db.engine == "sqlite" else zipfile.ZIP_STORED
            archive.write(dump, dump.name, compress_type=compression)
            if with_key:
                assert secret_key_file is not None
                archive.write(secret_key_file, SECRET_KEY)
        partial.chmod(0o600)  # it holds personal data and the secret key
        os.replace(partial, target)  # a half-written backup never carries the final name
    return Summary(engine=db.engine, size=target.stat().st_size, with_secret_key=with_key)


def _manifest(db: Database, with_key: bool) -> dict:
    return {"format": FORMAT, "versie": FORMAT_VERSION, "database": db.engine,
            "gemaakt": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "geheime_sleutel": with_key}


def _sqlite_backup(db: Database, dump: Path) -> None:
    """SQLite's online backup API: a consistent copy while the server keeps running."""
    if not Path(db.name).is_file():
        raise BackupError(f"de SQLite-database {db.name} bestaat niet")
    source = sqlite3.connect(f"file:{db.name}?mode=ro", uri=True)
    copy = sqlite3.connect(dump)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()


def _pg_dump(db: Database, dump: Path) -> None:
    _run_pg("pg_dump", db, ["--format=custom", "--no-owner", "--no-privileges",
                            f"--file={dump}", db.name])


# --- restore ------------------------------------------------------------------------------


def restore(db: Database, source: Path, secret_key_file: Path | None) -> Summary:
    """Put the backup ``source`` back into ``db`` (replacing its data) and the secret key."""
    source = Path(source)
    manifest = read_manifest(source)
    if manifest["database"] != db.engine:
        raise BackupInputError(
            f"{source}: deze back-up is van {ENGINE_LABELS[manifest['database']]}, maar de "
            f"huidige database is {db.label}; zet DATABASE_URL op een {ENGINE_LABELS[manifest['database']]}-database")
    with tempfile.TemporaryDirectory(prefix="herstel-") as tmp, zipfile.ZipFile(source) as archive:
        dump = Path(archive.extract(DUMP_NAMES[db.engine], tmp))
        (_sqlite_restore if db.engine == "sqlite" else _pg_restore)(db, dump)
        with_key = bool(manifest.get("geheime_sleutel")) and secret_key_file is not None
        if with_key:
            assert secret_key_file is not None
            _write_secret_key(archive.read(SECRET_KEY), secret_key_file)
    return Summary(engine=db.engine, size=source.stat().st_size, with_secret_key=with_key,
                   created=str(manifest.get("gemaakt", "")))


def read_manifest(source: Path) -> dict:
    """The manifest of a backup file; ``BackupInputError`` naming what is wrong with it."""
    if not source.is_file():
        raise BackupInputError(f"{source}: bestand niet gevonden")
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            names = set(archive.namelist())
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise BackupInputError(f"{source}: dit is geen back-up van de onderwijsgids") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupInputError(f"{source}: dit is geen back-up van de onderwijsgids")
    if manifest.get("versie") != FORMAT_VERSION or manifest.get("database") not in DUMP_NAMES:
        raise BackupInputError(f"{source}: een back-up in een onbekende versie van het formaat")
    needed = {DUMP_NAMES[manifest["database"]]} | ({SECRET_KEY} if manifest.get("geheime_sleutel")
                                                   else set())
    if not needed <= names:
        raise BackupInputError(f"{source}: de back-up is onvolledig (mist "
                               f"{', '.join(sorted(needed - names))})")
    return manifest


def _sqlite_restore(db: Database, dump: Path) -> None:
    """The backup API the other way round: the live file gets every page of the copy at once."""
    try:
        copy = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
        copy.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError:
        raise BackupInputError("de database in de back-up is beschadigd") from None
    Path(db.name).parent.mkdir(parents=True, exist_ok=True)
    live = sqlite3.connect(db.name, timeout=30)
    try:
        copy.backup(live)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"herstellen in {db.name} mislukt: {exc}") from None
    finally:
        live.close()
        copy.close()


def _pg_restore(db: Database, dump: Path) -> None:
    _run_pg("pg_restore", db, ["--clean", "--if-exists", "--no-owner", "--no-privileges",
                               "--single-transaction", "--exit-on-error", f"--dbname={db.name}",
                               str(dump)])


def _write_secret_key(key: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".nieuw")
    partial.write_bytes(key)
    partial.chmod(0o600)
    os.replace(partial, path)


# --- PostgreSQL's own tools ---------------------------------------------------------------


def _run_pg(tool: str, db: Database, arguments: list[str]) -> None:
    """Run ``pg_dump``/``pg_restore`` with the connection of ``db`` (password via PGPASSWORD)."""
    binary = shutil.which(tool)
    if binary is None:
        raise BackupError(f"{tool} niet gevonden; installeer de PostgreSQL-clientprogramma's "
                          "(Debian: apt-get install postgresql-client)")
    env = {**os.environ}
    for variable, value in (("PGHOST", db.host), ("PGPORT", db.port), ("PGUSER", db.user),
                            ("PGPASSWORD", db.password)):
        if value:
            env[variable] = value
    done = subprocess.run([binary, *arguments], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["geen melding"])[-1]
        raise BackupError(f"{tool} mislukt (code {done.returncode}): {detail}")
