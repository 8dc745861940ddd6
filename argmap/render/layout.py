"""How a map is laid out: whole, in parts packed into one drawing, or split into diagrams and an overview.

Graphviz's ``dot`` lays a map out whole, and its time grows much faster than
the map: on the benchmark maps (random cross-links between arguments) it
takes about 14 s at 1,000 claims and minutes at 2,500, nearly all of it
placing the long edges that cross-links make (benchmarks/big_maps.py). So
above a size argmap draws a map in :func:`~argmap.parts.split` parts, one per
main conclusion, each laid out on its own, where a claim that serves two
arguments is drawn in full once and as a *reference box* in the other:

- ``full``: one diagram, laid out whole: what small maps always get;
- ``fast``: one diagram, its parts laid out apart (in parallel) and packed
  together by Graphviz's ``gvpack``;
- ``split``: several diagrams, each holding whole parts up to
  :attr:`LayoutOptions.diagram_size` claims, written beside the file asked
  for as ``map-1.svg``, ``map-2.svg``, ..., and the file asked for is an
  overview: one box per diagram, arrows where one's claims support, rebut,
  undercut or answer the other's skeptically;
- ``auto`` (the default): ``full`` up to :attr:`LayoutOptions.fast_above`
  claims, ``fast`` up to :attr:`LayoutOptions.split_above`, ``split`` above.

:func:`plan` is pure: it returns the DOT of every graph to lay out and what
to tell the user; :mod:`argmap.engine` runs Graphviz and writes the files.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.support("Drones fly on.", m.claim("Talks fail."))
>>> plan(m).summary is None
True
>>> plan(m, layout=LayoutOptions(layout="split", diagram_size=2), stem="talks").summary
'2 claims: drawn as 1 diagram, one per main conclusion, and an overview'
>>> said = plan(m, layout=LayoutOptions(layout="split", diagram_size=1), stem="talks").summary
>>> said.split(" and ")[0]  # one argument too big for a diagram: cut by its own structure
'2 claims under one main conclusion: drawn as its top levels (1 claim, the overview)'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias, get_args
from urllib.parse import quote

import attrs

from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.parts import Part, branches, split, submap
from argmap.render._parts import defaults, heading, legend_dot, legend_lines, part_body, part_dot
from argmap.render._quoting import html, name
from argmap.render.dot import DotOptions, drawn_as_main, to_dot
from argmap.render.grammar import BR, PALETTE, lines

__all__ = ["LAYOUTS", "Drawing", "Layout", "LayoutOptions", "Plan", "plan"]

Layout: TypeAlias = Literal["auto", "full", "fast", "split"]
"""How to lay a map out: see the module's description."""

LAYOUTS: tuple[Layout, ...] = get_args(Layout)

_LINKS = 3
"""An overview draws, for each diagram, its arrows to at most this many others: those it leads to most."""

_BRICK = 40
"""Parts are laid out in graphs of at least this many claims: thousands of one-claim graphs pack slowly."""


def _layout(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in LAYOUTS:
        raise OptionError(f"LayoutOptions.layout must be one of {', '.join(LAYOUTS)}, got {value!r}")


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < (1 if attribute.name == "diagram_size" else 0):
        least = 1 if attribute.name == "diagram_size" else 0
        raise OptionError(f"LayoutOptions.{attribute.name} must be a whole number of claims, {least} or more")


@attrs.frozen
class LayoutOptions:
    """How to lay a map out, and from what size on to do it differently.

    Args:
        layout: one of :data:`LAYOUTS`.
        fast_above: with ``auto``, maps of more claims than this are drawn ``fast``.
        split_above: with ``auto``, maps of more claims than this are ``split``
            (where several files can be written; otherwise drawn ``fast``).
        diagram_size: how many claims a diagram of a ``split`` holds at most,
            unless one main conclusion's part alone holds more.

    >>> LayoutOptions().fast_above, LayoutOptions().split_above
    (1000, 10000)
    """

    layout: Layout = attrs.field(default="auto", validator=_layout)
    fast_above: int = attrs.field(default=1_000, validator=_count)
    split_above: int = attrs.field(default=10_000, validator=_count)
    diagram_size: int = attrs.field(default=1_500, validator=_count)


@attrs.frozen
class Drawing:
    """One file to write: the graphs to lay out for it.

    Args:
        suffix: what goes between the file's stem and its suffix: ``""``
            for the file asked for, ``"-3"`` for the third diagram of a split.
        amap: the map it draws (the page of the ``html`` format needs it).
        graphs: the DOT of each graph: one laid out whole, or (``packed``)
            several, each laid out on its own and packed into one drawing.
        packed: whether the graphs are to be packed together.
        heading: for a packed drawing, the graph attributes of its title.
        staggered: whether its graphs are wide trees, whose leaves are
            better staggered over several ranks (Graphviz's ``unflatten``).
    """

    suffix: str
    amap: ArgumentMap = attrs.field(eq=False, repr=False)
    graphs: tuple[str, ...] = attrs.field(repr=False)
    packed: bool = False
    heading: str = attrs.field(default="", repr=False)
    staggered: bool = False


@attrs.frozen
class Plan:
    """The drawings to make of a map, and what was done, to tell the user.

    Args:
        layout: the layout chosen: ``full``, ``fast`` or ``split``.
        drawings: the file asked for first, then a split's diagrams.
        summary: one sentence saying how the map was drawn, when not whole;
            ``None`` for a map drawn whole.
    """

    layout: Layout
    drawings: tuple[Drawing, ...]
    summary: str | None


def plan(
    amap: ArgumentMap,
    options: DotOptions | None = None,
    layout: LayoutOptions | None = None,
    *,
    stem: str = "map",
    suffix: str = ".svg",
    pack: bool = True,
    files: bool = True,
) -> Plan:
    """Return how to draw *amap*: the graphs of each file, and what to tell the user.

    Args:
        amap: the map.
        options: how to draw claims and relations.
        layout: which layout, and the sizes at which ``auto`` changes it.
        stem: the name of the file asked for, without its suffix: a split's
            diagrams are ``{stem}-1{suffix}``, ...
        suffix: the file's suffix, such as ``".svg"``.
        pack: whether parts can be packed (Graphviz's ``gvpack`` is
            installed); without it a ``fast`` drawing lays its parts out as
            one graph, side by side.
        files: whether several files can be written; without (standard
            output, the html page) ``split`` draws ``fast``.
    """
    options = options or DotOptions()
    layout = layout or LayoutOptions()
    count = len(amap.claims)
    chosen = layout.layout
    if chosen == "auto":
        chosen = "split" if count > layout.split_above else "fast" if count > layout.fast_above else "full"
    if chosen == "split" and not files:
        chosen = "fast"
    if chosen == "full":
        return Plan("full", (Drawing("", amap, (to_dot(amap, options),)),), None)
    planner = _Planner(amap, options, pack, min(layout.fast_above, layout.diagram_size) or 1)
    if chosen == "fast":
        drawing = planner.drawing("", range(len(planner.parts)))
        if planner.trunk is not None and planner.single:
            shape = (
                "one diagram of one argument, cut into its top levels and"
                f" {_counted(len(planner.parts) - 1, 'branch')},"
                " laid out apart and packed together; a claim drawn in another branch is shown as a reference box"
            )
        else:
            shape = (
                f"one diagram of {planner.arguments:,} arguments, one per main conclusion{planner.cut_said},"
                " laid out apart and packed together; a claim drawn in another argument is shown as a reference box"
            )
        return Plan("fast", (drawing,), f"{count:,} claims: drawn as {shape}")
    return planner.split(layout.diagram_size, stem, suffix)


class _Planner:
    """Plans the drawings of one map's parts: which claims each graph draws in full, and which as references."""

    def __init__(self, amap: ArgumentMap, options: DotOptions, pack: bool, branch: int) -> None:
        self.amap = amap
        self.options = options
        self.pack = pack
        whole = split(amap)
        self.arguments = sum(1 for part in whole if part.relations)  # parts that are more than a lone claim
        self.single = len(whole) == 1  # the map is one argument, every claim leading to its one conclusion
        self.trunk: int | None = None  # the number of the first trunk cut, if any
        parts: list[Part] = []
        self.trees: set[int] = set()  # the numbers of the trunks and branches: trees, drawn staggered
        cut = 0
        for part in whole:
            if len(part.claims) > branch:  # too big to lay out whole: its trunk and its branches
                if self.trunk is None:
                    self.trunk = len(parts)
                cut += 1
                cut_parts = branches(amap, part, branch)
                self.trees.update(range(len(parts), len(parts) + len(cut_parts)))
                parts.extend(cut_parts)
            else:
                parts.append(part)
        self.parts = tuple(parts)
        self.cut_said = (
            ""
            if not cut
            else ", the biggest cut into its top levels and branches"
            if cut == 1
            else f", the {cut:,} biggest cut into their top levels and branches"
        )
        self.home = {id: number for number, part in enumerate(self.parts) for id in part.claims}
        self.main = drawn_as_main(amap)
        self.order = {claim.id: position for position, claim in enumerate(amap.claims)}  # claims, then relations
        self.order.update({relation.id: len(self.order) + n for n, relation in enumerate(amap.relations)})
        self.files: list[str] | None = None  # for a split: the file of each part

    def where(self, id: str, here: str | None) -> str:
        """Return where the claim *id*, drawn as a reference, is drawn in full: under which conclusion, which file."""
        part = self.parts[self.home[id]]
        conclusion = part.conclusion
        if part.branch_of is not None:
            said = (
                "in full atop a branch"
                if conclusion == id
                else f"in full in the branch of “{_shortened(self.amap.claim_for(conclusion).text)}”"
            )
        elif conclusion == id:
            said = "in full as a main conclusion"
        else:
            said = f"in full in the argument for “{_shortened(self.amap.claim_for(conclusion).text)}”"
        if self.files is not None and self.files[self.home[id]] != here:
            said += f", in {self.files[self.home[id]]}"
        return said

    def ordered(self, ids: Iterable[str]) -> list[str]:
        """Return claim or relation *ids* in the map's order."""
        return sorted(ids, key=self.order.__getitem__)

    def drawing(self, suffix: str, numbers: Iterable[int], note: str | None = None, here: str | None = None) -> Drawing:
        """Return the drawing of the parts *numbers*: their claims in bricks of whole parts, packed or side by side."""
        parts, options, amap = self.parts, self.options, self.amap
        bricks: list[list[int]] = []
        size = 0
        for number in numbers:
            if not bricks or size >= _BRICK:
                bricks.append([])
                size = 0
            bricks[-1].append(number)
            size += len(parts[number].claims)
        graphs = []
        for brick in bricks:
            claims = {id for number in brick for id in parts[number].claims}
            referenced = {id for number in brick for id in parts[number].references if id not in claims}
            relations = self.ordered(id for number in brick for id in parts[number].relations)
            graph = submap(amap, self.ordered(claims | referenced), relations, ordered=True)
            graphs.append((graph, {id: self.where(id, here) for id in referenced}))
        drawn = {
            id for brick in bricks for number in brick for id in (*parts[number].claims, *parts[number].references)
        }
        if len(drawn) == len(amap.claims):
            whole = amap
        else:
            relations = self.ordered(id for brick in bricks for number in brick for id in parts[number].relations)
            whole = submap(amap, self.ordered(drawn), relations, ordered=True)
        top = heading(amap, options, note)
        if self.pack:
            dots = [
                part_dot(graph, options, main=self.main, references=references, tag=f"{index}-")
                for index, (graph, references) in enumerate(graphs)
            ]
            if options.legend:
                dots.insert(0, legend_dot(amap, options))
            staggered = any(number in self.trees for brick in bricks for number in brick)
            return Drawing(suffix, whole, tuple(dots), packed=True, heading=top, staggered=staggered)
        body = "".join(
            f'\tsubgraph "part {index}" {{\n'
            f"{part_body(graph, options, main=self.main, references=references, tag=f'{index}-')}\t}}\n"
            for index, (graph, references) in enumerate(graphs)
        )
        graph_text = f"digraph argmap {{\n{defaults(options)}{top}{body}{legend_lines(amap, options)}}}\n"
        return Drawing(suffix, whole, (graph_text,))

    def split(self, diagram_size: int, stem: str, suffix: str) -> Plan:
        """Return the plan of a split: diagrams of whole parts up to *diagram_size* claims, and an overview."""
        debate = self.single and self.trunk == 0 and len(self.parts) > 1  # one argument: its top levels, the overview
        diagrams: list[list[int]] = []
        size = 0
        for number, part in enumerate(self.parts):
            if debate and number == 0:
                continue
            if not diagrams or size + len(part.claims) > diagram_size:
                diagrams.append([])
                size = 0
            diagrams[-1].append(number)
            size += len(part.claims)
        names = [f"{stem}-{index}{suffix}" for index in range(1, len(diagrams) + 1)]
        self.files = [names[index] for index, numbers in enumerate(diagrams) for _ in numbers]
        if debate:
            self.files.insert(0, f"{stem}{suffix}")
            note = (
                f"The top levels of the argument; each dashed box is drawn in full in the diagram it names"
                f" ({names[0]} … {names[-1]})"
            )
            drawings = [self.drawing("", [0], note, self.files[0])]
        else:
            drawings = [_overview(self.amap, self.options, self.parts, self.home, diagrams, names, suffix)]
        for index, numbers in enumerate(diagrams):
            note = f"Diagram {index + 1} of {len(diagrams)} ({names[index]}); the overview is {stem}{suffix}"
            drawings.append(self.drawing(f"-{index + 1}", numbers, note, names[index]))
        noun = "diagram" if len(diagrams) == 1 else "diagrams"
        if debate:
            summary = (
                f"{len(self.amap.claims):,} claims under one main conclusion: drawn as its top levels"
                f" ({_counted(len(self.parts[0].claims), 'claim')}, the overview) and {len(diagrams):,} {noun}"
                f" of its {_counted(len(self.parts) - 1, 'branch')}, each up to {_counted(diagram_size, 'claim')};"
                " a claim drawn in another diagram is shown as a reference box naming it"
            )
            return Plan("split", tuple(drawings), summary)
        if all(len(numbers) == 1 for numbers in diagrams):
            shape = "one per main conclusion"
        elif len(diagrams) == 1:
            shape = f"holding the whole arguments of its {self.arguments:,} main conclusions"
        else:
            shape = (
                f"each holding the whole arguments of some of its {self.arguments:,} main conclusions,"
                f" up to {diagram_size:,} claims"
            )
        shape += self.cut_said
        summary = f"{len(self.amap.claims):,} claims: drawn as {len(diagrams):,} {noun}, {shape}, and an overview"
        return Plan("split", tuple(drawings), summary)


def _counted(count: int, noun: str) -> str:
    """Return *count* and *noun*, in the plural unless one: ``"1 claim"``, ``"27 branches"``."""
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{count:,} {noun if count == 1 else plural}"


def _shortened(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _overview(
    amap: ArgumentMap,
    options: DotOptions,
    parts: tuple[Part, ...],
    home: dict[str, int],
    diagrams: list[list[int]],
    names: list[str],
    suffix: str,
) -> Drawing:
    """Return the overview of a split: a box for each diagram, an arrow where one's claims point at the other's."""
    diagram_of = {number: index for index, numbers in enumerate(diagrams) for number in numbers}
    links: dict[tuple[int, int], int] = {}
    for number, part in enumerate(parts):
        to = diagram_of[number]
        for id in part.references:
            origin = diagram_of[home[id]]
            if origin != to:
                links[origin, to] = links.get((origin, to), 0) + 1
    strongest: dict[tuple[int, int], int] = {}
    for origin in range(len(diagrams)):
        mine = sorted(((count, to) for (start, to), count in links.items() if start == origin), reverse=True)
        strongest.update({(origin, to): count for count, to in mine[:_LINKS]})
    note = (
        f"An overview of {len(diagrams):,} diagrams; an arrow says how many claims of one"
        " support, rebut, undercut or answer claims of the other skeptically"
    )
    if len(strongest) < len(links):
        note += f" (for each diagram, the {_LINKS} it leads to most)"
    graph = [
        "digraph argmap {\n",
        defaults(attrs.evolve(options, direction="TB")),
        heading(amap, attrs.evolve(options, title=True), note) or "",
    ]
    linked = suffix in (".svg", ".pdf")  # a png has no links, and the html page refuses them
    for index, numbers in enumerate(diagrams):
        claims = sum(len(parts[number].claims) for number in numbers)
        first = amap.claim_for(parts[numbers[0]].conclusion).text
        more = f" and {len(numbers) - 1:,} more main conclusions" if len(numbers) > 1 else ""
        label = (
            f"<B>{html(names[index])}</B>{BR}{lines(f'“{_shortened(first, 80)}”{more}', 40)}{BR}"
            f'<FONT POINT-SIZE="11" COLOR="{PALETTE["muted"]}">{claims:,} claims</FONT>{BR}'
        )
        link = f', href="{quote(names[index])}"' if linked else ""
        graph.append(f'\t{name(f"diagram {index + 1}")} [label=<{label}>, class="diagram"{link}]\n')
    for (origin, to), count in sorted(strongest.items()):
        width = 1 + min(4.0, math.log10(count))
        graph.append(
            f"\t{name(f'diagram {origin + 1}')} -> {name(f'diagram {to + 1}')}"
            f' [label=<{count:,}>, color="{PALETTE["muted"]}", penwidth={width:.1f}]\n'
        )
    graph.append("}\n")
    return Drawing("", amap, ("".join(graph),))
