"""One map's way down the layers: build, check, evaluate, render, run Graphviz, save.

Each step is the public call of one layer; `argmap render` makes the same calls.
"""

import tempfile
from pathlib import Path

from argmap import ArgumentMap, check, evaluate, formats
from argmap.drawing import render
from argmap.engine import pipe
from argmap.render import to_dot

# map.py (with model.py's frozen values): the builder reads like the argument.
m = ArgumentMap(title="Congestion charge")
charge = m.claim("The city should charge cars entering the centre at rush hour.")
m.support("Rush-hour speeds in the centre have fallen to 9 km/h.", charge)
m.rebut("A charge hits low-paid shift workers hardest.", charge)

# check.py: problems as data, never an exception for a map that is merely unusual.
assert [problem.code for problem in check(m)] == []

# evaluate.py (on top of semantics/): which claims stand, and why.
verdicts = evaluate(m, "grounded")
assert verdicts.status(charge) == "rejected"  # the unanswered rebuttal defeats it

# render/: pure, map -> text. No file, no subprocess.
source = to_dot(m)
assert source.startswith("digraph argmap {")

# engine.py: the one module that runs Graphviz, DOT in, bytes out.
svg = pipe(source, "svg")
assert svg.lstrip().startswith(b"<?xml") or b"<svg" in svg

# drawing.py: all of the above for a file, as the CLI does it, written atomically.
with tempfile.TemporaryDirectory() as folder:
    drawn = render(m, Path(folder) / "charge.svg")
    assert drawn.read_bytes().count(b"<svg") == 1

    # formats/: one registry of formats, each a load/dump pair.
    saved = Path(folder) / "charge.json"
    formats.dump(m, saved)
    assert formats.load(saved) == m
