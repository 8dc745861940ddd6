"""argmap.drawing: a map and options in, a drawing out; what `argmap render` draws, a Python call draws too."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, drawing, load
from argmap.cli import EXIT_OK, app
from argmap.drawing import draw, prepare, render
from argmap.engine import measured, pipe
from argmap.errors import OptionError, UnknownClaimError
from argmap.render import DotOptions, HtmlOptions, to_dot
from argmap.render.dot import shapes
from argmap.render.shape import AIM, ASPECT, Shape
from tests.conftest import ROOT

runner = CliRunner()
WIRE = ROOT / "examples" / "wire_cia_drawdown.py"


def test_the_same_drawing_as_render_focus_depth_evaluate_from_one_python_call(tmp_path: Path) -> None:
    """draw(m, "dot", focus=, depth=, semantics=) gives the bytes `argmap render --focus --depth --evaluate` writes."""
    m = load(WIRE)
    centre = m.claims[1]
    out = tmp_path / "near.dot"
    arguments = ["render", str(WIRE), "--focus", centre.id, "--depth", "1", "--evaluate", "-s", "preferred"]
    result = runner.invoke(app, [*arguments, "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    drawn = draw(m, "dot", focus=centre.id, depth=1, semantics="preferred")
    assert drawn == out.read_bytes()
    assert "peripheries=2" in drawn.decode("utf-8")  # the focus is highlighted...
    assert drawn != draw(m, "dot", focus=centre.id, depth=1)  # ...and the statuses colour it


def test_prepare_draws_the_neighbourhood_with_the_whole_maps_main_conclusions() -> None:
    """A claim that leads on out of sight is not drawn as a main conclusion: the whole map says which are."""
    m = ArgumentMap()
    top = m.claim("Talks fail.")
    middle = m.support("Drones fly on.", top)
    m.support("Strikes go on.", middle.premises[0])
    drawn, options = prepare(m, focus="Strikes go on.", depth=1)
    assert {claim.text for claim in drawn.claims} == {"Drones fly on.", "Strikes go on."}
    assert isinstance(options, DotOptions)
    assert options.focus == "strikes-go-on"
    assert options.main_conclusions == frozenset({top.id})  # not "Drones fly on.", which leads on to it


def test_prepare_gives_the_page_its_verdicts_and_a_diagram_its_statuses() -> None:
    """With semantics, the html page gets the verdicts of the claims drawn; a diagram gets coloured options."""
    m = ArgumentMap()
    c = m.claim("Talks fail.")
    m.rebut("Talks go on.", c)
    _, page = prepare(m, format="html", semantics="grounded")
    assert isinstance(page, HtmlOptions)
    assert page.verdicts is not None
    assert page.verdicts["talks-fail"].status == "rejected"
    assert page.semantics == "grounded"
    _, diagram = prepare(m, DotOptions(direction="LR"), semantics="grounded")
    assert isinstance(diagram, DotOptions)
    assert diagram.direction == "LR"
    assert to_dot(m, diagram) != to_dot(m, DotOptions(direction="LR"))


def test_prepare_without_focus_or_semantics_changes_nothing() -> None:
    """No focus and no semantics: the map and the options come back as they were given."""
    m = load(WIRE)
    options = DotOptions(wrap=20)
    assert prepare(m, options) == (m, options)


def test_bad_focus_depth_and_semantics_are_refused_before_any_drawing(tmp_path: Path) -> None:
    """An unknown claim, a negative depth or an unknown semantics raise, and no file is written."""
    m = load(WIRE)
    with pytest.raises(UnknownClaimError):
        render(m, tmp_path / "x.dot", focus="no such claim")
    with pytest.raises(OptionError):
        render(m, tmp_path / "x.dot", focus=m.claims[0].id, depth=-1)
    with pytest.raises(OptionError):
        render(m, tmp_path / "x.dot", semantics="liberal")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def counted_shapes(monkeypatch: pytest.MonkeyPatch) -> list[ArgumentMap]:
    """Have drawing's shapes() note each map it works out the shapes of, in the list returned."""
    worked_out: list[ArgumentMap] = []

    def noted(amap: ArgumentMap, options: DotOptions) -> tuple[Shape, ...]:
        worked_out.append(amap)
        return shapes(amap, options)

    monkeypatch.setattr(drawing, "shapes", noted)
    return worked_out


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="drawn by the system Graphviz")
def test_a_map_whose_first_drawing_fits_is_planned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first drawing is of to_dot's DOT as it is; the other shapes are not worked out when it fits."""
    m = load(WIRE)
    worked_out = counted_shapes(monkeypatch)
    svg = draw(m, "svg")
    assert worked_out == []
    size = measured(svg, "svg")
    assert size is not None
    assert ASPECT[0] <= size[0] / size[1] <= ASPECT[1]
    assert svg == pipe(to_dot(m), "svg")


@pytest.mark.dot
@pytest.mark.skipif(shutil.which("dot") is None, reason="drawn by the system Graphviz")
def test_a_map_whose_first_drawing_misses_is_drawn_next_in_the_best_shape_of_the_other_direction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a miss the shapes are worked out once, and the next drawing is the other direction's best, as before."""
    m = load(WIRE)
    first, *others = shapes(m)
    sizes = iter([(5000.0, 100.0), (400.0, 300.0)])  # the first drawing far too wide, the second fitting
    monkeypatch.setattr(drawing, "measured", lambda data, kind: next(sizes))
    worked_out = counted_shapes(monkeypatch)
    svg = draw(m, "svg")
    assert worked_out == [m]
    centre = math.sqrt(AIM[0] * AIM[1])
    turned = min(
        (shape for shape in others if shape.direction != first.direction),
        key=lambda shape: abs(math.log(shape.aspect / centre)),
    )
    options = DotOptions(direction=turned.direction, wrap=turned.wrap, stagger=turned.stagger, fold=turned.fold)
    assert svg == pipe(to_dot(m, options), "svg")
    assert svg != pipe(to_dot(m), "svg")
