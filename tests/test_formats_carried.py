"""What each format carries: the one table docs/formats.md shows and `argmap convert` warns from tells the truth."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import ArgumentMap, dumps, loads
from argmap.formats._carried import CARRIED, NAMES, lost, table
from tests.conftest import ROOT
from tests.strategies import maps


@pytest.mark.parametrize("format", ["aif", "argdown", "sadface"])
@given(amap=maps())
def test_what_a_format_is_said_not_to_hold_is_really_left_out(format: str, amap: ArgumentMap) -> None:
    """After a round trip through the format, nothing is left of each part the table says it cannot hold."""
    back = loads(dumps(amap, format), format)
    for row in CARRIED:
        if row.cells[format].startswith("no"):
            assert row.count(back) == 0, row.what


@given(amap=maps())
def test_the_formats_that_keep_everything_warn_of_nothing(amap: ArgumentMap) -> None:
    """The argmap JSON and Python formats hold every part of every map."""
    assert lost(amap, "native") == []
    assert lost(amap, "python") == []


def test_docs_show_the_table_the_warnings_come_from() -> None:
    """docs/formats.md holds the table exactly as the code has it (refresh it with `python docs/include.py`)."""
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert table() in page
    assert list(NAMES) == ["native", "python", "aif", "argdown", "sadface"]
