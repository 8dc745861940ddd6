"""Graph algorithms shared by the checks and the semantics: strongly connected components."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

__all__ = ["strongly_connected_components"]

_Node = TypeVar("_Node", bound=Hashable)


def strongly_connected_components(
    nodes: Iterable[_Node], successors: Callable[[_Node], Sequence[_Node]]
) -> list[list[_Node]]:
    """Return the strongly connected components of a directed graph, sinks first (Tarjan, without recursion).

    Each component lists its nodes in the reverse of the order the search met
    them; reversing the whole list puts every component after the components
    that have edges into it. A loop stack replaces recursion, so graphs of a
    million nodes and long paths are fine.

    Args:
        nodes: where to start searching; every node reachable from them is visited.
        successors: the nodes an edge leads to from a node.

    >>> edges = {1: [2], 2: [1, 3], 3: []}
    >>> strongly_connected_components([1, 2, 3], edges.__getitem__)
    [[3], [2, 1]]
    """
    index: dict[_Node, int] = {}
    lowlink: dict[_Node, int] = {}
    on_stack: set[_Node] = set()
    stack: list[_Node] = []
    components: list[list[_Node]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[_Node, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = lowlink[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            children = successors(node)
            if position < len(children):
                work.append((node, position + 1))
                child = children[position]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    lowlink[node] = min(lowlink[node], index[child])
                continue
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[node])
            if lowlink[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
