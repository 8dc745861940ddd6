"""Time writing and reading a big map in each format: `python -m benchmarks.formats [CLAIMS]`.

The map comes from the shared generator (benchmarks/generate.py): realistic
claims, most attributed, about 1.5 relations per claim, every kind present.
Prints the seconds each format's ``dumps`` and ``loads`` take, and the size
written. A benchmark, not a test: nothing is asserted of speed. The issue's
target is AIF at 100,000 claims (the default), read and written linearly.
"""

from __future__ import annotations

import sys
import time

from argmap.formats import aif, argdown, native, sadface
from benchmarks.generate import build, plan


def main(claims: int) -> None:
    """Build the map once and time each format's dumps and loads on it."""
    amap = build(plan(claims))
    print(f"{len(amap.claims):,} claims, {len(amap.relations):,} relations")
    for name, module in (("native", native), ("aif", aif), ("sadface", sadface), ("argdown", argdown)):
        started = time.perf_counter()
        text = module.dumps(amap)
        dumped = time.perf_counter() - started
        started = time.perf_counter()
        back = module.loads(text)
        loaded = time.perf_counter() - started
        assert len(back.claims) == len(amap.claims)
        print(f"{name:8} dumps {dumped:6.2f} s   loads {loaded:6.2f} s   ({len(text) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
