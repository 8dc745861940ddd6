"""Big maps: a claim's neighbourhood, and a map split into diagrams and an overview, from Python."""

import tempfile
from pathlib import Path

from argmap import load
from argmap.drawing import render, render_files
from argmap.parts import neighbourhood
from argmap.render import DotOptions, to_dot
from argmap.render.layout import LayoutOptions

m = load(Path(__file__).resolve().parents[2] / "examples" / "wire_cia_drawdown.py")

# The claims within one step of a claim, and the relations among them: a map of its own.
centre = m.claims[1]
near = neighbourhood(m, centre, 1)
source = to_dot(near, DotOptions(focus=centre.id))  # the focus is drawn with a double border
assert "peripheries=2" in source

# What `argmap render wire.py --focus CLAIM --depth 1 --evaluate -s preferred` draws, in one call:
# the neighbourhood, coloured by what stands in the whole map.
with tempfile.TemporaryDirectory() as folder:
    path = render(m, Path(folder) / "near.svg", focus=centre.id, depth=1, semantics="preferred")
    print(path.name, "accepted" in path.read_text(encoding="utf-8"))

# Thresholds are options too: here the example is split as if it were big.
layout = LayoutOptions(layout="split", diagram_size=5)
with tempfile.TemporaryDirectory() as folder:
    rendered = render_files(m, Path(folder) / "wire.svg", layout=layout)
    print(rendered.summary)
    print([path.name for path in rendered.paths][:3])  # the overview first, then wire-1.svg, ...
