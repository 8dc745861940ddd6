"""Editing a map: remove, replace, rename and same, the methods :class:`~argmap.map.ArgumentMap` gets from here.

The pure functions below work on a map's elements, in order: what a
removal takes with it, relations rewritten after a rename or a merger of
claims. :class:`Editing` builds the map's new state from what they return
through the builder's own checks and swaps it in only when all of it was
accepted, so that an edit that would leave the map invalid changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from argmap.errors import DuplicateIdError, ElementInUseError, InvalidElementError, UnknownElementError
from argmap.model import (
    Attribution,
    Claim,
    Document,
    Element,
    Medium,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
    default_id,
    endpoints,
)

__all__ = ["UNCHANGED", "Editing", "combined", "dependents", "describe", "rename_endpoints", "replaced", "rewrite"]


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
            named = any(s.id in sources for attribution in claim.attributions for s in attribution.sources)
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
        first = fields["attribution"] = _attribution(claim.attribution, given.get("by", UNCHANGED), parts)
        # The other parties stay; with no first speaker left there are none, and the new first is not repeated.
        fields["further_attributions"] = (
            () if first is None else tuple(a for a in claim.further_attributions if a != first)
        )
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

    Tags are united, and so are attributions: every party who said either
    claim said the one claim, *keep*'s first. A qualifier or note that both
    have and that differ is refused: a claim holds one of each.
    """
    fields: dict[str, Any] = {}
    attributions = tuple(dict.fromkeys(keep.attributions + other.attributions))
    if attributions != keep.attributions:
        fields["attribution"], fields["further_attributions"] = attributions[0], attributions[1:]
    for name in ("qualifier", "note", "document"):
        mine, theirs = getattr(keep, name), getattr(other, name)
        if mine is None and theirs is not None:
            fields[name] = theirs
        elif name != "document" and theirs is not None and theirs != mine:
            raise InvalidElementError(
                f"cannot make {describe(other)} one with {describe(keep)}: their {name}s differ "
                f"({mine!r}; {theirs!r}) and a claim holds one; "
                f"make them agree first with replace({other.id!r}, {name}=...)"
            )
    tags = tuple(dict.fromkeys(keep.tags + other.tags))
    if tags != keep.tags:
        fields["tags"] = tags
    return attrs.evolve(keep, **fields) if fields else keep


class Editing:
    """The editing methods of :class:`~argmap.map.ArgumentMap`, kept apart from building and queries."""

    # What the map holds (set by ArgumentMap.__init__), and the methods of the map these use.
    _documents: dict[str, Document]
    _sources: dict[str, Source]
    _claims: dict[str, Claim]
    _relations: dict[str, Relation]
    _aliases: dict[Element, str]
    load_problems: list[Any]
    file_layout: object

    if TYPE_CHECKING:

        def __init__(self, title: str | None = None, **metadata: str | None) -> None: ...
        def __getitem__(self, id: str) -> Element: ...
        def add(self, element: Any) -> Any: ...
        def claim_for(self, ref: Claim | str) -> Claim: ...
        def _relation_id(self, relation: Relation | str, verb: str) -> str: ...
        @property
        def metadata(self) -> dict[str, str]: ...

    def remove(
        self, element: Element | Source | Document | str, *, cascade: bool = False
    ) -> tuple[Element | Source | Document, ...]:
        """Remove *element* from the map and return what was removed, *element* first.

        *element* is a claim (or its id or exact text), a relation (or its
        id), a source or a document. What depends on it is refused unless
        ``cascade=True`` removes it too: the relations a claim takes part in,
        the undercuts and skeptical responses to a support, the claims a source is named in
        or a document holds, and in turn what depends on those. A claim left
        connected to nothing stays; :func:`argmap.check` reports it.

        Raises:
            ElementInUseError: something depends on *element* and *cascade* is false.
            UnknownElementError: *element* is not in the map.
        """
        target = self._editable(element)
        removed = {target.id}
        sources = frozenset(removed) if isinstance(target, Source) else frozenset()
        documents = frozenset(removed) if isinstance(target, Document) else frozenset()
        if isinstance(target, (Source, Document)):
            removed = set()
        found = dependents(
            self._claims.values(), self._relations.values(), removed, sources=sources, documents=documents
        )
        if found and not cascade:
            names = ", ".join(describe(e) for e in found[:3])
            names += f" and {len(found) - 3} more" if len(found) > 3 else ""
            raise ElementInUseError(
                f"cannot remove {describe(target)}: {names} depend{'s' if len(found) == 1 else ''} on it; "
                "remove them first, or pass cascade=True"
            )
        if not isinstance(target, (Source, Document)):  # sources and documents have ids of their own
            removed.add(target.id)
        self._rebuild(
            documents=[d for d in self._documents.values() if d.id not in documents],
            sources=[s for s in self._sources.values() if s.id not in sources],
            claims=[c for c in self._claims.values() if c.id not in removed],
            relations=[r for r in self._relations.values() if r.id not in removed],
        )
        return (target, *found)

    def replace(
        self,
        claim: Claim | str,
        *,
        text: str = UNCHANGED,
        by: Source | Attribution | None = UNCHANGED,
        via: Source | Sequence[Source] = UNCHANGED,
        medium: Medium | None = UNCHANGED,
        quote: str | None = UNCHANGED,
        date: str | None = UNCHANGED,
        url: str | None = UNCHANGED,
        qualifier: str | None = UNCHANGED,
        tags: str | Iterable[str] = UNCHANGED,
        note: str | None = UNCHANGED,
    ) -> Claim:
        """Change what *claim* says or who said it, keep its id, place and relations, and return the new claim.

        Only the fields given change: ``by=`` replaces the speaker and keeps
        the rest of the attribution (``by=None`` removes it), ``quote=`` alone
        corrects the quote. The id stays, though derived from the old text:
        :meth:`rename` changes it.
        """
        old = self.claim_for(claim)
        changes = {"text": text, "by": by, "via": via, "medium": medium, "quote": quote, "date": date, "url": url}
        new = replaced(old, changes | {"qualifier": qualifier, "tags": tags, "note": note})
        self._rebuild(claims=[new if c.id == old.id else c for c in self._claims.values()])
        return new

    def rename(self, element: Element | str, new_id: str) -> Element:
        """Give a claim or relation the id *new_id*, and return it.

        The relations that name it follow, and those whose ids were derived
        from their ends get the ids derived from the new ends, as the builder
        would have given them.

        Raises:
            DuplicateIdError: *new_id*, or an id a relation would get, is taken.
        """
        old = self._editable(element)
        if isinstance(old, (Source, Document)):
            raise InvalidElementError(f"rename() renames claims and relations, not {describe(old)}")
        if new_id == old.id:
            return old
        if new_id in self._claims or new_id in self._relations:
            raise DuplicateIdError(f"cannot rename {old.id!r} to {new_id!r}: {describe(self[new_id])} has it")
        ids = {old.id: new_id}
        claims = None
        if isinstance(old, Claim):
            renamed = attrs.evolve(old, id=new_id)
            claims = [renamed if c.id == old.id else c for c in self._claims.values()]
        relations, moved = rewrite(self._relations.values(), ids, set(), unify=False)
        self._rebuild(claims=claims, relations=relations, renamed=ids | moved)
        return self[new_id]

    def same(self, claim: Claim | str, other: Claim | str) -> Claim:
        """Declare *other* the same claim as *claim*, keep one, and return it.

        The kept claim has *claim*'s id, text and place; what only *other*
        has (an attribution, a qualifier, a note, tags) is filled in, and
        every relation of *other* is now a relation of the kept claim.
        Relations that become the same relation are kept once; a premise
        named twice in a linked support counts once. Objects and ids naming
        *other* now name the kept claim.

        Raises:
            InvalidElementError: both claims are attributed, qualified or noted, differently.
        """
        keep, gone = self.claim_for(claim), self.claim_for(other)
        if keep.id == gone.id:
            return keep
        kept = combined(keep, gone)
        ids = {gone.id: keep.id}
        claims = [kept if c.id == keep.id else c for c in self._claims.values() if c.id != gone.id]
        taken = set(self._claims) | set(self._relations)
        relations, moved = rewrite(self._relations.values(), ids, taken, unify=True)
        self._rebuild(claims=claims, relations=relations, renamed=ids | moved)
        return kept

    def _editable(self, element: Element | Source | Document | str) -> Element | Source | Document:
        """Return the element of this map that an editing method was given, by object or id (or a claim's text)."""
        if isinstance(element, Source):
            if self._sources.get(element.id) != element:
                raise UnknownElementError(f"{describe(element)} is not in the map")
            return element
        if isinstance(element, Document):
            if self._documents.get(element.id) != element:
                raise UnknownElementError(f"{describe(element)} is not in the map")
            return element
        if isinstance(element, (Support, Rebuttal, Undercut, SkepticalResponse)):
            return self._relations[self._relation_id(element, "edit")]
        if isinstance(element, str) and element in self._relations:
            return self._relations[element]
        if not isinstance(element, (str, Claim)):
            raise InvalidElementError(f"expected an element of the map or its id, got {element!r}")
        return self.claim_for(element)

    def _rebuild(
        self,
        *,
        documents: Iterable[Document] | None = None,
        sources: Iterable[Source] | None = None,
        claims: Iterable[Claim] | None = None,
        relations: Iterable[Relation] | None = None,
        renamed: dict[str, str] | None = None,
    ) -> None:
        """Become the map of these elements (those not given stay), checked as building checks them.

        The new state is built apart and swapped in only when every element
        was accepted, so that a refused edit changes nothing. Objects of the
        old state that the edit changed (and the parts of merged maps) go on
        naming their elements under their new ids.
        """
        fresh = type(self)(**self.metadata)
        for document in self._documents.values() if documents is None else documents:
            fresh.add(document)
        for source in self._sources.values() if sources is None else sources:
            fresh.add(source)
        for claim in self._claims.values() if claims is None else claims:
            fresh.add(claim)
        for relation in self._relations.values() if relations is None else relations:
            fresh.add(relation)
        renamed = renamed or {}
        aliases: dict[Element, str] = {}
        for element, id in self._aliases.items():
            id = renamed.get(id, id)
            if id in fresh._claims or id in fresh._relations:
                aliases[element] = id
        for old in (*self._claims.values(), *self._relations.values()):
            id = renamed.get(old.id, old.id)
            new = fresh._claims.get(id) or fresh._relations.get(id)
            if new is not None and new is not old:
                aliases[old] = id
        fresh._aliases = aliases
        fresh.load_problems = self.load_problems
        fresh.file_layout = self.file_layout
        self.__dict__.update(fresh.__dict__)
