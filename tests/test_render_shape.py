"""The shape of a drawing, checked on what the real dot draws: aspect ratio, legend share, marks at a junction."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Source, evaluate, load
from argmap.drawing import draw
from argmap.engine import measured
from argmap.render import DotOptions
from argmap.render.dot import Page
from argmap.render.shape import ASPECT
from argmap.render.status import by_status
from tests.conftest import ROOT
from tests.golden import example_paths

pytestmark = [
    pytest.mark.dot,
    pytest.mark.skipif(shutil.which("dot") is None, reason="the shape is measured on the system Graphviz's drawings"),
]

COUNCIL = ROOT / "docs" / "snippets" / "rendering_council.py"
LEGEND_SHARE = 0.2
"""The most of a drawing's area its legend takes: a fifth, reached only by the smallest maps under evaluation.

Measured on the examples: 0.5 % to 2.4 % of maps of 13 claims or more, 10 % of the council debate
under evaluation, 16 % of the 4-claim README map under evaluation.
"""

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_WORDS = [
    "the",
    "council",
    "depot",
    "drone",
    "strike",
    "base",
    "official",
    "report",
    "talks",
    "demand",
    "jobs",
    "street",
    "school",
    "noise",
    "cost",
    "land",
    "soil",
    "clean",
    "radio",
    "budget",
    "residents",
    "mayor",
    "bus",
    "diesel",
    "night",
    "service",
    "economy",
    "alliance",
    "forces",
    "peace",
    "deal",
    "estimate",
]


def size_of(svg: bytes) -> tuple[float, float]:
    """Return the width and height of an SVG drawing, in points."""
    found = measured(svg, "svg")
    assert found is not None
    return found


def legend_box(svg: bytes) -> tuple[float, float]:
    """Return the width and height of the legend: the graph's own label, drawn straight in its top group."""
    graph = ElementTree.fromstring(svg).find(f"{_SVG}g")
    assert graph is not None
    xs: list[float] = []
    ys: list[float] = []
    for path in graph.findall(f"{_SVG}path"):  # the table's frame; nodes and edges sit in groups of their own
        numbers = [float(number) for number in _NUMBER.findall(path.get("d", ""))]
        xs += numbers[0::2]
        ys += numbers[1::2]
    assert xs, "the drawing has no legend"
    return max(xs) - min(xs), max(ys) - min(ys)


def assert_fits(svg: bytes, *, legend: bool = True) -> None:
    """Assert the drawing's width over height is within the rule, and its legend takes at most its share."""
    width, height = size_of(svg)
    assert ASPECT[0] <= width / height <= ASPECT[1], f"{width:.0f} by {height:.0f} is {width / height:.2f} : 1"
    if legend:
        legend_width, legend_height = legend_box(svg)
        assert legend_width * legend_height <= LEGEND_SHARE * width * height


@pytest.mark.parametrize("path", [*example_paths(), COUNCIL], ids=lambda path: path.stem)
@pytest.mark.parametrize("evaluated", [False, True], ids=["default", "evaluate"])
def test_each_example_is_drawn_in_a_shape_that_fits_a_page(path: Path, evaluated: bool) -> None:
    """Every example, as drawn by default and under --evaluate, is from 1 : 2 to 2.5 : 1 with a small legend."""
    amap = load(path)
    options = DotOptions(group_by="document" if amap.documents else "none")
    if evaluated:
        options = by_status(evaluate(amap), options, claims=[claim.id for claim in amap.claims])
    assert_fits(draw(amap, "svg", options=options))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Draw a claim's text of 4 to 30 words, as a real claim is long."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=30))
    return " ".join(words).capitalize() + "."


@st.composite
def arguments(draw: st.DrawFn) -> ArgumentMap:
    """Draw a map of 5 to 100 claims: a tree, a chain or between, grown from a conclusion; sometimes cross-links.

    Each new claim supports, rebuts, answers or undercuts something already
    there: the claim added last, as often as the map's *chaining* (0 to 4 in
    4) says, so maps go from bushy trees to a single chain of 100, at any depth;
    some supports are linked; cross-links add supports between claims already
    drawn, as merged maps have.
    """
    count = draw(st.integers(5, 100))
    chaining = draw(st.integers(0, 4))
    amap = ArgumentMap()
    sources = [Source(f"Source {number}", affiliation="Outlet" if number % 2 else None) for number in range(4)]
    ids = [amap.claim(draw(sentences()), by=sources[0]).id]
    supports = []
    while len(amap.claims) < count:
        chained = chaining == 4 or draw(st.integers(0, 3)) < chaining
        target = ids[-1] if chained else ids[draw(st.integers(0, len(ids) - 1))]
        text = draw(sentences())
        said = draw(st.sampled_from([None, *sources]))
        kind = draw(st.sampled_from(["support"] * 5 + ["linked", "rebuttal", "skeptical_response", "undercut"]))
        claim = amap.claim(text, by=said) if said is not None else amap.claim(text)
        ids.append(claim.id)
        if kind == "linked" and len(amap.claims) < count:
            other = amap.claim(draw(sentences()))
            supports.append(amap.support([claim, other], target))
        elif kind == "rebuttal":
            amap.rebut(claim, target)
        elif kind == "skeptical_response":
            amap.skeptical_response(claim, target, stance=draw(st.sampled_from(["doubt", "sarcasm", "question"])))
        elif kind == "undercut" and supports:
            amap.undercut(claim, supports[draw(st.integers(0, len(supports) - 1))])
        else:
            supports.append(amap.support(claim, target))
    ids = [claim.id for claim in amap.claims]
    for _ in range(
        draw(st.integers(0, count // 4 if chaining < 4 else 0))
    ):  # cross-links: a claim also supports another
        premise, conclusion = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if premise != conclusion and not any(
            premise in support.premises and support.conclusion == conclusion for support in amap.supports
        ):
            amap.support(premise, conclusion)
    return amap


@settings(max_examples=12)
@given(arguments())
def test_generated_maps_of_5_to_100_claims_are_drawn_in_a_shape_that_fits(amap: ArgumentMap) -> None:
    """Trees, chains and cross-linked maps of 5 to 100 claims, any depth, drawn by default by dot, keep the rule."""
    assert_fits(draw(amap, "svg"))


def test_the_users_direction_always_wins() -> None:
    """A claim with a dozen reasons: auto fits it; --direction BT draws it bottom to top, however wide."""
    amap = ArgumentMap()
    conclusion = amap.claim("The council should build the new bus depot on Mill Street.")
    for number in range(12):
        amap.support(f"Reason number {number} for the depot, told at the length a reason takes.", conclusion)
    assert_fits(draw(amap, "svg"))
    width, height = size_of(draw(amap, "svg", options=DotOptions(direction="BT")))
    assert width / height > ASPECT[1]


# ------------------------------------------------------------------ verdicts and marks on the SVG


def edges(svg: bytes) -> dict[str, ElementTree.Element]:
    """Return each edge group of an SVG by its title (``tail->head``)."""
    found = {}
    for group in ElementTree.fromstring(svg).iter(f"{_SVG}g"):
        if "edge" in (group.get("class") or "").split():
            title = group.find(f"{_SVG}title")
            assert title is not None
            found[title.text or ""] = group
    return found


def council_svg() -> tuple[ArgumentMap, bytes]:
    """Return the council debate and its drawing under evaluation."""
    amap = load(COUNCIL)
    options = by_status(evaluate(amap), DotOptions(), claims=[claim.id for claim in amap.claims])
    return amap, draw(amap, "svg", options=options)


def test_a_rejected_support_is_drawn_dotted_and_marked_unlike_an_accepted_one() -> None:
    """The undercut linked support falls: its arrow is classed rejected, dotted and marked ✗; a standing one is not."""
    amap, svg = council_svg()
    evaluation = evaluate(amap)
    (linked,) = [support for support in amap.supports if len(support.premises) > 1]
    assert evaluation.status(linked) == "rejected"
    drawn = edges(svg)
    (fallen,) = [
        group
        for title, group in drawn.items()
        if title.endswith("->council-should-build-the-new-bus") and "point" in title
    ]
    assert fallen.get("class") == "edge support rejected"
    assert all(path.get("stroke-dasharray") for path in fallen.iter(f"{_SVG}path"))
    assert "✗" in "".join(text.text or "" for text in fallen.iter(f"{_SVG}text"))
    (standing,) = [group for group in drawn.values() if group.get("class") == "edge undercut accepted"]
    assert not any(path.get("stroke-dasharray") for path in standing.iter(f"{_SVG}path"))
    assert "✗" not in "".join(text.text or "" for text in standing.iter(f"{_SVG}text"))


def _end(group: ElementTree.Element) -> tuple[float, float]:
    """Return where an edge's line ends: the last point of its path."""
    path = group.find(f"{_SVG}path")
    assert path is not None
    numbers = [float(number) for number in _NUMBER.findall(path.get("d", ""))]
    return numbers[-2], numbers[-1]


def _head(group: ElementTree.Element) -> ElementTree.Element:
    polygon = group.find(f"{_SVG}polygon")
    assert polygon is not None
    return polygon


@pytest.mark.parametrize("evaluated", [False, True], ids=["default", "evaluate"])
def test_an_undercut_and_a_skeptical_response_to_one_support_end_apart_in_different_heads(evaluated: bool) -> None:
    """On the council's linked support the undercut's bar ends on the dot, the response's open head further on."""
    amap = load(COUNCIL)
    options = DotOptions()
    if evaluated:
        options = by_status(evaluate(amap), options)
    drawn = edges(draw(amap, "svg", options=options))
    (undercut,) = [group for group in drawn.values() if "undercut" in (group.get("class") or "")]
    (response,) = [
        group
        for title, group in drawn.items()
        if "point support" in title.partition("->")[2] and "skeptical-response" in (group.get("class") or "")
    ]
    distance = math.dist(_end(undercut), _end(response))
    assert distance > 12, f"the two marks end {distance:.1f} points apart"
    assert _head(undercut).get("fill") != "none"  # a filled bar
    assert _head(response).get("fill") == "none"  # an open head


def _chain(count: int) -> ArgumentMap:
    """Return a single chain of *count* claims, each the one reason for the next."""
    amap = ArgumentMap()
    claim = amap.claim("The council ends the depot contract this year.")
    for number in range(1, count):
        reason = amap.claim(f"Step {number}: the report on the depot shows the cost of diesel at night.")
        amap.support(reason, claim)
        claim = reason
    return amap


PAPER: dict[Page, tuple[float, float]] = {"a4": (595.3, 841.9), "letter": (612.0, 792.0), "a3": (841.9, 1190.6)}
"""Each paper size, portrait, in points, as a PDF reader reports it."""


@pytest.mark.parametrize("page", sorted(PAPER))
@pytest.mark.parametrize(("amap", "wide"), [(_chain(5), False), (load(COUNCIL), True)], ids=["tall", "wide"])
def test_a_drawing_on_a_page_is_exactly_the_paper_in_its_orientation_centred_and_not_stretched(
    amap: ArgumentMap, wide: bool, page: Page
) -> None:
    """--page makes the PDF and SVG page the paper's size, turned as the drawing; the drawing keeps its proportions."""
    direction: Literal["LR", "BT"] = "LR" if wide else "BT"
    width, height = PAPER[page][::-1] if wide else PAPER[page]
    for format in ("pdf", "svg"):
        found = measured(draw(amap, format, options=DotOptions(direction=direction, page=page)), format)
        assert found is not None
        assert abs(found[0] - width) <= 1, (format, found)
        assert abs(found[1] - height) <= 1, (format, found)
    root = ElementTree.fromstring(draw(amap, "svg", options=DotOptions(direction=direction, page=page)))
    left, top = (float(number) for number in root.get("viewBox", "").split()[:2])  # Graphviz: the margins
    graph = root.find(f"{_SVG}g")
    assert graph is not None
    scale = re.search(r"scale\(([0-9.]+) ([0-9.]+)\)", graph.get("transform", ""))
    assert scale is not None
    assert scale[1] == scale[2], "the drawing is scaled alike both ways, never stretched"
    background = graph.find(f"{_SVG}polygon")
    assert background is not None
    numbers = [float(number) for number in _NUMBER.findall(background.get("points", ""))]
    inner = (
        float(scale[1]) * (max(numbers[0::2]) - min(numbers[0::2])),
        float(scale[1]) * (max(numbers[1::2]) - min(numbers[1::2])),
    )
    assert inner[0] <= width - 2 * 0.4 * 72 + 1, "within the margin"
    assert inner[1] <= height - 2 * 0.4 * 72 + 1, "within the margin"
    assert abs(left - (width - inner[0]) / 2) <= 2, "centred"
    assert abs(top - (height - inner[1]) / 2) <= 2, "centred"


def test_a_png_on_a_page_is_the_paper_at_its_resolution() -> None:
    """--page letter --dpi 50 makes a PNG of 11 by 8.5 inches at 50 dots each: 550 by 425 pixels."""
    found = measured(draw(load(COUNCIL), "png", options=DotOptions(direction="LR", page="letter", dpi=50)), "png")
    assert found is not None
    assert abs(found[0] - 550) <= 1
    assert abs(found[1] - 425) <= 1


@pytest.mark.parametrize(("count", "columns"), [(9, False), (30, True), (100, True)])
def test_a_long_chain_is_folded_into_columns_that_fit_every_line_drawn(count: int, columns: bool) -> None:
    """A chain too deep for either direction is folded, snake-wise, into a picture that keeps the rule.

    Every support is drawn as a visible line between its two claims; the
    folding's own ladder is invisible. The conclusion is at the top: of the
    first column, at the left, when folded in columns (bottom to top), as the
    chains of 30 and 100 are; at one end of the top row when in rows.
    """
    amap = _chain(count)
    svg = draw(amap, "svg")
    assert_fits(svg)
    drawn = edges(svg)
    for support in amap.supports:
        group = drawn[f"{support.premises[0]}->{support.conclusion}"]
        assert group.find(f"{_SVG}path") is not None
    assert all(" fold " not in title for title in drawn if drawn[title].find(f"{_SVG}path") is not None)
    centres = {}  # each claim box's centre: the conclusion's column (row) comes first, at the top, at one side
    for group in ElementTree.fromstring(svg).iter(f"{_SVG}g"):
        if "claim" in (group.get("class") or "").split():
            outline = group.find(f"{_SVG}path")
            assert outline is not None
            numbers = [float(number) for number in _NUMBER.findall(outline.get("d", ""))]
            centres[group.get("id") or ""] = (
                (min(numbers[0::2]) + max(numbers[0::2])) / 2,
                (min(numbers[1::2]) + max(numbers[1::2])) / 2,
            )
    assert len(centres) == count
    x, y = centres[f"claim-{amap.claims[0].id}"]
    xs = [found[0] for found in centres.values()]
    assert y <= min(found[1] for found in centres.values()) + 20
    assert x <= min(xs) + 20 or (not columns and x >= max(xs) - 20)


def test_the_users_direction_is_not_folded() -> None:
    """--direction BT draws a chain of 30 as one column, however tall."""
    width, height = size_of(draw(_chain(30), "svg", options=DotOptions(direction="BT")))
    assert height / width > 5
