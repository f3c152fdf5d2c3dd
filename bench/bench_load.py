"""The app under load (issue 10, item 6): the real server, PostgreSQL, mixed traffic.

Starts ``onderwijsgids serve`` (gunicorn, threaded workers, its defaults for this machine) on
127.0.0.1 against PostgreSQL filled once with ``onderwijsgids demo --bedrijven 10000`` (reused on
later runs), then drives it from a bounded load client in this process (asyncio, keep-alive
connections, 127.0.0.1 only; every run stops after a request count or a time limit):

1. mixed traffic (item pages, the search page and the JSON search, ``POST /api/v1/advies``,
   logged-in dashboards, lists, item JSON, the education diagram) at 1, 4, 16 and 64
   connections: requests/s and p50/p95/p99, beside the minimal view ``/gezond/`` at the same
   concurrency in the same run (the ratio is the figure);
2. each address alone at 16 connections (as wrk would), in turns with an item page and the
   minimal view: requests/s, p50/p95/p99, its ratio to the item page and to the minimal view,
   and "p99 b.": the median of the p99 of its three turns. The client shares the machine's two
   cores with the server, and one stall of the (shared) machine delays all 16 requests in
   flight: 0.8% of a row's 2,000 requests, enough to set the pooled p99 by itself, while it
   moves the p99 of one turn only. The pooled p99 is printed beside it.
   Public pages are remembered per release and address (a search page by the parameters it
   reads), the answer to a question per release and question. Two rows show what that
   means: "nieuw adres" (a known question under an address not seen before, as a newsletter's
   tracking code makes: remembered all the same) and "nieuwe vraag" (each time a question not
   asked before in this run: searched and rendered, what a never-seen page costs; its words
   come from a list of 25, so a word's stem is known after the first questions, as for the
   words of the guide in a worker that has run a while). Half the search pages in the mixed
   traffic are of these two kinds. Target: every public HTML page and JSON call at least half
   an item page's throughput, p99 b. <= 100 ms. Downloads (PDF, ics, XLSX) are left out.

Any answer other than the expected status, or a broken connection, is an error: they are
counted and the script exits 1 when there was one. Run: ``make bench`` or
``.venv/bin/python bench/bench_load.py [--bedrijven N] [--port P] [--seconden S]``.
Database: ``og_load_bench`` unless BENCH_DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/og_load_bench"
HOST = "127.0.0.1"
LEVELS = (1, 4, 16, 64)
ALONE_CONNECTIONS = 16
P99_LIMIT_MS = 100.0
MINIMAL = "/gezond/"
SEARCHES = ["subsidie bbl", "subsidie voor mijn bbl'er", "praktijkopleider cursus",
            "zij-instromer werven", "stage", "25892", "techniek meiden", "leerbedrijf erkenning"]
# Words an owner would type; three of them make a question (13,800 different ones).
QUESTION_WORDS = ("subsidie bbl bol stage praktijkopleider cursus leerbedrijf erkenning techniek "
                  "meiden zij-instromer werven scholing mbo vmbo hbo lassen draaien frezen monteur "
                  "leerling begeleider kosten vakschool examen").split()


class NewQuestions:
    """Questions each asked once in a run, so nothing of their answer can be remembered."""

    def __init__(self, seed: int = 7):
        questions = [" ".join(words) for words in itertools.permutations(QUESTION_WORDS, 3)]
        random.Random(seed).shuffle(questions)
        self._unasked = iter(questions)

    def take(self, n: int) -> list[str]:
        taken = list(itertools.islice(self._unasked, n))
        if len(taken) < n:
            raise SystemExit("te weinig nieuwe zoekvragen over: kies minder --verzoeken")
        return taken


def search_path(q: str) -> str:
    return "/zoeken/?q=" + q.replace(" ", "+")


@dataclass(frozen=True)
class Request:
    label: str                        # the address as the table names it
    method: str
    path: str
    body: bytes = b""
    cookie: str = ""
    expect: int = 200
    public: bool = True               # judged against the target (personal pages are not)
    unseen: bool = False              # asked each time under an address not seen before
    per_address: bool = True          # False: each time a question not asked before

    def raw(self, port: int) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {HOST}:{port}",
                 "Accept-Encoding: identity"]
        if self.cookie:
            lines.append(f"Cookie: {self.cookie}")
        if self.method == "POST":
            lines += ["Content-Type: application/json", f"Content-Length: {len(self.body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


@dataclass
class Outcome:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    turns: list[list[float]] = field(default_factory=list)  # the latencies of each turn

    def turn_p99(self) -> float:
        """The median of the turns' p99: one stall of the (shared) machine, which delays every
        request in flight at once, moves one turn's p99 and not this figure."""
        values = sorted(percentile(turn, 99) for turn in self.turns) or [float("nan")]
        return values[len(values) // 2]

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def all_latencies(self) -> list[float]:
        return [x for v in self.latencies.values() for x in v]


# --- the load client ----------------------------------------------------------------------


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, keep the connection); reads the whole body (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _s, v in
               (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status, headers.get("connection", "").lower() != "close"


async def _connection(port: int, plan: list[Request], next_index: list[int], limit: int,
                      deadline: float, outcome: Outcome) -> None:
    reader = writer = None
    while True:
        index = next_index[0]
        if index >= limit or time.perf_counter() >= deadline:
            break
        next_index[0] += 1
        request = plan[index % len(plan)]
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            started = time.perf_counter()
            writer.write(request.raw(port))
            await writer.drain()
            status, keep = await _read_response(reader)
            elapsed = (time.perf_counter() - started) * 1000
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            outcome.errors.append(f"{request.label}: {type(exc).__name__}")
            writer = None
            continue
        if status != request.expect:
            outcome.errors.append(f"{request.label}: status {status}")
        outcome.latencies.setdefault(request.label, []).append(elapsed)
        if not keep:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


def drive(port: int, plan: list[Request], connections: int, limit: int,
          seconds: float) -> Outcome:
    """Send up to ``limit`` requests of ``plan`` (in order, round robin) over ``connections``
    keep-alive connections for at most ``seconds``."""
    outcome = Outcome()

    async def run() -> None:
        deadline = time.perf_counter() + seconds
        next_index = [0]
        started = time.perf_counter()
        await asyncio.gather(*(_connection(port, plan, next_index, limit, deadline, outcome)
                               for _ in range(connections)))
        outcome.seconds = time.perf_counter() - started

    asyncio.run(run())
    return outcome


def merge(into: Outcome, part: Outcome) -> None:
    for label, values in part.latencies.items():
        into.latencies.setdefault(label, []).extend(values)
    into.turns.append(part.all_latencies())
    into.errors += part.errors
    into.seconds += part.seconds


def interleaved(port: int, plans: list[list[Request]], connections: int, limit: int,
                seconds: float, rounds: int = 3) -> list[Outcome]:
    """Each plan in turn, ``rounds`` times, a share of the budget each time: on a machine whose
    other load comes and goes, what is compared was measured in the same moments."""
    totals = [Outcome() for _ in plans]
    share = max(1, limit // rounds)
    for turn in range(rounds):
        for plan, total in zip(plans, totals):
            start = turn * share % len(plan)  # each turn goes on where the last one stopped
            merge(total, drive(port, plan[start:] + plan[:start], connections, share,
                               seconds / rounds))
    return totals


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# --- database and server ------------------------------------------------------------------


def ensure_database(url: str, companies: int) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([BIN / "python", "-m", "django", "migrate", "--noinput", "-v0",
                    "--settings=onderwijsgids.settings"], env=env, check=True)
    with psycopg.connect(url) as conn:
        has_items = conn.execute("SELECT count(*) FROM content_item").fetchone()[0] > 0
        existing = conn.execute("SELECT count(*) FROM workspace_company").fetchone()[0]
    if not has_items:
        subprocess.run([BIN / "onderwijsgids", "content", "load"], env=env, check=True)
    if existing < companies:
        print(f"database vullen: demo --bedrijven {companies - existing} (eenmalig, enkele "
              "minuten)", flush=True)
        subprocess.run([BIN / "onderwijsgids", "demo", "--bedrijven", str(companies - existing)],
                       env=env, check=True, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(url: str, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    server = subprocess.Popen([BIN / "onderwijsgids", "serve", "--host", HOST, "--port",
                               str(port), "--geen-toegangslog"], env=env,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError(f"de server stopte meteen:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{MINIMAL}", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("de server antwoordt niet binnen 60 s")


# --- what the traffic consists of ---------------------------------------------------------


@dataclass
class Site:
    items: list[str]                  # item page paths
    item_ids: list[str]
    dashboards: list[tuple[str, str]]  # (path, cookie)
    advice_body: bytes


def prepare_site(url: str, owners: int = 200) -> Site:
    """Item addresses from the published content and logged-in owners (sessions made here)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
    import django

    django.setup()
    import yaml
    from django.conf import settings
    from django.test import Client

    from onderwijsgids.content.models import Item
    from onderwijsgids.workspace.models import Membership

    items = list(Item.objects.order_by("id").values_list("id", "url"))
    dashboards = []
    memberships = Membership.objects.filter(role="owner").select_related("user").order_by("id")
    for membership in memberships[:owners]:
        client = Client()
        client.force_login(membership.user)
        cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        dashboards.append((f"/bedrijf/{membership.company_id}/", cookie))
    profile = yaml.safe_load((REPO / "examples" / "de-vonk.yaml").read_text())
    return Site(items=[u for _i, u in items], item_ids=[i for i, _u in items],
                dashboards=dashboards,
                advice_body=json.dumps(profile, default=str).encode())


def addresses(site: Site) -> list[Request]:
    """One request per kind of address, for the runs of each address alone."""
    search = "/zoeken/?q=subsidie+bbl"
    path, cookie = site.dashboards[0]
    return [
        Request("minimaal /gezond/", "GET", MINIMAL),
        Request("itempagina /actiepunten/3/", "GET", "/actiepunten/3/"),
        Request("startpagina /", "GET", "/"),
        Request("lijst /regelingen/", "GET", "/regelingen/"),
        Request("lijst /actiepunten/", "GET", "/actiepunten/"),
        Request("lijst /kwalificaties/", "GET", "/kwalificaties/"),
        Request("schema /onderwijsniveaus/", "GET", "/onderwijsniveaus/"),
        Request("zoekpagina " + search, "GET", search),
        Request("zoekpagina pagina 2", "GET", search + "&pagina=2"),
        Request("zoekpagina nieuw adres", "GET", search + "&pagina=2", unseen=True),
        Request("zoekpagina nieuwe vraag", "GET", search, unseen=True, per_address=False),
        Request("routes /onderwijsroutes/", "GET", "/onderwijsroutes/?van=vmbo-kb&naar=hbo-bachelor"),
        Request("bvm /bedrijfsvakscholen/", "GET", "/bedrijfsvakscholen/?plaats=Zwolle"),
        Request("advies /advies/", "GET", "/advies/"),
        Request("json /api/v1/items/actiepunt-3", "GET", "/api/v1/items/actiepunt-3"),
        Request("json /api/v1/items?type=regeling", "GET", "/api/v1/items?type=regeling"),
        Request("json /api/v1/zoeken", "GET", "/api/v1/zoeken?q=subsidie+bbl"),
        Request("json /api/v1/route", "GET", "/api/v1/route?van=vmbo-kb&naar=hbo-bachelor"),
        Request("json /api/v1/bedrijfsvakscholen", "GET",
                "/api/v1/bedrijfsvakscholen?plaats=Zwolle"),
        Request("json POST /api/v1/advies", "POST", "/api/v1/advies", site.advice_body),
        Request("dashboard /bedrijf/N/ (ingelogd)", "GET", path, cookie=cookie, public=False),
    ]


def mixed_plan(site: Site, questions: NewQuestions, size: int = 5000,
               seed: int = 10) -> list[Request]:
    """A fixed random sequence of the traffic a real day would bring, by share."""
    rng = random.Random(seed)

    def item() -> Request:
        return Request("itempagina", "GET", rng.choice(site.items))

    def search_page() -> Request:
        """A quarter of them a known question under an address not seen before, a quarter a
        question not asked before (searched and rendered)."""
        kind = rng.random()
        if kind < 0.25:
            return Request("zoekpagina", "GET", search_path(questions.take(1)[0]))
        page = rng.choice(["", "", "", "&pagina=2"])
        fresh = f"&n={rng.randrange(10**9)}" if kind < 0.5 else ""
        return Request("zoekpagina", "GET", search_path(rng.choice(SEARCHES)) + page + fresh)

    def search_json() -> Request:
        return Request("json zoeken", "GET", f"/api/v1/zoeken?q={rng.choice(SEARCHES)}".replace(" ", "+"))

    def advice() -> Request:
        return Request("json POST advies", "POST", "/api/v1/advies", site.advice_body)

    def dashboard() -> Request:
        path, cookie = rng.choice(site.dashboards)
        return Request("dashboard (ingelogd)", "GET", path, cookie=cookie, public=False)

    def item_json() -> Request:
        return Request("json item", "GET", f"/api/v1/items/{rng.choice(site.item_ids)}")

    def other() -> Request:
        return Request("lijsten en schema", "GET", rng.choice(
            ["/", "/regelingen/", "/actiepunten/", "/onderwijsniveaus/", "/kwalificaties/"]))

    shares = [(item, 35), (search_page, 12), (search_json, 10), (advice, 10), (dashboard, 15),
              (item_json, 8), (other, 10)]
    makers = [maker for maker, weight in shares for _ in range(weight)]
    return [rng.choice(makers)() for _ in range(size)]


# --- the runs -----------------------------------------------------------------------------


def row(label: str, outcome: Outcome, *extra: str) -> str:
    values = outcome.all_latencies()
    return (f"{label:<38} {outcome.count:>7} {len(outcome.errors):>6} {outcome.rate():>9.0f} "
            f"{percentile(values, 50):>7.1f} {percentile(values, 95):>7.1f} "
            f"{percentile(values, 99):>7.1f} " + " ".join(extra))


HEADER = (f"{'':<38} {'verz.':>7} {'fouten':>6} {'verz./s':>9} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7}")


def warm_up(port: int, site: Site, plan: list[Request]) -> None:
    """Every worker renders every kind of page once before anything is measured."""
    warm = addresses(site) * 8 + plan[:400]
    outcome = drive(port, warm, 8, len(warm), 120)
    if outcome.errors:
        raise RuntimeError(f"fouten bij het opwarmen: {outcome.errors[:5]}")


def run_mixed(port: int, site: Site, questions: NewQuestions, limit: int,
              seconds: float) -> list[str]:
    errors = []
    print("\n== gemengd verkeer (itempagina's, zoeken, advies, dashboards, lijsten, JSON) ==")
    print(HEADER + f" {'minimaal/s':>10} {'verhouding':>10}")
    for connections in LEVELS:
        # A plan per level, as long as the run: a new question is asked once.
        plan = mixed_plan(site, questions, size=max(limit, 1000), seed=10 + connections)
        minimal, mixed = interleaved(port, [[Request("minimaal", "GET", MINIMAL)], plan],
                                     connections, limit, seconds)
        ratio = mixed.rate() / minimal.rate() if minimal.rate() else 0.0
        print(row(f"{connections} gelijktijdig", mixed, f"{minimal.rate():>10.0f}",
                  f"{ratio:>10.2f}"), flush=True)
        errors += mixed.errors + minimal.errors
        if connections == ALONE_CONNECTIONS:
            sixteen = mixed
    print(f"\nper soort verzoek in het gemengde verkeer bij {ALONE_CONNECTIONS} gelijktijdig:")
    for label, values in sorted(sixteen.latencies.items()):
        print(f"  {label:<36} {len(values):>7}   p50 {percentile(values, 50):6.1f}   "
              f"p95 {percentile(values, 95):6.1f}   p99 {percentile(values, 99):6.1f} ms")
    return errors


def never_seen(request: Request, questions: NewQuestions, limit: int) -> list[Request]:
    """``limit`` requests that cannot have been remembered: the same page under different
    addresses (an unused parameter), or each time a question not asked before."""
    if not request.per_address:
        return [Request(request.label, "GET", search_path(q)) for q in questions.take(limit)]
    return [Request(request.label, request.method, f"{request.path}&n={n}", request.body,
                    request.cookie) for n in range(limit)]


def run_alone(port: int, site: Site, questions: NewQuestions, limit: int,
              seconds: float) -> list[str]:
    """Each address alone, interleaved with an item page and the minimal view (their rates in
    the same moments are what the address is compared with)."""
    print(f"\n== elk adres apart, {ALONE_CONNECTIONS} gelijktijdig (afgewisseld met een "
          "itempagina en de minimale view; de verhoudingen gelden voor dezelfde momenten) ==")
    print(HEADER + f" {'/item':>6} {'/min.':>6} {'p99 b.':>7}  doel: doorvoer >= 0,5 x item, "
          f"p99 b. <= {P99_LIMIT_MS:g} ms")
    requests = addresses(site)
    minimal_request, item_request = requests[0], requests[1]
    errors, all_ok, never_asked = [], True, "niet gemeten"
    for request in requests:
        plan = never_seen(request, questions, limit) if request.unseen else [request]
        outcome, item, minimal = interleaved(
            port, [plan, [item_request], [minimal_request]], ALONE_CONNECTIONS, limit, seconds)
        measured = request.public and request not in (minimal_request, item_request)
        fast = outcome.rate() >= item.rate() / 2
        quick = outcome.turn_p99() <= P99_LIMIT_MS
        verdict = (f"doorvoer {'OK' if fast else 'TE TRAAG'}, p99 {'OK' if quick else 'TE HOOG'}"
                   if measured else "(geen doel)")
        if measured and not request.per_address:
            verdict = "(ter informatie: elk verzoek een ander adres)"
            never_asked = (f"{outcome.rate() / item.rate():.2f} x item, p99 "
                           f"{percentile(outcome.all_latencies(), 99):.0f} ms (per beurt "
                           f"{outcome.turn_p99():.0f} ms)")
        elif measured:
            all_ok &= fast and quick
        print(row(request.label, outcome, f"{outcome.rate() / item.rate():>6.2f}",
                  f"{outcome.rate() / minimal.rate():>6.2f}", f"{outcome.turn_p99():>7.1f}",
                  f" {verdict}"), flush=True)
        errors += outcome.errors + item.errors + minimal.errors
    print(f"\ndoel per adres (zoals wrk meet: telkens hetzelfde adres): "
          f"{'OK' if all_ok else 'TE TRAAG'}")
    print(f"een zoekvraag die nog niet gesteld is (zoeken en opbouwen): {never_asked}")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bedrijven", type=int, default=10000)
    parser.add_argument("--port", type=int, default=0, help="standaard een vrije poort")
    parser.add_argument("--seconden", type=float, default=12.0,
                        help="hooguit zoveel seconden per meting (gemengd)")
    parser.add_argument("--verzoeken", type=int, default=4000,
                        help="hooguit zoveel verzoeken per meting (gemengd)")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    try:
        ensure_database(url, args.bedrijven)
    except Exception as exc:  # no PostgreSQL: nothing to measure
        print(f"PostgreSQL niet bereikbaar of niet te vullen ({exc}); niets gemeten",
              file=sys.stderr)
        return 1
    site = prepare_site(url)
    questions = NewQuestions()
    port = args.port or free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        server = start_server(url, port, log)
        try:
            print(log.read_text().strip().splitlines()[0])
            print(f"database: {url.rsplit('/', 1)[1]}, {len(site.items)} items, "
                  f"{len(site.dashboards)} ingelogde eigenaren; cpu-kernen: {os.cpu_count()}; "
                  "de load-client draait op dezelfde machine", flush=True)
            warm_up(port, site, mixed_plan(site, questions, seed=1))
            errors = run_mixed(port, site, questions, args.verzoeken, args.seconden)
            errors += run_alone(port, site, questions, args.verzoeken // 2, args.seconden / 3)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"fouten: {len(errors)}" + (f" — bv. {sorted(set(errors))[:8]}" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
