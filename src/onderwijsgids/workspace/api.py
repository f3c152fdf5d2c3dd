"""Workspace API: the companies a user may see, their profile and advice, learners,
deadlines and applications (session login, CSRF).

Every operation starts with :func:`access.company_for`, so foreign companies answer 404.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Path, Query, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from onderwijsgids.bounded import MAX_ID

from onderwijsgids.api_docs import documented
from onderwijsgids.api_errors import NietGevonden, OngeldigeInvoer, form_problems, invalid_input

from onderwijsgids.advice.engine import Advice
from onderwijsgids.advice.engine.model import Actie
from onderwijsgids.errors import Problem
from onderwijsgids.vocabulary import HBO_DOMAINS, LEARNING_PATHS

from . import actions, services
from .access import company_for, visible_companies
from .checks import InvalidValues
from .domain.doe_dit_nu import ActieRegel
from .domain.values import LEARNER_FIELDS, LearnerValues
from .models import ActieStaat
from .forms import LearnerForm
from .models import AuditLog

router = Router(tags=["bedrijfsomgeving"], auth=django_auth)


class LeerlingIn(Schema):
    """Validated by the page's form: the same limits and Dutch messages (422 per field)."""

    naam: str = Field(**documented(minLength=1, maxLength=200))
    leerweg: str = Field(**documented(enum=list(LEARNING_PATHS)))
    crebo: str = Field("", **documented(pattern=r"^([0-9]{5})?$", description=(
        "Vijf cijfers, een crebocode die in de onderwijsgids staat.")))
    school: str = Field("", **documented(maxLength=200))
    start: dt.date
    eind: dt.date = Field(**documented(description=(
        "Niet vóór de startdatum en hoogstens 8 jaar erna.")))
    praktijkopleider: str = Field("", **documented(maxLength=200))
    praktijkovereenkomst: dt.date | None = None
    via_bvm: bool = False
    hbo_domein: str = Field("", **documented(enum=["", *HBO_DOMAINS], description=(
        "Alleen voor hbo: het domein van de opleiding.")))
    leerwerktraject: bool | None = Field(None, **documented(description=(
        "Alleen voor vmbo: volgt de leerling een leerwerktraject (basisberoepsgericht)?")))
    aangevraagd: list[str] = Field([], **documented(description=(
        "De ID's van regelingen die voor deze leerling al zijn aangevraagd.")))


class LeerlingUit(LeerlingIn):
    id: int
    version: int


class DeadlineUit(Schema):
    datum: dt.date
    wat: str
    regeling: str
    jaar: str
    afgehandeld: bool


class AanvraagUit(Schema):
    id: int
    regeling: str
    jaar: str
    status: str
    bedrag: float | None
    datum: dt.date | None
    notitie: str


CompanyId = Path(..., ge=1, le=MAX_ID, description="Het ID van een bedrijf waar je bij hoort.")


Staat = Literal["te-doen", "bezig", "klaar"]  # ActieStaat's values, as the document lists them


class ActieMetStaat(Actie):
    """One action of the company's advice (contract §3 ``acties``) with the state it keeps."""

    staat: Staat


class StaatIn(Schema):
    staat: Staat


ActieId = Path(..., pattern=r"^[a-z0-9-]{1,100}$",
               description="Het ID van een actie uit het advies van dit bedrijf (acties[].id).")


class BedrijfKort(Schema):
    id: int
    naam: str


class Bedrijven(Schema):
    bedrijven: list[BedrijfKort]
    volgende: str | None


class Pagina(Schema):
    pagina: int = 1


PAGE_SIZE = 50
NOT_LOGGED_IN = {401: NietGevonden}


@router.get("/bedrijven", response={200: Bedrijven, **NOT_LOGGED_IN, 422: OngeldigeInvoer},
            summary="De bedrijven die je mag zien")
def list_companies(request: HttpRequest, query: Query[Pagina]):
    """Per pagina 50 bedrijven; ``volgende`` is het adres van de volgende pagina of ``null``."""
    page = max(query.pagina, 1)
    rows = list(visible_companies(request.user).order_by("naam", "pk")
                .values("pk", "naam")[(page - 1) * PAGE_SIZE: page * PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    return {"bedrijven": [{"id": row["pk"], "naam": row["naam"]} for row in rows[:PAGE_SIZE]],
            "volgende": request.build_absolute_uri(f"{request.path}?pagina={page + 1}")
            if more else None}


@router.get("/bedrijven/{company_id}/profiel",
            response={200: dict, **NOT_LOGGED_IN, 404: NietGevonden},
            summary="Het opgeslagen profiel van een bedrijf (contract §2)")
def company_profile(request: HttpRequest, company_id: int = CompanyId):
    """De opgeslagen antwoorden als bedrijfsprofiel, met als peildatum vandaag."""
    company = company_for(request, company_id)
    return HttpResponse(json.dumps(services.profile_data(company), ensure_ascii=False),
                        content_type="application/json")


@router.get("/bedrijven/{company_id}/advies",
            response={200: Advice, **NOT_LOGGED_IN, 404: NietGevonden},
            summary="Het advies voor het opgeslagen profiel (contract §3)")
def company_advice(request: HttpRequest, company_id: int = CompanyId):
    """Hetzelfde document dat ``POST /api/v1/advies`` voor dit profiel geeft."""
    company = company_for(request, company_id)
    return HttpResponse(services.company_advice(company).model_dump_json(),
                        content_type="application/json")


def _learner_out(learner) -> dict:
    return {"id": learner.pk, "version": learner.version,
            **{name: getattr(learner, name) for name in LEARNER_FIELDS}}


@router.get("/bedrijven/{company_id}/leerlingen", response={200: list[LeerlingUit],
                                                            404: NietGevonden})
def list_learners(request: HttpRequest, company_id: int = CompanyId):
    company = company_for(request, company_id)
    actions.do_log_read(company, AuditLog.ObjectType.LEARNERS, acting_user=request.user)
    return [_learner_out(learner) for learner in company.learners.all()]


def _validated_learner(payload: LeerlingIn) -> tuple[LearnerValues | None, list[Problem]]:
    """The learner's values checked by the page's :class:`LearnerForm`, or its problems."""
    form = LearnerForm(payload.model_dump(), known_crebos=services.known_crebos())
    if form.is_valid():
        return form.learner_values(), []
    return None, form_problems(form)


@router.post("/bedrijven/{company_id}/leerlingen",
             response={201: LeerlingUit, 404: NietGevonden, 422: OngeldigeInvoer})
def create_learner(request: HttpRequest, payload: LeerlingIn, company_id: int = CompanyId):
    company = company_for(request, company_id, write=True)
    values, problems = _validated_learner(payload)
    if values is None:
        return Status(422, invalid_input(problems))
    try:
        learner = actions.do_create_learner(company, values, acting_user=request.user)
    except InvalidValues as refusal:
        return Status(422, invalid_input(refusal.problems))
    return Status(201, _learner_out(learner))


@router.get("/bedrijven/{company_id}/deadlines", response={200: list[DeadlineUit],
                                                           404: NietGevonden})
def list_deadlines(request: HttpRequest, company_id: int = CompanyId):
    company = company_for(request, company_id)
    return list(company.deadlines.order_by("datum", "key"))


@router.get("/bedrijven/{company_id}/aanvragen", response={200: list[AanvraagUit],
                                                           404: NietGevonden})
def list_applications(request: HttpRequest, company_id: int = CompanyId):
    company = company_for(request, company_id)
    return list(company.applications.all())


def _actie_met_staat(row: ActieRegel) -> dict:
    return {**row.actie.model_dump(), "staat": row.staat}


@router.get("/bedrijven/{company_id}/acties",
            response={200: list[ActieMetStaat], **NOT_LOGGED_IN, 404: NietGevonden},
            summary="Doe dit nu: de acties uit het advies met hun staat")
def list_action_states(request: HttpRequest, company_id: int = CompanyId):
    """De ``acties`` van ``GET /bedrijven/{id}/advies``, in dezelfde volgorde, elk met de staat
    die het bedrijf bijhoudt (``te-doen`` zolang er niets is vastgelegd)."""
    company = company_for(request, company_id)
    return [_actie_met_staat(row) for row in services.doe_dit_nu(company).rows]


@router.put("/bedrijven/{company_id}/acties/{actie_id}",
            response={200: ActieMetStaat, **NOT_LOGGED_IN, 404: NietGevonden,
                      422: OngeldigeInvoer},
            summary="De staat van één actie vastleggen")
def set_action_state(request: HttpRequest, payload: StaatIn, company_id: int = CompanyId,
                     actie_id: str = ActieId):
    """Alleen voor wie het bedrijf mag wijzigen (adviseurs lezen mee: 403). Een actie die het
    advies niet (meer) noemt: 404."""
    company = company_for(request, company_id, write=True)
    try:
        actions.do_set_action_state(company, actie_id=actie_id, staat=ActieStaat(payload.staat),
                                    acting_user=request.user)
    except actions.UnknownAction:
        raise Http404 from None
    return _actie_met_staat(services.doe_dit_nu(company).row(actie_id))
