"""docs/html.md is current: a screenshot of each example's page, each taken from the page argmap makes now."""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "docs"))
import html_screenshots  # docs/html_screenshots.py, the script that takes the page's screenshots

SHOTS = list(html_screenshots.shots())
RETAKE = "run `python docs/html_screenshots.py` to take the screenshots again"


@pytest.mark.parametrize("shot", SHOTS, ids=lambda shot: shot.name)
def test_each_screenshot_is_of_the_page_argmap_makes_now(shot: html_screenshots.Shot) -> None:
    """Each screenshot is a PNG whose stamp is that of the map, options and page code it would be taken from now."""
    assert shot.path.exists(), f"{shot.path.name} is missing: {RETAKE}"
    assert shot.path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    stamps = json.loads(html_screenshots.STAMPS.read_text(encoding="utf-8"))
    assert stamps.get(shot.name) == html_screenshots.stamp(shot), f"{shot.path.name} is stale: {RETAKE}"


def test_every_example_has_a_screenshot_shown_on_the_page_and_none_is_stray() -> None:
    """docs/html.md shows a screenshot of every example, and docs/html/ keeps no picture the script does not take."""
    page = (ROOT / "docs" / "html.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "examples").glob("*.py")):
        assert f"(html/{path.stem}.png)" in page, path.stem
    assert sorted(html_screenshots.SHOTS.glob("*.png")) == sorted(shot.path for shot in SHOTS)
