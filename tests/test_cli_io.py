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
