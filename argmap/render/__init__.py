"""Renderers: pure functions from a map to text, one module per output.

>>> from argmap import ArgumentMap
>>> from argmap.render import to_dot
>>> to_dot(ArgumentMap()).startswith("digraph argmap {")
True
"""

from argmap.render.dot import DotOptions, to_dot, to_graphviz
from argmap.render.grammar import ClaimStyle
from argmap.render.html import HtmlOptions, to_html
from argmap.render.outline import outline

__all__ = ["ClaimStyle", "DotOptions", "HtmlOptions", "outline", "to_dot", "to_graphviz", "to_html"]
