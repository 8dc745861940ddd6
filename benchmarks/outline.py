"""How long outlines of large maps take, in each style: `python -m benchmarks.outline [CLAIMS...]`.

Two shapes: a chain (each claim supports the one before, the deepest map
there is, and the one that would make a naive outline quadratic) and the
realistic maps of :mod:`benchmarks.generate`. Prints one line per map, style
and size with the best of three runs, and the size of the output.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial

from argmap import ArgumentMap, outline
from argmap.render.outline import STYLES
from benchmarks.generate import build, plan


def chain(claims: int) -> ArgumentMap:
    """Return a map where claim n supports claim n - 1: one main conclusion, *claims* deep."""
    amap = ArgumentMap(title=f"A chain of {claims} claims")
    previous = amap.claim("Claim 0 is where the chain ends.", id="c0")
    for number in range(1, claims):
        claim = amap.claim(f"Claim {number} supports the claim before it in the chain.", id=f"c{number}")
        amap.support(claim, previous)
        previous = claim
    return amap


def news(claims: int) -> ArgumentMap:
    """Return a realistic map of *claims* claims, as the other benchmarks build it."""
    return build(plan(claims))


def best_of(runs: int, work: Callable[[], str]) -> tuple[float, str]:
    """Return the shortest time of *runs* calls of *work*, and what it returned."""
    times = []
    result = ""
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(sizes: list[int]) -> None:
    """Time the outline of each shape and size in each style, and print a table."""
    print(f"{'map':<8} {'claims':>8} {'style':<9} {'seconds':>8} {'lines':>9} {'MB':>6}")
    shapes: tuple[tuple[str, Callable[[int], ArgumentMap]], ...] = (("chain", chain), ("news", news))
    for name, make in shapes:
        for size in sizes:
            amap = make(size)
            for style in STYLES:
                seconds, text = best_of(3, partial(outline, amap, style=style))
                lines = text.count("\n")
                print(f"{name:<8} {size:>8} {style:<9} {seconds:>8.3f} {lines:>9} {len(text.encode()) / 1e6:>6.1f}")


if __name__ == "__main__":
    main([int(argument) for argument in sys.argv[1:]] or [10_000, 100_000])
