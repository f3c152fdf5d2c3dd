"""Workspace speed on PostgreSQL: company dashboard p50, advisor portfolio of 300 companies,
reminders for all companies.

    .venv/bin/python bench/bench_workspace.py                  # 15,000 companies, 5 learners each
    .venv/bin/python bench/bench_workspace.py --bedrijven 500  # quick run

Uses its own database (``og_workspace_bench`` unless BENCH_DATABASE_URL is set), fills it once
with ``onderwijsgids demo`` and reuses it on later runs. Targets (issue 5): dashboard p50
<= 50 ms, portfolio <= 200 ms, reminders for all companies <= 60 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/og_workspace_bench"


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def verdict(value: float, limit: float) -> str:
    return "OK" if value <= limit else "TE TRAAG"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bedrijven", type=int, default=15000)
    parser.add_argument("--leerlingen", type=int, default=5)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    try:
        ensure_database(url)
    except Exception as exc:  # no PostgreSQL: nothing to measure
        print(f"PostgreSQL niet bereikbaar ({exc}); niets gemeten", file=sys.stderr)
        return 1
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "onderwijsgids.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from onderwijsgids.content.models import Item
    from onderwijsgids.content.services import load_content

    if not Item.objects.exists():
        load_content(settings.ONDERWIJSGIDS_CONTENT_DIR)

    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from onderwijsgids.workspace import reminders
    from onderwijsgids.workspace.demo import ADVISED, create_demo
    from onderwijsgids.workspace.models import (AdvisorAssignment, Company, Learner, Membership,
                                                ReminderSent)

    existing = Company.objects.count()
    if existing < args.bedrijven:
        start = time.perf_counter()
        create_demo(args.bedrijven - existing, learners_per_company=args.leerlingen,
                    progress=sys.stderr.isatty())
        print(f"demo aangevuld tot {args.bedrijven} bedrijven in "
              f"{time.perf_counter() - start:.1f} s")
    companies, learners = Company.objects.count(), Learner.objects.count()
    print(f"database: {companies} bedrijven, {learners} leerlingen")

    # Company dashboard: 40 owners, each page requested 5 times.
    samples = []
    step = max(1, companies // 40)
    for membership in (Membership.objects.filter(role="owner").select_related("user")
                       .order_by("company_id")[::step][:40]):
        client = Client()
        client.force_login(membership.user)
        url = f"/bedrijf/{membership.company_id}/"
        assert client.get(url).status_code == 200
        samples += timed(lambda client=client, url=url: client.get(url), 5)
    p50 = statistics.median(samples)
    print(f"dashboard bedrijf: p50 {p50:.1f} ms, p95 {statistics.quantiles(samples, n=20)[18]:.1f}"
          f" ms (doel p50 <= 50 ms) {verdict(p50, 50)}")

    # Advisor portfolio: the advisor with the most companies (demo: 300).
    top = (AdvisorAssignment.objects.values("advisor").order_by()
           .annotate(n=django.db.models.Count("id")).order_by("-n").first())
    from django.contrib.auth import get_user_model

    advisor = get_user_model().objects.get(pk=top["advisor"])
    device, _ = TOTPDevice.objects.get_or_create(user=advisor, name="bench",
                                                 defaults={"confirmed": True})
    client = Client()
    client.force_login(advisor)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    assert client.get("/adviseur/").status_code == 200
    portfolio = timed(lambda: client.get("/adviseur/"), 15)
    p50 = statistics.median(portfolio)
    print(f"portefeuille adviseur ({top['n']} bedrijven): p50 {p50:.1f} ms "
          f"(doel <= 200 ms bij {ADVISED} bedrijven) {verdict(p50, 200)}")

    # Reminders for all companies, from an empty outbox.
    ReminderSent.objects.all().delete()
    start = time.perf_counter()
    outcome = reminders.run()
    seconds = time.perf_counter() - start
    print(f"herinneringen alle {companies} bedrijven: {outcome.planned} gepland, {outcome.sent} "
          f"verstuurd in {seconds:.1f} s (doel <= 60 s) {verdict(seconds, 60)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
