"""The ICCMA entry point as the competition runs it: a subprocess, exact answers, checked certificates."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap.semantics import Framework
from argmap.semantics.formats import af
from argmap.semantics.iccma import PROBLEMS, SEMANTICS_CODES, main
from tests.conftest import ROOT, corpus_file
from tests.strategies import frameworks
from tests.test_cli_evaluate import transcript
from tests.test_semantics_tasks import brute_force

ENTRY = [sys.executable, "-m", "argmap.semantics.iccma"]
_WITNESS = re.compile(r"w( [0-9]+)*\Z")


def iccma(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the entry point as ICCMA's harness would, in a fresh process."""
    return subprocess.run([*ENTRY, *arguments], capture_output=True, text=True, check=False, cwd=cwd, timeout=120)


@pytest.mark.parametrize(
    ("command", "output"), transcript(ROOT / "docs" / "snippets" / "iccma_session.txt"), ids=lambda value: value[:60]
)
def test_the_documented_session_is_what_a_subprocess_prints(command: str, output: str) -> None:
    """Each command of the session in docs/evaluation.md prints exactly what is shown, and exits 0."""
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "argmap.semantics.iccma"]
    completed = iccma(*words[3:])
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == output
    assert completed.stderr == ""


def test_problems_are_listed_as_iccma_lists_them() -> None:
    """--problems prints one bracketed, comma-separated line of TASK-SEMANTICS names, and nothing else."""
    completed = iccma("--problems")
    assert re.fullmatch(r"\[(?:(?:SE|DC|DS|CE|EE)-(?:CO|PR|ST|GR),?)+\]\n", completed.stdout)
    assert completed.stdout.strip("[]\n").split(",") == list(PROBLEMS)


def answers(framework: Framework, tmp_path: Path, problem: str, argument: str | None = None) -> str:
    """Return what the entry point prints for *problem* on *framework*, run in this process."""
    path = tmp_path / "f.af"
    af.dump(framework, path)
    command = ["-p", problem, "-f", str(path)] + (["-a", argument] if argument else [])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(command) == 0
    return out.getvalue()


def certificate(line: str) -> frozenset[str]:
    """Return the extension a 'w ...' line gives, after checking the line's exact form."""
    assert _WITNESS.fullmatch(line), line
    return frozenset(line.split()[1:])


@settings(max_examples=40, deadline=None)
@given(frameworks(max_arguments=7))
def test_every_answer_and_certificate_is_right(tmp_path_factory: pytest.TempPathFactory, framework: Framework) -> None:
    """Every problem's answer has ICCMA's exact form, and every certificate is an extension that shows it."""
    tmp_path = tmp_path_factory.mktemp("iccma")
    expected = brute_force(framework)
    for code, semantics in SEMANTICS_CODES.items():
        every = expected[semantics]
        lines = answers(framework, tmp_path, f"SE-{code}").splitlines()
        if every:
            assert certificate(lines[0]) in every
        else:
            assert lines == ["NO"]
        assert answers(framework, tmp_path, f"CE-{code}") == f"{len(every)}\n"
        listed = [certificate(line) for line in answers(framework, tmp_path, f"EE-{code}").splitlines()]
        assert sorted(listed, key=sorted) == sorted(every, key=sorted)
        for argument in framework.arguments:
            lines = answers(framework, tmp_path, f"DC-{code}", argument).splitlines()
            if any(argument in extension for extension in every):
                assert lines[0] == "YES"
                assert len(lines) == 2
                assert argument in certificate(lines[1])
                assert certificate(lines[1]) in every
            else:
                assert lines == ["NO"]
            lines = answers(framework, tmp_path, f"DS-{code}", argument).splitlines()
            if all(argument in extension for extension in every):
                assert lines == ["YES"]
            else:
                assert lines[0] == "NO"
                assert len(lines) == 2
                assert argument not in certificate(lines[1])
                assert certificate(lines[1]) in every


def test_with_no_arguments_it_prints_its_name_and_version() -> None:
    """As ICCMA's solver interface asks: called bare, a solver says who it is, and exits 0."""
    completed = iccma(cwd=ROOT)
    assert completed.returncode == 0
    assert completed.stderr == ""
    assert completed.stdout.splitlines()[0] == f"argmap {version('argmap')}"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-p", "DC-XX", "-f", "g.af", "-a", "1"], "-p takes one of"),
        (["-p", "DC-PR", "-f", "g.af"], "DC-PR asks about one argument"),
        (["-p", "SE-PR"], "-f names the framework file"),
        (["-p", "SE-PR", "-f", "missing.af"], "missing.af: no such file"),
        (["-p", "DS-PR", "-f", "g.af", "-a", "9"], "no argument is named '9'"),
        (["-p", "SE-PR", "-f", "bad.af"], "bad.af:2:3: '3' is no argument"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_two(arguments: list[str], message: str, tmp_path: Path) -> None:
    """Mistakes are one line on stderr, nothing on stdout, exit code 2, no traceback."""
    (tmp_path / "g.af").write_text("p af 1\n", encoding="utf-8")
    (tmp_path / "bad.af").write_text("p af 2\n1 3\n", encoding="utf-8")
    completed = iccma(*arguments, cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert message in completed.stderr
    assert completed.stderr.count("\n") == 1


def test_aspartix_files_are_read_too(tmp_path: Path) -> None:
    """An .apx file answers with its own argument names; -fo names the format of a file whose name says nothing."""
    path = tmp_path / "nixon.txt"
    path.write_text("arg(nixon). arg(quaker). att(nixon,quaker). att(quaker,nixon).\n", encoding="utf-8")
    completed = iccma("-p", "DS-PR", "-f", str(path), "-fo", "apx", "-a", "nixon")
    assert completed.stdout == "NO\nw quaker\n"
    assert iccma("--formats").stdout == "[af,apx,tgf]\n"


def test_the_iccma_2025_example_instance_answers(tmp_path: Path) -> None:
    """The 7,346-argument instance of the ICCMA 2025 examples: SE-PR gives a certificate, as a subprocess."""
    path = corpus_file("external", "iccma", "Solvers-for-ICCMA-2025", "example", "a1210993_20150717_0403.gml.80.af")
    completed = iccma("-p", "SE-PR", "-f", str(path), cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert _WITNESS.fullmatch(completed.stdout.rstrip("\n"))
