"""Grow an admissible set to a complete or a preferred extension, one component of what is left at a time.

A preferred extension holding an admissible set *S* is found without
enumerating anything. First *S* is closed the way the grounded labelling is
built: what it attacks goes ``out``, what has every attacker ``out`` goes
``in``, until nothing moves; that is the least complete extension holding
*S*. What is left ``undec`` is the *reduct* of the framework by *S*
(Baumann, Brewka and Ulbricht 2020): a set *T* extends *S* to a larger
admissible set exactly when *T* is admissible in the reduct. So *S* is
preferred exactly when the reduct holds no non-empty admissible set, and
that is asked one strongly connected component of the reduct at a time, in
an order where a component comes after those that attack it: a non-empty
admissible set of the reduct holds one of its first component that meets it,
and that part is admissible inside the component alone, among the members
no earlier undecided argument attacks.

Each question is one SAT call on one component. When it finds a set, the
set is accepted and closed, and what is left of the component is split
again: an accepted set cuts the cycles through it, so later questions are
asked of smaller components, and the last one, the proof that nothing
larger exists, is asked of each piece on its own rather than of the whole
component at once. The first admissible set each call finds is a large one
(the solver tries every argument ``in`` first), so few rounds are needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap._components import strongly_connected_components
from argmap.semantics.extensions import _acceptance_clauses, _Component, _new_solver
from argmap.semantics.graph import AttackGraph
from argmap.semantics.labelling import IN, OUT, UNDEC

__all__ = ["accept", "preferred_from"]


def accept(framework: AttackGraph, codes: bytearray, accepted: Iterable[int]) -> None:
    """Label the *accepted* arguments ``in`` in *codes* and close the labelling, in place.

    *codes* must be closed already (as the grounded labelling is) and the
    accepted arguments, with the arguments already ``in``, an admissible
    set. Their targets go ``out``; an ``undec`` argument whose attackers are
    all ``out`` goes ``in``, and so on: the result is the least complete
    labelling whose ``in`` set holds them all.
    """
    successors = framework.successors
    attackers = framework.attackers_of
    queue = [number for number in accepted if codes[number] != IN]
    for number in queue:
        codes[number] = IN
    while queue:
        for target in successors[queue.pop()]:
            if codes[target] != UNDEC:
                continue
            codes[target] = OUT
            for next_target in successors[target]:
                if codes[next_target] == UNDEC and all(codes[a] == OUT for a in attackers[next_target]):
                    codes[next_target] = IN
                    queue.append(next_target)


def preferred_from(framework: AttackGraph, codes: bytearray, only: set[int] | None = None) -> None:
    """Grow the closed admissible labelling *codes* to a preferred one, in place.

    With *only* (a set of argument numbers closed under attackers: every
    attacker of a member is a member), only its members are decided: the
    labels of those are then those of a preferred labelling, whatever the
    rest becomes, because no argument outside attacks them.
    """
    undecided = [number for number, code in enumerate(codes) if code == UNDEC and (only is None or number in only)]
    pending = _components(framework, codes, undecided)
    while pending:
        component = pending.pop()
        members = [member for member in component if codes[member] == UNDEC]
        if len(members) < len(component):  # something before it, or in it, was decided: split what is left
            pending.extend(_components(framework, codes, members))
            continue
        if len(members) == 1:
            # Alone, it attacks itself or has an undecided attacker before it (one with every attacker out
            # would be in already): either way it stays undecided.
            continue
        found = _admissible_inside(framework, codes, members)
        if found:
            accept(framework, codes, found)
            pending.append(members)


def _components(framework: AttackGraph, codes: bytearray, members: list[int]) -> list[list[int]]:
    """Return the strongly connected components among the undecided *members*, the last to decide first."""
    successors = framework.successors
    inside = set(members)
    return strongly_connected_components(members, lambda a: [b for b in successors[a] if b in inside])


def _admissible_inside(framework: AttackGraph, codes: bytearray, members: list[int]) -> list[int]:
    """Return a non-empty admissible set of the component *members* given the labels around it, or ``[]``.

    A member attacked by an undecided argument outside the component cannot
    be in it: nothing inside can defend it there.
    """
    component = _Component(members, framework, codes)
    clauses = _acceptance_clauses(component, codes, "preferred")
    clauses.append(list(range(1, len(members) + 1)))
    solver = _new_solver(clauses, len(members), component.attacks, grow=True)
    try:
        if not solver.solve():
            return []
        model = solver.get_model()
        return [member for position, member in enumerate(members) if model[position] > 0]
    finally:
        solver.delete()
