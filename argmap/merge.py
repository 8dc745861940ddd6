"""merge: several maps in one, each a document of the result, ready for cross-links between them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from argmap._editing import rename_endpoints
from argmap.map import ArgumentMap, ClaimRef
from argmap.model import Attribution, Document, Source, default_id, readable_id

__all__ = ["merge"]


def merge(
    *maps: ArgumentMap,
    title: str | None = None,
    author: str | None = None,
    publication: str | None = None,
    date: str | None = None,
    url: str | None = None,
    description: str | None = None,
    same: Iterable[tuple[ClaimRef, ClaimRef]] = (),
) -> ArgumentMap:
    """Return one map holding every element of *maps*, ready for cross-links.

    Each map becomes a :class:`Document` of the result (a map that was itself
    merged brings its documents along) and each claim records the document it
    came from. Sources with the same id are unified: the first one's details
    win, and details only a later one knows are kept. Claim and relation ids
    stay as they were, except where two maps use the same id: then the later
    one is prefixed with its document's id, ``"dayen/us-refuses"``.

    Add cross-links with the usual builder methods on the result; the claims
    and relations of the parts name their counterparts in the result, even
    where an id was prefixed.

    *same* lists pairs of claims that are one claim, each a claim of a part
    (or an id or text in the result): the result keeps the first of each
    pair with every relation of both, as :meth:`ArgumentMap.same` does.
    """
    merged = ArgumentMap(title, author=author, publication=publication, date=date, url=url, description=description)
    for number, amap in enumerate(maps, start=1):
        _merge_into(merged, amap, number)
    for claim, other in same:
        merged.same(claim, other)
    return merged


def _merge_into(merged: ArgumentMap, amap: ArgumentMap, number: int) -> None:
    if amap.documents:
        documents = list(amap.documents)
        default_document = None
    else:
        base = readable_id(amap.title, words=4) if amap.title else f"document-{number}"
        default_document = Document(
            _fresh(base, merged._documents),
            title=amap.title,
            author=amap.author,
            publication=amap.publication,
            date=amap.date,
            url=amap.url,
        )
        documents = [default_document]
    renamed_documents: dict[str, str] = {}
    for document in documents:
        new_id = _fresh(document.id, merged._documents)
        renamed_documents[document.id] = new_id
        merged.add(attrs.evolve(document, id=new_id))

    sources: dict[str, Source] = {}
    for source in amap.sources:
        sources[source.id] = _unify_source(merged, source)

    def rewrite(attribution: Attribution | None) -> Attribution | None:
        if attribution is None:
            return None
        return attrs.evolve(
            attribution,
            source=sources[attribution.source.id],
            via=tuple(sources[s.id] for s in attribution.via),
        )

    claim_ids: dict[str, str] = {}
    for claim in amap.claims:
        document_id = renamed_documents.get(claim.document, claim.document) if claim.document else None
        document_id = document_id or (default_document.id if default_document else None)
        new_id = claim.id
        if new_id in merged._claims or new_id in merged._relations:
            new_id = merged._unique_id(f"{document_id}/{claim.id}" if document_id else claim.id)
        claim_ids[claim.id] = new_id
        merged.add(attrs.evolve(claim, id=new_id, document=document_id, attribution=rewrite(claim.attribution)))
        merged._aliases[claim] = new_id

    relation_ids: dict[str, str] = {}
    prefix = default_document.id if default_document else f"document-{number}"
    for relation in amap.relations:
        ids = claim_ids | relation_ids
        moved = rename_endpoints(relation, ids)
        new_id = default_id(moved) if relation.id == default_id(relation) else relation.id
        if new_id in merged._claims or new_id in merged._relations:
            new_id = merged._unique_id(f"{prefix}/{relation.id}")
        relation_ids[relation.id] = new_id
        merged.add(attrs.evolve(moved, id=new_id))
        merged._aliases[relation] = new_id
    for element, id in amap._aliases.items():  # the parts of a map that was itself merged
        merged._aliases[element] = claim_ids.get(id) or relation_ids[id]
    merged.load_problems.extend(amap.load_problems)


def _fresh(base: str, taken: dict[str, Any]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _unify_source(merged: ArgumentMap, source: Source) -> Source:
    known = merged._sources.get(source.id)
    if known is None:
        merged.add(source)
        return source
    if known == source:
        return known
    if known.name.casefold() == source.name.casefold() and known.kind == source.kind:
        unified = Source(
            known.name,
            kind=known.kind,
            affiliation=known.affiliation or source.affiliation,
            url=known.url or source.url,
            id=known.id,
        )
        if unified != known:
            _replace_source(merged, unified)
        return unified
    renamed = attrs.evolve(source, id=_fresh(source.id, merged._sources))
    merged.add(renamed)
    return renamed


def _replace_source(merged: ArgumentMap, unified: Source) -> None:
    """Swap in a source with more details everywhere the map mentions its id."""
    merged._sources[unified.id] = unified
    for id, claim in merged._claims.items():
        attribution = claim.attribution
        if attribution is None or all(s.id != unified.id for s in attribution.sources):
            continue
        merged._claims[id] = attrs.evolve(
            claim,
            attribution=attrs.evolve(
                attribution,
                source=unified if attribution.source.id == unified.id else attribution.source,
                via=tuple(unified if s.id == unified.id else s for s in attribution.via),
            ),
        )
