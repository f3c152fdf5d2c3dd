"""Company pages under /bedrijf/<company_id>/. Every view goes through ``company_view``."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from onderwijsgids.advice.labels import HBO_DOMAIN_LABELS, LEERWEG_LABELS
from onderwijsgids.errors import Problem

from . import actions, privacy, reminders, services
from .access import company_context, company_view, visible_companies
from .advisor import advisor_contact
from .checks import InvalidValues, learner_row_check
from .domain.csv_template import already_present, template_csv
from .domain.csvio import CsvRefused, export_learners, parse_learners
from .domain.deadlines import OOM_BBL, PRAKTIJKLEREN, regeling_of
from .domain.values import APPLICATION_FIELDS, LEARNER_FIELDS, LearnerValues
from .forms import (ActionPointForm, ActionStateForm, ApplicationForm, CompanyProfileForm,
                    CsvImportForm, EraseEmployeeForm, LearnerForm, ProfileImportForm,
                    TrainingForm)
from .models import ActieStaat, Application, AuditLog, CalendarFeedToken, Learner
from .services import kb_ids

Object = AuditLog.ObjectType


def _refused(form, refusal: InvalidValues) -> None:
    """An action's refusal shown on the form, each message at its field."""
    form.add_problems(refusal.problems)


def _confirm_then(request: HttpRequest, company, title: str, label: str, cancel: str,
                  perform, done: str) -> HttpResponse:
    """GET: ask to confirm (the page works without JavaScript); POST: perform and go to ``done``."""
    if request.method == "POST":
        perform()
        messages.success(request, _("Gedaan: %(title)s.") % {"title": title.lower()})
        return redirect(done)
    return render(request, "workspace/company/confirm.html", company_context(
        request, company, title=title, object_label=label, cancel=cancel))


@login_required
def my_companies(request: HttpRequest) -> HttpResponse:
    companies = list(visible_companies(request.user))  # one query; the page lists them all
    if len(companies) == 1:
        return redirect("workspace:dashboard", company_id=companies[0].pk)
    if not companies and request.user.assignments.exists():
        return redirect("workspace:portfolio")
    return render(request, "workspace/my_companies.html", {"companies": companies})


@company_view()
def dashboard(request: HttpRequest, company) -> HttpResponse:
    return _dashboard(request, company)


def _dashboard(request: HttpRequest, company, state_form: tuple[str, ActionStateForm] | None = None,
               status: int = 200) -> HttpResponse:
    """"Doe dit nu" (the advice's actions with their state), then the dated deadlines.
    ``state_form``: an action's refused state form, shown at that action."""
    services.ensure_current(company)
    today = services.today()
    prefetch_related_objects([company], "learners", "trainings")  # the advice's and the count's
    doe = services.doe_dit_nu(company)
    failed_id, failed_form = state_form or (None, None)
    deadlines = list(company.deadlines.filter(afgehandeld=False, datum__gte=today)
                     .select_related("learner", "training").order_by("datum", "key")[:25])
    kb = services.current_kb()
    regelingen, punten = kb_ids("regeling", kb), kb_ids("actiepunt", kb)
    todo = [(a, regelingen.get(a.regeling, a.regeling))
            for a in company.applications.filter(status=Application.Status.TODO)]
    open_points = [(p, punten.get(p.actiepunt, p.actiepunt))
                   for p in company.action_points.exclude(status="klaar")]
    return render(request, "workspace/company/dashboard.html", company_context(
        request, company, doe=doe, staten=ActieStaat.choices, failed_id=failed_id,
        form=failed_form, deadlines=deadlines, todo=todo, open_points=open_points,
        learner_count=company.learners.count(), today=today,
        failed_reminders=reminders.recent_failures(company),
        adviseur=advisor_contact(company, kb)), status=status)


@company_view()
def action_state(request: HttpRequest, company, actie_id: str) -> HttpResponse:
    """Set the state of one action of "Doe dit nu" (a form per action, no JavaScript needed).
    An action the company's advice does not list is not found, whatever the method."""
    if services.doe_dit_nu(company).row(actie_id) is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ActionStateForm(request.POST)
    if not form.is_valid():
        return _dashboard(request, company, state_form=(actie_id, form), status=422)
    staat = ActieStaat(form.cleaned_data["staat"])
    try:
        actions.do_set_action_state(company, actie_id=actie_id, staat=staat,
                                    acting_user=request.user)
    except actions.UnknownAction:
        raise Http404 from None
    messages.success(request, _("De actie staat nu op ‘%(staat)s’.") % {"staat": staat.label})
    anchor = "klaar" if staat == ActieStaat.KLAAR else f"actie-{actie_id}"
    return redirect(reverse("workspace:dashboard", args=[company.pk]) + f"#{anchor}")


@company_view()
def profile(request: HttpRequest, company) -> HttpResponse:
    form = CompanyProfileForm(request.POST or None, initial=CompanyProfileForm.initial_from(company))
    import_form = ProfileImportForm(prefix="import")
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_company_profile(company, form.profile_values(),
                                              kvk=form.cleaned_data["kvk"],
                                              acting_user=request.user)
        except InvalidValues as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("Het profiel is opgeslagen."))
            return redirect("workspace:profile", company_id=company.pk)
    return render(request, "workspace/company/profile.html",
                  company_context(request, company, form=form, import_form=import_form),
                  status=_status(request, form))


@company_view()
def advice(request: HttpRequest, company) -> HttpResponse:
    result = services.company_advice(company)
    return render(request, "workspace/company/advice.html", company_context(
        request, company, advice=result, deadlines=company.deadlines.filter(
            datum__gte=services.today()).order_by("datum")))


@company_view()
def plan(request: HttpRequest, company) -> HttpResponse:
    """The printable plan: profile, advice, deadlines and action points on one page."""
    result = services.company_advice(company)
    return render(request, "workspace/company/plan.html", company_context(
        request, company, advice=result, today=services.today(),
        adviseur=advisor_contact(company),
        deadlines=company.deadlines.filter(datum__gte=services.today()).order_by("datum"),
        points={p.actiepunt: p for p in company.action_points.all()}))


# --- learners ------------------------------------------------------------------------------


@company_view()
def learners(request: HttpRequest, company) -> HttpResponse:
    rows = list(company.learners.all())
    actions.do_log_read(company, Object.LEARNERS, acting_user=request.user)
    return render(request, "workspace/company/learners.html",
                  company_context(request, company, learners=rows))


@company_view()
def learner_new(request: HttpRequest, company) -> HttpResponse:
    form = LearnerForm(request.POST or None, known_crebos=services.known_crebos())
    if request.method == "POST" and form.is_valid():
        try:
            learner = actions.do_create_learner(company, form.learner_values(),
                                                acting_user=request.user)
        except InvalidValues as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("De leerling is toegevoegd."))
            return redirect("workspace:learner", company_id=company.pk, learner_id=learner.pk)
    return render(request, "workspace/company/learner_form.html",
                  company_context(request, company, form=form, learner=None), status=_status(request, form))


def _status(request: HttpRequest, form) -> int:
    return 422 if request.method == "POST" and form.errors else 200


def _learner_initial(learner: Learner) -> dict:
    return {name: getattr(learner, name) for name in LEARNER_FIELDS} | {
        "version": learner.version}


@company_view()
def learner(request: HttpRequest, company, learner_id: int) -> HttpResponse:
    item = get_object_or_404(company.learners, pk=learner_id)
    crebos = services.known_crebos()
    form = LearnerForm(request.POST or None, initial=_learner_initial(item), known_crebos=crebos)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_learner(item, form.learner_values(),
                                      expected_version=form.cleaned_data["version"] or 0,
                                      acting_user=request.user)
        except InvalidValues as refusal:
            _refused(form, refusal)
        except actions.StaleEdit as stale:
            conflict = stale.current
            # Keep the user's input; the next save is checked against the current version.
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            form = LearnerForm(data, known_crebos=crebos)
            form.is_valid()
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("workspace:learner", company_id=company.pk, learner_id=item.pk)
    else:
        actions.do_log_read(company, Object.LEARNER, item.pk, acting_user=request.user)
    advice = services.learner_advice(company, item)  # the engine's facts for this learner
    judgement = regeling_of(advice, PRAKTIJKLEREN)
    status = 409 if conflict else _status(request, form)
    return render(request, "workspace/company/learner_form.html", company_context(
        request, company, form=form, learner=item, conflict=conflict,
        figures=judgement.perioden if judgement else None, judgement=judgement,
        oom=regeling_of(advice, OOM_BBL), deadlines=item.deadline_set.order_by("datum")),
        status=status)


@company_view()
def learner_delete(request: HttpRequest, company, learner_id: int) -> HttpResponse:
    item = get_object_or_404(company.learners, pk=learner_id)
    return _confirm_then(request, company, _("Leerling verwijderen"), item.naam,
                         reverse("workspace:learner", args=[company.pk, item.pk]),
                         lambda: actions.do_delete_learner(item, acting_user=request.user),
                         reverse("workspace:learners", args=[company.pk]))


DUPLICATES_SKIP, DUPLICATES_ADD = "overslaan", "toevoegen"


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _import_rows(request: HttpRequest, form: CsvImportForm) -> tuple[bytes | None, list]:
    """The file's bytes and the problems found so far. On the confirmation step the file
    comes back in a hidden field, so nobody has to choose it again."""
    if "inhoud" in request.POST:
        data = request.POST["inhoud"].encode("utf-8")
        if len(data) > CsvImportForm.MAX_BYTES:
            return None, [Problem("bestand", _("het bestand is groter dan 2 MB"), 1)]
        return data, []
    return (form.cleaned_data["bestand"].read(), []) if form.is_valid() else (None, [])


@company_view()
def learners_import(request: HttpRequest, company) -> HttpResponse:
    form = CsvImportForm(request.POST or None, request.FILES or None)
    problems, duplicates, carried = [], [], ""
    if request.method == "POST":
        data, problems = _import_rows(request, form)
        check = learner_row_check(services.known_crebos(), services.known_regelingen())
        try:
            rows = parse_learners(data, check) if data is not None else []
        except CsvRefused as refused:
            problems, rows = refused.problems, []
        names = company.learners.filter(geanonimiseerd=False).values_list("naam", flat=True)
        duplicates = already_present(rows, names) if rows else []
        choice = request.POST.get("dubbel")
        if duplicates and choice not in (DUPLICATES_SKIP, DUPLICATES_ADD):
            carried = _decoded(data)  # ask first: skip or add the learners already present
        elif rows:
            if choice == DUPLICATES_SKIP:
                rows = [row for row in rows if row not in duplicates]
            count = actions.do_import_learners(company, [LearnerValues(**row) for row in rows],
                                               acting_user=request.user)
            messages.success(request, ngettext("%(count)s leerling geïmporteerd.",
                                               "%(count)s leerlingen geïmporteerd.", count)
                             % {"count": count})
            return redirect("workspace:learners", company_id=company.pk)
    if "inhoud" in request.POST:
        form = CsvImportForm()
    failed = bool(problems or form.errors)
    return render(request, "workspace/company/learners_import.html", company_context(
        request, company, form=form, problems=problems, duplicates=duplicates, carried=carried,
        leerwegen=LEERWEG_LABELS.items(), hbo_domeinen=HBO_DOMAIN_LABELS.items(),
        skip=DUPLICATES_SKIP, add=DUPLICATES_ADD),
        status=422 if failed else 200)


@company_view()
def learners_import_template(request: HttpRequest, company) -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leerlingen-sjabloon.csv"'
    return response


@company_view()
def learners_export(request: HttpRequest, company) -> HttpResponse:
    rows = [{name: getattr(learner, name) for name in LEARNER_FIELDS}
            for learner in company.learners.all()]
    actions.do_log_export(company, Object.LEARNERS, acting_user=request.user)
    response = HttpResponse(export_learners(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leerlingen.csv"'
    return response


# --- staff training ------------------------------------------------------------------------


@company_view()
def trainings(request: HttpRequest, company) -> HttpResponse:
    actions.do_log_read(company, Object.TRAINING, acting_user=request.user)
    deadlines = {d.training_id: d for d in company.deadlines.filter(training__isnull=False,
                                                                    regeling="oom-ptt")}
    rows = [(t, deadlines.get(t.pk)) for t in company.trainings.all()]
    return render(request, "workspace/company/trainings.html", company_context(request, company, rows=rows))


@company_view()
def training_form(request: HttpRequest, company, training_id: int | None = None) -> HttpResponse:
    item = get_object_or_404(company.trainings, pk=training_id) if training_id else None
    initial = {}
    if item:
        initial = {"medewerker": item.medewerker, "omschrijving": item.omschrijving,
                   "start": item.start, "kosten_eur": item.kosten_eur,
                   "ptt_aangevraagd": "oom-ptt" in (item.aangevraagd or [])}
    form = TrainingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if item:
                actions.do_update_training(item, form.training_values(), acting_user=request.user)
            else:
                actions.do_create_training(company, form.training_values(),
                                           acting_user=request.user)
        except InvalidValues as refusal:
            _refused(form, refusal)
        else:
            messages.success(request, _("De scholing is opgeslagen."))
            return redirect("workspace:trainings", company_id=company.pk)
    return render(request, "workspace/company/training_form.html",
                  company_context(request, company, form=form, training=item), status=_status(request, form))


@company_view()
def training_delete(request: HttpRequest, company, training_id: int) -> HttpResponse:
    item = get_object_or_404(company.trainings, pk=training_id)
    back = reverse("workspace:trainings", args=[company.pk])
    return _confirm_then(request, company, _("Scholing verwijderen"), item.omschrijving, back,
                         lambda: actions.do_delete_training(item, acting_user=request.user),
                         back)


# --- applications --------------------------------------------------------------------------


@company_view()
def applications(request: HttpRequest, company) -> HttpResponse:
    titles = kb_ids("regeling")
    rows = [(a, titles.get(a.regeling, a.regeling)) for a in company.applications.all()]
    return render(request, "workspace/company/applications.html",
                  company_context(request, company, rows=rows))


@company_view()
def application_form(request: HttpRequest, company,
                     application_id: int | None = None) -> HttpResponse:
    item = get_object_or_404(company.applications, pk=application_id) if application_id else None
    regelingen = sorted(kb_ids("regeling").items(), key=lambda kv: kv[1])
    initial = {"regeling": request.GET.get("regeling", ""), "jaar": request.GET.get("jaar", "")}
    if item:
        initial = {name: getattr(item, name) for name in APPLICATION_FIELDS}
    form = ApplicationForm(request.POST or None, initial=initial, regelingen=regelingen)
    if request.method == "POST" and form.is_valid():
        try:
            if item:
                actions.do_update_application(item, form.application_values(),
                                              acting_user=request.user)
            else:
                actions.do_create_application(company, form.application_values(),
                                              acting_user=request.user)
        except InvalidValues as refusal:  # e.g. DuplicateApplication: at the year
            _refused(form, refusal)
        else:
            messages.success(request, _("De aanvraag is opgeslagen."))
            return redirect("workspace:applications", company_id=company.pk)
    return render(request, "workspace/company/application_form.html",
                  company_context(request, company, form=form, application=item),
                  status=_status(request, form))


@company_view()
def application_delete(request: HttpRequest, company, application_id: int) -> HttpResponse:
    item = get_object_or_404(company.applications, pk=application_id)
    back = reverse("workspace:applications", args=[company.pk])
    label = f"{kb_ids('regeling').get(item.regeling, item.regeling)} {item.jaar}"
    return _confirm_then(request, company, _("Aanvraag verwijderen"), label, back,
                         lambda: actions.do_delete_application(item, acting_user=request.user),
                         back)


# --- action points -------------------------------------------------------------------------


@company_view()
def action_points(request: HttpRequest, company) -> HttpResponse:
    titles = sorted(kb_ids("actiepunt").items(), key=lambda kv: int(kv[0].rsplit("-", 1)[1]))
    stored = {p.actiepunt: p for p in company.action_points.all()}
    rows = []
    for point_id, title in titles:
        current = stored.get(point_id)
        initial = {"status": current.status, "notitie": current.notitie} if current else {}
        data = request.POST if request.POST.get("actiepunt") == point_id else None
        rows.append((point_id, title, ActionPointForm(data, initial=initial, prefix=point_id)))
    if request.method == "POST":
        posted = next(((point_id, form) for point_id, _title, form in rows if form.is_bound),
                      None)
        if posted is None:
            raise Http404
        point_id, form = posted
        if form.is_valid():
            actions.do_set_action_point(company, actiepunt=point_id,
                                        status=form.cleaned_data["status"],
                                        notitie=form.cleaned_data["notitie"],
                                        acting_user=request.user)
            messages.success(request, _("De status is opgeslagen."))
            return redirect("workspace:action_points", company_id=company.pk)
    return render(request, "workspace/company/action_points.html",
                  company_context(request, company, rows=rows))


# --- calendar feed tokens ------------------------------------------------------------------


def webcal_url(url: str) -> str:
    """The feed address with the webcal:// scheme, which opens a subscription in Apple's and
    Outlook's calendars (they fetch it over https, or http on a local server)."""
    return "webcal://" + url.split("://", 1)[1]


@company_view()
def calendar(request: HttpRequest, company) -> HttpResponse:
    if request.method == "POST":
        actions.do_create_feed_token(company, acting_user=request.user)
        return redirect("workspace:calendar", company_id=company.pk)
    tokens = CalendarFeedToken.objects.filter(company=company, user=request.user,
                                              revoked_at__isnull=True)
    feeds = [(t, url, webcal_url(url)) for t in tokens
             for url in [request.build_absolute_uri(reverse("workspace:feed", args=[t.secret]))]]
    return render(request, "workspace/company/calendar.html", company_context(request, company, feeds=feeds))


@company_view()
def calendar_revoke(request: HttpRequest, company, token_id: int) -> HttpResponse:
    token = get_object_or_404(CalendarFeedToken, company=company, user=request.user, pk=token_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    actions.do_revoke_feed_token(token, acting_user=request.user)
    messages.success(request, _("De agendalink werkt niet meer."))
    return redirect("workspace:calendar", company_id=company.pk)


# --- privacy -------------------------------------------------------------------------------


def _json_download(data, filename: str) -> HttpResponse:
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _privacy_page(request: HttpRequest, company, erase_form: EraseEmployeeForm,
                  status: int = 200) -> HttpResponse:
    entries = company.audit_entries.select_related(None)[:200]
    return render(request, "workspace/company/privacy.html", company_context(
        request, company, entries=entries, learners=company.learners.all(),
        erase_form=erase_form), status=status)


@company_view(owner_only=True)
def privacy_page(request: HttpRequest, company) -> HttpResponse:
    return _privacy_page(request, company, EraseEmployeeForm())


@company_view(owner_only=True)
def privacy_export(request: HttpRequest, company) -> HttpResponse:
    actions.do_log_export(company, Object.COMPANY, company.pk, acting_user=request.user)
    return _json_download(privacy.company_export(company), f"persoonsgegevens-{company.pk}.json")


@company_view(owner_only=True)
def privacy_learner_export(request: HttpRequest, company, learner_id: int) -> HttpResponse:
    item = get_object_or_404(company.learners, pk=learner_id)
    actions.do_log_export(company, Object.LEARNER, item.pk, acting_user=request.user)
    return _json_download(privacy.learner_export(item), f"leerling-{item.pk}.json")


@company_view(owner_only=True)
def privacy_learner_erase(request: HttpRequest, company, learner_id: int) -> HttpResponse:
    item = get_object_or_404(company.learners, pk=learner_id)
    back = reverse("workspace:privacy", args=[company.pk])
    return _confirm_then(request, company, _("Leerling definitief wissen"), item.naam, back,
                         lambda: actions.do_erase_learner(item, acting_user=request.user), back)


@company_view(owner_only=True)
@require_POST
def privacy_employee_erase(request: HttpRequest, company) -> HttpResponse:
    form = EraseEmployeeForm(request.POST)
    if not form.is_valid():
        # Show the page again with the error at the field; nothing is erased.
        return _privacy_page(request, company, form, status=422)
    count = actions.do_erase_employee(company, medewerker=form.cleaned_data["medewerker"],
                                      acting_user=request.user)
    messages.success(request, ngettext("%(count)s cursus van deze medewerker gewist.",
                                       "%(count)s cursussen van deze medewerker gewist.", count)
                     % {"count": count})
    return redirect("workspace:privacy", company_id=company.pk)


@company_view(owner_only=True)
def privacy_employee_export(request: HttpRequest, company) -> HttpResponse:
    name = request.GET.get("medewerker", "")
    actions.do_log_export(company, Object.EMPLOYEE, acting_user=request.user)
    return _json_download(privacy.employee_export(company, name), "medewerker.json")
