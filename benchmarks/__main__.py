"""Run every benchmark and write the figures into docs/performance.md: `make bench` (or `python -m benchmarks`).

Maps and frameworks are generated with fixed seeds (benchmarks/generate.py,
benchmarks/evaluation.py); each measurement is the median of several runs in
fresh processes; the peers run the same work, in the same run, each in a
virtual environment of its own under benchmarks/.cache/. The figures and the
targets they are held to go between the markers of docs/performance.md, with
the machine and the date; the prose around them is written by hand.

``--quick`` measures fewer sizes and runs, for a first look; its figures are
not written into the docs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import big_maps, evaluation, maps, render_ratio, tasks
from benchmarks.evaluation import CACHE, ROOT

PAGE = ROOT / "docs" / "performance.md"
_BLOCK = re.compile(r"(<!-- bench: start -->\n)(.*?)(<!-- bench: end -->)", re.S)


def machine() -> str:
    """Describe the machine the figures come from: processor, cores, memory, load, Python, Graphviz."""
    model = "unknown processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total = int(meminfo.read_text(encoding="ascii").split()[1]) / 1024 / 1024
        memory = f", {total:.0f} GiB of memory"
    dot = shutil.which("dot")
    graphviz = "no system Graphviz"
    if dot:
        said = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False).stderr.strip()
        graphviz = said.replace("dot - graphviz version", "Graphviz").split(" (")[0]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{model}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, {graphviz}; "
        f"load average {load} when the run began"
    )


def _seconds(value: Any) -> str:
    if not isinstance(value, (int, float)):
        return str(value)
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value:.2f} s"


def _verdict(measured: float, target: float, better: Callable[[float, float], bool]) -> str:
    return "met" if better(measured, target) else "**not met**"


def _below(measured: float, target: float) -> bool:
    return measured < target


def _at_least(measured: float, target: float) -> bool:
    return measured >= target


def render_page(results: dict[str, Any]) -> str:
    """Return the generated part of docs/performance.md: machine, targets, and every table."""
    figures = {(row["claims"], row["library"], row["what"]): row["figure"] for row in results["maps"]}
    # Rows without a library (the spread over seeds) are argmap's own.
    evaluated = {(row["measurement"], row.get("library", "argmap")): row for row in results["evaluation"]}

    def ours(claims: int, what: str) -> float | None:
        value = figures.get((claims, "argmap", what))
        return value if isinstance(value, (int, float)) else None

    def median(measurement: str, library: str) -> float | None:
        value = evaluated.get((measurement, library), {}).get("median")
        return value if isinstance(value, float) else None

    def evaluated_ours(measurement: str) -> float | str | None:
        """Return argmap's median for *measurement*, or why there is none ("> 300 s (stopped)")."""
        seconds = median(measurement, "argmap")
        return seconds if seconds is not None else evaluated.get((measurement, "argmap"), {}).get("status")

    def thesis(claims: int) -> float | None:
        """Return the seconds of `argmap render` on the single-thesis map of *claims* claims, if measured."""
        for row in results.get("shapes", []):
            if row["shape"] == "single thesis" and row["claims"] == claims and "seconds" in row:
                return float(row["seconds"])
        return None

    render = results["render"]
    grounded, peer = median("grounded-command", "argmap"), median("grounded-command", "formal-argumentation")
    speedup = peer / grounded if grounded and peer else None
    targets = [
        ("build 100,000 claims through the builder", ours(100_000, "build"), 1.0, _below),
        ("`to_dot`, 10,000 claims, full styling", render["to_dot 10,000"], 0.2, _below),
        ("native JSON, load 100,000 claims from a file", ours(100_000, "load from file"), 1.0, _below),
        ("`argmap render`, 1,000 claims, ÷ `dot -Tsvg` alone", render["ratio"], 1.3, lambda m, t: m <= t),
        (
            "single thesis, 1,000 claims: `argmap render` ÷ `dot -Tsvg` alone, CPU",
            render.get("thesis cpu ratio"),
            1.2,
            lambda m, t: m <= t,
        ),
        (
            "`argmap render -f dot`, 1,000 claims, whole command, CPU (the slower of both shapes)",
            render.get("render -f dot"),
            0.12,
            _below,
        ),
        ("`argmap --help`", render["help"], 0.3, _below),
        ("`argmap render`, 5,000 claims, one SVG, whole command", results["big"].get("5000", [None])[0], 30, _below),
        (
            "`argmap render`, 20,000 claims, a useful result, whole command",
            results["big"].get("20000", [None])[0],
            60,
            _below,
        ),
        ("peak memory loading a 100,000-claim map (MB)", ours(100_000, "peak loading the saved map (MB)"), 200, _below),
        ("`check`, 100,000 claims", ours(100_000, "check"), 0.4, _below),
        ("`outline`, 100,000 claims", ours(100_000, "outline"), 2.0, _below),
        ("AIF load, 100,000 claims", ours(100_000, "AIF loads"), 2.0, _below),
        ("Argdown load, 10,000 claims", ours(10_000, "Argdown loads"), 0.4, _below),
        ("single thesis, 5,000 claims, one SVG, whole command", thesis(5_000), 10, _below),
        ("single thesis, 20,000 claims, a useful result, whole command", thesis(20_000), 60, _below),
        ("single thesis, 100,000 claims, a useful result, whole command", thesis(100_000), 300, _below),
        ("Kialo export, 20,000 claims: `argmap convert` to JSON", (results.get("kialo") or [None])[0], 2, _below),
        ("grounded, whole command, 100,000 arguments: times faster than formal-argumentation", speedup, 3, _at_least),
        ("grounded, 1,000,000 arguments, in process", evaluated_ours("grounded-1m"), 2.0, _below),
        ("preferred, all, 1,000 arguments at 1.5 attacks each", evaluated_ours("preferred-1k-1.5"), 0.05, _below),
        ("preferred, all, 1,000 arguments at 4 attacks each", evaluated_ours("preferred-1k-4"), 2.0, _below),
        ("preferred, all, 10,000 arguments at 1.5 attacks each", evaluated_ours("preferred-10k-1.5"), 1.0, _below),
        (
            "stretch: first preferred, 10,000 arguments at 4 attacks each",
            evaluated_ours("first-preferred-10k-4"),
            60,
            _below,
        ),
    ]

    lines = [
        f"**Measured** {results['date']} on {results['machine']}.",
        "",
        "### Targets",
        "",
        "| target | measured | goal | |",
        "|---|---|---|---|",
    ]
    for name, measured, goal, better in targets:
        unit = " MB" if "(MB)" in name else "" if "times" in name or "÷" in name else " s"
        if not isinstance(measured, (int, float)):  # stopped at its time limit, or not run
            shown = measured or "—"
            verdict = "**not met**" if shown.startswith(">") else "not measured"
        else:
            shown = _seconds(measured) if unit == " s" else f"{measured:.0f}{unit}" if unit else f"{measured:.2f}"
            verdict = _verdict(measured, goal, better)
        name = name.replace(" (MB)", "")
        lines.append(f"| {name} | {shown} | {goal:g}{unit} | {verdict} |")
    lines += ["", "### Maps, beside arguebuf", "", "| claims | operation | argmap | arguebuf |", "|---|---|---|---|"]
    operations = [
        what
        for what in dict.fromkeys(what for (_, library, what) in figures if library == "argmap")
        if not what.startswith("peak before")  # the baseline each peak is read against, kept in the JSON
    ]
    peer_names = {"build": "build", "to_dot, full styling": "Graphviz export (DOT)"}
    for claims in sorted({claims for claims, _, _ in figures}):
        for what in operations:
            if (claims, "argmap", what) not in figures:
                continue
            value = figures[(claims, "argmap", what)]
            shown = f"{value:.0f} MB" if "(MB)" in what else _seconds(value)
            theirs = figures.get((claims, "arguebuf", peer_names.get(what, "")), "")
            lines.append(
                f"| {claims:,} | {what.replace(' (MB)', '')} | {shown} | {_seconds(theirs) if theirs else ''} |"
            )
    lines += [
        "",
        "### Rendering",
        "",
        "| measurement | figure |",
        "|---|---|",
        f"| `argmap render` of 1,000 claims to SVG, whole command | {_seconds(render['argmap'])} |",
        f"| `dot -Tsvg` alone on the DOT it produced | {_seconds(render['dot'])} |",
        f"| ratio (CPU time) | {render['ratio']:.2f} ({render['cpu ratio']:.2f}) |",
        f"| `argmap --help` | {_seconds(render['help'])} |",
        f"| `to_dot`, 10,000 claims, frames and a style on every other claim | {_seconds(render['to_dot 10,000'])} |",
        *(
            f"| `argmap render`, {int(claims):,} claims (1.1 relations a claim), whole command"
            f" | {_seconds(seconds)}: {said.splitlines()[0] if said else ''} |"
            for claims, (seconds, said) in results["big"].items()
        ),
        *_shapes(results.get("shapes", [])),
        "",
        "### Evaluation, beside formal-argumentation, python-argumentation and afsolver",
        "",
        "| measurement | arguments | attacks per argument | library | median | found |",
        "|---|---|---|---|---|---|",
    ]
    for row in results["evaluation"]:
        figure = _seconds(row["median"]) if "median" in row else row.get("status", "")
        if "max" in row:
            figure += f" (max {_seconds(row['max'])})"
        arguments, density, library = row.get("arguments", 1_000), row.get("density", 4.0), row.get("library", "argmap")
        lines.append(f"| {row['measurement']} | {arguments:,} | {density} | {library} | {figure} | {_found(row)} |")
    if results.get("tasks"):
        lines += ["", "### ICCMA's tasks, beside clingo (see the notes below)", "", *tasks.table(results["tasks"])]
    return "\n".join(lines) + "\n"


def _shapes(rows: list[dict[str, Any]]) -> list[str]:
    """Return the table of `argmap render` by the shape of the map, or nothing for a run without it."""
    if not rows:
        return []
    lines = [
        "",
        "### Rendering by the shape of the map",
        "",
        "| claims | shape | whole command | CPU | files | diagrams | largest diagram (claims) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "stopped" in row:
            lines.append(f"| {row['claims']:,} | {row['shape']} | > {row['stopped']:g} s (stopped) | | | | |")
            continue
        lines.append(
            f"| {row['claims']:,} | {row['shape']} | {_seconds(row['seconds'])} | {_seconds(row['cpu'])}"
            f" | {row['files']:,} | {row['diagrams']:,} | {row['largest']:,} |"
        )
    return lines


def _found(row: dict[str, Any]) -> str:
    """Say what a library found, in words: the size of each extension, or the count per seed."""
    found = row.get("found")
    if "extensions" in row:  # the spread over seeds
        return "extensions per seed: " + ", ".join(str(count) for count in row["extensions"])
    if not isinstance(found, dict):
        return ""
    if "first-extension" in found:
        return f"an extension of {found['first-extension']:,} arguments"
    sizes = found.get("sizes", [])
    if len(sizes) == 1:
        return f"1 extension of {sizes[0]:,} arguments"
    return f"{len(sizes)} extensions of {min(sizes):,} to {max(sizes):,} arguments"


def main() -> None:
    """Run the benchmarks, print the figures, and write them into docs/performance.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer sizes and runs; the docs are left alone")
    parser.add_argument(
        "--from",
        dest="saved",
        type=Path,
        metavar="JSON",
        help="write the figures of a saved run (benchmarks/.cache/bench-*.json) into the docs; measure nothing",
    )
    options = parser.parse_args()
    if options.saved:
        _write_page(render_page(json.loads(options.saved.read_text(encoding="utf-8"))))
        return
    repeat = 2 if options.quick else 5
    results: dict[str, Any] = {"date": time.strftime("%d %B %Y"), "machine": machine()}
    print(f"machine: {results['machine']}", flush=True)
    sizes = (1_000, 10_000) if options.quick else maps.SIZES
    results["maps"] = maps.measure(sizes, repeat, peers=True)
    ratio = render_ratio.render_ratio(1_000, repeat)
    (wall, cpu), (dot_wall, dot_cpu) = ratio["argmap"], ratio["dot"]
    results["render"] = {
        "argmap": wall,
        "dot": dot_wall,
        "ratio": wall / dot_wall,
        "cpu ratio": cpu / dot_cpu,
        "help": render_ratio.help_time(repeat * 2),
        "to_dot 10,000": render_ratio.to_dot_time(10_000, repeat)[0],
    }
    thesis = render_ratio.render_ratio(1_000, repeat, thesis=True)
    results["render"]["thesis cpu ratio"] = thesis["argmap"][1] / thesis["dot"][1]
    # render_ratio times the whole `-f dot` of each map beside its SVG: the slower of the two, not measured again
    results["render"]["render -f dot"] = max(ratio["argmap -f dot"][1], thesis["argmap -f dot"][1])
    results["big"] = (
        {}
        if options.quick
        else {str(claims): big_maps.whole_command(claims, min(repeat, 3), []) for claims in (5_000, 20_000)}
    )
    results["shapes"] = [
        big_maps.by_shape(shape, claims, min(repeat, 3) if claims < 20_000 else 1, 1_800.0)
        for claims in ((1_000, 5_000) if options.quick else (1_000, 5_000, 20_000, 100_000))
        for shape in big_maps.SHAPES
    ]
    results["kialo"] = big_maps.kialo_convert(20_000, repeat)
    only = ["grounded-command", "preferred-1k-1.5", "preferred-10k-1.5"] if options.quick else None
    results["evaluation"] = evaluation.measure_all(repeat, 2026, 0 if options.quick else 10, only)
    results["tasks"] = [] if options.quick else tasks.measure_all(set(tasks.MEASUREMENTS))
    CACHE.mkdir(exist_ok=True)
    kept = CACHE / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    kept.write_text(json.dumps(results, indent=1), encoding="utf-8")
    generated = render_page(results)
    print(generated)
    if options.quick:
        print(f"--quick: docs/performance.md left alone; figures in {kept.relative_to(ROOT)}", file=sys.stderr)
        return
    _write_page(generated)
    print(f"every figure is in {kept.relative_to(ROOT)}")


def _write_page(generated: str) -> None:
    """Put *generated* between the markers of docs/performance.md, leaving the prose around it alone."""
    page = PAGE.read_text(encoding="utf-8")
    if not _BLOCK.search(page):
        raise SystemExit("docs/performance.md has no <!-- bench: start --> ... <!-- bench: end --> block")
    PAGE.write_text(_BLOCK.sub(lambda m: m[1] + "\n" + generated + "\n" + m[3], page), encoding="utf-8")
    print(f"wrote the figures into {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
