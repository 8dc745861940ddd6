"""The graphs of a drawing laid out in parts: each part, the legend on its own, the title, the defaults.

What :mod:`argmap.render.layout` puts together for a map too big for one
layout; private to :mod:`argmap.render`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from argmap.map import ArgumentMap
from argmap.render._lines import FONT, HEAD, TAIL, body, default_lines, drawn_as_main, legend_table, title_lines
from argmap.render._options import DotOptions
from argmap.render.grammar import PALETTE

__all__ = ["defaults", "heading", "legend_dot", "legend_lines", "part_body", "part_dot"]


def part_dot(
    amap: ArgumentMap, options: DotOptions, *, main: Collection[str], references: Mapping[str, str], tag: str
) -> str:
    """Return one graph of a drawing laid out in parts: *amap* without title or legend, some claims as references.

    :func:`part_body` gives the same lines without the ``digraph { }`` around them.

    Args:
        amap: the claims and relations of the graph.
        options: how to draw them; title and legend are left to the whole drawing.
        main: the ids of the whole map's main conclusions (a claim that leads
            on in another part is no main conclusion here).
        references: the claims drawn in full elsewhere, by id, each with the
            words that say where; each is drawn as a small dashed box.
        tag: a word that makes this graph's reference nodes' names unique in the drawing.
    """
    return HEAD + part_body(amap, options, main=main, references=references, tag=tag) + TAIL


def part_body(
    amap: ArgumentMap, options: DotOptions, *, main: Collection[str], references: Mapping[str, str], tag: str
) -> str:
    """Return the lines of :func:`part_dot`'s graph, to draw several parts as subgraphs of one graph."""
    return "".join(body(amap, options, main=set(main), references=references, tag=tag, title=False, legend=False))


def legend_dot(amap: ArgumentMap, options: DotOptions) -> str:
    """Return a graph holding only the legend of *amap*: one graph of a drawing laid out in parts."""
    return HEAD + "".join(default_lines(options)) + legend_lines(amap, options) + TAIL


def legend_lines(amap: ArgumentMap, options: DotOptions) -> str:
    """Return the line of *amap*'s legend as a node of its own; ``""`` when options leave the legend out."""
    table = legend_table(amap, options, drawn_as_main(amap)) if options.legend else ""
    return f'\t" legend" [shape=plain, id="legend", label=<{table}>]\n' if table else ""


def heading(amap: ArgumentMap, options: DotOptions, note: str | None = None) -> str:
    """Return the graph attributes that draw *amap*'s title above a drawing, and *note* under it in grey.

    ``""`` when there is nothing to draw, or options leave the title out.
    """
    if not options.title:
        return ""
    lines_ = list(title_lines(amap, note))
    if not lines_:
        return ""
    return (
        f'\tgraph [fontname="{FONT}", fontsize=16, fontcolor="{PALETTE["text"]}", labelloc=t, labeljust=l]\n'
        + "".join(lines_)
    )


def defaults(options: DotOptions) -> str:
    """Return the graph, node and edge attribute lines every graph argmap draws opens with."""
    return "".join(default_lines(options))
