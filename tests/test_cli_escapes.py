"""Text from a file never reaches the terminal raw: escape sequences in warnings, names, ids and errors are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

runner = CliRunner()

ESCAPES = ("\x1b", "\x9b", "\x07", "\r", "\u202e")
"""An ESC (starts a terminal sequence), the C1 CSI, a bell, a carriage return, a right-to-left override."""

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\rX\u202e"


def assert_safe(output: str) -> None:
    """Assert that no control that moves the cursor, recolours or retitles a terminal is in *output*."""
    for character in ESCAPES:
        assert character not in output, repr(output)


def aif_file(tmp_path: Path) -> Path:
    """Write an AIF nodeset whose edge names a missing node with an escape sequence in its id."""
    path = tmp_path / "hostile.aif.json"
    nodes = [{"nodeID": "1", "type": "I", "text": "A claim."}, {"nodeID": "2", "type": "RA", "text": HOSTILE}]
    edges = [{"edgeID": "1", "fromID": HOSTILE, "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "1"}]
    path.write_text(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}), encoding="utf-8")
    return path


def sadface_file(tmp_path: Path) -> Path:
    """Write a SADFace document whose conflict scheme, named with escapes, has no attacker."""
    path = tmp_path / "hostile.sadface.json"
    nodes = [
        {"id": "a", "type": "atom", "text": "A claim."},
        {"id": HOSTILE, "type": "conflict", "name": HOSTILE},
    ]
    edges = [{"id": "e", "source_id": HOSTILE, "target_id": "a"}]
    path.write_text(json.dumps({"metadata": {"core": {}}, "nodes": nodes, "edges": edges}), encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [aif_file, sadface_file])
def test_load_warnings_show_escapes_instead_of_obeying_them(tmp_path: Path, write: object) -> None:
    """`check` prints AIF and SADFace load warnings with the file's controls made visible; --json escapes them."""
    path = write(tmp_path)  # type: ignore[operator]
    result = runner.invoke(app, ["check", str(path)])
    assert "␛" in result.stdout  # the warning was printed, its escape shown
    assert_safe(result.stdout + result.stderr)
    as_json = runner.invoke(app, ["check", "--json", str(path)])
    assert_safe(as_json.stdout)
    (problems,) = json.loads(as_json.stdout).values()
    assert any(HOSTILE in problem["message"] for problem in problems)  # escaped, not lost


def test_tgf_names_in_evaluate_are_shown_not_obeyed(tmp_path: Path) -> None:
    """Argument names from a TGF file are printed visibly in `evaluate`'s text and JSON output."""
    path = tmp_path / "hostile.tgf"
    name = "a\x1b[2J\x9b31m\u202e"
    path.write_text(f"{name}\nb\n#\n{name} b\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 0
    assert "a␛[2J" in result.stdout
    assert_safe(result.stdout)
    as_json = runner.invoke(app, ["evaluate", "--json", str(path)])
    assert_safe(as_json.stdout)
    assert json.loads(as_json.stdout) == [name]  # JSON Lines: one extension a line


def test_errors_quoting_the_file_are_one_safe_line(tmp_path: Path) -> None:
    """An error quoting the file (an id argmap refuses, a word of an .af file) is one line, its controls shown."""
    path = tmp_path / "map.sadface.json"
    nodes = [{"id": "c\x1b[31m\nd", "type": "atom", "text": "A claim."}]
    path.write_text(json.dumps({"metadata": {"core": {}}, "nodes": nodes, "edges": []}), encoding="utf-8")
    broken = tmp_path / "broken.af"
    broken.write_text("p af 2\n1 \x1b[2J\x9b\n", encoding="utf-8")
    for command in (["check", str(path)], ["evaluate", str(broken)]):
        failed = runner.invoke(app, command)
        assert failed.exit_code == 2
        assert_safe(failed.stderr)
        assert "␛" in failed.stderr or "\\x1b" in failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1
