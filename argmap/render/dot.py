"""The DOT renderer: an argument map as Graphviz source, drawn in argmap's visual grammar.

:mod:`argmap.render.grammar` says how each element looks; this module lays
the map out as DOT text, and :func:`to_graphviz` hands the same text to the
``graphviz`` package for users who want to adjust it before rendering.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.support("Drones fly on.", m.claim("Talks fail."))
>>> print(to_dot(m, DotOptions(legend=False)).splitlines()[-2].strip())
"drones-fly-on" -> "talks-fail" [color="#0072B2", penwidth=1.5, arrowhead=normal]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

import attrs

from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.model import Claim, Document, Relation, SkepticalResponse, Support, endpoints
from argmap.render._legend import legend as _legend
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
)

if TYPE_CHECKING:
    import graphviz

__all__ = [
    "DIRECTIONS",
    "GROUPINGS",
    "Direction",
    "DotOptions",
    "GroupBy",
    "defaults",
    "drawn_as_main",
    "heading",
    "legend_dot",
    "legend_lines",
    "part_body",
    "part_dot",
    "to_dot",
    "to_graphviz",
]

Direction: TypeAlias = Literal["BT", "TB", "LR", "RL"]
"""Where arrows point: ``BT`` (bottom to top) puts conclusions at the top."""

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
    if not isinstance(value, int) or isinstance(value, bool) or not 8 <= value <= 400:
        raise OptionError(f"DotOptions.wrap must be a whole number of characters from 8 to 400, got {value!r}")


def _hook(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise OptionError(f"DotOptions.claim_style must be a function of a Claim, or None, got {value!r}")


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
            (the default) puts conclusions at the top.
        wrap: how many characters a line of claim text holds.
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

    >>> DotOptions(direction="LR", group_by="source").wrap
    36
    """

    direction: Direction = attrs.field(default="BT", validator=_one_of(DIRECTIONS))
    wrap: int = attrs.field(default=36, validator=_wrap_width)
    attributions: bool = True
    legend: bool = True
    group_by: GroupBy = attrs.field(default="none", validator=_one_of(GROUPINGS))
    title: bool = True
    claim_style: Callable[[Claim], ClaimStyle | None] | None = attrs.field(default=None, validator=_hook)
    extra_legend: tuple[tuple[str, ClaimStyle], ...] = attrs.field(default=(), converter=_to_tuple, validator=_entries)
    focus: str | None = attrs.field(default=None, validator=_focus)
    main_conclusions: frozenset[str] | None = attrs.field(default=None, converter=_to_frozenset)


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
    """Return the lines of *amap*'s legend, a framed subgraph; ``""`` when options leave the legend out."""
    return "".join(_legend(amap, options)) if options.legend else ""


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


def _defaults(options: DotOptions) -> Iterator[str]:
    yield (
        f'\tgraph [rankdir={options.direction}, fontname="{_FONT}", fontsize=16, fontcolor="{PALETTE["text"]}",'
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
    """Yield the lines inside ``digraph { }``, each indented and ending in a new line."""
    yield from _defaults(options)
    if title and options.title:
        yield from _title(amap)
    if main is None:
        main = drawn_as_main(amap) if options.main_conclusions is None else set(options.main_conclusions)
    references = references or {}
    names = {id: name(f" reference {tag} {id}") for id in references}
    relations = amap.relations
    junctioned = _junctioned(relations)
    groups = _groups(amap, options.group_by, set(references))
    junctions: dict[int | None, list[Relation]] = _frame_of_junctions(relations, junctioned, groups)
    top = "b" if options.direction == "BT" else "t"  # a frame's "t" is its lower side when drawn bottom to top
    grouped: set[str] = set()
    for number, (label, members) in enumerate(groups):
        yield f'\tsubgraph "cluster_{tag}{number}" {{\n'
        yield f"\t\tgraph [label=<{lines(label, 60)}>, labelloc={top}, {_FRAME}]\n"
        for claim in members:
            yield "\t" + _claim_node(claim, claim.id in main, options)
        for relation in junctions.get(number, ()):
            yield "\t" + _junction(relation)
        grouped.update(claim.id for claim in members)
        yield "\t}\n"
    for claim in amap.claims:
        if claim.id in references:
            yield _reference_node(claim, names[claim.id], references[claim.id], tag, options)
        elif claim.id not in grouped:
            yield _claim_node(claim, claim.id in main, options)
    for relation in junctions.get(None, ()):
        yield _junction(relation)
    yield from _relations(relations, junctioned, names)
    if legend and options.legend:
        yield from _legend(amap, options)


def drawn_as_main(amap: ArgumentMap) -> set[str]:
    """Return the ids of the claims to make stand out: where the argument ends.

    They are the map's main conclusions that something supports, attacks or
    doubts; a claim connected to nothing (background, say) is not drawn as one.
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
    label = claim_label(claim, wrap=options.wrap, attributions=options.attributions, main=main, badge=badge)
    # id and class reach the SVG, where the HTML page finds the claim's node by them.
    attributes = claim_attributes(style, main)
    if claim.id == options.focus:
        attributes += ", peripheries=2"
    return f'\t{name(claim.id)} [label=<{label}>, id="{node_id(claim.id)}", class="claim"{attributes}]\n'


def _reference_node(claim: Claim, node_name: str, where: str, tag: str, options: DotOptions) -> str:
    """Return the node of a claim drawn in full elsewhere: its text in italics, where it is, a dashed grey box."""
    text = lines(claim.text, options.wrap)
    note = lines(f"↗ {where}", options.wrap + options.wrap // 4)
    label = f'<I>{text}</I>{BR}<FONT POINT-SIZE="10" COLOR="{PALETTE["muted"]}">{note}</FONT>{BR}'
    # The id differs from the claim's own, which its node in full carries; the HTML page finds claims by that one.
    reference_id = f"reference-{tag}-" + node_id(claim.id).removeprefix("claim-")
    return (
        f'\t{node_name} [label=<{label}>, id="{reference_id}", class="reference", style="rounded,filled,dashed",'
        f' fillcolor="{PALETTE["frame"]}", color="{PALETTE["muted"]}", fontsize=12]\n'
    )


def _junctioned(relations: tuple[Relation, ...]) -> set[str]:
    """Return the ids of the relations drawn through a junction dot: linked, attacked or doubted ones."""
    targeted = {relation.target for relation in relations if not isinstance(relation, Support)}
    return {relation.id for relation in relations if len(endpoints(relation)[0]) > 1 or relation.id in targeted}


def _junction(relation: Relation) -> str:
    colour = RELATION_COLOURS[type(relation)]
    return f'\t{name(relation.id)} [shape=point, width=0.11, color="{colour}", fillcolor="{colour}", label=""]\n'


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


def _relations(relations: tuple[Relation, ...], junctioned: set[str], names: Mapping[str, str]) -> Iterator[str]:
    """Yield the edges of *relations*; a claim in *names* is drawn as the reference node of that name."""
    for relation in relations:
        kind = type(relation)
        style = EDGE_STYLES[kind]
        head = ARROWHEADS[kind]
        label = _relation_label(relation)
        origins, target = endpoints(relation)
        target_name = name(target)
        if relation.id in junctioned:
            junction = name(relation.id)
            for origin in origins:
                yield f"\t{names.get(origin) or name(origin)} -> {junction} [{style}, arrowhead=none]\n"
            yield f"\t{junction} -> {target_name} [{style}, arrowhead={head}{label}]\n"
        else:
            origin = origins[0]
            yield f"\t{names.get(origin) or name(origin)} -> {target_name} [{style}, arrowhead={head}{label}]\n"


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
