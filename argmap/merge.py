"""merge: several maps in one, each a document of the result, ready for cross-links between them.

It builds the result through the map's own public methods (``add`` with the
parts' elements as aliases), so the result is checked as any map is, and the
objects a user holds from the parts go on naming their elements in it.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

import attrs

from argmap._editing import rename_endpoints
from argmap.map import ArgumentMap, ClaimRef
from argmap.model import Attribution, Document, Element, Source, default_id, readable_id

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
    sources = _unified_sources(maps)
    for number, (amap, source_ids) in enumerate(zip(maps, sources.renamed, strict=True), start=1):
        _merge_into(merged, amap, number, {id: sources.unified[new] for id, new in source_ids.items()})
    for claim, other in same:
        merged.same(claim, other)
    return merged


@attrs.frozen
class _Sources:
    """The sources of the merged map, and for each part the ids its sources have there."""

    unified: dict[str, Source]
    renamed: list[dict[str, str]]


def _unified_sources(maps: Sequence[ArgumentMap]) -> _Sources:
    """Return every source of *maps* as the merged map holds it, each with every detail the parts know.

    Sources with the same id are one source when they are equal, or have the
    same name (up to case) and kind: the first one's details win, and details
    only a later one knows are kept. A source whose id a different source
    took first gets a fresh id.
    """
    unified: dict[str, Source] = {}
    renamed: list[dict[str, str]] = []
    for amap in maps:
        ids: dict[str, str] = {}
        for source in amap.sources:
            known = unified.get(source.id)
            if known is None or known == source:
                unified.setdefault(source.id, source)
                ids[source.id] = source.id
            elif known.name.casefold() == source.name.casefold() and known.kind == source.kind:
                unified[source.id] = Source(
                    known.name,
                    kind=known.kind,
                    affiliation=known.affiliation or source.affiliation,
                    url=known.url or source.url,
                    id=known.id,
                )
                ids[source.id] = source.id
            else:
                new_id = _fresh(source.id, unified)
                unified[new_id] = attrs.evolve(source, id=new_id)
                ids[source.id] = new_id
        renamed.append(ids)
    return _Sources(unified, renamed)


def _merge_into(merged: ArgumentMap, amap: ArgumentMap, number: int, sources: dict[str, Source]) -> None:
    """Add *amap*, the *number*-th part, to *merged*; *sources* maps each source id of *amap* to its unified source."""
    taken_documents = {document.id for document in merged.documents}
    if amap.documents:
        documents = list(amap.documents)
        default_document = None
    else:
        base = readable_id(amap.title, words=4) if amap.title else f"document-{number}"
        default_document = Document(
            _fresh(base, taken_documents),
            title=amap.title,
            author=amap.author,
            publication=amap.publication,
            date=amap.date,
            url=amap.url,
        )
        documents = [default_document]
    renamed_documents: dict[str, str] = {}
    for document in documents:
        new_id = _fresh(document.id, taken_documents)
        renamed_documents[document.id] = new_id
        taken_documents.add(new_id)
        merged.add(attrs.evolve(document, id=new_id))

    for source in amap.sources:
        unified = sources[source.id]
        if unified not in merged:
            merged.add(unified)

    def rewrite(attribution: Attribution | None) -> Attribution | None:
        if attribution is None:
            return None
        return attrs.evolve(
            attribution,
            source=sources[attribution.source.id],
            via=tuple(sources[s.id] for s in attribution.via),
        )

    # The elements of maps merged into amap before, by the id they have in amap: they follow their element here.
    carried: dict[str, list[Element]] = {}
    for element, id in amap.aliases.items():
        carried.setdefault(id, []).append(element)

    claim_ids: dict[str, str] = {}
    for claim in amap.claims:
        document_id = renamed_documents.get(claim.document, claim.document) if claim.document else None
        document_id = document_id or (default_document.id if default_document else None)
        new_id = claim.id
        if new_id in merged:
            new_id = _fresh(f"{document_id}/{claim.id}" if document_id else claim.id, merged)
        claim_ids[claim.id] = new_id
        merged.add(
            attrs.evolve(
                claim,
                id=new_id,
                document=document_id,
                attribution=rewrite(claim.attribution),
                further_attributions=tuple(rewrite(a) for a in claim.further_attributions),  # type: ignore[misc]
            ),
            aliases=(claim, *carried.get(claim.id, ())),
        )

    relation_ids: dict[str, str] = {}
    prefix = default_document.id if default_document else f"document-{number}"
    for relation in amap.relations:
        ids = claim_ids | relation_ids
        moved = rename_endpoints(relation, ids)
        new_id = default_id(moved) if relation.id == default_id(relation) else relation.id
        if new_id in merged:
            new_id = _fresh(f"{prefix}/{relation.id}", merged)
        relation_ids[relation.id] = new_id
        merged.add(attrs.evolve(moved, id=new_id), aliases=(relation, *carried.get(relation.id, ())))
    merged.load_problems.extend(amap.load_problems)


def _fresh(base: str, taken: Container[str]) -> str:
    """Return *base*, or *base* with the first free suffix ``-2``, ``-3``, ... when *taken* holds it."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
