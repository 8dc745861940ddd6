"""Take the screenshots of docs/html.md in headless Chromium: `python docs/html_screenshots.py`.

Each example's page is written by the engine, opened from disk as a reader
opens it, and photographed; two more show the side panel after a search and
the status colours. Pixels depend on the machine's fonts, so what the tests
compare is a stamp: the SHA-256 of what made each page (its DOT, and the page
argmap builds around the drawing), kept in docs/html/stamps.json. tests/test_docs_html.py
fails when a page would now be made differently, or an example has no shot.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from argmap import ArgumentMap, evaluate, load
from argmap.render import DotOptions, HtmlOptions, to_dot, to_html

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "html"
STAMPS = SHOTS / "stamps.json"
_NODE_ID = re.compile(r'id="(claim-[^"]+)"')


@attrs.frozen
class Shot:
    """One screenshot: the map, how its page is made, and what is done on the page before the picture."""

    name: str
    amap: ArgumentMap = attrs.field(eq=False)
    options: HtmlOptions
    act: Callable[[Page], None] | None = attrs.field(default=None, eq=False)

    @property
    def path(self) -> Path:
        """Return where the picture is kept."""
        return SHOTS / f"{self.name}.png"


def _search_and_open(page: Page) -> None:
    page.fill("#argmap-search", "Lakhani")
    page.click("[id='claim-lakhani-doubt']")


def _open_answered(page: Page) -> None:
    page.click("[id='claim-pakistans-demands-will-reduce-the-cia']")


def _legend_over_a_claim(page: Page) -> None:
    page.click("[id='claim-owning-the-land-saves-no-time']")
    page.click(".legend summary")


def shots() -> Iterator[Shot]:
    """Yield every screenshot of the page: each example as it opens, a search with the panel, statuses."""
    for path in sorted((ROOT / "examples").glob("*.py")):
        amap = load(path)
        diagram = DotOptions(group_by="document") if amap.documents else DotOptions()
        yield Shot(path.stem, amap, HtmlOptions(diagram=diagram))
    yield Shot("panel", load(ROOT / "examples" / "wire_cia_drawdown.py"), HtmlOptions(), _search_and_open)
    readme = load(ROOT / "examples" / "readme.py")
    result = evaluate(readme)
    yield Shot("statuses", readme, HtmlOptions(verdicts=result.verdicts, semantics=result.semantics), _open_answered)
    council = load(ROOT / "docs" / "snippets" / "rendering_council.py")
    judged = evaluate(council)
    options = HtmlOptions(verdicts=judged.verdicts, semantics=judged.semantics)
    yield Shot("legend", council, options, _legend_over_a_claim)


def stamp(shot: Shot) -> str:
    """Return the SHA-256 of what makes the shot's page: its DOT, and the page around the drawing.

    The page is made here around a stand-in for Graphviz's SVG that has just
    the claims' nodes, found by the ids the DOT gives them, so the stamp needs
    no Graphviz and changes with everything of the page but the layout.
    """
    dot = to_dot(shot.amap, shot.options.dot_options)
    nodes = "".join(f'<g id="{id}"/>' for id in _NODE_ID.findall(dot))
    stand_in = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">{nodes}</svg>'
    text = dot + to_html(shot.amap, shot.options, svg=stand_in)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    """Write each page, photograph it at 1280 by 800, and record the stamps."""
    from playwright.sync_api import sync_playwright

    from argmap.drawing import render

    sys.path.insert(0, str(ROOT))
    from tests.browser import CHROMIUM_ARGUMENTS, chromium

    program, why = chromium()
    if program is None:
        raise SystemExit(f"cannot take screenshots: {why}")
    SHOTS.mkdir(exist_ok=True)
    taken = list(shots())
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=program, args=CHROMIUM_ARGUMENTS, headless=True)
        for shot in taken:
            written = render(shot.amap, Path(folder) / f"{shot.name}.html", options=shot.options)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(written.as_uri())
            if shot.act is not None:
                shot.act(page)
            page.wait_for_timeout(200)
            page.screenshot(path=str(shot.path))
            page.close()
            print(f"took {shot.path.relative_to(ROOT)}")
        browser.close()
    STAMPS.write_text(json.dumps({shot.name: stamp(shot) for shot in taken}, indent=2) + "\n", encoding="utf-8")
    known = {shot.path for shot in taken}
    for stale in SHOTS.glob("*.png"):
        if stale not in known:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
