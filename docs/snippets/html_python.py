"""The interactive page from Python: Graphviz lays the diagram out, and the pure to_html builds the page around it."""

import tempfile
from pathlib import Path

from argmap import evaluate, load
from argmap.drawing import page, render
from argmap.engine import pipe
from argmap.render import DotOptions, HtmlOptions, to_dot, to_html

m = load(Path(__file__).resolve().parents[2] / "examples" / "readme.py")

options = HtmlOptions(diagram=DotOptions(direction="LR", wrap=30))
svg = pipe(to_dot(m, options.dot_options), "svg").decode("utf-8")  # Graphviz runs here...
text = to_html(m, options, svg=svg)  # ...and not here: a map and its drawing in, a page out
assert text == page(m, options)  # drawing.page does both steps

# Which claims stand: the evaluation's verdicts colour the claims, and the panel gives their reasons.
result = evaluate(m)
assert result["pakistans-demands-will-reduce-the-cia"].status == "undecided"  # Scahill's skeptical response
evaluated = HtmlOptions(verdicts=result.verdicts, semantics=result.semantics)
with tempfile.TemporaryDirectory() as folder:
    # Runs Graphviz and writes the page atomically, as `argmap render -f html --evaluate` does.
    path = render(m, Path(folder) / "readme.html", options=evaluated)
    print(path.name, '"verdicts"' in path.read_text(encoding="utf-8"))
