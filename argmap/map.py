"""ArgumentMap: the container of an argument, what every element is checked for on its way in, and the queries.

A map holds sources, claims and relations in the order they were written.
Every element is checked as it comes in: a reference to a claim that does
not exist, or a second element under an id already taken, is refused with a
clear error before anything changes. The builder methods that read like the
argument come from :mod:`argmap._building`, the editing methods from
:mod:`argmap._editing`.

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

import collections
import contextlib
import itertools
import operator
import warnings
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from argmap._building import Building, ClaimRef
from argmap._display import Bundle, MimeTypes, bundle
from argmap._editing import Editing
from argmap._io import paused_gc
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
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
    endpoints,
    is_iso_date,
)
from argmap.problems import Problem

__all__ = ["ArgumentMap", "ClaimRef"]

_T = TypeVar("_T", bound=Source | Claim | Relation | Document)
_R = TypeVar("_R", bound=Relation)
_RELATIONS = (Support, Rebuttal, Undercut, SkepticalResponse)
_METADATA = ("title", "author", "publication", "date", "url", "description")
_ID = operator.attrgetter("id")
_TEXT = operator.attrgetter("text")


class ArgumentMap(Building, Editing):
    """An argument: its sources, claims and relations, and what the map is of.

    Args:
        title: what the map is of, usually the title of the article mapped.
        author: who wrote the argument mapped.
        publication: where it appeared.
        date: when, as an ISO date (``2011-04-11``, ``2011-04`` or ``2011``).
        url: where to read it.
        description: a sentence about the map.

    Builder methods (:meth:`claim`, :meth:`support`, :meth:`rebut`,
    :meth:`undercut`, :meth:`skeptical_response`) return the element they create.
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
    argument, so they take no part in comparing maps; nor does
    :attr:`file_layout`, the record of how an Argdown file was written
    (comments, emphasis, which way relations point), which the Argdown writer
    follows where the map still says what the file said.
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
        if date is not None and not is_iso_date(date):
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
        # The id of the first claim with each text, for builder calls that name a claim by its text:
        # built lazily like the relation indexes, so that adding a claim does not hash its text.
        self._by_text: dict[str, str] = {}
        self._texts_indexed = 0
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
        self.file_layout: object = None
        """How the file the map was read from was laid out, kept by its format's reader for its writer (Argdown)."""

    # ------------------------------------------------------------------ adding

    def add(self, element: _T, *, aliases: Iterable[Element] = ()) -> _T:
        """Add a source, claim, relation or document built elsewhere, and return it.

        *aliases* are claims or relations of other maps that *element* stands
        for here (:func:`argmap.merge` gives the elements of its parts): the
        builder methods and queries of this map then take each of them as
        naming *element*.

        Raises:
            DuplicateIdError: the id is taken by another element.
            UnknownElementError: a relation names an element not in the map.
            InvalidElementError: *aliases* are given for a source or document, or are not claims or relations.
        """
        item: object = element
        if aliases == () and (item.__class__ is Claim or item.__class__ in _RELATIONS):  # what readers add, quickly
            if item.__class__ is Claim:
                self._add_claim(element)  # type: ignore[arg-type]
            else:
                self._add_relation(element)  # type: ignore[type-var]
            return element
        aliases = tuple(aliases)
        if aliases and (
            not isinstance(item, (Claim, *_RELATIONS)) or not all(isinstance(a, (Claim, *_RELATIONS)) for a in aliases)
        ):
            raise InvalidElementError(
                f"only a claim or relation stands for claims or relations of other maps: {item!r}"
            )
        if isinstance(item, Claim):
            self._add_claim(item)
        elif isinstance(item, _RELATIONS):
            self._add_relation(item)
        elif isinstance(item, Source):
            self._add_source(item)
        elif isinstance(item, Document):
            if item.id in self._documents:
                raise DuplicateIdError(f"the map already has a document with id {item.id!r}")
            self._documents[item.id] = item
        else:
            raise InvalidElementError(f"a map holds sources, claims, relations and documents, not {item!r}")
        for alias in aliases:
            self._aliases[alias] = element.id
        return element

    def building(self) -> contextlib.AbstractContextManager[None]:
        """Return a context for adding many elements at once: Python's cyclic garbage collector waits until it ends.

        Every builder call inside it is checked, and a refused one taken back,
        as anywhere else. What it saves is the collector's passes over a heap
        that only grows (about a quarter of the time of building 100,000
        claims): the elements a map holds stay reachable from it, so there is
        no garbage among them to find. When it ends, what was made joins the
        collector's oldest generation at once. Contexts nest; a collector the
        program had paused stays paused.

        >>> m = ArgumentMap()
        >>> with m.building():
        ...     claims = [m.claim(f"Reason number {n}.") for n in range(1, 4)]
        ...     supports = [m.support(claim, "The plan works.", new=True) for claim in claims]
        >>> len(m.claims), len(m.supports)
        (4, 3)
        """
        return paused_gc()

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

    def _of_kind(self, kind: type[_R]) -> tuple[_R, ...]:
        """Return the relations of *kind* in the order written: isinstance mapped over them all, no Python each."""
        relations = self._relations.values()
        return tuple(itertools.compress(relations, map(isinstance, relations, itertools.repeat(kind))))  # type: ignore[arg-type]

    @property
    def supports(self) -> tuple[Support, ...]:
        """Return every support, in the order written."""
        return self._of_kind(Support)

    @property
    def rebuttals(self) -> tuple[Rebuttal, ...]:
        """Return every rebuttal, in the order written."""
        return self._of_kind(Rebuttal)

    @property
    def undercuts(self) -> tuple[Undercut, ...]:
        """Return every undercut, in the order written."""
        return self._of_kind(Undercut)

    @property
    def skeptical_responses(self) -> tuple[SkepticalResponse, ...]:
        """Return every skeptical response, in the order written."""
        return self._of_kind(SkepticalResponse)

    @property
    def metadata(self) -> dict[str, str]:
        """Return the map's title, author, publication, date, url and description that are set."""
        values = (self.title, self.author, self.publication, self.date, self.url, self.description)
        return {name: value for name, value in zip(_METADATA, values, strict=True) if value is not None}

    @property
    def aliases(self) -> Mapping[Element, str]:
        """Return the claims and relations of other maps that elements of this one stand for, with their ids here.

        A merged map has one for each claim and relation of its parts; see :meth:`add`.
        """
        return MappingProxyType(self._aliases)

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
        known_id = ref if ref in self._claims else self._texts().get(ref)
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

    def skeptical_responses_to(self, element: Element | str) -> tuple[SkepticalResponse, ...]:
        """Return the skeptical responses to *element*."""
        return tuple(r for r in self.incoming(element) if isinstance(r, SkepticalResponse))

    def doubters(self, element: Element | str) -> tuple[SkepticalResponse, ...]:
        """Return the skeptical responses to *element*: the old name of :meth:`skeptical_responses_to`.

        .. deprecated:: 0.1
            Call :meth:`skeptical_responses_to`.
        """
        warnings.warn("ArgumentMap.doubters() is now skeptical_responses_to()", DeprecationWarning, stacklevel=2)
        return self.skeptical_responses_to(element)

    def main_conclusions(self) -> tuple[Claim, ...]:
        """Return the claims that support, rebut, undercut and respond to nothing: where the argument ends."""
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
            for attribution in claim.attributions:
                chain = attribution.sources if via else (attribution.source,)
                if any(s.id == id for s in chain):
                    found.append(claim)
                    break
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
        clone._texts_indexed = self._texts_indexed
        clone._incoming = {k: list(v) for k, v in self._incoming.items()}
        clone._outgoing = {k: list(v) for k, v in self._outgoing.items()}
        clone._indexed = self._indexed
        clone._suffixes = dict(self._suffixes)
        clone._aliases = dict(self._aliases)
        clone.load_problems = list(self.load_problems)
        clone.file_layout = self.file_layout
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
        if (
            attribution is not None
            and not attribution.via
            and not claim.further_attributions
            and self._sources.get(attribution.source.id) is attribution.source
        ):
            pass  # the common case: one speaker, already in the map, nothing to check or add
        elif attribution is not None:
            sources = self._sources
            said = (attribution, *claim.further_attributions) if claim.further_attributions else (attribution,)
            # Check every source before registering any, so a refused claim changes nothing.
            for each in said:
                for source in (each.source, *each.via) if each.via else (each.source,):
                    known = sources.get(source.id)
                    if known is not None and known is not source and known != source:
                        raise DuplicateIdError(
                            f"claim {id!r} is attributed to {source!r}, but a different source "
                            f"has id {source.id!r}: {known!r}"
                        )
            for each in said:
                speaker = each.source
                if speaker.id not in sources:
                    sources[speaker.id] = speaker
                for source in each.via:
                    sources.setdefault(source.id, source)
        self._claims[id] = claim

    def _add_relation(self, relation: _R) -> _R:
        id = relation.id
        claims = self._claims
        if id in self._relations or id in claims:
            what = "relation" if id in self._relations else "claim"
            raise DuplicateIdError(f"the map already has a {what} with id {id!r}")
        cls = relation.__class__
        if cls is Support:  # the common cases without a call: endpoints() says the same
            origins, target = relation.premises, relation.conclusion  # type: ignore[union-attr]
        elif cls is Rebuttal or cls is Undercut:
            origins, target = (relation.attacker,), relation.target  # type: ignore[union-attr]
        else:
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

    def _texts(self) -> dict[str, str]:
        """Return the id of the first claim with each text, indexing first the claims added since the last call."""
        index = self._by_text
        missing = len(self._claims) - self._texts_indexed
        if missing:  # claims are only appended: the newest are at the end, where reading starts cheaply
            newest = list(itertools.islice(reversed(self._claims.values()), missing))
            newest.reverse()
            collections.deque(map(index.setdefault, map(_TEXT, newest), map(_ID, newest)), maxlen=0)
            self._texts_indexed = len(self._claims)
        return index

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
