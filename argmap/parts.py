"""Parts of a map to draw on their own: the neighbourhood of one claim, and one part per main conclusion.

Both are pure functions over a map, for drawing maps too big to draw whole:

- :func:`neighbourhood` returns the claims within some steps of one claim,
  and the relations among them, as a map of their own;
- :func:`split` cuts a map into :class:`Part` s, one per main conclusion:
  the conclusion and every claim that supports, rebuts, undercuts or responds
  skeptically to it, directly or through other claims;
- :func:`branches` cuts one part too big to lay out whole by its own
  structure: its *trunk* (the conclusion and the claims that many others
  lead to) and its *branches*, each a claim and every claim leading to it.

A *step* joins any two claims of one relation: a premise and its conclusion,
two premises of one linked support (they meet at its junction), an attacker
and the claim it rebuts, a skeptical response and the claim it answers. A
relation that targets a relation (an undercut, or a skeptical response to an inference) joins its claim
to every claim of the relation it targets: undercutting "A, so C" is one step
from A and one from C.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> c = m.claim("Talks fail.")
>>> s = m.support("Drones fly on.", c)
>>> _ = m.rebut("Drones are grounded.", "Drones fly on.")
>>> [claim.text for claim in neighbourhood(m, c, 1).claims]
['Talks fail.', 'Drones fly on.']
>>> [part.conclusion for part in split(m)]
['talks-fail']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import attrs

from argmap.errors import OptionError
from argmap.map import ArgumentMap, ClaimRef
from argmap.model import Relation, endpoints

__all__ = ["Part", "branches", "neighbourhood", "split", "submap"]


@attrs.frozen
class Part:
    """One part of a split map: a main conclusion and the claims that lead to it.

    Every claim of the map is drawn in full in exactly one part, the first
    (in the order of the main conclusions) whose conclusion it leads to by
    the fewest steps; every relation is drawn in the part of the claim it
    points at (an undercut or a skeptical response to an inference, in the part
    of that inference). A relation whose premise, attacker or response is drawn in
    another part shows that claim as a *reference* to it.

    Args:
        conclusion: the id of the claim the part ends in: a main conclusion,
            or, for claims that lead to none (a cycle of supports), the first of them.
        claims: the ids of the claims drawn in full here, in the map's order.
        relations: the ids of the relations drawn here, in the map's order.
        references: the ids of claims drawn in full in another part that
            relations drawn here come from, in the map's order.
        branch_of: for a branch cut from a part by :func:`branches`, the
            conclusion of that part; ``None`` for a part of :func:`split`
            and for a trunk.
    """

    conclusion: str
    claims: tuple[str, ...]
    relations: tuple[str, ...]
    references: tuple[str, ...]
    branch_of: str | None = None


def _members(amap: ArgumentMap) -> dict[str, tuple[str, ...]]:
    """Return the claims of each relation, by its id: its own, and those of the relation it targets."""
    members: dict[str, tuple[str, ...]] = {}
    for relation in amap.relations:  # a relation targets only relations written before it
        origins, target = endpoints(relation)
        further = members.get(target, (target,))
        members[relation.id] = tuple(dict.fromkeys((*origins, *further)))
    return members


def neighbourhood(amap: ArgumentMap, claim: ClaimRef, depth: int) -> ArgumentMap:
    """Return the claims within *depth* steps of *claim* and the relations among them, as a new map.

    A relation is kept when every claim it joins is kept, so that it is drawn
    whole: a claim at the edge of the neighbourhood is drawn with the
    relations that join it to nearer claims, and without those that lead on.

    Args:
        amap: the map.
        claim: the claim at the centre (a claim, its id or its exact text).
        depth: how many steps to go out, 0 or more; 0 gives the claim alone.

    Raises:
        UnknownClaimError: *claim* names no claim of the map.
        OptionError: *depth* is negative or not a whole number.
    """
    if not isinstance(depth, int) or isinstance(depth, bool) or depth < 0:
        raise OptionError(f"the depth of a neighbourhood must be a whole number, 0 or more, got {depth!r}")
    centre = amap.claim_for(claim).id
    members = _members(amap)
    joined: dict[str, list[str]] = {}
    for relation_id, claims in members.items():
        for member in claims:
            joined.setdefault(member, []).append(relation_id)
    distance = {centre: 0}
    frontier = [centre]
    step = 0
    while frontier and step < depth:  # a depth beyond the map's reach ends when nothing new is reached
        step += 1
        reached = []
        for current in frontier:
            for relation_id in joined.get(current, ()):
                for member in members[relation_id]:
                    if member not in distance:
                        distance[member] = step
                        reached.append(member)
        frontier = reached
    relations = [id for id, claims in members.items() if all(member in distance for member in claims)]
    return submap(amap, distance, relations)


def submap(amap: ArgumentMap, claims: Iterable[str], relations: Iterable[str], *, ordered: bool = False) -> ArgumentMap:
    """Return a new map with *amap*'s metadata and documents, and the claims and relations named, in its order.

    With ``ordered=True`` the ids are taken to be in the map's order
    already, which spares a walk through the whole map.

    Raises:
        UnknownElementError: a relation comes from or points at an element not named.
    """
    part = ArgumentMap(**amap.metadata)
    for document in amap.documents:
        part.add(document)
    if ordered:
        for id in claims:
            part.add(amap.claim_for(id))
        for id in relations:
            part.add(amap[id])
        return part
    wanted_claims = set(claims)
    wanted_relations = set(relations)
    for claim in amap.claims:
        if claim.id in wanted_claims:
            part.add(claim)
    for relation in amap.relations:
        if relation.id in wanted_relations:
            part.add(relation)
    return part


def split(amap: ArgumentMap) -> tuple[Part, ...]:
    """Return *amap* cut into parts, one per main conclusion, in the order of the main conclusions.

    A claim connected to nothing is a part of its own. Claims that lead to
    no main conclusion (a cycle of supports with no way out) make parts of
    their own after the others. See :class:`Part` for which part draws what.
    """
    home: dict[str, int] = {}
    conclusions: list[str] = []
    relation_home: dict[str, int] = {}

    def grow(starts: Iterable[str]) -> None:
        """Home the claims that lead to *starts*, each in the part of the nearest (breadth first, in order)."""
        queue: deque[str] = deque()
        for start in starts:
            home[start] = len(conclusions)
            conclusions.append(start)
            queue.append(start)
        while queue:
            current = queue.popleft()
            number = home[current]
            pending = list(amap.incoming(current))
            while pending:  # the relations pointing at the claim, and those pointing at them
                relation = pending.pop()
                relation_home[relation.id] = number
                pending.extend(amap.incoming(relation))
                for origin in endpoints(relation)[0]:
                    if origin not in home:
                        home[origin] = number
                        queue.append(origin)

    grow(claim.id for claim in amap.main_conclusions())
    for claim in amap.claims:
        if claim.id not in home:
            grow([claim.id])
    claims: list[list[str]] = [[] for _ in conclusions]
    for claim in amap.claims:
        claims[home[claim.id]].append(claim.id)
    relations: list[list[Relation]] = [[] for _ in conclusions]
    for relation in amap.relations:
        relations[relation_home[relation.id]].append(relation)
    order = {claim.id: position for position, claim in enumerate(amap.claims)}
    parts = []
    for number, conclusion in enumerate(conclusions):
        drawn = relations[number]
        referenced = {origin for relation in drawn for origin in endpoints(relation)[0] if home[origin] != number}
        parts.append(
            Part(
                conclusion,
                tuple(claims[number]),
                tuple(relation.id for relation in drawn),
                tuple(sorted(referenced, key=order.__getitem__)),
            )
        )
    return tuple(parts)


_TWIG = 3
"""A branch of at most this many claims stays on the trunk: a reference box would take the room it takes."""


def branches(amap: ArgumentMap, part: Part, size: int) -> tuple[Part, ...]:
    """Return *part* cut into its trunk and branches of at most *size* claims each, the trunk first.

    The claims of a part form a tree: each claim hangs from the claim it was
    reached from, walking out from the conclusion by the fewest steps (so a
    cross-link does not move a claim away from its nearest claim). A claim
    that more than *size* claims hang from, directly or not, is on the
    trunk, with the conclusion; so is a twig of at most three claims. Every
    other claim hanging from the trunk starts a branch: it and every claim
    hanging from it. Branches follow the trunk in the order they were
    reached, so that sibling branches are neighbours.

    As in :func:`split`, every claim is drawn in full once, every relation
    in the part (trunk or branch) of the claim it points at, and a claim
    drawn elsewhere is a reference.

    Raises:
        OptionError: *size* is not a whole number, 1 or more.
    """
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise OptionError(f"a branch holds a whole number of claims, 1 or more, got {size!r}")
    claims = set(part.claims)
    relations = set(part.relations)
    parent: dict[str, str] = {part.conclusion: part.conclusion}
    order = [part.conclusion]  # breadth first: a claim after the claim it hangs from
    for current in order:
        pending = [relation for relation in amap.incoming(current) if relation.id in relations]
        while pending:
            relation = pending.pop(0)
            pending.extend(nested for nested in amap.incoming(relation) if nested.id in relations)
            for origin in endpoints(relation)[0]:
                if origin in claims and origin not in parent:
                    parent[origin] = current
                    order.append(origin)
    weight = dict.fromkeys(order, 1)
    for claim in reversed(order[1:]):
        weight[parent[claim]] += weight[claim]
    home: dict[str, int] = {part.conclusion: 0}
    roots = [part.conclusion]
    trunk = 1
    for claim in order[1:]:
        above = home[parent[claim]]
        if above == 0 and (weight[claim] > size or (weight[claim] <= _TWIG and trunk < size)):
            home[claim] = 0
            trunk += 1
        elif above == 0:
            home[claim] = len(roots)
            roots.append(claim)
        else:
            home[claim] = above
    relation_home: dict[str, int] = {}
    for id in part.relations:  # in the map's order: a relation after the relation it targets
        target = endpoints(amap[id])[1]  # type: ignore[arg-type]
        relation_home[id] = relation_home[target] if target in relation_home else home[target]
    drawn: list[list[str]] = [[] for _ in roots]
    for id in part.claims:
        drawn[home[id]].append(id)
    held: list[list[str]] = [[] for _ in roots]
    for id in part.relations:
        held[relation_home[id]].append(id)
    position = {claim.id: number for number, claim in enumerate(amap.claims)}
    cut = []
    for number, root in enumerate(roots):
        referenced = {
            origin
            for id in held[number]
            for origin in endpoints(amap[id])[0]  # type: ignore[arg-type]
            if home.get(origin) != number
        }
        cut.append(
            Part(
                root,
                tuple(drawn[number]),
                tuple(held[number]),
                tuple(sorted(referenced, key=position.__getitem__)),
                None if number == 0 else part.conclusion,
            )
        )
    return tuple(cut)
