"""Python maps: files that build a map load like any format, and any map can be written as builder code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from argmap import ArgumentMap, FormatError
from argmap.formats import python
from tests.conftest import ROOT
from tests.strategies import maps


@given(maps())
def test_round_trip_through_builder_code_is_exact(amap: ArgumentMap) -> None:
    """Running the code dumps() writes gives back exactly the map."""
    assert python.loads(python.dumps(amap)) == amap


def test_written_code_reads_like_the_builder() -> None:
    """The generated code names sources as variables and uses the builder methods."""
    amap = python.load(ROOT / "examples" / "readme.py")
    code = python.dumps(amap)
    assert "new_york_times = Source('The New York Times', kind='publication', id='new-york-times')" in code
    assert "MAP.doubt(" in code
    assert "stance='sarcasm'" in code


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
