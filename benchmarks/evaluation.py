"""Benchmark argmap's semantics against the Python libraries users would otherwise install.

Run from the project root, after `make test` has built .venv::

    .venv/bin/python benchmarks/evaluation.py            # every measurement, 5 repeats
    .venv/bin/python benchmarks/evaluation.py --repeat 3 --only grounded-command

It writes random frameworks (fixed seeds) as ICCMA .af files under
benchmarks/.cache/frameworks/, makes one virtual environment per peer under
benchmarks/.cache/venvs/ (pip, from PyPI), and runs every measurement in a
fresh process, ours and the peers' interleaved, printing the median of the
repeats as a Markdown table (and every figure as JSON in benchmarks/.cache/).
A peer that cannot be installed, fails, or runs past the time limit is
reported as such. The machine is shared: medians of several runs, not one.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
OURS = ROOT / ".venv" / "bin"

PEERS = {
    "formal-argumentation": "formal-argumentation==0.3.0",
    "python-argumentation": "python-argumentation==2.0.2",
    "afsolver": "afsolver==0.1.1",
}
"""The peers, pinned to the versions measured."""

# One driver per library: read an .af file, run one task, print what it found and how long the task took.
# Arguments: the file and the task (grounded, preferred, first-preferred, or grounded-json for a whole command).
DRIVERS = {
    "argmap": """
import json, sys, time
from argmap.semantics import grounded, preferred
from argmap.semantics.formats import af
path, task = sys.argv[1:3]
framework = af.load(path)
start = time.perf_counter()
if task == "grounded":
    found = [grounded(framework)]
elif task == "preferred":
    found = list(preferred(framework))
else:
    found = [next(preferred(framework))]
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "sizes": sorted(len(extension) for extension in found)}))
""",
    "formal-argumentation": """
import json, sys, time
from argumentation.interop.iccma import parse_af
from argumentation.core.dung import grounded_extension
from argumentation.core.scc_recursive import scc_extensions
path, task = sys.argv[1:3]
framework = parse_af(open(path, encoding="utf-8").read())
if task == "grounded-json":
    extension = grounded_extension(framework)
    print(json.dumps({"semantics": "grounded", "extensions": [sorted(extension, key=int)]}))
    sys.exit()
start = time.perf_counter()
if task == "grounded":
    found = [grounded_extension(framework)]
else:
    found = scc_extensions(framework, "preferred")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "sizes": sorted(len(extension) for extension in found)}))
""",
    "python-argumentation": """
import json, sys, time
from py_arg.import_export.argumentation_framework_from_iccma23_format_reader import (
    ArgumentationFrameworkFromICCMA23FormatReader as Reader,
)
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
path, task = sys.argv[1:3]
framework = Reader.from_iccma23(open(path, encoding="utf-8").read())
if task == "grounded-json":
    extension = get_grounded_extension(framework)
    names = sorted((argument.name[1:] for argument in extension), key=int)
    print(json.dumps({"semantics": "grounded", "extensions": [names]}))
    sys.exit()
start = time.perf_counter()
if task == "grounded":
    found = [get_grounded_extension(framework)]
else:
    found = list(get_preferred_extensions(framework))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "sizes": sorted(len(extension) for extension in found)}))
""",
}


def framework_file(arguments: int, density: float, seed: int) -> Path:
    """Write (once) a random framework: *arguments* arguments, density x arguments distinct attacks, no self-attack."""
    path = CACHE / "frameworks" / f"random-{arguments}-{density}-{seed}.af"
    if path.exists():
        return path
    rng = random.Random(seed)
    wanted = round(density * arguments)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < wanted:
        attacker, target = rng.randrange(arguments), rng.randrange(arguments)
        if attacker != target:
            attacks.add((attacker, target))
    lines = [f"p af {arguments}"] + [f"{a + 1} {t + 1}" for a, t in sorted(attacks)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def peer_python(name: str) -> Path | str:
    """Return the Python of the peer's own virtual environment, made on first use, or why it cannot be had."""
    if name == "argmap":
        return OURS / "python"
    return venv_python(name, PEERS[name])


def venv_python(name: str, requirement: str) -> Path | str:
    """Return the Python of a virtual environment of its own holding *requirement*, made on first use.

    The environment lives under benchmarks/.cache/venvs/*name*; where pip
    cannot install the requirement, the reason is returned instead, in words
    for the table.
    """
    folder = CACHE / "venvs" / name
    python = folder / "bin" / "python"
    if (folder / ".ready").exists():
        return python
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", requirement], capture_output=True, text=True, check=False
    )
    if installed.returncode != 0:
        lines = [line for line in installed.stderr.splitlines() if line.startswith("ERROR")]
        needs = re.search(r"Requires-Python ([^\s;]+)", installed.stderr)
        if needs:  # pip's own line lists every version it ignored
            return f"not installable here: needs Python {needs[1]}, this is {platform.python_version()}"
        return "not installable here: " + (lines[0].removeprefix("ERROR: ") if lines else "pip failed")
    (folder / ".ready").touch()
    return python


def median_seconds(repeat: int, work: Callable[[], object]) -> float:
    """Return the median wall time of *repeat* calls of *work*, in this process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(command: list[str], timeout: float) -> tuple[float, str] | str:
    """Run *command*; return (wall seconds, stdout), or why it gave no answer."""
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s (stopped)"
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return "failed: " + ("out of memory" if "MemoryError" in last else last[:120])
    return seconds, done.stdout


def command_for(library: str, python: Path, path: Path, task: str) -> list[str]:
    """Return the command that runs *task* on *path* with *library*."""
    if task == "grounded-command" and library == "argmap":
        return [str(OURS / "argmap"), "evaluate", str(path), "--semantics", "grounded", "--json"]
    if task == "grounded-command":
        return [str(python), "-c", DRIVERS[library], str(path), "grounded-json"]
    return [str(python), "-c", DRIVERS[library], str(path), task]


def measure(libraries: dict[str, int], path: Path, task: str, timeout: float) -> list[dict[str, Any]]:
    """Time *task* on *path*, each library in fresh processes, round-robin, as many runs as *libraries* says.

    Returns a row per library: the median and every run, what it found, or why it gave no figure.
    """
    rows: dict[str, dict[str, Any]] = {}
    commands: dict[str, list[str]] = {}
    for library in libraries:
        python = peer_python(library)
        if isinstance(python, str):
            rows[library] = {"library": library, "status": python}
        else:
            rows[library] = {"library": library, "runs": []}
            commands[library] = command_for(library, python, path, task)
    for round_number in range(max(libraries.values())):
        for library, command in commands.items():
            row = rows[library]
            if "status" in row or round_number >= libraries[library]:
                continue
            result = run(command, timeout)
            if isinstance(result, str):
                row["status"] = result
                continue
            wall, output = result
            found = json.loads(output)
            row["runs"].append(wall if task == "grounded-command" else found.pop("seconds"))
            if task == "grounded-command":
                # argmap prints JSON Lines (one extension a line), the peers' drivers one document.
                first = found if isinstance(found, list) else found["extensions"][0]
                found = {"first-extension": len(first)}
            row["found"] = found
    for row in rows.values():
        if "status" not in row:
            row["median"] = statistics.median(row["runs"])
    return list(rows.values())


MEASUREMENTS = [
    # name, arguments, attacks per argument, task, peers, repeats for the slow peers, time limit
    ("grounded-command", 100_000, 1.5, "grounded-command", ["formal-argumentation"], 5, 120),
    ("grounded-command-2k", 2_000, 1.5, "grounded-command", ["formal-argumentation", "python-argumentation"], 3, 120),
    ("grounded-1m", 1_000_000, 1.5, "grounded", ["formal-argumentation"], 1, 300),
    ("preferred-1k-1.5", 1_000, 1.5, "preferred", ["formal-argumentation", "python-argumentation", "afsolver"], 3, 120),
    ("preferred-1k-4", 1_000, 4.0, "preferred", ["formal-argumentation", "python-argumentation"], 1, 120),
    ("preferred-10k-1.5", 10_000, 1.5, "preferred", ["formal-argumentation"], 3, 120),
    ("first-preferred-10k-4", 10_000, 4.0, "first-preferred", [], 1, 300),
]


def spread(arguments: int, density: float, seeds: range, timeout: float) -> dict[str, Any]:
    """Time all preferred extensions by argmap on one framework per seed: random instances vary a lot."""
    times: list[float] = []
    counts: list[int] = []
    for seed in seeds:
        path = framework_file(arguments, density, seed)
        result = run(command_for("argmap", OURS / "python", path, "preferred"), timeout)
        if isinstance(result, str):
            return {"status": f"seed {seed}: {result}", "runs": times}
        found = json.loads(result[1])
        times.append(found["seconds"])
        counts.append(len(found["sizes"]))
    return {"median": statistics.median(times), "max": max(times), "runs": times, "extensions": counts}


def measure_all(repeat: int, seed: int, spread_over: int, only: list[str] | None = None) -> list[dict[str, Any]]:
    """Run the measurements (those in *only*, or all), printing a row as each ends; return every row."""
    results = []
    for name, arguments, density, task, peers, slow_repeat, timeout in MEASUREMENTS:
        if only and name not in only:
            continue
        path = framework_file(arguments, density, seed)
        libraries = {"argmap": repeat} | {peer: min(slow_repeat, repeat) for peer in peers}
        for row in measure(libraries, path, task, timeout):
            row |= {"measurement": name, "arguments": arguments, "density": density}
            results.append(row)
            figure = f"{row['median']:.3f} s" if "median" in row else row["status"]
            found = row.get("found", "")
            print(f"| {name} | {arguments} | {density} | {row['library']} | {figure} | {found} |", flush=True)
    if spread_over and (not only or "spread" in only):
        seeds = range(seed + 1, seed + 1 + spread_over)
        row = spread(1_000, 4.0, seeds, 120) | {"measurement": "preferred-1k-4-spread", "seeds": list(seeds)}
        results.append(row)
        figure = f"median {row['median']:.3f} s, max {row['max']:.3f} s" if "median" in row else row["status"]
        print(f"| preferred-1k-4 over {spread_over} more seeds | 1000 | 4.0 | argmap | {figure} | |", flush=True)
    return results


def main() -> None:
    """Run the measurements named on the command line (all by default) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement of ours (median reported)")
    parser.add_argument("--only", action="append", help="run only this measurement (repeatable)")
    parser.add_argument("--seed", type=int, default=2026, help="the seed of the random frameworks")
    parser.add_argument("--spread", type=int, default=10, help="further seeds for preferred at 1,000 x 4 (0: none)")
    options = parser.parse_args()
    results = measure_all(options.repeat, options.seed, options.spread, options.only)
    out = CACHE / f"results-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
