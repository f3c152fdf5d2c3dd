"""Pages that take a plan's answers into a company: "Profiel overnemen" (a pasted profile, a
plan's share link or a downloaded profile file) and "Bewaar dit plan" for a logged-in user.

Both show what changes before anything is saved; the confirmation carries the profile, which is
read and checked again. Reading and comparing live in :mod:`.plan_import`, writing in
:func:`actions.do_take_over_plan`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from onderwijsgids.advice.share import ShareLinkExpired, ShareLinkInvalid, read_share_token
from onderwijsgids.vocabulary import field_words

from . import actions, plan_import
from .access import ADVISOR, company_context, company_view
from .forms import CompanyProfileForm, ProfileImportForm
from .models import Membership
from .signup import plan_token

CONFIRM = "bevestigen"


def _in_words(problems) -> list[str]:
    """A refused profile's problems as an owner reads them: the line of the pasted text and the
    answer in words ("Regel 1 (de naam van je bedrijf): ..."), never a field name."""
    return [_("%(where)s: %(message)s") % {"where": _where(p), "message": p.message}
            if p.line or p.field else p.message for p in problems]


def _where(problem) -> str:
    answer = field_words(problem.field) if problem.field else ""
    if problem.line and answer:
        return _("Regel %(line)s (%(answer)s)") % {"line": problem.line, "answer": answer}
    return _("Regel %(line)s") % {"line": problem.line} if problem.line else capfirst(answer)


def _profile_page(request: HttpRequest, company, import_form: ProfileImportForm,
             errors: list[str], status: int = 422) -> HttpResponse:
    """The profile page again, with what was typed and why it was not taken over."""
    form = CompanyProfileForm(initial=CompanyProfileForm.initial_from(company))
    return render(request, "workspace/company/profile.html",
                  company_context(request, company, form=form, import_form=import_form,
                       import_errors=errors), status=status)


def _preview(request: HttpRequest, company, profile) -> HttpResponse:
    plan = plan_import.for_company(profile, company)
    return render(request, "workspace/company/profile_import_preview.html", company_context(
        request, company, preview=plan_import.preview(plan, company),
        carried=plan_import.carried(profile), confirm=CONFIRM))


def _save(request: HttpRequest, company, profile) -> HttpResponse:
    plan = plan_import.for_company(profile, company)
    actions.do_take_over_plan(company, answers=plan.company, learners=plan.learners,
                              trainings=plan.trainings, acting_user=request.user)
    messages.success(request, _("De antwoorden zijn overgenomen."))
    return redirect("workspace:dashboard", company_id=company.pk)


@company_view()
def profile_import(request: HttpRequest, company) -> HttpResponse:
    """GET ``?plan=<token>``: what the plan changes; POST: a pasted or uploaded profile (or a
    share link) is shown the same way, and POST with ``bevestigen`` saves it."""
    if request.company_role == ADVISOR:
        raise PermissionDenied  # advisors read a company; taking answers over is a write
    if request.method == "GET":
        import_form = ProfileImportForm(prefix="import")
        if "plan" not in request.GET:  # the profile page, with its import form
            return _profile_page(request, company, import_form, [], status=200)
        try:
            return _preview(request, company, plan_import.profile_from_token(request.GET["plan"]))
        except plan_import.ImportRefused as refused:
            return _profile_page(request, company, import_form, [refused.message])
        except plan_import.ProfileError as exc:
            return _profile_page(request, company, import_form, _in_words(exc.problems))
    import_form = ProfileImportForm(request.POST, request.FILES, prefix="import")
    if not import_form.is_valid():
        return _profile_page(request, company, import_form, [])
    try:
        profile = plan_import.read_profile(import_form.cleaned_data["profiel"],
                                           import_form.cleaned_data["bestand"])
    except plan_import.ImportRefused as refused:
        import_form.add_error(refused.field, refused.message)
        return _profile_page(request, company, import_form, [])
    except plan_import.ProfileError as exc:
        return _profile_page(request, company, import_form, _in_words(exc.problems))
    if CONFIRM in request.POST:
        return _save(request, company, profile)
    return _preview(request, company, profile)


@login_required
def plan_take_over(request: HttpRequest) -> HttpResponse:
    """"Bewaar dit plan" for a logged-in user: choose the company (when there are several) to
    take the plan's answers into; the company's page shows what changes."""
    token = plan_token(request)
    try:
        answers = read_share_token(token)
    except ShareLinkExpired:
        return render(request, "workspace/take_over_choose.html",
                      {"problem": plan_import.expired_message()}, status=410)
    except ShareLinkInvalid:
        return render(request, "workspace/take_over_choose.html",
                      {"problem": plan_import.invalid_link_message()}, status=404)
    memberships = list(Membership.objects.filter(user=request.user).select_related("company")
                       .order_by("company__naam", "company_id"))
    query = urlencode({"plan": token})
    links = [(m.company, reverse("workspace:profile_import", args=[m.company.pk]) + "?" + query)
             for m in memberships]
    if answers and len(links) == 1:
        return redirect(links[0][1])
    return render(request, "workspace/take_over_choose.html",
                  {"links": links, "has_plan": bool(answers)})
