"""`argmap evaluate`: frameworks and maps, JSON and tables, bad input, and a real run as a subprocess."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, dump
from argmap.cli import EXIT_INPUT, EXIT_OK, app
from benchmarks.generate import build, plan
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
def test_framework_json_streams_the_extensions(floating: Path, semantics: str, expected: list[list[str]]) -> None:
    """--json prints JSON Lines: one list of names a line, names as in the file, in argument order."""
    result = runner.invoke(app, ["evaluate", str(floating), "--semantics", semantics, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(found) == sorted(expected)


def test_no_stable_extension_prints_nothing_and_says_so_for_se(tmp_path: Path) -> None:
    """An odd cycle has no stable extension: EE prints no line, SE says so, CE says 0."""
    path = tmp_path / "odd.tgf"
    path.write_text("a\nb\nc\n#\na b\nb c\nc a\n", encoding="utf-8")
    assert runner.invoke(app, ["evaluate", str(path), "-s", "stable", "--json"]).stdout == ""
    some = runner.invoke(app, ["evaluate", str(path), "-s", "stable", "--task", "SE"])
    assert some.stdout == "no stable extension\n"
    document = json.loads(runner.invoke(app, ["evaluate", str(path), "-s", "stable", "-t", "SE", "--json"]).stdout)
    assert document == {"semantics": "stable", "task": "SE", "extension": None}
    assert runner.invoke(app, ["evaluate", str(path), "-s", "stable", "-t", "CE"]).stdout == "0\n"


def test_framework_listing_without_json(floating: Path) -> None:
    """Without --json, one extension a line, in braces, as each is found."""
    result = runner.invoke(app, ["evaluate", str(floating), "-s", "preferred"])
    assert result.exit_code == EXIT_OK
    assert sorted(result.stdout.splitlines()) == ["{1, 4}", "{2, 4}"]


def test_limit_stops_the_enumeration(floating: Path) -> None:
    """--limit N prints the first N extensions and stops."""
    result = runner.invoke(app, ["evaluate", str(floating), "-s", "complete", "--limit", "2", "--json"])
    assert result.exit_code == EXIT_OK
    assert len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize(
    ("semantics", "task", "argument", "accepted", "holds"),
    [
        ("preferred", "DS", "4", True, None),
        ("preferred", "DS", "1", False, False),
        ("preferred", "DC", "1", True, True),
        ("preferred", "DC", "3", False, None),
        ("stable", "DC", "2", True, True),
        ("complete", "DS", "4", False, False),
        ("grounded", "DC", "4", False, None),
    ],
)
def test_acceptance_tasks_answer_with_the_extension_that_shows_it(
    floating: Path, semantics: str, task: str, argument: str, accepted: bool, holds: bool | None
) -> None:
    """DC and DS say yes or no about --argument, with an extension that holds it (DC) or lacks it (DS)."""
    command = ["evaluate", str(floating), "-s", semantics, "--task", task, "--argument", argument, "--json"]
    result = runner.invoke(app, command)
    assert result.exit_code == EXIT_OK, result.output
    document = json.loads(result.stdout)
    assert document["accepted"] is accepted
    assert document["task"] == task
    if holds is None:
        assert document["extension"] is None
    else:
        assert (argument in document["extension"]) is holds
    text = runner.invoke(app, command[:-1]).stdout
    assert text.startswith("YES: " if accepted else "NO: ")


def test_framework_from_standard_input() -> None:
    """'-' reads the framework from standard input, with --from af or told by its content."""
    result = runner.invoke(app, ["evaluate", "-", "--from", "af", "--json"], input="p af 3\n1 2\n2 3\n")
    assert result.stdout == '["1", "3"]\n'
    sniffed = runner.invoke(app, ["evaluate", "-", "-t", "CE", "-s", "complete"], input="arg(a). arg(b). att(a,b).")
    assert sniffed.stdout == "1\n"


def test_framework_whose_name_says_nothing_is_sniffed(tmp_path: Path) -> None:
    """An ASPARTIX file ending in .dl is read by its content, and the names are ASPARTIX's."""
    path = tmp_path / "nixon.dl"
    path.write_text("arg(nixon). arg(quaker).\natt(nixon,quaker). att(quaker,nixon).\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "-s", "preferred", "-t", "SE"])
    assert result.stdout in ("{nixon}\n", "{quaker}\n")


def test_map_table_shows_each_claim_with_its_status_and_reason() -> None:
    """A map gives a table of claims, then of relations, each with its status and reason."""
    result = runner.invoke(app, ["evaluate", README_MAP])
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "grounded semantics: 1 extension"
    assert lines[2].split() == ["claim", "status", "reason"]
    row = next(line for line in lines if line.startswith("pakistans-demands-will-reduce-the-cia"))
    assert row.split()[1] == "undecided"
    assert row.endswith("answered skeptically by [pk-tells-us-it-must-sharply], neither upheld nor dismissed")
    assert any(line.split()[:1] == ["relation"] for line in lines)


def test_map_table_under_preferred_has_a_column_per_extension() -> None:
    """Under preferred semantics the table has one column per extension: the believer's and the skeptic's."""
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
        (["evaluate", "g.af", "--from", "dl"], "Invalid value for '--from': 'dl' is not one of"),
        (["evaluate", "g.af", "--task", "XY"], "unknown task 'XY'"),
        (["evaluate", "g.af", "--task", "DS"], "name it with --argument"),
        (["evaluate", "g.af", "--task", "DC", "-a", "7"], "no argument is named '7'"),
        (["evaluate", "g.af", "--task", "SE", "--limit", "2"], "--limit goes with --task EE"),
        (["evaluate", "g.af", "--argument", "1"], "--argument goes with --task DC or DS"),
        (["evaluate", "notes.txt"], "cannot tell"),
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
    (tmp_path / "notes.txt").write_text("nothing here\n", encoding="utf-8")
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
    assert completed.stdout == "[]\n"
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
    ("command", "output"),
    transcript(ROOT / "docs" / "snippets" / "evaluation_cli.txt")
    + transcript(ROOT / "docs" / "snippets" / "evaluation_tasks.txt"),
    ids=lambda value: value[:60],
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


def test_ctrl_c_keeps_what_was_printed_and_exits_130(tmp_path: Path) -> None:
    """Ctrl-C during a long enumeration: the extensions printed stay whole, one line says so, exit code 130."""
    import signal
    import time

    pairs = 24  # 2**24 preferred extensions: far more than the test waits for
    lines = [f"p af {2 * pairs}"]
    lines += [f"{2 * k + 1} {2 * k + 2}\n{2 * k + 2} {2 * k + 1}" for k in range(pairs)]
    path = tmp_path / "pairs.af"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    executable = Path(sys.executable).parent / "argmap"
    with subprocess.Popen(
        [str(executable), "evaluate", str(path), "-s", "preferred", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()  # the first extension comes at once
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        # Read through the same buffered streams: communicate() would skip what readline() buffered.
        rest = process.stdout.read()
        errors = process.stderr.read()
        process.wait(timeout=60)
    assert process.returncode == 130
    found = [json.loads(line) for line in (first + rest).splitlines()]
    assert all(len(extension) == pairs for extension in found)
    assert errors == f"argmap: interrupted after {len(found)} extensions\n"


@pytest.mark.parametrize(
    "arguments",
    [
        ["evaluate", "pairs.json", "-s", "preferred"],
        ["evaluate", "pairs.json", "-s", "complete", "--json"],
        ["render", "pairs.json", "--evaluate", "-s", "stable", "-f", "svg", "-o", "pairs.svg"],
        ["render", "pairs.json", "--evaluate", "-s", "preferred", "-f", "html", "-o", "pairs.html"],
        ["outline", "pairs.json", "--evaluate", "-s", "preferred"],
    ],
)
def test_a_map_with_too_many_extensions_is_one_line_and_exit_two(arguments: list[str], tmp_path: Path) -> None:
    """The real CLI refuses a map of 2**14 extensions in one line, exit 2, writing nothing, in bounded time."""
    amap = ArgumentMap()
    for pair in range(14):
        a, b = amap.claim(f"Claim a{pair}.", id=f"a{pair}"), amap.claim(f"Claim b{pair}.", id=f"b{pair}")
        amap.rebut(a, b)
        amap.rebut(b, a)
    dump(amap, tmp_path / "pairs.json")
    executable = Path(sys.executable).parent / "argmap"
    done = subprocess.run(
        [str(executable), *arguments], cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == EXIT_INPUT, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "extensions, the most argmap keeps for its 56 claims and relations" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pairs.json"]
    if arguments[:4] == ["evaluate", "pairs.json", "-s", "preferred"]:  # the line docs/evaluation.md shows
        assert done.stderr in (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")


def test_a_map_of_too_many_attacks_is_one_line_and_exit_two(tmp_path: Path) -> None:
    """The real CLI refuses the 300-claim benchmark map (286 million attacks) in one line, the one the docs show."""
    dump(build(plan(300)), tmp_path / "m300.json")
    executable = Path(sys.executable).parent / "argmap"
    done = subprocess.run(
        [str(executable), "evaluate", "m300.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == EXIT_INPUT, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "arguments attack each other more than 5,000,000 times" in done.stderr
    assert done.stdout == ""
    assert done.stderr in (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
