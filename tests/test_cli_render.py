"""`argmap render`: outputs and their names, folders and many maps, bad input, a missing engine, a real run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, dump, load
from argmap.cli import EXIT_ENGINE, EXIT_INPUT, EXIT_OK, app
from argmap.render import DotOptions, to_dot
from tests.conftest import ROOT
from tests.drawing import drawn_claim_text, graphviz_name
from tests.terminal import on_terminal

runner = CliRunner()
README = ROOT / "examples" / "readme.py"
ARGMAP = Path(sys.executable).parent / "argmap"


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """Return a folder holding the README map as Python and a second map as JSON."""
    folder = tmp_path / "maps"
    folder.mkdir()
    shutil.copy(README, folder / "readme.py")
    second = ArgumentMap(title="Shamsi")
    second.rebut("The base is being vacated.", second.claim("That base is neither vacated nor being vacated."))
    dump(second, folder / "shamsi.json")
    return folder


@pytest.mark.dot
def test_a_map_is_drawn_beside_itself_as_svg_by_default(maps: Path) -> None:
    """Without -o or -f, the diagram is an SVG named after the map, in the map's folder."""
    result = runner.invoke(app, ["render", str(maps / "readme.py")])
    assert result.exit_code == EXIT_OK, result.output
    drawn = drawn_claim_text((maps / "readme.svg").read_bytes())
    assert drawn["kayani-asked-335-cia-officers-to"] == "Kayani asked 335 C.I.A. officers to leave Pakistan.".replace(
        " ", ""
    )
    assert f"wrote {maps / 'readme.svg'}" in result.stderr


def test_the_dot_format_writes_exactly_the_renderers_text_with_the_options_asked(maps: Path) -> None:
    """-f dot with drawing options writes to_dot's text for those options, and -o names the file."""
    out = maps / "readme.gv"
    arguments = ["render", str(maps / "readme.py"), "-f", "dot", "-o", str(out), "--direction", "LR"]
    arguments += ["--no-legend", "--group-by", "source", "--wrap", "20", "--no-attributions"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_OK, result.output
    options = DotOptions(direction="LR", legend=False, group_by="source", wrap=20, attributions=False)
    assert out.read_text(encoding="utf-8") == to_dot(load(README), options)


@pytest.mark.dot
def test_the_output_name_implies_the_format(maps: Path) -> None:
    """-o diagram.png writes a PNG, without -f."""
    result = runner.invoke(app, ["render", str(maps / "readme.py"), "-o", str(maps / "diagram.png")])
    assert result.exit_code == EXIT_OK, result.output
    assert (maps / "diagram.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.dot
def test_a_folder_renders_every_map_in_it_into_an_output_folder(maps: Path, tmp_path: Path) -> None:
    """A folder stands for each map file in it, its Python maps with --run-python; -o names a folder to write into."""
    (maps / "notes.txt").write_text("not a map", encoding="utf-8")
    (maps / "__init__.py").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(app, ["render", str(maps), "-o", str(out), "-f", "png"])
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(path.name for path in out.iterdir()) == ["shamsi.png"]  # no code run that nobody named
    result = runner.invoke(app, ["render", str(maps), "-o", str(out), "-f", "png", "--run-python"])
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(path.name for path in out.iterdir()) == ["readme.png", "shamsi.png"]


def test_standard_input_is_drawn_to_standard_output(maps: Path) -> None:
    """`argmap render -` reads argmap JSON from stdin and writes the diagram to stdout."""
    text = (maps / "shamsi.json").read_text(encoding="utf-8")
    result = runner.invoke(app, ["render", "-", "-f", "dot"], input=text)
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == to_dot(load(maps / "shamsi.json"))


def test_a_module_attribute_is_drawn_into_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module:attribute reference is drawn into the current folder, named after the module."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(README, tmp_path / "some_map.py")
    result = runner.invoke(app, ["render", "some_map:MAP", "-f", "dot"])
    assert result.exit_code == EXIT_OK, result.output
    assert (tmp_path / "some_map.dot").read_text(encoding="utf-8") == to_dot(load(README))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["render", "missing.json"], "missing.json: no such file"),
        (["render", "broken.json"], "broken.json:1:"),
        (["render", "empty.py"], "empty.py: defines no map"),
        (
            ["render", "{map}", "-f", "gif"],
            "Invalid value for '--format' / '-f': 'gif' is not one of 'svg', 'png', 'pdf', 'dot', 'html'.",
        ),
        (["render", "{map}", "-o", "x.gif"], "x.gif: cannot tell the format from the file name (known diagram endings"),
        (["render", "{map}", "-o", "no/such/folder/x.svg"], "no/such/folder: no such folder"),
        (["render", "{map}", "{map}", "-o", "x.svg"], "with several maps, -o must name an existing folder"),
        (["render", "{map}", "{map}", "-o", "out/"], "out: with several maps, -o must name an existing folder"),
        (["render", "two", "-o", "out", "--run-python"], "out: with several maps, -o must name an existing folder"),
        (["render", "{map}", "--direction", "up"], "Invalid value for '--direction': 'up' is not one of"),
        (["render", "{map}", "--group-by", "colour"], "Invalid value for '--group-by': 'colour' is not one of"),
        (
            ["render", "{map}", "--engine", "neato"],
            "Invalid value for '--engine': 'neato' is not one of 'auto', 'dot', 'graphviz-pure'.",
        ),
        (["render", "{map}", "--wrap", "2"], "Invalid value for '--wrap': 2 is not in the range 8<=x<=400."),
        (["render", "folder"], "folder: no map files in this folder"),
    ],
)
def test_bad_input_is_one_line_exit_two_and_nothing_written(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each kind of bad input gives one clear line on stderr and exit code 2; no file appears."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    shutil.copy(README, tmp_path / "map.py")
    (tmp_path / "two").mkdir()
    shutil.copy(README, tmp_path / "two" / "a.py")
    shutil.copy(README, tmp_path / "two" / "b.py")
    before = sorted(path.name for path in tmp_path.iterdir())
    result = runner.invoke(app, [argument.replace("{map}", "map.py") for argument in arguments])
    assert result.exit_code == EXIT_INPUT, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_one_bad_map_among_several_is_reported_and_the_rest_are_drawn(maps: Path, tmp_path: Path) -> None:
    """A map that fails is one line; the others are still written; the exit code says something failed."""
    (maps / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(app, ["render", str(maps), "-o", str(out), "-f", "dot", "--run-python"])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.count("argmap: error: ") == 1
    assert "broken.json" in result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["readme.dot", "shamsi.dot"]


def test_two_maps_drawn_into_one_file_are_refused(maps: Path, tmp_path: Path) -> None:
    """Two maps whose diagrams would have the same name in the output folder are refused before drawing."""
    shutil.copy(maps / "shamsi.json", tmp_path / "readme.json")
    result = runner.invoke(app, ["render", str(maps / "readme.py"), str(tmp_path / "readme.json"), "-o", str(maps)])
    assert result.exit_code == EXIT_INPUT
    assert "two maps would be drawn into this one file" in result.stderr
    assert not (maps / "readme.svg").exists()


def test_a_missing_engine_is_exit_three_with_the_install_hint(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no Graphviz program at all, SVG is refused with exit 3 and the hint, before any map is read."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    result = runner.invoke(app, ["render", str(maps / "readme.py")])
    assert result.exit_code == EXIT_ENGINE
    assert "no Graphviz program found: install Graphviz" in result.stderr
    assert "-f dot" in result.stderr
    assert not (maps / "readme.svg").exists()
    assert runner.invoke(app, ["render", str(maps / "readme.py"), "-f", "dot"]).exit_code == EXIT_OK


def test_a_failing_engine_is_exit_three_with_its_message(
    maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When Graphviz fails, its own message is the one line, and the exit code is 3."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "dot").write_text("#!/bin/sh\necho 'Error: layout aborted' >&2\nexit 1\n", encoding="utf-8")
    (folder / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    result = runner.invoke(app, ["render", str(maps / "readme.py")])
    assert result.exit_code == EXIT_ENGINE
    assert result.stderr == "argmap: error: dot failed (exit 1): Error: layout aborted\n"


def test_every_command_says_what_it_does_with_an_example() -> None:
    """Each command's --help has a description and an example."""
    names = [
        command.name or (command.callback.__name__ if command.callback else "") for command in app.registered_commands
    ]
    assert "render" in names
    for name in names:
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == EXIT_OK
        assert "Example: argmap " + name in result.stdout, name


@pytest.mark.dot
def test_the_installed_command_draws_an_svg_as_a_subprocess(tmp_path: Path) -> None:
    """The real `argmap render` executable writes an SVG with every claim of the README map."""
    out = tmp_path / "readme.svg"
    completed = subprocess.run(
        [str(ARGMAP), "render", str(README), "-o", str(out)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    drawn = drawn_claim_text(out.read_bytes())
    for claim in load(README).claims:
        assert drawn[graphviz_name(claim.id)] == "".join(claim.text.split())


@pytest.mark.dot
def test_many_maps_show_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    """With five maps or more and stderr on a terminal, a progress bar replaces the line per map."""
    for number in range(6):
        shutil.copy(README, tmp_path / f"map{number}.py")
    out = tmp_path / "out"
    out.mkdir()
    code, text = on_terminal([str(ARGMAP), "render", str(tmp_path), "-o", str(out), "-f", "svg", "--run-python"])
    assert code == EXIT_OK
    assert "rendering" in text
    assert "6/6" in text
    assert "wrote 6 of 6 diagrams" in text
    assert "wrote " + str(out) not in text  # no line per map
    assert len(list(out.iterdir())) == 6
