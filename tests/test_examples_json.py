"""Each example map also exists as native JSON under tests/golden/, kept current by the golden switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import dumps, load, loads
from tests.golden import assert_golden, example_paths


@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_example_json_is_current_and_loads_back(path: Path) -> None:
    """The native JSON of each example matches its golden copy and reads back to the same map."""
    amap = load(path)
    text = dumps(amap)
    assert_golden(f"{path.stem}.json", text)
    assert loads(text) == amap
