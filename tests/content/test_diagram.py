"""The education diagram's layout: levels in rows as in the guide, arrows that never run
through a box and only cross at right angles, labels that fit their boxes."""

from __future__ import annotations

import re

import pytest

from onderwijsgids.content.diagram import (
    LINE_CHARS, MAX_LINES, NODE_H, NODE_W, diagram_flows, label_lines, placed_levels,
    render_education_diagram,
)
from onderwijsgids.kb import default_content_dir, load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(default_content_dir())


def boxes_of(svg: str) -> dict[str, tuple[float, float, float, float]]:
    found = re.findall(r'data-niveau="([^"]+)"><rect x="([\d.]+)" y="([\d.]+)" width="(\d+)" '
                       r'height="(\d+)"', svg)
    return {i: (float(x), float(y), float(x) + float(w), float(y) + float(h))
            for i, x, y, w, h in found}


def segments_of(svg: str) -> list[tuple[str, str, list[tuple[float, float, float, float]]]]:
    """Per arrow: (from, to, straight segments (x1, y1, x2, y2))."""
    arrows = []
    for van, naar, d in re.findall(r'data-van="([^"]+)" data-naar="([^"]+)" d="([^"]+)"', svg):
        x, y = map(float, re.match(r"M([\d.]+) ([\d.]+)", d).groups())
        parts = []
        for axis, value in re.findall(r"([VH])([\d.]+)", d):
            nx, ny = (x, float(value)) if axis == "V" else (float(value), y)
            parts.append((x, y, nx, ny))
            x, y = nx, ny
        arrows.append((van, naar, parts))
    return arrows


def test_levels_are_in_rows_from_primary_to_higher_education(kb):
    order = {"primair": 0, "voortgezet": 1, "volwassenen": 1, "mbo": 2, "hoger": 3}
    svg = render_education_diagram(kb)
    boxes = boxes_of(svg)
    levels = {lv.id: lv for lv in placed_levels(kb)}
    assert set(boxes) == set(levels)
    for a in levels.values():
        for b in levels.values():
            if order[a.fase] < order[b.fase]:
                assert boxes[a.id][3] <= boxes[b.id][1], (a.id, b.id)


def extra_flows() -> list[list[str]]:
    kb = load_knowledge_base(default_content_dir())
    return [[level.id, flow.naar] for level in placed_levels(kb) for flow in level.stromen
            if not flow.in_schema]


@pytest.mark.parametrize("route", [[], *extra_flows()])
def test_every_arrow_is_orthogonal_and_passes_no_other_box(kb, route):
    svg = render_education_diagram(kb, highlight=route)
    boxes = boxes_of(svg)
    arrows = segments_of(svg)
    assert {(v, n) for v, n, _p in arrows} == {(v, n) for v, n, s in diagram_flows(kb, tuple(route))}
    for van, naar, parts in arrows:
        for x1, y1, x2, y2 in parts:
            assert x1 == x2 or y1 == y2
            for level, (bx1, by1, bx2, by2) in boxes.items():
                if level in (van, naar):
                    continue
                inside_x = min(x1, x2) < bx2 and max(x1, x2) > bx1
                inside_y = min(y1, y2) < by2 and max(y1, y2) > by1
                assert not (inside_x and inside_y), f"{van} → {naar} loopt door {level}"


def test_an_arrow_ends_on_the_top_of_its_target(kb):
    svg = render_education_diagram(kb)
    boxes = boxes_of(svg)
    for _van, naar, parts in segments_of(svg):
        x, y = parts[-1][2:]
        bx1, by1, bx2, _by2 = boxes[naar]
        assert y == pytest.approx(by1) and bx1 < x < bx2


def test_the_guides_schema_is_drawn_without_the_flows_it_does_not_draw(kb):
    flows = diagram_flows(kb)
    assert flows and all(in_schema for _v, _n, in_schema in flows)
    svg = render_education_diagram(kb, highlight=["havo", "mbo-4"])
    assert 'data-van="havo" data-naar="mbo-4"' in svg and "dg-edge-extra" in svg


def test_labels_fit_their_boxes(kb):
    for level in placed_levels(kb):
        lines = label_lines(level.titel)
        assert len(lines) <= MAX_LINES and all(len(line) <= LINE_CHARS for line in lines)
        assert "…" not in "".join(lines), level.titel
        assert lines[0] and 13 * len(lines) < NODE_H
    assert label_lines("vmbo basisberoepsgerichte leerweg") == [
        "vmbo basisberoeps-", "gerichte leerweg"]
    assert NODE_W >= LINE_CHARS * 6.2  # about 6.2 px per character at the drawing's 11 px
