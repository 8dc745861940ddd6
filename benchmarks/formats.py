"""Time dumping and loading a big map in each interchange format: `python benchmarks/formats.py [CLAIMS]`.

The map is a chain of supports with a rebuttal, an undercut and an
attributed claim every few steps, so that every kind of node is written.
Prints seconds per step; a benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import sys
import time

from argmap import ArgumentMap, Source
from argmap.formats import aif, argdown, native, sadface


def big_map(claims: int) -> ArgumentMap:
    """Return a map with *claims* claims and about as many relations."""
    amap = ArgumentMap(title="benchmark")
    speakers = [Source(f"Speaker {n}") for n in range(50)]
    previous = amap.claim("Claim 0.", id="c0")
    for number in range(1, claims):
        by = speakers[number % 50] if number % 3 == 0 else None
        claim = amap.claim(f"Claim {number}, said in so many words.", id=f"c{number}", by=by)
        support = amap.support(claim, previous, id=f"s{number}")
        if number % 5 == 0:
            amap.rebut(previous, claim, id=f"r{number}")
        if number % 7 == 0:
            amap.undercut(f"c{number - 1}", support, id=f"u{number}")
        previous = claim
    return amap


def main(claims: int) -> None:
    """Build the map once and time each format's dumps and loads on it."""
    started = time.perf_counter()
    amap = big_map(claims)
    print(f"built {claims:,} claims, {len(amap.relations):,} relations in {time.perf_counter() - started:.2f} s")
    for name, module in (("native", native), ("aif", aif), ("sadface", sadface), ("argdown", argdown)):
        started = time.perf_counter()
        text = module.dumps(amap)
        dumped = time.perf_counter() - started
        started = time.perf_counter()
        back = module.loads(text)
        loaded = time.perf_counter() - started
        assert len(back.claims) == claims
        print(f"{name:8} dumps {dumped:6.2f} s   loads {loaded:6.2f} s   ({len(text) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
