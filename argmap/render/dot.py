"""The DOT renderer: an argument map as Graphviz source, drawn in argmap's visual grammar.

:mod:`argmap.render.grammar` says how each element looks; this module lays
the map out as DOT text, and :func:`to_graphviz` hands the same text to the
``graphviz`` package for users who want to adjust it before rendering.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.support("Drones fly on.", m.claim("Talks fail."))
>>> print(to_dot(m, DotOptions(direction="BT", legend=False)).splitlines()[-2].strip())
"drones-fly-on" -> "talks-fail" [color="#0072B2", penwidth=1.5, class="support", arrowhead=normal]
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

import attrs

from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.model import Claim, Document, Rebuttal, Relation, SkepticalResponse, Support, Undercut, endpoints
from argmap.render._legend import legend as _legend
from argmap.render._legend import size as legend_size
from argmap.render._quoting import name, node_id
from argmap.render.grammar import (
    ARROWHEADS,
    BR,
    EDGE_STYLES,
    LABEL_COLOURS,
    PALETTE,
    RELATION_COLOURS,
    ClaimStyle,
    claim_attributes,
    claim_label,
    lines,
    relation_verdict,
)
from argmap.render.shape import WRAP, Shape, estimate, folded, junctioned, responded_to, staggered
from argmap.render.shape import shapes as _shapes

if TYPE_CHECKING:
    import graphviz

__all__ = [
    "DIRECTIONS",
    "GROUPINGS",
    "MARGIN",
    "PAGES",
    "Direction",
    "DotOptions",
    "GroupBy",
    "Page",
    "defaults",
    "drawn_as_main",
    "heading",
    "legend_dot",
    "legend_lines",
    "part_body",
    "part_dot",
    "shape",
    "shapes",
    "to_dot",
    "to_graphviz",
]

Direction: TypeAlias = Literal["auto", "BT", "TB", "LR", "RL"]
"""Where arrows point: ``BT`` (bottom to top) puts conclusions at the top; ``auto`` chooses what fits a page.

See :mod:`argmap.render.shape` for how ``auto`` chooses.
"""

Page: TypeAlias = Literal["a4", "letter", "a3"]
"""A paper size to fit a drawing on: see :data:`PAGES`."""

PAGES: dict[str, tuple[float, float]] = {"a4": (8.27, 11.69), "letter": (8.5, 11.0), "a3": (11.69, 16.54)}
"""Each paper size, portrait, in inches (the unit of Graphviz's ``size``)."""

MARGIN = 0.4
"""The blank margin, in inches, on each side of a drawing fitted to a page."""

GroupBy: TypeAlias = Literal["none", "source", "tag", "document", "section"]
"""What to frame together: the claims of one source, of one (first) tag, of one document of a merged map, or of
one section (an Argdown heading)."""

DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)


def _one_of(choices: tuple[str, ...]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise OptionError(f"DotOptions.{attribute.name} must be one of {', '.join(choices)}, got {value!r}")

    return check


def _wrap_width(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "wrap":
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 8 <= value <= 400:
        raise OptionError(f"DotOptions.wrap must be a whole number of characters from 8 to 400, got {value!r}")


def _hook(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        of = "a Claim" if attribute.name == "claim_style" else "a Relation"
        raise OptionError(f"DotOptions.{attribute.name} must be a function of {of}, or None, got {value!r}")


_SIZE = re.compile(r"\d+(\.\d+)?,\d+(\.\d+)?!?\Z")


def _size(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _SIZE.match(value)):
        raise OptionError(
            f"DotOptions.size must be a width and height in inches as Graphviz takes them, such as '8,10'"
            f" (or '8,10!' to scale up as well as down), got {value!r}"
        )


def _dpi(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 36 <= value <= 1200):
        raise OptionError(f"DotOptions.dpi must be a whole number of dots per inch from 36 to 1200, got {value!r}")


def _page(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in PAGES:
        raise OptionError(f"DotOptions.page must be one of {', '.join(PAGES)}, got {value!r}")
    if value is not None and getattr(instance, "size", None) is not None:
        raise OptionError("DotOptions.page and DotOptions.size both say how big to draw: give one of them")


def _fold(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value == 1:
        raise OptionError(f"DotOptions.fold must be 0 (no folding) or a whole number of ranks from 2, got {value!r}")


def _stagger(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 20:
        raise OptionError(f"DotOptions.stagger must be a whole number of ranks from 1 to 20, got {value!r}")


def _focus(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise OptionError(f"DotOptions.focus must be the id of a claim, or None, got {value!r}")


def _to_frozenset(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _entries(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    entries = value if isinstance(value, tuple) else (value,)
    for entry in entries:
        if not (
            isinstance(entry, tuple)
            and len(entry) == 2
            and isinstance(entry[0], str)
            and entry[0].strip()
            and isinstance(entry[1], ClaimStyle)
        ):
            raise OptionError(f"DotOptions.extra_legend must hold (label, ClaimStyle) pairs, got {entry!r}")


@attrs.frozen
class DotOptions:
    """How to draw a map: one value, so that a drawing can be described, compared and reused.

    Args:
        direction: where arrows point, one of :data:`DIRECTIONS`; ``BT``
            puts conclusions at the top; ``auto`` (the default) chooses
            ``BT`` or ``LR``, and may stagger a claim's many reasons, so that
            the drawing fits a page (:mod:`argmap.render.shape`).
        wrap: how many characters a line of claim text holds; ``None`` (the
            default) for 36, which ``auto`` direction may narrow or widen to fit a page.
        attributions: whether to show who said each claim.
        legend: whether to draw a legend of the kinds of element the map uses.
        group_by: one of :data:`GROUPINGS`: frame together the claims of one
            source, of one (first) tag, of one document of a merged map, or of
            one section.
        title: whether to draw the map's title, author, publication and date above it.
        claim_style: the per-claim style hook: a function given each claim
            that returns a :class:`~argmap.render.grammar.ClaimStyle` to draw
            it with, or ``None`` to draw it as usual. Evaluation uses it to
            mark claims accepted, rejected or undecided.
        extra_legend: what the hook's styles mean, as ``(label, ClaimStyle)``
            pairs, each drawn in the legend as a sample claim.
        focus: the id of a claim to draw highlighted, with a double border:
            the centre of a neighbourhood (``argmap render --focus``).
        main_conclusions: the ids of the claims to draw as main conclusions;
            by default the map's own. A part of a bigger map passes the whole
            map's, so that a claim whose conclusion was left out is not drawn as one.
        quotes: whether to draw each claim's quote (the speaker's exact
            words) under its text, where it differs from the text.
        relation_status: the per-relation status hook: a function given each
            relation that returns ``"accepted"``, ``"rejected"`` or
            ``"undecided"``, or ``None``; a rejected relation is drawn dotted
            and marked ✗, an undecided one dashed and marked ○
            (:data:`~argmap.render.grammar.RELATION_VERDICTS`).
        size: the most the drawing may measure, ``"width,height"`` in inches
            as Graphviz's ``size`` takes it: a bigger drawing is scaled down
            to fit; ``"8,10!"`` scales a smaller one up too.
        page: a paper size, one of :data:`PAGES`: the drawing is scaled down
            to fit inside its :data:`MARGIN`, the page turned to landscape
            when the drawing is wider than high.
        dpi: the resolution of a PNG, in dots per inch (Graphviz's default is 96).
        stagger: over how many ranks to spread the reasons of a claim that
            has many that nothing else points at, as Graphviz's ``unflatten -l``
            does; 1 for none. ``auto`` direction chooses it.
        fold: how many ranks each column of a deep map holds when its ranks
            are folded into columns side by side, down one and up the next
            (rows, left to right); 0 for none. ``auto`` direction chooses it
            for a map too deep to fit a page otherwise, such as a long chain.

    >>> DotOptions(direction="LR", group_by="source").group_by
    'source'
    """

    direction: Direction = attrs.field(default="auto", validator=_one_of(DIRECTIONS))
    wrap: int | None = attrs.field(default=None, validator=_wrap_width)
    attributions: bool = True
    legend: bool = True
    group_by: GroupBy = attrs.field(default="none", validator=_one_of(GROUPINGS))
    title: bool = True
    claim_style: Callable[[Claim], ClaimStyle | None] | None = attrs.field(default=None, validator=_hook)
    extra_legend: tuple[tuple[str, ClaimStyle], ...] = attrs.field(default=(), converter=_to_tuple, validator=_entries)
    focus: str | None = attrs.field(default=None, validator=_focus)
    main_conclusions: frozenset[str] | None = attrs.field(default=None, converter=_to_frozenset)
    quotes: bool = False
    relation_status: Callable[[Relation], str | None] | None = attrs.field(default=None, validator=_hook)
    size: str | None = attrs.field(default=None, validator=_size)
    page: Page | None = attrs.field(default=None, validator=_page)
    dpi: int | None = attrs.field(default=None, validator=_dpi)
    stagger: int = attrs.field(default=1, validator=_stagger)
    fold: int = attrs.field(default=0, validator=_fold)


_DEFAULTS = DotOptions()
_HEAD = "digraph argmap {\n"
_TAIL = "}\n"
_FONT = "Helvetica"
_FRAME = (
    f'style="rounded,filled", fillcolor="{PALETTE["frame"]}", color="{PALETTE["muted"]}",'
    f' fontcolor="{PALETTE["muted"]}", fontsize=12'
)


def to_dot(amap: ArgumentMap, options: DotOptions | None = None) -> str:
    """Return the Graphviz DOT source that draws *amap*.

    The text is built directly, one quoting function per context, so that a
    10,000-claim map takes a fraction of a second; no text in the map can
    break or inject into it.
    """
    return _HEAD + "".join(_body(amap, options or _DEFAULTS)) + _TAIL


def to_graphviz(amap: ArgumentMap, options: DotOptions | None = None) -> graphviz.Digraph:
    """Return *amap* as a :class:`graphviz.Digraph`, to adjust before rendering.

    Attributes set through its methods are appended to the body, so they win
    over argmap's: ``g.attr(rankdir="LR")``.
    """
    import graphviz  # imported here: the command line starts faster without it

    return graphviz.Digraph(name="argmap", body=list(_body(amap, options or _DEFAULTS)))


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
    return _HEAD + part_body(amap, options, main=main, references=references, tag=tag) + _TAIL


def part_body(
    amap: ArgumentMap, options: DotOptions, *, main: Collection[str], references: Mapping[str, str], tag: str
) -> str:
    """Return the lines of :func:`part_dot`'s graph, to draw several parts as subgraphs of one graph."""
    return "".join(_body(amap, options, main=set(main), references=references, tag=tag, title=False, legend=False))


def legend_dot(amap: ArgumentMap, options: DotOptions) -> str:
    """Return a graph holding only the legend of *amap*: one graph of a drawing laid out in parts."""
    return _HEAD + "".join(_defaults(options)) + legend_lines(amap, options) + _TAIL


def legend_lines(amap: ArgumentMap, options: DotOptions) -> str:
    """Return the line of *amap*'s legend as a node of its own; ``""`` when options leave the legend out."""
    table = _legend_table(amap, options, drawn_as_main(amap)) if options.legend else ""
    return f'\t" legend" [shape=plain, id="legend", label=<{table}>]\n' if table else ""


def heading(amap: ArgumentMap, options: DotOptions, note: str | None = None) -> str:
    """Return the graph attributes that draw *amap*'s title above a drawing, and *note* under it in grey.

    ``""`` when there is nothing to draw, or options leave the title out.
    """
    if not options.title:
        return ""
    lines_ = list(_title(amap, note))
    if not lines_:
        return ""
    return (
        f'\tgraph [fontname="{_FONT}", fontsize=16, fontcolor="{PALETTE["text"]}", labelloc=t, labeljust=l]\n'
        + "".join(lines_)
    )


def defaults(options: DotOptions) -> str:
    """Return the graph, node and edge attribute lines every graph argmap draws opens with."""
    return "".join(_defaults(options))


def shape(amap: ArgumentMap, options: DotOptions | None = None) -> Shape:
    """Return the shape *amap* is drawn in: the one options ask for, or the one ``auto`` chooses.

    See :mod:`argmap.render.shape`; the width and height are its estimate.
    """
    return shapes(amap, options)[0]


def shapes(amap: ArgumentMap, options: DotOptions | None = None) -> tuple[Shape, ...]:
    """Return the shapes *amap* may be drawn in, best first: with ``auto`` direction, every candidate.

    Draw one with ``attrs.evolve(options, direction=s.direction, wrap=s.wrap, stagger=s.stagger, fold=s.fold)``:
    :mod:`argmap.engine` takes the next when the drawing of the first turns out not to fit.
    """
    return _planned(amap, options or _DEFAULTS)[0]


_LEGEND_ROWS = (360.0, 620.0)
"""How wide a legend row may grow, in points: 60 % of the map's estimated width, within these bounds."""


def _planned(amap: ArgumentMap, options: DotOptions) -> tuple[tuple[Shape, ...], str]:
    """Return the shapes *amap* may be drawn in, best first, and its legend.

    The legend's rows grow to 60 % of the width the map is estimated to take
    without it, within :data:`_LEGEND_ROWS`, so that a legend does not make a
    small map's drawing wider; the shapes are then estimated with it.
    """
    main = _main(amap, options)
    title = (0.0, 0.0)
    if options.title and (amap.title or amap.author or amap.publication or amap.date):
        title = (len(amap.title or "") * 16 * 0.58, 44.0)
    measures: dict[str, Any] = {
        "attributions": options.attributions,
        "quotes": options.quotes,
        "main": main,
        "styled": options.claim_style is not None,
    }

    def candidates(header: tuple[float, float]) -> tuple[Shape, ...]:
        if options.direction != "auto":
            fixed = Shape(options.direction, options.stagger, _wrap(options), fold=options.fold)
            return (estimate(amap, fixed, header=header, **measures),)
        return _shapes(amap, wrap=options.wrap, header=header, **measures)

    if not options.legend:
        return candidates(title), ""
    natural = candidates(title)[0]
    row = min(_LEGEND_ROWS[1], max(_LEGEND_ROWS[0], natural.width * 0.6))
    table = _legend_table(amap, options, main, width=row)
    if not table:
        return candidates(title), ""
    width, height = legend_size(table)
    return candidates((max(title[0], width), title[1] + height)), table


def _wrap(options: DotOptions) -> int:
    return WRAP if options.wrap is None else options.wrap


def _fitted(page: str, *, landscape: bool) -> str:
    """Return the graph attributes that scale a drawing down to fit *page*, turned to landscape if asked."""
    width, height = PAGES[page]
    if landscape:
        width, height = height, width
    return f'\tgraph [size="{width - 2 * MARGIN:.2f},{height - 2 * MARGIN:.2f}", margin={MARGIN}, pad=0]\n'


def _main(amap: ArgumentMap, options: DotOptions) -> set[str]:
    return drawn_as_main(amap) if options.main_conclusions is None else set(options.main_conclusions)


def _legend_table(amap: ArgumentMap, options: DotOptions, main: set[str], width: float = math.inf) -> str:
    verdicts: frozenset[str] = frozenset()
    if options.relation_status is not None:
        verdicts = frozenset(filter(None, map(options.relation_status, amap.relations)))
    return _legend(amap, options, main=bool(main), verdicts=verdicts, width=width)


def _rankdir(options: DotOptions) -> str:
    return "BT" if options.direction == "auto" else options.direction


def _defaults(options: DotOptions) -> Iterator[str]:
    yield (
        f'\tgraph [rankdir={_rankdir(options)}, fontname="{_FONT}", fontsize=16, fontcolor="{PALETTE["text"]}",'
        " ranksep=0.5, nodesep=0.35, newrank=true, labelloc=t, labeljust=l, pad=0.2]\n"
    )
    yield (
        f'\tnode [shape=box, style="rounded,filled", fillcolor="{PALETTE["fill"]}", color="{PALETTE["border"]}",'
        f' fontname="{_FONT}", fontsize=13, fontcolor="{PALETTE["text"]}", margin="0.14,0.08"]\n'
    )
    yield f'\tedge [fontname="{_FONT}", fontsize=11, arrowsize=0.9]\n'


def _body(
    amap: ArgumentMap,
    options: DotOptions,
    *,
    main: set[str] | None = None,
    references: Mapping[str, str] | None = None,
    tag: str = "",
    title: bool = True,
    legend: bool = True,
) -> Iterator[str]:
    """Yield the lines inside ``digraph { }``, each indented and ending in a new line.

    A whole map (title and legend asked for) is drawn in the shape
    :func:`shape` gives; its legend is the graph's label, at the foot, and its
    title then the label of a borderless frame around the map, at the top.
    """
    if main is None:
        main = _main(amap, options)
    whole = title and legend
    fitted = table = ""
    if whole:
        found, table = _planned(amap, options)
        chosen = found[0]
        options = attrs.evolve(
            options, direction=chosen.direction, wrap=chosen.wrap, stagger=chosen.stagger, fold=chosen.fold
        )
        if options.page is not None:
            fitted = _fitted(options.page, landscape=chosen.aspect > 1)
    yield from _defaults(options)
    yield fitted
    if whole and options.size is not None:
        yield f'\tgraph [size="{options.size}"]\n'
    titled = title and options.title and bool(list(_title(amap)))
    if table:
        yield f"\tgraph [label=<{table}>, labelloc=b, labeljust=l, fontsize=11]\n"
    if titled and table:
        yield '\tsubgraph "cluster_title" {\n'
        top = "b" if options.direction == "BT" else "t"  # a frame's "t" is its lower side when drawn bottom to top
        yield f'\t\tgraph [labelloc={top}, labeljust=l, fontsize=16, color="#FFFFFF00", id="title"]\n'
        yield from ("\t" + line for line in _title(amap))
    elif titled:
        yield from _title(amap)
    lengths = staggered(amap.relations, junctioned(amap.relations), options.stagger) if whole else {}
    if lengths:  # the staggered lines into one claim share their way, or they would take the room saved
        yield "\tgraph [concentrate=true]\n"
    if whole and options.fold:
        yield "\tedge [constraint=false]\n"  # the ranks are those of the folding, below
    yield from _map(amap, options, main, references or {}, tag, lengths)
    if titled and table:
        yield "\t}\n"
    if whole and options.fold:  # outside the title's frame: dot orders a frame's nodes by the lines drawn there first
        yield from _folding(amap, options.fold)


def _folding(amap: ArgumentMap, fold: int) -> Iterator[str]:
    """Yield the invisible ladder of ranks, and each node's place on it, that fold a deep map into columns.

    Every real line is drawn (``constraint=false``: it no longer sets ranks),
    and joins neighbours: down one column, across, up the next. An invisible
    line on each rank from one column to the next keeps the columns in order,
    the conclusions' first, at the left (at the top, left to right).
    """
    rows: dict[int, dict[int, list[str]]] = {}
    for node, (row, column) in folded(amap, fold).items():
        rows.setdefault(row, {}).setdefault(column, []).append(node)
    rungs = [name(f" fold {row}") for row in range(fold)]
    for row, rung in enumerate(rungs):
        nodes = [name(node) for _, found in sorted(rows.get(row, {}).items()) for node in found]
        yield f'\t{rung} [style=invis, shape=point, width=0, height=0, label=""]\n'
        yield f"\t{{rank=same; {'; '.join([rung, *nodes])}}}\n"
    for nearer, further in itertools.pairwise(rungs):  # rank 0 holds the conclusions: the arrows point to it
        yield f"\t{further} -> {nearer} [style=invis, constraint=true]\n"
    for row in range(fold):
        firsts = [name(found[0]) for _, found in sorted(rows.get(row, {}).items())]
        if len(firsts) > 1:
            yield f"\t{' -> '.join(firsts)} [style=invis]\n"


def _map(
    amap: ArgumentMap,
    options: DotOptions,
    main: set[str],
    references: Mapping[str, str],
    tag: str,
    lengths: Mapping[str, int],
) -> Iterator[str]:
    """Yield the lines that draw the claims and relations of *amap*: frames, boxes, junctions, edges."""
    names = {id: name(f" reference {tag} {id}") for id in references}
    relations = amap.relations
    through = junctioned(relations)
    groups = _groups(amap, options.group_by, set(references))
    junctions: dict[int | None, list[Relation]] = _frame_of_junctions(relations, through, groups)
    points = responded_to(relations)
    top = "b" if options.direction == "BT" else "t"  # a frame's "t" is its lower side when drawn bottom to top
    grouped: set[str] = set()
    for number, (label, members) in enumerate(groups):
        yield f'\tsubgraph "cluster_{tag}{number}" {{\n'
        yield f"\t\tgraph [label=<{lines(label, 60)}>, labelloc={top}, {_FRAME}]\n"
        for claim in members:
            yield "\t" + _claim_node(claim, claim.id in main, options)
        for relation in junctions.get(number, ()):
            yield "\t" + _junction(relation, relation.id in points)
        grouped.update(claim.id for claim in members)
        yield "\t}\n"
    for claim in amap.claims:
        if claim.id in references:
            yield _reference_node(claim, names[claim.id], references[claim.id], tag, options)
        elif claim.id not in grouped:
            yield _claim_node(claim, claim.id in main, options)
    for relation in junctions.get(None, ()):
        yield _junction(relation, relation.id in points)
    yield from _relations(relations, through, points, names, lengths, options.relation_status)


def drawn_as_main(amap: ArgumentMap) -> set[str]:
    """Return the ids of the claims to make stand out: where the argument ends.

    They are the map's main conclusions that something supports, attacks or
    answers skeptically; a claim connected to nothing (background, say) is not drawn as one.
    """
    pointed_at = {endpoints(relation)[1] for relation in amap.relations}
    return {claim.id for claim in amap.main_conclusions() if claim.id in pointed_at}


def _byline(*parts: str | None) -> str:
    """Return the parts that are set, each once, joined by middle dots: an author that is the publication, once."""
    return " · ".join(dict.fromkeys(part for part in parts if part))


def _title(amap: ArgumentMap, note: str | None = None) -> Iterator[str]:
    byline = _byline(amap.author, amap.publication, amap.date)
    if not amap.title and not byline and not note:
        return
    parts = [f"<B>{lines(amap.title, 80)}</B>"] if amap.title else []
    if byline:
        parts.append(f'<FONT POINT-SIZE="12" COLOR="{PALETTE["muted"]}">{lines(byline, 100)}</FONT>')
    if note:
        parts.append(f'<FONT POINT-SIZE="12" COLOR="{PALETTE["muted"]}">{lines(note, 100)}</FONT>')
    yield f"\tgraph [label=<{BR.join(parts)}{BR}>]\n"


def _claim_node(claim: Claim, main: bool, options: DotOptions) -> str:
    style = options.claim_style(claim) if options.claim_style is not None else None
    if style is not None and not isinstance(style, ClaimStyle):
        raise OptionError(f"the claim_style hook returned {style!r} for claim {claim.id!r}, not a ClaimStyle or None")
    badge = style.badge if style is not None else None
    label = claim_label(
        claim, wrap=_wrap(options), attributions=options.attributions, main=main, badge=badge, quotes=options.quotes
    )
    # id and class reach the SVG, where the HTML page finds the claim's node by them.
    attributes = claim_attributes(style, main)
    if claim.id == options.focus:
        attributes += ", peripheries=2"
    kind = "claim main" if main else "claim"  # the page keeps a main conclusion's border heavier under status
    return f'\t{name(claim.id)} [label=<{label}>, id="{node_id(claim.id)}", class="{kind}"{attributes}]\n'


def _reference_node(claim: Claim, node_name: str, where: str, tag: str, options: DotOptions) -> str:
    """Return the node of a claim drawn in full elsewhere: its text in italics, where it is, a dashed grey box."""
    wrap = _wrap(options)
    text = lines(claim.text, wrap)
    note = lines(f"↗ {where}", wrap + wrap // 4)
    label = f'<I>{text}</I>{BR}<FONT POINT-SIZE="10" COLOR="{PALETTE["muted"]}">{note}</FONT>{BR}'
    # The id differs from the claim's own, which its node in full carries; the HTML page finds claims by that one.
    reference_id = f"reference-{tag}-" + node_id(claim.id).removeprefix("claim-")
    return (
        f'\t{node_name} [label=<{label}>, id="{reference_id}", class="reference", style="rounded,filled,dashed",'
        f' fillcolor="{PALETTE["frame"]}", color="{PALETTE["muted"]}", fontsize=12]\n'
    )


def _junction(relation: Relation, responded_to: bool) -> str:
    """Return the junction dot of *relation*, and for a support responded to the smaller point its responses end on."""
    colour = RELATION_COLOURS[type(relation)]
    dot = f'\t{name(relation.id)} [shape=point, width=0.11, color="{colour}", fillcolor="{colour}", label=""]\n'
    if not responded_to:
        return dot
    return dot + (
        f'\t{_point(relation.id)} [shape=point, width=0.06, color="{colour}", fillcolor="{colour}", label=""]\n'
    )


def _point(support: str) -> str:
    """Return the name of the point on *support*'s line, past its junction, where skeptical responses to it end."""
    return name(f" point {support}")


def _frame_of_junctions(
    relations: tuple[Relation, ...], junctioned: set[str], groups: list[tuple[str, list[Claim]]]
) -> dict[int | None, list[Relation]]:
    """Return the junctions to draw in each frame (by number), and outside any (``None``).

    A junction goes in the frame of its claims when they all share one, so that
    a frame holds its own arguments whole.
    """
    frame_of = {claim.id: number for number, (_, members) in enumerate(groups) for claim in members}
    placed: dict[int | None, list[Relation]] = {}
    for relation in relations:
        if relation.id in junctioned:
            origins, target = endpoints(relation)
            frames = {frame_of.get(id) for id in (*origins, target)}
            placed.setdefault(frames.pop() if len(frames) == 1 else None, []).append(relation)
    return placed


def _relations(
    relations: tuple[Relation, ...],
    through: set[str],
    points: set[str],
    names: Mapping[str, str],
    lengths: Mapping[str, int],
    status: Callable[[Relation], str | None] | None,
) -> Iterator[str]:
    """Yield the edges of *relations*; a claim in *names* is drawn as the reference node of that name.

    A relation in *through* runs through its junction dot; a support in
    *points* on through a second point, where skeptical responses to it end; *lengths* gives
    the staggered ones their length in ranks; *status* marks the verdict of each.
    """
    for relation in relations:
        kind = type(relation)
        verdict = status(relation) if status is not None else None
        style = EDGE_STYLES[kind] + relation_verdict(verdict)
        # The class reaches the SVG: the kind, and the verdict where there is one.
        style += f', class="{_KIND_CLASSES[kind]}{f" {verdict}" if verdict else ""}"'
        head = ARROWHEADS[kind]
        label = _relation_label(relation)
        origins, target = endpoints(relation)
        target_name = _point(target) if isinstance(relation, SkepticalResponse) and target in points else name(target)
        plain = EDGE_STYLES[kind] + f', class="{_KIND_CLASSES[kind]}"'
        if relation.id in through:
            junction = name(relation.id)
            for origin in origins:
                yield f"\t{names.get(origin) or name(origin)} -> {junction} [{plain}, arrowhead=none]\n"
            if relation.id in points:
                yield f"\t{junction} -> {_point(relation.id)} [{plain}, arrowhead=none]\n"
                junction = _point(relation.id)
            yield f"\t{junction} -> {target_name} [{style}, arrowhead={head}{label}]\n"
        else:
            origin = origins[0]
            length = lengths.get(relation.id, 1)
            minimum = f", minlen={length}" if length > 1 else ""
            yield (
                f"\t{names.get(origin) or name(origin)} -> {target_name} [{style}, arrowhead={head}{label}{minimum}]\n"
            )


_KIND_CLASSES: dict[type[Relation], str] = {
    Support: "support",
    Rebuttal: "rebuttal",
    Undercut: "undercut",
    SkepticalResponse: "skeptical-response",
}


def _relation_label(relation: Relation) -> str:
    if isinstance(relation, SkepticalResponse):
        text = f"? {relation.stance}"
    elif relation.label is not None:
        text = relation.label
    else:
        return ""
    colour = LABEL_COLOURS[type(relation)]
    return f', label=<<I>{lines(text, 24)}</I>{BR}>, fontcolor="{colour}"'


def _groups(amap: ArgumentMap, group_by: GroupBy, references: set[str]) -> list[tuple[str, list[Claim]]]:
    """Return the frames to draw, as (label, claims), in the order first met; references are framed by none."""
    if group_by == "none":
        return []
    key: Callable[[Claim], tuple[str, str] | None]
    if group_by == "source":
        key = _source_key
    elif group_by == "tag":
        key = _tag_key
    elif group_by == "section":

        def key(claim: Claim) -> tuple[str, str] | None:
            return None if claim.section is None else (claim.section, claim.section)

    else:
        labels = {document.id: _document_label(document) for document in amap.documents}

        def key(claim: Claim) -> tuple[str, str] | None:
            document = claim.document
            return None if document is None else (document, labels.get(document, document))

    groups: dict[str, tuple[str, list[Claim]]] = {}
    for claim in amap.claims:
        found = None if claim.id in references else key(claim)
        if found is not None:
            groups.setdefault(found[0], (found[1], []))[1].append(claim)
    return list(groups.values())


def _source_key(claim: Claim) -> tuple[str, str] | None:
    source = claim.source
    return None if source is None else (source.id, str(source))


def _tag_key(claim: Claim) -> tuple[str, str] | None:
    return (claim.tags[0], claim.tags[0]) if claim.tags else None


def _document_label(document: Document) -> str:
    details = _byline(document.author, document.publication, document.date)
    label = document.title or document.id
    return f"{label} ({details})" if details else label
