"""The question route ``/advies/`` and the plan page. The questions (how each is asked, parsed,
validated and summarised) are the nodes of :mod:`.steps`, the advice is :mod:`.engine`, the
downloads are :mod:`.render`; this module stores the answers and builds the pages' context.

Answers are stored in the session by profile key (``request.session["advies"]``), shaped like
the profile of contract §2, so changing one answer keeps all the others. Any page accepts
answers in the query string (``/advies/?cao=metaal-en-techniek&doelen=werven``). Bad input
answers 422 with the error summary, like the rest of the site.
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

from onderwijsgids.content.release_cache import remembered_form_page
from onderwijsgids.content.services import current_kb
from onderwijsgids.links import base_url as canonical_base_url
from onderwijsgids.vocabulary import field_words, listing

from . import steps
from .engine import Advice, ProfileError, advise, parse_profile
from .engine.acties import SBB
from .engine.compiled import compiled
from .engine.plan import further_reading
from .labels import GROUP_LABELS
from .render import FORMATS
from .render import render as render_as
from .render.plan_parts import first_actions, grouped, money_at_stake
from .share import SHARE_SALT  # noqa: F401  (re-exported: tests sign links with it)
from .share import (
    SESSION_KEY, ShareLinkExpired, ShareLinkInvalid, profile_dict, read_share_token, share_expiry,
    share_token,
)
from .steps import CHECK, START, Field, Page

INVALID = 422  # bad input: the page again with the error summary, as the workspace and search


# --- answers in the session -------------------------------------------------------------------


def answers(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(SESSION_KEY, {}))


def save_answers(request: HttpRequest, values: dict[str, Any]) -> None:
    stored = answers(request)
    stored.update(values)
    request.session[SESSION_KEY] = stored


def prefill_from_query(request: HttpRequest) -> None:
    """Store valid answers given in the query string; invalid ones are ignored here and asked."""
    if request.GET:
        values = steps.ROUTE.from_query(request.GET, current_kb())
        if values:
            save_answers(request, values)


# --- rendering helpers ------------------------------------------------------------------------


def _keep_return(request: HttpRequest) -> str:
    return "?terug=controle" if request.GET.get("terug") == "controle" else ""


def _page_url(slug: str) -> str:
    if slug == START:
        return reverse("advice:start")
    return reverse("advice:controle") if slug == CHECK else reverse("advice:step", args=[slug])


def _bound(fields: list[Field], stored: dict[str, Any], errors: dict[str, str],
           raw: Any = None) -> list[dict[str, Any]]:
    return [f.bind(stored, errors, raw) for f in fields]


def _context(request: HttpRequest, slug: str, **extra: Any) -> dict[str, Any]:
    route = steps.ROUTE
    changing = request.GET.get("terug") == "controle"
    return {
        "number": route.number(slug), "total": route.total_steps, "changing": changing,
        "back_url": _page_url(CHECK if changing else route.previous_slug(slug)),
        "suffix": _keep_return(request),
        **extra,
    }


def _after_save(request: HttpRequest, slug: str) -> HttpResponse:
    if request.GET.get("terug") == "controle":
        return redirect("advice:controle")
    return redirect(_page_url(steps.ROUTE.next_slug(slug)))


def _answer(request: HttpRequest, page: Page) -> tuple[HttpResponse | None, dict[str, str]]:
    """A POST to a question page: store the answers and go on, or the errors to show."""
    if request.method != "POST":
        return None, {}
    values, errors = page.answer(request.POST, current_kb())
    if errors:
        return None, errors
    save_answers(request, values)
    return _after_save(request, page.slug), {}


# --- the route --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    prefill_from_query(request)
    page = steps.ROUTE.start
    done, errors = _answer(request, page)
    if done:
        return done
    stored = answers(request)

    def start_page(extra: dict) -> HttpResponse:
        return render(request, "advice/start.html", {
            "suffix": _keep_return(request),
            "fields": _bound(page.ask(current_kb()), stored, errors,
                             request.POST if errors else None),
            "errors": errors, "has_answers": bool(stored), "total": steps.ROUTE.total_steps,
            **extra}, status=INVALID if errors else 200)

    if request.method == "GET" and not request.GET and not stored:
        # Where every route begins: the same page for every new visitor but for the token.
        return remembered_form_page(request, "advies-start", start_page)
    return start_page({})


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    page = steps.ROUTE.step(slug)
    if page is None:
        raise Http404
    prefill_from_query(request)
    if page.kind == "list":
        return _list_step(request, page)
    done, errors = _answer(request, page)
    if done:
        return done
    fields = _bound(page.ask(current_kb()), answers(request), errors,
                    request.POST if errors else None)
    return render(request, "advice/step.html",
                  _context(request, slug, step=page, errors=errors, fields=fields),
                  status=INVALID if errors else 200)


def _removed(request: HttpRequest, stored: dict[str, Any], page: Page) -> bool:
    """Remove the item whose remove button was pressed, if any; True when one was."""
    for node in page.lists:
        items, remove = node.items(stored), request.POST.get(page.remove_name(node))
        if remove is not None and remove.isdigit() and int(remove) < len(items):
            items.pop(int(remove))
            save_answers(request, {node.key: items})
            return True
    return False


def _list_step(request: HttpRequest, page: Page) -> HttpResponse:
    stored = answers(request)
    own = page.lists[0]
    if request.method == "POST":
        if _removed(request, stored, page):
            return redirect(_page_url(page.slug) + _keep_return(request))
        # "Verder" answers the page's own list ("none" when empty); another list on the page
        # is answered once an item was added to it.
        save_answers(request, {own.key: own.items(stored)})
        return _after_save(request, page.slug)
    lists = [{"node": node, "own": node is own,
              "items": [node.describe(item) for item in node.items(stored)],
              "remove": page.remove_name(node),
              "add_url": reverse("advice:add", args=[node.slug]) + _keep_return(request)}
             for node in page.lists]
    return render(request, "advice/list.html", _context(request, page.slug, step=page,
                                                        lists=lists))


@require_http_methods(["GET", "POST"])
def add_item(request: HttpRequest, slug: str) -> HttpResponse:
    node = steps.ROUTE.list_node(slug)
    if node is None:
        raise Http404
    errors: dict[str, str] = {}
    if request.method == "POST":
        item, errors = node.add(request.POST, current_kb())
        if not errors:
            save_answers(request, {node.key: node.items(answers(request)) + [item]})
            return redirect(_page_url(node.on_page) + _keep_return(request))
    context = _context(request, node.on_page, title=node.add_label, errors=errors,
                       fields=_bound(node.ask(current_kb()), {}, errors,
                                     request.POST if errors else None))
    context["back_url"] = _page_url(node.on_page) + _keep_return(request)
    return render(request, "advice/add.html", context, status=INVALID if errors else 200)


def controle(request: HttpRequest) -> HttpResponse:
    prefill_from_query(request)
    stored = answers(request)
    route = steps.ROUTE
    rows = [{"label": row.label, "value": row.value,
             "change_url": _page_url(row.page) + "?terug=controle"}
            for row in route.summary(stored)]
    return render(request, "advice/controle.html", {
        "rows": rows, "number": route.total_steps, "total": route.total_steps,
        "back_url": _page_url(route.previous_slug(CHECK)),
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


def _questions(fields: list[str], shared: bool) -> list[dict[str, Any]]:
    """The route questions that settle a ``misschien``: per page the answers in words and, on
    the visitor's own plan, a link to the page (back to "controleer" after answering)."""
    pages: dict[str, list[str]] = {}
    for name in fields:
        page = steps.ROUTE.page_asking(name)
        pages.setdefault(page.slug if page else "", []).append(field_words(name))
    return [{"wat": listing(list(dict.fromkeys(words))),
             "titel": steps.ROUTE.pages[slug].title if slug else "",
             "url": None if shared or not slug else _page_url(slug) + "?terug=controle"}
            for slug, words in pages.items()]


def _groups(advice: Advice, shared: bool) -> list[tuple[str, Any, list[dict[str, Any]]]]:
    """The regelingen grouped ja / nog niet / misschien / nee, as the plan page lists them."""
    return [(key, GROUP_LABELS[key],
             [{"row": row, "vragen": _questions(row.vragen, shared)} for row in rows])
            for key, rows in grouped(advice).items()]


def _plan_response(request: HttpRequest, stored: dict[str, Any], token: str,
                   shared: bool) -> HttpResponse:
    advice, titles = _advice_for(stored)
    share_url = request.build_absolute_uri(reverse("advice:shared", args=[token]))
    base = reverse("advice:shared", args=[token]) if shared else reverse("advice:plan")
    sbb = next((a for a in advice.acties if a.id == SBB), None)
    verder = further_reading(compiled(current_kb()), advice.actiepunten,
                             advice.profiel.get("provincie"), sbb is not None)
    eerst, meer = first_actions(advice)
    return render(request, "advice/plan.html", {
        "advice": advice,
        "kwalificaties": [(k, titles.get(k)) for k in advice.kwalificaties],
        "organisaties": [(o, titles.get(o, "")) for o in advice.organisaties],
        "punten": [(point, verder.get(point.id, [])) for point in advice.actiepunten],
        "peildatum": dt.date.fromisoformat(advice.profiel["peildatum"]),
        "eerst": eerst, "meer": meer, "geld": money_at_stake(advice.acties),
        "actie_verder": {SBB: verder.get("", [])}, "groepen": _groups(advice, shared),
        "share_url": share_url, "shared": shared,
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
    if fmt not in FORMATS:
        raise Http404
    advice, titles = _advice_for(stored)
    rendered = render_as(advice, fmt, titles, canonical_base_url())
    response = HttpResponse(rendered.body, content_type=rendered.content_type)
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
