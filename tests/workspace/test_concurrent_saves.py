"""Concurrent saves of one learner: one wins, the others get the stale-edit answer (409), never
"database is locked" (SQLite: WAL, busy timeout, IMMEDIATE transactions; PostgreSQL: rows)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import Client

from onderwijsgids.workspace.models import Learner

from .conftest import fill_company, make_user

WRITERS = 4


def _save_at_once(url: str, user, forms: list[dict]) -> list[int]:
    barrier = threading.Barrier(len(forms))
    statuses: list[int] = []

    def save(form: dict) -> None:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        try:
            barrier.wait()
            statuses.append(client.post(url, form).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(form,)) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(statuses)


@pytest.mark.usefixtures("content_transactional_db")
@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_saves_of_one_learner_give_one_save_and_409s(round_):
    owner = make_user(f"eigenaar-{round_}@gelijktijdig.test")
    learner = fill_company(owner, f"Gelijktijdig {round_}")["learner"]
    url = f"/bedrijf/{learner.company_id}/leerlingen/{learner.pk}/"
    version = learner.version
    forms = [{"naam": learner.naam, "leerweg": "bbl", "crebo": learner.crebo,
              "school": f"School {n}", "start": learner.start.isoformat(),
              "eind": learner.eind.isoformat(), "praktijkopleider": "",
              "praktijkovereenkomst": "", "version": str(version)} for n in range(WRITERS)]
    statuses = _save_at_once(url, owner, forms)
    assert statuses == [302] + [409] * (WRITERS - 1)
    learner.refresh_from_db()
    assert learner.version == version + 1 and learner.school.startswith("School ")
    assert Learner.objects.filter(company_id=learner.company_id).count() == 1


@pytest.mark.usefixtures("content_transactional_db")
def test_a_save_waits_for_a_slow_write_instead_of_failing():
    """A write that holds the database for longer than SQLite's default 5 s timeout (as the
    deadlines of a company with tens of thousands of rows once did): the save waits, then
    gets the stale-edit answer, never "database is locked"."""
    owner = make_user("eigenaar@langzaam.test")
    learner = fill_company(owner, "Langzaam")["learner"]
    url = f"/bedrijf/{learner.company_id}/leerlingen/{learner.pk}/"
    form = {"naam": learner.naam, "leerweg": "bbl", "crebo": learner.crebo, "school": "Mijn",
            "start": learner.start.isoformat(), "eind": learner.eind.isoformat(),
            "praktijkopleider": "", "praktijkovereenkomst": "", "version": str(learner.version)}
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    assert client.get(url).status_code == 200  # warm: the save itself meets the slow write
    writing = threading.Event()

    def slow_write() -> None:
        try:
            with transaction.atomic():
                Learner.objects.filter(pk=learner.pk).update(version=learner.version + 1)
                writing.set()
                time.sleep(6)
        finally:
            connection.close()

    writer = threading.Thread(target=slow_write)
    writer.start()
    writing.wait()
    status = client.post(url, form).status_code
    writer.join()
    assert status == 409


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL has no journal mode")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000
    assert connection.transaction_mode == "IMMEDIATE"
