"""Workspace API: a company's learners, deadlines and applications (session login, CSRF).

Every operation starts with :func:`access.company_for`, so foreign companies answer 404.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Path, Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from onderwijsgids.bounded import MAX_ID

from onderwijsgids.api_docs import documented
from onderwijsgids.api_errors import INVALID_INPUT, NietGevonden, OngeldigeInvoer, form_fouten

from . import actions
from .access import company_for
from .domain.csvio import LEARNING_PATHS
from .forms import LearnerForm
from .views import known_crebos

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


def _learner_out(learner) -> dict:
    return {"id": learner.pk, "version": learner.version,
            **{name: getattr(learner, name) for name in actions.LEARNER_FIELDS}}


@router.get("/bedrijven/{company_id}/leerlingen", response={200: list[LeerlingUit],
                                                            404: NietGevonden})
def list_learners(request: HttpRequest, company_id: int = CompanyId):
    company = company_for(request, company_id)
    actions.do_log_read(request.user, company, "leerlingen")
    return [_learner_out(learner) for learner in company.learners.all()]


def _validated_learner(payload: LeerlingIn) -> tuple[dict, list[dict]]:
    """The learner's values checked by the page's :class:`LearnerForm`, or its errors."""
    form = LearnerForm(payload.model_dump(), known_crebos=known_crebos())
    if form.is_valid():
        return form.learner_values(), []
    return {}, form_fouten(form)


@router.post("/bedrijven/{company_id}/leerlingen",
             response={201: LeerlingUit, 404: NietGevonden, 422: OngeldigeInvoer})
def create_learner(request: HttpRequest, payload: LeerlingIn, company_id: int = CompanyId):
    company = company_for(request, company_id, write=True)
    values, fouten = _validated_learner(payload)
    if fouten:
        return Status(422, {"detail": INVALID_INPUT, "fouten": fouten})
    learner = actions.do_create_learner(request.user, company, values)
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
