"""Speed of the advice engine (issue 11: readability first, these floors far below).

Floors: one advice in-process p50 ≤ 2 ms; ``onderwijsgids advies --batch`` over 20,000 varied
profiles ≥ 1,500 profiles/s for the whole process (start-up included; printed without and with
``--spoor``); ``POST /api/v1/advies`` p50 ≤ 10 ms over loopback (against a gunicorn this script
starts on a free port, on a fresh SQLite database); PDF of a plan ≤ 1.5 s.

Profiles are drawn at random (fixed seed) from realistic answer pools, so the engine's reuse of
a rule's result for identical answers only helps where real batches would repeat themselves.
Prints figures and exits 0 whatever they are; exits 1 only when it could not measure.
Run: ``make bench`` or ``.venv/bin/python bench/bench_advice.py``.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BATCH = 20_000
BATCH_RUNS = 3  # this machine's speed varies from run to run: the median of three
SINGLE = 2_000
API_REQUESTS = 300
PDF_RUNS = 5

CAOS = ["metaal-en-techniek"] * 6 + ["metalektro", "andere", "geen", "onbekend", None]
PATHS = ["bbl", "bbl", "bbl", "bol", "hbo-duaal", "hbo-voltijd", "vmbo", "havo-vwo", None]
CREBOS = ["25891", "25892", "25893", "25894", "25895", "25896", "25897", "25919", "25920", None]
PROVINCES = ["gelderland", "overijssel", "noord-brabant", "zuid-holland", "utrecht", "limburg",
             "friesland", None]
GOALS = ["jeugd-enthousiasmeren", "jongeren-techniekkeuze", "stageplekken", "bbl-leerlingen",
         "jongeren-begeleiden", "medewerkers-scholen", "onderwijscontacten", "werven",
         "zij-instromers", "op-de-hoogte-blijven", "zichtbaarheid"]
GROUPS = ["vrouwen", "statushouders", "zij-instromers", "afstand-tot-arbeidsmarkt",
          "andere-vooropleiding"]


def report(label: str, value: float, unit: str, target: float, higher_is_better: bool = False,
           note: str = "") -> None:
    ok = value >= target if higher_is_better else value <= target
    sign = "≥" if higher_is_better else "≤"
    print(f"{label}: {value:,.2f} {unit} — doel {sign} {target:g} {unit}: "
          f"{'OK' if ok else 'TE TRAAG'}" + (f" ({note})" if note else ""))


def month_start(rng: random.Random, first: int, last: int) -> str:
    return dt.date(rng.randint(first, last), rng.randint(1, 12), rng.choice([1, 15])).isoformat()


def random_profile(rng: random.Random, n: int) -> dict:
    profile: dict = {"naam": f"Bedrijf {n}", "peildatum": "2026-03-15", "cao": rng.choice(CAOS),
                     "medewerkers": rng.choice([3, 8, 12, 23, 40, 75, 120, 249, 250, 400, None]),
                     "provincie": rng.choice(PROVINCES),
                     "erkend_leerbedrijf": rng.choice([True, True, False, None]),
                     "praktijkopleider_opgeleid": rng.choice([True, False, None])}
    profile["leerlingen"] = [
        {"leerweg": rng.choice(PATHS), "crebo": rng.choice(CREBOS),
         "start": month_start(rng, 2024, 2026), "via_bvm": rng.choice([True, False, None])}
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3]))]
    profile["scholing_medewerkers"] = [
        {"omschrijving": rng.choice(["TIG-lassen", "VCA", "CNC", "Lezen van tekeningen"]),
         "start": month_start(rng, 2026, 2026), "kosten_eur": rng.choice([None, 800, 2400])}
        for _ in range(rng.choice([0, 0, 1, 2]))]
    profile["doelen"] = rng.sample(GOALS, rng.randint(0, 4))
    profile["doelgroepen"] = rng.sample(GROUPS, rng.randint(0, 2))
    return profile


def bench_single(profiles: list[dict]) -> None:
    from onderwijsgids.advice.engine import advise, parse_profile
    from onderwijsgids.advice.engine.compiled import compiled, forget
    from onderwijsgids.kb import default_content_dir, load_knowledge_base

    kb = load_knowledge_base(default_content_dir())
    parsed = [parse_profile(p, kb) for p in profiles]
    advise(parsed[0], kb)
    times = []
    for profile in parsed:
        forget(kb)  # no reuse at all: every advice computed from scratch (knowledge base
        compiled(kb)  # compiled again outside the timing)
        started = time.perf_counter()
        advise(profile, kb)
        times.append(time.perf_counter() - started)
    report(f"één advies in-process (p50 van {len(times)} verschillende profielen, zonder hergebruik)",
           statistics.median(times) * 1000, "ms", 2.0)


def run_batch(path: Path, out: Path, *flags: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "onderwijsgids"), "advies", "--batch", str(path), "-o", str(out),
                    *flags], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_batch(profiles: list[dict], tmp: Path) -> None:
    """Profiles per second for the whole process (start-up included), written to a file;
    with and without the per-regeling ``spoor`` (``--spoor``, off by default). The median of
    :data:`BATCH_RUNS` runs is judged; every run is printed."""
    big = tmp / "veel.jsonl"
    big.write_text("".join(json.dumps(p) + "\n" for p in profiles))
    for flags, label in (((), "zonder spoor (standaard)"), (("--spoor",), "met --spoor")):
        rates = sorted(len(profiles) / run_batch(big, tmp / "uit.jsonl", *flags)
                       for _ in range(BATCH_RUNS))
        size = (tmp / "uit.jsonl").stat().st_size / len(profiles) / 1000
        report(f"--batch {label} ({len(profiles):,} profielen, heel proces, mediaan van "
               f"{BATCH_RUNS} runs, {size:.1f} kB per regel)",
               statistics.median(rates), "profielen/s", 1500, higher_is_better=True,
               note="runs: " + ", ".join(f"{r:,.0f}" for r in rates))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_api(profiles: list[dict], tmp: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/api.sqlite3",
           "DJANGO_SETTINGS_MODULE": "onderwijsgids.settings"}
    subprocess.run([sys.executable, "-m", "django", "migrate", "--noinput", "-v0"], env=env,
                   check=True)
    subprocess.run([str(BIN / "onderwijsgids"), "content", "load"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([str(BIN / "gunicorn"), "onderwijsgids.wsgi:application",
                               "--bind", f"127.0.0.1:{port}", "--workers", "1",
                               "--no-control-socket", "--log-level", "warning"], env=env)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        bodies = [json.dumps(p).encode() for p in profiles[:API_REQUESTS]]
        times = []
        for index, body in enumerate(bodies * 2):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            started = time.perf_counter()
            conn.request("POST", "/api/v1/advies", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            conn.close()
            if response.status != 200:
                raise RuntimeError(f"API antwoordde {response.status}")
            if index >= len(bodies):  # second round: the server is warm
                times.append(elapsed)
        report(f"POST /api/v1/advies over loopback (p50 van {len(times)})",
               statistics.median(times) * 1000, "ms", 10.0)
    finally:
        server.terminate()
        server.wait(timeout=10)


def bench_pdf() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
    import django

    django.setup()
    from onderwijsgids.advice.engine import advise, profile_from_text
    from onderwijsgids.advice.render.pdf import to_pdf
    from onderwijsgids.kb import default_content_dir, load_knowledge_base

    kb = load_knowledge_base(default_content_dir())
    profile = profile_from_text((REPO / "examples/de-vonk.yaml").read_text(), kb)
    titles = {i: item.titel for i, item in kb.items.items()}
    to_pdf(advise(profile, kb), titles)  # warm-up: fonts and WeasyPrint's caches
    times = []
    for _ in range(PDF_RUNS):
        started = time.perf_counter()
        to_pdf(advise(profile, kb), titles)
        times.append(time.perf_counter() - started)
    report(f"PDF van een plan (p50 van {PDF_RUNS})", statistics.median(times), "s", 1.5)


def main() -> int:
    rng = random.Random(20260315)
    profiles = [random_profile(rng, n) for n in range(BATCH)]
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        try:
            bench_single(profiles[:SINGLE])
            bench_batch(profiles, tmp)
            bench_api(profiles, tmp)
            bench_pdf()
        except (subprocess.CalledProcessError, RuntimeError) as exc:
            print(f"niet gemeten: {exc}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
