"""An abstract framework as a Graphviz graph: each argument a circle, each attack an arrow.

For looking at small frameworks (a notebook draws one of up to
:data:`argmap.jupyter.FRAMEWORK_LIMIT` arguments); a big one is better
read through its semantics. Nodes are numbered (``a0``, ``a1``, ...) and each
argument's name is an HTML-like label, so no name can break the DOT.

>>> from argmap.semantics import Framework
>>> print(framework_dot(Framework(["a", "b"], [("a", "b")])), end="")
digraph framework {
  graph [label=<2 arguments, 1 attack>, labelloc=t, fontname="Helvetica", fontsize=12]
  node [shape=circle, fontname="Helvetica", fontsize=11]
  edge [arrowsize=0.7]
  a0 [label=<a>]
  a1 [label=<b>]
  a0 -> a1
}
"""

from __future__ import annotations

from argmap.render._quoting import html
from argmap.semantics import Framework

__all__ = ["framework_dot"]


def framework_dot(framework: Framework) -> str:
    """Return the DOT source of *framework*: its arguments, its attacks, and its size as the caption."""
    attacks = dict.fromkeys(
        (attacker, target) for attacker, targets in enumerate(framework.successors) for target in targets
    )
    caption = f"{_counted(len(framework), 'argument')}, {_counted(len(attacks), 'attack')}"
    lines = [
        "digraph framework {",
        f'  graph [label=<{caption}>, labelloc=t, fontname="Helvetica", fontsize=12]',
        '  node [shape=circle, fontname="Helvetica", fontsize=11]',
        "  edge [arrowsize=0.7]",
    ]
    lines.extend(f"  a{number} [label=<{html(name)}>]" for number, name in enumerate(framework.arguments))
    lines.extend(f"  a{attacker} -> a{target}" for attacker, target in attacks)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
