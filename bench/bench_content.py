"""Speed of the knowledge base: a full ``load_content`` on a fresh SQLite database, and the
start-up time of ``onderwijsgids --help`` and ``onderwijsgids content check``.

Targets (issue 2): full content load ≤ 2 s; both commands start in ≤ 1 s. Prints figures and
exits 0 whatever they are (a slow run is a finding, not a crash); exits 1 only when the content
does not validate, so the load could not be measured.
Run: ``make bench`` or ``.venv/bin/python bench/bench_content.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOADS = 5
STARTS = 9
CLI = str(Path(sys.executable).with_name("onderwijsgids"))


def report(label: str, seconds: list[float], target: float, note: str = "") -> None:
    p50 = statistics.median(seconds)
    verdict = "OK" if p50 <= target else "TE TRAAG"
    print(f"{label}: p50 {p50 * 1000:.0f} ms (min {min(seconds) * 1000:.0f}, "
          f"max {max(seconds) * 1000:.0f}, n={len(seconds)}) — doel ≤ {target:g} s: {verdict}"
          + (f" {note}" if note else ""))


def fresh_database(directory: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def bench_load() -> bool:
    """Time validation alone and a full load; False when the content does not validate."""
    from onderwijsgids.content.services import load_content
    from onderwijsgids.kb import ContentError, default_content_dir, load_knowledge_base

    root = default_content_dir()
    try:
        load_knowledge_base(root)
    except ContentError as exc:
        print(f"content load: niet gemeten, {root} controleert niet ({len(exc.problems)} fout(en);"
              " zie 'onderwijsgids content check')")
        return False
    check_times, load_times = [], []
    for _ in range(LOADS):
        started = time.perf_counter()
        load_knowledge_base(root)
        check_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        release = load_content(root)
        load_times.append(time.perf_counter() - started)
    report(f"content lezen en controleren ({release.item_count} items)", check_times, 2)
    report(f"content load, volledig ({release.item_count} items, verse SQLite)", load_times, 2)
    return True


def bench_start(label: str, argv: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    times = []
    for _ in range(STARTS):
        started = time.perf_counter()
        subprocess.run([CLI, *argv], capture_output=True, env=env, timeout=120)
        times.append(time.perf_counter() - started)
    report(label, times, 1)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="og-bench-") as directory:
        fresh_database(directory)
        loaded = bench_load()
    bench_start("start 'onderwijsgids --help'", ["--help"])
    bench_start("start en run 'onderwijsgids content check'", ["content", "check"])
    return 0 if loaded else 1


if __name__ == "__main__":
    sys.exit(main())
