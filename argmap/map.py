"""ArgumentMap: the container of an argument, its builder methods and its queries.

A map holds sources, claims and relations in the order they were written.
Its builder methods read like the argument and check each step at once:
a reference to a claim that does not exist, or a second element under an
id already taken, is refused with a clear error before anything changes.

>>> from argmap import ArgumentMap, Source
>>> nyt = Source("The New York Times", kind="publication")
>>> m = ArgumentMap(title="Pakistan asks the CIA to leave")
>>> collapse = m.claim("The relationship may be teetering on collapse.", by=nyt)
>>> m.support("Kayani asked 335 C.I.A. officers to leave.", collapse).id
'support:kayani-asked-335-cia-officers-to>relationship-may-be-teetering-on-collapse'
>>> [claim.id for claim in m.main_conclusions()]
['relationship-may-be-teetering-on-collapse']
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeAlias, TypeVar

from argmap._bulk import paused_gc
from argmap._display import Bundle, MimeTypes, bundle
from argmap._editing import Editing
from argmap._near_miss import NearMisses
from argmap.errors import (
    DuplicateIdError,
    InvalidElementError,
    UnknownClaimError,
    UnknownElementError,
)
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
    Stance,
    Support,
    Undercut,
    endpoints,
    readable_id,
)
from argmap.problems import Problem

__all__ = ["ArgumentMap", "ClaimRef"]

ClaimRef: TypeAlias = Claim | str
"""Where a claim is expected: a :class:`Claim`, the id of one, or the text of a new claim."""

_T = TypeVar("_T", bound=Source | Claim | Relation | Document)
_R = TypeVar("_R", bound=Relation)
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
_ID_LIKE = re.compile(r"[\w\-.:/+>]+\Z")
# A word with a capital and a final full stop, question or exclamation mark is a sentence, not an id: "Really?"
_SENTENCE = re.compile(r"[^\W\d_][^\W_]*[.!?…]+\Z")
_METADATA = ("title", "author", "publication", "date", "url", "description")


class ArgumentMap(Editing):
    """An argument: its sources, claims and relations, and what the map is of.

    Args:
        title: what the map is of, usually the title of the article mapped.
        author: who wrote the argument mapped.
        publication: where it appeared.
        date: when, as an ISO date (``2011-04-11``, ``2011-04`` or ``2011``).
        url: where to read it.
        description: a sentence about the map.

    Builder methods (:meth:`claim`, :meth:`support`, :meth:`rebut`,
    :meth:`undercut`, :meth:`doubt`) return the element they create.
    Where a claim is expected they accept a :class:`Claim`, the id of a claim
    in the map, the exact text of a claim in the map, or the text of a new
    claim. So that a typo never quietly becomes a claim, text that names no
    claim is refused when it looks like an id (letters, digits and
    ``- _ . : / + >`` only, no spaces, and not a one-word sentence such as
    ``"Really?"``) or when it nearly matches a claim's text
    (:meth:`near_miss`); ``new=True`` says it is a new claim all the same.

    Editing methods (:meth:`remove`, :meth:`replace`, :meth:`rename`,
    :meth:`same`) check the map they leave as building does: a refused edit
    changes nothing.

    A map read from a file made elsewhere (AIF, Argdown, SADFace) may come
    with :attr:`load_problems`: what the file held that the map could not,
    such as a relation node without a conclusion. :func:`argmap.check`
    reports them with the map's own problems. They describe the file, not the
    argument, so they take no part in comparing maps.
    """

    def __init__(
        self,
        title: str | None = None,
        *,
        author: str | None = None,
        publication: str | None = None,
        date: str | None = None,
        url: str | None = None,
        description: str | None = None,
    ) -> None:
        for name, value in zip(_METADATA, (title, author, publication, date, url, description), strict=True):
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise InvalidElementError(f"ArgumentMap.{name} must be a non-empty string or None, got {value!r}")
        if date is not None and not _DATE.match(date):
            raise InvalidElementError(
                f"ArgumentMap.date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {date!r}"
            )
        self.title = title
        self.author = author
        self.publication = publication
        self.date = date
        self.url = url
        self.description = description
        self._documents: dict[str, Document] = {}
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, Claim] = {}
        self._relations: dict[str, Relation] = {}
        self._by_text: dict[str, str] = {}
        # Which relations point at an element, and which a claim takes part in. Built lazily,
        # on the first query after relations were added, so that building a map stays cheap:
        # relations are only ever appended, so the first _indexed of them are already in.
        self._incoming: dict[str, list[str]] = {}
        self._outgoing: dict[str, list[str]] = {}
        self._indexed = 0
        self._suffixes: dict[str, int] = {}
        self._attributions: dict[tuple[Any, ...], Attribution | None] = {}
        # Elements of the maps merged into this one, mapped to the ids they have here, so
        # that the objects a user holds from the parts still name the right elements.
        self._aliases: dict[Element, str] = {}
        # Claim texts indexed for near misses, built lazily like the relation indexes.
        self._near_misses = NearMisses()
        self._near_misses_indexed = 0
        self.load_problems: list[Problem] = []
        """Problems found while reading the map from a file, reported by :func:`argmap.check`."""

    # ------------------------------------------------------------------ adding

    def add(self, element: _T) -> _T:
        """Add a source, claim, relation or document built elsewhere, and return it.

        Raises:
            DuplicateIdError: the id is taken by another element.
            UnknownElementError: a relation names an element not in the map.
        """
        item: object = element
        if isinstance(item, Claim):
            self._add_claim(item)
        elif isinstance(item, (Support, Rebuttal, Undercut, SkepticalResponse)):
            self._add_relation(item)
        elif isinstance(item, Source):
            self._add_source(item)
        elif isinstance(item, Document):
            if item.id in self._documents:
                raise DuplicateIdError(f"the map already has a document with id {item.id!r}")
            self._documents[item.id] = item
        else:
            raise InvalidElementError(f"a map holds sources, claims, relations and documents, not {item!r}")
        return element

    def claim(
        self,
        text: str,
        *,
        by: Source | Attribution | None = None,
        via: Source | Sequence[Source] = (),
        medium: Medium | None = None,
        quote: str | None = None,
        date: str | None = None,
        url: str | None = None,
        qualifier: str | None = None,
        tags: str | Iterable[str] = (),
        note: str | None = None,
        document: str | None = None,
        section: str | None = None,
        id: str | None = None,
    ) -> Claim:
        """Add a new claim and return it.

        Args:
            text: the statement.
            by: who made it: a :class:`Source`, or a whole :class:`Attribution`.
            via: the sources it passed through to the author, nearest the speaker first.
            medium: how it was said (article, tweet, interview, ...).
            quote: the speaker's exact words.
            date: when it was said.
            url: where it was said.
            qualifier: a hedge that travels with the claim.
            tags: labels for grouping.
            note: a remark by the mapper.
            document: for merged maps, the document the claim came from.
            section: the part of the map it belongs to, drawn as a frame with ``--group-by section``.
            id: the claim's id; derived from the text, and made unique, when not given.

        Raises:
            InvalidElementError: a field is invalid, or attribution parts are given without ``by``.
            DuplicateIdError: *id* is already taken.
        """
        if by.__class__ is Source and (via == () or via.__class__ is Source):
            # Claims attributed alike share one Attribution value: less to build and to keep.
            key = (by, via, medium, quote, date, url)
            attribution = self._attributions.get(key)
            if attribution is None:
                attribution = _attribution(by, via=via, medium=medium, quote=quote, date=date, url=url)
                self._attributions[key] = attribution
        else:
            attribution = _attribution(by, via=via, medium=medium, quote=quote, date=date, url=url)
        if id is None:
            id = self._unique_id(readable_id(text) if isinstance(text, str) else "claim")
        claim = Claim(
            text,
            attribution=attribution,
            qualifier=qualifier,
            tags=tags,
            note=note,
            document=document,
            section=section,
            id=id,
        )
        self._add_claim(claim)
        return claim

    def support(
        self,
        premises: ClaimRef | Sequence[ClaimRef],
        conclusion: ClaimRef,
        *,
        label: str | None = None,
        id: str | None = None,
        new: bool = False,
    ) -> Support:
        """Add a support from *premises* to *conclusion* and return it.

        One premise, or a list of premises that support the conclusion
        together (a linked argument). Independent reasons are separate calls.
        With ``new=True`` text that names no claim is a new claim even where it
        nearly matches one.
        """
        with self._all_or_nothing():
            if isinstance(premises, (str, Claim)):
                premise_ids: tuple[str, ...] = (self._resolve(premises, None, new).id,)
            else:
                premise_ids = tuple([self._resolve(ref, None, new).id for ref in premises])
            conclusion_id = self._resolve(conclusion, None, new).id
            if id is None:
                return self._add_relation(Support(premise_ids, conclusion_id, label=label))
            return self._add_relation(Support(premise_ids, conclusion_id, label=label, id=id))

    def rebut(
        self,
        attacker: ClaimRef,
        target: ClaimRef,
        *,
        label: str | None = None,
        id: str | None = None,
        new: bool = False,
        **new_claim: Any,
    ) -> Rebuttal:
        """Add a rebuttal of *target* by *attacker* and return it.

        Keyword arguments of :meth:`claim` (``by``, ``medium``, ``quote``, ...)
        describe the attacker when it is given as the text of a new claim;
        ``new=True`` says that text is a new claim even where it nearly matches one.
        """
        with self._all_or_nothing():
            attacker_id = self._resolve(attacker, new_claim, new).id
            target_id = self._resolve(target, None, new).id
            if id is None:
                return self._add_relation(Rebuttal(attacker_id, target_id, label=label))
            return self._add_relation(Rebuttal(attacker_id, target_id, label=label, id=id))

    def undercut(
        self,
        attacker: ClaimRef,
        support: Support | str,
        *,
        label: str | None = None,
        id: str | None = None,
        new: bool = False,
        **new_claim: Any,
    ) -> Undercut:
        """Add an undercut of the inference *support* by *attacker* and return it.

        *support* is a :class:`Support` of this map or its id. Keyword
        arguments of :meth:`claim` describe the attacker when it is new text
        (and ``new=True`` says it is new even where it nearly matches a claim).
        """
        with self._all_or_nothing():
            target_id = self._relation_id(support, "undercut")
            attacker_id = self._resolve(attacker, new_claim, new).id
            if id is None:
                return self._add_relation(Undercut(attacker_id, target_id, label=label))
            return self._add_relation(Undercut(attacker_id, target_id, label=label, id=id))

    def doubt(
        self,
        target: ClaimRef | Relation,
        response: ClaimRef,
        *,
        stance: Stance = "doubt",
        id: str | None = None,
        new: bool = False,
        **new_claim: Any,
    ) -> SkepticalResponse:
        """Add a skeptical response to *target* voiced by *response*, and return it.

        *target* is a claim (or its id or text) or a support of this map.
        Keyword arguments of :meth:`claim` (``by``, ``medium``, ``quote``, ...)
        describe the response when it is the text of a new claim: the doubt is
        attributed to its speaker (``new=True``: even where it nearly matches a claim).
        """
        with self._all_or_nothing():
            if isinstance(target, (Support, Rebuttal, Undercut, SkepticalResponse)) or (
                isinstance(target, str) and target in self._relations
            ):
                target_id = self._relation_id(target, "doubt")
            else:
                target_id = self._resolve(target, None, new).id
            response_id = self._resolve(response, new_claim, new).id
            if id is None:
                return self._add_relation(SkepticalResponse(response_id, target_id, stance=stance))
            return self._add_relation(SkepticalResponse(response_id, target_id, stance=stance, id=id))

    # ----------------------------------------------------------------- queries

    @property
    def documents(self) -> tuple[Document, ...]:
        """Return the documents a merged map was built from, in order."""
        return tuple(self._documents.values())

    @property
    def sources(self) -> tuple[Source, ...]:
        """Return every source, in the order first met."""
        return tuple(self._sources.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Return every claim, in the order written."""
        return tuple(self._claims.values())

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Return every relation, in the order written."""
        return tuple(self._relations.values())

    @property
    def supports(self) -> tuple[Support, ...]:
        """Return every support, in the order written."""
        return tuple(r for r in self._relations.values() if isinstance(r, Support))

    @property
    def rebuttals(self) -> tuple[Rebuttal, ...]:
        """Return every rebuttal, in the order written."""
        return tuple(r for r in self._relations.values() if isinstance(r, Rebuttal))

    @property
    def undercuts(self) -> tuple[Undercut, ...]:
        """Return every undercut, in the order written."""
        return tuple(r for r in self._relations.values() if isinstance(r, Undercut))

    @property
    def skeptical_responses(self) -> tuple[SkepticalResponse, ...]:
        """Return every skeptical response, in the order written."""
        return tuple(r for r in self._relations.values() if isinstance(r, SkepticalResponse))

    @property
    def metadata(self) -> dict[str, str]:
        """Return the map's title, author, publication, date, url and description that are set."""
        values = (self.title, self.author, self.publication, self.date, self.url, self.description)
        return {name: value for name, value in zip(_METADATA, values, strict=True) if value is not None}

    def __getitem__(self, id: str) -> Element:
        """Return the claim or relation with this id."""
        found = self._claims.get(id) or self._relations.get(id)
        if found is None:
            raise UnknownElementError(f"no claim or relation has id {id!r}")
        return found

    def __contains__(self, item: object) -> bool:
        """Tell whether a claim, relation or source (or the id of a claim or relation) is in the map."""
        if isinstance(item, str):
            return item in self._claims or item in self._relations
        if isinstance(item, (Claim, Support, Rebuttal, Undercut, SkepticalResponse)) and item in self._aliases:
            return True
        if isinstance(item, Claim):
            return self._claims.get(item.id) == item
        if isinstance(item, Source):
            return self._sources.get(item.id) == item
        if isinstance(item, (Support, Rebuttal, Undercut, SkepticalResponse)):
            return self._relations.get(item.id) == item
        return False

    def claim_for(self, ref: ClaimRef) -> Claim:
        """Return the claim *ref* names: a claim of this map (or of a map merged into it), an id, or an exact text.

        Unlike the builder methods, it never creates a claim.

        Raises:
            UnknownClaimError: *ref* names no claim of the map.
        """
        if isinstance(ref, Claim):
            if self._claims.get(ref.id) == ref:
                return ref
            alias = self._aliases.get(ref)
            if alias is not None:
                return self._claims[alias]
            raise UnknownClaimError(f"claim {ref.id!r} is not in the map")
        known_id = ref if ref in self._claims else self._by_text.get(ref)
        if known_id is None:
            near = self.near_miss(ref) if isinstance(ref, str) else None
            hint = f"; did you mean [{near.id}] {near.text!r}?" if near is not None else ""
            raise UnknownClaimError(f"no claim has id or text {ref!r}{hint}")
        return self._claims[known_id]

    def near_miss(self, text: str) -> Claim | None:
        """Return the claim whose text *text* nearly matches, or ``None``.

        A near miss is equal up to case, white space and final punctuation,
        or within a small edit distance: none under 10 characters, 1 edit
        from 10, 2 from 20 (counted on the normalised text). The closest
        claim wins, then the first written. It takes constant time, whatever
        the size of the map; the first call indexes the claims written so far.
        """
        index = self._near_misses
        missing = len(self._claims) - self._near_misses_indexed
        if missing:  # claims are only appended: the newest are at the end, where reading starts cheaply
            newest = list(itertools.islice(reversed(self._claims.values()), missing))
            # Many small objects that all stay: nothing for the collector to find.
            with paused_gc() if missing > 1000 else contextlib.nullcontext():
                for claim in reversed(newest):
                    index.add(claim.text, claim.id)
            self._near_misses_indexed = len(self._claims)
        found = index.find(text)
        return None if found is None else self._claims[found]

    def source(self, id: str) -> Source:
        """Return the source with this id."""
        try:
            return self._sources[id]
        except KeyError:
            raise UnknownElementError(f"no source has id {id!r}") from None

    def document(self, id: str) -> Document:
        """Return the document with this id."""
        try:
            return self._documents[id]
        except KeyError:
            raise UnknownElementError(f"no document has id {id!r}") from None

    def incoming(self, element: Element | str) -> tuple[Relation, ...]:
        """Return the relations that point at *element* (a claim or relation, or its id), in order."""
        id = self._element_id(element)
        self._index()
        return tuple(self._relations[rid] for rid in self._incoming.get(id, ()))

    def outgoing(self, claim: Claim | str) -> tuple[Relation, ...]:
        """Return the relations *claim* takes part in as premise, attacker or response, in order."""
        id = self._element_id(claim)
        self._index()
        return tuple(self._relations[rid] for rid in self._outgoing.get(id, ()))

    def supporters(self, element: Element | str) -> tuple[Support, ...]:
        """Return the supports whose conclusion is *element*."""
        return tuple(r for r in self.incoming(element) if isinstance(r, Support))

    def attackers(self, element: Element | str) -> tuple[Rebuttal | Undercut, ...]:
        """Return the rebuttals and undercuts that attack *element*."""
        return tuple(r for r in self.incoming(element) if isinstance(r, (Rebuttal, Undercut)))

    def doubters(self, element: Element | str) -> tuple[SkepticalResponse, ...]:
        """Return the skeptical responses that doubt *element*."""
        return tuple(r for r in self.incoming(element) if isinstance(r, SkepticalResponse))

    def main_conclusions(self) -> tuple[Claim, ...]:
        """Return the claims that support, rebut, undercut and doubt nothing: where the argument ends."""
        self._index()
        return tuple(claim for id, claim in self._claims.items() if id not in self._outgoing)

    def claims_by(self, source: Source | str, *, via: bool = False) -> tuple[Claim, ...]:
        """Return the claims attributed to *source* (or its id), in order.

        With ``via=True`` also the claims that passed through *source*
        on their way to the author.
        """
        id = source.id if isinstance(source, Source) else source
        if id not in self._sources:
            raise UnknownElementError(f"no source has id {id!r}")
        found = []
        for claim in self._claims.values():
            attribution = claim.attribution
            if attribution is None:
                continue
            chain = attribution.sources if via else (attribution.source,)
            if any(s.id == id for s in chain):
                found.append(claim)
        return tuple(found)

    # ------------------------------------------------------------- comparison

    def __eq__(self, other: object) -> bool:
        """Tell whether two maps hold the same metadata and elements in the same order."""
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return (
            self.metadata == other.metadata
            and list(self._documents.values()) == list(other._documents.values())
            and list(self._sources.values()) == list(other._sources.values())
            and list(self._claims.values()) == list(other._claims.values())
            and list(self._relations.values()) == list(other._relations.values())
        )

    __hash__ = None  # type: ignore[assignment]  # a map is mutable

    def __repr__(self) -> str:
        """Return a short summary: title and counts."""
        title = f" {self.title!r}" if self.title else ""
        return f"<ArgumentMap{title}: {len(self._claims)} claims, {len(self._relations)} relations>"

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the map in a notebook as its diagram (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)

    def copy(self) -> ArgumentMap:
        """Return a new map with the same metadata and elements (elements are immutable, so shared)."""
        clone = ArgumentMap(**self.metadata)
        clone._documents = dict(self._documents)
        clone._sources = dict(self._sources)
        clone._claims = dict(self._claims)
        clone._relations = dict(self._relations)
        clone._by_text = dict(self._by_text)
        clone._incoming = {k: list(v) for k, v in self._incoming.items()}
        clone._outgoing = {k: list(v) for k, v in self._outgoing.items()}
        clone._indexed = self._indexed
        clone._suffixes = dict(self._suffixes)
        clone._aliases = dict(self._aliases)
        clone.load_problems = list(self.load_problems)
        return clone

    # ------------------------------------------------------------ the innards

    def _unique_id(self, base: str) -> str:
        """Return *base*, or *base* with the first free suffix ``-2``, ``-3``, ... when it is taken."""
        if base not in self._claims and base not in self._relations:
            return base
        # Remember the last suffix given, so that many claims opening with the same words stay linear.
        n = self._suffixes.get(base, 1) + 1
        while f"{base}-{n}" in self._claims or f"{base}-{n}" in self._relations:
            n += 1
        self._suffixes[base] = n
        return f"{base}-{n}"

    def _add_source(self, source: Source) -> Source:
        known = self._sources.get(source.id)
        if known is None:
            self._sources[source.id] = source
        elif known != source:
            raise DuplicateIdError(
                f"two different sources share the id {source.id!r}: {known!r} and {source!r}; give one an explicit id"
            )
        return source

    # The next two methods run once per element: big maps have hundreds of thousands,
    # so they are written for speed (identity checks before equality, no throwaway objects).

    def _add_claim(self, claim: Claim) -> None:
        id = claim.id
        if id in self._claims or id in self._relations:
            what = "claim" if id in self._claims else "relation"
            raise DuplicateIdError(f"the map already has a {what} with id {id!r}")
        if claim.document is not None and self._documents and claim.document not in self._documents:
            raise UnknownElementError(f"claim {id!r} names document {claim.document!r}, which the map does not have")
        attribution = claim.attribution
        if attribution is not None:
            sources = self._sources
            speaker = attribution.source
            # Check every source before registering any, so a refused claim changes nothing.
            for source in (speaker, *attribution.via) if attribution.via else (speaker,):
                known = sources.get(source.id)
                if known is not None and known is not source and known != source:
                    raise DuplicateIdError(
                        f"claim {id!r} is attributed to {source!r}, but a different source "
                        f"has id {source.id!r}: {known!r}"
                    )
            if speaker.id not in sources:
                sources[speaker.id] = speaker
            for source in attribution.via:
                sources.setdefault(source.id, source)
        self._claims[id] = claim
        if claim.text not in self._by_text:
            self._by_text[claim.text] = id

    def _add_relation(self, relation: _R) -> _R:
        id = relation.id
        claims = self._claims
        if id in self._relations or id in claims:
            what = "relation" if id in self._relations else "claim"
            raise DuplicateIdError(f"the map already has a {what} with id {id!r}")
        origins, target = endpoints(relation)
        for origin in origins:
            if origin not in claims:
                kind = type(relation).__name__
                raise UnknownClaimError(f"{kind} {id!r} comes from {origin!r}, which is no claim of the map")
        if target not in claims and (
            relation.__class__ is Support or relation.__class__ is Rebuttal or target not in self._relations
        ):
            kind = type(relation).__name__
            what = "no claim of the map" if isinstance(relation, (Support, Rebuttal)) else "not in the map"
            error = UnknownClaimError if isinstance(relation, (Support, Rebuttal)) else UnknownElementError
            raise error(f"{kind} {id!r} points at {target!r}, which is {what}")
        self._relations[id] = relation
        return relation

    def _index(self) -> None:
        """Bring the incoming and outgoing indexes up to date with the relations added since the last query."""
        if self._indexed == len(self._relations):
            return
        incoming, outgoing = self._incoming, self._outgoing
        for relation in itertools.islice(self._relations.values(), self._indexed, None):
            origins, target = endpoints(relation)
            _append(incoming, target, relation.id)
            for origin in origins:
                _append(outgoing, origin, relation.id)
        self._indexed = len(self._relations)

    @contextlib.contextmanager
    def _all_or_nothing(self) -> Iterator[None]:
        """Take back the claims and sources a builder call added if it then fails: a refused call changes nothing."""
        claims, sources = len(self._claims), len(self._sources)
        try:
            yield
        except Exception:
            self._take_back(claims, sources)
            raise

    def _take_back(self, claims: int, sources: int) -> None:
        """Remove the claims and sources added since the map had *claims* claims and *sources* sources."""
        while len(self._claims) > claims:
            id, claim = self._claims.popitem()
            if self._by_text.get(claim.text) == id:
                del self._by_text[claim.text]
        while len(self._sources) > sources:
            self._sources.popitem()
        if self._near_misses_indexed > claims:
            self._near_misses, self._near_misses_indexed = NearMisses(), 0

    def _resolve(self, ref: ClaimRef, new_claim: dict[str, Any] | None = None, new: bool = False) -> Claim:
        """Return the claim *ref* names, adding it first when it is new.

        *new_claim* holds keyword arguments of :meth:`claim` for a claim made from text;
        *new* says that text naming no claim is a new claim even where it looks like a mistake.
        """
        new_claim = new_claim or {}
        if isinstance(ref, Claim):
            known = self._claims.get(ref.id)
            if known is ref and not new_claim:  # the common case: a claim this map returned
                return ref
            if known is not None and known == ref:
                self._refuse_details(new_claim, ref.id)
                return known
            alias = self._aliases.get(ref)
            if alias is not None:  # a claim of a map merged into this one
                self._refuse_details(new_claim, alias)
                return self._claims[alias]
            if known is not None:
                raise DuplicateIdError(f"a different claim has id {ref.id!r} in this map: {known.text!r}")
            self._refuse_details(new_claim, ref.id)
            self._add_claim(ref)
            return ref
        if not isinstance(ref, str):
            raise InvalidElementError(f"expected a Claim, a claim id or the text of a new claim, got {ref!r}")
        known_id = ref if ref in self._claims else self._by_text.get(ref)
        if known_id is not None:
            self._refuse_details(new_claim, known_id)
            return self._claims[known_id]
        if ref in self._relations:
            raise InvalidElementError(f"{ref!r} is a relation, where a claim is expected")
        if not new:
            near = self.near_miss(ref)
            if near is not None:
                raise UnknownClaimError(
                    f"no claim has id or text {ref!r}; did you mean [{near.id}] {near.text!r}? "
                    "If it is a new claim, call claim() first or pass new=True"
                )
            if _ID_LIKE.match(ref) and not _SENTENCE.match(ref):
                raise UnknownClaimError(
                    f"no claim has id {ref!r}; to add a one-word claim, call claim({ref!r}) first or pass new=True"
                )
        return self.claim(ref, **new_claim)

    @staticmethod
    def _refuse_details(new_claim: dict[str, Any], id: str) -> None:
        if new_claim:
            names = ", ".join(f"{name}=" for name in sorted(new_claim))
            raise InvalidElementError(f"{names} describe a new claim, but {id!r} is already in the map")

    def _relation_id(self, relation: Relation | str, verb: str) -> str:
        if not isinstance(relation, str):
            if self._relations.get(relation.id) is relation:  # the common case: a relation this map returned
                return relation.id
            if relation in self._aliases:
                return self._aliases[relation]  # a relation of a map merged into this one
        id = relation if isinstance(relation, str) else relation.id
        known = self._relations.get(id)
        if known is None:
            if id in self._claims:
                hint = " (to attack a claim, rebut it)" if verb == "undercut" else ""
                raise InvalidElementError(f"cannot {verb} {id!r}: it is a claim, not a support{hint}")
            raise UnknownElementError(f"no relation has id {id!r}")
        if not isinstance(relation, str) and known != relation:
            raise DuplicateIdError(f"a different relation has id {id!r} in this map")
        return id

    def _element_id(self, element: Element | str) -> str:
        id = element if isinstance(element, str) else element.id
        if id not in self._claims and id not in self._relations:
            raise UnknownElementError(f"no claim or relation has id {id!r}")
        return id


def _append(index: dict[str, list[str]], key: str, value: str) -> None:
    """Append *value* to the list under *key*, starting the list if need be."""
    values = index.get(key)
    if values is None:
        index[key] = [value]
    else:
        values.append(value)


def _attribution(
    by: Source | Attribution | None,
    *,
    via: Source | Sequence[Source],
    medium: Medium | None,
    quote: str | None,
    date: str | None,
    url: str | None,
) -> Attribution | None:
    if by.__class__ is Source:  # the common case first
        return Attribution(by, via=via, medium=medium, quote=quote, date=date, url=url)
    parts = {"via": via, "medium": medium, "quote": quote, "date": date, "url": url}
    given = [name for name, value in parts.items() if value not in (None, ())]
    if by is None:
        if given:
            raise InvalidElementError(f"{', '.join(given)} describe an attribution: give the speaker with by=")
        return None
    if isinstance(by, Attribution):
        if given:
            raise InvalidElementError(f"by= is a whole Attribution already; do not give {', '.join(given)} as well")
        return by
    if not isinstance(by, Source):
        raise InvalidElementError(f"by= must be a Source or an Attribution, got {by!r}")
    return Attribution(by, via=via, medium=medium, quote=quote, date=date, url=url)
