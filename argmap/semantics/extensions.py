"""Complete, preferred and stable semantics, SCC by SCC, with a SAT solver inside each component.

The scheme is Baroni, Giacomin and Guida's SCC-recursiveness (2005), on
labellings. The grounded labelling is computed first: every complete
labelling extends it, so only its undecided arguments are left to decide.
Those are split into strongly connected components and taken in an order
where a component comes after every component that attacks it. Once the
components before it are labelled, a component's own labellings depend on
nothing else, so each is found on its own, given its context: which of its
outside attackers are ``in``, ``out`` or ``undec``. A preferred labelling is,
component by component, a complete labelling of the component (given its
context) whose ``in`` set is maximal; a stable one is a complete one with no
``undec`` argument.

Inside a component of one argument the label follows from the context.
Larger components are encoded as CNF and handed to a SAT solver through
python-sat (MiniSat where attacks are sparse, CaDiCaL where they are dense,
as measured): complete labellings (Caminada's conditions, two variables an
argument) and stable extensions (conflict-free and attacking the rest, one
variable an argument) are enumerated with blocking clauses; preferred
extensions are maximal admissible sets (one variable an argument), each
grown from an admissible set with assumptions until no larger one exists,
as PrefSAT does (Cerutti et al. 2014). Components' answers are cached by
context, and the whole search is a loop over a stack of generators, so the
first extension comes as soon as it is found and no recursion is involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

from argmap._components import strongly_connected_components
from argmap.errors import OptionError
from argmap.semantics.graph import AttackGraph
from argmap.semantics.grounded import grounded_codes, grounded_labelling
from argmap.semantics.labelling import IN, OUT, UNDEC, Labelling

if TYPE_CHECKING:
    from pysat.solvers import Solver

__all__ = [
    "SEMANTICS",
    "Semantics",
    "complete",
    "extensions",
    "known_semantics",
    "labelling_of",
    "labellings",
    "preferred",
    "stable",
]

Semantics: TypeAlias = Literal["grounded", "complete", "preferred", "stable"]
"""The semantics argmap computes."""

SEMANTICS: tuple[Semantics, ...] = get_args(Semantics)

_Choice: TypeAlias = bytes  # the codes of one component's members, in the component's order

_DENSE = 8.0
"""Attacks per argument inside a component from which CaDiCaL, not MiniSat, solves it.

Both come with python-sat, and each wins on its own kind of framework
(benchmarks/tasks.py, docs/performance.md). On sparse random frameworks
(1,000 arguments, 4 attacks each) MiniSat 2.2 is about 1.3 times as fast as
CaDiCaL 1.9.5; on AFGen-style dense ones (150 arguments, about 30 attacks
each) CaDiCaL enumerates preferred extensions 7 times as fast, stable 15
times and complete 5 times.
"""


def _solver_name(members: int, attacks: int) -> str:
    """Return the SAT solver for a problem of *members* arguments and *attacks* attacks among them."""
    return "cadical195" if attacks >= _DENSE * max(members, 1) else "minisat22"


def _new_solver(clauses: list[list[int]], members: int, attacks: int, *, grow: bool = False) -> Solver:
    """Return a solver holding *clauses*, chosen by the density of the attacks they encode.

    With *grow* (the solver will look for maximal sets), the solver first
    tries every argument ``in``: the first admissible sets it finds are then
    large, and growing them to preferred ones takes a call or two instead of
    hundreds. On the 7,346-argument ICCMA 2025 example that takes skeptical
    preferred acceptance from 2.3 s to 0.14 s and the first preferred
    extension from 1.4 s to 0.08 s (CPU); on sparse random frameworks it
    changes little, either way.
    """
    from pysat.solvers import Solver

    name = _solver_name(members, attacks)
    solver = Solver(name=name, bootstrap_with=clauses)
    if grow:
        solver.set_phases(range(1, members + 1))
    return solver


def known_semantics(semantics: object) -> Semantics:
    """Return *semantics* when it is one of :data:`SEMANTICS`: the one check every function that takes one makes.

    Raises:
        OptionError: it is not; the message lists those there are.
    """
    for known in SEMANTICS:
        if semantics == known:
            return known
    raise OptionError(f"unknown semantics {semantics!r}; known: {', '.join(SEMANTICS)}")


def labellings(framework: AttackGraph, semantics: Semantics) -> Iterator[Labelling]:
    """Yield the labellings of *framework* under *semantics*, lazily, each once.

    Grounded semantics yields exactly one; stable semantics may yield none.

    Raises:
        OptionError: *semantics* is not one of :data:`SEMANTICS`.
    """
    known_semantics(semantics)
    if semantics == "grounded":
        yield grounded_labelling(framework)
        return
    for codes in _scc_recursive(framework, semantics):
        yield Labelling(framework, codes)


def extensions(framework: AttackGraph, semantics: Semantics) -> Iterator[frozenset[str]]:
    """Yield the extensions of *framework* under *semantics*, lazily, each once."""
    for labelling in labellings(framework, semantics):
        yield labelling.extension


def complete(framework: AttackGraph) -> Iterator[frozenset[str]]:
    """Yield every complete extension: conflict-free sets that accept exactly what they defend.

    >>> from argmap.semantics import Framework
    >>> sorted(sorted(e) for e in complete(Framework("ab", [("a", "b"), ("b", "a")])))
    [[], ['a'], ['b']]
    """
    return extensions(framework, "complete")


def preferred(framework: AttackGraph) -> Iterator[frozenset[str]]:
    """Yield every preferred extension (the maximal admissible sets), the first as soon as it is found.

    >>> from argmap.semantics import Framework
    >>> sorted(sorted(e) for e in preferred(Framework("abc", [("a", "b"), ("b", "a"), ("b", "c")])))
    [['a', 'c'], ['b']]
    """
    return extensions(framework, "preferred")


def stable(framework: AttackGraph) -> Iterator[frozenset[str]]:
    """Yield every stable extension: conflict-free sets that attack every argument outside them.

    >>> from argmap.semantics import Framework
    >>> list(stable(Framework("abc", [("a", "b"), ("b", "c"), ("c", "a")])))
    []
    """
    return extensions(framework, "stable")


def labelling_of(framework: AttackGraph, extension: Iterable[str]) -> Labelling:
    """Return the labelling an extension stands for: itself ``in``, what it attacks ``out``, the rest ``undec``."""
    codes = bytearray(len(framework))
    successors = framework.successors
    accepted = [framework.number(argument) for argument in extension]
    for number in accepted:
        for target in successors[number]:
            codes[target] = OUT
    for number in accepted:
        codes[number] = IN
    return Labelling(framework, codes)


# ---------------------------------------------------------------------------- the scheme


class _Component:
    """One strongly connected component of the undecided arguments, and how to label it."""

    __slots__ = ("attackers_inside", "attackers_outside", "attacks", "cache", "context", "members", "required")

    def __init__(
        self, members: list[int], framework: AttackGraph, grounded: bytearray, required: frozenset[int] = frozenset()
    ) -> None:
        self.members = members
        self.required = [position for position, member in enumerate(members) if member in required]
        inside = set(members)
        self.attackers_inside: list[list[int]] = []
        self.attackers_outside: list[list[int]] = []
        for member in members:
            attackers = framework.attackers_of[member]
            self.attackers_inside.append([a for a in dict.fromkeys(attackers) if a in inside])
            # Grounded-out attackers never matter; grounded-in ones cannot attack an undecided argument.
            self.attackers_outside.append(
                [a for a in dict.fromkeys(attackers) if a not in inside and grounded[a] == UNDEC]
            )
        self.context = list(dict.fromkeys(a for group in self.attackers_outside for a in group))
        self.attacks = sum(len(inside) for inside in self.attackers_inside)
        self.cache: dict[bytes, list[_Choice]] = {}

    def choices(self, labels: bytearray, semantics: Semantics) -> Iterator[_Choice]:
        """Yield the component's labellings that fit *labels* of the components before it."""
        key = bytes(labels[a] for a in self.context)
        known = self.cache.get(key)
        if known is not None:
            return iter(known)
        if len(self.members) == 1 and not self.attackers_inside[0]:
            outside = {labels[a] for a in self.attackers_outside[0]}
            code = OUT if IN in outside else UNDEC if UNDEC in outside else IN
            refused = (semantics == "stable" and code == UNDEC) or (self.required and code != IN)
            found = [] if refused else [bytes((code,))]
            self.cache[key] = found
            return iter(found)
        return self._remembered(key, _solve(self, labels, semantics))

    def _remembered(self, key: bytes, choices: Iterator[_Choice]) -> Iterator[_Choice]:
        found = []
        for choice in choices:
            found.append(choice)
            yield choice
        self.cache[key] = found


def _scc_recursive(
    framework: AttackGraph, semantics: Semantics, required: frozenset[int] = frozenset()
) -> Iterator[bytes]:
    """Yield the labellings' codes, SCC by SCC; with *required*, only those that accept every argument in it.

    Requiring arguments keeps preferred extensions preferred: a set maximal
    among the admissible sets that hold them is maximal among all.
    """
    grounded = grounded_codes(framework)
    if any(grounded[number] == OUT for number in required):
        return
    residue = [number for number, code in enumerate(grounded) if code == UNDEC]
    if not residue:
        yield bytes(grounded)
        return
    successors = framework.successors
    within = {a: [b for b in successors[a] if grounded[b] == UNDEC] for a in residue}
    order = strongly_connected_components(residue, within.__getitem__)[::-1]
    components = [_Component(members, framework, grounded, required) for members in order]
    labels = grounded
    last = len(components) - 1
    pending: list[Iterator[_Choice]] = []
    level = 0
    choices = components[0].choices(labels, semantics)
    while True:
        choice = next(choices, None)
        if choice is None:  # this component is exhausted here: back to the one before
            for member in components[level].members:
                labels[member] = UNDEC
            if not pending:
                return
            level -= 1
            choices = pending.pop()
            continue
        for member, code in zip(components[level].members, choice, strict=True):
            labels[member] = code
        if level == last:
            yield bytes(labels)
            continue
        pending.append(choices)
        level += 1
        choices = components[level].choices(labels, semantics)


def _solve(component: _Component, labels: bytearray, semantics: Semantics) -> Iterator[_Choice]:
    """Yield a component's labellings given its context, found by the SAT solver."""
    size = len(component.members)
    if semantics == "complete":
        clauses = _complete_clauses(component, labels)
        clauses.extend([2 * position + 1] for position in component.required)
        solver = _new_solver(clauses, size, component.attacks)
        choices = _every_complete(solver, size)
    else:
        clauses = _acceptance_clauses(component, labels, semantics)
        clauses.extend([position + 1] for position in component.required)
        solver = _new_solver(clauses, size, component.attacks, grow=semantics == "preferred")
        found = _maximal(solver, len(component.members)) if semantics == "preferred" else _every_stable(solver)
        choices = (_labelled(component, labels, accepted) for accepted in found)
    try:
        yield from choices
    finally:
        solver.delete()


def _complete_clauses(component: _Component, labels: bytearray) -> list[list[int]]:
    """Return Caminada's complete labellings of the component as CNF: argument *p* is in as 2p+1, out as 2p+2."""
    local = {member: position for position, member in enumerate(component.members)}
    clauses: list[list[int]] = []
    for position in range(len(component.members)):
        accepted, rejected = 2 * position + 1, 2 * position + 2
        clauses.append([-accepted, -rejected])
        outside = {labels[a] for a in component.attackers_outside[position]}
        if IN in outside:
            clauses.append([rejected])
            continue
        inside = [local[a] for a in component.attackers_inside[position]]
        # out only when an attacker is in; in exactly when every attacker is out.
        clauses.append([-rejected, *(2 * a + 1 for a in inside)])
        for attacker in inside:
            clauses.append([-accepted, 2 * attacker + 2])
            clauses.append([rejected, -(2 * attacker + 1)])
        if UNDEC in outside:
            clauses.append([-accepted])
        else:
            clauses.append([accepted, *(-(2 * a + 2) for a in inside)])
    return clauses


def _acceptance_clauses(component: _Component, labels: bytearray, semantics: Semantics) -> list[list[int]]:
    """Return the component's admissible sets (or, for stable semantics, stable ones) as CNF: *p* is in as p+1.

    One variable an argument: its attackers are not in, and each attacker is
    attacked by an argument that is in (admissible), or each argument not in
    is attacked by one that is (stable). On random frameworks this proves
    that no larger admissible set exists about twice as fast as the complete
    labelling encoding does.
    """
    local = {member: position + 1 for position, member in enumerate(component.members)}
    clauses: list[list[int]] = []
    defeated = [any(labels[a] == IN for a in outside) for outside in component.attackers_outside]
    for position in range(len(component.members)):
        accepted = position + 1
        outside = {labels[a] for a in component.attackers_outside[position]}
        inside = [local[a] for a in component.attackers_inside[position]]
        if outside - {OUT}:  # an outside attacker in defeats it; one undecided cannot be defeated from here
            clauses.append([-accepted])
        for attacker in inside:
            clauses.append([-accepted, -attacker])
            if semantics == "preferred" and not defeated[attacker - 1]:
                defenders = [local[a] for a in component.attackers_inside[attacker - 1]]
                clauses.append([-accepted, *defenders])
        if semantics == "stable" and IN not in outside:
            clauses.append([accepted, *inside])
    return clauses


def _labelled(component: _Component, labels: bytearray, accepted: list[int]) -> _Choice:
    """Return the component's labels when exactly the members at positions *accepted* are in."""
    chosen = set(accepted)
    inside = {component.members[p] for p in chosen}
    codes = bytearray(len(component.members))
    for position in range(len(component.members)):
        if position in chosen:
            codes[position] = IN
        elif any(a in inside for a in component.attackers_inside[position]) or any(
            labels[a] == IN for a in component.attackers_outside[position]
        ):
            codes[position] = OUT
    return bytes(codes)


def _every_complete(solver: Solver, size: int) -> Iterator[_Choice]:
    while solver.solve():
        model = solver.get_model()
        yield bytes(IN if model[2 * p] > 0 else OUT if model[2 * p + 1] > 0 else UNDEC for p in range(size))
        # The in set fixes the rest of a complete labelling: block exactly this one.
        solver.add_clause([-(2 * p + 1) if model[2 * p] > 0 else 2 * p + 1 for p in range(size)])


def _every_stable(solver: Solver) -> Iterator[list[int]]:
    while solver.solve():
        model = solver.get_model()
        yield [v - 1 for v in model if v > 0]
        # Stable extensions are incomparable: the next accepts something this one does not.
        others = [-v for v in model if v < 0]
        if not others:
            return
        solver.add_clause(others)


def _maximal(solver: Solver, size: int) -> Iterator[list[int]]:
    """Yield the maximal admissible sets, as positions, growing each from any admissible set (PrefSAT)."""
    activation = [size]
    while solver.solve():
        accepted, others = _grow(solver, solver.get_model(), size, activation)
        yield [v - 1 for v in accepted]
        if not others or not accepted:
            return  # the empty set is maximal: it is the only preferred one, and that was just proved
        # Every other preferred extension accepts something this one does not.
        solver.add_clause(others)


def _grow(solver: Solver, model: list[int], size: int, activation: list[int]) -> tuple[list[int], list[int]]:
    """Grow the admissible set of *model* until no larger one exists; return its variables and the others.

    Each step asks for a strict superset under assumptions, through a fresh
    activation variable (the counter in *activation*) that is switched off
    afterwards, so the solver stays usable, warm, for the next question.
    """
    while True:
        accepted = [p + 1 for p in range(size) if model[p] > 0]
        others = [p + 1 for p in range(size) if model[p] <= 0]
        if not others:
            return accepted, others
        activation[0] += 1
        switch = activation[0]
        solver.add_clause([-switch, *others])
        larger = solver.solve(assumptions=[switch, *accepted])
        if larger:
            model = solver.get_model()  # before the next clause, which leaves the solved state
        solver.add_clause([-switch])
        if not larger:
            return accepted, others
