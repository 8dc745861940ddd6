"""Abstract argumentation frameworks (Dung 1995): arguments, who attacks whom, and labellings.

A :class:`Framework` names its arguments with strings and keeps them in the
order given; inside, arguments are numbered and attacks are kept as one list
of targets per argument, the shape the semantics walk, so that a million
arguments fit in memory and in time.

>>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> af.attackers("c")
('b',)
>>> len(af), af.attacks
(3, (('a', 'b'), ('b', 'c')))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress
from typing import TYPE_CHECKING, Literal, TypeAlias

from argmap._display import Bundle, MimeTypes, bundle
from argmap.errors import InvalidElementError, UnknownElementError

if TYPE_CHECKING:
    from argmap.semantics.extensions import Semantics

__all__ = ["IN", "OUT", "UNDEC", "Framework", "Label", "Labelling"]

Label: TypeAlias = Literal["in", "out", "undec"]
"""An argument's label: accepted (``in``), rejected (``out``) or undecided (``undec``)."""

IN = 1
OUT = 2
UNDEC = 0
"""The codes labels have inside a :class:`Labelling` (``bytearray`` friendly)."""

_LABELS: tuple[Label, Label, Label] = ("undec", "in", "out")


class Framework:
    """An abstract argumentation framework: arguments and the attacks between them.

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
    def from_numbers(cls, names: Sequence[str], successors: list[list[int]]) -> Framework:
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
        if not isinstance(other, Framework):
            return NotImplemented
        return self._names == other._names and set(self._pairs()) == set(other._pairs())

    __hash__ = None  # type: ignore[assignment]  # equal frameworks may list attacks in different orders

    def __repr__(self) -> str:
        return f"<Framework: {len(self._names)} arguments, {len(set(self._pairs()))} attacks>"

    # ------------------------------------------------------------ ICCMA's tasks
    # The semantics are computed a floor above the framework they read: these
    # methods are a door to argmap.semantics.tasks, imported when first asked.

    def some_extension(self, semantics: Semantics = "preferred") -> frozenset[str] | None:
        """Return one extension under *semantics* (ICCMA's SE), or ``None`` when there is none."""
        from argmap.semantics import tasks

        return tasks.some_extension(self, semantics)

    def credulous(self, argument: str, semantics: Semantics = "preferred") -> bool:
        """Tell whether *argument* is in some extension under *semantics* (ICCMA's DC)."""
        from argmap.semantics import tasks

        return tasks.credulous(self, argument, semantics)

    def skeptical(self, argument: str, semantics: Semantics = "preferred") -> bool:
        """Tell whether *argument* is in every extension under *semantics* (ICCMA's DS)."""
        from argmap.semantics import tasks

        return tasks.skeptical(self, argument, semantics)

    def count(self, semantics: Semantics = "preferred") -> int:
        """Return how many extensions there are under *semantics* (ICCMA's CE), keeping none of them."""
        from argmap.semantics import tasks

        return tasks.count(self, semantics)

    def extensions(self, semantics: Semantics = "preferred") -> Iterator[frozenset[str]]:
        """Yield the extensions under *semantics* (ICCMA's EE) lazily, each as soon as it is found."""
        from argmap.semantics.extensions import extensions

        return extensions(self, semantics)

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the framework in a notebook: its size, and a drawing when it is small (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)

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

    def __init__(self, framework: Framework, codes: bytes | bytearray) -> None:
        if len(codes) != len(framework):
            raise InvalidElementError(f"a labelling needs {len(framework)} labels, got {len(codes)}")
        self._framework = framework
        self._codes = bytes(codes)

    @property
    def framework(self) -> Framework:
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
