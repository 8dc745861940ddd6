"""Labellings: ``in``, ``out`` or ``undec`` for each argument of a framework (Caminada 2006), kept as one byte each."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import compress
from typing import Literal, TypeAlias

from argmap.errors import InvalidElementError
from argmap.semantics.graph import AttackGraph

__all__ = ["IN", "OUT", "UNDEC", "Label", "Labelling"]

Label: TypeAlias = Literal["in", "out", "undec"]
"""An argument's label: accepted (``in``), rejected (``out``) or undecided (``undec``)."""

IN = 1
OUT = 2
UNDEC = 0
"""The codes labels have inside a :class:`Labelling` (``bytearray`` friendly)."""

_LABELS: tuple[Label, Label, Label] = ("undec", "in", "out")


class Labelling(Mapping[str, Label]):
    """A labelling of a framework's arguments: ``in``, ``out`` or ``undec`` for each (Caminada 2006).

    It reads like a mapping from argument names to labels, and gives the
    three sets at once: :attr:`extension` (the ``in`` arguments),
    :attr:`out` and :attr:`undecided`.

    Args:
        framework: the framework labelled.
        codes: one code per argument number: :data:`IN`, :data:`OUT` or :data:`UNDEC`.
    """

    __slots__ = ("_codes", "_framework")

    def __init__(self, framework: AttackGraph, codes: bytes | bytearray) -> None:
        if len(codes) != len(framework):
            raise InvalidElementError(f"a labelling needs {len(framework)} labels, got {len(codes)}")
        self._framework = framework
        self._codes = bytes(codes)

    @property
    def framework(self) -> AttackGraph:
        """Return the framework labelled."""
        return self._framework

    @property
    def codes(self) -> bytes:
        """Return the label codes, one per argument number."""
        return self._codes

    def __getitem__(self, argument: str) -> Label:
        return _LABELS[self._codes[self._framework.number(argument)]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._framework.arguments)

    def __len__(self) -> int:
        return len(self._codes)

    def _with(self, code: int) -> frozenset[str]:
        return frozenset(self.arguments_labelled(code))

    def arguments_labelled(self, code: int) -> list[str]:
        """Return the names of the arguments whose label has *code*, in argument order."""
        # One byte per argument, 1 where the label matches: compress() then picks the names in C.
        mask = self._codes.translate(bytes(int(label == code) for label in range(256)))
        return list(compress(self._framework.arguments, mask))

    @property
    def extension(self) -> frozenset[str]:
        """Return the arguments labelled ``in``: the extension this labelling stands for."""
        return self._with(IN)

    @property
    def out(self) -> frozenset[str]:
        """Return the arguments labelled ``out``."""
        return self._with(OUT)

    @property
    def undecided(self) -> frozenset[str]:
        """Return the arguments labelled ``undec``."""
        return self._with(UNDEC)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Labelling):
            return self._framework is other._framework and self._codes == other._codes
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Labelling: in {sorted(self.extension)}, out {sorted(self.out)}, undec {sorted(self.undecided)}>"
