"""Each example's outline, in every style, is kept as a golden file and compared exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import load, outline
from argmap.render.outline import STYLES, Style
from tests.golden import assert_golden, example_paths

SUFFIXES: dict[Style, str] = {"tree": "tree.txt", "ascii": "ascii.txt", "markdown": "md"}
"""The golden file of each style: tests/golden/<example>.<suffix>."""


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_example_outline_is_current(path: Path, style: Style) -> None:
    """The outline of each example in each style matches its golden copy (regenerate with the golden switch)."""
    assert_golden(f"{path.stem}.{SUFFIXES[style]}", outline(load(path), style=style))
