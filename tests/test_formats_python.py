"""Python maps: files that build a map load like any format, and any map can be written as builder code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

from argmap import ArgumentMap, Attribution, FormatError, Source
from argmap.formats import native, python
from tests.conftest import ROOT
from tests.golden import assert_golden, example_paths
from tests.strategies import maps

RUFF = Path(sys.executable).parent / "ruff"


@given(maps())
def test_round_trip_through_builder_code_is_exact(amap: ArgumentMap) -> None:
    """Running the code dumps() writes gives back exactly the map."""
    assert python.loads(python.dumps(amap)) == amap


@pytest.mark.parametrize("example", example_paths(), ids=lambda path: path.stem)
def test_written_code_of_the_examples(example: Path) -> None:
    """Each example map is written as a person would write it (golden file), and runs to the same map."""
    amap = python.load(example)
    code = python.dumps(amap)
    assert_golden(f"{example.stem}.py.txt", code)
    assert python.loads(code) == amap


def test_written_code_reads_like_the_readme() -> None:
    """The README's map: sources as variables, calls in the argument's order, texts used once inline, no ids."""
    code = python.dumps(python.load(ROOT / "examples" / "readme.py"))
    assert 'new_york_times = Source("The New York Times", kind="publication")\n' in code
    assert "m.support(kayani_asked_335, us_pakistani_relationship)\n" in code
    assert 'm.skeptical_response(\n    "PK tells US it must sharply reduce' in code
    assert '\n    "Pakistan\'s demands will reduce the C.I.A. presence in the country.",\n    by=jeremy_scahill' in code
    assert "id=" not in code
    assert code.endswith("\nMAP = m\n")


def test_ids_are_written_only_where_the_builder_would_derive_others() -> None:
    """A given id, a second claim with one text, and a relation id that is not derived are kept; derived ones not."""
    m = ArgumentMap()
    m.claim("Traffic is slow.", id="jams")
    m.claim("Traffic is slow.")
    m.claim("Traffic is slow.")
    m.support("jams", "traffic-is-slow-2", id="because")
    code = python.dumps(m)
    assert 'jams = m.claim("Traffic is slow.", id="jams")\n' in code
    assert 'm.claim("Traffic is slow.")\ntraffic_is_slow = m.claim("Traffic is slow.")\n' in code  # ids derived
    assert 'm.support(jams, traffic_is_slow, id="because")\n' in code
    assert python.loads(code) == m


@pytest.mark.skipif(not RUFF.exists(), reason="ruff is not installed beside this Python")
@pytest.mark.parametrize("example", example_paths(), ids=lambda path: path.stem)
def test_written_code_is_formatted_as_a_formatter_would(example: Path) -> None:
    """The formatter (ruff format, with the project's settings) leaves the written code as it is."""
    code = python.dumps(python.load(example))
    done = subprocess.run(
        [str(RUFF), "format", "--diff", "--stdin-filename", "map.py", "-"],
        input=code,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout


def test_a_file_may_define_map_or_build(tmp_path: Path) -> None:
    """A module-level MAP or a build() function both give the map."""
    (tmp_path / "with_build.py").write_text(
        "from argmap import ArgumentMap\n\n"
        "def build():\n    m = ArgumentMap('Built')\n    m.claim('Built here.')\n    return m\n",
        encoding="utf-8",
    )
    assert python.load(tmp_path / "with_build.py").title == "Built"


def test_a_map_file_can_import_its_neighbours(tmp_path: Path) -> None:
    """The file's folder is importable while it runs, as the merged example needs."""
    (tmp_path / "part.py").write_text("from argmap import ArgumentMap\nPART = ArgumentMap('Part')\n", encoding="utf-8")
    (tmp_path / "whole.py").write_text("from part import PART\nMAP = PART\n", encoding="utf-8")
    assert python.load(tmp_path / "whole.py").title == "Part"


def test_module_attribute_references_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """'examples.readme:MAP' names an importable map."""
    monkeypatch.chdir(ROOT)
    assert python.load("examples.readme:MAP").title == "Pakistan asks the CIA to leave"
    with pytest.raises(FormatError, match="has no attribute 'NOPE'"):
        python.load("examples.readme:NOPE")
    with pytest.raises(FormatError, match="cannot import 'no_such_module'"):
        python.load("no_such_module:MAP")


@pytest.mark.parametrize(
    ("code", "line", "message"),
    [
        ("from argmap import ArgumentMap\nMAP = ArgumentMap(\n", 2, "invalid Python"),
        ("x = 1\nMAP = None\n", None, "defines no map"),
        ("MAP = 42\n", None, "not an ArgumentMap"),
        (
            "from argmap import ArgumentMap\nm = ArgumentMap()\nm.support('typo', 'other')\n",
            3,
            "no claim has id 'typo'",
        ),
        ("x = 1\nraise RuntimeError('boom')\n", 2, "RuntimeError: boom"),
    ],
)
def test_broken_map_files_say_where(tmp_path: Path, code: str, line: int | None, message: str) -> None:
    """Syntax errors, missing maps and failing code give the file and the line in it."""
    path = tmp_path / "broken.py"
    path.write_text(code, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        python.load(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert caught.value.path is not None
    assert caught.value.path.endswith("broken.py")


def test_main_blocks_do_not_run_on_load(tmp_path: Path) -> None:
    """A map file's `if __name__ == "__main__":` block is for running it, not for loading it."""
    path = tmp_path / "main.py"
    path.write_text(
        "from argmap import ArgumentMap\nMAP = ArgumentMap('M')\nif __name__ == '__main__':\n    raise SystemExit(9)\n",
        encoding="utf-8",
    )
    assert python.load(path).title == "M"


def test_the_installed_command_converts_json_to_python_and_back(tmp_path: Path) -> None:
    """`argmap convert x.json -o x.py` writes the article as code, and that code loads as the same map."""
    wire = python.load(ROOT / "examples" / "wire_cia_drawdown.py")
    source = native.dump(wire, tmp_path / "wire.json")
    executable = Path(sys.executable).parent / "argmap"
    written = tmp_path / "wire.py"
    completed = subprocess.run(
        [str(executable), "convert", str(source), "-o", str(written)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert written.read_text(encoding="utf-8") == python.dumps(wire)
    assert python.load(written) == wire


def test_a_map_file_calling_the_old_doubt_still_builds_its_map(tmp_path: Path) -> None:
    """A Python map written with m.doubt(target, response) still loads, the same map, with a DeprecationWarning."""
    path = tmp_path / "old.py"
    path.write_text(
        "from argmap import ArgumentMap\n"
        "m = ArgumentMap()\n"
        "fewer = m.claim('The demands will reduce the C.I.A. presence.')\n"
        "m.doubt(fewer, 'They will get caught less.', stance='sarcasm')\n"
        "MAP = m\n",
        encoding="utf-8",
    )
    with pytest.warns(DeprecationWarning, match="skeptical_response"):
        amap = python.load(path)
    expected = ArgumentMap()
    expected.skeptical_response(
        "They will get caught less.", expected.claim("The demands will reduce the C.I.A. presence."), stance="sarcasm"
    )
    assert amap == expected


def test_sources_of_further_attributions_keep_the_map_s_order() -> None:
    """A source first met as a further attribution is listed where the map lists it (hypothesis found it moved)."""
    a, a0, b = Source("A", id="a"), Source("A0", id="a0"), Source("B", id="b")
    amap = ArgumentMap()
    for source in (a, a0, b):
        amap.add(source)
    amap.claim("One.", by=a, further_attributions=[Attribution(b)], id="one")
    amap.claim("Two.", by=a0, via=b, id="two")
    assert python.loads(python.dumps(amap)) == amap
