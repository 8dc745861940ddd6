"""Abstract argumentation frameworks (Dung 1995): arguments, who attacks whom, and ICCMA's tasks as methods.

A :class:`Framework` is an :class:`~argmap.semantics.graph.AttackGraph`, the
numbered arguments and attacks the semantics read, with the questions ICCMA
asks of a framework as methods. It sits above the semantics it calls, so the
imports go one way: graph and labelling at the bottom, then grounded,
extensions and tasks, then this module.

>>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> af.attackers("c")
('b',)
>>> sorted(af.some_extension()), af.credulous("b"), af.count("complete")
(['a', 'c'], False, 1)
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap._display import Bundle, MimeTypes, bundle
from argmap.semantics.extensions import Semantics, extensions
from argmap.semantics.graph import AttackGraph
from argmap.semantics.labelling import IN, OUT, UNDEC, Label, Labelling
from argmap.semantics.tasks import count, credulous, skeptical, some_extension

__all__ = ["IN", "OUT", "UNDEC", "Framework", "Label", "Labelling"]


class Framework(AttackGraph):
    """An abstract argumentation framework: arguments and the attacks between them.

    Args:
        arguments: the arguments' names, each once, in the order to keep.
        attacks: pairs ``(attacker, target)`` of argument names; a repeated
            pair counts once.

    Raises:
        InvalidElementError: a name is not a non-empty string, or is given twice.
        UnknownElementError: an attack names an argument not in *arguments*.
    """

    __slots__ = ()

    def some_extension(self, semantics: Semantics = "preferred") -> frozenset[str] | None:
        """Return one extension under *semantics* (ICCMA's SE), or ``None`` when there is none."""
        return some_extension(self, semantics)

    def credulous(self, argument: str, semantics: Semantics = "preferred") -> bool:
        """Tell whether *argument* is in some extension under *semantics* (ICCMA's DC)."""
        return credulous(self, argument, semantics)

    def skeptical(self, argument: str, semantics: Semantics = "preferred") -> bool:
        """Tell whether *argument* is in every extension under *semantics* (ICCMA's DS)."""
        return skeptical(self, argument, semantics)

    def count(self, semantics: Semantics = "preferred") -> int:
        """Return how many extensions there are under *semantics* (ICCMA's CE), keeping none of them."""
        return count(self, semantics)

    def extensions(self, semantics: Semantics = "preferred") -> Iterator[frozenset[str]]:
        """Yield the extensions under *semantics* (ICCMA's EE) lazily, each as soon as it is found."""
        return extensions(self, semantics)

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the framework in a notebook: its size, and a drawing when it is small (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)
