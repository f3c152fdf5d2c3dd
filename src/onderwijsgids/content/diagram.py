"""The education-system schema of the guide as an accessible inline SVG.

Each ``onderwijsniveau`` with a ``diagram: {kolom, rij}`` place becomes a box that links to its
page (keyboard-focusable, named by its title); each ``stroom`` between two placed levels becomes
one arrow. Flows the guide's schema does not draw (``in_schema: false``) are dashed. Empty rows
and columns are dropped so the drawing stays compact. The SVG carries a <title> and <desc>; pages
show an equivalent HTML list next to it (template ``content/_education_list.html``).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Onderwijsniveau
from onderwijsgids.kb.urls import item_path

NODE_W, NODE_H = 132, 54
COL_PITCH, ROW_PITCH = 146, 86
MARGIN = 12
LINE_CHARS, MAX_LINES, LINE_H = 20, 3, 14


@dataclass(frozen=True)
class _Box:
    id: str
    titel: str
    x: float
    y: float

    @property
    def cx(self) -> float:
        return self.x + NODE_W / 2

    @property
    def cy(self) -> float:
        return self.y + NODE_H / 2


def _place(level: Onderwijsniveau) -> tuple[int, int]:
    assert level.diagram is not None
    return level.diagram.rij, level.diagram.kolom


def placed_levels(kb: KnowledgeBase) -> list[Onderwijsniveau]:
    """Levels that have a place in the schema, row by row."""
    levels = [i for i in kb.items.values() if isinstance(i, Onderwijsniveau) and i.diagram]
    return sorted(levels, key=lambda level: (*_place(level), level.id))


def diagram_flows(kb: KnowledgeBase) -> list[tuple[str, str, bool]]:
    """``(from, to, in_schema)`` for every flow drawn: both ends have a place in the schema."""
    placed = {level.id for level in placed_levels(kb)}
    return [(level.id, flow.naar, flow.in_schema)
            for level in placed_levels(kb) for flow in level.stromen if flow.naar in placed]


def _boxes(levels: list[Onderwijsniveau]) -> dict[str, _Box]:
    """Pixel places; rows and columns that no level uses are left out."""
    rows = {r: n for n, r in enumerate(sorted({_place(lv)[0] for lv in levels}))}
    columns = {c: n for n, c in enumerate(sorted({_place(lv)[1] for lv in levels}))}
    boxes = {}
    for level in levels:
        row, column = _place(level)
        boxes[level.id] = _Box(level.id, level.titel, MARGIN + columns[column] * COL_PITCH,
                               MARGIN + rows[row] * ROW_PITCH)
    return boxes


def label_lines(title: str) -> list[str]:
    """Break a level's title into at most three short lines; a dash starts a new line."""
    lines: list[str] = []
    for part in title.split(" — "):
        lines.extend(textwrap.wrap(part, LINE_CHARS, break_long_words=False) or [part])
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: LINE_CHARS - 1] + "…"
    return lines


def _side(a: _Box, b: _Box) -> str:
    """The side of ``a`` where an arrow to or from ``b`` attaches."""
    if a.y == b.y:
        return "right" if b.x > a.x else "left"
    return "bottom" if b.y > a.y else "top"


def _anchors(boxes: dict[str, _Box], flows: list[tuple[str, str, bool]],
             ) -> dict[tuple[str, str, str], tuple[float, float]]:
    """Attachment point per (box, other box, role), spread along each side so arrows
    that meet one box do not share a single point."""
    per_side: dict[tuple[str, str], list[tuple[float, str, str]]] = {}
    for van, naar, _in_schema in flows:
        for here, there, role in ((van, naar, "out"), (naar, van, "in")):
            side = _side(boxes[here], boxes[there])
            per_side.setdefault((here, side), []).append((boxes[there].cx, there, role))
    points: dict[tuple[str, str, str], tuple[float, float]] = {}
    for (here, side), others in per_side.items():
        box = boxes[here]
        others.sort()
        for n, (_x, there, role) in enumerate(others):
            share = (n + 1) / (len(others) + 1)
            if side in ("top", "bottom"):
                x = box.x + NODE_W * (0.15 + 0.7 * share)
                points[(here, there, role)] = (x, box.y if side == "top" else box.y + NODE_H)
            else:
                y = box.y + NODE_H * (0.2 + 0.6 * share)
                points[(here, there, role)] = (box.x if side == "left" else box.x + NODE_W, y)
    return points


def _node(box: _Box, emphasised: bool) -> str:
    lines = label_lines(box.titel)
    first_y = box.cy - (len(lines) - 1) * LINE_H / 2
    tspans = "".join(
        f'<tspan x="{box.cx:g}" y="{first_y + n * LINE_H:g}">{escape(line)}</tspan>'
        for n, line in enumerate(lines))
    css = "dg-node dg-hl" if emphasised else "dg-node"
    return (f'<a href="{item_path("onderwijsniveau", box.id)}" class="{css}" '
            f'aria-label="{escape(box.titel)}" data-niveau="{box.id}">'
            f'<rect x="{box.x:g}" y="{box.y:g}" width="{NODE_W}" height="{NODE_H}" rx="6" '
            f'fill="{"#fdecea" if emphasised else "#ffffff"}" '
            f'stroke="{"#b3261e" if emphasised else "#1f3a5f"}" '
            f'stroke-width="{3 if emphasised else 1.5}"/>'
            f'<text text-anchor="middle" dominant-baseline="middle" font-size="12" '
            f'fill="#111111">{tspans}</text></a>')


def _edge(a: _Box, b: _Box, in_schema: bool, emphasised: bool, prefix: str,
          anchors: dict[tuple[str, str, str], tuple[float, float]]) -> str:
    x1, y1 = anchors[(a.id, b.id, "out")]
    x2, y2 = anchors[(b.id, a.id, "in")]
    css = ["dg-edge"]
    if not in_schema:
        css.append("dg-edge-extra")
    if emphasised:
        css.append("dg-edge-hl")
    marker = f"{prefix}-pijl-hl" if emphasised else f"{prefix}-pijl"
    dash = ' stroke-dasharray="5 4"' if not in_schema else ""
    return (f'<line class="{" ".join(css)}" data-van="{a.id}" data-naar="{b.id}" '
            f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{"#b3261e" if emphasised else "#4a5a6a"}" '
            f'stroke-width="{2.5 if emphasised else 1.2}"{dash} marker-end="url(#{marker})"/>')


def _markers(prefix: str) -> str:
    arrow = ('<marker id="{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" '
             'fill="{fill}"/></marker>')
    return ("<defs>" + arrow.format(id=f"{prefix}-pijl", fill="#4a5a6a")
            + arrow.format(id=f"{prefix}-pijl-hl", fill="#b3261e") + "</defs>")


def _route_edges(highlight: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(highlight, highlight[1:]))


def render_education_diagram(kb: KnowledgeBase, highlight: list[str] | None = None,
                             ) -> SafeString:
    """Safe SVG markup of the schema; ``highlight`` is a route of level IDs to emphasise.

    Cached per content release (``kb.digest``) and route: the drawing only changes on a load.
    """
    route = tuple(highlight or ())
    key = (kb.digest, route)
    markup = _CACHE.get(key) if kb.digest else None
    if markup is None:
        markup = _build(kb, route)
        if kb.digest:
            if len(_CACHE) > 128:
                _CACHE.clear()
            _CACHE[key] = markup
    return mark_safe(markup)  # noqa: S308 - every text in it is escaped in _node/_build


_CACHE: dict[tuple[str, tuple[str, ...]], str] = {}


def _build(kb: KnowledgeBase, highlight: tuple[str, ...]) -> str:
    levels = placed_levels(kb)
    boxes = _boxes(levels)
    prefix = "dg-" + "-".join(highlight)[:40] if highlight else "dg"
    width = max((b.x for b in boxes.values()), default=0) + NODE_W + MARGIN
    height = max((b.y for b in boxes.values()), default=0) + NODE_H + MARGIN
    route_edges = _route_edges(highlight)
    flows = diagram_flows(kb)
    anchors = _anchors(boxes, flows)
    edges = "".join(_edge(boxes[a], boxes[b], in_schema, (a, b) in route_edges, prefix, anchors)
                    for a, b, in_schema in flows)
    nodes = "".join(_node(boxes[lv.id], lv.id in highlight) for lv in levels)
    title = escape(_("Schema van het Nederlandse onderwijssysteem"))
    desc = escape(_("Elk vak is een onderwijsniveau en linkt naar de pagina van dat niveau; "
                    "pijlen tonen de doorstroom van het ene naar het andere niveau. "
                    "Gestippelde pijlen staan niet in het schema van de gids. "
                    "Onder het schema staat dezelfde informatie als lijst."))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="onderwijs-diagram" '
            f'viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
            f'role="group" aria-labelledby="{prefix}-titel" aria-describedby="{prefix}-desc">'
            f'<title id="{prefix}-titel">{title}</title><desc id="{prefix}-desc">{desc}</desc>'
            f'{_markers(prefix)}<g class="dg-edges" aria-hidden="true">{edges}</g>'
            f'<g class="dg-nodes">{nodes}</g></svg>')
