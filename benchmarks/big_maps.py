"""Big maps that still render: `python -m benchmarks.big_maps`.

Measures, on benchmark maps of about 1.1 relations per claim
(benchmarks/generate.py, fixed seed):

- the system ``dot -Tsvg`` alone on the DOT of the whole map, at each size
  asked (``--dot-sizes``, 1,000 by default: at 2,500 it takes minutes), with
  dot's own settings and with the ones that buy the most time without
  changing the drawing's shape (``nslimit``, ``mclimit``, straight lines);
  a run past ``--timeout`` is stopped and reported as such;
- the whole ``argmap render`` command, as a user runs it, on 5,000 claims
  (one SVG; target under 30 s) and on 20,000 claims (split into diagrams and
  an overview; target: a useful result under 60 s), the median of
  ``--repeats`` runs, and what the command said it did.

- ``--kialo``: `argmap convert` of a generated 20,000-claim Kialo export to
  native JSON (target: under 2 s);
- ``--shapes``: the whole ``argmap render`` command with its defaults, on two
  shapes at 1,000, 5,000, 20,000 and 100,000 claims: today's benchmark maps
  (thousands of small arguments, random cross-links) and a single-thesis
  debate (:func:`benchmarks.generate.thesis_plan`: one main conclusion, a
  random recursive tree about 10 levels deep, 10 % cross-links of every
  kind), with what the user got: files, diagrams, and the largest diagram
  in claims drawn in full.

Not a test: speed is measured here, never asserted. The machine has 2 cores;
``fast`` and ``split`` lay parts out in one dot process a core.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap import dump
from argmap.render import DotOptions, to_dot
from benchmarks.generate import build, kialo, plan, thesis_plan

__all__ = ["SETTINGS", "SHAPES", "by_shape", "dot_alone", "kialo_convert", "main", "whole_command"]

SHAPES = ("arguments", "single thesis")
"""The shapes of map measured: many small arguments with cross-links, and one debate under a single thesis."""

_CLAIM_NODE = re.compile(r'class="node claim(?: main)?"')  # a main conclusion is a claim drawn too

ARGMAP = str(Path(sys.executable).parent / "argmap")
SETTINGS = {
    "dot's own": [],
    "nslimit=0.2 mclimit=0.1": ["-Gnslimit=0.2", "-Gmclimit=0.1"],
    "nslimit=0.2 mclimit=0.1 splines=line": ["-Gnslimit=0.2", "-Gmclimit=0.1", "-Gsplines=line"],
}
"""Graphviz settings measured on the whole map: the flags given to dot."""


def dot_alone(claims: int, flags: list[str], timeout: float) -> float | None:
    """Return the seconds `dot -Tsvg` takes on the whole map's DOT, or ``None`` when stopped at *timeout*."""
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("the figures are of the system Graphviz: install it (apt install graphviz)")
    source = to_dot(build(plan(claims, relations_per_claim=1.1)), DotOptions()).encode("utf-8")
    start = time.perf_counter()
    try:
        subprocess.run([dot, "-Tsvg", *flags], input=source, capture_output=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def whole_command(claims: int, repeats: int, arguments: list[str]) -> tuple[float, str]:
    """Return the median seconds of `argmap render` on a map of *claims* claims, and what it said."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        dump(build(plan(claims, relations_per_claim=1.1)), path)
        times = []
        said = ""
        for _ in range(repeats):
            start = time.perf_counter()
            done = subprocess.run([ARGMAP, "render", str(path), *arguments], capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
            said = done.stderr.strip().replace(folder + "/", "")
    return statistics.median(times), said


def by_shape(shape: str, claims: int, repeats: int, timeout: float) -> dict[str, object]:
    """Return the median seconds of `argmap render` (its defaults, SVG) on a map of *shape*, and what it wrote.

    The figures: ``seconds`` (or ``stopped`` past *timeout*), ``cpu`` (the
    CPU time of the command and every Graphviz process it ran), ``files``
    written, ``diagrams`` among them (a split's overview is not one), the
    ``largest`` diagram in claims drawn in full, and the ``said`` line.
    """
    amap = build(thesis_plan(claims)) if shape == "single thesis" else build(plan(claims, relations_per_claim=1.1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.json"
        dump(amap, path)
        times = []
        cpu = []
        said = ""
        for _ in range(repeats):
            for old in Path(folder).glob("*.svg"):
                old.unlink()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            try:
                done = subprocess.run(
                    [ARGMAP, "render", str(path), "--timeout", str(timeout)],
                    capture_output=True,
                    text=True,
                    check=True,
                    timeout=timeout,
                )
            except subprocess.TimeoutExpired:
                return {"shape": shape, "claims": claims, "stopped": timeout}
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            said = done.stderr.strip().replace(folder + "/", "")
        written = sorted(Path(folder).glob("*.svg"))
        sizes = [len(_CLAIM_NODE.findall(svg.read_text(encoding="utf-8"))) for svg in written]
        diagrams = len(written) - 1 if len(written) > 1 else 1
    return {
        "shape": shape,
        "claims": claims,
        "seconds": statistics.median(times),
        "cpu": statistics.median(cpu),
        "files": len(written),
        "diagrams": diagrams,
        "largest": max(sizes),
        "drawn": sum(sizes),
        "said": said.splitlines()[0] if said else "",
    }


def kialo_convert(claims: int, repeats: int) -> tuple[float, float]:
    """Return the medians (wall-clock, CPU) of `argmap convert` of a generated Kialo export to native JSON."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "debate.txt"
        source.write_text(kialo(claims), encoding="utf-8")
        command = [ARGMAP, "convert", str(source), "-o", str(Path(folder) / "debate.json"), "--from", "kialo"]
        walls, cpus = [], []
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each whole command (default 3)")
    parser.add_argument("--dot-sizes", type=int, nargs="*", default=[1_000], help="map sizes for dot alone")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a dot run is stopped")
    parser.add_argument(
        "--shapes", type=int, nargs="*", help="only the render of both shapes, at these sizes (1,000 ... 100,000)"
    )
    parser.add_argument("--shape", choices=SHAPES, action="append", help="with --shapes: only this shape")
    parser.add_argument("--kialo", action="store_true", help="only `argmap convert` of a 20,000-claim Kialo export")
    chosen = parser.parse_args()
    if chosen.kialo:
        wall, cpu = kialo_convert(20_000, chosen.repeats)
        print(f"argmap convert, Kialo export of 20,000 claims to JSON: {wall:.2f} s wall-clock, {cpu:.2f} s CPU")
        return
    if chosen.shapes is not None:
        print(f"argmap render with its defaults, by shape (median of {chosen.repeats} under 20,000 claims):")
        for claims in chosen.shapes or (1_000, 5_000, 20_000, 100_000):
            for shape in chosen.shape or SHAPES:
                row = by_shape(shape, claims, chosen.repeats if claims < 20_000 else 1, 1_800.0)
                print(f"  {row}", flush=True)
        return
    print("dot -Tsvg alone on the whole map's DOT (1.1 relations a claim):")
    for claims in chosen.dot_sizes:
        for label, flags in SETTINGS.items():
            took = dot_alone(claims, flags, chosen.timeout)
            figure = f"{took:8.2f} s" if took is not None else f"> {chosen.timeout:g} s (stopped)"
            print(f"  {claims:>7,} claims, {label:40s} {figure}")
    print(f"argmap render, the whole command, median of {chosen.repeats}:")
    for claims, target in ((5_000, 30), (20_000, 60)):
        took, said = whole_command(claims, chosen.repeats, [])  # the defaults: fast at 5,000, split at 20,000
        print(f"  {claims:>7,} claims: {took:6.2f} s (target under {target} s)")
        for line in said.splitlines():
            print(f"      {line}")


if __name__ == "__main__":
    main()
