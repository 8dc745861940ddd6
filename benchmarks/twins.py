"""How long evaluate's arguments take where many share a conclusion and a last support: `python -m benchmarks.twins`.

An argument whose basis holds that of a twin (same conclusion, same last
support) is left out. The plain test (tests/plain_evaluate.py, what
argmap.evaluate did before) tried every kept twin; the filed test tries
few. Both run here in the same run, on the same maps, in fresh processes,
interleaved, and their CPU time (user + system) is compared: the machine is
shared, so wall time would mostly measure the others' load.

Measured on each map: ``_arguments`` alone in process, and the whole
``argmap evaluate MAP -s grounded`` and ``-s preferred`` commands (start-up,
load, arguments, semantics, verdicts, output), each with its exit code (2:
refused by a limit). Prints one Markdown row per measurement, with the
median of the repeats.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from argmap.formats import native
from benchmarks.generate import MapPlan, build, plan, thesis_plan

ROOT = Path(__file__).resolve().parent.parent

MAPS: dict[str, Callable[[], MapPlan]] = {
    "benchmark 1,000": lambda: plan(1000),
    "benchmark 300": lambda: plan(300),
    "single thesis 1,000": lambda: thesis_plan(1000),
    "single thesis 5,000": lambda: thesis_plan(5000),
}
"""The maps measured: the benchmark's shape at 1,000 claims (refused: too many arguments) and at 300 (17,474
arguments, under the limit), and the single-thesis shape."""

# Runs argmap's command line, with the plain twin test in place of the filed one when told "plain".
_COMMAND = """
import sys
import argmap.evaluate
if sys.argv[1] == "plain":
    from tests.plain_evaluate import plain_arguments
    sys.modules["argmap.evaluate"]._arguments = plain_arguments
from argmap.cli import app
sys.argv = ["argmap", *sys.argv[2:]]
app()
"""

# Times _arguments alone, after loading the map; prints CPU seconds and how many arguments (or "refused").
_ARGUMENTS = """
import json, sys, time
import argmap.evaluate
from argmap.errors import LimitError
from argmap.formats import native
from tests.plain_evaluate import plain_arguments
module = sys.modules["argmap.evaluate"]
amap = native.load(sys.argv[2])
build = plain_arguments if sys.argv[1] == "plain" else module._arguments
start = time.process_time()
try:
    found = len(build(amap)[0])
except LimitError:
    found = "refused"
print(json.dumps({"seconds": time.process_time() - start, "arguments": found}))
"""


def child_seconds(command: list[str], limit: float) -> tuple[float, int, str] | None:
    """Run *command*; return its CPU seconds (user + system), exit code and standard output, or None past *limit*.

    *limit* is CPU seconds, enforced by the kernel (RLIMIT_CPU), so that a
    run stops at the same work however loaded the machine is.
    """

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (int(limit), int(limit) + 1))

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, preexec_fn=limited)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode < 0:  # killed by SIGXCPU or SIGKILL at the limit
        return None
    return seconds, done.returncode, done.stdout


def measure(path: Path, repeat: int, slow: float, limit: float) -> list[tuple[str, str, str, str]]:
    """Return (what, which test, median CPU seconds, outcome) for each measurement on the map at *path*.

    The plain and filed tests alternate; a plain run that took more than
    *slow* seconds is not repeated, nor any run stopped at *limit* CPU seconds.
    """
    rows = []
    for what in ("_arguments", "evaluate -s grounded", "evaluate -s preferred"):
        for which in ("plain", "filed"):
            runs: list[float] = []
            outcome = ""
            for _ in range(repeat):
                if what == "_arguments":
                    command = [sys.executable, "-c", _ARGUMENTS, which, str(path)]
                else:
                    semantics = what.rsplit(" ", 1)[1]
                    command = [sys.executable, "-c", _COMMAND, which, "evaluate", str(path), "-s", semantics]
                done = child_seconds(command, limit)
                if done is None:
                    outcome = f"stopped at {limit:.0f} s CPU"
                    break
                seconds, code, out = done
                if what == "_arguments":  # its own CPU time, without start-up and loading
                    figures = json.loads(out)
                    seconds, found = figures["seconds"], figures["arguments"]
                    outcome = "refused" if found == "refused" else f"{found:,} arguments"
                else:
                    outcome = f"exit {code}"
                runs.append(seconds)
                if which == "plain" and seconds > slow:
                    break
            figure = f"{statistics.median(runs):.2f} s" if runs else f"> {limit:.0f} s"
            rows.append((what, which, figure, outcome))
    return rows


def main() -> None:
    """Print a row per map, measurement and test."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--slow", type=float, default=20.0, help="seconds past which a plain run is not repeated")
    parser.add_argument("--limit", type=float, default=300.0, help="CPU seconds past which a run is stopped")
    parser.add_argument("--only", action="append", choices=list(MAPS), help="measure only this map (repeatable)")
    options = parser.parse_args()
    print("| map | measured | plain test (before) | filed test (now) | outcome |")
    print("|---|---|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in MAPS.items():
            if options.only and name not in options.only:
                continue
            path = Path(folder) / "map.json"
            native.dump(build(make()), path)
            rows = measure(path, options.repeat, options.slow, options.limit)
            for (what, _, plain, _), (_, _, filed, outcome) in zip(rows[::2], rows[1::2], strict=True):
                print(f"| {name} | `{what}` | {plain} | {filed} | {outcome} |", flush=True)


if __name__ == "__main__":
    main()
