"""What notebook display costs: `python -m benchmarks.notebook`.

Measures, each as the median of several runs:

- ``import argmap`` in a fresh process (``-X importtime``'s cumulative
  figure for argmap; ``--base`` times another checkout's argmap too, such
  as main's, in alternate runs);
- the MIME bundle a notebook gets for a 10,000-claim map (not laid out: one
  line), its evaluation (a table of the first rows), its check and its
  Markdown outline, the work being the bundle alone, not the evaluation or
  the outline it shows;
- the bundle of the first example (31 claims): its diagram, laid out by
  Graphviz, and its interactive page.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from argmap import ArgumentMap, check, evaluate, load, outline
from argmap.jupyter import page
from benchmarks.evaluation import ROOT, median_seconds
from benchmarks.generate import build, plan

__all__ = ["main"]


def _import_time(folder: str) -> float:
    """Return the milliseconds ``import argmap`` takes in a fresh process, argmap taken from *folder*."""
    code = f"import sys; sys.path.insert(0, {folder!r}); import argmap"
    said = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    for line in said.stderr.splitlines():
        fields = [field.strip() for field in line.removeprefix("import time:").split("|")]
        if fields[-1] == "argmap":
            return int(fields[1]) / 1000
    raise RuntimeError("argmap was not imported")


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="runs per measurement (median reported)")
    parser.add_argument("--base", help="a folder holding another argmap package (say, main's) to time beside")
    arguments = parser.parse_args()
    runs = arguments.runs

    ours, theirs = [], []
    for _ in range(runs):
        ours.append(_import_time(str(ROOT)))
        if arguments.base:
            theirs.append(_import_time(arguments.base))
    print(f"import argmap: {statistics.median(ours):.0f} ms (min {min(ours):.0f})")
    if theirs:
        print(f"import argmap from {arguments.base}: {statistics.median(theirs):.0f} ms (min {min(theirs):.0f})")

    large = build(plan(10_000))
    print(
        f"10,000-claim map, its bundle (one line, no layout): "
        f"{median_seconds(runs, large._repr_mimebundle_) * 1000:.3f} ms"
    )
    text = outline(large, style="markdown")
    print(f"its Markdown outline, the bundle: {median_seconds(runs, text._repr_mimebundle_) * 1000:.1f} ms")
    problems = check(large)
    print(
        f"its check ({len(problems):,} problems), the bundle: "
        f"{median_seconds(runs, problems._repr_mimebundle_) * 1000:.1f} ms"
    )
    chain = _chain(10_000)
    evaluation = evaluate(chain)
    print(
        f"a 10,000-claim evaluation ({len(evaluation.verdicts):,} verdicts), the bundle: "
        f"{median_seconds(runs, evaluation._repr_mimebundle_) * 1000:.1f} ms"
    )

    wire = load(ROOT / "examples" / "wire_cia_drawdown.py")
    print(f"the first example (31 claims), its diagram: {median_seconds(runs, wire._repr_mimebundle_):.3f} s")
    shown = page(wire)
    print(f"its page in a frame: {median_seconds(runs, shown._repr_mimebundle_):.3f} s")


def _chain(claims: int) -> ArgumentMap:
    """Return a map that evaluate can take at any size: each odd claim supports the one before, each even rebuts it."""
    amap = ArgumentMap(title="A chain")
    made = [amap.claim(f"Claim number {number}.", id=f"c{number}") for number in range(claims)]
    for number in range(1, claims):
        if number % 2:
            amap.support(made[number], made[number - 1])
        else:
            amap.rebut(made[number], made[number - 1])
    return amap


if __name__ == "__main__":
    main()
