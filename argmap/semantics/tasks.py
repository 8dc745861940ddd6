"""ICCMA's reasoning tasks: some extension, credulous and skeptical acceptance, the count, and the enumeration.

Each task asks one question and is answered without listing every
extension, which on real frameworks can be more than memory holds:

- **SE** (:func:`some_extension`): one extension, or ``None`` when there is
  none (stable semantics only).
- **DC** and **DS** (:func:`credulous_witness`, :func:`skeptical_counterexample`,
  and the yes-or-no :func:`credulous` and :func:`skeptical`): is an argument
  in some extension, in every one? The answer comes with the extension that
  shows it, as ICCMA asks.
- **CE** (:func:`count`): how many extensions, counted as they stream by.
- **EE** (:func:`argmap.semantics.extensions`): every extension, lazily.

Some extension is grown from the grounded one: under complete semantics
it is the grounded one; under preferred semantics each strongly connected
component of what is left undecided is asked for a non-empty admissible
set until none holds one (:mod:`argmap.semantics.maximal`).

Complete, preferred and grounded semantics are *directional* (Baroni and
Giacomin 2007): whether an argument is accepted depends only on the
arguments with a path to it, so DC and DS look at those alone. Credulous
acceptance under complete and preferred semantics is one SAT call (an
admissible set holding the argument). Skeptical acceptance under preferred
semantics is the hard one (Π2-complete); it is decided by a
counterexample-guided loop in the manner of CEGARTIX (Dvořák, Järvisalo,
Wallner and Woltran 2014): find an admissible set without the argument,
grow it to a preferred extension; if that one lacks the argument it is the
counterexample, and otherwise the next candidate must leave it. Stable
semantics is not directional and is asked of the whole framework, in one
SAT call.

>>> from argmap.semantics import Framework
>>> af = Framework("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
>>> skeptical(af, "d"), credulous(af, "c"), count(af, "complete")
(True, False, 3)
"""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

from argmap.semantics.extensions import (
    Semantics,
    _acceptance_clauses,
    _Component,
    _grow,
    _new_solver,
    _scc_recursive,
    known_semantics,
)
from argmap.semantics.graph import AttackGraph
from argmap.semantics.grounded import grounded_codes
from argmap.semantics.labelling import IN, OUT, UNDEC, Labelling
from argmap.semantics.maximal import accept, preferred_from

__all__ = [
    "TASKS",
    "Task",
    "count",
    "credulous",
    "credulous_witness",
    "skeptical",
    "skeptical_counterexample",
    "some_extension",
    "some_labelling",
]

Task: TypeAlias = Literal["SE", "DC", "DS", "CE", "EE"]
"""ICCMA's names of the tasks: some extension, decide credulously, decide skeptically, count, enumerate."""

TASKS: tuple[Task, ...] = get_args(Task)


def some_labelling(framework: AttackGraph, semantics: Semantics = "preferred") -> Labelling | None:
    """Return one labelling of *framework* under *semantics*, or ``None`` when there is none."""
    known_semantics(semantics)
    if semantics == "stable":
        found = _stable(framework, None, None)
        return None if found is None else Labelling(framework, found)
    codes = grounded_codes(framework)  # the least complete labelling: grounded and complete need no more
    if semantics == "preferred":
        preferred_from(framework, codes)
    return Labelling(framework, codes)


def some_extension(framework: AttackGraph, semantics: Semantics = "preferred") -> frozenset[str] | None:
    """Return one extension of *framework* under *semantics* (ICCMA's SE), or ``None`` when there is none.

    Only stable semantics can have none. The extension is the first the
    search finds, not a chosen one.

    >>> from argmap.semantics import Framework
    >>> sorted(some_extension(Framework("abc", [("a", "b"), ("b", "c")])))
    ['a', 'c']
    >>> print(some_extension(Framework("a", [("a", "a")]), "stable"))
    None
    """
    labelling = some_labelling(framework, semantics)
    return None if labelling is None else labelling.extension


def credulous_witness(
    framework: AttackGraph, argument: str, semantics: Semantics = "preferred"
) -> frozenset[str] | None:
    """Return an extension under *semantics* that holds *argument* (ICCMA's DC), or ``None`` when none does."""
    known_semantics(semantics)
    query = framework.number(argument)
    codes: bytes | None
    if semantics == "stable":
        codes = _stable(framework, query, IN)
    elif semantics == "grounded":
        codes = bytes(grounded_codes(framework))
        if codes[query] != IN:
            return None
    else:
        admissible = _admissible_around(framework, query, holding=True)
        if admissible is None:
            return None
        grown = grounded_codes(framework)
        accept(framework, grown, admissible)  # the least complete extension holding the admissible set
        if semantics == "preferred":
            preferred_from(framework, grown)
        codes = bytes(grown)
    return None if codes is None else Labelling(framework, codes).extension


def skeptical_counterexample(
    framework: AttackGraph, argument: str, semantics: Semantics = "preferred"
) -> frozenset[str] | None:
    """Return an extension under *semantics* that lacks *argument* (ICCMA's DS), or ``None`` when every one holds it.

    As at ICCMA, with no extension at all (stable semantics can have none)
    there is no counterexample: the argument is skeptically accepted.
    """
    known_semantics(semantics)
    query = framework.number(argument)
    if semantics == "stable":
        codes = _stable(framework, query, OUT)
        return None if codes is None else Labelling(framework, codes).extension
    grounded = grounded_codes(framework)
    if grounded[query] == IN:
        return None
    if semantics in ("grounded", "complete"):  # the grounded extension is the least complete one
        return Labelling(framework, grounded).extension
    if grounded[query] == OUT:
        return some_extension(framework, "preferred")
    counterexample = _preferred_without(framework, query, grounded)
    if counterexample is None:
        return None
    grown = bytearray(grounded)
    accept(framework, grown, counterexample)
    preferred_from(framework, grown)
    return Labelling(framework, grown).extension


def credulous(framework: AttackGraph, argument: str, semantics: Semantics = "preferred") -> bool:
    """Tell whether *argument* is in at least one extension under *semantics* (ICCMA's DC).

    >>> from argmap.semantics import Framework
    >>> credulous(Framework("ab", [("a", "b"), ("b", "a")]), "b")
    True

    Under complete and preferred semantics the answer is the one SAT call:
    the admissible set found is not grown to a whole extension, which can
    cost far more than the question (:func:`credulous_witness` grows it).
    """
    known_semantics(semantics)
    if semantics in ("complete", "preferred"):
        return _admissible_around(framework, framework.number(argument), holding=True) is not None
    return credulous_witness(framework, argument, semantics) is not None


def skeptical(framework: AttackGraph, argument: str, semantics: Semantics = "preferred") -> bool:
    """Tell whether *argument* is in every extension under *semantics* (ICCMA's DS).

    As at ICCMA, with no extension at all (stable semantics can have none)
    every argument is skeptically accepted.

    >>> from argmap.semantics import Framework
    >>> skeptical(Framework("ab", [("a", "b"), ("b", "a")]), "b")
    False

    Under preferred semantics no counterexample is grown beyond the
    argument's ancestors (:func:`skeptical_counterexample` grows it whole).
    """
    known_semantics(semantics)
    if semantics != "preferred":
        return skeptical_counterexample(framework, argument, semantics) is None
    query = framework.number(argument)
    grounded = grounded_codes(framework)
    if grounded[query] != UNDEC:  # in every complete extension, or attacked by one in all of them
        return grounded[query] == IN
    return _preferred_without(framework, query, grounded) is None


def count(framework: AttackGraph, semantics: Semantics = "preferred") -> int:
    """Return the number of extensions of *framework* under *semantics* (ICCMA's CE).

    The extensions stream by and are counted, never kept: memory stays that
    of the framework, and time grows with the count.
    """
    known_semantics(semantics)
    if semantics == "grounded":
        return 1
    return sum(1 for _ in _scc_recursive(framework, semantics))


# ---------------------------------------------------------------------------- inside


def _ancestors(framework: AttackGraph, query: int, grounded: bytearray) -> list[int]:
    """Return the undecided arguments with a path to *query* through undecided ones, *query* first.

    Attacks from grounded ``in`` or ``out`` arguments are settled: nothing
    beyond them can change *query*'s fate.
    """
    attackers = framework.attackers_of
    seen = {query}
    found = [query]
    for number in found:
        for attacker in attackers[number]:
            if attacker not in seen and grounded[attacker] == UNDEC:
                seen.add(attacker)
                found.append(attacker)
    return found


def _admissible_around(framework: AttackGraph, query: int, *, holding: bool) -> list[int] | None:
    """Return an admissible set holding *query* (numbers, grounded ``in`` ones included), or ``None``.

    One SAT call on the undecided arguments that reach *query*: by
    directionality, an admissible set of those is admissible in the whole.
    """
    grounded = grounded_codes(framework)
    accepted = [number for number, code in enumerate(grounded) if code == IN]
    if grounded[query] != UNDEC:
        return accepted if grounded[query] == IN else None
    component = _Component(_ancestors(framework, query, grounded), framework, grounded)
    clauses = _acceptance_clauses(component, grounded, "preferred")
    model = _one_model([*clauses, [1 if holding else -1]], len(component.members), component.attacks)
    if model is None:
        return None
    return accepted + [member for position, member in enumerate(component.members) if model[position] > 0]


def _preferred_without(framework: AttackGraph, query: int, grounded: bytearray) -> list[int] | None:
    """Return a preferred extension of *query*'s ancestors that lacks *query* (numbers), or ``None`` (CEGAR).

    One solver proposes admissible sets without *query*; another, kept warm
    across rounds, grows each to a maximal admissible set. A maximal set
    holding *query* refutes every candidate inside it, so the proposer is
    told to leave it; the loop ends with a counterexample or with the
    proposer out of candidates, and each round rules out one preferred
    extension at least.
    """
    component = _Component(_ancestors(framework, query, grounded), framework, grounded)
    clauses = _acceptance_clauses(component, grounded, "preferred")
    size = len(component.members)
    proposer = _new_solver([*clauses, [-1]], size, component.attacks)  # the query is position 0, variable 1
    grower = _new_solver(clauses, size, component.attacks, grow=True)
    activation = [size]
    try:
        while proposer.solve():
            model = proposer.get_model()
            if not grower.solve(assumptions=[p + 1 for p in range(size) if model[p] > 0]):  # pragma: no cover
                raise AssertionError("an admissible set was refused by the same clauses")
            accepted, others = _grow(grower, grower.get_model(), size, activation)
            if 1 not in accepted:
                inside = [position - 1 for position in accepted]
                in_grounded = [number for number, code in enumerate(grounded) if code == IN]
                return in_grounded + [component.members[position] for position in inside]
            proposer.add_clause(others)  # the next candidate must leave this preferred extension
        return None
    finally:
        proposer.delete()
        grower.delete()


def _one_model(clauses: list[list[int]], members: int, attacks: int) -> list[int] | None:
    """Return a model of *clauses* from one solver call, or ``None`` when they have none."""
    solver = _new_solver(clauses, members, attacks)
    try:
        return list(solver.get_model()) if solver.solve() else None
    finally:
        solver.delete()


def _stable(framework: AttackGraph, query: int | None, code: int | None) -> bytes | None:
    """Return a stable labelling's codes in which *query* has *code* (``IN`` or ``OUT``), or ``None``.

    One SAT call on the grounded labelling's undecided arguments: a stable
    extension holds the grounded ``in`` arguments and none of the ``out``
    ones, and each undecided argument is in or attacked by one that is.
    """
    grounded = grounded_codes(framework)
    if query is not None and grounded[query] != UNDEC:
        if grounded[query] != code:
            return None
        query = None
    residue = [number for number, label in enumerate(grounded) if label == UNDEC]
    if not residue:
        return bytes(grounded)
    component = _Component(residue, framework, grounded)
    clauses = _acceptance_clauses(component, grounded, "stable")
    if query is not None:
        position = component.members.index(query) + 1
        clauses.append([position if code == IN else -position])
    model = _one_model(clauses, len(residue), component.attacks)
    if model is None:
        return None
    codes = grounded
    for position, member in enumerate(component.members):
        codes[member] = IN if model[position] > 0 else OUT
    return bytes(codes)
