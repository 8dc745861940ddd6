"""The argmap command as a Unix tool, run as a real subprocess: what it writes to, standard input and output, pipes."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from argmap import dump, load
from tests.conftest import ROOT

ARGMAP = str(Path(sys.executable).parent / "argmap")
README = ROOT / "examples" / "readme.py"
BEGINNINGS = {"svg": b"<?xml", "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "dot": b"digraph", "html": b"<!DOCTYPE"}


def run(
    arguments: list[str],
    folder: Path,
    *,
    input: bytes | None = None,
    limit: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed `argmap` in *folder*, as a user would; *limit* caps the size of any file it writes."""

    def capped() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [ARGMAP, *arguments],
        cwd=folder,
        input=input if input is not None else b"",
        capture_output=True,
        check=False,
        timeout=120,
        preexec_fn=capped,  # only setrlimit, which is safe between fork and exec
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
    )


@pytest.fixture
def native(tmp_path: Path) -> Path:
    """Return the README map written as argmap JSON in a fresh folder."""
    return dump(load(README), tmp_path / "readme.json")


def test_o_writes_through_a_link_to_its_target(native: Path) -> None:
    """`-o link.dot` writes the file the link names, and the link is left a link."""
    folder = native.parent
    (folder / "real.dot").write_text("stale", encoding="utf-8")
    (folder / "link.dot").symlink_to("real.dot")
    result = run(["render", "readme.json", "-o", "link.dot"], folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "link.dot").is_symlink()
    assert (folder / "real.dot").read_text(encoding="utf-8").startswith("digraph")


def test_o_writes_into_a_fifo_without_replacing_it(native: Path) -> None:
    """`-o` a named pipe sends the diagram through it, and the pipe stays a pipe (devices are written the same way)."""
    fifo = native.parent / "pipe.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(["render", "readme.json", "-f", "dot", "-o", "pipe.dot"], native.parent)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received
    assert received[0].startswith(b"digraph")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_o_keeps_the_mode_of_the_file_it_overwrites(native: Path) -> None:
    """A read-only outline overwritten by `argmap outline -o` is still read-only."""
    target = native.parent / "readme.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    result = run(["outline", "readme.json", "-o", "readme.txt"], native.parent)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert "Pakistan" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("format", ["svg", "png", "pdf", "dot", "html"])
@pytest.mark.dot
def test_o_dash_renders_every_format_to_standard_output(native: Path, format: str) -> None:
    """`render -o -` writes the diagram, byte for byte, on standard output, and no file named `-`."""
    result = run(["render", "readme.json", "-f", format, "-o", "-"], native.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(BEGINNINGS[format])
    assert not (native.parent / "-").exists()
    assert sorted(path.name for path in native.parent.iterdir()) == ["readme.json"]


def test_o_dash_converts_and_outlines_to_standard_output(native: Path) -> None:
    """`convert -o - --to F` and `outline -o -` print on standard output and write no file."""
    result = run(["convert", "readme.json", "-o", "-", "--to", "aif"], native.parent)
    assert result.returncode == 0, result.stderr
    assert "nodes" in json.loads(result.stdout)
    result = run(["outline", "readme.json", "-o", "-"], native.parent)
    assert result.returncode == 0, result.stderr
    assert b"Pakistan" in result.stdout
    assert sorted(path.name for path in native.parent.iterdir()) == ["readme.json"]


def test_convert_to_standard_output_needs_a_format(native: Path) -> None:
    """Without a file name there is no format to imply: one line asks for --to, exit 2."""
    result = run(["convert", "readme.json", "-o", "-"], native.parent)
    assert result.returncode == 2
    assert result.stderr.decode() == "argmap: error: -o - writes to standard output: name its format with --to\n"


@pytest.mark.dot
def test_a_split_that_fails_half_way_leaves_no_file(tmp_path: Path) -> None:
    """A split whose third diagram cannot be written (the file size capped) leaves none of its files."""
    from benchmarks.generate import build, plan

    dump(build(plan(60, relations_per_claim=1.1)), tmp_path / "big.json")
    arguments = ["render", "big.json", "--layout", "split", "--diagram-size", "20", "-o", "out/big.svg"]
    (tmp_path / "out").mkdir()
    whole = run(arguments, tmp_path)
    assert whole.returncode == 0, whole.stderr
    sizes = sorted(path.stat().st_size for path in (tmp_path / "out").iterdir())
    assert len(sizes) >= 4
    for path in (tmp_path / "out").iterdir():
        path.unlink()
    broken = run(arguments, tmp_path, limit=sizes[-1] - 1)  # every file but the biggest fits
    assert broken.returncode == 2
    message = broken.stderr.decode()
    assert message.startswith("argmap: error: out/big")
    assert message.endswith(": File too large\n")
    assert ".tmp" not in message
    assert list((tmp_path / "out").iterdir()) == []


def test_a_write_error_names_the_users_file_not_a_temporary_one(native: Path) -> None:
    """A file that cannot be written (its size capped, as a full disk would) is named as the user named it."""
    result = run(["convert", "readme.json", "-o", "copy.json"], native.parent, limit=100)
    assert result.returncode == 2
    assert result.stderr.decode() == "argmap: error: copy.json: File too large\n"
    assert sorted(path.name for path in native.parent.iterdir()) == ["readme.json"]
    (native.parent / "asdir.json").mkdir()
    result = run(["convert", "readme.json", "-o", "asdir.json"], native.parent)
    assert result.returncode == 2
    assert result.stderr.decode() == "argmap: error: asdir.json: is a folder, not a file\n"


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("import sys\nsys.exit(0)\n", "map.py:2: the map's code called sys.exit(0) instead of defining a map"),
        ("import sys\nsys.exit(3)\n", "map.py:2: the map's code called sys.exit(3) instead of defining a map"),
        ("raise BaseException('odd')\n", "map.py:1: the map's code failed: BaseException: odd"),
        ("raise GeneratorExit\n", "map.py:1: the map's code failed: GeneratorExit: "),
        ("raise ValueError('two\\nlines')\n", "map.py:1: the map's code failed: ValueError: two lines"),
        ("x = 1\n" * 3 + "(" * 300 + ")" * 300 + "\n", "map.py"),
        ("MAP = " + "-" * 100_000 + "1\n", "map.py: cannot compile: the code is nested too deeply"),
    ],
)
def test_a_python_map_failing_in_any_way_is_one_line_exit_two(tmp_path: Path, code: str, said: str) -> None:
    """sys.exit(), BaseException, GeneratorExit, a multi-line message, code too nested: one line naming the file."""
    (tmp_path / "map.py").write_text(code, encoding="utf-8")
    result = run(["render", "map.py", "-f", "dot"], tmp_path)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert stderr.startswith(f"argmap: error: {said}")
    assert stderr.count("\n") == 1
    assert "Traceback" not in stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.py"]


def test_a_python_map_with_a_bom_or_a_coding_line_is_read_as_python_reads_it(tmp_path: Path) -> None:
    """A UTF-8 BOM and a PEP 263 latin-1 coding line are honoured, as `python map.py` honours them."""
    body = "from argmap import ArgumentMap\nMAP = ArgumentMap()\nMAP.claim('Caf\u00e9 au lait.', id='c')\n"
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (tmp_path / "latin.py").write_bytes(("# -*- coding: latin-1 -*-\n" + body).encode("latin-1"))
    for name in ("bom.py", "latin.py"):
        result = run(["convert", name, "-o", "-", "--to", "native"], tmp_path)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["claims"][0]["text"] == "Caf\u00e9 au lait."


def test_python_map_errors_name_the_file_as_the_user_did(tmp_path: Path) -> None:
    """An error in maps/bad.py is reported as maps/bad.py:LINE, relative as every other error is, not absolute."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "bad.py").write_text("MAP = 1 / 0\n", encoding="utf-8")
    result = run(["check", "maps/bad.py"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "argmap: error: maps/bad.py:1: the map's code failed: ZeroDivisionError: division by zero\n"
    )


def test_a_folder_runs_no_python_file_unless_asked(tmp_path: Path) -> None:
    """`render FOLDER` runs no .py; with --run-python only those defining MAP or build(), never a helper."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "helper.py").write_text(
        "from pathlib import Path\nPath(__file__).with_name('marker').write_text('ran')\n", encoding="utf-8"
    )
    (tmp_path / "maps" / "readme.py").write_text(README.read_text(encoding="utf-8"), encoding="utf-8")
    dump(load(README), tmp_path / "maps" / "native.json")
    result = run(["render", "maps", "-f", "dot"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "maps").iterdir()) == [
        "helper.py",
        "native.dot",
        "native.json",
        "readme.py",
    ]
    result = run(["render", "maps", "-f", "dot", "--run-python"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "maps" / "readme.dot").is_file()
    assert not (tmp_path / "maps" / "marker").exists()
    only_code = tmp_path / "code"
    only_code.mkdir()
    (only_code / "readme.py").write_text(README.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(["check", "code"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "argmap: error: code: no map files in this folder (1 Python file is read only with --run-python)\n"
    )


def test_a_module_attribute_must_name_a_map_or_a_function_returning_one(tmp_path: Path) -> None:
    """`check sys:exit` calls nothing; a function annotated `-> ArgumentMap` is called; a map is taken as it is."""
    (tmp_path / "maps_here.py").write_text(
        "from argmap import ArgumentMap\n"
        "def build() -> ArgumentMap:\n    m = ArgumentMap()\n    m.claim('Built.', id='b')\n    return m\n"
        "def other():\n    open('marker', 'w').write('ran')\n",
        encoding="utf-8",
    )
    result = run(["check", "sys:exit"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "argmap: error: sys:exit: names neither a map nor a function annotated to return one"
        " (def build() -> ArgumentMap)\n"
    )
    result = run(["check", "maps_here:other"], tmp_path)
    assert result.returncode == 2
    assert not (tmp_path / "marker").exists()
    result = run(["convert", "maps_here:build", "-o", "-", "--to", "native"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"][0]["id"] == "b"
    assert run(["check", "examples.readme:MAP"], ROOT).returncode == 0


def test_a_broken_pipe_ends_quietly(native: Path) -> None:
    """When the reader of standard output has gone (`argmap evaluate m | head -1`), argmap stops without a word."""
    with subprocess.Popen(
        [ARGMAP, "evaluate", "readme.json"], cwd=native.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader goes away before argmap writes
        said = process.stderr.read()
        assert process.wait(timeout=60) == 141
    assert said == b""


@pytest.mark.parametrize("command", ["check", "outline", "render", "evaluate"])
def test_every_command_that_reads_a_map_takes_standard_input_and_from(native: Path, command: str) -> None:
    """`-` with --from reads standard input in the format named; errors name it <stdin>."""
    text = (ROOT / "examples" / "readme.py").read_bytes()
    arguments = [command, "-", "--from", "python", *(["-f", "dot"] if command == "render" else [])]
    result = run(arguments, native.parent, input=text)
    assert result.returncode == 0, result.stderr
    broken = run(
        [command, "-", "--from", "native", *(["-f", "dot"] if command == "render" else [])], native.parent, input=b"{"
    )
    assert broken.returncode == 2
    assert broken.stderr.decode().startswith("argmap: error: <stdin>:1:")
    unknown = run([command, "-"], native.parent, input=b"hello")
    assert unknown.stderr.decode() == (
        "argmap: error: <stdin>: cannot tell the format of standard input; name it with --from\n"
    )


def test_check_reports_every_map_and_exits_with_the_worst_status(tmp_path: Path) -> None:
    """Check goes on past a map it cannot read, reports all (as JSON too), takes a folder, exits with the worst."""
    folder = tmp_path / "maps"
    folder.mkdir()
    dump(load(README), folder / "a-good.json")
    (folder / "b-broken.json").write_text("{", encoding="utf-8")
    circular = load(README)
    first = circular.claims[0].id
    circular.support([first, "Another premise here."], first)
    dump(circular, folder / "c-circular.json")
    result = run(["check", "maps", "missing.json"], tmp_path)
    assert result.returncode == 2
    out, err = result.stdout.decode(), result.stderr.decode()
    assert "maps/a-good.json: warning:" in out
    assert "maps/c-circular.json: error:" in out
    assert err.splitlines() == [
        "argmap: error: maps/b-broken.json:1:2: invalid JSON: Expecting property name enclosed in double quotes",
        "argmap: error: missing.json: no such file",
    ]
    result = run(["check", "--json", "maps", "missing.json"], tmp_path)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert list(report) == ["maps/a-good.json", "maps/b-broken.json", "maps/c-circular.json", "missing.json"]
    assert report["missing.json"][0]["code"] == "unreadable"
    assert any(problem["code"] == "self-support" for problem in report["maps/c-circular.json"])
    assert run(["check", "maps/a-good.json", "maps/c-circular.json"], tmp_path).returncode == 1
    assert run(["check", "maps/a-good.json"], tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--timeout", "nan"], "Invalid value for '--timeout': nan is not a number of seconds above 0"),
        (["--timeout", "inf"], "Invalid value for '--timeout': inf is not a number of seconds above 0"),
        (["--timeout", "0"], "Invalid value for '--timeout': 0 is not a number of seconds above 0"),
        (["--timeout", "-1"], "Invalid value for '--timeout': -1 is not a number of seconds above 0"),
        (["--direction", "up"], "Invalid value for '--direction': 'up' is not one of"),
        (["-f", "gif"], "Invalid value for '--format' / '-f': 'gif' is not one of"),
        (["-o", "x.png", "-f", "svg"], "x.png: the name says png but -f asks for svg; make them agree"),
        (["--wrap", "2"], "Invalid value for '--wrap': 2 is not in the range 8<=x<=400."),
        (["--group-by", "colour"], "Invalid value for '--group-by': 'colour' is not one of"),
        (["--depth", "-1", "--focus", "x"], "Invalid value for '--depth': -1 is not in the range x>=0."),
    ],
)
def test_option_values_are_checked_before_any_work_in_one_style(native: Path, arguments: list[str], said: str) -> None:
    """A bad option value is one line in click's words, exit 2, nothing written, and no Python class name."""
    result = run(["render", "readme.json", *arguments], native.parent)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert stderr.startswith(f"argmap: error: {said}")
    assert stderr.count("\n") == 1
    assert "Options" not in stderr  # DotOptions, LayoutOptions: no class name reaches the user
    assert sorted(path.name for path in native.parent.iterdir()) == ["readme.json"]


def test_choices_are_matched_in_any_case(native: Path) -> None:
    """`-f DOT --direction lr` and `evaluate -s PREFERRED` are taken as the choices they spell, in any case."""
    result = run(["render", "readme.json", "-f", "DOT", "--direction", "lr", "-o", "-"], native.parent)
    assert result.returncode == 0, result.stderr
    assert b"rankdir=LR" in result.stdout
    result = run(["evaluate", "readme.json", "-s", "PREFERRED"], native.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"preferred semantics")


def test_a_huge_depth_draws_the_whole_reach_at_once(native: Path) -> None:
    """--depth 99999999999999999999 is as far as the map goes: drawn at once, not after counting to it."""
    claim = load(README).claims[0].id
    arguments = ["render", "readme.json", "-f", "dot", "-o", "-", "--focus", claim, "--depth", "9" * 20]
    result = run(arguments, native.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"digraph")


SWALLOW = "while read -r line; do :; done"
"""A shell loop that reads the DOT source a fake `dot` is given, and does nothing with it."""


def fake_dot(folder: Path, script: str) -> dict[str, str]:
    """Return an environment whose `dot` is a shell *script*, for a Graphviz that misbehaves."""
    programs = folder / "bin"
    programs.mkdir()
    program = programs / "dot"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return {"PATH": f"{programs}:/bin:/usr/bin"}


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (f"{SWALLOW}; exit 0", "dot reported success but wrote nothing"),
        (f"{SWALLOW}; echo garbage; exit 0", "dot reported success but wrote 8 bytes that are not a whole svg"),
    ],
)
def test_a_graphviz_that_succeeds_without_a_drawing_is_exit_3(native: Path, script: str, said: str) -> None:
    """A `dot` that exits 0 with empty or garbage output writes nothing, and says so: exit 3."""
    result = run(["render", "readme.json", "-o", "out.svg"], native.parent, env=fake_dot(native.parent, script))
    assert result.returncode == 3
    assert result.stderr.decode() == f"argmap: error: {said}\n"
    assert not (native.parent / "out.svg").exists()


def test_a_failing_graphvizs_message_is_shortened_and_escaped(native: Path) -> None:
    """A 5 MB line with terminal escapes on a failing dot's stderr becomes one short line, the escapes written out."""
    script = (
        f"{SWALLOW}; {{ printf 'Error: \\033[31mred\\033[0m'; yes x | head -c 10000000 | tr -d '\\n'; }} >&2; exit 1"
    )
    result = run(["render", "readme.json", "-o", "out.svg"], native.parent, env=fake_dot(native.parent, script))
    assert result.returncode == 3
    stderr = result.stderr.decode()
    assert stderr.startswith("argmap: error: dot failed (exit 1): Error: \\x1b[31mred\\x1b[0m")
    assert "\x1b" not in stderr
    assert len(stderr) < 400
    assert stderr.count("\n") == 1


@pytest.mark.dot
def test_a_split_into_one_diagram_says_diagram(native: Path) -> None:
    """A split with one diagram says "1 diagram", once, and names it once."""
    result = run(["render", "readme.json", "--layout", "split"], native.parent)
    assert result.returncode == 0, result.stderr
    said = result.stderr.decode()
    assert "drawn as 1 diagram, holding the whole arguments of its 2 main conclusions, and an overview" in said
    assert said.endswith("wrote readme.svg and 1 diagram beside it (readme-1.svg)\n")


def test_a_multi_line_message_from_a_reader_is_one_line(tmp_path: Path) -> None:
    """YAML's error for a control character spans lines; argmap prints it as one."""
    (tmp_path / "m.argdown").write_bytes(b'[A]: One. {note: "a\x01b"}\n')
    result = run(["check", "m.argdown"], tmp_path)
    assert result.returncode == 2
    said = result.stderr.decode()
    assert said.startswith("argmap: error: m.argdown:1:11: invalid YAML data: unacceptable character #x0001")
    assert said.count("\n") == 1


def test_a_lossy_conversion_says_what_the_format_cannot_hold(tmp_path: Path) -> None:
    """Converting to SADFace says, a line a part, what it leaves out, counted as the table counts; not with --quiet."""
    from argmap.formats._carried import lost

    wire = ROOT / "examples" / "wire_cia_drawdown.py"
    result = run(["convert", str(wire), "-o", "wire.sadface.json"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    expected = [
        f"argmap: warning: wire.sadface.json: SADFace cannot hold {what} ({count:,}); left out"
        for what, count in lost(load(wire), "sadface")
    ]
    assert len(expected) >= 4
    assert lines == [*expected, "wrote wire.sadface.json"]
    assert any(line.startswith("argmap: warning: wire.sadface.json: SADFace cannot hold sources") for line in lines)
    quiet = run(["convert", str(wire), "-o", "again.sadface.json", "--quiet"], tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr.decode() == "wrote again.sadface.json\n"
    exact = run(["convert", str(wire), "-o", "wire.json"], tmp_path)
    assert exact.stderr.decode() == "wrote wire.json\n"


def test_watch_goes_on_after_a_map_calls_sys_exit(tmp_path: Path) -> None:
    """A Python map that calls sys.exit() or raises BaseException while watched is a line; the watch goes on."""
    from tests.watching import RENDERED, Watching

    source = README.read_text(encoding="utf-8")
    (tmp_path / "map.py").write_text(source, encoding="utf-8")
    process = Watching(["render", "map.py", "-f", "dot", "--watch"], tmp_path)
    try:
        process.expect(RENDERED)
        for failure in ("import sys\nsys.exit(0)\n", "raise SystemExit(3)\n", "raise BaseException('no')\n"):
            (tmp_path / "map.py").write_text(failure + source, encoding="utf-8")
            error = process.expect(r"argmap: error: ")
            assert "map.py:" in error.string
            assert process.process.poll() is None
        (tmp_path / "map.py").write_text(source, encoding="utf-8")
        process.expect(RENDERED)
        assert process.interrupt() == 0
    finally:
        process.stop()


def test_a_framework_from_standard_input_is_named_stdin(tmp_path: Path) -> None:
    """`evaluate - --from AF` reads an ICCMA framework from standard input, and calls it <stdin>, errors too."""
    result = run(["evaluate", "-", "--from", "AF"], tmp_path, input=b"p af 2\n1 2\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "{1}\n"
    broken = run(["evaluate", "-", "--from", "af"], tmp_path, input=b"p af x\n")
    assert broken.returncode == 2
    assert broken.stderr.decode().startswith("argmap: error: <stdin>:1:1: ")


def test_standard_input_is_read_with_the_same_cap_as_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input longer than the read limit is one line naming <stdin>, not a read that never ends."""
    from typer.testing import CliRunner

    from argmap import formats
    from argmap.cli import app

    monkeypatch.setattr(formats, "READ_LIMIT", 64)
    result = CliRunner().invoke(app, ["check", "-", "--from", "native"], input=b"{" + b" " * 100 + b"}")
    assert result.exit_code == 2
    assert "<stdin>: holds more than 64 bytes, the most argmap reads" in result.output
