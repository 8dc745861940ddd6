"""How long outlines of large maps take, in each style: `python benchmarks/outline.py [CLAIMS...]`.

Two shapes: a chain (each claim supports the one before, the deepest map
there is) and a bushy map (a random tree of supports, a fifth of them linked,
with rebuttals, undercuts, doubts and attributions hung on it). Prints one
line per map, style and size with the best of three runs, and the output's size.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from argmap import ArgumentMap, Source, outline
from argmap.render.outline import STYLES


def chain(claims: int) -> ArgumentMap:
    """Return a map where claim n supports claim n - 1: one main conclusion, *claims* deep."""
    amap = ArgumentMap(title=f"A chain of {claims} claims")
    previous = amap.claim("Claim 0 is where the chain ends.", id="c0")
    for number in range(1, claims):
        claim = amap.claim(f"Claim {number} supports the claim before it in the chain.", id=f"c{number}")
        amap.support(claim, previous)
        previous = claim
    return amap


def bushy(claims: int, seed: int = 0) -> ArgumentMap:
    """Return a news-like map of *claims* attributed claims and about as many relations of every kind."""
    rng = random.Random(seed)
    sources = [Source(f"Source {number}", affiliation=rng.choice([None, "Dawn"])) for number in range(30)]
    words = [
        "officials",
        "army",
        "drone",
        "strikes",
        "agency",
        "report",
        "alliance",
        "demands",
        "cooperation",
        "covert",
        "peace",
        "toll",
    ]
    amap = ArgumentMap(title=f"A bushy map of {claims} claims")
    made = [
        amap.claim(
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 30))).capitalize() + ".",
            by=rng.choice(sources),
            via=[rng.choice(sources)] if rng.random() < 0.2 else (),
            medium="article",
            id=f"c{number}",
        )
        for number in range(claims)
    ]
    supports = []
    for number in range(1, claims):
        conclusion = made[rng.randrange(max(1, number // 3))]
        kind = rng.random()
        if kind < 0.6:
            supports.append(amap.support(made[number], conclusion))
        elif kind < 0.72:
            supports.append(amap.support([made[number], made[rng.randrange(number)]], conclusion))
        elif kind < 0.84:
            amap.rebut(made[number], conclusion)
        elif kind < 0.92 and supports:
            amap.undercut(made[number], rng.choice(supports))
        else:
            amap.doubt(conclusion, made[number], stance="sarcasm")
    return amap


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
    for name, build in (("chain", chain), ("bushy", bushy)):
        for size in sizes:
            amap = build(size)
            for style in STYLES:
                seconds, text = best_of(3, lambda amap=amap, style=style: outline(amap, style=style))
                lines = text.count("\n")
                print(f"{name:<8} {size:>8} {style:<9} {seconds:>8.3f} {lines:>9} {len(text.encode()) / 1e6:>6.1f}")


if __name__ == "__main__":
    main([int(argument) for argument in sys.argv[1:]] or [10_000, 100_000])
