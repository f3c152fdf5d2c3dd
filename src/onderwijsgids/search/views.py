"""Pages: search results (/zoeken/), education routes (/onderwijsroutes/), BVM finder
(/bedrijfsvakscholen/). They work without JavaScript; the engines do the work."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from onderwijsgids.kb.urls import TYPE_LABELS

from onderwijsgids.content.release_cache import release_page

from . import services
from .engine.query import MAX_QUERY_LENGTH, QueryError

PAGE_SIZE = 10  # hits per result page; only these get a snippet
EXAMPLE_QUESTIONS = [
    "subsidie voor mijn bbl'er",
    "cursus voor de begeleider van mijn stagiair",
    "bedrijfsvakschool bij Zwolle",
    "meiden interesseren voor techniek",
    "zijinstromer werven",
    "25892",
]


def _type_label(item_type: str, count: int) -> str:
    singular, plural = TYPE_LABELS.get(item_type, (item_type, item_type))
    return singular if count == 1 else plural


@release_page(memo=True, reads=("q", "type", "pagina"))
def zoeken(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    item_type = request.GET.get("type") or None
    if item_type not in TYPE_LABELS:
        item_type = None
    context: dict = {"q": q, "type": item_type, "examples": EXAMPLE_QUESTIONS,
                     "max_length": MAX_QUERY_LENGTH}
    if q:
        try:
            found = services.result_page(q, item_type, _page_number(request), PAGE_SIZE)
        except QueryError as exc:
            context["error"] = exc.problem.message
            return render(request, "search/zoeken.html", context, status=422)
        result = found.result
        context.update(result=result, groups=_groups(result, found.hits),
                       filters=_filters(result), pager=_pager(q, item_type, found))
    return render(request, "search/zoeken.html", context)


def _page_number(request: HttpRequest) -> int:
    """``?pagina=N``; anything else than a page number means the first page."""
    text = request.GET.get("pagina", "1").strip()
    return int(text) if text.isdigit() and 0 < len(text) < 6 and int(text) > 0 else 1


def _pager(q: str, item_type: str | None, found) -> dict | None:
    """Links to the other result pages (plain links: no JavaScript needed)."""
    if found.pages < 2:
        return None

    def link(n: int) -> str:
        params = {"q": q, **({"type": item_type} if item_type else {}),
                  **({"pagina": n} if n > 1 else {})}
        return "/zoeken/?" + urlencode(params)

    shown = sorted({1, found.pages, *range(max(1, found.page - 2),
                                           min(found.pages, found.page + 2) + 1)})
    numbers, previous = [], 0
    for n in shown:
        if n - previous > 1:
            numbers.append({"gap": True})
        numbers.append({"number": n, "url": link(n), "current": n == found.page})
        previous = n
    return {"page": found.page, "pages": found.pages, "numbers": numbers,
            "first": found.first, "last": found.last,
            "previous": link(found.page - 1) if found.page > 1 else None,
            "next": link(found.page + 1) if found.page < found.pages else None}


def _groups(result, hits) -> list[dict]:
    """The page's hits grouped by type; groups ordered by their best hit, best first within."""
    groups: dict[str, list] = {}
    for hit in hits:
        groups.setdefault(hit.type, []).append(hit)
    return [{"type": t, "label": _type_label(t, result.counts.get(t, len(hits))).capitalize(),
             "count": result.counts.get(t, len(hits)), "hits": hits}
            for t, hits in groups.items()]


def _filters(result) -> list[dict]:
    return [{"type": t, "label": capfirst(_type_label(t, n)), "count": n}
            for t, n in result.counts.items()]


@release_page(memo=True, reads=("van", "naar", "route"))
def onderwijsroutes(request: HttpRequest) -> HttpResponse:
    graph = services.education_graph()
    van = request.GET.get("van", "").strip()
    naar = request.GET.get("naar", "").strip()
    levels = sorted(graph.levels.values(), key=lambda lv: (lv.volgorde, lv.id))
    context: dict = {"levels": levels, "van": van, "naar": naar, "errors": []}
    if van or naar:
        for field, value, label in (("van", van, _("Van")), ("naar", naar, _("Naar"))):
            if not value:
                context["errors"].append({"field": field, "label": label,
                                          "message": _("Kies een onderwijsniveau.")})
            elif value not in graph.levels:
                hint = ", ".join(graph.suggestions(value))
                message = _("Onbekend onderwijsniveau.")
                if hint:
                    message += " " + _("Bedoelde je: %(hint)s?") % {"hint": hint}
                context["errors"].append({"field": field, "label": label, "message": message})
        if not context["errors"]:
            context["routes"] = _routes(graph, van, naar)
            context["shown"] = _shown_route(request, context["routes"])
    status = 422 if context["errors"] else 200
    return render(request, "search/onderwijsroutes.html", context, status=status)


def _shown_route(request: HttpRequest, routes: list[dict]) -> dict | None:
    """The route drawn on the schema (``?route=N``, default the shortest): one drawing per
    page keeps it light; every route links to its own drawing."""
    from onderwijsgids.content.diagram import render_education_diagram
    from onderwijsgids.content.services import current_kb

    if not routes:
        return None
    number = request.GET.get("route", "1")
    chosen = next((r for r in routes if str(r["number"]) == number), routes[0])
    ids = [level.id for level in chosen["levels"]]
    return {"route": chosen, "diagram": render_education_diagram(current_kb(), highlight=ids)}


def _routes(graph, van: str, naar: str) -> list[dict]:
    found = []
    for n, route in enumerate(graph.routes(van, naar), 1):
        found.append({
            "number": n,
            "levels": [graph.levels[i] for i in route.levels],
            "steps": [{"van": graph.levels[s.van], "naar": graph.levels[s.naar],
                       "voorwaarde": s.voorwaarde, "duur": s.duur, "bron": s.bron,
                       "bron_is_url": s.bron.startswith("http")} for s in route.steps],
        })
    return found


@release_page(memo=True, reads=("plaats", "provincie"))
def bedrijfsvakscholen(request: HttpRequest) -> HttpResponse:
    from django.utils.safestring import mark_safe

    from onderwijsgids.content import presenters
    from onderwijsgids.content.services import current_kb

    from .engine import finder

    kb = current_kb()
    plaats = request.GET.get("plaats", "").strip()
    provincie = request.GET.get("provincie", "").strip()
    context: dict = {"plaats": plaats, "provincie": provincie, "errors": [],
                     "provinces": sorted(finder.PROVINCE_NAMES.items(), key=lambda kv: kv[1]),
                     "count": len(finder.bvms(kb)), "total": finder.known_total(kb)}
    origin = None
    try:
        found, origin = services.finder_results(kb, plaats, provincie)
    except services.FinderInputError as exc:
        context["errors"].append({"field": exc.problem.field, "message": exc.problem.message,
                                  "suggestions": exc.suggestions})
        found = finder.nearest(kb, finder.province_centre("utrecht"))
        found = sorted(found, key=lambda f: f.organisatie.titel)
        origin = None
    context["searched"] = bool(plaats or provincie) and not context["errors"]
    context["origin"] = origin
    context["found"] = [{"number": n, "item": f.organisatie, "place": f.place,
                         "km": round(f.km) if f.km is not None and context["searched"] else None,
                         "status": presenters.status_label(f.organisatie)}
                        for n, f in enumerate(found, 1)]
    context["confirmed"] = sum(finder.confirmed(b) for b in finder.bvms(kb))
    context["locations"] = len(found)
    marked = origin if plaats else None
    context["map"] = mark_safe(finder.map_svg(  # noqa: S308 - every text in it is escaped
        found, marked, provincie or None, title=_("Kaart van Nederland met de bedrijfsvakscholen"),
        desc=_map_description(marked.naam if marked else None)))
    return render(request, "search/bedrijfsvakscholen.html", context,
                  status=422 if context["errors"] else 200)


def _map_description(place: str | None) -> str:
    if place:
        return _("De twaalf provincies; een rode genummerde stip per vestiging van een "
                 "bedrijfsvakschool (nummers als in de lijst); een blauw vierkant voor "
                 "%(plaats)s.") % {"plaats": place}
    return _("De twaalf provincies; een rode genummerde stip per vestiging van een "
             "bedrijfsvakschool (nummers als in de lijst).")
