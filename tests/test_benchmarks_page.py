"""The page `make bench` writes: every target row, with its verdict, from the figures the benchmark modules measure."""

from __future__ import annotations

from typing import Any

from benchmarks.__main__ import render_page


def results(**render: float) -> dict[str, Any]:
    """Return the figures of a run that measured only the rendering table: *render* added to its figures."""
    figures = {"argmap": 0.5, "dot": 0.45, "ratio": 1.11, "cpu ratio": 1.1, "help": 0.2, "to_dot 10,000": 0.15}
    return {
        "date": "2 December 2026",
        "machine": "a test machine",
        "maps": [],
        "evaluation": [],
        "big": {},
        "render": figures | render,
    }


def row(page: str, starts: str) -> str:
    """Return the one row of the targets table that starts with *starts*."""
    found = [line for line in page.splitlines() if line.startswith(f"| {starts}")]
    assert len(found) == 1, found
    return found[0]


def test_the_single_thesis_ratio_and_the_whole_render_f_dot_are_rows_of_the_targets() -> None:
    """The ratio is shown as a ratio, the command's CPU as seconds, each held to its goal: 1.2 and 0.12 s."""
    page = render_page(results(**{"thesis cpu ratio": 1.31, "render -f dot": 0.113}))
    assert row(page, "single thesis, 1,000 claims: `argmap render` ÷") == (
        "| single thesis, 1,000 claims: `argmap render` ÷ `dot -Tsvg` alone, CPU | 1.31 | 1.2 | **not met** |"
    )
    assert row(page, "`argmap render -f dot`, 1,000 claims") == (
        "| `argmap render -f dot`, 1,000 claims, whole command, CPU (the slower of both shapes)"
        " | 0.11 s | 0.12 s | met |"
    )
    met = render_page(results(**{"thesis cpu ratio": 1.2, "render -f dot": 0.131}))
    assert row(met, "single thesis, 1,000 claims: `argmap render` ÷").endswith("| 1.20 | 1.2 | met |")
    assert row(met, "`argmap render -f dot`, 1,000 claims").endswith("| 0.13 s | 0.12 s | **not met** |")


def test_a_run_saved_before_the_rows_existed_shows_them_not_measured() -> None:
    """`python -m benchmarks --from` an older run's JSON still writes the page, the new rows "not measured"."""
    page = render_page(results())
    assert row(page, "single thesis, 1,000 claims: `argmap render` ÷").endswith("| — | 1.2 | not measured |")
    assert row(page, "`argmap render -f dot`, 1,000 claims").endswith("| — | 0.12 s | not measured |")
