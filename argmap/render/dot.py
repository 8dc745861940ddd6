"""The DOT renderer: an argument map as Graphviz source, drawn in argmap's visual grammar.

:mod:`argmap.render.grammar` says how each element looks; this module lays
the map out as DOT text, and :func:`to_graphviz` hands the same text to the
``graphviz`` package for users who want to adjust it before rendering.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.support("Drones fly on.", m.claim("Talks fail."))
>>> print(to_dot(m, direction="BT", legend=False).splitlines()[-2].strip())
"drones-fly-on" -> "talks-fail" [color="#0072B2", penwidth=1.5, class="support", arrowhead=normal]
>>> to_dot(m, direction="BT", legend=False) == to_dot(m, DotOptions(direction="BT", legend=False))
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.map import ArgumentMap
from argmap.render._lines import DEFAULTS, HEAD, TAIL, body, drawn_as_main, planned
from argmap.render._options import (
    DIRECTIONS,
    GROUPINGS,
    MARGIN,
    PAGES,
    Direction,
    DotOptions,
    GroupBy,
    Page,
    options_from,
)
from argmap.render.shape import Shape

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
    "drawn_as_main",
    "shape",
    "shapes",
    "to_dot",
    "to_graphviz",
]


def to_dot(amap: ArgumentMap, options: DotOptions | None = None, **keywords: Any) -> str:
    """Return the Graphviz DOT source that draws *amap*.

    The text is built directly, one quoting function per context, so that a
    10,000-claim map takes a fraction of a second; no text in the map can
    break or inject into it.

    Args:
        amap: the map.
        options: how to draw it, as one :class:`DotOptions` value;
        **keywords: or the same options as keywords: ``to_dot(m, direction="LR")``.

    Raises:
        OptionError: an option is out of range, or both *options* and keywords were given.
    """
    return HEAD + "".join(body(amap, options_from(DotOptions, options, keywords, "to_dot", DEFAULTS))) + TAIL


def to_graphviz(amap: ArgumentMap, options: DotOptions | None = None, **keywords: Any) -> graphviz.Digraph:
    """Return *amap* as a :class:`graphviz.Digraph`, to adjust before rendering.

    Options are given as to :func:`to_dot`. Attributes set through its
    methods are appended to the body, so they win over argmap's:
    ``g.attr(rankdir="LR")``.
    """
    import graphviz  # imported here: the command line starts faster without it

    chosen = options_from(DotOptions, options, keywords, "to_graphviz", DEFAULTS)
    return graphviz.Digraph(name="argmap", body=list(body(amap, chosen)))


def shape(amap: ArgumentMap, options: DotOptions | None = None, **keywords: Any) -> Shape:
    """Return the shape *amap* is drawn in: the one options ask for, or the one ``auto`` chooses.

    Options are given as to :func:`to_dot`. See :mod:`argmap.render.shape`;
    the width and height are its estimate.
    """
    return planned(amap, options_from(DotOptions, options, keywords, "shape", DEFAULTS))[0][0]


def shapes(amap: ArgumentMap, options: DotOptions | None = None, **keywords: Any) -> tuple[Shape, ...]:
    """Return the shapes *amap* may be drawn in, best first: with ``auto`` direction, every candidate.

    A map of more than :data:`~argmap.render.shape.LARGE` claims has one
    shape, not estimated: left to right in ``auto``.

    Options are given as to :func:`to_dot`. Draw one with
    ``attrs.evolve(options, direction=s.direction, wrap=s.wrap, stagger=s.stagger, fold=s.fold)``:
    :mod:`argmap.engine` takes the next when the drawing of the first turns out not to fit.
    """
    return planned(amap, options_from(DotOptions, options, keywords, "shapes", DEFAULTS), every=True)[0]
