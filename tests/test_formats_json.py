"""Reading files safely: JSON that Python reads but JSON forbids, numbers too long, nesting too deep, special files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import _io
from argmap.errors import FormatError
from argmap.formats import _json, aif, native, sadface

NATIVE = '{"format": "argmap/1",\n "title": %s}'
AIF = '{"nodes": [\n  {"nodeID": %s, "type": "I", "text": "A claim."}], "edges": []}'
SADFACE = '{"metadata": {"core": {}}, "edges": [],\n "nodes": [{"id": %s, "type": "atom", "text": "A claim."}]}'
READERS = [(native.loads, NATIVE), (aif.loads, AIF), (sadface.loads, SADFACE)]


def error_for(read: object, text: str) -> FormatError:
    """Return the FormatError *read* raises on *text*."""
    with pytest.raises(FormatError) as caught:
        read(text, path="map.json")  # type: ignore[operator]
    return caught.value


@pytest.mark.parametrize(("read", "template"), READERS)
def test_an_integer_too_long_for_python_is_one_error_at_its_place(read: object, template: str) -> None:
    """5,000 digits (Python converts 4,300 at most) give a FormatError at the number, not a ValueError traceback."""
    error = error_for(read, template % ("9" * 5000))
    assert error.line == 2
    assert "5,000 digits is too long" in error.message
    assert len(str(error)) < 200  # the number itself is not echoed


@pytest.mark.parametrize(("read", "template"), READERS)
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_where_they_stand(read: object, template: str, constant: str) -> None:
    """JSON has no NaN or Infinity; Python's parser takes them, the readers refuse them at their line and column."""
    error = error_for(read, template % constant)
    assert error.line == 2
    assert error.column is not None
    assert f"{constant} is not a JSON number" in error.message


def test_deep_nesting_is_refused_with_a_position() -> None:
    """Nesting past the parser's recursion gives the line and column where it gets that deep."""
    text = '{"format": "argmap/1",\n"title": ' + "[" * 50_000 + "]" * 50_000 + "}"
    error = error_for(native.loads, text)
    assert (error.line, error.column) == (2, 50_009)  # the innermost opening bracket
    assert "nested too deeply (50,001 levels" in error.message


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    """The depth is counted outside strings, escaped quotes included."""
    line, column, depth = _json._deepest('{"a": "[[[\\"[[[", "b": [[1]]}')
    assert (line, column, depth) == (1, 25, 3)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path) -> None:
    """A named pipe is refused without opening it for a writer that never comes: the command ends."""
    fifo = tmp_path / "map.json"
    os.mkfifo(fifo)
    completed = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(fifo)], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 2
    assert completed.stderr.strip() == f"argmap: error: {fifo}: is a named pipe (FIFO), not a regular file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize(
    "name", ["map.json", "map.aif.json", "map.sadface.json", "map.argdown", "map.py", "g.af", "g.tgf"]
)
def test_a_link_to_an_endless_device_is_refused_not_read(tmp_path: Path, device: str, name: str) -> None:
    """A link to /dev/zero or /dev/urandom is followed, found to be a device, and refused before any byte is read."""
    if not Path(device).exists():
        pytest.skip(f"{device} is absent")
    link = tmp_path / name
    link.symlink_to(device)
    from argmap.semantics import formats as framework_formats

    load = framework_formats.load if name.endswith((".af", ".tgf")) else argmap.load
    with pytest.raises(FormatError, match="is a character device, not a regular file"):
        load(link)


def test_a_missing_file_and_a_folder_are_still_named_so(tmp_path: Path) -> None:
    """The checks before reading keep the old messages for what is missing or a folder."""
    with pytest.raises(FormatError, match="no such file"):
        _io.read_text(tmp_path / "absent.json")
    with pytest.raises(FormatError, match="is a folder, not a file"):
        _io.read_text(tmp_path)
