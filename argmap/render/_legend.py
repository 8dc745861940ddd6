"""The legend drawn into a diagram: sample claims, and each kind of relation the map uses, drawn as in the map.

The samples are real nodes and edges, so a reader matches a line in the map
against the very same line in the legend. Their names start with a space,
which no claim or relation id can, so they never clash with the map's.
Edge names are ``xlabel`` s: unlike labels they take no rank of their own,
which keeps the legend short.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.map import ArgumentMap
from argmap.model import Attribution, Claim, Rebuttal, Relation, SkepticalResponse, Source, Support, Undercut
from argmap.render._quoting import html, name
from argmap.render.grammar import (
    ARROWHEADS,
    EDGE_STYLES,
    LABEL_COLOURS,
    PALETTE,
    claim_attributes,
    claim_label,
)

if TYPE_CHECKING:
    from argmap.render.dot import DotOptions

__all__ = ["legend"]

_END = 'shape=point, width=0.04, color="#FFFFFF00", fillcolor="#FFFFFF00"'
_SAMPLE = Claim(
    "A claim, its text wrapped",
    qualifier="a qualifier",
    attribution=Attribution(Source("who said it"), via=Source("whom"), medium="tweet"),
)


class _Legend:
    """The lines of a legend, and the entries' starting points, kept in order along its first rank."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.starts: list[str] = []
        self.count = 0

    def node(self, attributes: str = _END) -> str:
        self.count += 1
        node_name = name(f" legend {self.count}")
        self.lines.append(f"\t\t{node_name} [{attributes}]\n")
        return node_name

    def start(self, attributes: str = _END) -> str:
        node_name = self.node(attributes)
        self.starts.append(node_name)
        return node_name

    def above(self, node_name: str) -> str:
        """Return a new invisible end drawn straight in line with *node_name*."""
        return self.node(f"{_END}, group={node_name}")

    def junction(self) -> str:
        colour = PALETTE["support"]
        node_name = name(f" legend {self.count + 1}")
        return self.node(f'shape=point, width=0.11, color="{colour}", fillcolor="{colour}", group={node_name}')

    def edge(self, tail: str, head: str, kind: type[Relation], text: str | None = None, *, arrow: bool = True) -> None:
        arrowhead = ARROWHEADS[kind] if arrow else "none"
        label = f', xlabel=<<I>{html(text)}</I>>, fontcolor="{LABEL_COLOURS[kind]}"' if text else ""
        self.lines.append(f"\t\t{tail} -> {head} [{EDGE_STYLES[kind]}, arrowhead={arrowhead}{label}]\n")

    def in_order(self) -> str:
        """Return the line that keeps the entries in the order written, along the legend's first rank."""
        if len(self.starts) < 2:
            return ""
        return f"\t\t{{rank=same; {' -> '.join(self.starts)} [style=invis]}}\n"


def legend(amap: ArgumentMap, options: DotOptions) -> Iterator[str]:
    """Yield the lines of a framed legend of what *amap* uses, and of the claim-style hook's styles."""
    drawn = _Legend()
    wrap, attributions = options.wrap, options.attributions
    claim = drawn.start(f"label=<{claim_label(_SAMPLE, wrap=wrap, attributions=attributions, main=False)}>")
    main = claim_label(Claim("A main conclusion"), wrap=wrap, attributions=attributions, main=True)
    conclusion = drawn.node(f"label=<{main}>{claim_attributes(None, True)}")
    relations = amap.relations
    kinds = {type(relation) for relation in relations}
    drawn.edge(claim, conclusion, Support, "support" if Support in kinds else None)
    below = ""
    for number, (text, style) in enumerate(options.extra_legend):  # the hook's samples, two to a column
        label = claim_label(Claim(text), wrap=wrap, attributions=attributions, main=False, badge=style.badge)
        attributes = f"label=<{label}>{claim_attributes(style, False)}"
        if number % 2 == 0:
            below = drawn.start(attributes)
        else:
            drawn.lines.append(f"\t\t{below} -> {drawn.node(attributes)} [style=invis]\n")
    if any(isinstance(relation, Support) and len(relation.premises) > 1 for relation in relations):
        joined = drawn.junction()
        drawn.edge(drawn.start(), joined, Support, arrow=False)
        drawn.edge(drawn.start(), joined, Support, arrow=False)
        drawn.edge(joined, drawn.above(joined), Support, "linked support")
    if Rebuttal in kinds:
        start = drawn.start()
        drawn.edge(start, drawn.above(start), Rebuttal, "rebuttal")
    if Undercut in kinds:
        joined = drawn.junction()
        drawn.edge(drawn.start(f"{_END}, group={joined}"), joined, Support, arrow=False)
        drawn.edge(joined, drawn.above(joined), Support)
        drawn.edge(drawn.start(), joined, Undercut, "undercut")
    if SkepticalResponse in kinds:
        start = drawn.start()
        drawn.edge(start, drawn.above(start), SkepticalResponse, "? doubt")
    top = "b" if options.direction == "BT" else "t"  # a cluster's "t" is its lower side when drawn bottom to top
    yield '\tsubgraph "cluster_legend" {\n'
    yield (
        f'\t\tgraph [label=<<B>Legend</B>>, labelloc={top}, style=rounded, color="{PALETTE["muted"]}",'
        f' fontcolor="{PALETTE["muted"]}", fontsize=12]\n'
    )
    yield '\t\tnode [fontsize=11, margin="0.1,0.05"]\n'
    yield from drawn.lines
    yield drawn.in_order()
    yield "\t}\n"
