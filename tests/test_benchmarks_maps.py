"""The maps benchmark's driver runs on a small plan: `make bench` must not fail on its own naming."""

from __future__ import annotations

from pathlib import Path

from benchmarks import maps


def test_the_driver_measures_every_operation_on_a_plan_named_as_plan_file_names_it(tmp_path: Path) -> None:
    """drive_argmap reads the size from the plan's file name, as plan_file writes it, and times every operation.

    plan_file's names gained a suffix ("plan-1000-2.json") that the driver read as part of the size,
    so every size of `python -m benchmarks.maps` failed with a ValueError.
    """
    path = tmp_path / maps.plan_path(60).name
    figures = maps.drive_argmap(path, 1)
    expected = {"build", "check", "native loads", "outline", "AIF loads", "Argdown loads", "load from file"}
    assert expected <= set(figures)
    assert all(isinstance(figure, float) and figure > 0 for figure in figures.values())
    assert sorted(item.name for item in tmp_path.iterdir()) == ["map-60.json"]  # nothing written elsewhere
