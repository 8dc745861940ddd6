"""Golden files: renderings of the examples kept under tests/golden/ and compared exactly.

The one switch to regenerate them is the environment variable
``ARGMAP_REGENERATE_GOLDEN=1``: with it set, :func:`assert_golden` writes the
new text instead of comparing, and the test passes. Review the diff, then
commit it::

    ARGMAP_REGENERATE_GOLDEN=1 .venv/bin/pytest
    git diff tests/golden/
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import ROOT

__all__ = ["GOLDEN", "REGENERATE", "assert_golden", "example_paths"]

GOLDEN = ROOT / "tests" / "golden"
"""Where the golden files live."""

REGENERATE = os.environ.get("ARGMAP_REGENERATE_GOLDEN") == "1"
"""Whether this run rewrites the golden files instead of comparing with them."""


def example_paths() -> list[Path]:
    """Return every example map file, in a stable order."""
    return sorted((ROOT / "examples").glob("*.py"))


def assert_golden(name: str, text: str) -> None:
    """Assert that *text* equals the golden file *name*, or write it when regenerating."""
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {name}; run with ARGMAP_REGENERATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its golden file; if the change is meant, regenerate (tests/golden.py)"
    )
