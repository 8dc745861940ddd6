"""The interactive page from Python: Graphviz lays the diagram out, and the pure to_html builds the page around it."""

import tempfile
from pathlib import Path

import attrs

from argmap import load
from argmap.engine import page, pipe, render
from argmap.render import DotOptions, to_dot
from argmap.render.html import HtmlOptions, to_html

m = load(Path(__file__).resolve().parents[2] / "examples" / "readme.py")

options = HtmlOptions(diagram=DotOptions(direction="LR", wrap=30))
svg = pipe(to_dot(m, options.dot_options), "svg").decode("utf-8")  # Graphviz runs here...
text = to_html(m, options, svg=svg)  # ...and not here: a map and its drawing in, a page out
assert text == page(m, options)  # engine.page does both steps


@attrs.frozen
class Verdict:
    """A status and the reason for it, as an evaluation gives them (here written by hand)."""

    status: str
    reason: str


verdicts = {
    "us-pakistani-relationship-may-be-teetering": Verdict("accepted", "accepted: nothing attacks it"),
    "pakistans-demands-will-reduce-the-cia": Verdict(
        "undecided", "undecided: doubted by [pk-tells-us-it-must-sharply], neither upheld nor dismissed"
    ),
}
with tempfile.TemporaryDirectory() as folder:
    # Runs Graphviz and writes the page atomically, as `argmap render -f html` does.
    path = render(m, Path(folder) / "readme.html", options=HtmlOptions(verdicts=verdicts, semantics="grounded"))
    print(path.name, "<script" in path.read_text(encoding="utf-8"))
