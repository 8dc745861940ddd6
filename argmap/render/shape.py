"""The shape of a diagram: which way its arrows point, and how a claim's many reasons are staggered, so it fits a page.

Graphviz's ``dot`` puts the claims of one step of an argument side by side
on one *rank*. Argument maps are wide and shallow: a conclusion with ten
reasons, drawn bottom to top (conclusions on top, argmap's grammar), is ten
boxes wide and two high, so the council debate of
``docs/snippets/rendering_council.py`` came out 6.9 : 1 with the old legend. Boxes of wrapped
text are about five times wider than high, so the same claims drawn left to
right stack into a column instead, and a claim's many reasons can be
*staggered* over two or more ranks, as Graphviz's ``unflatten -l`` does, by
giving their edges lengths 1, 2, ... in turn; their lines then share their
way to the claim (``concentrate=true``), as a hundred parallel lines would
otherwise take as much room as the boxes saved.

:func:`shapes` estimates the drawing's width and height for each candidate
shape from the map alone, in a time linear in its size: each claim's box from
its wrapped lines (Helvetica at 13 points is about 6.9 points a character),
each rank's width from its boxes, the gaps Graphviz leaves between boxes
(``nodesep``) and ranks (``ranksep``), the ranks edge labels add, and the
title and legend. It takes the first of these shapes whose estimate falls
within :data:`AIM`, and otherwise the nearest:

1. bottom to top (``BT``), when that fits: conclusions on top;
2. left to right (``LR``), conclusions on the right;
3. ``LR``, then ``BT``, with reasons staggered over 2, 3, 4, 6 and 8 ranks;
4. for a map more than :data:`DEEP` ranks deep, either direction with its
   ranks *folded* into columns (:func:`folded`), nearest the middle first.

The rule the choice keeps, checked on the real ``dot``'s drawings of every
example and of generated maps of 5 to 100 claims (tests/test_render_shape.py),
is :data:`ASPECT`: width over height from 1 : 2 to 2.5 : 1. The estimate aims
well inside it (:data:`AIM`), as the drawn aspect is from 0.5 to 2.3 times
the estimated one (benchmarks/shape.py); :mod:`argmap.engine` measures what
it drew and draws the next shape when the first misses. A map with a long
single chain of reasons (more than about eight claims in a row) fits neither
way unfolded: a chain of 100 is folded into four columns. ``direction`` other
than ``"auto"`` is never changed, nor folded.

:func:`best` estimates the candidates in that order only up to the first
within the aim, which is then the choice: :func:`shapes` weighs them all,
for the next drawing after a miss. A map of more than :data:`LARGE` claims
is not estimated at all: it is drawn left to right.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> conclusion = m.claim("Talks fail.")
>>> for number in range(12):
...     _ = m.support(f"Reason number {number} for the talks to fail.", conclusion)
>>> shapes(m, wrap=None, attributions=True)[0].direction
'LR'
"""

from __future__ import annotations

import copy
import itertools
import math
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Literal, TypeAlias

import attrs

from argmap.map import ArgumentMap
from argmap.model import Claim, Relation, SkepticalResponse, Support, endpoints
from argmap.render._quoting import measured
from argmap.render._quoting import wrap as wrapped

__all__ = [
    "AIM",
    "ASPECT",
    "DEEP",
    "LARGE",
    "Estimates",
    "SMALL",
    "WRAP",
    "Shape",
    "best",
    "estimate",
    "folded",
    "junctioned",
    "responded_to",
    "shapes",
    "staggered",
]

Rankdir: TypeAlias = Literal["BT", "TB", "LR", "RL"]

ASPECT = (0.5, 2.5)
"""The width over height a default drawing of up to about 100 claims keeps: from 1 : 2 to 2.5 : 1."""

AIM = (0.6, 2.0)
"""The band the estimate aims for, inside :data:`ASPECT`, to leave room for its error.

Measured, the estimate of a bottom-to-top drawing is within 20 % of its
aspect, so the band reaches further for it (:data:`_AIMS`); left to right,
dot spreads the columns more than the model says, up to 70 % on some maps.
"""

_AIMS = {"BT": (0.55, 2.2), "LR": AIM}

_CHAR = 0.53  # a character's mean width, in ems of Helvetica as Graphviz measures it
_LINE = 1.2  # a line's height, in ems
_MARGIN_X, _MARGIN_Y = 10.1, 5.8  # a box's margin, points: "0.14,0.08" inches
_NODESEP, _RANKSEP = 25.2, 36.0  # points: 0.35 and 0.5 inches
_PAD = 29.0  # the drawing's pad on both sides, points
_DOT = 8.0  # a junction's size, points
_STAGGERS = (2, 3, 4, 6, 8, 12)
# Measured on generated maps of 5 to 100 claims: dot spreads a rank's boxes wider than their sum and gaps
# (1.4 times in rows, 1.25 in columns), and bottom to top its ranks are 10 % closer than the model says.
_BREADTH = {True: 1.4, False: 1.25}
_LENGTH = {True: 0.9, False: 1.0}

WRAP = 36
"""The characters a line of claim text holds, unless the shape needs narrower or wider boxes."""

_WRAPS = (WRAP, 28, 22, 48, 64)

SMALL = 5
"""A map of fewer claims keeps :data:`WRAP`: only its direction is chosen."""

LARGE = 2_000
"""A map of more claims is drawn left to right, unstaggered and unfolded, without an estimate of its size.

Estimating the shapes costs time linear in the map, but a hundred
candidates' worth: 0.7 s of the 0.8 s ``to_dot`` took at 10,000 claims, and
the estimate of one shape alone 0.2 s. A drawing of this many claims is
tens of metres wide whatever its shape, so no shape fits a page, and no
diagram argmap lays out whole holds this many (a split's hold 1,500 at
most); left to right is what the estimate chose for every map of more than
1,000 claims measured (docs/performance.md).
"""


@attrs.frozen
class Shape:
    """A way to draw a map, and the size it is estimated to take.

    Args:
        direction: Graphviz's ``rankdir``.
        stagger: over how many ranks a claim's reasons are spread; 1 for none.
        wrap: the characters a line of claim text holds.
        width: the estimated width of the drawing, in points.
        height: the estimated height, in points.
        fold: how many ranks each column (or row) of a folded drawing holds; 0 for none.
    """

    direction: Rankdir
    stagger: int = 1
    wrap: int = WRAP
    width: float = 0.0
    height: float = 0.0
    fold: int = 0

    @property
    def aspect(self) -> float:
        """Return the estimated width over height."""
        return self.width / self.height if self.height else 1.0


def junctioned(relations: Iterable[Relation]) -> set[str]:
    """Return the ids of the relations drawn through a junction dot: linked, attacked or responded to."""
    relations = tuple(relations)
    targeted = {relation.target for relation in relations if not isinstance(relation, Support)}
    return {relation.id for relation in relations if len(endpoints(relation)[0]) > 1 or relation.id in targeted}


def responded_to(relations: Iterable[Relation]) -> set[str]:
    """Return the ids of the supports a skeptical response answers: their line gets a second point, past the dot.

    A skeptical response to an inference ends on that point, an undercut on the junction
    dot, so the two never end in the same place.
    """
    relations = tuple(relations)
    supports = {relation.id for relation in relations if isinstance(relation, Support)}
    return {
        relation.target
        for relation in relations
        if isinstance(relation, SkepticalResponse) and relation.target in supports
    }


def staggered(relations: Iterable[Relation], through: Collection[str], stagger: int) -> dict[str, int]:
    """Return the length (in ranks) to give each relation drawn from a leaf straight to a claim with many such.

    A leaf is a claim nothing points at that starts one relation only. The
    leaves of one claim take lengths 1, 2, ..., *stagger*, 1, 2, ... in map
    order; relations not named keep length 1. *through* are the relations
    drawn through a junction, which are left as they are.
    """
    if stagger < 2:
        return {}
    return _staggered(_leaves(relations, through), stagger)


def _leaves(relations: Iterable[Relation], through: Collection[str]) -> list[list[str]]:
    """Return the relations drawn from a leaf straight to a claim, by that claim, in map order: what staggers."""
    relations = tuple(relations)
    ends = [endpoints(relation) for relation in relations]
    pointed_at = {target for _, target in ends}
    starts: dict[str, int] = {}
    for origins, _ in ends:
        for origin in origins:
            starts[origin] = starts.get(origin, 0) + 1
    leaves: dict[str, list[str]] = {}
    for relation, (origins, target) in zip(relations, ends, strict=True):
        if relation.id in through or origins[0] in pointed_at or starts[origins[0]] != 1:
            continue
        leaves.setdefault(target, []).append(relation.id)
    return list(leaves.values())


def _staggered(leaves: list[list[str]], stagger: int) -> dict[str, int]:
    """Return :func:`staggered`'s lengths from the :func:`_leaves` of a map."""
    lengths: dict[str, int] = {}
    for ids in leaves:
        if len(ids) > stagger:
            lengths.update({id: 1 + number % stagger for number, id in enumerate(ids)})
    return {id: length for id, length in lengths.items() if length > 1}


DEEP = 6
"""A map more ranks deep than this may be folded: its ranks laid in columns side by side (:func:`folded`)."""

_FOLDS = (2, 3, 4, 5, 6, 8, 10, 12, 16)


def folded(amap: ArgumentMap, fold: int) -> dict[str, tuple[int, int]]:
    """Return the rank and column each node is drawn in when *amap*'s ranks are folded into columns of *fold* ranks.

    Nodes are the claims, the junction dots (by relation id) and the points
    skeptical responses end on (``" point "`` and the support's id). The ranks go down the
    first column, up the next, down the third, as a snake does, so a line from
    one column to the next joins two neighbours on one rank.
    """
    graph = _Graph(amap, {claim.id: (0.0, 0.0) for claim in amap.claims}, {})
    return {node: (_fold(rank, fold), rank // fold) for node, rank in graph.ranks().items()}


def _fold(rank: int, fold: int) -> int:
    column, place = divmod(rank, fold)
    return fold - 1 - place if column % 2 else place


_Row: TypeAlias = tuple[str, float, int | None]
"""A row of text in a claim's box: the text, its font size, and how much wider than the claim's text its lines may
run: by 1/*n* of the wrap (0: not wider; ``None``: never wrapped)."""


def _rows(claim: Claim, attributions: bool, quotes: bool, main: bool, badge: bool) -> list[_Row]:
    """Return the rows of text in *claim*'s box, whatever the wrap: its text, badge, qualifier, quotes, sources."""
    rows: list[_Row] = [(claim.text, 13.0 * (1.08 if main else 1.0), 0)]
    if badge:
        rows.append(("✓ accepted", 10.0, None))
    if claim.qualifier is not None:
        rows.append((f"[{claim.qualifier}]", 11.0, 5))
    for attribution in claim.attributions if quotes else ():
        if attribution.quote is not None and attribution.quote != claim.text:
            rows.append((f"“{attribution.quote}”", 11.0, 5))
    for attribution in claim.attributions if attributions else ():
        rows.append((f"— {attribution.line()}", 10.0, 4))
    return rows


class _Texts:
    """The rows of every claim's box, made once, and measured at each wrap: how many lines each takes, how long.

    The texts are broken as :func:`~argmap.render._quoting.wrap` breaks them,
    counted rather than copied into lines (:func:`~argmap.render._quoting.measured`).
    """

    def __init__(self, rows: list[list[_Row]]):
        self.texts: list[str] = []  # every row's text, words separated by single spaces
        self.lengths: list[int] = []
        self.words: list[int] = []  # the length of its longest word
        self.sizes: list[float] = []
        self.widers: dict[int | None, list[int]] = {}  # the rows by how much wider than the claim's text they run
        self.claims: list[tuple[int, int]] = []  # each claim's rows: from, to
        for claim in rows:
            self.claims.append((len(self.texts), len(self.texts) + len(claim)))
            for text, size, wider in claim:
                words = text.split() if wider is not None else [text]  # a badge is drawn as it is
                self.widers.setdefault(wider, []).append(len(self.texts))
                self.texts.append(" ".join(words))
                self.lengths.append(len(self.texts[-1]))
                self.words.append(max(map(len, words), default=0))
                self.sizes.append(size)

    def boxes(self, wrap: int) -> list[tuple[float, float]]:
        """Return the estimated width and height of each claim's box with lines of *wrap* characters, in points."""
        lengths = self.lengths
        counts = [1 if length else 0 for length in lengths]  # each row's lines: one, as it is, unless broken below
        longest = list(lengths)  # and the length of its longest line
        for wider, numbers in self.widers.items():
            width = wrap + wrap // wider if wider else wrap
            if wider is None:
                continue  # never broken
            broken = [number for number in numbers if lengths[number] > width]
            cut = [number for number in broken if self.words[number] > width]  # a word cut: rare, one by one
            for number in cut:
                lines = wrapped(self.texts[number], width)
                counts[number], longest[number] = len(lines), max(map(len, lines))
            if cut:
                broken = [number for number in broken if self.words[number] <= width]
            texts = self.texts
            for number, (count, length) in zip(
                broken, [measured(texts[number], width) for number in broken], strict=True
            ):
                counts[number], longest[number] = count, length
        wide = [length * size * _CHAR for length, size in zip(longest, self.sizes, strict=True)]
        tall = [count * size * _LINE for count, size in zip(counts, self.sizes, strict=True)]
        found = []
        for start, end in self.claims:  # a box is at least 54 by 36 points, Graphviz's least
            across = (max(wide[start:end]) if end > start else 0.0) + 2 * _MARGIN_X
            down = sum(tall[start:end]) + 2 * _MARGIN_Y
            found.append((across if across > 54.0 else 54.0, down if down > 36.0 else 36.0))
        return found


class _Graph:
    """The nodes and edges Graphviz will lay out, with each node's size: claims, junctions, response points."""

    def __init__(self, amap: ArgumentMap, sizes: Mapping[str, tuple[float, float]], lengths: Mapping[str, int]):
        self.size = dict(sizes)
        self.edges: list[tuple[str, str, int, float]] = []  # tail, head, length, label width
        relation_ids: list[str | None] = []  # for each edge, the relation whose length it takes from *lengths*
        relations = amap.relations
        through = junctioned(relations)
        points = responded_to(relations)
        for relation in relations:
            origins, target = endpoints(relation)
            if isinstance(relation, SkepticalResponse) and target in points:  # it ends past the junction
                target = f" point {target}"
            label = _label_width(relation)
            if relation.id in through:
                self.size[relation.id] = (_DOT, _DOT)
                for origin in origins:
                    self.edges.append((origin, relation.id, 1, 0.0))
                start = relation.id
                if relation.id in points:
                    self.size[f" point {relation.id}"] = (_DOT, _DOT)
                    self.edges.append((relation.id, f" point {relation.id}", 1, 0.0))
                    start = f" point {relation.id}"
                self.edges.append((start, target, 1, label))
                relation_ids.extend([None] * (len(self.edges) - len(relation_ids)))
            else:
                self.edges.append((origins[0], target, lengths.get(relation.id, 1), label))
                relation_ids.append(relation.id)
        kept = [
            number for number, (tail, head, _, _) in enumerate(self.edges) if tail in self.size and head in self.size
        ]
        self.edges = [self.edges[number] for number in kept]
        self.relation_ids = [relation_ids[number] for number in kept]
        self.labelled = any(edge[3] for edge in self.edges)
        self.into_staggered = {head for _, head, span, _ in self.edges if span > 1}  # the claims with lines staggered
        self._dropped: set[int] | None = None  # the edges that close a cycle: the same whatever the lengths

    def staggered(self, lengths: Mapping[str, int]) -> _Graph:
        """Return this graph with the lines straight from a relation's origin given *lengths* (else 1)."""
        graph = copy.copy(self)
        graph.edges = [
            edge if id is None else (edge[0], edge[1], lengths.get(id, 1), edge[3])
            for edge, id in zip(self.edges, self.relation_ids, strict=True)
        ]
        graph.into_staggered = {head for _, head, span, _ in graph.edges if span > 1}
        return graph

    def ranks(self) -> dict[str, int]:
        """Return each node's rank, counted from the conclusions down, as dot's network simplex places it, roughly.

        Each node sits as near the claims it points at as its lengths allow
        (the longest path to a node that points at nothing; back edges of
        cycles left out), as dot pulls a reason up to its conclusion; then a
        conclusion pointed at from far down moves down to meet its nearest reason.
        """
        out: dict[str, list[tuple[str, int]]] = {node: [] for node in self.size}
        into: dict[str, list[tuple[str, int]]] = {node: [] for node in self.size}
        for tail, head, length, _ in self._acyclic():
            out[tail].append((head, length))
            into[head].append((tail, length))
        rank = dict.fromkeys(self.size, 0)
        waiting = {node: len(heads) for node, heads in out.items()}
        ready = [node for node, count in waiting.items() if count == 0]
        while ready:
            node = ready.pop()
            below = rank[node]
            for tail, length in into[node]:
                if below + length > rank[tail]:
                    rank[tail] = below + length
                waiting[tail] -= 1
                if waiting[tail] == 0:
                    ready.append(tail)
        for node, heads in out.items():
            if not heads and into[node]:
                rank[node] = max(rank[node], min(rank[tail] - length for tail, length in into[node]))
        return rank

    def _acyclic(self) -> list[tuple[str, str, int, float]]:
        """Return the edges without those that close a cycle (found depth first, as dot breaks cycles)."""
        if self._dropped is None:
            self._dropped = self._closing()
        dropped = self._dropped
        return [edge for number, edge in enumerate(self.edges) if number not in dropped]

    def _closing(self) -> set[int]:
        """Return the numbers of the edges that close a cycle, found depth first from each node in turn."""
        out: dict[str, list[int]] = {}
        for number, (tail, _, _, _) in enumerate(self.edges):
            out.setdefault(tail, []).append(number)
        state: dict[str, int] = {}  # 1: on the path, 2: done
        dropped: set[int] = set()
        for root in self.size:
            if root in state:
                continue
            state[root] = 1
            stack: list[tuple[str, Iterator[int]]] = [(root, iter(out.get(root, ())))]
            while stack:
                node, pending = stack[-1]
                number = next(pending, -1)
                if number < 0:
                    state[node] = 2
                    stack.pop()
                    continue
                head = self.edges[number][1]
                if state.get(head) == 1:
                    dropped.add(number)
                elif head not in state:
                    state[head] = 1
                    stack.append((head, iter(out.get(head, ()))))
        return dropped


def _label_width(relation: Relation) -> float:
    text = f"? {relation.stance}" if isinstance(relation, SkepticalResponse) else relation.label
    if not text:
        return 0.0
    return min(len(text), 24) * 11.0 * _CHAR + 4.0


class Estimates:
    """What :func:`estimate` works out once per map and its measures and reuses for every candidate shape.

    A drawing's size follows from each rank's extent: its boxes (by wrap), the
    lines passing through it (by stagger and fold) and their labels. Those are
    counted once per wrap, stagger and fold and combined per direction, so that
    :func:`shapes` weighs a hundred candidates for little more than the cost of a few.
    """

    def __init__(self, amap: ArgumentMap, *, attributions: bool, quotes: bool, main: Collection[str], styled: bool):
        self.amap = amap
        self.measures = (attributions, quotes, main, styled)
        self._boxes: dict[int, tuple[list[float], list[float]]] = {}
        self._texts: _Texts | None = None
        self._graphs: dict[int, tuple[_Graph, dict[str, int]]] = {}
        self._leaves: list[list[str]] | None = None
        self._rows: dict[tuple[int, int], tuple[dict[int, list[int]], _Crossings]] = {}
        self._sizes: dict[tuple[str, int, int, int], tuple[float, float]] = {}

    def boxes(self, wrap: int) -> tuple[list[float], list[float]]:
        """Return the width and the height of each node at *wrap*: the claims' boxes in the map's order, then dots."""
        found = self._boxes.get(wrap)
        if found is None:
            if self._texts is None:
                attributions, quotes, main, styled = self.measures
                rows = [_rows(claim, attributions, quotes, claim.id in main, styled) for claim in self.amap.claims]
                self._texts = _Texts(rows)
            sizes = self._texts.boxes(wrap)
            dots = len(self.graph(1)[0].size) - len(sizes)
            found = self._boxes[wrap] = (
                [width for width, _ in sizes] + [_DOT] * dots,
                [height for _, height in sizes] + [_DOT] * dots,
            )
        return found

    def graph(self, stagger: int) -> tuple[_Graph, dict[str, int]]:
        """Return the graph laid out with reasons staggered over *stagger* ranks, and its ranks."""
        found = self._graphs.get(stagger)
        if found is None:
            if stagger == 1:
                graph = _Graph(self.amap, {claim.id: (0.0, 0.0) for claim in self.amap.claims}, {})
            else:  # the same nodes and lines, some longer
                graph = self.graph(1)[0].staggered(self.lengths(stagger))
            found = self._graphs[stagger] = (graph, graph.ranks())
        return found

    def lengths(self, stagger: int) -> dict[str, int]:
        """Return :func:`staggered`'s lengths of the map's lines over *stagger* ranks."""
        if stagger < 2:
            return {}
        if self._leaves is None:
            relations = self.amap.relations
            self._leaves = _leaves(relations, junctioned(relations))
        return _staggered(self._leaves, stagger)

    def rows(self, stagger: int, fold: int) -> tuple[dict[int, list[int]], _Crossings]:
        """Return the nodes on each rank (by their place in the graph) and the lines crossing each rank."""
        found = self._rows.get((stagger, fold))
        if found is None:
            graph, rank = self.graph(stagger)
            if fold:
                place = {row: _fold(row, fold) for row in set(rank.values())}
                rank = {node: place[row] for node, row in rank.items()}
            members: dict[int, list[int]] = {}
            for number, node in enumerate(graph.size):
                members.setdefault(rank[node], []).append(number)
            found = self._rows[(stagger, fold)] = (members, _crossings(graph, rank))
        return found

    def size(self, shape: Shape) -> tuple[float, float]:
        """Return the estimated width and height of the drawing in *shape*, without title and legend, in points."""
        key = (shape.direction, shape.stagger, shape.wrap, shape.fold)
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes[key] = self._size(shape)
        return found

    def _size(self, shape: Shape) -> tuple[float, float]:
        graph, _ = self.graph(shape.stagger)
        members, crossings = self.rows(shape.stagger, shape.fold)
        widths, heights = self.boxes(shape.wrap)
        across = shape.direction in ("BT", "TB")  # ranks are rows; else columns
        along, side = (heights, widths) if across else (widths, heights)
        thickness = 0.0  # the ranks' extents along the arrows, summed
        extent: dict[int, float] = {}  # a rank's extent across them
        for row, numbers in members.items():
            thickness += max([along[number] for number in numbers])
            breadth = -_NODESEP
            for number in numbers:  # added one by one, as a sum in another order may differ in its last digit
                breadth = breadth + side[number] + _NODESEP
            extent[row] = breadth
        for row, count in crossings.passes.items():
            extent[row] = extent.get(row, 0.0) + count * _NODESEP
        labels = crossings.labels if across else crossings.labelled
        for row, label in labels.items():
            extent[row] = extent.get(row, 0.0) + label
        count = max(members, default=0) + 1
        gap = _RANKSEP + (14.0 if across else 40.0) if graph.labelled else _RANKSEP
        length = (thickness + gap * (count - 1)) * _LENGTH[across]
        breadth = max(extent.values(), default=0.0) * (1.0 if shape.fold else _BREADTH[across])  # measured
        return (breadth, length) if across else (length, breadth)


@attrs.frozen
class _Crossings:
    """The lines crossing each rank: *passes* lines pass through it; labels widen it, laid across or along."""

    passes: dict[int, int]
    labels: dict[int, float]
    labelled: dict[int, float]


def _crossings(graph: _Graph, rank: Mapping[str, int]) -> _Crossings:
    """Return how many lines pass through each rank between their ends, and the room their labels take.

    A long line passes each rank between its ends as a thin node. Staggered
    lines into one claim share their way (``concentrate=true``): on a rank
    some line into that claim already passes, a staggered one adds nothing.
    Counted with a running sum over the ranks, except for the claims with
    staggered lines, whose lines are followed rank by rank.
    """
    changes: dict[int, int] = {}
    labels: dict[int, float] = {}
    labelled: dict[int, float] = {}
    into_staggered = graph.into_staggered
    shared: set[tuple[str, int]] = set()
    passes: dict[int, int] = {}
    for tail, head, span, label in graph.edges:
        low, high = sorted((rank[tail], rank[head]))
        if head in into_staggered:
            for row in range(low + 1, high):
                if span > 1 and (head, row) in shared:
                    continue
                shared.add((head, row))
                passes[row] = passes.get(row, 0) + 1
        elif high > low + 1:
            changes[low + 1] = changes.get(low + 1, 0) + 1
            changes[high] = changes.get(high, 0) - 1
        if label and high > low:
            middle = (low + high) // 2
            labels[middle] = labels.get(middle, 0.0) + label / 2
            labelled[middle] = labelled.get(middle, 0.0) + 7.0
    running = 0
    rows = sorted(changes)
    for row, following in itertools.pairwise(rows):
        running += changes[row]
        if running:
            for between in range(row, following):
                passes[between] = passes.get(between, 0) + running
    return _Crossings(passes, labels, labelled)


def estimate(
    amap: ArgumentMap,
    shape: Shape,
    *,
    attributions: bool,
    quotes: bool = False,
    main: Collection[str] = (),
    styled: bool = False,
    header: tuple[float, float] = (0.0, 0.0),
    estimates: Estimates | None = None,
) -> Shape:
    """Return *shape* with the width and height the drawing of *amap* is estimated to take, in points.

    Args:
        amap: the map.
        shape: the direction, stagger and wrap to estimate.
        attributions: whether who said each claim is drawn.
        quotes: whether each claim's quote is drawn.
        main: the ids of the claims drawn as main conclusions (bold).
        styled: whether claims carry a status badge.
        header: the width and height of what is drawn above and below the
            map (title and legend), in points.
        estimates: what earlier estimates of the same map with the same
            measures worked out, to reuse.
    """
    if estimates is None:
        estimates = Estimates(amap, attributions=attributions, quotes=quotes, main=main, styled=styled)
    width, height = estimates.size(shape)
    width = max(width, header[0]) + _PAD
    height = height + header[1] + _PAD
    return Shape(shape.direction, shape.stagger, shape.wrap, width=width, height=height, fold=shape.fold)


def shapes(
    amap: ArgumentMap,
    *,
    wrap: int | None,
    attributions: bool,
    quotes: bool = False,
    main: Collection[str] = (),
    styled: bool = False,
    header: tuple[float, float] = (0.0, 0.0),
    estimates: Estimates | None = None,
) -> tuple[Shape, ...]:
    """Return the shapes to draw *amap* in, best first, each with its estimated size.

    Those estimated within :data:`AIM` come first, in the order of
    preference the module describes, then those within :data:`ASPECT`, then
    the rest, nearest first. *wrap* ``None`` lets the shape narrow or widen
    the boxes; a number keeps it. The other arguments are as for :func:`estimate`.
    """
    if estimates is None:
        estimates = Estimates(amap, attributions=attributions, quotes=quotes, main=main, styled=styled)
    found = _estimated(amap, wrap, header, estimates)
    return tuple(sorted(found, key=_rank))  # sorted is stable: the preferred order within each group


def best(
    amap: ArgumentMap,
    *,
    wrap: int | None,
    attributions: bool,
    quotes: bool = False,
    main: Collection[str] = (),
    styled: bool = False,
    header: tuple[float, float] = (0.0, 0.0),
    estimates: Estimates | None = None,
) -> Shape:
    """Return the first of :func:`shapes`, estimating the candidates only up to the first that falls within the aim.

    The candidates are weighed in the order of preference, and an unfolded
    one within its band is the best there is, so the rest need no estimate:
    a map that fits left to right at the first wrap is estimated twice, not a
    hundred times. The arguments are as for :func:`shapes`.
    """
    if estimates is None:
        estimates = Estimates(amap, attributions=attributions, quotes=quotes, main=main, styled=styled)
    found = []
    for shape in _estimated(amap, wrap, header, estimates):
        if _rank(shape) == _FIRST:
            return shape
        found.append(shape)
    return min(found, key=_rank)  # min keeps the first of equals, as the stable sort of shapes() does


_CENTRE = math.sqrt(AIM[0] * AIM[1])
_FIRST = (0, 0, 0.0)
"""The rank of an unfolded shape within its band: none comes before it."""


def _rank(shape: Shape) -> tuple[int, int, float]:
    """Return how good *shape* is, lowest first: within the aim (unfolded, then folded), within the rule, the rest."""
    low, high = _AIMS.get(shape.direction, AIM)
    distance = abs(math.log(shape.aspect / _CENTRE))
    if low <= shape.aspect <= high:  # folded ones last, the nearest the middle of the band first
        return (0, 1, distance) if shape.fold else _FIRST
    return (1 if ASPECT[0] <= shape.aspect <= ASPECT[1] else 2, 0, distance)


def _estimated(
    amap: ArgumentMap, wrap: int | None, header: tuple[float, float], estimates: Estimates
) -> Iterator[Shape]:
    """Yield the candidate shapes in the order of preference, each estimated once it is asked for.

    A wrap that changes no line of any claim draws the same picture: a shape
    estimated the same as one before it (to the point) is left out.
    """
    if wrap is None and len(amap.claims) < SMALL:
        wrap = WRAP  # a few claims make a small picture whatever its shape: their lines are left as written
    _, ranks = estimates.graph(1)
    depth = max(ranks.values(), default=0) + 1
    staggers = [1]
    for stagger in _STAGGERS:
        if not estimates.lengths(stagger):
            break
        staggers.append(stagger)
    seen: set[tuple[str, int, int, int, int]] = set()
    attributions = estimates.measures[0]
    for width in _WRAPS if wrap is None else (wrap,):
        candidates = [Shape(direction, stagger, width) for stagger in staggers for direction in ("BT", "LR")]
        for columns in _FOLDS if depth > DEEP else ():  # a deep map, its ranks folded into 2, 3, ... columns
            fold = max(2, -(-depth // columns))
            if fold < depth:
                candidates.extend(Shape(direction, 1, width, fold=fold) for direction in ("BT", "LR"))
        for candidate in candidates:
            shape = estimate(amap, candidate, attributions=attributions, header=header, estimates=estimates)
            key = (shape.direction, shape.stagger, shape.fold, round(shape.width), round(shape.height))
            if key not in seen:
                seen.add(key)
                yield shape
