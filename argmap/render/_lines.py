"""The lines of a diagram's DOT source: defaults, title, legend, frames, boxes, junctions and edges.

The plumbing beneath :func:`argmap.render.dot.to_dot` and the parts of a
big map (:mod:`argmap.render._parts`); private to :mod:`argmap.render`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.model import Claim, Document, Rebuttal, Relation, SkepticalResponse, Support, Undercut, endpoints
from argmap.render._legend import legend
from argmap.render._legend import size as legend_size
from argmap.render._options import MARGIN, PAGES, DotOptions, GroupBy
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
from argmap.render.shape import (
    LARGE,
    WRAP,
    Estimates,
    Shape,
    best,
    estimate,
    folded,
    junctioned,
    responded_to,
    shapes,
    staggered,
)

__all__ = [
    "DEFAULTS",
    "FONT",
    "HEAD",
    "TAIL",
    "body",
    "default_lines",
    "drawn_as_main",
    "legend_table",
    "main_of",
    "planned",
    "title_lines",
    "wrap_of",
]

DEFAULTS = DotOptions()
HEAD = "digraph argmap {\n"
TAIL = "}\n"
FONT = "Helvetica"
_FRAME = (
    f'style="rounded,filled", fillcolor="{PALETTE["frame"]}", color="{PALETTE["muted"]}",'
    f' fontcolor="{PALETTE["muted"]}", fontsize=12'
)


_LEGEND_ROWS = (360.0, 620.0)
"""How wide a legend row may grow, in points: 60 % of the map's estimated width, within these bounds."""


def planned(
    amap: ArgumentMap, options: DotOptions, *, every: bool = False, main: set[str] | None = None
) -> tuple[tuple[Shape, ...], str]:
    """Return the shapes *amap* may be drawn in, best first, and its legend.

    Only the best shape is worked out (:func:`~argmap.render.shape.best`),
    unless *every* candidate is asked for. The legend's rows grow to 60 % of
    the width the map is estimated to take without it, within
    :data:`_LEGEND_ROWS`, so that a legend does not make a small map's
    drawing wider; the shapes are then estimated with it. A map of more than
    :data:`~argmap.render.shape.LARGE` claims is not estimated: its one shape
    is the one asked for, or left to right in ``auto``, with no width or
    height, and its legend's rows are the widest. *main* is :func:`main_of`'s, if already known.
    """
    if main is None:
        main = main_of(amap, options)
    large = len(amap.claims) > LARGE
    title = (0.0, 0.0)
    if options.title and (amap.title or amap.author or amap.publication or amap.date):
        title = (len(amap.title or "") * 16 * 0.58, 44.0)
    measures: dict[str, Any] = {
        "attributions": options.attributions,
        "quotes": options.quotes,
        "main": main,
        "styled": options.claim_style is not None,
    }
    estimates = Estimates(amap, **measures)  # the map is estimated twice, without and with its legend: once

    def candidates(header: tuple[float, float], every: bool) -> tuple[Shape, ...]:
        if options.direction != "auto":
            fixed = Shape(options.direction, options.stagger, wrap_of(options), fold=options.fold)
            return (fixed,) if large else (estimate(amap, fixed, header=header, estimates=estimates, **measures),)
        if large:
            return (Shape("LR", 1, wrap_of(options)),)
        if every:
            return shapes(amap, wrap=options.wrap, header=header, estimates=estimates, **measures)
        return (best(amap, wrap=options.wrap, header=header, estimates=estimates, **measures),)

    if not options.legend:
        return candidates(title, every), ""
    if large:
        row = _LEGEND_ROWS[1]
    else:
        natural = candidates(title, False)[0]
        row = min(_LEGEND_ROWS[1], max(_LEGEND_ROWS[0], natural.width * 0.6))
    table = legend_table(amap, options, main, width=row)
    if not table:
        return candidates(title, every), ""
    width, height = legend_size(table)
    return candidates((max(title[0], width), title[1] + height), every), table


def wrap_of(options: DotOptions) -> int:
    return WRAP if options.wrap is None else options.wrap


def _fitted(page: str, *, landscape: bool) -> str:
    """Return the graph attributes that scale a drawing down to fit *page*, turned to landscape if asked."""
    width, height = PAGES[page]
    if landscape:
        width, height = height, width
    return f'\tgraph [size="{width - 2 * MARGIN:.2f},{height - 2 * MARGIN:.2f}", margin={MARGIN}, pad=0]\n'


def main_of(amap: ArgumentMap, options: DotOptions) -> set[str]:
    return drawn_as_main(amap) if options.main_conclusions is None else set(options.main_conclusions)


def legend_table(amap: ArgumentMap, options: DotOptions, main: set[str], width: float = math.inf) -> str:
    verdicts: frozenset[str] = frozenset()
    if options.relation_status is not None:
        verdicts = frozenset(filter(None, map(options.relation_status, amap.relations)))
    return legend(amap, options.extra_legend, main=bool(main), verdicts=verdicts, width=width)


def _rankdir(options: DotOptions) -> str:
    return "BT" if options.direction == "auto" else options.direction


def default_lines(options: DotOptions) -> Iterator[str]:
    yield (
        f'\tgraph [rankdir={_rankdir(options)}, fontname="{FONT}", fontsize=16, fontcolor="{PALETTE["text"]}",'
        " ranksep=0.5, nodesep=0.35, newrank=true, labelloc=t, labeljust=l, pad=0.2]\n"
    )
    yield (
        f'\tnode [shape=box, style="rounded,filled", fillcolor="{PALETTE["fill"]}", color="{PALETTE["border"]}",'
        f' fontname="{FONT}", fontsize=13, fontcolor="{PALETTE["text"]}", margin="0.14,0.08"]\n'
    )
    yield f'\tedge [fontname="{FONT}", fontsize=11, arrowsize=0.9]\n'


def body(
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
        main = main_of(amap, options)
    whole = title and legend
    fitted = table = ""
    if whole:
        found, table = planned(amap, options, main=main)
        chosen = found[0]
        options = attrs.evolve(
            options, direction=chosen.direction, wrap=chosen.wrap, stagger=chosen.stagger, fold=chosen.fold
        )
        if options.page is not None:
            fitted = _fitted(options.page, landscape=chosen.aspect > 1)
    yield from default_lines(options)
    yield fitted
    if whole and options.size is not None:
        yield f'\tgraph [size="{options.size}"]\n'
    titled = title and options.title and bool(list(title_lines(amap)))
    if table:
        yield f"\tgraph [label=<{table}>, labelloc=b, labeljust=l, fontsize=11]\n"
    if titled and table:
        yield '\tsubgraph "cluster_title" {\n'
        top = "b" if options.direction == "BT" else "t"  # a frame's "t" is its lower side when drawn bottom to top
        yield f'\t\tgraph [labelloc={top}, labeljust=l, fontsize=16, color="#FFFFFF00", id="title"]\n'
        yield from ("\t" + line for line in title_lines(amap))
    elif titled:
        yield from title_lines(amap)
    lengths = {}
    if whole and options.stagger > 1:
        lengths = staggered(amap.relations, junctioned(amap.relations), options.stagger)
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


def title_lines(amap: ArgumentMap, note: str | None = None) -> Iterator[str]:
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
        claim, wrap=wrap_of(options), attributions=options.attributions, main=main, badge=badge, quotes=options.quotes
    )
    # id and class reach the SVG, where the HTML page finds the claim's node by them.
    attributes = claim_attributes(style, main)
    if claim.id == options.focus:
        attributes += ", peripheries=2"
    kind = "claim main" if main else "claim"  # the page keeps a main conclusion's border heavier under status
    return f'\t{name(claim.id)} [label=<{label}>, id="{node_id(claim.id)}", class="{kind}"{attributes}]\n'


def _reference_node(claim: Claim, node_name: str, where: str, tag: str, options: DotOptions) -> str:
    """Return the node of a claim drawn in full elsewhere: its text in italics, where it is, a dashed grey box."""
    wrap = wrap_of(options)
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
