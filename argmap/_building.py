"""Building a map: the builder methods of :class:`~argmap.map.ArgumentMap`, and how they read a reference to a claim.

The builder methods read like the argument: where a claim is expected they
take a :class:`~argmap.model.Claim`, an id, a claim's exact text or the text of
a new claim (:data:`ClaimRef`). Resolving that reference, refusing text that
looks like a typo, and taking back what a refused call added live here; the
map's state and the checks every element passes on its way in live in
:mod:`argmap.map`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from argmap._near_miss import NearMisses
from argmap.errors import DuplicateIdError, InvalidElementError, UnknownClaimError, UnknownElementError
from argmap.model import (
    Attribution,
    Claim,
    Element,
    Medium,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Stance,
    Support,
    Undercut,
    readable_id,
)

__all__ = ["Building", "ClaimRef"]

ClaimRef: TypeAlias = Claim | str
"""Where a claim is expected: a :class:`Claim`, the id of one, or the text of a new claim."""

_R = TypeVar("_R", bound=Relation)
_NO_DETAILS: dict[str, Any] = {}  # read, never written
_LISTS = (list, tuple)
_identity = id  # the builder methods' own id is the element's
_ID_LIKE = re.compile(r"[\w\-.:/+>]+\Z")
# A word with a capital and a final full stop, question or exclamation mark is a sentence, not an id: "Really?"
_SENTENCE = re.compile(r"[^\W\d_][^\W_]*[.!?…]+\Z")


class Building:
    """The builder methods of :class:`~argmap.map.ArgumentMap`, kept apart from its state and queries."""

    # What the map holds (set by ArgumentMap.__init__), and the methods of the map these use.
    _sources: dict[str, Source]
    _claims: dict[str, Claim]
    _relations: dict[str, Relation]
    _by_text: dict[str, str]
    _texts_indexed: int
    _aliases: dict[Element, str]
    _attributions: dict[tuple[Any, ...], Attribution | None]
    _near_misses: NearMisses
    _near_misses_indexed: int

    if TYPE_CHECKING:

        def near_miss(self, text: str) -> Claim | None: ...
        def _unique_id(self, base: str) -> str: ...
        def _texts(self) -> dict[str, str]: ...
        def _add_claim(self, claim: Claim) -> None: ...
        def _add_relation(self, relation: _R) -> _R: ...

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
        data: dict[str, Any] | None = None,
        further_attributions: Iterable[Attribution] = (),
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
            data: anything else a format says about the claim (Argdown's ``{credence: 0.7}``).
            further_attributions: the other parties who said it, where several did (*by* is the first).
            id: the claim's id; derived from the text, and made unique, when not given.

        Raises:
            InvalidElementError: a field is invalid, or attribution parts are given without ``by``.
            DuplicateIdError: *id* is already taken.
        """
        if by.__class__ is Source and (via == () or via.__class__ is Source):
            # Claims attributed alike share one Attribution value: less to build and to keep. The key names the
            # sources by identity (the attribution kept holds them): a tuple of strings and numbers, which the
            # cyclic collector stops tracking, where one holding the sources is one more object in each of its passes.
            key = (_identity(by), via if via == () else _identity(via), medium, quote, date, url)
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
            data={} if data is None else data,
            further_attributions=tuple(further_attributions),
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
        text: str | None = None,
        tags: str | Iterable[str] = (),
        data: dict[str, Any] | None = None,
        id: str | None = None,
        new: bool = False,
    ) -> Support:
        """Add a support from *premises* to *conclusion* and return it.

        One premise, or a list of premises that support the conclusion
        together (a linked argument). Independent reasons are separate calls.
        *text*, *tags* and *data* describe the argument itself (an Argdown
        argument's description). With ``new=True`` text that names no claim is
        a new claim even where it nearly matches one.
        """
        claims = self._claims
        data = {} if data is None else data
        if conclusion.__class__ is Claim and claims.get(conclusion.id) is conclusion:
            # The common case, claims this map returned: nothing is added before the support is checked,
            # so there is nothing to take back, and no need of the take-back context.
            refs = (premises,) if premises.__class__ is Claim else premises if premises.__class__ in _LISTS else ()
            own = [ref.id for ref in refs if ref.__class__ is Claim and claims.get(ref.id) is ref]
            if own and len(own) == len(refs):
                return self._add_relation(self._support(tuple(own), conclusion.id, label, text, tags, data, id))
        with self._all_or_nothing():
            if isinstance(premises, (str, Claim)):
                premise_ids: tuple[str, ...] = (self._resolve(premises, None, new).id,)
            else:  # a claim this map returned is its own id, without a call
                premise_ids = tuple(
                    [
                        ref.id
                        if ref.__class__ is Claim and claims.get(ref.id) is ref
                        else self._resolve(ref, None, new).id
                        for ref in premises
                    ]
                )
            if conclusion.__class__ is Claim and claims.get(conclusion.id) is conclusion:
                conclusion_id = conclusion.id
            else:
                conclusion_id = self._resolve(conclusion, None, new).id
            return self._add_relation(self._support(premise_ids, conclusion_id, label, text, tags, data, id))

    @staticmethod
    def _support(
        premises: tuple[str, ...],
        conclusion: str,
        label: str | None,
        text: str | None,
        tags: str | Iterable[str],
        data: dict[str, Any],
        id: str | None,
    ) -> Support:
        if id is None:
            return Support(premises, conclusion, label=label, text=text, tags=tags, data=data)
        return Support(premises, conclusion, label=label, text=text, tags=tags, data=data, id=id)

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
        claims = self._claims
        own_target = target.__class__ is Claim and claims.get(target.id) is target
        if own_target and attacker.__class__ is Claim and not new_claim and claims.get(attacker.id) is attacker:
            # Claims this map returned, the common case: nothing to take back, as in support().
            return self._add_relation(_rebuttal(attacker.id, target.id, label, id))  # type: ignore[union-attr]
        with self._all_or_nothing():
            if attacker.__class__ is Claim and not new_claim and claims.get(attacker.id) is attacker:
                attacker_id = attacker.id  # a claim this map returned
            else:
                attacker_id = self._resolve(attacker, new_claim, new).id
            if target.__class__ is Claim and claims.get(target.id) is target:
                target_id = target.id
            else:
                target_id = self._resolve(target, None, new).id
            return self._add_relation(_rebuttal(attacker_id, target_id, label, id))

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
        own_attacker = attacker.__class__ is Claim and not new_claim and self._claims.get(attacker.id) is attacker
        if own_attacker and support.__class__ is Support and self._relations.get(support.id) is support:
            # A claim and a support this map returned, the common case: nothing to take back, as in support().
            return self._add_relation(_undercut(attacker.id, support.id, label, id))  # type: ignore[union-attr]
        with self._all_or_nothing():
            target_id = self._relation_id(support, "undercut")
            attacker_id = attacker.id if own_attacker else self._resolve(attacker, new_claim, new).id  # type: ignore[union-attr]
            return self._add_relation(_undercut(attacker_id, target_id, label, id))

    def skeptical_response(
        self,
        response: ClaimRef,
        target: ClaimRef | Relation,
        *,
        stance: Stance = "doubt",
        id: str | None = None,
        new: bool = False,
        **new_claim: Any,
    ) -> SkepticalResponse:
        """Add a skeptical response voiced by *response* to *target*, and return it.

        *target* is a claim (or its id or text) or a support of this map;
        *stance* says how the response contests it (doubt, sarcasm, dismissal,
        question or reservation). Keyword arguments of :meth:`claim` (``by``,
        ``medium``, ``quote``, ...) describe the response when it is the text
        of a new claim: the response is attributed to its speaker (``new=True``:
        even where it nearly matches a claim).
        """
        claims = self._claims
        if (
            response.__class__ is Claim
            and not new_claim
            and claims.get(response.id) is response
            and target.__class__ is Claim
            and claims.get(target.id) is target
        ):  # claims this map returned, the common case: nothing to take back, as in support()
            return self._add_relation(_skeptical_response(response.id, target.id, stance, id))
        with self._all_or_nothing():
            if isinstance(target, (Support, Rebuttal, Undercut, SkepticalResponse)) or (
                isinstance(target, str) and target in self._relations
            ):
                target_id = self._relation_id(target, "respond to")
            else:
                target_id = self._resolve(target, None, new).id
            if response.__class__ is Claim and not new_claim and claims.get(response.id) is response:
                response_id = response.id  # a claim this map returned
            else:
                response_id = self._resolve(response, new_claim, new).id
            return self._add_relation(_skeptical_response(response_id, target_id, stance, id))

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
        """Add a skeptical response to *target* voiced by *response*: the old name of :meth:`skeptical_response`.

        .. deprecated:: 0.1
            Call ``skeptical_response(response, target, ...)``: the response first, as in
            :meth:`rebut` and :class:`~argmap.model.SkepticalResponse`.
        """
        warnings.warn(
            "ArgumentMap.doubt(target, response) is now skeptical_response(response, target)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.skeptical_response(response, target, stance=stance, id=id, new=new, **new_claim)

    def _all_or_nothing(self) -> _AllOrNothing:
        """Take back the claims and sources a builder call added if it then fails: a refused call changes nothing."""
        return _AllOrNothing(self, len(self._claims), len(self._sources))

    def _take_back(self, claims: int, sources: int) -> None:
        """Remove the claims and sources added since the map had *claims* claims and *sources* sources."""
        while len(self._claims) > claims:
            id, claim = self._claims.popitem()
            if self._by_text.get(claim.text) == id:
                del self._by_text[claim.text]
        self._texts_indexed = min(self._texts_indexed, claims)
        while len(self._sources) > sources:
            self._sources.popitem()
        if self._near_misses_indexed > claims:
            self._near_misses, self._near_misses_indexed = NearMisses(), 0

    def _resolve(self, ref: ClaimRef, new_claim: dict[str, Any] | None = None, new: bool = False) -> Claim:
        """Return the claim *ref* names, adding it first when it is new.

        *new_claim* holds keyword arguments of :meth:`claim` for a claim made from text;
        *new* says that text naming no claim is a new claim even where it looks like a mistake.
        """
        if not new_claim:
            new_claim = _NO_DETAILS
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
        known_id = ref if ref in self._claims else self._texts().get(ref)
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


def _rebuttal(attacker: str, target: str, label: str | None, id: str | None) -> Rebuttal:
    return Rebuttal(attacker, target, label=label) if id is None else Rebuttal(attacker, target, label=label, id=id)


def _undercut(attacker: str, target: str, label: str | None, id: str | None) -> Undercut:
    return Undercut(attacker, target, label=label) if id is None else Undercut(attacker, target, label=label, id=id)


def _skeptical_response(response: str, target: str, stance: Stance, id: str | None) -> SkepticalResponse:
    if id is None:
        return SkepticalResponse(response, target, stance=stance)
    return SkepticalResponse(response, target, stance=stance, id=id)


class _AllOrNothing:
    """The context of one builder call: on an error, take back what the call added.

    A plain class rather than a generator made a context manager: builder
    calls run hundreds of thousands of times in a big map, and entering and
    leaving this costs about a fifth as much (0.5 against 2.5 to 4 µs on a
    loaded machine).
    """

    __slots__ = ("building", "claims", "sources")

    def __init__(self, building: Building, claims: int, sources: int) -> None:
        self.building, self.claims, self.sources = building, claims, sources

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is not None and issubclass(kind, Exception):
            self.building._take_back(self.claims, self.sources)
