"""The one access check for company data: members and assigned advisors; everyone else 404.

Every company-scoped view is wrapped in :func:`company_view` and every API operation calls
:func:`company_for`, so a foreign company is indistinguishable from a missing one.
"""

from __future__ import annotations

from functools import wraps
from typing import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest

from onderwijsgids.bounded import MAX_ID
from onderwijsgids.content.services import one_release

from .models import AdvisorAssignment, Company, Membership

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OWNER, EMPLOYEE, ADVISOR = "owner", "employee", "advisor"


def company_context(request: HttpRequest, company, **extra) -> dict:
    """What every company page's template needs: the company and what this user may do there."""
    return {"company": company, "role": request.company_role,
            "is_owner": request.company_role == OWNER,
            "can_write": request.company_role != ADVISOR, **extra}


def visible_companies(user) -> "models.QuerySet[Company]":  # noqa: F821
    """Companies ``user`` may see: by membership, or as an assigned advisor."""
    if not user.is_authenticated:
        return Company.objects.none()
    member = Membership.objects.filter(company=OuterRef("pk"), user=user)
    assigned = AdvisorAssignment.objects.filter(company=OuterRef("pk"), advisor=user)
    return Company.objects.filter(Exists(member) | Exists(assigned))


def company_role(user, company_id: int) -> tuple[Company, str]:
    """The company and the user's role in it; :class:`Http404` when the user has none."""
    if not user.is_authenticated or not 1 <= company_id <= MAX_ID:
        raise Http404  # an ID no database row can have is simply not found
    membership = (Membership.objects.select_related("company")
                  .filter(company_id=company_id, user=user).first())
    if membership is not None:
        return membership.company, membership.role
    assignment = (AdvisorAssignment.objects.select_related("company")
                  .filter(company_id=company_id, advisor=user).first())
    if assignment is not None:
        return assignment.company, ADVISOR
    raise Http404


def company_for(request: HttpRequest, company_id: int, *, write: bool = False,
                owner_only: bool = False) -> Company:
    """The company if ``request.user`` may use it this way. Foreign: 404; too few rights: 403."""
    company, role = company_role(request.user, company_id)
    request.company_role = role  # type: ignore[attr-defined]
    if owner_only and role != OWNER:
        raise PermissionDenied
    if write and role == ADVISOR:
        raise PermissionDenied
    return company


def company_view(owner_only: bool = False) -> Callable:
    """Decorator for views taking ``company_id``: passes ``company`` instead, checked.

    Advisors may read but not write: any unsafe method from them answers 403. The published
    release is looked up once for the whole view (the dashboard asks for it in several places).
    """

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, company_id: int, *args, **kwargs):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            company = company_for(request, company_id, owner_only=owner_only,
                                  write=request.method not in SAFE_METHODS)
            with one_release():  # one release lookup per page, however often it is asked
                return view(request, company, *args, **kwargs)

        wrapper.company_scoped = True  # type: ignore[attr-defined]
        return wrapper

    return decorate
