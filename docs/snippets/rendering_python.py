"""Drawing a map from Python: DOT text, a file in any format, or a graphviz.Digraph to adjust."""

import tempfile
from pathlib import Path

from argmap import load
from argmap.drawing import render
from argmap.render import DotOptions, to_dot, to_graphviz

m = load(Path(__file__).resolve().parents[2] / "examples" / "readme.py")

source = to_dot(m)  # pure: the map in, DOT text out; no Graphviz needed
assert source.startswith("digraph argmap {")

# Options as keywords, or as one DotOptions value to keep and reuse: the same drawing.
sideways = to_dot(m, direction="LR", wrap=30, group_by="source", legend=False)
options = DotOptions(direction="LR", wrap=30, group_by="source", legend=False)
assert sideways == to_dot(m, options)
with tempfile.TemporaryDirectory() as folder:
    # Runs Graphviz (the system dot, else graphviz-pure) and writes the file atomically.
    path = render(m, Path(folder) / "readme.svg", options=options)
    print(path.name, path.stat().st_size > 0)

graph = to_graphviz(m)  # a graphviz.Digraph holding the same DOT
graph.attr(bgcolor="transparent")  # added after argmap's attributes, so it wins
assert graph.source.startswith(source.removesuffix("}\n"))
