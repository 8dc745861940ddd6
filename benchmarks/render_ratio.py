"""How much time `argmap render` adds to Graphviz's own: `python -m benchmarks.render_ratio`.

Measures, each as the median of several runs:

- `argmap render map.json -o map.svg` on a 1,000-claim map (one relation a
  claim: at the generator's 1.5, dot's layout of the random cross-links takes
  minutes), the whole command as a user runs it, divided by `dot -Tsvg` alone
  on the DOT that command produced (target: at most 1.3; the layout is the floor);
- `argmap --help` (target: under 0.3 s);
- with `--thesis`, only that ratio, on the single-thesis debate of
  1,000 claims (target: at most 1.2), optionally beside another checkout's
  `argmap` (`--against`);
- with `--dot`, only the whole `argmap render map.json -f dot` (start-up, load,
  DOT; target under 0.12 s of CPU), on the benchmark map and the single-thesis
  debate, optionally beside another checkout's `argmap` (`--against`), with
  Python's compiled bytecode cached as an installed argmap has it;
- `to_dot` of a 10,000-claim map (15,000 relations) with full styling: frames
  by source, the claim-style hook on every other claim and its legend
  (target: under 0.2 s).

The runs of the two commands alternate, so that a machine busy with other
work slows both alike. Each command's CPU time (user and system, from the
operating system's accounting of child processes) is measured beside its
wall-clock time: on a machine shared with other work, the wall-clock ratio
swings with the load and the CPU-time ratio does not.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from argmap import Claim, dump
from argmap.render import ClaimStyle, DotOptions, to_dot
from benchmarks.generate import build, plan, thesis_plan

__all__ = ["main"]

ARGMAP = str(Path(sys.executable).parent / "argmap")


def _seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, check=True, capture_output=True, env=env)


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run *command*; return its wall-clock and its CPU time (user and system), in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _seconds(lambda: _run(command, env))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def render_ratio(
    claims: int, repeats: int, *, thesis: bool = False, against: str | None = None
) -> dict[str, tuple[float, float]]:
    """Return the medians (wall-clock, CPU) of the whole `argmap render` command and of `dot -Tsvg` alone.

    With *thesis*, of the single-thesis debate (benchmarks.generate.thesis_plan)
    rather than the benchmark map; the figures also hold ``"argmap -f dot"``,
    the whole command writing DOT (start-up, load and ``to_dot``, no Graphviz).
    argmap runs with its compiled bytecode cached, as an installed one does
    (see :func:`dot_command`). With *against*, another ``argmap`` executable
    runs the same commands too (``"against"``, ``"against -f dot"``), its runs
    alternating with ours.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("the ratio is to the system Graphviz: install it (apt install graphviz)")
    executables = {"argmap": ARGMAP} if against is None else {"argmap": ARGMAP, "against": against}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        amap = build(thesis_plan(claims)) if thesis else build(plan(claims, relations_per_claim=1.0))
        dump(amap, base / "map.json")
        env = _bytecode_cached(base)
        commands: dict[str, list[str]] = {}
        for name, executable in executables.items():
            render = [executable, "render", str(base / "map.json")]
            commands[name] = [*render, "-o", str(base / f"{name}.svg")]
            commands[f"{name} -f dot"] = [*render, "-f", "dot", "-o", str(base / f"{name}.dot")]
        for command in commands.values():
            _run(command, env)  # writes the bytecode the timed runs read
        commands["dot"] = [dot, "-Tsvg", str(base / "argmap.dot"), "-o", str(base / "dot.svg")]
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(repeats):
            for name, command in commands.items():
                runs[name].append(_timed(command, None if name == "dot" else env))
    return {
        name: (statistics.median(wall for wall, _ in timed), statistics.median(cpu for _, cpu in timed))
        for name, timed in runs.items()
    }


def dot_command(claims: int, repeats: int, against: str | None = None) -> dict[str, float]:
    """Return the median CPU time of the whole `argmap render map.json -f dot` on each 1,000-claim map, in seconds.

    Start-up, loading and ``to_dot``, no Graphviz: the benchmark map (one
    relation a claim, as above) and the single-thesis debate. With *against*,
    another ``argmap`` executable (say, a checkout of main's) is run too, its
    runs alternating with ours so that the machine's load falls on both alike.

    Python's compiled bytecode is kept in a folder of the run's own
    (``PYTHONPYCACHEPREFIX``), written by a first run of each command that is
    not timed: both checkouts start as an installed argmap does (pip compiles
    it), whether or not their folders hold ``__pycache__``, and whatever
    ``PYTHONDONTWRITEBYTECODE`` says (with it and no cache, every module of
    argmap is compiled from source on every run: 0.06 s more, see docs/performance.md).
    """
    commands = {"argmap": ARGMAP} if against is None else {"argmap": ARGMAP, "against": against}
    found: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        dump(build(plan(claims, relations_per_claim=1.0)), base / "map.json")
        dump(build(thesis_plan(claims)), base / "thesis.json")
        env = _bytecode_cached(base)
        for shape in ("map", "thesis"):
            runs: dict[str, list[float]] = {name: [] for name in commands}
            for number in range(repeats + 1):
                for name, executable in commands.items():
                    command = [executable, "render", str(base / f"{shape}.json"), "-f", "dot"]
                    cpu = _timed([*command, "-o", str(base / f"{shape}-{name}.dot")], env)[1]
                    if number:  # the first run writes the bytecode
                        runs[name].append(cpu)
            found.update({f"{name}, {shape}": statistics.median(cpus) for name, cpus in runs.items()})
    return found


def _bytecode_cached(base: Path) -> dict[str, str]:
    """Return the environment that keeps argmap's compiled bytecode under *base*, as an installed argmap has it.

    Whatever ``PYTHONDONTWRITEBYTECODE`` says: with it and no cache, every
    module of argmap is compiled from source on every run (0.06 s more).
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(base / "bytecode")
    return env


def help_time(repeats: int) -> float:
    """Return the median time of `argmap --help`, in seconds."""
    return statistics.median(_seconds(lambda: _run([ARGMAP, "--help"])) for _ in range(repeats))


def to_dot_time(claims: int, repeats: int) -> tuple[float, float]:
    """Return the medians (wall-clock, CPU) of to_dot on a map of *claims* claims with full styling, in seconds."""
    amap = build(plan(claims))
    accepted = ClaimStyle(fill="#D9EFE6", border="#009E73", border_style="bold", badge="✓ accepted")

    def every_other(claim: Claim) -> ClaimStyle | None:
        return accepted if claim.id[-1] in "02468" else None

    options = DotOptions(group_by="source", claim_style=every_other, extra_legend=(("It stands.", accepted),))
    walls, cpus = [], []
    for _ in range(repeats):
        cpu = time.process_time()
        walls.append(_seconds(lambda: to_dot(amap, options)))
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Measure and print the three figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeats", type=int, default=7, help="runs of each measurement (default 7)")
    parser.add_argument("--thesis", action="store_true", help="only the ratio, on the single-thesis debate")
    parser.add_argument("--dot", action="store_true", help="only the whole `argmap render -f dot`, CPU time")
    parser.add_argument("--against", help="with --dot or --thesis: another argmap executable to time beside this one")
    chosen = parser.parse_args()
    repeats = chosen.repeats
    if chosen.dot:
        for name, cpu in dot_command(1_000, repeats, chosen.against).items():
            print(f"argmap render -f dot, 1,000 claims, {name}: {cpu:.3f} s CPU (median of {repeats}, bytecode cached)")
        return
    if chosen.thesis:
        figures = render_ratio(1_000, repeats, thesis=True, against=chosen.against)
        for name, (wall, cpu) in figures.items():
            print(f"single thesis, 1,000 claims, {name}: {wall:.3f} s wall-clock, {cpu:.3f} s CPU")
        theirs, their_cpu = figures["dot"]
        for name in ("argmap", "against"):
            if name in figures:
                ours, our_cpu = figures[name]
                print(f"ratio, {name}: {ours / theirs:.2f} wall-clock, {our_cpu / their_cpu:.2f} CPU")
        return
    figures = render_ratio(1_000, repeats)
    (ours, our_cpu), (theirs, their_cpu) = figures["argmap"], figures["dot"]
    print(f"medians of {repeats} runs         wall-clock    CPU time")
    print(f"argmap render, 1,000 claims:  {ours:8.3f} s  {our_cpu:8.3f} s")
    print(f"dot -Tsvg alone on its DOT:   {theirs:8.3f} s  {their_cpu:8.3f} s")
    print(f"ratio (target <= 1.3):        {ours / theirs:8.3f}    {our_cpu / their_cpu:8.3f}")
    print(f"argmap --help (target < 0.3 s):        {help_time(repeats * 2):.3f} s wall-clock")
    wall, cpu = to_dot_time(10_000, repeats)
    print(f"to_dot, 10,000 claims, full styling:   {wall:.3f} s wall-clock, {cpu:.3f} s CPU (target < 0.2 s)")


if __name__ == "__main__":
    main()
