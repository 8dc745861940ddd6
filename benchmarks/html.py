"""How fast the HTML page is made and opens: `python -m benchmarks.html`.

Measures, each as the median of several runs:

- `to_html` of a 1,000-claim map (one relation a claim) given the SVG the
  system dot drew for it, and of a 10,000-claim map (15,000 relations) given a
  stand-in SVG with a node for each claim: the renderer's own cost, parsing
  and checking the SVG and writing the data, without Graphviz;
- in headless Chromium, where it is installed: the 1,000-claim page's load
  (navigation start to the end of the page's script), and one search for a
  common word over all its claims.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from argmap import ArgumentMap
from argmap.engine import pipe
from argmap.render import to_dot
from argmap.render._quoting import node_id
from argmap.render.html import HtmlOptions, to_html
from benchmarks.evaluation import median_seconds
from benchmarks.generate import build, plan

__all__ = ["main"]


def _stand_in(amap: ArgumentMap) -> str:
    """Return an SVG with a box for each claim, laid out in rows: what to_html needs, without a layout's cost."""
    nodes = "".join(
        f'<g id="{node_id(claim.id)}" class="node claim"><path fill="#ffffff" stroke="#4d4d4d"'
        f' d="M{(n % 100) * 300},{(n // 100) * 120}h260v80h-260z"/></g>'
        for n, claim in enumerate(amap.claims)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30000 12000"><g id="graph0">{nodes}</g></svg>'


def main() -> None:
    """Print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    small = build(plan(1_000, relations_per_claim=1.0))
    options = HtmlOptions()
    svg = pipe(to_dot(small, options.dot_options), "svg").decode("utf-8")
    small_page = to_html(small, options, svg=svg)
    seconds = median_seconds(runs, lambda: to_html(small, svg=svg))
    print(f"to_html, 1,000 claims, dot's SVG ({len(svg) // 1024} KiB): {seconds:.3f} s")
    large = build(plan(10_000))
    stand_in = _stand_in(large)
    seconds = median_seconds(runs, lambda: to_html(large, svg=stand_in))
    print(f"to_html, 10,000 claims and {len(large.relations):,} relations, stand-in SVG: {seconds:.3f} s")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.browser import CHROMIUM_ARGUMENTS, chromium

    program, why = chromium()
    if program is None:
        print(f"browser: not measured ({why})")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "page.html"
        path.write_text(small_page, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=program, args=CHROMIUM_ARGUMENTS, headless=True)
        loads, searches = [], []
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(path.as_uri())
            loads.append(page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
            searches.append(
                page.evaluate(
                    "() => { const box = document.getElementById('argmap-search'); const start = performance.now();"
                    " box.value = 'the'; box.dispatchEvent(new Event('input')); return performance.now() - start; }"
                )
            )
            page.close()
        browser.close()
    print(f"Chromium, the 1,000-claim page ({len(small_page) // 1024} KiB): opens in {statistics.median(loads):.0f} ms")
    print(f"Chromium, a search over its 1,000 claims: {statistics.median(searches):.0f} ms")


if __name__ == "__main__":
    main()
