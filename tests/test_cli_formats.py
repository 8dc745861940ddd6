"""`argmap convert` and `argmap check` across every format: by suffix or flag, from stdin, and with clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, Source, dump, load
from argmap.cli import EXIT_INPUT, EXIT_OK, EXIT_PROBLEMS, app
from argmap.formats import aif, argdown, native, sadface
from tests.conftest import corpus_file

runner = CliRunner()


def sample() -> ArgumentMap:
    """Return a small map with a support, a rebuttal, an undercut and a skeptical response."""
    m = ArgumentMap(title="Shamsi")
    official = Source("A U.S. official", kind="official")
    base = m.claim("That base is neither vacated nor being vacated.", by=official, id="base")
    support = m.support(m.claim("Drones still fly from Shamsi.", id="drones"), base)
    m.rebut(m.claim("The base was handed back.", id="handed"), base)
    m.undercut(m.claim("Drones can fly from elsewhere.", id="elsewhere"), support)
    m.skeptical_response(m.claim("Officials often spin.", id="spin"), base, stance="sarcasm")
    return m


@pytest.mark.parametrize(
    ("name", "to_format"),
    [("map.aif.json", None), ("map.argdown", None), ("map.sadface.json", None), ("map.txt", "argdown")],
)
def test_convert_writes_every_format_and_reads_it_back(name: str, to_format: str | None, tmp_path: Path) -> None:
    """Each format is chosen by the output's suffix, or by --to, and converting back keeps the claims."""
    source = dump(sample(), tmp_path / "sample.json")
    out = tmp_path / name
    arguments = ["convert", str(source), "-o", str(out)] + (["--to", to_format] if to_format else [])
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_OK, result.output
    back = tmp_path / "back.json"
    arguments = ["convert", str(out), "-o", str(back)] + (["--from", to_format] if to_format else [])
    assert runner.invoke(app, arguments).exit_code == EXIT_OK
    assert [claim.text for claim in load(back).claims] == [claim.text for claim in sample().claims]
    assert len(load(back).relations) == 4


@pytest.mark.parametrize("writer", [aif.dumps, sadface.dumps, argdown.dumps, native.dumps])
def test_standard_input_is_sniffed(writer: object) -> None:
    """'-' reads AIF, SADFace and native JSON by their content, and Argdown by its definitions."""
    assert callable(writer)
    result = runner.invoke(app, ["check", "--json", "-"], input=writer(sample()))
    assert result.exit_code == EXIT_OK, result.output
    assert '"-"' in result.stdout


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("broken.aif.json", '{"nodes": [\n  {"nodeID": "1", "text": "x"}\n]}', ":2:3: "),
        ("broken.json", '{"nodes": [], "edges": [\n 5]}', ":2:2: "),
        ("broken.sadface.json", '{"nodes": [\n {"id": "a", "type": "atom"}]}', ":2:2: "),
        ("broken.argdown", "[a]: fine\n\n[b]: text {key: [unclosed}", ":3:26: "),
        ("broken.argdown", "[Title]:\n\n[Other]: text", ":1:9: "),
    ],
)
def test_a_malformed_file_in_any_format_is_one_line_and_exit_two(
    name: str, text: str, where: str, tmp_path: Path
) -> None:
    """A broken file gives one line naming the file, line and column, exit code 2, and writes nothing."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.argdown"
    result = runner.invoke(app, ["convert", str(path), "-o", str(out)])
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"argmap: error: {path}{where}")
    assert result.stderr.count("\n") == 1
    assert not out.exists()


@pytest.mark.corpus
def test_converting_a_real_nodeset_prints_its_traps_as_warnings(tmp_path: Path) -> None:
    """A QT30 nodeset converts; the relations it could not carry are listed on stderr, and the output loads."""
    path = corpus_file("aif", "nodeset25444.json")
    out = tmp_path / "qt30.argdown"
    result = runner.invoke(app, ["convert", str(path), "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    assert "warning: " + str(path) + ": MA node 1007743 has no conclusion in the file; left out" in result.stderr
    assert len(load(out).claims) == 159


@pytest.mark.corpus
def test_the_installed_command_checks_a_real_nodeset_and_an_argdown_example(tmp_path: Path) -> None:
    """The real `argmap` executable reads a plain-.json AIF nodeset and an Argdown file, as a user runs it."""
    executable = Path(sys.executable).parent / "argmap"
    nodeset = corpus_file("aif", "nodeset7903.json")
    semmelweis = corpus_file("argdown", "semmelweis_betz.argdown")
    env = {**os.environ, "NO_COLOR": "1"}
    completed = subprocess.run([str(executable), "check", str(nodeset)], capture_output=True, text=True, env=env)
    assert completed.returncode == EXIT_PROBLEMS, completed.stderr  # the IAC file has a claim attacking itself
    assert "error: claim '149527' turns against '149527'" in completed.stdout
    assert "orphan-claim" in completed.stdout  # a slice of a debate: some claims answer nothing in it
    out = tmp_path / "semmelweis.aif.json"
    completed = subprocess.run(
        [str(executable), "convert", str(semmelweis), "-o", str(out)], capture_output=True, text=True, env=env
    )
    assert completed.returncode == EXIT_OK, completed.stderr
    assert len(load(out).claims) == 32
