"""Advisor portfolio: only assigned companies, risk, sorting, filters, exports, query bound."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from onderwijsgids.workspace import actions
from onderwijsgids.workspace.models import Deadline

from .conftest import fill_company, make_user, verified_client


def _risky(world) -> None:
    """Company A: a bbl learner whose Praktijkleren window closes in 10 days, nothing applied."""
    company = world["a"]["company"]
    today = dt.date.today()
    Deadline.objects.filter(company=company).update(afgehandeld=True)
    Deadline.objects.create(company=company, key="subsidie-praktijkleren:test",
                            datum=today + dt.timedelta(days=10), wat="Praktijkleren aanvragen",
                            regeling="subsidie-praktijkleren", jaar="test", bbl_leerlingen=1)


def test_advisor_sees_exactly_his_companies(client, world):
    verified_client(client, world["advisor"])
    page = client.get("/adviseur/").content.decode()
    assert "Bedrijf A" in page and "Bedrijf B" not in page


def test_risk_filter_and_sorting(client, world):
    _risky(world)
    owner = make_user("eigenaar@bedrijf-c.test")
    c = fill_company(owner, "Bedrijf C")
    actions.do_assign_advisor(c["company"], world["advisor"], acting_user=None)
    verified_client(client, world["advisor"])
    risky = client.get("/adviseur/", {"risico": "1"}).content.decode()
    assert "Bedrijf A" in risky and "Bedrijf C" not in risky
    by_name = client.get("/adviseur/", {"sorteer": "naam"}).content.decode()
    assert by_name.index("Bedrijf A") < by_name.index("Bedrijf C")
    by_risk = client.get("/adviseur/", {"sorteer": "risico"}).content.decode()
    assert by_risk.index("Bedrijf A") < by_risk.index("Bedrijf C")
    found = client.get("/adviseur/", {"zoek": "bedrijf c"}).content.decode()
    assert "Bedrijf C" in found and "Bedrijf A</a>" not in found


def test_exports(client, world):
    _risky(world)
    verified_client(client, world["advisor"])
    rows = list(csv.reader(io.StringIO(client.get("/adviseur/portefeuille.csv")
                                       .content.decode()), delimiter=";"))
    assert rows[0][0] == "bedrijf" and rows[1][0] == "Bedrijf A" and rows[1][-1] == "ja"
    book = load_workbook(io.BytesIO(client.get("/adviseur/portefeuille.xlsx").content))
    values = list(book.active.values)
    assert values[1][0] == "Bedrijf A"


def test_portfolio_query_count_is_bounded(client, world, django_assert_max_num_queries):
    for n in range(15):
        owner = make_user(f"eigenaar{n}@extra.test")
        extra = fill_company(owner, f"Extra {n}")
        actions.do_assign_advisor(extra["company"], world["advisor"], acting_user=None)
    verified_client(client, world["advisor"])
    with django_assert_max_num_queries(8):
        response = client.get("/adviseur/")
    assert response.content.decode().count("/plan/") == 16


def test_advisor_opens_and_prints_the_plan(client, world):
    verified_client(client, world["advisor"])
    page = client.get(f"/bedrijf/{world['a']['company'].pk}/plan/")
    assert page.status_code == 200
    assert "Plan van Bedrijf A" in page.content.decode()
