"""Renderers: pure functions from a map to text, one module per output.

Each renderer takes the map, then how to render it: one options value, or
the same options as keywords (``to_dot(m, direction="LR")``).

The public surface, what the drawing layer, the command line and users call:

- :mod:`~argmap.render.dot`: :func:`to_dot`, :func:`to_graphviz`, :class:`DotOptions`
  (with ``DIRECTIONS``, ``GROUPINGS``, ``PAGES``, ``MARGIN``), :func:`~argmap.render.dot.shapes`
  (the shapes a map may be drawn in, best first) and :func:`~argmap.render.dot.drawn_as_main`.
- :mod:`~argmap.render.layout`: :func:`~argmap.render.layout.plan` turns a map too big
  for one layout into a :class:`~argmap.render.layout.Plan` of DOT graphs to lay out and pack.
- :mod:`~argmap.render.shape`: how a drawing's shape is estimated (``AIM``, ``ASPECT``).
- :mod:`~argmap.render.outline`: :func:`outline`, ``outline_lines`` and :class:`OutlineOptions`.
- :mod:`~argmap.render.html`: :func:`to_html` and :class:`HtmlOptions`.
- :mod:`~argmap.render.status`: evaluation drawn: ``by_status``, ``status_line``, ``relation_mark``,
  all reading the one status table, :data:`argmap.evaluate.STATUSES`.
- :mod:`~argmap.render.grammar` (the visual grammar) and :mod:`~argmap.render.framework`.

Modules whose names start with ``_`` are plumbing private to this package
(the options value in ``_options``, the DOT lines in ``_lines``, the graphs of a
drawing laid out in parts in ``_parts``, the legend in ``_legend``): nothing
outside ``argmap.render`` imports them.

>>> from argmap import ArgumentMap
>>> from argmap.render import to_dot
>>> to_dot(ArgumentMap()).startswith("digraph argmap {")
True
"""

from typing import TYPE_CHECKING

from argmap.render.dot import DotOptions, to_dot, to_graphviz
from argmap.render.grammar import ClaimStyle

# At once, not on first use: importing the module argmap.render.outline sets this package's attribute ``outline``
# to the module, which would hide the function were it looked up lazily.
from argmap.render.outline import OutlineOptions, outline

if TYPE_CHECKING:  # imported on first use (__getattr__ below): the page's hashing, base64 and XML parsing
    from argmap.render.html import HtmlOptions, to_html

__all__ = ["ClaimStyle", "DotOptions", "HtmlOptions", "OutlineOptions", "outline", "to_dot", "to_graphviz", "to_html"]


def __getattr__(name: str) -> object:
    """Return :mod:`~argmap.render.html`'s public *name*, imported on first use (PEP 562): most drawings are no page."""
    if name not in ("HtmlOptions", "to_html"):
        raise AttributeError(f"module 'argmap.render' has no attribute {name!r}")
    from argmap.render import html

    value = getattr(html, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names beside the module's own, those imported on first use too."""
    return sorted({*globals(), *__all__})
