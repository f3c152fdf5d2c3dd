"""The education-system schema of the guide as an accessible inline SVG.

Each ``onderwijsniveau`` with a ``diagram: {kolom, rij}`` place becomes a box that links to its
page (keyboard-focusable, named by its title). Levels are drawn in rows, like the guide's schema;
each ``stroom`` of the guide's schema between two placed levels becomes one arrow, routed
orthogonally through the gaps between the rows so arrows never run through a box:

- an arrow leaves the bottom of its level, runs down to a *lane* in one gap between two rows,
  along that lane and down into the top of the target level; all arrows of one level share a
  lane in a gap (a "bus"), each lane has its own height, so arrows only cross at right angles;
- of the gaps between the two rows, the one nearest the target whose vertical parts pass no box
  is used;
- an arrow to a level in the same row runs through the gap above that row.

Flows the guide's schema does not draw (``in_schema: false``) are left out of the drawing (the
list next to it names them), unless they are part of a highlighted route: then they are drawn
dashed. Empty rows and columns are dropped. The SVG carries a <title> and <desc>; pages show an
equivalent list next to it (template ``content/_education.html``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from onderwijsgids.kb import KnowledgeBase
from onderwijsgids.kb.schema import Onderwijsniveau
from onderwijsgids.kb.urls import item_path

NODE_W, NODE_H = 124, 58
COL_PITCH = 134
MARGIN = 12
LANE_PITCH, MIN_GAP = 8, 30
LINE_CHARS, MAX_LINES, LINE_H, FONT_SIZE = 19, 4, 12.5, 11
# Dutch compounds too long for one line break after a part that ends like this ("basisberoeps-
# gerichte", "volwassenen-onderwijs").
_JOINTS = ("s", "en")


@dataclass(frozen=True)
class _Box:
    id: str
    titel: str
    row: int
    column: int
    x: float
    y: float

    @property
    def cx(self) -> float:
        return self.x + NODE_W / 2

    @property
    def bottom(self) -> float:
        return self.y + NODE_H


@dataclass(frozen=True)
class _Flow:
    van: str
    naar: str
    in_schema: bool


def _place(level: Onderwijsniveau) -> tuple[int, int]:
    assert level.diagram is not None
    return level.diagram.rij, level.diagram.kolom


def placed_levels(kb: KnowledgeBase) -> list[Onderwijsniveau]:
    """Levels that have a place in the schema, row by row."""
    levels = [i for i in kb.items.values() if isinstance(i, Onderwijsniveau) and i.diagram]
    return sorted(levels, key=lambda level: (*_place(level), level.id))


def diagram_flows(kb: KnowledgeBase, route: tuple[str, ...] = ()) -> list[tuple[str, str, bool]]:
    """``(from, to, in_schema)`` for every flow drawn: both ends placed, and drawn in the
    guide's schema or part of ``route``."""
    placed = {level.id for level in placed_levels(kb)}
    steps = set(zip(route, route[1:]))
    return [(level.id, flow.naar, flow.in_schema)
            for level in placed_levels(kb) for flow in level.stromen
            if flow.naar in placed and (flow.in_schema or (level.id, flow.naar) in steps)]


# --- layout -------------------------------------------------------------------------------


def _grid(levels: list[Onderwijsniveau]) -> dict[str, tuple[int, int]]:
    """(row, column) per level, with unused rows and columns left out."""
    rows = {r: n for n, r in enumerate(sorted({_place(lv)[0] for lv in levels}))}
    columns = {c: n for n, c in enumerate(sorted({_place(lv)[1] for lv in levels}))}
    return {lv.id: (rows[_place(lv)[0]], columns[_place(lv)[1]]) for lv in levels}


def _gap_of(flow: _Flow, grid: dict[str, tuple[int, int]], blocked) -> int:
    """The gap an arrow runs through: gap ``g`` lies between row ``g`` and row ``g + 1``
    (gap -1 above the first row). Same row: the gap above it. Else the gap nearest the target
    whose vertical parts pass no other box (the nearest one when every gap does)."""
    (r1, c1), (r2, c2) = grid[flow.van], grid[flow.naar]
    if r2 <= r1:
        return min(r1, r2) - 1
    free = [g for g in range(r2 - 1, r1 - 1, -1)
            if not blocked(c1, r1 + 1, g, flow) and not blocked(c2, g + 1, r2 - 1, flow)]
    return free[0] if free else r2 - 1


def _blocker(grid: dict[str, tuple[int, int]]):
    occupied = {place: level for level, place in grid.items()}

    def blocked(column: int, first_row: int, last_row: int, flow: _Flow) -> bool:
        return any(occupied.get((row, column)) not in (None, flow.van, flow.naar)
                   for row in range(first_row, last_row + 1))
    return blocked


@dataclass
class _Layout:
    boxes: dict[str, _Box]
    gaps: dict[_Flow, int]
    lanes: dict[tuple[int, str], float]     # (gap, source level) -> y of its lane
    width: float
    height: float


def _layout(levels: list[Onderwijsniveau], flows: list[_Flow]) -> _Layout:
    grid = _grid(levels)
    blocked = _blocker(grid)
    gaps = {flow: _gap_of(flow, grid, blocked) for flow in flows}
    sources: dict[int, list[str]] = {}
    for flow, gap in gaps.items():
        members = sources.setdefault(gap, [])
        if flow.van not in members:
            members.append(flow.van)
    rows = max((r for r, _c in grid.values()), default=-1) + 1
    top, lanes, row_y = float(MARGIN), {}, {}
    for gap in range(-1, rows):
        if gap >= 0:
            row_y[gap] = top
            top += NODE_H
        members = sorted(sources.get(gap, []), key=lambda s: (grid[s][1], grid[s][0], s))
        if members or 0 <= gap < rows - 1:
            height = max(MIN_GAP, (len(members) + 1) * LANE_PITCH)
            for n, source in enumerate(members, 1):
                lanes[(gap, source)] = top + n * height / (len(members) + 1)
            top += height
    boxes = {lv.id: _Box(lv.id, lv.titel, *grid[lv.id], MARGIN + grid[lv.id][1] * COL_PITCH,
                         row_y[grid[lv.id][0]]) for lv in levels}
    width = max((b.x for b in boxes.values()), default=0) + NODE_W + MARGIN
    return _Layout(boxes, gaps, lanes, width, top + MARGIN)


def _entry_points(layout: _Layout, flows: list[_Flow]) -> dict[_Flow, float]:
    """Where each arrow enters its target's top: spread by the x of the arrows' sources."""
    incoming: dict[str, list[_Flow]] = {}
    for flow in flows:
        incoming.setdefault(flow.naar, []).append(flow)
    points = {}
    for target, arriving in incoming.items():
        box = layout.boxes[target]
        arriving.sort(key=lambda f: (layout.boxes[f.van].cx, f.van))
        for n, flow in enumerate(arriving, 1):
            points[flow] = box.x + NODE_W * (0.15 + 0.7 * n / (len(arriving) + 1))
    return points


def _path(layout: _Layout, flow: _Flow, entry_x: float) -> str:
    a, b = layout.boxes[flow.van], layout.boxes[flow.naar]
    lane = layout.lanes[(layout.gaps[flow], flow.van)]
    start_y = a.bottom if lane > a.bottom else a.y
    return f"M{a.cx:.1f} {start_y:.1f}V{lane:.1f}H{entry_x:.1f}V{b.y:.1f}"


# --- drawing ------------------------------------------------------------------------------


def _split_long(word: str) -> list[str]:
    """A word too long for a line, split after its longest fitting compound part."""
    if len(word) <= LINE_CHARS:
        return [word]
    for cut in range(min(len(word) - 4, LINE_CHARS - 1), 4, -1):
        if word[:cut].endswith(_JOINTS):
            return [word[:cut] + "-", *_split_long(word[cut:])]
    return [word]


def label_lines(title: str) -> list[str]:
    """Break a level's title into at most four short lines; a dash starts a new line."""
    lines: list[str] = []
    for part in title.split(" — "):
        words = [piece for word in part.split() for piece in _split_long(word)]
        lines.extend(_wrap(words) or [part])
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: LINE_CHARS - 1] + "…"
    return lines


def _wrap(words: list[str]) -> list[str]:
    """Words on lines of at most ``LINE_CHARS``; a part ending in "-" joins the next part
    without a space."""
    lines: list[str] = []
    for word in words:
        if lines:
            glue = "" if lines[-1].endswith("-") else " "
            if len(lines[-1]) + len(glue) + len(word) <= LINE_CHARS:
                lines[-1] += glue + word
                continue
        lines.append(word)
    return lines


def _node(box: _Box, emphasised: bool) -> str:
    lines = label_lines(box.titel)
    first_y = box.y + NODE_H / 2 - (len(lines) - 1) * LINE_H / 2
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
            f'<text text-anchor="middle" dominant-baseline="middle" font-size="{FONT_SIZE}" '
            f'fill="#111111">{tspans}</text></a>')


def _edge(layout: _Layout, flow: _Flow, entry_x: float, emphasised: bool, prefix: str) -> str:
    css = ["dg-edge"]
    if not flow.in_schema:
        css.append("dg-edge-extra")
    if emphasised:
        css.append("dg-edge-hl")
    marker = f"{prefix}-pijl-hl" if emphasised else f"{prefix}-pijl"
    dash = ' stroke-dasharray="5 4"' if not flow.in_schema else ""
    return (f'<path class="{" ".join(css)}" data-van="{flow.van}" data-naar="{flow.naar}" '
            f'd="{_path(layout, flow, entry_x)}" fill="none" '
            f'stroke="{"#b3261e" if emphasised else "#4a5a6a"}" '
            f'stroke-width="{2.5 if emphasised else 1.2}" stroke-linejoin="round"{dash} '
            f'marker-end="url(#{marker})"/>')


def _markers(prefix: str) -> str:
    arrow = ('<marker id="{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" '
             'fill="{fill}"/></marker>')
    return ("<defs>" + arrow.format(id=f"{prefix}-pijl", fill="#4a5a6a")
            + arrow.format(id=f"{prefix}-pijl-hl", fill="#b3261e") + "</defs>")


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
    flows = [_Flow(*f) for f in diagram_flows(kb, highlight)]
    layout = _layout(levels, flows)
    prefix = "dg-" + "-".join(highlight)[:40] if highlight else "dg"
    steps = set(zip(highlight, highlight[1:]))
    entries = _entry_points(layout, flows)
    # emphasised arrows last, so they are drawn on top of the others
    ordered = sorted(flows, key=lambda f: (f.van, f.naar) in steps)
    edges = "".join(_edge(layout, f, entries[f], (f.van, f.naar) in steps, prefix)
                    for f in ordered)
    nodes = "".join(_node(layout.boxes[lv.id], lv.id in highlight) for lv in levels)
    title = escape(_("Schema van het Nederlandse onderwijssysteem"))
    desc = escape(_("Elk vak is een onderwijsniveau en linkt naar de pagina van dat niveau; "
                    "de niveaus staan in rijen, van basisonderwijs bovenaan tot hoger onderwijs "
                    "onderaan, en pijlen tonen de doorstroom van het ene naar het andere "
                    "niveau. Onder het schema staat dezelfde informatie stap voor stap."))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="onderwijs-diagram" '
            f'viewBox="0 0 {layout.width:g} {layout.height:g}" width="{layout.width:g}" '
            f'height="{layout.height:g}" role="group" aria-labelledby="{prefix}-titel" '
            f'aria-describedby="{prefix}-desc">'
            f'<title id="{prefix}-titel">{title}</title><desc id="{prefix}-desc">{desc}</desc>'
            f'{_markers(prefix)}<g class="dg-edges" aria-hidden="true">{edges}</g>'
            f'<g class="dg-nodes">{nodes}</g></svg>')
