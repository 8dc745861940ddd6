"""Benchmark argmap on whole argument maps, beside arguebuf: `python -m benchmarks.maps`.

For maps of 1,000, 10,000 and 100,000 claims (benchmarks/generate.py: fixed
seed, realistic texts with attributions, about 1.5 relations per claim, every
kind present) it times, as the median of several runs in a fresh process:
building through the public builder, ``check``, native JSON dump and load,
``to_dot`` with full styling (frames by source, a claim-style hook on every
claim and its legend), ``outline``, AIF dump and load (and SADFace and
Argdown up to 10,000 claims); and the process's peak memory after building
and after loading the map from its file.

arguebuf, the Python library a user would otherwise pick, builds the same
maps and exports them to Graphviz in a virtual environment of its own, made
by this script under benchmarks/.cache/ (pip, from PyPI). Both read the same
plan, written once as JSON, so both build exactly the same argument.
"""

from __future__ import annotations

import argparse
import functools
import json
import resource
import time
from pathlib import Path
from typing import Any

from benchmarks.evaluation import CACHE, OURS, ROOT, median_seconds, run, venv_python

__all__ = ["SIZES", "main", "measure"]

SIZES = (1_000, 10_000, 100_000)
ARGUEBUF = "arguebuf==2.7.2"
"""The peer, pinned to the version measured."""


def plan_path(claims: int) -> Path:
    """Return where the plan of a map of *claims* claims is kept: ``plan-<claims>-2.json``.

    The ``-2`` marks plans whose skeptical responses are planned as (response, target).
    """
    return CACHE / "maps" / f"plan-{claims}-2.json"


def claims_of(path: Path) -> int:
    """Return the number of claims a plan's file, named by :func:`plan_path`, is for."""
    return int(path.stem.split("-")[1])


def plan_file(claims: int) -> Path:
    """Write (once) the plan of a map of *claims* claims as JSON that both drivers read."""
    from benchmarks.generate import plan

    path = plan_path(claims)
    if path.exists():
        return path
    made = plan(claims)
    sources = [{"name": s.name, "kind": s.kind, "affiliation": s.affiliation, "id": s.id} for s in made.sources]
    index = {source.id: number for number, source in enumerate(made.sources)}
    claim_rows = []
    for text, options in made.claims:
        row: dict[str, Any] = {"text": text}
        if "by" in options:
            row["by"] = index[options["by"].id]
            row["medium"] = options["medium"]
            if "via" in options:
                row["via"] = index[options["via"].id]
            if "quote" in options:
                row["quote"] = options["quote"]
        if "qualifier" in options:
            row["qualifier"] = options["qualifier"]
        claim_rows.append(row)
    relations = [[kind, *arguments, options.get("stance")] for kind, arguments, options in made.relations]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"sources": sources, "claims": claim_rows, "relations": relations}), encoding="utf-8")
    return path


def _peak_mb() -> float:
    """Return this process's peak resident memory in megabytes.

    Read from /proc (VmHWM), not getrusage: Linux carries ru_maxrss over from
    the parent across fork and exec, so a child would report the benchmark's
    own peak.
    """
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def drive_argmap(path: Path, repeat: int) -> dict[str, float]:
    """Time every operation on the planned map in this process; return seconds (and peak megabytes)."""
    from argmap import check, dump, load, outline
    from argmap.formats import aif, argdown, native, sadface
    from argmap.render import ClaimStyle, DotOptions, to_dot
    from benchmarks.generate import build, plan

    claims = claims_of(path)
    made = plan(claims)  # the same plan the JSON file holds for the peer
    figures: dict[str, float] = {"peak before building (MB)": _peak_mb()}
    figures["build"] = median_seconds(repeat, lambda: build(made))
    figures["build inside ArgumentMap.building()"] = median_seconds(repeat, lambda: build(made, building=True))
    amap = build(made)
    figures["peak after building (MB)"] = _peak_mb()
    figures["check"] = median_seconds(repeat, lambda: check(amap))
    text = native.dumps(amap)
    figures["native dumps"] = median_seconds(repeat, lambda: native.dumps(amap))
    figures["native loads"] = median_seconds(repeat, lambda: native.loads(text))
    style = ClaimStyle(fill="#D9EFE6", border="#009E73", border_style="bold", badge="✓ accepted")
    options = DotOptions(group_by="source", claim_style=lambda claim: style, extra_legend=(("styled", style),))
    figures["to_dot, full styling"] = median_seconds(repeat, lambda: to_dot(amap, options))
    figures["outline"] = median_seconds(repeat, lambda: outline(amap))
    for label, module in (("AIF", aif), ("SADFace", sadface), ("Argdown", argdown)):
        if module is not aif and claims > 10_000:
            continue  # measured up to 10,000 claims: the formats other tools read at that scale
        written = module.dumps(amap)
        figures[f"{label} dumps"] = median_seconds(repeat, functools.partial(module.dumps, amap))
        figures[f"{label} loads"] = median_seconds(repeat, functools.partial(module.loads, written))
    saved = path.with_name(f"map-{claims}.json")
    if not saved.exists():
        dump(amap, saved)
    figures["load from file"] = median_seconds(repeat, lambda: load(saved))
    return figures


def drive_load_memory(path: Path) -> dict[str, float]:
    """Load a saved map in a fresh process and report its peak memory: what a user's process needs."""
    from argmap import load

    before = _peak_mb()
    load(path)
    return {"peak loading the saved map (MB)": _peak_mb(), "peak before loading (MB)": before}


# arguebuf builds the same plan: an atom node a claim, a scheme node a relation (support, or attack for
# rebuttals, undercuts and skeptical responses, arguebuf's nearest kinds), then exports the graph to Graphviz DOT.
ARGUEBUF_DRIVER = """
import json, statistics, sys, time
import arguebuf as ab
path, repeat = sys.argv[1], int(sys.argv[2])
data = json.loads(open(path, encoding="utf-8").read())

def build():
    graph = ab.Graph()
    participants = [ab.Participant(name=s["name"], id=s["id"]) for s in data["sources"]]
    for participant in participants:
        graph.add_participant(participant)
    atoms = []
    for row in data["claims"]:
        atom = ab.AtomNode(row["text"], participant=participants[row["by"]] if "by" in row else None)
        graph.add_node(atom)
        atoms.append(atom)
    made = []
    for kind, first, second, stance in data["relations"]:
        scheme = ab.SchemeNode(ab.Support.DEFAULT if kind == "support" else ab.Attack.DEFAULT)
        graph.add_node(scheme)
        if kind == "support":
            for premise in first:
                graph.add_edge(ab.Edge(atoms[premise], scheme))
            graph.add_edge(ab.Edge(scheme, atoms[second]))
        elif kind == "undercut":
            graph.add_edge(ab.Edge(atoms[first], scheme))
            graph.add_edge(ab.Edge(scheme, made[second]))
        else:  # a rebuttal or a skeptical response: (attacker or response, target)
            graph.add_edge(ab.Edge(atoms[first], scheme))
            graph.add_edge(ab.Edge(scheme, atoms[second]))
        made.append(scheme)
    return graph

def timed(work):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)

figures = {"build": timed(build)}
graph = build()
figures["Graphviz export (DOT)"] = timed(lambda: ab.dump.graphviz(graph, max_nodes=10**9).source)
print(json.dumps(figures))
"""


def measure(sizes: tuple[int, ...], repeat: int, peers: bool) -> list[dict[str, Any]]:
    """Run every measurement at every size, each in a fresh process; return rows (size, who, what, figure)."""
    rows: list[dict[str, Any]] = []
    for size in sizes:
        path = plan_file(size)
        runs = max(1, repeat if size < 100_000 else min(repeat, 3))
        ours = run([str(OURS / "python"), "-m", "benchmarks.maps", "--drive", str(path), "--repeat", str(runs)], 1800)
        figures = json.loads(ours[1]) if not isinstance(ours, str) else {"error": ours}
        for what, figure in figures.items():
            rows.append({"claims": size, "library": "argmap", "what": what, "figure": figure})
        saved = path.with_name(f"map-{size}.json")  # written by the run above
        memory = run([str(OURS / "python"), "-m", "benchmarks.maps", "--load-memory", str(saved)], 600)
        if not isinstance(memory, str):
            for what, figure in json.loads(memory[1]).items():
                rows.append({"claims": size, "library": "argmap", "what": what, "figure": figure})
        if peers:
            python = venv_python("arguebuf", ARGUEBUF)
            if isinstance(python, str):
                rows.append({"claims": size, "library": "arguebuf", "what": "build", "figure": python})
                continue
            theirs = run([str(python), "-c", ARGUEBUF_DRIVER, str(path), str(runs)], 3600)
            figures = json.loads(theirs[1]) if not isinstance(theirs, str) else {"build": theirs}
            for what, figure in figures.items():
                rows.append({"claims": size, "library": "arguebuf", "what": what, "figure": figure})
    return rows


def main() -> None:
    """Measure, print the table, and keep every figure as JSON under benchmarks/.cache/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (3 at 100,000 claims)")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="map sizes, in claims")
    parser.add_argument("--no-peers", action="store_true", help="measure argmap only")
    parser.add_argument("--drive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--load-memory", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.drive:
        print(json.dumps(drive_argmap(options.drive, options.repeat)))
        return
    if options.load_memory:
        print(json.dumps(drive_load_memory(options.load_memory)))
        return
    rows = measure(tuple(options.sizes), options.repeat, not options.no_peers)
    for row in rows:
        figure = row["figure"]
        shown = f"{figure:.3f}" if isinstance(figure, float) else str(figure)
        print(f"| {row['claims']:,} | {row['library']} | {row['what']} | {shown} |")
    out = CACHE / f"maps-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"figures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
