"""The one format registry: maps, frameworks and diagrams in one table, one error for an unknown name or ending."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
from typer.testing import CliRunner

from argmap import dumps
from argmap.cli import EXIT_INPUT, MapFormat, app
from argmap.cli._render import render as render_command
from argmap.drawing import draw, render
from argmap.errors import FormatError, OptionError, UnknownFormatError
from argmap.formats import DIAGRAMS, FORMATS, KINDS, REGISTRY, format_for, format_named, kind_for, load
from argmap.semantics import formats as framework_formats
from tests.conftest import ROOT

runner = CliRunner()
README = ROOT / "examples" / "readme.py"


def test_every_ending_names_one_format_and_every_reader_has_its_four_functions() -> None:
    """No ending is claimed twice; map and framework formats have load/loads/dump/dumps, diagrams none."""
    endings = [ending for format in REGISTRY.values() for ending in format.endings]
    assert len(endings) == len(set(endings))
    assert {format.kind for format in REGISTRY.values()} == set(KINDS)
    for format in REGISTRY.values():
        if format.kind == "diagram":
            assert format.module is None
        else:
            assert format.module is not None
            module = format.module()
            assert all(callable(getattr(module, name)) for name in ("load", "loads", "dump", "dumps")), format.name
    assert list(FORMATS) == ["native", "python", "aif", "argdown", "sadface", "kialo"]
    assert list(DIAGRAMS) == ["svg", "png", "pdf", "dot", "html"]
    assert set(framework_formats.FORMATS) == {name for name, format in REGISTRY.items() if format.kind == "framework"}


def test_the_name_implies_the_format_of_each_kind() -> None:
    """The longest ending wins, any case, and each kind answers for its own formats."""
    assert format_for("x.aif.json") == "aif"
    assert format_for("x.JSON") == "native"
    assert [format_for(name, "diagram") for name in ("a.svg", "b.PNG", "c.pdf", "d.dot", "e.gv", "f.html")] == [
        "svg",
        "png",
        "pdf",
        "dot",
        "dot",
        "html",
    ]
    assert format_for("g.af", "framework") == "af"
    assert [kind_for(name) for name in ("g.tgf", "m.sadface.json", "d.svg", "notes.txt")] == [
        "framework",
        "map",
        "diagram",
        None,
    ]


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: format_for("diagram.gif", "diagram"), "diagram"),
        (lambda: format_for("map.gif"), "map"),
        (lambda: framework_formats.format_for("framework.gif"), "framework"),
    ],
)
def test_an_unknown_ending_is_one_error_worded_alike_for_every_kind(call: Callable[[], object], kind: str) -> None:
    """Maps, frameworks and diagrams: an UnknownFormatError (a FormatError and an OptionError), the path first."""
    with pytest.raises(UnknownFormatError) as raised:
        call()
    assert isinstance(raised.value, FormatError)
    assert isinstance(raised.value, OptionError)
    assert f".gif: cannot tell the format from the file name (known {kind} endings: ." in str(raised.value)


def test_an_unknown_format_name_is_one_error_worded_alike_for_every_kind(tmp_path: Path) -> None:
    """Asking for a format by a name no format of that kind has: one message, listing the kind's formats."""
    m = load(README)
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: dumps(m, "gif"), "unknown map format 'gif'; known: native, python, aif, argdown, sadface, kialo"),
        (lambda: framework_formats.loads("", "gif"), "unknown framework format 'gif'; known: af, apx, tgf"),
        (lambda: draw(m, "gif"), "unknown diagram format 'gif'; known: svg, png, pdf, dot, html"),
        (lambda: render(m, tmp_path / "x.svg", "gif"), "unknown diagram format 'gif'; known: svg, png, pdf, dot, html"),
        (lambda: format_named("af"), "unknown map format 'af'; known: native"),
    ]
    for call, message in cases:
        with pytest.raises(UnknownFormatError) as raised:
            call()
        assert str(raised.value).startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["outline", "render", "check", "convert"])
def test_a_framework_given_for_a_map_says_that_evaluate_reads_it(tmp_path: Path, command: str) -> None:
    """`argmap outline F.af` (and render, check, convert): one line saying argmap evaluate reads frameworks, exit 2."""
    framework = tmp_path / "f.af"
    framework.write_text("p af 2\n1 2\n", encoding="utf-8")
    arguments = [command, str(framework)] + (["-o", str(tmp_path / "out.json")] if command == "convert" else [])
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_INPUT, result.output
    assert (
        result.stderr == f"argmap: error: {framework}: is an abstract framework, not a map: argmap evaluate reads it\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["f.af"]


def test_a_diagram_given_for_a_map_says_so(tmp_path: Path) -> None:
    """Loading an SVG as a map: one line saying it is a diagram argmap draws, not a map it reads."""
    svg = tmp_path / "m.svg"
    svg.write_text("<svg/>", encoding="utf-8")
    with pytest.raises(FormatError, match="is a diagram argmap draws, not a map it reads"):
        load(svg)


def test_importing_argmap_imports_no_format_module() -> None:
    """The registry names every format without importing its module: that waits for the first read or write."""
    prefixes = "('argmap.formats.', 'argmap.semantics.formats.')"
    code = f"import sys, argmap.formats; print(sorted(m for m in sys.modules if m.startswith({prefixes})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['argmap.formats._carried', 'argmap.formats._json']"  # tables, not formats


def test_the_command_lines_format_choices_are_the_registrys() -> None:
    """--from/--to offer the map formats and render's -f the diagram formats, as the registry names them."""
    assert set(get_args(MapFormat)) == set(FORMATS)
    optional, _ = get_args(get_type_hints(render_command, include_extras=True)["format"])  # Annotated[X | None, ...]
    literal, _ = get_args(optional)
    assert list(get_args(literal)) == list(DIAGRAMS)
