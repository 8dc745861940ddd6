"""A plain reference for the ICCMA tasks: clingo (from PyPI) with ASPARTIX-style encodings.

Run by benchmarks/tasks.py in a virtual environment of its own, so that
argmap never imports clingo::

    python benchmarks/clingo_reference.py TASK FILE [ARGUMENT]

TASK is ICCMA's: SE-PR, DC-CO, DS-ST, CE-CO, EE-PR, ... for complete (CO),
preferred (PR), stable (ST) and grounded (GR) semantics; FILE an ICCMA
``.af`` file. It prints one JSON line: the seconds clingo took (reading the
file excluded) and what it found (an answer, a count, or the sizes of the
extensions).

The encodings are the textbook ones, as ASPARTIX writes them (Egly, Gaggl
and Woltran 2010; Dvořák, Gaggl, Wallner and Woltran 2011 for preferred
through clingo's domain heuristics): guess a set, forbid conflicts, say
which arguments the set defeats, and constrain. Preferred extensions are
the subset-maximal complete ones, enumerated with ``--heuristic=Domain
--enum-mode=domRec``; the grounded extension is computed by the grounder
alone, with no guess.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import clingo  # type: ignore[import-not-found]  # only in the reference's own environment

GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
undefended(X) :- att(Y, X), not defeated(Y).
:- in(X), undefended(X).
"""

ENCODINGS = {
    "CO": GUESS + ":- out(X), not undefended(X).\n",
    "ST": GUESS + ":- out(X), not defeated(X).\n",
    "PR": GUESS + ":- out(X), not undefended(X).\n#heuristic in(X) : arg(X). [1, true]\n",
    # The least fixpoint of defence: the grounder computes it, there is nothing to guess.
    "GR": """
in(X) :- arg(X), defeated(Y) : att(Y, X).
defeated(X) :- in(Y), att(Y, X).
""",
}


def facts(path: str) -> str:
    """Return the framework in the ICCMA ``.af`` file *path* as ``arg/1`` and ``att/2`` facts."""
    text = Path(path).read_text(encoding="utf-8")
    lines = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    size = int(lines[0][2])
    out = [f"arg(1..{size})."]
    out.extend(f"att({a},{b})." for a, b in lines[1:])
    return "\n".join(out)


def solve(task: str, path: str, argument: str | None) -> dict[str, object]:
    """Run *task* on the framework in *path*; return what was found and how long clingo took."""
    problem, semantics = task.split("-")
    program = facts(path)
    start = time.perf_counter()
    arguments = ["--heuristic=Domain", "--enum-mode=domRec"] if semantics == "PR" else []
    models = "1" if problem in {"SE", "DC"} else "0"
    control = clingo.Control([models, *arguments, "--warn=none"])
    control.add("base", [], program + ENCODINGS[semantics])
    if problem == "DC":
        control.add("base", [], f":- not in({argument}).")
    control.ground([("base", [])])
    sizes: list[int] = []
    answer: str | None = None
    with control.solve(yield_=True) as handle:
        for model in handle:
            accepted = {symbol.arguments[0].number for symbol in model.symbols(shown=True) if symbol.name == "in"}
            if problem == "DS" and int(argument or 0) not in accepted:
                answer = "NO"
                break
            sizes.append(len(accepted))
            if problem in {"SE", "DC"}:
                break
    seconds = time.perf_counter() - start
    if problem == "DC":
        answer = "YES" if sizes else "NO"
    elif problem == "DS":
        answer = answer or "YES"
    elif problem == "SE":
        answer = "NO" if not sizes else f"{sizes[0]} arguments"
    found: dict[str, object] = {"seconds": seconds}
    if answer is not None:
        found["answer"] = answer
    elif problem == "CE":
        found["count"] = len(sizes)
    else:
        found["sizes"] = sorted(sizes)
    return found


if __name__ == "__main__":
    task, path, *rest = sys.argv[1:]
    print(json.dumps(solve(task, path, rest[0] if rest else None)))
