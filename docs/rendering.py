"""Draw the diagrams of docs/rendering.md and write its gallery: `python docs/rendering.py`.

Every diagram on the page is an SVG under docs/rendering/, drawn from the
DOT that argmap makes for it now. What is compared exactly across machines
is that DOT: it is deterministic, while the SVG Graphviz draws from it
depends on the Graphviz build and its fonts. So each SVG carries, in a
comment, the SHA-256 of the DOT it was drawn from; tests/test_docs_rendering.py
fails when a diagram's DOT has changed since its SVG was drawn, or when the
gallery section lists other examples than examples/ holds.
"""

from __future__ import annotations

import hashlib
import re
import runpy
import tempfile
from collections.abc import Iterator
from pathlib import Path

import attrs

from argmap import ArgumentMap, evaluate, load
from argmap.drawing import render_files
from argmap.engine import pipe
from argmap.render import DotOptions, to_dot
from argmap.render.layout import LayoutOptions, plan
from argmap.render.status import by_status

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "rendering.md"
IMAGES = ROOT / "docs" / "rendering"
SNIPPETS = ROOT / "docs" / "snippets"
_GALLERY = re.compile(r"(<!-- gallery: start -->\n)(.*?)(<!-- gallery: end -->)", re.S)
_STAMP = re.compile(r"<!-- argmap: drawn from DOT sha256:([0-9a-f]{64}) -->")


@attrs.frozen
class Diagram:
    """One diagram of the page: its file name, the map, and how it is drawn."""

    name: str
    amap: ArgumentMap = attrs.field(eq=False)
    options: DotOptions
    command: str | None = None
    layout: LayoutOptions | None = None
    """For a big map: how it is laid out; the diagram is the file *sheet* of its plan (0, the overview)."""
    sheet: int = 0

    @property
    def dot(self) -> str:
        """Return the DOT that draws this diagram now: for a planned drawing, its graphs and heading."""
        if self.layout is None:
            return to_dot(self.amap, self.options)
        stem = self.name.split("-")[0]
        drawing = plan(self.amap, self.options, self.layout, stem=stem).drawings[self.sheet]
        return drawing.heading + "".join(drawing.graphs)

    @property
    def path(self) -> Path:
        """Return where its SVG is kept."""
        return IMAGES / f"{self.name}.svg"


_DEBATE = 600
"""The claims of the generated single-thesis debate the page shows split (benchmarks/generate.py)."""

_DEBATE_LAYOUT = LayoutOptions(layout="split", fast_above=100, diagram_size=150)
"""As if big: a branch of the debate holds at most 100 claims, a diagram 150."""


def examples() -> list[Path]:
    """Return every example map file, in a stable order."""
    return sorted((ROOT / "examples").glob("*.py"))


def diagrams() -> Iterator[Diagram]:
    """Yield every diagram of the page: the grammar, the style hook, and each example."""
    yield Diagram("grammar", load(SNIPPETS / "rendering_grammar.py"), DotOptions())
    hook = runpy.run_path(str(SNIPPETS / "rendering_hook.py"))
    yield Diagram("hook", hook["MAP"], hook["OPTIONS"])
    council = load(SNIPPETS / "rendering_council.py")
    yield Diagram("council", council, DotOptions())
    yield Diagram("council-bt", council, DotOptions(direction="BT"))
    claims = [claim.id for claim in council.claims]
    yield Diagram("council-evaluated", council, by_status(evaluate(council), DotOptions(), claims=claims))
    yield Diagram("council-quotes", council, DotOptions(quotes=True))
    yield Diagram("chain", load(SNIPPETS / "rendering_chain.py"), DotOptions())
    readme = load(ROOT / "examples" / "readme.py")  # drawn for docs/evaluation.md
    yield Diagram("evaluated", readme, by_status(evaluate(readme), claims=[claim.id for claim in readme.claims]))
    generate = runpy.run_path(str(ROOT / "benchmarks" / "generate.py"))
    debate = generate["build"](generate["thesis_plan"](_DEBATE))
    yield Diagram("debate", debate, DotOptions(), layout=_DEBATE_LAYOUT)
    yield Diagram("debate-1", debate, DotOptions(), layout=_DEBATE_LAYOUT, sheet=1)
    for path in examples():
        amap = load(path)
        framed = bool(amap.documents)  # a merged map is framed by the documents it was merged from
        command = f"argmap render examples/{path.name}" + (" --group-by document" if framed else "")
        yield Diagram(path.stem, amap, DotOptions(group_by="document" if framed else "none"), command)


def stamp(dot: str) -> str:
    """Return the comment an SVG drawn from *dot* carries."""
    return f"<!-- argmap: drawn from DOT sha256:{hashlib.sha256(dot.encode('utf-8')).hexdigest()} -->"


def stamp_of(svg: str) -> str | None:
    """Return the stamp comment in *svg*, or ``None`` when it has none."""
    found = _STAMP.search(svg)
    return found.group(0) if found else None


def gallery(drawn: list[Diagram]) -> str:
    """Return the gallery section: each example's title, its diagram and the command that draws it."""
    parts = []
    for diagram in drawn:
        if diagram.command is None:
            continue
        title = diagram.amap.title or diagram.name
        heading = f"### {title} (`{diagram.name}.py`)"
        parts.append(f"{heading}\n\n`{diagram.command}`\n\n![{title}](rendering/{diagram.name}.svg)\n")
    return "\n".join(parts) + "\n"


def draw(diagram: Diagram) -> None:
    """Draw *diagram* as SVG with the stamp of its DOT after the XML declaration."""
    dot = diagram.dot
    if diagram.layout is None:
        svg = pipe(dot, "svg").decode("utf-8")
    else:
        with tempfile.TemporaryDirectory() as folder:
            stem = diagram.name.split("-")[0]
            drawn = render_files(
                diagram.amap, Path(folder) / f"{stem}.svg", options=diagram.options, layout=diagram.layout
            )
            svg = drawn.paths[diagram.sheet].read_text(encoding="utf-8")
    head, newline, rest = svg.partition("\n")
    diagram.path.write_text(f"{head}{newline}{stamp(dot)}\n{rest}", encoding="utf-8")


def main() -> None:
    """Draw every diagram and rewrite the gallery section of the page."""
    IMAGES.mkdir(exist_ok=True)
    drawn = list(diagrams())
    for diagram in drawn:
        draw(diagram)
        print(f"drew {diagram.path.relative_to(ROOT)}")
    known = {diagram.path for diagram in drawn}
    for stale in IMAGES.glob("*.svg"):
        if stale not in known:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(_GALLERY.sub(lambda m: m[1] + gallery(drawn) + m[3], page), encoding="utf-8")


if __name__ == "__main__":
    main()
