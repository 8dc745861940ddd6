"""argmap outline: the outline on stdout, plain when piped, coloured in a terminal unless NO_COLOR is set."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, dump, load, outline
from argmap.cli import EXIT_INPUT, EXIT_OK, app
from tests.conftest import ROOT

runner = CliRunner()
README_MAP = str(ROOT / "examples" / "readme.py")
ARGMAP = Path(sys.executable).parent / "argmap"
ESCAPE = "\x1b["


def test_outline_prints_the_library_outline() -> None:
    """Without options the command prints outline(map) as it is, at 88 columns (CliRunner is no terminal)."""
    result = runner.invoke(app, ["outline", README_MAP])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == outline(load(README_MAP))
    assert ESCAPE not in result.stdout


@pytest.mark.parametrize(
    ("arguments", "options"),
    [
        (["--style", "markdown"], {"style": "markdown"}),
        (["--style", "ascii", "--width", "40"], {"style": "ascii", "width": 40}),
        (["--root", "kayani-asked-335-cia-officers-to"], {"root": "kayani-asked-335-cia-officers-to"}),
    ],
)
def test_outline_options_reach_the_renderer(arguments: list[str], options: dict[str, object]) -> None:
    """--style, --width and --root give what the same arguments to outline() give."""
    result = runner.invoke(app, ["outline", README_MAP, *arguments])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == outline(load(README_MAP), **options)  # type: ignore[arg-type]


def test_outline_reads_standard_input(tmp_path: Path) -> None:
    """'-' outlines a native map read from standard input."""
    m = ArgumentMap()
    m.claim("Read from standard input.", id="stdin")
    path = dump(m, tmp_path / "map.json")
    result = runner.invoke(app, ["outline", "-"], input=path.read_text(encoding="utf-8"))
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == "Read from standard input. [stdin]\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["outline", README_MAP, "--root", "nowhere"], "argmap: error: no claim has id or text 'nowhere'"),
        (["outline", "missing.json"], "argmap: error: missing.json: no such file"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown root or a missing map is one clear line on stderr and exit code 2, with nothing on stdout."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == message + "\n"
    assert result.stdout == ""


@pytest.mark.parametrize("arguments", [["--width", "10"], ["--style", "html"]])
def test_bad_options_are_usage_errors(arguments: list[str]) -> None:
    """A width below 20 or an unknown style is refused before anything is read, with exit code 2."""
    result = runner.invoke(app, ["outline", README_MAP, *arguments])
    assert result.exit_code == EXIT_INPUT
    assert result.stdout == ""


def run_in_terminal(arguments: list[str], **environment: str) -> str:
    """Run the real argmap command with its stdout on a pseudo-terminal, and return what it wrote there."""
    leader, follower = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", **environment})
    chunks = []
    with subprocess.Popen([str(ARGMAP), *arguments], stdout=follower, stderr=subprocess.PIPE, env=env) as process:
        os.close(follower)
        while select.select([leader], [], [], 30)[0]:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        assert process.stderr is not None
        errors = process.stderr.read().decode("utf-8")
        assert process.wait(timeout=30) == EXIT_OK, errors
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def plain(text: str) -> str:
    """Return *text* without its ANSI colour sequences."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_outline_is_coloured_in_a_terminal() -> None:
    """On a terminal the outline is coloured, and without its colours it is the plain outline."""
    shown = run_in_terminal(["outline", README_MAP])
    assert ESCAPE in shown
    assert "\x1b[1;32m+" in shown  # the support marker, bold green
    assert plain(shown) == outline(load(README_MAP))


@pytest.mark.parametrize("style", ["tree", "ascii"])
def test_a_status_line_takes_its_status_colour_in_either_style(style: str) -> None:
    """Under --evaluate each status line is coloured as the status table says, ASCII marks ([+], [ ]) as well."""
    from argmap.evaluate import STATUSES

    shown = run_in_terminal(["outline", README_MAP, "--evaluate", "--style", style])
    codes = {"green": 32, "red": 31, "yellow": 33}
    for status in ("accepted", "undecided"):  # the README map has no claim that falls
        entry = STATUSES[status]
        mark = entry.ascii_mark if style == "ascii" else entry.mark
        assert f"\x1b[1;{codes[entry.terminal]}m{mark} {status}" in shown


def test_no_color_turns_the_colours_off() -> None:
    """With NO_COLOR set, even a terminal gets the plain outline."""
    shown = run_in_terminal(["outline", README_MAP], NO_COLOR="1")
    assert ESCAPE not in shown
    assert shown == outline(load(README_MAP))


def test_a_narrow_terminal_narrows_the_outline() -> None:
    """In a terminal narrower than 88 columns the outline wraps at the terminal's width."""
    shown = run_in_terminal(["outline", README_MAP], COLUMNS="50")
    assert plain(shown) == outline(load(README_MAP), width=50)


def test_piped_output_is_plain() -> None:
    """Piped into another program, the real command writes the plain outline, byte for byte."""
    completed = subprocess.run(
        [str(ARGMAP), "outline", README_MAP, "--style", "markdown"],
        capture_output=True,
        text=True,
        check=False,
        env={key: value for key, value in os.environ.items() if key != "NO_COLOR"},
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert completed.stdout == outline(load(README_MAP), style="markdown")
