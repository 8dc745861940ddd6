"""The argmap command: exit codes, clear one-line errors, and a real run as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, __version__, dump, load
from argmap.cli import EXIT_INPUT, EXIT_OK, EXIT_PROBLEMS, app
from tests.conftest import ROOT

runner = CliRunner()
README_MAP = str(ROOT / "examples" / "readme.py")


def test_version_and_help() -> None:
    """--version prints the version; --help lists the commands with what they do."""
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("argmap ")
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == EXIT_OK
    assert "check" in result.stdout
    assert "convert" in result.stdout
    assert "Exit codes" in result.stdout


def test_check_reports_warnings_and_exits_zero_without_errors() -> None:
    """The README map has one unattributed claim: a warning, so exit 0 unless --strict."""
    result = runner.invoke(app, ["check", README_MAP])
    assert result.exit_code == EXIT_OK
    assert "warning: claim 'pakistans-demands-will-reduce-the-cia' has no source" in result.stdout
    assert runner.invoke(app, ["check", "--strict", README_MAP]).exit_code == EXIT_PROBLEMS


def test_check_exits_one_on_errors_and_prints_json(tmp_path: Path) -> None:
    """A self-supporting claim is an error: exit 1, and --json gives the problems as data."""
    m = ArgumentMap()
    a = m.claim("Circular.", id="a")
    m.support([a, "Another premise here."], a)
    path = dump(m, tmp_path / "circular.json")
    result = runner.invoke(app, ["check", "--json", str(path)])
    assert result.exit_code == EXIT_PROBLEMS
    (problem,) = json.loads(result.stdout)[str(path)]
    assert problem["code"] == "self-support"


def test_convert_writes_the_format_the_name_implies(tmp_path: Path) -> None:
    """Converting the README example to .json writes a native file that loads back."""
    out = tmp_path / "readme.json"
    result = runner.invoke(app, ["convert", README_MAP, "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    assert load(out).title == "Pakistan asks the CIA to leave"
    back = tmp_path / "back.py"
    assert runner.invoke(app, ["convert", str(out), "-o", str(back)]).exit_code == EXIT_OK
    assert load(back) == load(out)


def test_stdin_is_read_with_a_dash(tmp_path: Path) -> None:
    """'-' reads a native map from standard input."""
    text = (ROOT / "examples" / "readme.py").read_text(encoding="utf-8")
    assert text  # the example exists
    out = tmp_path / "from-stdin.json"
    native = runner.invoke(app, ["convert", README_MAP, "-o", str(out)])
    assert native.exit_code == EXIT_OK
    result = runner.invoke(app, ["check", "-"], input=out.read_text(encoding="utf-8"))
    assert result.exit_code == EXIT_OK
    assert "unattributed" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["check", "missing.json"], "missing.json: no such file"),
        (["check", "notes.txt"], "cannot tell the format from the file name"),
        (["evaluate", "missing"], "argmap: error: missing: no such file"),
        (["outline", "maps"], "argmap: error: maps: is a folder; only check and render read the maps in a folder"),
        (["convert", "maps", "-o", "x.json"], "argmap: error: maps: is a folder; only check and render read"),
        (["convert", README_MAP, "-o", "no/such/folder/x.json"], "no/such/folder: no such folder"),
        (
            ["convert", README_MAP, "-o", "x.json", "--to", "klingon"],
            "Invalid value for '--to': 'klingon' is not one of",
        ),
        (["check", "-"], "cannot tell the format of standard input"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each kind of bad input gives one clear line on stderr and exit code 2, never a traceback."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("not a map", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    result = runner.invoke(app, arguments, input="hello")
    assert result.exit_code == EXIT_INPUT
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    assert sorted(tmp_path.iterdir()) == [tmp_path / "maps", tmp_path / "notes.txt"]  # nothing written
    assert list((tmp_path / "maps").iterdir()) == []


def test_malformed_json_names_file_line_and_column(tmp_path: Path) -> None:
    """A broken native file is reported with its line and column."""
    path = tmp_path / "broken.json"
    path.write_text('{"format": "argmap/1",\n "claims": [{"id": 1}]}', encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == EXIT_INPUT
    assert f"{path}:2:" in result.stderr
    assert "claims[0]" in result.stderr


def test_the_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    """The real `argmap` executable converts the README example, as a user would run it."""
    executable = Path(sys.executable).parent / "argmap"
    out = tmp_path / "readme.json"
    completed = subprocess.run(
        [str(executable), "convert", README_MAP, "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert load(out).claims[0].text == "The U.S.-Pakistani relationship may be teetering on collapse."
    broken = subprocess.run([str(executable), "check", str(tmp_path / "nothing.json")], capture_output=True, text=True)
    assert broken.returncode == EXIT_INPUT
    assert broken.stderr.startswith("argmap: error: ")
    assert "Traceback" not in broken.stderr


def test_python_dash_m_argmap_is_the_same_command() -> None:
    """`python -m argmap` runs the command where the script is not on PATH, named argmap in its help."""
    completed = subprocess.run(
        [sys.executable, "-m", "argmap", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert "Usage: argmap " in completed.stdout
    version = subprocess.run([sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True, check=False)
    assert version.stdout.strip() == f"argmap {__version__}"


@pytest.mark.parametrize("command", [["evaluate"], ["outline", "--evaluate"], ["render", "--evaluate", "-f", "dot"]])
def test_every_command_that_evaluates_takes_s_for_the_semantics(command: list[str]) -> None:
    """`-s` names the semantics wherever --semantics does, as `evaluate` always had it."""
    result = runner.invoke(
        app, [command[0], README_MAP, *command[1:], "-s", "preferred", *(["-o", "-"] if command[0] == "render" else [])]
    )
    assert result.exit_code == 0, result.output
    assert "preferred" in result.output


def test_every_command_refuses_an_unknown_semantics_in_the_same_words() -> None:
    """evaluate, render and outline check -s alike: one line naming the choices, exit 2, nothing drawn."""
    told = set()
    for command in (["evaluate"], ["outline", "--evaluate"], ["render", "--evaluate", "-f", "dot", "-o", "-"]):
        result = runner.invoke(app, [command[0], README_MAP, *command[1:], "-s", "naive"])
        assert result.exit_code == EXIT_INPUT, result.output
        assert result.stdout == ""
        told.add(result.stderr.replace(command[0], "COMMAND"))
    (line,) = told
    assert "'naive' is not one of 'grounded', 'complete', 'preferred', 'stable'" in line
