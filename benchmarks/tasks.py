"""Benchmark ICCMA's tasks (SE, DC, DS, EE) on real, dense and sparse frameworks, beside a clingo reference.

Run from the project root, after `make test` has built .venv::

    .venv/bin/python benchmarks/tasks.py                    # every measurement
    .venv/bin/python benchmarks/tasks.py --only dense-150 --only million

Each answer is one fresh process, timed from start to exit (reading the file
included, as ICCMA times solvers): argmap through its ICCMA entry point
(``python -m argmap.semantics.iccma``), the reference through
benchmarks/clingo_reference.py in a virtual environment of its own (clingo
from PyPI, pinned). Frameworks come from the corpus where it is present
(the ICCMA 2025 example instance, AFGen's samples) and from generators with
fixed seeds:

- **dense, AFGen's D(n, p, q)** (AFGen's guide, in the DL-abstract-argumentation
  repository): every pair of arguments is attacked with probability p, and
  an attack is mutual with probability q; AFGen's ``n150p3q34n`` is n = 150,
  p = 0.3, q = 0.34, about 4,500 attacks.
- **sparse, random**: n arguments and a·n distinct attacks chosen uniformly
  (no self-attack), the Erdős-Rényi-style family of ICCMA's generators
  (AFBenchGen2's ER graphs) at a fixed number of attacks per argument.
- **sparse, by size**: the same family at 1,000, 2,000 and 4,000 arguments
  (SE-PR only), to see how the hard part grows with the framework.
- **a million extensions**: 20 pairs of arguments that attack each other,
  2^20 = 1,048,576 preferred extensions, for memory and time to the first.

The machine is shared: figures are single runs unless said otherwise.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if not __package__:  # run as a script: this folder comes first on the path, and its html.py would hide the stdlib's
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from benchmarks.evaluation import CACHE, OURS, ROOT, framework_file, venv_python  # after the path fix above

CLINGO = "clingo==5.8.3"
REFERENCE = Path(__file__).resolve().parent / "clingo_reference.py"
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "external" / "iccma"
if not CORPUS.exists():  # a worktree sits one folder deeper than a checkout
    CORPUS = ROOT.parent / "shared" / "corpus" / "external" / "iccma"
ICCMA_2025 = CORPUS / "Solvers-for-ICCMA-2025" / "example" / "a1210993_20150717_0403.gml.80.af"
AFGEN_SAMPLE = CORPUS / "DL-abstract-argumentation" / "AFGen-samples" / "TGF" / "n150p3q34n.tgf"


def afgen_file(arguments: int, attack: float, mutual: float, seed: int) -> Path:
    """Write (once) an AFGen-style D(n, p, q) framework: each pair attacked with chance p, mutual with chance q."""
    path = CACHE / "frameworks" / f"afgen-{arguments}-{attack}-{mutual}-{seed}.af"
    if path.exists():
        return path
    rng = random.Random(seed)
    lines = [f"p af {arguments}"]
    for first in range(1, arguments + 1):
        for second in range(first + 1, arguments + 1):
            if rng.random() >= attack:
                continue
            if rng.random() < mutual:
                lines += [f"{first} {second}", f"{second} {first}"]
            elif rng.random() < 0.5:
                lines.append(f"{first} {second}")
            else:
                lines.append(f"{second} {first}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pairs_file(pairs: int) -> Path:
    """Write (once) *pairs* pairs of arguments attacking each other: 2**pairs preferred extensions."""
    path = CACHE / "frameworks" / f"pairs-{pairs}.af"
    if not path.exists():
        lines = [f"p af {2 * pairs}"]
        lines += [f"{2 * k + 1} {2 * k + 2}\n{2 * k + 2} {2 * k + 1}" for k in range(pairs)]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def tgf_as_af(tgf: Path) -> Path:
    """Write (once) a TGF file of the corpus as an .af file, arguments numbered in file order."""
    path = CACHE / "frameworks" / (tgf.stem + ".af")
    if not path.exists():
        from argmap.semantics.formats import af
        from argmap.semantics.formats import load as load_framework

        framework = load_framework(tgf)
        path.parent.mkdir(parents=True, exist_ok=True)
        af.dump(framework, path)
    return path


def timed(command: list[str], timeout: float) -> dict[str, Any]:
    """Run *command*; return its wall and CPU seconds and its output, or why it gave none.

    The CPU time (user and system, of the process and its children) says
    what the run cost where the wall time also says how loaded the machine was.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"status": f"> {timeout:.0f} s (stopped)"}
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return {"status": "failed: " + last[:160]}
    return {"seconds": seconds, "cpu": cpu, "output": done.stdout}


def ours(problem: str, path: Path, argument: str | None, timeout: float) -> dict[str, Any]:
    """Answer *problem* with argmap's ICCMA entry point; summarise the answer."""
    command = [str(OURS / "python"), "-m", "argmap.semantics.iccma", "-p", problem, "-f", str(path)]
    result = timed(command + (["-a", argument] if argument else []), timeout)
    output = result.pop("output", None)
    if output is not None:
        lines = output.splitlines()
        if problem.startswith("EE"):
            result["found"] = f"{len(lines)} extensions"
        elif problem.startswith("SE"):
            result["found"] = "no extension" if lines == ["NO"] else f"{len(lines[0].split()) - 1} arguments"
        else:
            result["found"] = lines[0]
    return result


def reference(problem: str, path: Path, argument: str | None, timeout: float) -> dict[str, Any]:
    """Answer *problem* with the clingo reference; summarise the answer."""
    python = venv_python("clingo", CLINGO)
    if isinstance(python, str):
        return {"status": python}
    result = timed([str(python), str(REFERENCE), problem, str(path), *([argument] if argument else [])], timeout)
    output = result.pop("output", None)
    if output is not None:
        found = json.loads(output)
        if "sizes" in found:
            result["found"] = f"{len(found['sizes'])} extensions"
        else:
            result["found"] = found.get("answer", found.get("count"))
    return result


def figure(row: dict[str, Any]) -> str:
    """Return a row's figure in words: seconds, or why there is none."""
    return f"{row['seconds']:.2f} s (CPU {row['cpu']:.2f} s)" if "seconds" in row else row["status"]


def compare(name: str, problem: str, path: Path, arguments: list[str | None], timeout: float) -> list[dict[str, Any]]:
    """Answer *problem* for each argument, argmap then clingo, printing a table row each."""
    rows = []
    for argument in arguments:
        for library, run in (("argmap", ours), ("clingo", reference)):
            row = run(problem, path, argument, timeout) | {
                "measurement": name,
                "problem": problem,
                "argument": argument,
                "library": library,
            }
            rows.append(row)
            print(f"| {name} | {problem} | {argument or ''} | {library} | {figure(row)} | {row.get('found', '')} |")
            sys.stdout.flush()
    return rows


def some_arguments(path: Path, count: int, seed: int) -> list[str | None]:
    """Return *count* argument numbers of the .af file *path*, drawn with *seed*."""
    size = int(path.read_text(encoding="utf-8").split("\n", 1)[0].split()[2])
    return [str(number) for number in random.Random(seed).sample(range(1, size + 1), count)]


def million(timeout: float) -> dict[str, Any]:
    """Enumerate 2**20 preferred extensions through `argmap evaluate`: peak memory, time to the first line."""
    path = pairs_file(20)
    command = [str(OURS / "argmap"), "evaluate", str(path), "--semantics", "preferred"]
    start = time.perf_counter()
    first = None
    lines = 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for _ in process.stdout:
            if first is None:
                first = time.perf_counter() - start
            lines += 1
            if time.perf_counter() - start > timeout:
                process.kill()
                break
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux
    row = {"measurement": "million", "first": first, "seconds": total, "extensions": lines, "peak_mb": peak}
    print(f"| million | EE-PR | | argmap | first after {first:.2f} s, {lines} in {total:.1f} s | peak {peak:.0f} MB |")
    return row


MEASUREMENTS = ("million", "iccma-2025", "dense-150", "afgen-sample", "sparse-10k", "sparse-sizes")
"""Every measurement, by name, in the order run."""


def measure_all(wanted: set[str], seed: int = 2026) -> list[dict[str, Any]]:
    """Run the measurements in *wanted*, printing a table row as each ends; return every row."""
    rows: list[dict[str, Any]] = []
    print("| measurement | problem | argument | library | time | found |\n|---|---|---|---|---|---|")
    if "million" in wanted:  # first: it needs the children's peak memory to be its own
        rows.append(million(600))
    if "iccma-2025" in wanted and ICCMA_2025.exists():
        rows += compare("iccma-2025", "SE-PR", ICCMA_2025, [None], 120)
        for problem in ("DC-PR", "DS-PR"):
            rows += compare("iccma-2025", problem, ICCMA_2025, some_arguments(ICCMA_2025, 5, seed), 120)
    if "dense-150" in wanted:
        path = afgen_file(150, 0.3, 0.34, seed)
        for problem in ("EE-PR", "EE-ST", "EE-CO"):
            rows += compare("dense-150", problem, path, [None], 300)
    if "afgen-sample" in wanted and AFGEN_SAMPLE.exists():
        path = tgf_as_af(AFGEN_SAMPLE)
        for problem in ("EE-PR", "EE-ST", "EE-CO"):
            rows += compare("afgen-n150p3q34n", problem, path, [None], 300)
    if "sparse-10k" in wanted:
        path = framework_file(10_000, 4.0, seed)
        rows += compare("sparse-10k", "SE-PR", path, [None], 60)
        chosen = some_arguments(path, 10, seed)
        for problem in ("DC-PR", "DS-PR"):
            rows += compare("sparse-10k", problem, path, chosen[:3], 60)
    if "sparse-sizes" in wanted:  # how the hard part grows with the framework, at the same density
        for arguments in (1_000, 2_000, 4_000):
            rows += compare(f"sparse-{arguments // 1000}k", "SE-PR", framework_file(arguments, 4.0, seed), [None], 60)
    return rows


def table(rows: list[dict[str, Any]]) -> list[str]:
    """Return the rows as a Markdown table for docs/performance.md: wall time, with the CPU time beside it."""
    lines = ["| framework | problem | argument | library | wall (CPU) | found |", "|---|---|---|---|---|---|"]
    for row in rows:
        if row["measurement"] == "million":
            first = f"first after {row['first']:.2f} s" if row["first"] is not None else "none"
            said = f"{first}, {row['extensions']:,} in {row['seconds']:.1f} s"
            lines.append(f"| million (2²⁰ extensions) | EE-PR | | argmap | {said} | peak {row['peak_mb']:.0f} MB |")
            continue
        argument = row.get("argument") or ""
        shown = f"| {row['measurement']} | {row['problem']} | {argument} | {row['library']} | {figure(row)} |"
        lines.append(f"{shown} {row.get('found', '')} |")
    return lines


def main() -> None:
    """Run the measurements named on the command line (all by default) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=MEASUREMENTS, help="run only this one (repeatable)")
    parser.add_argument("--seed", type=int, default=2026, help="the seed of the generated frameworks")
    options = parser.parse_args()
    rows = measure_all(set(options.only or MEASUREMENTS), options.seed)
    out = CACHE / f"tasks-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
