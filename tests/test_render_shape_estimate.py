"""The shape estimate's counts, made once per wrap, stagger and fold, give what a rank-by-rank count gives."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap
from argmap.render.shape import _BREADTH, _LENGTH, _NODESEP, _RANKSEP, Estimates, Shape, _fold, shapes
from benchmarks.generate import build, plan, thesis_plan
from tests.strategies import maps


def reference_size(estimates: Estimates, shape: Shape) -> tuple[float, float]:
    """Return the drawing's size counted the plain way: every node, then every line rank by rank."""
    graph, rank = estimates.graph(shape.stagger)
    if shape.fold:
        rank = {node: _fold(row, shape.fold) for node, row in rank.items()}
    widths, heights = estimates.boxes(shape.wrap)
    across = shape.direction in ("BT", "TB")
    thickness: dict[int, float] = {}
    extent: dict[int, float] = {}
    for number, node in enumerate(graph.size):
        along, side = (heights[number], widths[number]) if across else (widths[number], heights[number])
        row = rank[node]
        thickness[row] = max(thickness.get(row, 0.0), along)
        extent[row] = extent.get(row, -_NODESEP) + side + _NODESEP
    shared: set[tuple[str, int]] = set()
    for tail, head, span, label in graph.edges:
        low, high = sorted((rank[tail], rank[head]))
        for row in range(low + 1, high):
            if span > 1 and (head, row) in shared:
                continue
            shared.add((head, row))
            extent[row] = extent.get(row, 0.0) + _NODESEP
        if label and high > low:
            middle = (low + high) // 2
            extent[middle] = extent.get(middle, 0.0) + (label if across else 14.0) / 2
    count = max(rank.values(), default=0) + 1
    gap = _RANKSEP + (14.0 if across else 40.0) if graph.labelled else _RANKSEP
    length = (sum(thickness.values()) + gap * (count - 1)) * _LENGTH[across]
    breadth = max(extent.values(), default=0.0) * (1.0 if shape.fold else _BREADTH[across])
    return (breadth, length) if across else (length, breadth)


def assert_sizes_agree(amap: ArgumentMap) -> None:
    """Assert every candidate shape's size is the plain count's, to the last few digits."""
    estimates = Estimates(amap, attributions=True, quotes=True, main=(), styled=False)
    for shape in shapes(amap, wrap=None, attributions=True, quotes=True, estimates=estimates):
        found = estimates.size(shape)
        expected = reference_size(estimates, shape)
        assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(found, expected, strict=True)), shape


@settings(max_examples=60, deadline=None)
@given(maps(max_claims=14, max_relations=20))
def test_every_candidate_is_sized_as_a_plain_count_sizes_it(amap: ArgumentMap) -> None:
    """On any map, each candidate's estimated size is what counting every line rank by rank gives."""
    assert_sizes_agree(amap)


@settings(max_examples=12, deadline=None)
@given(st.integers(20, 160), st.integers(1, 50), st.booleans())
def test_generated_debates_are_sized_as_a_plain_count_sizes_them(claims: int, seed: int, thesis: bool) -> None:
    """On generated maps deep enough to be staggered and folded, the counts agree too."""
    assert_sizes_agree(build(thesis_plan(claims, seed=seed) if thesis else plan(claims, seed=seed)))
