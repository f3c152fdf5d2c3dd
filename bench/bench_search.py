"""Search quality and speed (issue 4).

- Quality: top-1 and top-3 hit rates on ``tests/search/questions.tsv`` for this engine and,
  side by side, for a plain baseline (plus how long the engine's result lists are, issue 14): SQLite FTS5 with its default tokenizer, ranked by bm25,
  over title + summary + body, in an in-memory database (the words of the question OR-ed).
- Speed: search p50 in-process (target ≤ 2 ms) and through the API on loopback, with gunicorn
  started on a free port (≤ 10 ms); route query p50 (≤ 5 ms); index build for the whole guide
  (≤ 1 s).
Prints figures; exits 0 whatever they are (slow is a finding), 1 when it cannot measure.
Run: ``make bench`` or ``.venv/bin/python bench/bench_search.py``.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "search" / "questions.tsv"
sys.path.insert(0, str(ROOT / "src"))

from onderwijsgids.kb import default_content_dir, load_knowledge_base  # noqa: E402
from onderwijsgids.search.engine.evaluation import read_questions, score  # noqa: E402
from onderwijsgids.search.engine.index import build_index, plain_text  # noqa: E402
from onderwijsgids.search.engine.query import search  # noqa: E402
from onderwijsgids.search.engine.routes import EducationGraph, routes_document  # noqa: E402


def p50_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "TE TRAAG"


def fts5_baseline(kb):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, titel, samenvatting, inhoud)")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                   [(i.id, i.titel, i.samenvatting, plain_text(i.inhoud))
                    for i in kb.items.values()])

    def ranked(question: str) -> list[str]:
        tokens = re.findall(r"\w+", question.lower())
        if not tokens:
            return []
        match = " OR ".join(f'"{t}"' for t in tokens)
        rows = db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 3",
                          (match,)).fetchall()
        return [r[0] for r in rows]

    return ranked


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_p50(questions: list[str]) -> float | None:
    """Start gunicorn on a fresh SQLite database with the content, time GET /api/v1/zoeken."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "DJANGO_SETTINGS_MODULE": "onderwijsgids.settings"}
        python = sys.executable
        subprocess.run([python, "-m", "django", "migrate", "-v0", "--noinput"], env=env,
                       check=True)
        subprocess.run([str(Path(python).with_name("onderwijsgids")), "content", "load"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen(
            [str(Path(python).with_name("gunicorn")), "onderwijsgids.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/api/v1/zoeken?q="
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "bbl", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                return None
            samples = []
            for _round in range(3):
                for q in questions:
                    started = time.perf_counter()
                    urllib.request.urlopen(base + urllib.parse.quote(q), timeout=5).read()
                    samples.append(time.perf_counter() - started)
            return p50_ms(samples)
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> int:
    kb = load_knowledge_base(default_content_dir())
    builds = []
    for _ in range(5):
        started = time.perf_counter()
        index = build_index(kb)
        builds.append(time.perf_counter() - started)
    questions = read_questions(QUESTIONS)
    engine = score(questions, lambda q: [h.id for h in search(index, q, limit=3).hits])
    baseline = score(questions, fts5_baseline(kb))
    print(f"vragenset: {len(questions)} vragen (tests/search/questions.tsv)")
    print(f"{'':28}{'top-1':>8}{'top-3':>8}")
    print(f"{'deze zoekmachine':28}{engine.top1_rate:>8.1%}{engine.top3_rate:>8.1%}")
    print(f"{'basislijn SQLite FTS5':28}{baseline.top1_rate:>8.1%}{baseline.top3_rate:>8.1%}")
    print(f"doel top-3 ≥ 90%: {'OK' if engine.top3_rate >= 0.9 else 'TE LAAG'}")
    sizes = sorted(search(index, q.text, limit=100).total for q in questions)
    print(f"lengte van de resultatenlijst: mediaan {statistics.median(sizes):.0f}, "
          f"gemiddeld {statistics.mean(sizes):.1f}, langste {sizes[-1]} van {len(kb.items)} items")

    texts = [q.text for q in questions]
    for q in texts:  # warm caches (lazy tables, stems)
        search(index, q)
    samples, snippet_samples = [], []
    for _round in range(5):
        for q in texts:
            started = time.perf_counter()
            search(index, q)
            samples.append(time.perf_counter() - started)
            started = time.perf_counter()
            search(index, q, snippets=True)
            snippet_samples.append(time.perf_counter() - started)
    value = p50_ms(samples)
    print(f"zoeken in het proces: p50 {value:.2f} ms — doel ≤ 2 ms: {verdict(value, 2)} "
          f"(met fragmenten voor de pagina: p50 {p50_ms(snippet_samples):.2f} ms)")

    graph = EducationGraph(kb)
    pairs = [("vmbo-kb", "hbo-bachelor"), ("havo", "wo-master"), ("vmbo-bb", "mbo-4"),
             ("praktijkonderwijs", "hbo-bachelor")]
    route_samples = []
    for _round in range(50):
        for van, naar in pairs:
            started = time.perf_counter()
            routes_document(graph, van, naar)
            route_samples.append(time.perf_counter() - started)
    value = p50_ms(route_samples)
    print(f"route-vraag: p50 {value:.2f} ms — doel ≤ 5 ms: {verdict(value, 5)}")
    value = p50_ms(builds)
    print(f"index bouwen (hele gids, {len(kb.items)} items): p50 {value:.0f} ms — doel ≤ 1000 ms: "
          f"{verdict(value, 1000)}")

    api = api_p50(texts)
    if api is None:
        print("API via loopback: gunicorn startte niet; niet gemeten")
        return 1
    print(f"zoeken via de API (gunicorn, loopback): p50 {api:.2f} ms — doel ≤ 10 ms: "
          f"{verdict(api, 10)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
