"""What choosing a drawing's shape costs, and how often the estimate is right: `python -m benchmarks.shape`.

For each example and for generated maps (benchmarks/generate.py, at 1.0 and
1.5 relations a claim, 5 to 100 claims, fixed seeds), it measures, each as the
median of a few runs:

- the estimate: :func:`argmap.render.dot.shapes`, every candidate shape;
- one layout: ``dot -Tsvg`` on the DOT of the shape chosen;
- whether that first drawing keeps the rule (1 : 2 to 2.5 : 1), and the
  estimate's error: the drawn aspect over the estimated one;
- ``drawing.draw``: what a user waits for, a second or third layout included
  where the first drawing missed.

Figures are taken on whatever machine runs it; the ones in docs/performance.md
come from a shared, loaded 2-core machine.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from argmap import ArgumentMap, load
from argmap.drawing import draw
from argmap.engine import measured, pipe
from argmap.render import DotOptions, to_dot
from argmap.render.dot import shapes
from argmap.render.shape import ASPECT
from benchmarks.generate import build, plan

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent


def _median(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _maps(count: int) -> list[tuple[str, ArgumentMap]]:
    found = [(path.stem, load(path)) for path in sorted((ROOT / "examples").glob("*.py"))]
    found.append(("council", load(ROOT / "docs" / "snippets" / "rendering_council.py")))
    sizes = [5 + (95 * number) // max(1, count - 1) for number in range(count)]
    for number, size in enumerate(sizes):
        density = 1.0 if number % 2 else 1.5
        found.append((f"generated {size}", build(plan(size, seed=number + 1, relations_per_claim=density))))
    return found


def main() -> None:
    """Print, for each map, the estimate's time, one layout's time, the first drawing's fit and the whole draw."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=20, help="how many generated maps, 5 to 100 claims")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    arguments = parser.parse_args()
    hits = 0
    errors = []
    rows = _maps(arguments.maps)
    print(f"{'map':<22} {'claims':>6} {'estimate':>9} {'layout':>8} {'draw':>8} {'first':>6} {'error':>6}")
    for name, amap in rows:
        options = DotOptions(group_by="document" if amap.documents else "none")
        estimate = _median(functools.partial(shapes, amap, options), arguments.runs)
        source = to_dot(amap, options)
        layout = _median(functools.partial(pipe, source, "svg"), arguments.runs)
        size = measured(pipe(source, "svg"), "svg")
        assert size is not None
        aspect = size[0] / size[1]
        fits = ASPECT[0] <= aspect <= ASPECT[1]
        hits += fits
        errors.append(aspect / shapes(amap, options)[0].aspect)
        whole = _median(functools.partial(draw, amap, "svg", options=options), arguments.runs)
        print(
            f"{name:<22} {len(amap.claims):>6} {estimate * 1000:>7.1f}ms {layout:>7.2f}s {whole:>7.2f}s"
            f" {'yes' if fits else 'no':>6} {errors[-1]:>6.2f}"
        )
    quartiles = statistics.quantiles(errors, n=4)
    print(
        f"first drawing keeps the rule: {hits} of {len(rows)}; drawn over estimated aspect:"
        f" median {statistics.median(errors):.2f}, quartiles {quartiles[0]:.2f} to {quartiles[2]:.2f},"
        f" range {min(errors):.2f} to {max(errors):.2f}"
    )


if __name__ == "__main__":
    main()
