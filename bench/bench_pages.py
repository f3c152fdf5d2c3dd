"""Server-side render time of item pages, in-process through Django's test Client.

Target (issue 2): an item page renders in p50 ≤ 10 ms. Measured twice: as served (the item's
article comes from the per-release cache, the layout is rendered per request) and with the
article rendered afresh each time (the first request after a content load). Uses a fresh
SQLite database with the real content loaded, renders a few representative pages N times each
(after one warm-up that fills the per-release caches) and prints p50/p95 per page. Exits 0
whatever the figures (a slow run is a finding); exits 1 when a page does not answer 200, so
nothing was measured.
Run: ``make bench`` or ``.venv/bin/python bench/bench_pages.py [N]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

PAGES = [
    "/actiepunten/3/",
    "/regelingen/subsidie-praktijkleren/",
    "/kwalificaties/25892/",
    "/onderwijsniveaus/mbo-4/",
    "/organisaties/bvm-terborg/",
    "/gids/onderwijsniveaus/",
]
TARGET_MS = 10.0


def setup(directory: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from onderwijsgids.content.services import load_content

    load_content(settings.ONDERWIJSGIDS_CONTENT_DIR)


def measure(client, path: str, runs: int, afresh: bool) -> list[float] | None:
    """Milliseconds per request; ``afresh`` renders the item's article again every time
    instead of taking it from the per-release cache."""
    from onderwijsgids.content.views import forget_rendered_articles

    if client.get(path).status_code != 200:  # warm-up: typed knowledge base, QR, diagram
        return None
    times = []
    for _ in range(runs):
        if afresh:
            forget_rendered_articles()
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[18]
    verdict = "OK" if p50 <= TARGET_MS else "TE TRAAG"
    print(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (n={len(times)}) "
          f"— doel p50 ≤ {TARGET_MS:g} ms: {verdict}")


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory(prefix="og-bench-pages-") as directory:
        setup(directory)
        from django.test import Client

        client = Client()
        for afresh, how in [(False, "zoals geserveerd"), (True, "artikel telkens opnieuw")]:
            all_times: list[float] = []
            for path in PAGES:
                times = measure(client, path, runs, afresh)
                if times is None:
                    print(f"{path}: niet gemeten, de pagina antwoordt niet met 200")
                    return 1
                all_times.extend(times)
                report(f"itempagina {path} ({how})", times)
            report(f"itempagina's samen ({how})", all_times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
