"""Fake companies, learners and applications for trying the app and for benchmarks.

Names are made from syllables, so no real person or company appears. The companies are written
in chunks by :func:`~.actions.do_create_companies_in_bulk` (the same checks as every channel,
deadlines derived per chunk), so 15,000 companies take minutes, not hours.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from onderwijsgids.advice.engine.studiejaar import Studiejaar

from . import actions, services
from .domain.values import ApplicationValues, CompanyProfile, LearnerValues, TrainingValues
from .models import Account

SYLLABLES = ["ber", "dok", "fa", "gel", "ho", "kar", "len", "mo", "nie", "pra", "ros", "sta",
             "tel", "vo", "wer", "zan", "bri", "del", "kos", "lu", "mer", "ta", "vin", "dra"]
COMPANY_WORDS = ["Metaal", "Staal", "Laswerk", "Constructie", "Techniek", "Precisie", "Plaatwerk",
                 "Machinebouw", "Draaierij", "Frezerij"]
PLACES = ["Aldorp", "Bemmerveen", "Dijkhoven", "Elsterwold", "Grotebrug", "Hoekmeer",
          "Kerkeloo", "Lindervaart", "Molenrade", "Oosterzand"]
SCHOOLS = ["ROC Aldorp", "Vakcollege Dijkhoven", "Techniekschool Hoekmeer"]
COURSES = ["TIG-lassen gevorderd", "CNC-draaien", "Veilig werken VCA", "Plaatbewerken",
           "Tekening lezen"]
PATHS = ["bbl", "bbl", "bbl", "bol", "hbo-duaal"]
PASSWORD = "demo-wachtwoord-2025"
ADVISED = 300


@dataclass
class DemoResult:
    companies: int
    learners: int
    applications: int
    owner_email: str
    advisor_email: str
    advised: int
    password: str


def fake_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def fake_person(rng: random.Random) -> str:
    return f"{fake_word(rng, 2)} {fake_word(rng, rng.choice((2, 3)))}"


def _kwalificaties() -> list[str]:
    kb = services.current_kb()
    return sorted(k.id for k in kb.of_type("kwalificatie") if k.soort == "profiel") or [""]


def _seed(rng: random.Random, crebos: list[str], today: dt.date, owner, advisor,
          learners: int) -> actions.CompanySeed:
    profile = CompanyProfile(
        naam=f"{fake_word(rng, 2)} {rng.choice(COMPANY_WORDS)} B.V.", plaats=rng.choice(PLACES),
        cao="metaal-en-techniek", medewerkers=rng.randint(3, 120),
        erkend_leerbedrijf=rng.random() < 0.8, praktijkopleider_opgeleid=rng.random() < 0.6)
    rows = []
    for _ in range(learners):
        start = dt.date(today.year - rng.randint(0, 2), rng.choice((8, 9)), 1)
        rows.append(LearnerValues(
            naam=fake_person(rng), leerweg=rng.choice(PATHS), crebo=rng.choice(crebos),
            school=rng.choice(SCHOOLS), start=start,
            eind=dt.date(start.year + rng.randint(1, 3), 7, 1),
            praktijkopleider=fake_person(rng), via_bvm=rng.random() < 0.2))
    training = TrainingValues(medewerker=fake_person(rng), omschrijving=rng.choice(COURSES),
                              start=today + dt.timedelta(days=rng.choice((10, 25, 45, 90))))
    applications = [ApplicationValues(
        regeling="subsidie-praktijkleren", jaar=Studiejaar(today.year - 1).label,
        status=rng.choice(["te-doen", "aangevraagd", "toegekend"]))] if rng.random() < 0.5 else []
    return actions.CompanySeed(profile, owner=owner, advisor=advisor, learners=rows,
                               trainings=[training], applications=applications)


def create_demo(count: int, learners_per_company: int = 5, seed: int = 2025,
                progress: bool = False) -> DemoResult:
    rng = random.Random(seed)
    crebos = _kwalificaties()
    today = services.today()
    User = get_user_model()
    password = make_password(PASSWORD)  # hashed once: argon2 per user would take minutes
    batch = secrets.token_hex(4)  # a fresh tag per run, so a second run adds companies
    owner_email = f"eigenaar-{batch}-0@demo.invalid"
    advisor, _ = User.objects.get_or_create(username=f"adviseur-{batch}@demo.invalid", defaults={
        "email": f"adviseur-{batch}@demo.invalid", "password": password})
    Account.objects.update_or_create(user=advisor, defaults={"rol": Account.Role.ADVISOR})
    totals = [0, 0, 0]
    for begin in range(0, count, 1000):
        size = min(1000, count - begin)
        with transaction.atomic():
            users = User.objects.bulk_create([User(
                username=f"eigenaar-{batch}-{begin + i}@demo.invalid",
                email=f"eigenaar-{batch}-{begin + i}@demo.invalid", password=password)
                for i in range(size)])
            seeds = [_seed(rng, crebos, today, owner, advisor if begin + i < ADVISED else None,
                           learners_per_company) for i, owner in enumerate(users)]
            actions.do_create_companies_in_bulk(seeds, acting_user=None)
        totals[0] += size
        totals[1] += sum(len(seed.learners) for seed in seeds)
        totals[2] += sum(len(seed.applications) for seed in seeds)
        if progress:
            print(f"\r{totals[0]}/{count} bedrijven", end="", flush=True)
    if progress:
        print()
    return DemoResult(totals[0], totals[1], totals[2], owner_email, advisor.username,
                      min(ADVISED, count), PASSWORD)
