"""Near misses and edits on big maps: `python -m benchmarks.editing`.

Measures, on benchmark maps (benchmarks/generate.py, fixed seed):

- the first near-miss lookup on a map of 100,000 claims, which indexes every
  claim written so far, and then each lookup, and each builder call that
  makes a new claim from text (which looks for a near miss first), beside
  the same call given a claim object, which does not;
- one call of each editing method (remove with cascade, replace, rename,
  same) on maps of 10,000 and 100,000 claims: each builds the map's new
  state through the builder's checks, so it costs about one build.

Not a test: speed is measured here, never asserted. Each figure is the
median of ``--repeats`` runs, each on a map built afresh and after a
full garbage collection, so that the collection building leaves due does
not land on the measured calls.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

from argmap import ArgumentMap
from benchmarks.generate import build, plan

__all__ = ["edits", "main", "near_misses"]


def _median(repeats: int, setup: Callable[[], ArgumentMap], work: Callable[[ArgumentMap], object]) -> float:
    times = []
    for _ in range(repeats):
        amap = setup()
        gc.collect()  # the collection building leaves due is not the measured work's
        start = time.perf_counter()
        work(amap)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def near_misses(claims: int, repeats: int, calls: int = 3_000) -> dict[str, float]:
    """Return seconds: building, the first lookup, and per call: a lookup, a support from new text, from objects."""
    map_plan = plan(claims)
    texts = [f"A new premise number {n}, not in the map, of a realistic length." for n in range(calls)]

    def first(amap: ArgumentMap) -> object:
        return amap.near_miss("Nothing like any claim of the map at all.")

    def lookups(amap: ArgumentMap) -> object:
        probe = amap.claims[len(amap.claims) // 2].text.lower() + " really"
        return [amap.near_miss(probe) for _ in range(calls)]

    def from_text(amap: ArgumentMap) -> object:
        conclusion = amap.claims[0]
        return [amap.support(text, conclusion) for text in texts]

    def from_objects(amap: ArgumentMap) -> object:
        conclusion = amap.claims[0]
        made = [amap.claim(text) for text in texts]
        return [amap.support(claim, conclusion) for claim in made]

    def indexed() -> ArgumentMap:
        amap = build(map_plan)
        first(amap)
        return amap

    return {
        "build": _median(repeats, lambda: ArgumentMap(), lambda _: build(map_plan)),
        "first lookup": _median(repeats, lambda: build(map_plan), first),
        "lookup": _median(repeats, indexed, lookups) / calls,
        "support from new text": _median(repeats, indexed, from_text) / calls,
        "support from claim objects": _median(repeats, indexed, from_objects) / calls,
    }


def edits(claims: int, repeats: int) -> dict[str, float]:
    """Return the seconds of one call of each editing method on a map of *claims* claims."""
    map_plan = plan(claims)

    def setup() -> ArgumentMap:
        return build(map_plan)

    middle = claims // 2
    # Two claims a map may declare one: the first two unattributed claims from the middle on.
    first, second = [n for n, (_, options) in enumerate(map_plan.claims) if n >= middle and "by" not in options][:2]
    return {
        "remove, cascade": _median(repeats, setup, lambda m: m.remove(m.claims[middle], cascade=True)),
        "replace": _median(repeats, setup, lambda m: m.replace(m.claims[middle], text="A corrected text.")),
        "rename": _median(repeats, setup, lambda m: m.rename(m.claims[middle], "renamed")),
        "same": _median(repeats, setup, lambda m: m.same(m.claims[first], m.claims[second])),
    }


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--claims", type=int, default=100_000, help="claims of the near-miss map")
    parser.add_argument("--edit-sizes", type=int, nargs="*", default=[10_000, 100_000], help="map sizes for edits")
    options = parser.parse_args()
    for name, seconds in near_misses(options.claims, options.repeats).items():
        per = " per call" if name not in ("build", "first lookup") else ""
        print(f"{options.claims:,} claims, {name}: {seconds * 1000:.3f} ms{per}")
    for size in options.edit_sizes:
        for name, seconds in edits(size, options.repeats).items():
            print(f"{size:,} claims, {name}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
