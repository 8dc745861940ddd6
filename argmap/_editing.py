"""Editing a map's elements: what a removal takes with it, and relations rewritten after a rename or a merger of claims.

These are pure functions on the elements of a map, in order. The map
(:mod:`argmap.map`) builds its new state from what they return through its
usual checks, so an edit that would leave the map invalid changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from argmap.errors import DuplicateIdError, InvalidElementError
from argmap.model import (
    Attribution,
    Claim,
    Document,
    Element,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
    default_id,
    endpoints,
)

__all__ = ["UNCHANGED", "combined", "dependents", "describe", "rename_endpoints", "replaced", "rewrite"]


class _Unchanged:
    """The default of :meth:`ArgumentMap.replace`'s fields: keep what the claim has."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()

_ATTRIBUTION_FIELDS = ("via", "medium", "quote", "date", "url")


def describe(element: Element | Source | Document) -> str:
    """Return how an error names *element*: its kind and id."""
    kind = {
        Claim: "claim",
        Support: "support",
        Rebuttal: "rebuttal",
        Undercut: "undercut",
        SkepticalResponse: "skeptical response",
        Source: "source",
        Document: "document",
    }[type(element)]
    return f"{kind} {element.id!r}"


def dependents(
    claims: Iterable[Claim],
    relations: Iterable[Relation],
    removed: set[str],
    *,
    sources: frozenset[str] = frozenset(),
    documents: frozenset[str] = frozenset(),
) -> list[Element]:
    """Return, in map order, every claim and relation that depends on what is removed, and add their ids to *removed*.

    A claim depends on the sources it is attributed to and on its document;
    a relation on the claims it joins and on the relation it targets. As a
    relation's target always comes before it, one pass in order finds the
    dependents of dependents too.
    """
    found: list[Element] = []
    if sources or documents:
        for claim in claims:
            if claim.id in removed:
                continue
            attribution = claim.attribution
            named = attribution is not None and any(s.id in sources for s in attribution.sources)
            if named or claim.document in documents:
                removed.add(claim.id)
                found.append(claim)
    for relation in relations:
        if relation.id in removed:
            continue
        origins, target = endpoints(relation)
        if target in removed or any(origin in removed for origin in origins):
            removed.add(relation.id)
            found.append(relation)
    return found


def rename_endpoints(relation: Relation, ids: Mapping[str, str] | Callable[[str], str]) -> Relation:
    """Return *relation* with the ids it joins looked up in *ids* (those not there stay)."""
    new = ids if callable(ids) else (lambda old: ids.get(old, old))
    if isinstance(relation, Support):
        premises = tuple(new(p) for p in relation.premises)
        conclusion = new(relation.conclusion)
        if premises == relation.premises and conclusion == relation.conclusion:
            return relation
        return attrs.evolve(relation, premises=premises, conclusion=conclusion)
    if isinstance(relation, SkepticalResponse):
        response, target = new(relation.response), new(relation.target)
        if (response, target) == (relation.response, relation.target):
            return relation
        return attrs.evolve(relation, response=response, target=target)
    attacker, target = new(relation.attacker), new(relation.target)
    if (attacker, target) == (relation.attacker, relation.target):
        return relation
    return attrs.evolve(relation, attacker=attacker, target=target)


def rewrite(
    relations: Iterable[Relation],
    ids: Mapping[str, str],
    taken: set[str],
    *,
    unify: bool,
) -> tuple[list[Relation], dict[str, str]]:
    """Return *relations* with the claims and relations in *ids* renamed, and which relation ids changed.

    A relation whose id was derived from its ends gets the id derived from
    its new ends, as the builder would have given it. When two relations
    then share an id: with *unify* (two claims declared one) identical ones
    become one and a different one gets a fresh id; without, the edit is
    refused. *taken* holds the claim ids, so that no relation takes one.
    """
    kept: dict[str, Relation] = {}
    moved: dict[str, str] = {}

    def new_id(id: str) -> str:
        return ids.get(id) or moved.get(id) or id

    renamed: Relation
    for relation in relations:
        if unify and isinstance(relation, Support):  # a premise named twice counts once
            premises = tuple(dict.fromkeys(new_id(premise) for premise in relation.premises))
            conclusion = new_id(relation.conclusion)
            unchanged = premises == relation.premises and conclusion == relation.conclusion
            renamed = relation if unchanged else attrs.evolve(relation, premises=premises, conclusion=conclusion)
        else:
            renamed = rename_endpoints(relation, new_id)
        if relation.id in ids:
            id = ids[relation.id]
        elif renamed is not relation and relation.id == default_id(relation):
            id = default_id(renamed)
        else:
            id = relation.id
        if id != renamed.id:
            renamed = attrs.evolve(renamed, id=id)
        twin = kept.get(id)
        if twin is not None:
            if not unify:
                raise DuplicateIdError(f"{describe(relation)} would become {describe(twin)}, which the map already has")
            if twin == renamed:
                moved[relation.id] = id
                continue
            n = 2
            while f"{id}-{n}" in kept or f"{id}-{n}" in taken:
                n += 1
            id = f"{id}-{n}"
            renamed = attrs.evolve(renamed, id=id)
        kept[id] = renamed
        if id != relation.id:
            moved[relation.id] = id
    return list(kept.values()), moved


def replaced(claim: Claim, changes: dict[str, Any]) -> Claim:
    """Return *claim* with the fields in *changes* (those not :data:`UNCHANGED`) replaced, its id kept.

    ``by`` replaces the speaker and keeps the rest of the attribution; a
    whole :class:`Attribution` replaces it all; ``by=None`` removes it.
    """
    given = {name: value for name, value in changes.items() if value is not UNCHANGED}
    fields: dict[str, Any] = {name: given[name] for name in ("text", "qualifier", "tags", "note") if name in given}
    parts = {name: given[name] for name in _ATTRIBUTION_FIELDS if name in given}
    if "by" in given or parts:
        fields["attribution"] = _attribution(claim.attribution, given.get("by", UNCHANGED), parts)
    return attrs.evolve(claim, **fields) if fields else claim


def _attribution(old: Attribution | None, by: Any, parts: dict[str, Any]) -> Attribution | None:
    if isinstance(by, Attribution):
        if parts:
            raise InvalidElementError(f"by= is a whole Attribution already; do not give {', '.join(parts)} as well")
        return by
    if by is None:
        if parts:
            raise InvalidElementError(f"{', '.join(parts)} describe an attribution, but by=None removes it")
        return None
    if by is UNCHANGED:
        if old is None:
            raise InvalidElementError(f"{', '.join(parts)} describe an attribution: give the speaker with by=")
        by = old.source
    if not isinstance(by, Source):
        raise InvalidElementError(f"by= must be a Source, an Attribution or None, got {by!r}")
    kept = {name: getattr(old, name) for name in _ATTRIBUTION_FIELDS} if old is not None else {}
    values = kept | {name: (() if name == "via" and value is None else value) for name, value in parts.items()}
    return Attribution(by, **values)


def combined(keep: Claim, other: Claim) -> Claim:
    """Return *keep* with what only *other* says filled in: the claim both are, under *keep*'s id and text.

    Tags are united. An attribution, qualifier or note that both have and
    that differ is refused: a claim holds one of each, and dropping one
    silently would lose who said it.
    """
    fields: dict[str, Any] = {}
    for name in ("attribution", "qualifier", "note", "document"):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if mine is None and theirs is not None:
            fields[name] = theirs
        elif name != "document" and theirs is not None and theirs != mine:
            shown = (str(mine), str(theirs)) if name == "attribution" else (repr(mine), repr(theirs))
            raise InvalidElementError(
                f"cannot make {describe(other)} one with {describe(keep)}: their {name}s differ "
                f"({shown[0]}; {shown[1]}) and a claim holds one; "
                f"make them agree first with replace({other.id!r}, {'by' if name == 'attribution' else name}=...)"
            )
    tags = tuple(dict.fromkeys(keep.tags + other.tags))
    if tags != keep.tags:
        fields["tags"] = tags
    return attrs.evolve(keep, **fields) if fields else keep
