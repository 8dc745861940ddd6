"""The shape estimate's counts, made once per wrap, stagger and fold, give what a rank-by-rank count gives; the best."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim
from argmap.render._lines import _LEGEND_ROWS, DEFAULTS, drawn_as_main, legend_table
from argmap.render._quoting import wrap
from argmap.render.dot import shape as dot_shape
from argmap.render.dot import shapes as dot_shapes
from argmap.render.dot import to_dot
from argmap.render.shape import (
    _BREADTH,
    _CHAR,
    _LENGTH,
    _LINE,
    _MARGIN_X,
    _MARGIN_Y,
    _NODESEP,
    _RANKSEP,
    LARGE,
    WRAP,
    Estimates,
    Shape,
    _fold,
    best,
    shapes,
)
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


def reference_box(
    claim: Claim, wrap_at: int, attributions: bool, quotes: bool, main: bool, badge: bool
) -> tuple[float, float]:
    """Return a claim's box counted the plain way: each row wrapped on its own, every line's width."""
    rows: list[tuple[list[str], float]] = [(wrap(claim.text, wrap_at), 13.0 * (1.08 if main else 1.0))]
    if badge:
        rows.append((["✓ accepted"], 10.0))
    if claim.qualifier is not None:
        rows.append((wrap(f"[{claim.qualifier}]", wrap_at + wrap_at // 5), 11.0))
    for attribution in claim.attributions if quotes else ():
        if attribution.quote is not None and attribution.quote != claim.text:
            rows.append((wrap(f"“{attribution.quote}”", wrap_at + wrap_at // 5), 11.0))
    for attribution in claim.attributions if attributions else ():
        rows.append((wrap(f"— {attribution.line()}", wrap_at + wrap_at // 4), 10.0))
    width = max((len(line) * size * _CHAR for found, size in rows for line in found), default=0.0)
    height = sum(len(found) * size * _LINE for found, size in rows)
    return max(54.0, width + 2 * _MARGIN_X), max(36.0, height + 2 * _MARGIN_Y)


@settings(max_examples=80, deadline=None)
@given(
    maps(max_claims=10, max_relations=6),
    st.lists(st.integers(8, 90), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_every_box_is_sized_as_wrapping_each_row_on_its_own_sizes_it(
    amap: ArgumentMap, wraps: list[int], attributions: bool, quotes: bool, styled: bool
) -> None:
    """Measured all at once per wrap, each claim's box is exactly (to the last digit) what its own wrapped rows give."""
    main = {claim.id for claim in amap.claims[::2]}
    estimates = Estimates(amap, attributions=attributions, quotes=quotes, main=main, styled=styled)
    for wrap_at in wraps:
        widths, heights = estimates.boxes(wrap_at)
        expected = [
            reference_box(claim, wrap_at, attributions, quotes, claim.id in main, styled) for claim in amap.claims
        ]
        claims = len(amap.claims)  # the junction dots follow
        assert list(zip(widths[:claims], heights[:claims], strict=True)) == expected


def assert_best_is_first(amap: ArgumentMap, wrap_at: int | None, header: tuple[float, float]) -> None:
    """Assert best() finds the shape shapes() puts first, estimating no more candidates than shapes() does."""
    every = Estimates(amap, attributions=True, quotes=False, main=(), styled=True)
    first = shapes(amap, wrap=wrap_at, attributions=True, header=header, estimates=every)[0]
    estimates = Estimates(amap, attributions=True, quotes=False, main=(), styled=True)
    assert best(amap, wrap=wrap_at, attributions=True, header=header, estimates=estimates) == first
    assert len(estimates._sizes) <= len(every._sizes)


@settings(max_examples=60, deadline=None)
@given(maps(max_claims=14, max_relations=20), st.sampled_from([None, 20, 36]), st.floats(0, 900), st.floats(0, 300))
def test_the_best_shape_is_the_first_of_every_shape(
    amap: ArgumentMap, wrap_at: int | None, width: float, height: float
) -> None:
    """On any map, with any wrap and header, best() is shapes()[0]: what to_dot draws did not change."""
    assert_best_is_first(amap, wrap_at, (width, height))


@settings(max_examples=15, deadline=None)
@given(st.integers(20, 400), st.integers(1, 50), st.booleans(), st.floats(0, 700))
def test_the_best_shape_of_a_generated_map_is_the_first_of_every_shape(
    claims: int, seed: int, thesis: bool, height: float
) -> None:
    """On generated maps deep enough to be staggered and folded, best() is shapes()[0] too."""
    assert_best_is_first(
        build(thesis_plan(claims, seed=seed) if thesis else plan(claims, seed=seed)), None, (0, height)
    )


def test_the_best_shape_stops_at_the_first_that_falls_within_the_aim() -> None:
    """A map that fits left to right at the first wrap is estimated in two shapes, not in every candidate."""
    amap = build(plan(1_000))
    estimates = Estimates(amap, attributions=True, quotes=False, main=(), styled=False)
    found = best(amap, wrap=None, attributions=True, estimates=estimates)
    assert (found.direction, found.stagger, found.wrap, found.fold) == ("LR", 1, WRAP, 0)
    assert len(estimates._sizes) == 2
    assert len(shapes(amap, wrap=None, attributions=True)) > 20


def star(claims: int) -> ArgumentMap:
    """Return a map of one conclusion, many reasons for it, a rebuttal and an undercut: a shape the estimate staggers.

    Its legend names four kinds, more than a row of the narrowest legend holds.
    """
    amap = ArgumentMap()
    conclusion = amap.claim("The depot should close.")
    reasons = [amap.support(f"Reason {number} to close the depot.", conclusion) for number in range(claims - 3)]
    amap.rebut("The depot brings jobs.", conclusion)
    amap.undercut("Reason 0 is an old rumour.", reasons[0])
    return amap


def test_a_map_of_more_than_large_claims_is_drawn_left_to_right_without_an_estimate() -> None:
    """Up to LARGE claims the estimate staggers a star's reasons; one claim more, it is drawn plainly left to right."""
    below, above = star(LARGE), star(LARGE + 1)
    estimated = dot_shape(below)
    assert estimated.stagger > 1
    assert estimated.width > 0
    assert "concentrate=true" in to_dot(below)
    assert dot_shape(above) == Shape("LR", 1, WRAP)
    assert dot_shapes(above) == (Shape("LR", 1, WRAP),)
    assert "concentrate=true" not in to_dot(above)
    assert "rankdir=LR" in to_dot(above, legend=False)
    assert dot_shape(above, direction="BT", wrap=20) == Shape("BT", 1, 20)  # asked for: kept, not estimated
    widest = legend_table(above, DEFAULTS, drawn_as_main(above), width=_LEGEND_ROWS[1])
    assert f"\tgraph [label=<{widest}>" in to_dot(above)  # its legend's rows: the widest
    assert widest != legend_table(above, DEFAULTS, drawn_as_main(above), width=_LEGEND_ROWS[0])
