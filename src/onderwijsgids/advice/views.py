"""The question route ``/advies/`` and the plan page. Thin: parsing lives in :mod:`.steps`,
advice in :mod:`.engine`, outputs in :mod:`.render`.

Answers are stored in the session by question key (``request.session["advies"]``), shaped like
the profile of contract §2, so changing one answer keeps all the others. Any page accepts
answers in the query string (``/advies/?cao=metaal-en-techniek&doelen=werven``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from onderwijsgids.content.services import current_kb
from onderwijsgids.dutch import dutch_date
from onderwijsgids.links import base_url as canonical_base_url

from .engine import Advice, ProfileError, advise, parse_profile
from .engine.compiled import compiled
from .engine.plan import further_reading
from .labels import (
    CAO_LABELS, GOAL_LABELS, HBO_DOMAIN_LABELS, LEERWEG_LABELS, PROVINCE_LABELS, STATUS_LABELS,
    TARGET_GROUP_LABELS,
)
from .share import SHARE_SALT  # noqa: F401  (re-exported: tests sign links with it)
from .share import (
    SESSION_KEY, ShareLinkExpired, ShareLinkInvalid, profile_dict, read_share_token, share_expiry,
    share_token,
)
from .steps import (
    LEARNER_FIELDS, LIST_FIELDS, LIST_PAGE, NEW_STAFF_LIST, STEP_BY_SLUG, STEPS, TOTAL_STEPS,
    Field,
    date_parts, next_slug, parse_fields, previous_slug, step_number,
)

LIST_KEYS = {"leerlingen": "leerlingen", "scholing": "scholing_medewerkers",
             "nieuwe-medewerkers": "nieuwe_medewerkers"}
ADD_LABELS = {"leerlingen": _("Leerling toevoegen"), "scholing": _("Cursus toevoegen"),
              "nieuwe-medewerkers": _("Nieuwe medewerker toevoegen")}


# --- answers in the session -------------------------------------------------------------------


def answers(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(SESSION_KEY, {}))


def save_answers(request: HttpRequest, values: dict[str, Any]) -> None:
    stored = answers(request)
    stored.update(values)
    request.session[SESSION_KEY] = stored


def _sentence(melding: str) -> str:
    """Model messages name a field ("is te groot"); next to a form field they need a subject."""
    if melding.split(" ", 1)[0] in {"is", "moet", "heeft", "mag"}:
        return f"{_('Dit antwoord')} {melding}"
    return melding[:1].upper() + melding[1:]


def profile_errors(values: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Validate ``values`` with the profile model; errors keyed by form field name."""
    try:
        parse_profile(values, current_kb())
    except ProfileError as exc:
        errors = {}
        for fout in exc.fouten:
            name = fout.veld.removeprefix(prefix).split(".")[0].split("[")[0]
            if prefix and fout.veld + "." == prefix:
                name = ""  # about the item as a whole, e.g. end before start
            errors.setdefault(name, _sentence(fout.melding))
        return errors
    return {}


def prefill_from_query(request: HttpRequest) -> None:
    """Store valid answers given in the query string; invalid ones are ignored here and asked."""
    if not request.GET:
        return
    for step in STEPS:
        if step.kind != "question" or not any(f.name in request.GET for f in step.fields):
            continue
        fields = [f for f in step.fields if f.name in request.GET]
        values, errors = parse_fields(fields, request.GET)
        if not errors and not profile_errors(values):
            save_answers(request, values)
    if "naam" in request.GET and not profile_errors({"naam": request.GET["naam"]}):
        save_answers(request, {"naam": request.GET["naam"].strip() or None})


# --- rendering helpers ------------------------------------------------------------------------


def _display_value(f: Field, value: Any) -> Any:
    if f.kind == "radio" and isinstance(value, bool) or (f.kind == "radio" and value is None):
        return {True: "ja", False: "nee", None: "onbekend"}[value]
    return value


def bound_fields(fields: list[Field], values: dict[str, Any], errors: dict[str, str],
                 raw: Any = None) -> list[dict[str, Any]]:
    """What the template needs per field: id, current value(s), date parts, error, hint ids."""
    bound = []
    for f in fields:
        value = _display_value(f, values.get(f.name)) if f.name in values else ""
        if raw is not None:  # re-show exactly what was submitted
            value = raw.get(f.name, "") if f.kind != "checkboxes" else raw.getlist(f.name)
        parts = date_parts(values.get(f.name)) if f.kind == "date" else {}
        if raw is not None and f.kind == "date":
            parts = {p: raw.get(f"{f.name}-{p}", "") for p in ("dag", "maand", "jaar")}
        first_id = {"radio": f"{f.name}-0", "checkboxes": f"{f.name}-0",
                    "date": f"{f.name}-dag"}.get(f.kind, f.name)
        described = " ".join(x for x in (f"{f.name}-hint" if f.hint else "",
                                         f"{f.name}-fout" if f.name in errors else "") if x)
        bound.append({"f": f, "id": first_id, "value": value if value is not None else "",
                      "values": value if isinstance(value, list) else [], "parts": parts,
                      "error": errors.get(f.name), "describedby": described})
    return bound


def _crebo_choices() -> list[tuple[str, str]]:
    kb = current_kb()
    profiles = [k for k in kb.of_type("kwalificatie") if getattr(k, "soort", "") == "profiel"]
    return [(k.id, f"{k.id} — {k.titel}") for k in profiles]


def _learner_fields() -> list[Field]:
    fields = list(LEARNER_FIELDS)
    fields[1] = Field("crebo", fields[1].label, "select", _crebo_choices(), hint=fields[1].hint)
    return fields


def _context(request: HttpRequest, slug: str, **extra: Any) -> dict[str, Any]:
    changing = request.GET.get("terug") == "controle"
    back = "controle" if changing else previous_slug(slug)
    return {
        "number": step_number(slug), "total": TOTAL_STEPS, "changing": changing,
        "back_url": reverse("advice:step", args=[back]) if back else reverse("advice:start"),
        "suffix": _keep_return(request),
        **extra,
    }


def _after_save(request: HttpRequest, slug: str) -> HttpResponse:
    if request.GET.get("terug") == "controle":
        return redirect("advice:controle")
    target = next_slug(slug)
    return redirect("advice:controle" if target == "controle" else reverse("advice:step",
                                                                           args=[target]))


# --- the route --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    prefill_from_query(request)
    naam_field = Field("naam", _("Naam van je bedrijf"), "text", autocomplete="organization",
                       hint=_("Komt op je plan en in de PDF. Vul geen namen van personen in."))
    errors: dict[str, str] = {}
    if request.method == "POST":
        naam = (request.POST.get("naam") or "").strip() or None
        errors = profile_errors({"naam": naam})
        if not errors:
            save_answers(request, {"naam": naam})
            if request.GET.get("terug") == "controle":
                return redirect("advice:controle")
            return redirect("advice:step", STEPS[0].slug)
    stored = answers(request)
    return render(request, "advice/start.html", {
        "suffix": _keep_return(request),
        "fields": bound_fields([naam_field], stored, errors,
                               request.POST if request.method == "POST" else None),
        "errors": errors, "has_answers": bool(stored), "total": TOTAL_STEPS,
    }, status=400 if errors else 200)


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = STEP_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    prefill_from_query(request)
    if current.kind == "list":
        return _list_step(request, slug)
    errors: dict[str, str] = {}
    raw = None
    if request.method == "POST":
        values, errors = parse_fields(current.fields, request.POST)
        errors = errors or profile_errors(values)
        if not errors:
            save_answers(request, values)
            return _after_save(request, slug)
        raw = request.POST
    context = _context(request, slug, step=current, errors=errors,
                       fields=bound_fields(current.fields, answers(request), errors, raw))
    return render(request, "advice/step.html", context, status=400 if errors else 200)


def _remove_field(slug: str) -> str:
    """The name of a list's remove buttons: ``verwijder`` for the step's own list."""
    return "verwijder" if LIST_PAGE[slug] == slug else f"verwijder-{slug}"


def _lists_on_page(slug: str) -> list[str]:
    """The lists shown on the page of list step ``slug``: its own first."""
    return [s for s, page in LIST_PAGE.items() if page == slug and s == slug] + [
        s for s, page in LIST_PAGE.items() if page == slug and s != slug]


def _removed(request: HttpRequest, stored: dict[str, Any], slug: str) -> bool:
    """Remove the item whose remove button was pressed, if any; True when one was."""
    for list_slug in _lists_on_page(slug):
        key, remove = LIST_KEYS[list_slug], request.POST.get(_remove_field(list_slug))
        items = list(stored.get(key) or [])
        if remove is not None and remove.isdigit() and int(remove) < len(items):
            items.pop(int(remove))
            save_answers(request, {key: items})
            return True
    return False


def _list_step(request: HttpRequest, slug: str) -> HttpResponse:
    stored = answers(request)
    if request.method == "POST":
        if _removed(request, stored, slug):
            return redirect(reverse("advice:step", args=[slug]) + _keep_return(request))
        # "Verder" answers the step's own list ("none" when empty); an extra list on the page
        # is answered once an item was added to it.
        save_answers(request, {LIST_KEYS[slug]: list(stored.get(LIST_KEYS[slug]) or [])})
        return _after_save(request, slug)
    lists = [{"slug": s, "step": STEP_BY_SLUG.get(s, NEW_STAFF_LIST), "own": s == slug,
              "items": [_describe_item(s, item) for item in stored.get(LIST_KEYS[s]) or []],
              "remove": _remove_field(s), "add_label": ADD_LABELS[s],
              "add_url": reverse("advice:add", args=[s]) + _keep_return(request)}
             for s in _lists_on_page(slug)]
    return render(request, "advice/list.html", _context(
        request, slug, step=STEP_BY_SLUG[slug], lists=lists))


def _keep_return(request: HttpRequest) -> str:
    return "?terug=controle" if request.GET.get("terug") == "controle" else ""


def _day(value: str) -> str:
    """A stored ISO date as the Dutch write it (1 september 2025); other text unchanged."""
    try:
        return dutch_date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def _describe_learner(item: dict[str, Any]) -> str:
    parts = [str(LEERWEG_LABELS.get(item.get("leerweg"), _("leerweg onbekend")))]
    if item.get("crebo"):
        parts.append(f"crebo {item['crebo']}")
    if item.get("hbo_domein"):
        parts.append(_("domein %(domein)s") % {
            "domein": HBO_DOMAIN_LABELS.get(item["hbo_domein"], item["hbo_domein"])})
    if item.get("leerwerktraject") is not None:
        parts.append(_("met leerwerktraject") if item["leerwerktraject"]
                     else _("zonder leerwerktraject"))
    if item.get("start"):
        parts.append(_("vanaf %(datum)s") % {"datum": _day(item["start"])})
    if item.get("eind"):
        parts.append(_("tot %(datum)s") % {"datum": _day(item["eind"])})
    return ", ".join(parts)


def _describe_new_staff(item: dict[str, Any]) -> str:
    group = item.get("doelgroep")
    parts = [str(TARGET_GROUP_LABELS.get(group, group)) if group
             else str(_("nieuwe medewerker"))]
    if item.get("in_dienst"):
        parts.append(_("in dienst per %(datum)s") % {"datum": _day(item["in_dienst"])})
    if item.get("contract_maanden") is not None:
        parts.append(_("contract van %(maanden)s maanden") % {
            "maanden": item["contract_maanden"]})
    if item.get("uren_per_week") is not None:
        parts.append(_("%(uren)s uur per week") % {"uren": item["uren_per_week"]})
    return ", ".join(parts)


def _describe_item(slug: str, item: dict[str, Any]) -> str:
    if slug == "leerlingen":
        return _describe_learner(item)
    if slug == "nieuwe-medewerkers":
        return _describe_new_staff(item)
    parts = [item.get("omschrijving") or _("cursus zonder omschrijving")]
    if item.get("start"):
        parts.append(_("start %(datum)s") % {"datum": _day(item["start"])})
    if "oom-ptt" in (item.get("aangevraagd") or []):
        parts.append(_("PTT aangevraagd"))
    return ", ".join(parts)


DATE_ERROR = "Vul een bestaande datum in (dag, maand en jaar)"


def _attach_to_fields(errors: dict[str, str], fields: list[Field]) -> dict[str, str]:
    """Put each model error next to a form field: dates get a form-specific message, and an
    error about the item as a whole (end before start) goes to the last date field."""
    names = {f.name: f for f in fields}
    dates = [f.name for f in fields if f.kind == "date"]
    out: dict[str, str] = {}
    for name, message in errors.items():
        if name == "aangevraagd":
            name = "ptt_aangevraagd"
        if name not in names:
            out.setdefault(dates[-1] if dates else fields[0].name, message)
        elif names[name].kind == "date":
            out.setdefault(name, _(DATE_ERROR))
        else:
            out.setdefault(name, message)
    return out


def _item_from_form(slug: str, values: dict[str, Any]) -> dict[str, Any]:
    if slug == "leerlingen":
        item = {k: values.get(k) for k in ("leerweg", "crebo", "start", "eind", "via_bvm")}
        leerweg = values.get("leerweg") or ""
        if leerweg.startswith("hbo") and values.get("hbo_domein"):
            item["hbo_domein"] = values["hbo_domein"]
        if leerweg == "vmbo" and values.get("leerwerktraject") is not None:
            item["leerwerktraject"] = values["leerwerktraject"]
        return item
    if slug == "nieuwe-medewerkers":
        return {k: values.get(k) for k in ("doelgroep", "in_dienst", "contract_maanden",
                                           "uren_per_week")}
    return {"omschrijving": values.get("omschrijving"), "start": values.get("start"),
            "aangevraagd": ["oom-ptt"] if values.get("ptt_aangevraagd") == "ja" else [],
            "kosten_eur": values.get("kosten_eur")}


@require_http_methods(["GET", "POST"])
def add_item(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in LIST_FIELDS:
        raise Http404
    fields = _learner_fields() if slug == "leerlingen" else LIST_FIELDS[slug]
    key = LIST_KEYS[slug]
    errors: dict[str, str] = {}
    raw = None
    if request.method == "POST":
        values, errors = parse_fields(fields, request.POST)
        item = _item_from_form(slug, values)
        if not errors:
            errors = _attach_to_fields(profile_errors({key: [item]}, prefix=f"{key}[0]."),
                                       fields)
        if not errors:
            items = list(answers(request).get(key) or []) + [item]
            save_answers(request, {key: items})
            return redirect(reverse("advice:step", args=[LIST_PAGE[slug]])
                            + _keep_return(request))
        raw = request.POST
    context = _context(request, LIST_PAGE[slug], title=ADD_LABELS[slug], errors=errors,
                       fields=bound_fields(fields, {}, errors, raw))
    context["back_url"] = reverse("advice:step", args=[LIST_PAGE[slug]]) + _keep_return(request)
    return render(request, "advice/add.html", context, status=400 if errors else 200)


def _summary_rows(stored: dict[str, Any]) -> list[dict[str, Any]]:
    def show(key: str, labels: dict | None = None) -> str:
        if key not in stored:
            return _("Niet beantwoord")
        value = stored[key]
        if value is None:
            return _("Weet ik niet")
        if isinstance(value, bool):
            return _("Ja") if value else _("Nee")
        if isinstance(value, list):
            return ", ".join(str((labels or {}).get(v, v)) for v in value) or _("Geen")
        return str((labels or {}).get(value, value))

    def listed(slug: str) -> str:
        key = LIST_KEYS[slug]
        if key not in stored:
            return _("Niet beantwoord")
        return "; ".join(_describe_item(slug, item) for item in stored[key]) or _("Geen")

    rows = [
        ("", _("Naam van je bedrijf"), show("naam")),
        ("cao", _("Cao"), show("cao", CAO_LABELS)),
        ("medewerkers", _("Aantal medewerkers"), show("medewerkers")),
        ("vestiging", _("Provincie"), show("provincie", PROVINCE_LABELS)),
        ("vestiging", _("Plaats"), show("plaats")),
        ("leerbedrijf", _("Erkend leerbedrijf"), show("erkend_leerbedrijf")),
        ("leerbedrijf", _("Praktijkopleider opgeleid"), show("praktijkopleider_opgeleid")),
        ("doelen", _("Doelen"), show("doelen", GOAL_LABELS)),
        ("doelgroepen", _("Doelgroepen"), show("doelgroepen", TARGET_GROUP_LABELS)),
        ("leerlingen", _("Leerlingen en stagiairs"), listed("leerlingen")),
        ("scholing", _("Scholing van medewerkers"), listed("scholing")),
        ("scholing", _("Nieuwe medewerkers"), listed("nieuwe-medewerkers")),
    ]
    return [{"slug": slug, "label": label, "value": value,
             "change_url": (reverse("advice:step", args=[slug]) if slug
                            else reverse("advice:start")) + "?terug=controle"}
            for slug, label, value in rows]


def controle(request: HttpRequest) -> HttpResponse:
    prefill_from_query(request)
    stored = answers(request)
    return render(request, "advice/controle.html", {
        "rows": _summary_rows(stored), "number": TOTAL_STEPS, "total": TOTAL_STEPS,
        "back_url": reverse("advice:step", args=[previous_slug("controle")]),
        "naam": stored.get("naam"),
    })


# --- the plan, downloads and the shareable link ------------------------------------------------


def _advice_for(stored: dict[str, Any]) -> tuple[Advice, dict[str, str]]:
    """The advice and the item titles (compiled once per knowledge base) to name its links."""
    kb = current_kb()
    try:
        profile = parse_profile(profile_dict(stored), kb)
    except ProfileError:
        raise Http404 from None  # a stale session after a content change: start again
    return advise(profile, kb), compiled(kb).item_titles


def _from_token(token: str) -> dict[str, Any]:
    """The answers in a share link (signed, with its date); expired: :class:`ShareLinkExpired`."""
    try:
        return read_share_token(token)
    except ShareLinkInvalid:
        raise Http404 from None


def _expired_link(request: HttpRequest) -> HttpResponse:
    response = render(request, "advice/shared_expired.html", {"days": settings.SHARE_LINK_DAYS},
                      status=410)
    response["Cache-Control"] = "private, no-store"
    return response


def _plan_response(request: HttpRequest, stored: dict[str, Any], token: str,
                   shared: bool) -> HttpResponse:
    advice, titles = _advice_for(stored)
    share_url = request.build_absolute_uri(reverse("advice:shared", args=[token]))
    base = reverse("advice:shared", args=[token]) if shared else reverse("advice:plan")
    sbb = next((a for a in advice.acties if a.id == "sbb-erkenning"), None)
    verder = further_reading(compiled(current_kb()), advice.actiepunten,
                             advice.profiel.get("provincie"), sbb is not None)
    return render(request, "advice/plan.html", {
        "advice": advice,
        "kwalificaties": [(k, titles.get(k)) for k in advice.kwalificaties],
        "organisaties": [(o, titles.get(o, "")) for o in advice.organisaties],
        "punten": [(point, verder.get(point.id, [])) for point in advice.actiepunten],
        "sbb_actie": sbb, "sbb_verder": verder.get("", []),
        "status_labels": STATUS_LABELS, "share_url": share_url, "shared": shared,
        "downloads": [(base + "plan.pdf", _("PDF")), (base + "plan.ics", _("Agenda (.ics)")),
                      (base + "plan.md", _("Markdown"))],
        "naam": stored.get("naam"),
        "share_days": settings.SHARE_LINK_DAYS,
        "share_until": share_expiry(token),
        "plan_token": token,  # for "Bewaar dit plan" (advice/_bewaar.html)
    })


def plan(request: HttpRequest) -> HttpResponse:
    prefill_from_query(request)
    stored = answers(request)
    return _plan_response(request, stored, share_token(stored), shared=False)


def shared_plan(request: HttpRequest, token: str) -> HttpResponse:
    try:
        stored = _from_token(token)
    except ShareLinkExpired:
        return _expired_link(request)
    return _plan_response(request, stored, token, shared=True)


def _download(stored: dict[str, Any], fmt: str) -> HttpResponse:
    advice, titles = _advice_for(stored)
    base_url = canonical_base_url()
    if fmt == "pdf":
        from .render.pdf import to_pdf

        body, content_type = to_pdf(advice, titles, base_url), "application/pdf"
    elif fmt == "ics":
        from .render.ics import to_ics

        body, content_type = to_ics(advice, base_url), "text/calendar; charset=utf-8"
    elif fmt == "md":
        from .render.markdown import to_markdown

        body, content_type = to_markdown(advice, titles, base_url).encode(), \
            "text/markdown; charset=utf-8"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="onderwijsgids-plan.{fmt}"'
    return response


def plan_download(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download(answers(request), fmt)


def shared_download(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    try:
        stored = _from_token(token)
    except ShareLinkExpired:
        return _expired_link(request)
    return _download(stored, fmt)


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    return redirect("advice:start")


# --- the answers as a profile file (contract §2) ----------------------------------------------


def _profile_download(stored: dict[str, Any]) -> HttpResponse:
    from .render.profile_yaml import to_profile_yaml

    _advice_for(stored)  # the same answers the plan shows: a stale session is refused alike
    body = to_profile_yaml(profile_dict(stored), timezone.localdate())
    response = HttpResponse(body.encode(), content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="onderwijsgids-profiel.yaml"'
    return response


def plan_profile(request: HttpRequest) -> HttpResponse:
    return _profile_download(answers(request))


def shared_profile(request: HttpRequest, token: str) -> HttpResponse:
    try:
        stored = _from_token(token)
    except ShareLinkExpired:
        return _expired_link(request)
    return _profile_download(stored)
