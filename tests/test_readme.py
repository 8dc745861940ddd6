"""The README's example runs as written, and is the same code as examples/readme.py."""

from __future__ import annotations

import re

from argmap import ArgumentMap, load
from tests.conftest import ROOT


def readme_code() -> str:
    """Return the README's first Python block."""
    match = re.search(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert match is not None
    return match.group(1)


def test_readme_example_runs_as_written() -> None:
    """Executing the README's code builds the map it describes."""
    namespace: dict[str, object] = {}
    exec(readme_code(), namespace)
    amap = namespace["m"]
    assert isinstance(amap, ArgumentMap)
    assert len(amap.claims) == 4
    assert [type(r).__name__ for r in amap.relations] == ["Support", "SkepticalResponse"]


def test_readme_example_is_the_example_file() -> None:
    """examples/readme.py holds exactly the README's code, so the demo renders what the README shows."""
    assert readme_code() in (ROOT / "examples" / "readme.py").read_text(encoding="utf-8")
    assert load(ROOT / "examples" / "readme.py").title == "Pakistan asks the CIA to leave"
