"""How evaluating a long support chain grows: `python -m benchmarks.support_chain [CLAIMS...]`.

A chain (each claim supports the one before) makes one argument per claim,
each resting on all the claims beneath it: kept whole, those arguments hold
n²/2 claims (5.4 GB for 10,000 claims before argmap walked them on demand).
Each size runs in a fresh process so that its peak memory (maximum resident
set size, the interpreter and argmap included) is its own. Prints one
Markdown table row per size: seconds for evaluate() alone, and peak memory.
"""

from __future__ import annotations

import json
import subprocess
import sys

_MEASURE = """
import json, resource, sys, time
from argmap import evaluate
from benchmarks.outline import chain
amap = chain(int(sys.argv[1]))
start = time.perf_counter()
result = evaluate(amap)
seconds = time.perf_counter() - start
assert result.status("c0") == "accepted"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "megabytes": peak}))
"""


def measure(claims: int, repeats: int = 3) -> tuple[float, float]:
    """Return the median seconds evaluate() takes on a chain of *claims*, and the largest peak memory in MB."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(claims)], check=True, capture_output=True, text=True
        ).stdout
        runs.append(json.loads(out))
    seconds = sorted(run["seconds"] for run in runs)[len(runs) // 2]
    return seconds, max(run["megabytes"] for run in runs)


def main(sizes: list[int]) -> None:
    """Print a row per chain length."""
    print("| claims in the chain | evaluate() | peak memory of the process |")
    print("|---:|---:|---:|")
    for claims in sizes:
        seconds, megabytes = measure(claims)
        print(f"| {claims:,} | {seconds:.2f} s | {megabytes:.0f} MB |", flush=True)


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [1_000, 2_000, 4_000, 10_000, 15_000])
