"""Grounded semantics: the one skeptical extension, in time linear in arguments plus attacks."""

from __future__ import annotations

from argmap.semantics.graph import AttackGraph
from argmap.semantics.labelling import IN, OUT, Labelling

__all__ = ["grounded", "grounded_codes", "grounded_labelling"]


def grounded_codes(framework: AttackGraph) -> bytearray:
    """Return the grounded labelling as codes, one per argument number.

    The standard queue-based fixpoint: an argument all of whose attackers
    are ``out`` goes ``in``; whatever it attacks goes ``out``, which may
    leave further arguments with every attacker ``out``. Each attack is
    looked at twice at most, there is no recursion, and what is left at the
    end is ``undec``.
    """
    successors = framework.successors
    size = len(successors)
    live = [0] * size  # attackers not yet out, counting repeated attacks
    for targets in successors:
        for target in targets:
            live[target] += 1
    codes = bytearray(size)
    queue = [number for number, count in enumerate(live) if not count]
    for number in queue:
        codes[number] = IN
    push = queue.append
    while queue:
        for target in successors[queue.pop()]:
            if codes[target] != OUT:
                codes[target] = OUT
                for next_target in successors[target]:
                    count = live[next_target] - 1
                    live[next_target] = count
                    if not count and not codes[next_target]:
                        codes[next_target] = IN
                        push(next_target)
    return codes


def grounded_labelling(framework: AttackGraph) -> Labelling:
    """Return the grounded labelling of *framework*: the least complete labelling.

    >>> from argmap.semantics import Framework
    >>> labelling = grounded_labelling(Framework("abc", [("a", "b"), ("b", "c"), ("c", "c")]))
    >>> labelling["a"], labelling["b"], labelling["c"]
    ('in', 'out', 'undec')
    """
    return Labelling(framework, grounded_codes(framework))


def grounded(framework: AttackGraph) -> frozenset[str]:
    """Return the grounded extension of *framework*: what every complete extension accepts.

    >>> from argmap.semantics import Framework
    >>> sorted(grounded(Framework("abc", [("a", "b"), ("b", "c")])))
    ['a', 'c']
    """
    return grounded_labelling(framework).extension
