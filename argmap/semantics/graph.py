"""Arguments and attacks, numbered: the graph every semantics reads, below the tasks that read it.

Arguments are named with strings and kept in the order given; inside, they
are numbered, and attacks are kept as one list of targets per argument, the
shape the semantics walk, so that a million arguments fit in memory and in
time. Users build a :class:`~argmap.semantics.framework.Framework`, which is
this graph with ICCMA's tasks as methods.

>>> graph = AttackGraph(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> graph.attackers("c")
('b',)
>>> len(graph), graph.attacks
(3, (('a', 'b'), ('b', 'c')))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from argmap.errors import InvalidElementError, UnknownElementError

__all__ = ["AttackGraph"]

_Graph = TypeVar("_Graph", bound="AttackGraph")


class AttackGraph:
    """Arguments and the attacks between them, numbered: everything a semantics reads of a framework.

    :class:`~argmap.semantics.framework.Framework` is this graph with ICCMA's
    tasks as methods; the semantics below the tasks take an ``AttackGraph``.

    Args:
        arguments: the arguments' names, each once, in the order to keep.
        attacks: pairs ``(attacker, target)`` of argument names; a repeated
            pair counts once.

    Raises:
        InvalidElementError: a name is not a non-empty string, or is given twice.
        UnknownElementError: an attack names an argument not in *arguments*.
    """

    __slots__ = ("_attackers", "_index", "_names", "_successors")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        names = tuple(arguments)
        index: dict[str, int] = {}
        for number, name in enumerate(names):
            if not isinstance(name, str) or not name:
                raise InvalidElementError(f"an argument's name must be a non-empty string, got {name!r}")
            if index.setdefault(name, number) != number:
                raise InvalidElementError(f"argument {name!r} is named twice")
        successors: list[list[int]] = [[] for _ in names]
        for pair in attacks:
            try:
                attacker, target = pair
                successors[index[attacker]].append(index[target])
            except KeyError as error:
                raise UnknownElementError(f"attack {pair!r} names {error.args[0]!r}, which is no argument") from None
            except (TypeError, ValueError):
                raise InvalidElementError(f"an attack is a pair (attacker, target), got {pair!r}") from None
        self._setup(names, successors, index)

    @classmethod
    def from_numbers(cls: type[_Graph], names: Sequence[str], successors: list[list[int]]) -> _Graph:
        """Return a framework from numbered attacks: ``names[a]`` attacks ``names[t]`` for *t* in ``successors[a]``.

        The fast path for readers of large files, which build the lists as
        they read: the numbers are trusted to lie in ``range(len(names))``
        and the names to be distinct. The framework keeps *successors*.
        """
        if len(successors) != len(names):
            raise InvalidElementError(f"{len(names)} arguments need {len(names)} lists of targets")
        framework = cls.__new__(cls)
        framework._setup(tuple(names), successors, None)
        return framework

    def _setup(self, names: tuple[str, ...], successors: list[list[int]], index: dict[str, int] | None) -> None:
        self._names = names
        self._successors = successors
        self._index = index
        self._attackers: list[list[int]] | None = None

    # ------------------------------------------------------------------ queries

    @property
    def arguments(self) -> tuple[str, ...]:
        """Return the arguments' names, in order."""
        return self._names

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """Return the attacks as ``(attacker, target)`` pairs, each once, in the order first given."""
        names = self._names
        return tuple((names[attacker], names[target]) for attacker, target in dict.fromkeys(self._pairs()))

    def _pairs(self) -> Iterator[tuple[int, int]]:
        for attacker, targets in enumerate(self._successors):
            for target in targets:
                yield attacker, target

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, argument: object) -> bool:
        return argument in self.index

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def attackers(self, argument: str) -> tuple[str, ...]:
        """Return the arguments that attack *argument*, each once."""
        names = self._names
        return tuple(names[a] for a in dict.fromkeys(self.attackers_of[self.number(argument)]))

    def targets(self, argument: str) -> tuple[str, ...]:
        """Return the arguments *argument* attacks, each once."""
        names = self._names
        return tuple(names[t] for t in dict.fromkeys(self.successors[self.number(argument)]))

    def __eq__(self, other: object) -> bool:
        """Tell whether two frameworks have the same arguments in the same order and the same attacks."""
        if not isinstance(other, AttackGraph):
            return NotImplemented
        return self._names == other._names and set(self._pairs()) == set(other._pairs())

    __hash__ = None  # type: ignore[assignment]  # equal frameworks may list attacks in different orders

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self._names)} arguments, {len(set(self._pairs()))} attacks>"

    # ------------------------------------------------------- numbered innards

    @property
    def index(self) -> dict[str, int]:
        """Return each argument's number (its position in :attr:`arguments`)."""
        if self._index is None:
            self._index = {name: number for number, name in enumerate(self._names)}
        return self._index

    def number(self, argument: str) -> int:
        """Return the number of *argument*."""
        try:
            return self.index[argument]
        except KeyError:
            raise UnknownElementError(f"no argument is named {argument!r}") from None

    @property
    def successors(self) -> list[list[int]]:
        """Return, for each argument number, the numbers of the arguments it attacks (repeats kept)."""
        return self._successors

    @property
    def attackers_of(self) -> list[list[int]]:
        """Return, for each argument number, the numbers of its attackers."""
        if self._attackers is None:
            attackers: list[list[int]] = [[] for _ in self._names]
            for attacker, targets in enumerate(self._successors):
                for target in targets:
                    attackers[target].append(attacker)
            self._attackers = attackers
        return self._attackers
