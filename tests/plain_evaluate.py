"""argmap.evaluate's _arguments as first written, with the quadratic twin test: what tests hold it to.

_arguments() leaves out an argument whose basis (its claims and supports)
includes the basis of a kept argument with the same conclusion and last
support. It used to test every new argument against every such kept twin,
which on the 1,000-claim benchmark map meant 38 million subset tests; it now
looks only at the twins an index of the bases names. This is the plain
version, kept so that a property test can show both build exactly the same
arguments, in the same order, and refuse a map at the same point.
"""

from __future__ import annotations

import sys
from collections import deque
from itertools import product

import argmap.evaluate  # noqa: F401  (the module, for its limit as it is when called; the name is the function)
from argmap.errors import LimitError
from argmap.evaluate import _NONE, _Built, _on_cycles
from argmap.map import ArgumentMap
from argmap.model import Support

__all__ = ["plain_arguments"]


def plain_arguments(amap: ArgumentMap) -> tuple[list[_Built], list[list[int]]]:
    """Return the arguments and their users as _arguments() did, each new twin tested against every kept one."""
    limit: int = sys.modules["argmap.evaluate"].ARGUMENT_LIMIT
    supported = {support.conclusion for support in amap.supports}
    uses: dict[str, list[tuple[Support, int]]] = {}
    for support in amap.supports:
        for position, premise in enumerate(support.premises):
            uses.setdefault(premise, []).append((support, position))
    cycle = _on_cycles(amap)
    built: list[_Built] = []
    users: list[list[int]] = []
    concluding: dict[str, list[int]] = {claim.id: [] for claim in amap.claims}
    alike: dict[tuple[str, str | None], list[int]] = {}
    bases: dict[int, set[str]] = {}
    queue: deque[int] = deque()

    def basis(number: int) -> set[str]:
        found = bases.get(number)
        if found is None:
            found = set()
            seen = {number}
            stack = [number]
            while stack:
                argument = built[stack.pop()]
                found.add(argument.conclusion)
                if argument.support is not None:
                    found.add(argument.support)
                for premise in argument.premises:
                    if premise not in seen:
                        seen.add(premise)
                        stack.append(premise)
            bases[number] = found
        return found

    def add(argument: _Built) -> None:
        number = len(built)
        kept = alike.setdefault((argument.conclusion, argument.support), [])
        if kept:
            built.append(argument)
            larger = any(basis(other) <= basis(number) for other in kept)
            built.pop()
            if larger:
                bases.pop(number, None)
                return
        if number == limit:
            raise LimitError(f"the map's supports make more than {limit:,} arguments")
        kept.append(number)
        concluding[argument.conclusion].append(number)
        queue.append(number)
        built.append(argument)
        users.append([])
        for premise in dict.fromkeys(argument.premises):
            users[premise].append(number)

    for claim in amap.claims:
        if claim.id not in supported:
            add(_Built(claim.id, None, (), frozenset((claim.id,)) if claim.id in cycle else _NONE))
    while queue:
        new = queue.popleft()
        for support, position in uses.get(built[new].conclusion, ()):
            pools = [concluding[premise] for premise in support.premises]
            pools[position] = [new]
            conclusion = support.conclusion
            group = cycle.get(conclusion)
            for premises in product(*pools):
                circle = _NONE
                if group is not None:
                    circle = frozenset().union(
                        *(built[p].circle for p in premises if cycle.get(built[p].conclusion) == group)
                    )
                    if conclusion in circle:
                        continue
                    circle |= {conclusion}
                add(_Built(conclusion, support.id, premises, circle))
    return built, users
