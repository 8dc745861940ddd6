"""`argmap evaluate`: frameworks and maps, JSON and tables, bad input, and a real run as a subprocess."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import EXIT_INPUT, EXIT_OK, app
from tests.conftest import ROOT

runner = CliRunner()
README_MAP = str(ROOT / "examples" / "readme.py")

# Floating reinstatement: 1 and 2 attack each other and both attack 3, which attacks 4.
FLOATING = "p af 4\n# floating reinstatement\n1 2\n2 1\n1 3\n2 3\n3 4\n"


@pytest.fixture
def floating(tmp_path: Path) -> Path:
    """Write the floating-reinstatement framework to an .af file."""
    path = tmp_path / "floating.af"
    path.write_text(FLOATING, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("semantics", "expected"),
    [
        ("grounded", [[]]),
        ("complete", [["2", "4"], ["1", "4"], []]),
        ("preferred", [["2", "4"], ["1", "4"]]),
        ("stable", [["2", "4"], ["1", "4"]]),
    ],
)
def test_framework_json_lists_the_extensions(floating: Path, semantics: str, expected: list[list[str]]) -> None:
    """--json prints exactly {"semantics", "extensions"}, names as in the file, in argument order."""
    result = runner.invoke(app, ["evaluate", str(floating), "--semantics", semantics, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    document = json.loads(result.stdout)
    assert list(document) == ["semantics", "extensions"]
    assert document["semantics"] == semantics
    assert sorted(document["extensions"]) == sorted(expected)


def test_no_stable_extension_is_an_empty_list(tmp_path: Path) -> None:
    """An odd cycle has no stable extension: the list is empty, and the listing says so."""
    path = tmp_path / "odd.tgf"
    path.write_text("a\nb\nc\n#\na b\nb c\nc a\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "-s", "stable", "--json"])
    assert json.loads(result.stdout) == {"semantics": "stable", "extensions": []}
    listing = runner.invoke(app, ["evaluate", str(path), "-s", "stable"])
    assert listing.stdout == f"stable: no extensions of {path} (3 arguments)\n"


def test_framework_listing_without_json(floating: Path) -> None:
    """Without --json, a readable listing: a count line, then one numbered extension a line."""
    result = runner.invoke(app, ["evaluate", str(floating), "-s", "preferred"])
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert lines[0] == f"preferred: 2 extensions of {floating} (4 arguments)"
    assert sorted(lines[1:]) == ["  1: {2, 4}", "  2: {1, 4}"] or sorted(lines[1:]) == ["  1: {1, 4}", "  2: {2, 4}"]


def test_framework_from_standard_input() -> None:
    """'-' with --from af reads the framework from standard input."""
    result = runner.invoke(app, ["evaluate", "-", "--from", "af", "--json"], input="p af 3\n1 2\n2 3\n")
    assert json.loads(result.stdout) == {"semantics": "grounded", "extensions": [["1", "3"]]}


def test_map_table_shows_each_claim_with_its_status_and_reason() -> None:
    """A map gives a table of claims, then of relations, each with its status and reason."""
    result = runner.invoke(app, ["evaluate", README_MAP])
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "grounded semantics: 1 extension"
    assert lines[2].split() == ["claim", "status", "reason"]
    row = next(line for line in lines if line.startswith("pakistans-demands-will-reduce-the-cia"))
    assert row.split()[1] == "undecided"
    assert row.endswith("doubted by [pk-tells-us-it-must-sharply], neither upheld nor dismissed")
    assert any(line.split()[:1] == ["relation"] for line in lines)


def test_map_table_under_preferred_has_a_column_per_extension() -> None:
    """Under preferred semantics the table has one column per extension: the believer's and the doubter's."""
    result = runner.invoke(app, ["evaluate", README_MAP, "--semantics", "preferred"])
    lines = result.stdout.splitlines()
    assert lines[0] == "preferred semantics: 2 extensions"
    assert lines[2].split()[:6] == ["claim", "status", "ext", "1", "ext", "2"]
    row = next(line for line in lines if line.startswith("pakistans-demands-will-reduce-the-cia"))
    assert sorted(row.split()[2:4]) == ["accepted", "rejected"]


def test_map_json_has_every_element() -> None:
    """--json on a map gives every claim and relation with status, reason, per-extension statuses and acceptance."""
    result = runner.invoke(app, ["evaluate", README_MAP, "-s", "preferred", "--json"])
    document = json.loads(result.stdout)
    assert document["semantics"] == "preferred"
    assert document["extensions"] == 2
    kinds = [element["kind"] for element in document["elements"]]
    assert kinds == ["claim", "claim", "claim", "claim", "support", "skeptical_response"]
    fewer = next(e for e in document["elements"] if e["id"] == "pakistans-demands-will-reduce-the-cia")
    assert fewer["status"] == "undecided"
    assert sorted(fewer["extensions"]) == ["accepted", "rejected"]
    assert (fewer["credulous"], fewer["skeptical"]) == (True, False)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["evaluate", "g.af", "--semantics", "naive"], "Invalid value for '--semantics' / '-s': 'naive' is not one of"),
        (["evaluate", "bad.af"], "bad.af:3:3: '9' is no argument: arguments are numbered 1 to 2"),
        (["evaluate", "bad.tgf"], "bad.tgf:3:3: 'c' is not declared"),
        (["evaluate", "missing.af"], "missing.af: no such file"),
        (["evaluate", "g.af", "--from", "apx"], "Invalid value for '--from': 'apx' is not one of"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unknown semantics, malformed or missing files: one line on stderr naming the place, exit code 2."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.af").write_text("p af 1\n", encoding="utf-8")
    (tmp_path / "bad.af").write_text("p af 2\n1 2\n2 9\n", encoding="utf-8")
    (tmp_path / "bad.tgf").write_text("a\n#\na c\n", encoding="utf-8")
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_INPUT
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_help_lists_evaluate() -> None:
    """Argmap --help names the evaluate command."""
    assert "evaluate" in runner.invoke(app, ["--help"]).stdout


def test_evaluate_runs_as_a_subprocess(floating: Path) -> None:
    """The installed `argmap evaluate` prints the grounded extension as JSON, and exits 2 on a bad file."""
    executable = Path(sys.executable).parent / "argmap"
    completed = subprocess.run(
        [str(executable), "evaluate", str(floating), "--semantics", "grounded", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert completed.stdout == '{"semantics": "grounded", "extensions": [[]]}\n'
    floating.write_text("p af 2\n1 3\n", encoding="utf-8")
    broken = subprocess.run([str(executable), "evaluate", str(floating)], capture_output=True, text=True, check=False)
    assert broken.returncode == EXIT_INPUT
    assert broken.stderr == f"argmap: error: {floating}:2:3: '3' is no argument: arguments are numbered 1 to 2\n"


def transcript(path: Path) -> list[tuple[str, str]]:
    """Return the (command, output) pairs of a transcript: '$ ' lines, each followed by its output."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), ""))
        else:
            command, output = pairs[-1]
            pairs[-1] = (command, output + line)
    return pairs


@pytest.mark.parametrize(
    ("command", "output"), transcript(ROOT / "docs" / "snippets" / "evaluation_cli.txt"), ids=lambda value: value[:60]
)
def test_the_documented_transcript_is_what_the_command_prints(
    command: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each command shown in docs/evaluation.md prints exactly the output shown under it."""
    monkeypatch.chdir(ROOT)
    words = shlex.split(command)
    assert words[0] == "argmap"
    result = runner.invoke(app, words[1:])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == output
