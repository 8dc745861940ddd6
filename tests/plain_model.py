"""The model's element classes as first written, with attrs converters and an __attrs_post_init__ each.

argmap.model now gives each element class an __init__ of its own that
converts, checks and sets every field in one function. These are the same
classes written the plain attrs way, with the same rules (the model's own
check functions), kept so that a property test can show both accept and
refuse exactly the same values.
"""

# ruff: noqa: D101

from __future__ import annotations

from typing import Any

import attrs

from argmap.model import (
    MEDIA,
    STANCES,
    Medium,
    Source,
    Stance,
    _check_choice,
    _check_data,
    _check_date,
    _check_identifier,
    _check_optional_text,
    _check_tags,
    _check_text,
    _fail,
    _to_tuple,
    readable_id,
)
from argmap.model import Attribution as Attribution_  # the further attributions a claim holds are the model's

__all__ = ["Attribution", "Claim", "Rebuttal", "SkepticalResponse", "Support", "Undercut"]


def _to_sources(value: Any) -> tuple[Any, ...]:
    if value.__class__ is tuple:
        return value
    if isinstance(value, Source):
        return (value,)
    return tuple(value)


def _to_attributions(value: Any) -> tuple[Any, ...]:
    if value.__class__ is tuple:
        return value
    if isinstance(value, Attribution_):
        return (value,)
    return tuple(value)


def _check_further(claim: Claim) -> None:
    further = claim.further_attributions
    if claim.attribution is None:
        raise _fail(claim, "further_attributions", "needs an attribution first", further)
    for item in further:
        if not isinstance(item, Attribution_):
            raise _fail(claim, "further_attributions", "must hold Attribution values", further)
    if len({*further, claim.attribution}) != len(further) + 1:
        raise _fail(claim, "further_attributions", "must not repeat an attribution", further)


def _claim_id(claim: Claim) -> str:
    return readable_id(claim.text)


def _support_id(support: Support) -> str:
    return f"support:{'+'.join(support.premises)}>{support.conclusion}"


def _rebuttal_id(rebuttal: Rebuttal) -> str:
    return f"rebuttal:{rebuttal.attacker}>{rebuttal.target}"


def _undercut_id(undercut: Undercut) -> str:
    return f"undercut:{undercut.attacker}>{undercut.target}"


def _response_id(response: SkepticalResponse) -> str:
    return f"skeptical-response:{response.response}>{response.target}"


@attrs.frozen
class Attribution:
    source: Source
    via: tuple[Source, ...] = attrs.field(default=(), converter=_to_sources)
    medium: Medium | None = None
    quote: str | None = None
    date: str | None = None
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.source, Source):
            raise _fail(self, "source", "must be a Source", self.source)
        for item in self.via:
            if not isinstance(item, Source):
                raise _fail(self, "via", "must hold Source values", self.via)
        if self.medium is not None:
            _check_choice(self, "medium", self.medium, MEDIA)
        _check_optional_text(self, "quote", self.quote)
        _check_date(self, "date", self.date)
        _check_optional_text(self, "url", self.url)


@attrs.frozen
class Claim:
    text: str
    attribution: Attribution | None = attrs.field(default=None, kw_only=True)
    further_attributions: tuple[Attribution, ...] = attrs.field(default=(), converter=_to_attributions, kw_only=True)
    qualifier: str | None = attrs.field(default=None, kw_only=True)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)
    document: str | None = attrs.field(default=None, kw_only=True)
    section: str | None = attrs.field(default=None, kw_only=True)
    data: dict[str, Any] = attrs.field(factory=dict, kw_only=True, hash=False)
    id: str = attrs.field(default=attrs.Factory(_claim_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_text(self, "text", self.text)
        if self.attribution is not None and not isinstance(self.attribution, Attribution_):
            raise _fail(self, "attribution", "must be an Attribution or None", self.attribution)
        if self.further_attributions:
            _check_further(self)
        _check_optional_text(self, "qualifier", self.qualifier)
        if self.tags:
            _check_tags(self, self.tags)
        _check_optional_text(self, "note", self.note)
        if self.document is not None:
            _check_identifier(self, "document", self.document)
        _check_optional_text(self, "section", self.section)
        if self.data.__class__ is not dict or self.data:  # a falsy non-dict (False, []) is no data either
            _check_data(self, self.data)
        _check_identifier(self, "id", self.id)


@attrs.frozen
class Support:
    premises: tuple[str, ...] = attrs.field(converter=_to_tuple)
    conclusion: str
    label: str | None = attrs.field(default=None, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, kw_only=True)
    data: dict[str, Any] = attrs.field(factory=dict, kw_only=True, hash=False)
    id: str = attrs.field(default=attrs.Factory(_support_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        premises = self.premises
        if not premises:
            raise _fail(self, "premises", "must name at least one claim", premises)
        for premise in premises:
            _check_identifier(self, "premises", premise)
        if len(premises) > 1 and len(set(premises)) != len(premises):
            raise _fail(self, "premises", "must not name a claim twice", premises)
        _check_identifier(self, "conclusion", self.conclusion)
        _check_optional_text(self, "label", self.label)
        if self.text is not None:
            _check_text(self, "text", self.text)
        if self.tags:
            _check_tags(self, self.tags)
        if self.data.__class__ is not dict or self.data:  # a falsy non-dict (False, []) is no data either
            _check_data(self, self.data)
        _check_identifier(self, "id", self.id)


@attrs.frozen
class Rebuttal:
    attacker: str
    target: str
    label: str | None = attrs.field(default=None, kw_only=True)
    id: str = attrs.field(default=attrs.Factory(_rebuttal_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_attack(self)


@attrs.frozen
class Undercut:
    attacker: str
    target: str
    label: str | None = attrs.field(default=None, kw_only=True)
    id: str = attrs.field(default=attrs.Factory(_undercut_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_attack(self)


def _check_attack(attack: Rebuttal | Undercut) -> None:
    _check_identifier(attack, "attacker", attack.attacker)
    _check_identifier(attack, "target", attack.target)
    _check_optional_text(attack, "label", attack.label)
    _check_identifier(attack, "id", attack.id)


@attrs.frozen
class SkepticalResponse:
    response: str
    target: str
    stance: Stance = attrs.field(default="doubt", kw_only=True)
    id: str = attrs.field(default=attrs.Factory(_response_id, takes_self=True), kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_identifier(self, "response", self.response)
        _check_identifier(self, "target", self.target)
        _check_choice(self, "stance", self.stance, STANCES)
        _check_identifier(self, "id", self.id)
