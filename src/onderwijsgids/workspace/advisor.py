"""The advisor portfolio: assigned companies with next deadline and at-risk items; exports."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import services
from .domain.csvio import csv_cell
from .domain.deadlines import PRAKTIJKLEREN
from .models import Company, Deadline, Learner

RISK_DAYS = 30
SORTS = {"naam": ("naam", "id"), "deadline": ("volgende_datum", "naam"),
         "risico": ("-risico", "volgende_datum", "naam")}
COLUMNS = ("naam", "plaats", "leerlingen", "volgende_datum", "volgende_wat", "risico")


@dataclass(frozen=True)
class AdvisorContact:
    """Where "Vraag je adviseur" goes: the company's advisor, else Metaalunie's general contact."""

    email: str
    naam: str
    eigen_adviseur: bool
    telefoon: str | None
    onderwerp: str

    @property
    def mailto(self) -> str:
        return f"mailto:{self.email}?subject={quote(self.onderwerp)}"


def advisor_contact(company: Company, kb=None) -> AdvisorContact | None:
    subject = _("Vraag over de onderwijsgids van %(naam)s") % {"naam": company.naam}
    advisor = company.advisors.exclude(email="").order_by("pk").first()
    if advisor is not None:
        return AdvisorContact(advisor.email, advisor.get_full_name(), True, None, subject)
    from onderwijsgids.content.presenters import contact_details

    general = contact_details(kb or services.current_kb())
    if not general.get("email"):
        return None
    return AdvisorContact(general["email"], _("Koninklijke Metaalunie"), False,
                          general.get("telefoon"), subject)


def portfolio_rows(advisor, today: dt.date, query: str = "", only_risk: bool = False,
                   sort: str = "deadline"):
    """One query for the whole portfolio: next open deadline and risk per company."""
    open_deadlines = Deadline.objects.filter(company=OuterRef("pk"), afgehandeld=False,
                                             datum__gte=today).order_by("datum", "key")
    at_risk = Deadline.objects.filter(
        company=OuterRef("pk"), afgehandeld=False, regeling=PRAKTIJKLEREN, bbl_leerlingen__gt=0,
        datum__gte=today, datum__lte=today + dt.timedelta(days=RISK_DAYS))
    learner_count = (Learner.objects.filter(company=OuterRef("pk")).order_by()
                     .values("company").annotate(n=Count("pk")).values("n"))
    rows = (Company.objects.filter(assignments__advisor=advisor)
            .annotate(volgende_datum=Subquery(open_deadlines.values("datum")[:1]),
                      volgende_wat=Subquery(open_deadlines.values("wat")[:1]),
                      risico=Exists(at_risk), leerlingen=Subquery(learner_count))
            .only("id", "naam", "plaats"))
    if query:
        rows = rows.filter(Q(naam__icontains=query) | Q(plaats__icontains=query))
    if only_risk:
        rows = rows.filter(risico=True)
    return rows.order_by(*SORTS.get(sort, SORTS["deadline"]))


def _params(request: HttpRequest) -> dict:
    sort = request.GET.get("sorteer", "deadline")
    return {"query": request.GET.get("zoek", "").strip()[:100],
            "only_risk": request.GET.get("risico") == "1",
            "sort": sort if sort in SORTS else "deadline"}


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    params = _params(request)
    rows = list(portfolio_rows(request.user, services.today(), **params))
    return render(request, "workspace/advisor/portfolio.html",
                  {"rows": rows, "sorts": SORTS, "today": services.today(), **params})


def _values(row) -> list:
    return [row.naam, row.plaats, row.leerlingen or 0, row.volgende_datum,
            row.volgende_wat or "", _("ja") if row.risico else _("nee")]


HEADERS = ["bedrijf", "plaats", "leerlingen", "volgende deadline", "wat", "risico"]


@login_required
def portfolio_csv(request: HttpRequest) -> HttpResponse:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in portfolio_rows(request.user, services.today(), **_params(request)):
        writer.writerow([csv_cell(v) for v in _values(row)])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="portefeuille.csv"'
    return response


@login_required
def portfolio_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Portefeuille")
    sheet.append(HEADERS)
    for row in portfolio_rows(request.user, services.today(), **_params(request)):
        sheet.append([csv_cell(v) if isinstance(v, str) else v for v in _values(row)])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = 'attachment; filename="portefeuille.xlsx"'
    return response
