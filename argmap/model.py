"""The typed core: frozen values for sources, attributions, claims and relations.

Every element is an immutable attrs class, validated when it is constructed,
so a map can never hold a claim without text or a support without premises.
Relations refer to claims (and undercuts and skeptical responses to supports)
by id; the :class:`~argmap.map.ArgumentMap` checks that those ids exist.

>>> scahill = Source("Jeremy Scahill", affiliation="The Nation")
>>> scahill.id
'jeremy-scahill'
>>> Claim("Pakistan's demands will reduce the C.I.A. presence.").id
'pakistans-demands-will-reduce-the-cia'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias, TypeVar, get_args

import attrs

from argmap.errors import InvalidElementError

__all__ = [
    "MEDIA",
    "SOURCE_KINDS",
    "STANCES",
    "Attribution",
    "Claim",
    "Document",
    "Element",
    "Medium",
    "Rebuttal",
    "Relation",
    "SkepticalResponse",
    "Source",
    "SourceKind",
    "Stance",
    "Support",
    "Undercut",
    "default_id",
    "endpoints",
    "is_iso_date",
    "readable_id",
]

SourceKind: TypeAlias = Literal["person", "organisation", "publication", "official", "anonymous"]
"""Who a source is: a named person, an organisation, a publication, an official, or unnamed."""

Medium: TypeAlias = Literal[
    "article",
    "report",
    "tweet",
    "interview",
    "blog",
    "speech",
    "statement",
    "broadcast",
    "book",
    "paper",
    "letter",
    "conversation",
    "other",
]
"""How a thing said reached the public."""

Stance: TypeAlias = Literal["doubt", "sarcasm", "dismissal", "question", "reservation"]
"""The manner of a skeptical response: it contests a target without asserting its contrary."""

SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
MEDIA: tuple[Medium, ...] = get_args(Medium)
STANCES: tuple[Stance, ...] = get_args(Stance)

_T = TypeVar("_T")

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
_WORD = re.compile(r"[^\W_]+")
# For ASCII text, one bytes.translate lower-cases letters and turns other punctuation into spaces, which
# split words; apostrophes and full stops are deleted first ("Pakistan's", "C.I.A.").
_ASCII_FOLD = bytes(n + 32 if 65 <= n <= 90 else n if chr(n).isalnum() else 32 for n in range(256))
_ASCII_DELETED = b"'."
_APOSTROPHES = re.compile(r"['\u2019.]")
_LEADING_ARTICLES = frozenset({"the", "a", "an"})


def readable_id(text: str, *, words: int = 6, limit: int = 48) -> str:
    """Return a short, readable id derived from *text*.

    Lower-cased words joined by hyphens, apostrophes and full stops dropped,
    a leading article skipped, at most *words* words and about *limit*
    characters. Letters of every script are kept; text with no letters or
    digits at all gives ``"claim"``.

    >>> readable_id("The U.S.-Pakistani relationship may be teetering on collapse.")
    'us-pakistani-relationship-may-be-teetering'
    """
    # Only the start of the text can end up in the id; no need to fold the rest.
    head = text[: 12 * words]
    if head.isascii():  # the common case, done on bytes: four times as fast as the regexes
        parts = head.encode("ascii").translate(_ASCII_FOLD, _ASCII_DELETED).decode("ascii").split()
    else:
        parts = _WORD.findall(_APOSTROPHES.sub("", head.casefold()))
    if len(parts) > 1 and parts[0] in _LEADING_ARTICLES:
        del parts[0]
    del parts[words:]
    joined = "-".join(parts)
    while len(joined) > limit and len(parts) > 1:
        parts.pop()
        joined = "-".join(parts)
    return joined[:limit] or "claim"


# Validation. The classes a big map holds hundreds of thousands of (attributions, claims,
# relations) have an __init__ of their own, written once per class, that converts, checks
# and sets each field in one function: the rules below, called only where a field is given,
# and no attrs converter, validator, default factory or __attrs_post_init__ called per
# element. That halves the cost of making one. attrs still makes their comparison, hashing,
# repr and immutability. Failures raise InvalidElementError (a ValueError) naming the
# class, the field and the value.

_NEW: Any = attrs.NOTHING
"""The default of a ``data`` argument: a new empty dict for each element."""
_DERIVED: Any = attrs.NOTHING
"""The default of an ``id`` argument: the id derived from the element's fields."""
_setter = object.__setattr__.__get__
"""Return the function that sets a field of a frozen element: the way attrs sets them too."""


def _fail(instance: object, field: str, problem: str, value: object) -> InvalidElementError:
    kind = type(instance).__name__
    return InvalidElementError(f"{kind}.{field} {problem}, got {value!r}")


def _check_text(instance: object, field: str, value: object) -> None:
    if value.__class__ is not str or not value or value.isspace():
        raise _fail(instance, field, "must be a non-empty string", value)


def _check_optional_text(instance: object, field: str, value: object) -> None:
    if value is not None:
        _check_text(instance, field, value)


def _check_identifier(instance: object, field: str, value: object) -> None:
    # Printable means no control characters and no white space but the plain space.
    if value.__class__ is not str or not value or not value.isprintable() or value[0] == " " or value[-1] == " ":
        raise _fail(
            instance, field, "must be a non-empty string of printable characters, without surrounding spaces", value
        )


def is_iso_date(value: object) -> bool:
    """Tell whether *value* is a date as argmap takes it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    return isinstance(value, str) and _DATE.match(value) is not None


def _check_tags(instance: object, tags: tuple[str, ...]) -> None:
    for tag in tags:
        if not isinstance(tag, str) or not tag.strip() or tag != tag.strip():
            raise _fail(instance, "tags", "must hold non-empty strings without surrounding spaces", tags)
    if len(set(tags)) != len(tags):
        raise _fail(instance, "tags", "must not repeat a tag", tags)


def _check_date(instance: object, field: str, value: object) -> None:
    if value is not None and not is_iso_date(value):
        raise _fail(instance, field, "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", value)


def _check_choice(instance: object, field: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise _fail(instance, field, f"must be one of {', '.join(choices)}", value)


def _to_tuple(value: Iterable[Any] | str) -> tuple[Any, ...]:
    """Accept one string or an iterable of items and return a tuple."""
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _check_data(instance: object, value: object) -> None:
    """Check that *value* maps names to what JSON holds: text, numbers, booleans, null, lists and mappings of them."""
    if value.__class__ is not dict:
        raise _fail(instance, "data", "must be a dict of names to JSON values", value)
    if value and not _json_like(value):
        raise _fail(instance, "data", "must map names to text, numbers, booleans, null, lists or dicts of them", value)


def _json_like(value: object, depth: int = 0) -> bool:
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))  # JSON has no NaN or infinity
    if depth > 32:
        return False
    if isinstance(value, list):
        return all(_json_like(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and _json_like(item, depth + 1) for key, item in value.items())
    return False


def _one_or_many(value: _T | Iterable[_T], kind: type[_T]) -> tuple[_T, ...]:
    """Accept one *kind* (a source, an attribution) or an iterable of them, as a tuple; the items are checked later."""
    if isinstance(value, kind):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]  # not one of kind: an iterable of them


def _check_further(claim: Claim) -> None:
    further = claim.further_attributions
    if claim.attribution is None:
        raise _fail(claim, "further_attributions", "needs an attribution first", further)
    for item in further:
        if not isinstance(item, Attribution):
            raise _fail(claim, "further_attributions", "must hold Attribution values", further)
    if len({*further, claim.attribution}) != len(further) + 1:
        raise _fail(claim, "further_attributions", "must not repeat an attribution", further)


def _source_id(source: Source) -> str:
    return readable_id(source.name, words=8, limit=60)


def _relation_id(kind: str, origins: str, target: str) -> str:
    """Return the id a relation of *kind* from *origins* (ids joined by ``+``) to *target* gets when none is given."""
    return f"{kind}:{origins}>{target}"


@attrs.frozen(cache_hash=True)  # sources key the builder's cache of attributions
class Source:
    """Someone who can say things: a person, an organisation, a publication, an official.

    Args:
        name: how the source is named in the text ("Jeremy Scahill", "The New York Times").
        kind: one of :data:`SOURCE_KINDS`.
        affiliation: the organisation or outlet the source speaks for or writes in.
        url: where to read more about the source.
        id: a stable id; derived from the name when not given.
    """

    name: str
    kind: SourceKind = "person"
    affiliation: str | None = None
    url: str | None = None
    id: str = attrs.field(default=attrs.Factory(_source_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_text(self, "name", self.name)
        _check_choice(self, "kind", self.kind, SOURCE_KINDS)
        _check_optional_text(self, "affiliation", self.affiliation)
        _check_optional_text(self, "url", self.url)
        _check_identifier(self, "id", self.id)

    def __str__(self) -> str:
        return _named(self)


@attrs.frozen(init=False)
class Attribution:
    """Who said a thing, and how it reached the author.

    Args:
        source: who said it.
        via: the sources it passed through on its way to the author, nearest
            the speaker first: "a Pakistani official tells Dawn" is
            ``Attribution(official, via=(dawn,))``.
        medium: one of :data:`MEDIA` (article, tweet, interview, ...).
        quote: the exact words, where the author quotes them.
        date: when it was said, as an ISO date (``2011-04-11``, ``2011-04`` or ``2011``).
        url: where it was said.
    """

    source: Source
    via: tuple[Source, ...] = ()
    medium: Medium | None = None
    quote: str | None = None
    date: str | None = None
    url: str | None = None

    def __init__(
        self,
        source: Source,
        via: Source | Iterable[Source] = (),
        medium: Medium | None = None,
        quote: str | None = None,
        date: str | None = None,
        url: str | None = None,
    ) -> None:
        if via.__class__ is not tuple:
            via = _one_or_many(via, Source)
        if not isinstance(source, Source):
            raise _fail(self, "source", "must be a Source", source)
        for item in via:
            if not isinstance(item, Source):
                raise _fail(self, "via", "must hold Source values", via)
        if medium is not None:
            _check_choice(self, "medium", medium, MEDIA)
        if quote is not None:
            _check_text(self, "quote", quote)
        if date is not None:
            _check_date(self, "date", date)
        if url is not None:
            _check_text(self, "url", url)
        put = _setter(self)
        put("source", source)
        put("via", via)
        put("medium", medium)
        put("quote", quote)
        put("date", date)
        put("url", url)

    @property
    def sources(self) -> tuple[Source, ...]:
        """Return the speaker followed by every source in the *via* chain."""
        return (self.source, *self.via)

    def line(self, separator: str = " · ") -> str:
        """Return who said it in one line, as every rendering writes it: each step of the chain its own "via".

        A source's affiliation is in brackets, so a comma never both names an
        affiliation and separates two sources; *separator* sets the medium
        and date apart (the ASCII outline uses ``"; "``).

        >>> economist = Source("An economist", affiliation="University of Riverton")
        >>> chain = (Source("Riverton Community Radio"), Source("The Riverton Gazette"))
        >>> Attribution(economist, via=chain, medium="broadcast").line()
        'An economist (University of Riverton), via Riverton Community Radio, via The Riverton Gazette · broadcast'
        """
        text = ", via ".join(_named(source) for source in self.sources)
        for part in (self.medium, self.date):
            if part:
                text += separator + part
        return text

    def __str__(self) -> str:
        return self.line()


def _named(source: Source) -> str:
    return f"{source.name} ({source.affiliation})" if source.affiliation else source.name


@attrs.frozen(init=False)
class Claim:
    """Something asserted: a statement that can be supported, rebutted, undercut or met with a skeptical response.

    Args:
        text: the statement, in a form that stands on its own.
        attribution: who said it and how it reached the author; where several
            parties said it ("officials and analysts said"), the first of them.
        further_attributions: the other parties who said it, each with how it
            reached the author (empty unless there is an *attribution*).
        qualifier: a hedge that travels with the claim ("may",
            "U.S. officials have not confirmed the report").
        tags: free labels for grouping and filtering.
        note: a remark by the mapper, not part of the argument.
        document: for merged maps, the id of the document the claim came from.
        section: the part of the map it belongs to (an Argdown heading), drawn
            as a frame with ``group_by="section"``; a section within a section
            is written with ``" > "`` between their titles (``"Costs > Shops"``).
        data: anything else a format says about the claim, kept as it was
            written (Argdown's ``{credence: 0.7}``): names to JSON values.
        id: a stable id; derived readably from the text when not given.
    """

    text: str
    attribution: Attribution | None = attrs.field(default=None, kw_only=True)
    further_attributions: tuple[Attribution, ...] = attrs.field(default=(), kw_only=True)
    qualifier: str | None = attrs.field(default=None, kw_only=True)
    tags: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)
    document: str | None = attrs.field(default=None, kw_only=True)
    section: str | None = attrs.field(default=None, kw_only=True)
    data: dict[str, Any] = attrs.field(factory=dict, kw_only=True, hash=False)
    id: str = attrs.field(kw_only=True)

    def __init__(
        self,
        text: str,
        *,
        attribution: Attribution | None = None,
        further_attributions: Attribution | Iterable[Attribution] = (),
        qualifier: str | None = None,
        tags: str | Iterable[str] = (),
        note: str | None = None,
        document: str | None = None,
        section: str | None = None,
        data: dict[str, Any] = _NEW,
        id: str = _DERIVED,
    ) -> None:
        if further_attributions.__class__ is not tuple:
            further_attributions = _one_or_many(further_attributions, Attribution)
        if tags.__class__ is not tuple:
            tags = _to_tuple(tags)
        if data is _NEW:
            data = {}
        put = _setter(self)
        put("text", text)  # set before the checks: a failed check names the claim by them
        put("attribution", attribution)
        put("further_attributions", further_attributions)
        put("qualifier", qualifier)
        put("tags", tags)
        put("note", note)
        put("document", document)
        put("section", section)
        put("data", data)
        _check_text(self, "text", text)
        if id is _DERIVED:
            id = readable_id(text)
        put("id", id)
        if attribution is not None and not isinstance(attribution, Attribution):
            raise _fail(self, "attribution", "must be an Attribution or None", attribution)
        if further_attributions:
            _check_further(self)
        if qualifier is not None:
            _check_text(self, "qualifier", qualifier)
        if tags:
            _check_tags(self, tags)
        if note is not None:
            _check_text(self, "note", note)
        if document is not None:
            _check_identifier(self, "document", document)
        if section is not None:
            _check_text(self, "section", section)
        if data.__class__ is not dict or data:  # a falsy non-dict (False, []) is no data either
            _check_data(self, data)
        _check_identifier(self, "id", id)

    @property
    def source(self) -> Source | None:
        """Return who made the claim (the first, where several did), or ``None`` when it is unattributed."""
        return None if self.attribution is None else self.attribution.source

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        """Return every attribution of the claim: the first, then the further ones; empty when unattributed."""
        if self.attribution is None:
            return ()
        return (self.attribution, *self.further_attributions)


@attrs.frozen(init=False)
class Support:
    """An inference from one or more premises to a conclusion.

    Several premises form one *linked* argument: they support the conclusion
    together, not each on its own. Independent reasons are separate supports.

    Args:
        premises: ids of the premise claims (one or more; a single id is accepted).
        conclusion: id of the claim supported.
        label: what kind of support it is ("proximate cause", a scheme name).
        text: what the argument says in a sentence (an Argdown argument's description).
        tags: free labels, as a claim has them.
        data: anything else a format says about the argument, as :attr:`Claim.data`.
        id: a stable id; derived from the premises and conclusion when not given.
    """

    premises: tuple[str, ...]
    conclusion: str
    label: str | None = attrs.field(default=None, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)
    tags: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    data: dict[str, Any] = attrs.field(factory=dict, kw_only=True, hash=False)
    id: str = attrs.field(kw_only=True)

    def __init__(
        self,
        premises: str | Iterable[str],
        conclusion: str,
        *,
        label: str | None = None,
        text: str | None = None,
        tags: str | Iterable[str] = (),
        data: dict[str, Any] = _NEW,
        id: str = _DERIVED,
    ) -> None:
        if premises.__class__ is not tuple:
            premises = _to_tuple(premises)
        if tags.__class__ is not tuple:
            tags = _to_tuple(tags)
        if data is _NEW:
            data = {}
        if not premises:
            raise _fail(self, "premises", "must name at least one claim", premises)
        for premise in premises:
            _check_identifier(self, "premises", premise)
        if len(premises) > 1 and len(set(premises)) != len(premises):
            raise _fail(self, "premises", "must not name a claim twice", premises)
        _check_identifier(self, "conclusion", conclusion)
        if label is not None:
            _check_text(self, "label", label)
        if text is not None:
            _check_text(self, "text", text)
        if tags:
            _check_tags(self, tags)
        if data.__class__ is not dict or data:  # a falsy non-dict (False, []) is no data either
            _check_data(self, data)
        if id is _DERIVED:
            id = _relation_id("support", "+".join(premises), conclusion)
        _check_identifier(self, "id", id)
        put = _setter(self)
        put("premises", premises)
        put("conclusion", conclusion)
        put("label", label)
        put("text", text)
        put("tags", tags)
        put("data", data)
        put("id", id)


@attrs.frozen(init=False)
class Rebuttal:
    """A claim against a claim: the attacker asserts that the target is false.

    Args:
        attacker: id of the rebutting claim.
        target: id of the claim rebutted.
        label: what kind of rebuttal it is (a scheme name, "counter-example").
        id: a stable id; derived from the attacker and target when not given.
    """

    attacker: str
    target: str
    label: str | None = attrs.field(default=None, kw_only=True)
    id: str = attrs.field(kw_only=True)

    def __init__(self, attacker: str, target: str, *, label: str | None = None, id: str = _DERIVED) -> None:
        _attack(self, attacker, target, label, _relation_id("rebuttal", attacker, target) if id is _DERIVED else id)


@attrs.frozen(init=False)
class Undercut:
    """A claim against an inference: the premises may hold, yet not support the conclusion.

    Args:
        attacker: id of the undercutting claim.
        target: id of the support attacked (an attack on another relation is
            representable, and reported by :func:`argmap.check`).
        label: what kind of undercut it is.
        id: a stable id; derived from the attacker and target when not given.
    """

    attacker: str
    target: str
    label: str | None = attrs.field(default=None, kw_only=True)
    id: str = attrs.field(kw_only=True)

    def __init__(self, attacker: str, target: str, *, label: str | None = None, id: str = _DERIVED) -> None:
        _attack(self, attacker, target, label, _relation_id("undercut", attacker, target) if id is _DERIVED else id)


def _attack(attack: Rebuttal | Undercut, attacker: str, target: str, label: str | None, id: str) -> None:
    """Check and set the fields of a rebuttal or an undercut: they have the same ones, and the same rules."""
    _check_identifier(attack, "attacker", attacker)
    _check_identifier(attack, "target", target)
    if label is not None:
        _check_text(attack, "label", label)
    _check_identifier(attack, "id", id)
    put = _setter(attack)
    put("attacker", attacker)
    put("target", target)
    put("label", label)
    put("id", id)


@attrs.frozen(init=False)
class SkepticalResponse:
    """A named party's skeptical response to a claim or a support: it contests it without asserting its contrary.

    Jeremy Scahill's sarcastic tweet does not claim that the C.I.A. presence
    will grow; it mocks the claim that Pakistan's demands will shrink it. That
    is what sets a skeptical response apart from a :class:`Rebuttal`. Its
    stance says how: with doubt, sarcasm, dismissal, a question or a reservation.

    Args:
        response: id of the claim that voices the response (its attribution names the party).
        target: id of the claim or support responded to.
        stance: one of :data:`STANCES` (doubt, sarcasm, dismissal, ...).
        id: a stable id; derived from the response and target when not given.
    """

    response: str
    target: str
    stance: Stance = attrs.field(default="doubt", kw_only=True)
    id: str = attrs.field(kw_only=True)

    def __init__(self, response: str, target: str, *, stance: Stance = "doubt", id: str = _DERIVED) -> None:
        _check_identifier(self, "response", response)
        _check_identifier(self, "target", target)
        _check_choice(self, "stance", stance, STANCES)
        if id is _DERIVED:
            id = _relation_id("skeptical-response", response, target)
        _check_identifier(self, "id", id)
        put = _setter(self)
        put("response", response)
        put("target", target)
        put("stance", stance)
        put("id", id)


@attrs.frozen
class Document:
    """A document a merged map was built from: an article, a post, a transcript.

    Args:
        id: how claims refer to it (:attr:`Claim.document`).
        title, author, publication, date, url: what identifies the document.
    """

    id: str
    title: str | None = None
    author: str | None = None
    publication: str | None = None
    date: str | None = None
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_identifier(self, "id", self.id)
        for field in ("title", "author", "publication", "url"):
            _check_optional_text(self, field, getattr(self, field))
        _check_date(self, "date", self.date)


Relation: TypeAlias = Support | Rebuttal | Undercut | SkepticalResponse
"""Every kind of relation a map holds."""

Element: TypeAlias = Claim | Relation
"""Whatever can be the target of a relation."""


def endpoints(relation: Relation) -> tuple[tuple[str, ...], str]:
    """Return the ids a relation comes from and the id it points at.

    For a support these are its premises and its conclusion; for a rebuttal
    or undercut the attacker and target; for a skeptical response the
    responding claim and its target.

    >>> endpoints(Support(["a", "b"], "c"))
    (('a', 'b'), 'c')
    """
    if isinstance(relation, Support):
        return relation.premises, relation.conclusion
    if isinstance(relation, SkepticalResponse):
        return (relation.response,), relation.target
    return (relation.attacker,), relation.target


def default_id(relation: Relation) -> str:
    """Return the id *relation* gets when none is given: its kind and its ends.

    >>> default_id(Rebuttal("drones-fly-on", "all-talk"))
    'rebuttal:drones-fly-on>all-talk'
    """
    if isinstance(relation, Support):
        return _relation_id("support", "+".join(relation.premises), relation.conclusion)
    if isinstance(relation, Rebuttal):
        return _relation_id("rebuttal", relation.attacker, relation.target)
    if isinstance(relation, Undercut):
        return _relation_id("undercut", relation.attacker, relation.target)
    return _relation_id("skeptical-response", relation.response, relation.target)
