"""docs/rendering.md is current: each diagram drawn from the DOT argmap makes now, and a gallery of every example."""

from __future__ import annotations

import sys
from xml.etree import ElementTree

import pytest

from argmap.engine import pipe
from tests.conftest import ROOT
from tests.drawing import drawn_claim_text, graphviz_name

sys.path.insert(0, str(ROOT / "docs"))
import rendering  # docs/rendering.py, the script that draws the page's diagrams

DIAGRAMS = list(rendering.diagrams())
REDRAW = "run `python docs/rendering.py` to redraw the page's diagrams"


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=lambda diagram: diagram.name)
def test_each_diagram_was_drawn_from_the_dot_argmap_makes_now(diagram: rendering.Diagram) -> None:
    """Each SVG on the page carries the SHA-256 of the DOT it was drawn from, and that is today's DOT."""
    assert diagram.path.exists(), f"{diagram.path.name} is missing: {REDRAW}"
    svg = diagram.path.read_text(encoding="utf-8")
    assert rendering.stamp_of(svg) == rendering.stamp(diagram.dot), f"{diagram.path.name} is stale: {REDRAW}"
    assert ElementTree.fromstring(svg.encode("utf-8")).tag == "{http://www.w3.org/2000/svg}svg"


def test_the_gallery_lists_every_example_and_no_other_image_is_kept() -> None:
    """The gallery section is what the script writes for examples/ now, and docs/rendering/ holds no stray SVG."""
    page = (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    section = page.split("<!-- gallery: start -->\n", 1)[1].split("<!-- gallery: end -->", 1)[0]
    assert section == rendering.gallery(DIAGRAMS), f"the gallery is stale: {REDRAW}"
    for path in rendering.examples():
        assert f"(rendering/{path.stem}.svg)" in section
    assert sorted(rendering.IMAGES.glob("*.svg")) == sorted(diagram.path for diagram in DIAGRAMS)


@pytest.mark.dot
@pytest.mark.parametrize("diagram", DIAGRAMS[:2], ids=lambda diagram: diagram.name)
def test_graphviz_draws_the_grammar_and_hook_diagrams_with_every_claim(diagram: rendering.Diagram) -> None:
    """The page's own maps (the examples have their golden tests) are drawn with the text of every claim."""
    drawn = drawn_claim_text(pipe(diagram.dot, "svg"))
    for claim in diagram.amap.claims:
        assert drawn[graphviz_name(claim.id)] == "".join(claim.text.split())
