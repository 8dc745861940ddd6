"""Editing a map: remove, replace, rename and same leave the map a builder would have made in one go."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    Attribution,
    Claim,
    DuplicateIdError,
    ElementInUseError,
    InvalidElementError,
    Source,
    Support,
    UnknownClaimError,
    UnknownElementError,
    check,
    merge,
)
from argmap.formats import native
from tests.strategies import maps

NYT = Source("The New York Times", kind="publication")
FT = Source("Financial Times", kind="publication")
DAYEN = Source("David Dayen")


@pytest.fixture
def amap() -> ArgumentMap:
    """A corner of Dayen's post: a linked support, a rebuttal, an undercut of and a skeptical response to it."""
    m = ArgumentMap(title="The Shamsi drone base")
    talk = m.claim("The Pakistanis are all talk.", by=DAYEN, id="all-talk")
    strikes = m.claim("Drone strikes are still occurring.", by=NYT, id="strikes")
    cooperation = m.claim("The strikes continue with Pakistani cooperation.", id="cooperation")
    linked = m.support([strikes, cooperation], talk, id="evidence")
    m.rebut("The talk could be for U.S. domestic consumption.", talk, by=DAYEN)
    m.undercut("Cooperation may say little about intent.", linked)
    m.skeptical_response("Is that cooperation or acquiescence?", linked, stance="question")
    return m


def test_removing_a_claim_others_depend_on_is_refused_and_changes_nothing(amap: ArgumentMap) -> None:
    """The error names what depends on the claim and says how to go on."""
    before = amap.copy()
    with pytest.raises(ElementInUseError, match=r"cannot remove claim 'strikes': support 'evidence'.*cascade=True"):
        amap.remove("strikes")
    assert amap == before


def test_cascade_removes_dependents_and_their_dependents(amap: ArgumentMap) -> None:
    """Removing a premise takes its support, the undercut of and skeptical response to that support, no other claim."""
    removed = amap.remove("strikes", cascade=True)
    assert [element.id for element in removed] == [
        "strikes",
        "evidence",
        "undercut:cooperation-may-say-little-about-intent>evidence",
        "skeptical-response:is-that-cooperation-or-acquiescence>evidence",
    ]
    assert "strikes" not in amap
    assert [relation.id for relation in amap.relations] == ["rebuttal:talk-could-be-for-us-domestic>all-talk"]
    assert "cooperation" in amap  # claims that lose their relations stay, for check() to report
    assert "orphan-claim" in {problem.code for problem in check(amap)}


def test_remove_takes_relations_sources_documents_and_texts(amap: ArgumentMap) -> None:
    """A relation with no dependents goes on its own; a source or a document takes its claims with cascade."""
    (rebuttal,) = amap.rebuttals
    assert amap.remove(rebuttal) == (rebuttal,)
    with pytest.raises(ElementInUseError, match="source 'new-york-times': claim 'strikes', support 'evidence'"):
        amap.remove(NYT)
    amap.remove(NYT, cascade=True)
    assert NYT not in amap.sources
    assert "strikes" not in amap
    amap.remove("Is that cooperation or acquiescence?")  # by exact text; its skeptical response went with the support
    unknown = Source("Nobody")
    with pytest.raises(UnknownElementError):
        amap.remove(unknown)
    with pytest.raises(UnknownClaimError):
        amap.remove("No such claim, anywhere.")


def test_removing_a_source_leaves_a_claim_with_the_same_id() -> None:
    """Sources have ids of their own: removing source 'dawn' keeps claim 'dawn'."""
    m = ArgumentMap()
    dawn = Source("Dawn", kind="publication")
    m.add(dawn)
    m.claim("Dawn reports that the U.S. was not informed.", id="dawn")
    assert m.remove(dawn) == (dawn,)
    assert "dawn" in m
    assert m.sources == ()


def test_a_removed_claim_is_no_longer_found_by_its_text() -> None:
    """Removing the first of two claims with one text leaves the text naming the second."""
    m = ArgumentMap()
    first = m.claim("Drone strikes continue.")
    second = m.claim("Drone strikes continue.")
    m.remove(first)
    assert m.claim_for("Drone strikes continue.") == second
    assert first not in m


def test_replace_keeps_id_place_and_relations(amap: ArgumentMap) -> None:
    """New text and a new speaker; the support and its undercut still hold, the old object still names it."""
    old = amap.claim_for("strikes")
    new = amap.replace(old, text="CIA drone strikes from Pakistan are still occurring.", by=FT)
    assert (new.id, new.text, new.source) == ("strikes", "CIA drone strikes from Pakistan are still occurring.", FT)
    assert [claim.id for claim in amap.claims][:3] == ["all-talk", "strikes", "cooperation"]
    assert amap.supporters("all-talk")[0].premises == ("strikes", "cooperation")
    assert amap.claim_for(old) == new
    assert amap.sources[-1] == FT
    amap.support(old, "cooperation")  # the object the user still holds names the claim
    assert amap.supports[-1].premises == ("strikes",)


def test_replace_changes_only_the_fields_given() -> None:
    """quote= alone corrects the quote and keeps the speaker; by=None removes the attribution; tags=() clears."""
    m = ArgumentMap()
    claim = m.claim("Kayani asked the C.I.A. to leave.", by=NYT, medium="report", quote="leave", tags="news")
    fixed = m.replace(claim, quote="to leave the country")
    assert fixed.attribution is not None
    assert (fixed.source, fixed.attribution.medium, fixed.attribution.quote) == (NYT, "report", "to leave the country")
    assert m.replace(claim, by=None, tags=()).attribution is None
    assert m.claims[0].tags == ()
    with pytest.raises(InvalidElementError, match="by=None removes it"):
        m.replace(claim, by=None, medium="tweet")
    with pytest.raises(InvalidElementError, match="give the speaker"):
        m.replace(claim, medium="tweet")
    with pytest.raises(InvalidElementError, match="non-empty"):
        m.replace(claim, text="  ")


def test_a_replacement_that_would_break_the_map_changes_nothing(amap: ArgumentMap) -> None:
    """A speaker whose id belongs to a different source is refused as building refuses it."""
    before = amap.copy()
    with pytest.raises(DuplicateIdError, match="different source"):
        amap.replace("strikes", by=Source("The New York Times", kind="person"))
    assert amap == before


def test_rename_moves_relations_and_their_derived_ids(amap: ArgumentMap) -> None:
    """Relations follow a renamed claim; ids derived from their ends are derived again; given ids stay."""
    amap.rename("all-talk", "talk")
    assert amap.supporters("talk")[0].id == "evidence"
    (rebuttal,) = amap.rebuttals
    assert rebuttal.id == "rebuttal:talk-could-be-for-us-domestic>talk"
    amap.rename("evidence", "strikes-show-talk")
    assert [relation.target for relation in amap.relations[2:]] == ["strikes-show-talk", "strikes-show-talk"]  # type: ignore[union-attr]
    assert amap.relations[2].id == "undercut:cooperation-may-say-little-about-intent>strikes-show-talk"
    with pytest.raises(DuplicateIdError, match="claim 'strikes' has it"):
        amap.rename("talk", "strikes")


def test_rename_refuses_a_derived_id_that_is_taken() -> None:
    """A relation whose derived id would become another relation's id is refused, and nothing changes."""
    m = ArgumentMap()
    m.claim("Strikes are cooperative.", id="cooperative")
    m.support("cooperative", m.claim("They are all talk.", id="talk"), id="support:strikes>talk")
    m.support(m.claim("Drone strikes continue.", id="continue"), "talk")
    before = m.copy()
    with pytest.raises(DuplicateIdError, match="would become support 'support:strikes>talk'"):
        m.rename("continue", "strikes")
    assert m == before


def test_same_keeps_every_relation_and_fills_in_the_attribution() -> None:
    """Two claims declared one keep both sets of relations; the unattributed one takes the other's speaker."""
    m = ArgumentMap()
    strikes = m.claim("Drone strikes continue.", id="strikes")
    talk = m.claim("The Pakistanis are all talk.", by=DAYEN, id="talk")
    m.support(strikes, talk)
    reported = m.claim("CIA drone strikes are still occurring.", by=NYT, tags="news", id="reported")
    m.support(reported, talk)
    m.support(reported, "Pakistan cooperates.")
    kept = m.same(strikes, reported)
    assert (kept.id, kept.text, kept.source, kept.tags) == ("strikes", "Drone strikes continue.", NYT, ("news",))
    assert [relation.id for relation in m.relations] == ["support:strikes>talk", "support:strikes>pakistan-cooperates"]
    assert m.claim_for(reported) == kept
    assert "reported" not in m


def test_same_keeps_both_speakers_of_one_claim() -> None:
    """Two claims by different speakers become one claim said by both: "officials and analysts said"."""
    m = ArgumentMap()
    first = m.claim("Drone strikes continue.", by=NYT)
    second = m.claim("Drone strikes go on.", by=FT, medium="article")
    kept = m.same(first, second)
    assert (kept.source, [a.source for a in kept.attributions]) == (NYT, [NYT, FT])
    assert kept.further_attributions[0].medium == "article"
    assert m.claims_by(FT) == (kept,)
    assert native.loads(native.dumps(m)) == m


def test_same_still_refuses_two_qualifiers() -> None:
    """Two different qualifiers cannot be one claim's: the error says how to make them agree."""
    m = ArgumentMap()
    first = m.claim("Drone strikes continue.", qualifier="may")
    second = m.claim("Drone strikes go on.", qualifier="reportedly")
    with pytest.raises(
        InvalidElementError, match=r"qualifiers differ .*replace\('drone-strikes-go-on', qualifier=...\)"
    ):
        m.same(first, second)
    m.replace(second, qualifier="may")
    assert m.same(first, second).qualifier == "may"


@given(maps(), st.data())
def test_same_keeps_every_attribution_of_both_claims(amap: ArgumentMap, data: st.DataObject) -> None:
    """After same(a, b) the claim left holds every attribution either had, a's first, none twice."""
    claims = amap.claims
    if len(claims) < 2:
        return
    a, b = data.draw(st.lists(st.sampled_from(claims), min_size=2, max_size=2, unique=True))
    if a.qualifier != b.qualifier and None not in (a.qualifier, b.qualifier):
        return  # refused: a claim holds one qualifier
    if a.note != b.note and None not in (a.note, b.note):
        return
    expected = list(dict.fromkeys(a.attributions + b.attributions))
    kept = amap.same(a, b)
    assert list(kept.attributions) == expected
    assert native.loads(native.dumps(amap)) == amap


def test_same_gives_a_fresh_id_to_a_relation_that_differs_only_in_label() -> None:
    """Two supports of one conclusion with different labels both stay when their premises become one."""
    m = ArgumentMap()
    m.support("Drone strikes continue.", "They are all talk.", label="evidence")
    m.support("Strikes go on.", "They are all talk.", label="report")
    m.same("Drone strikes continue.", "Strikes go on.")
    assert [(r.id, r.label) for r in m.supports] == [
        ("support:drone-strikes-continue>they-are-all-talk", "evidence"),
        ("support:drone-strikes-continue>they-are-all-talk-2", "report"),
    ]


def test_same_makes_a_linked_premise_count_once() -> None:
    """A linked support whose two premises become one claim names it once, and equals the simple support."""
    m = ArgumentMap()
    m.support(["A strike hit.", "A drone struck."], "Strikes continue.")
    m.same("A strike hit.", "A drone struck.")
    (support,) = m.supports
    assert support.premises == ("strike-hit",)
    assert support.id == "support:strike-hit>strikes-continue"


def test_merge_can_declare_claims_of_two_articles_one() -> None:
    """merge(..., same=[(a, b)]) keeps the first, with the relations of both articles."""
    wire = ArgumentMap(title="Pakistan asks the CIA to leave")
    kayani = wire.claim("Kayani has called for an end to drone strikes.", by=NYT, id="end-drone-strikes")
    wire.support(kayani, "Pakistan wants fewer drone strikes.")
    dayen = ArgumentMap(title="The Shamsi drone base")
    mukhtar = dayen.claim("Pakistan asked for an end to the drone strikes.", id="end-drone-strikes")
    dayen.support(mukhtar, "The Pakistanis are all talk.")
    both = merge(wire, dayen, same=[(kayani, mukhtar)])
    assert [claim.id for claim in both.claims] == [
        "end-drone-strikes",
        "pakistan-wants-fewer-drone-strikes",
        "pakistanis-are-all-talk",
    ]
    assert [support.premises for support in both.supports] == [("end-drone-strikes",), ("end-drone-strikes",)]
    assert both.claim_for(mukhtar).source == NYT


# --------------------------------------------------- building and editing, interleaved

_IDS = ["a", "b", "c", "d"]
_SOURCES = [NYT, FT]


class _Model:
    """What the map should hold, kept as plain data: claims by id, relations by the claims they join.

    A relation names claims by id and the support it targets by its place in
    the list, so its id is what the builder derives when the final map is
    built directly, unless the relation was given one.
    """

    def __init__(self) -> None:
        self.claims: dict[str, tuple[str, tuple[Source, ...]]] = {}  # text, who said it (the first is `by`)
        self.relations: list[dict[str, Any]] = []

    def users(self, id: str) -> list[int]:
        return [n for n, r in enumerate(self.relations) if id in r["ends"]]

    def dependents(self, numbers: list[int]) -> list[int]:
        found = set(numbers)
        for n, relation in enumerate(self.relations):
            if relation.get("on") in found:
                found.add(n)
        return sorted(found)

    def drop(self, numbers: list[int]) -> None:
        keep = [n for n in range(len(self.relations)) if n not in numbers]
        places = {old: new for new, old in enumerate(keep)}
        relations = [self.relations[n] for n in keep]
        for relation in relations:
            if "on" in relation:
                relation["on"] = places[relation["on"]]
        self.relations = relations

    def build(self) -> ArgumentMap:
        m = ArgumentMap()
        for source in _SOURCES:
            m.add(source)
        for id, (text, speakers) in self.claims.items():
            further = [Attribution(speaker) for speaker in speakers[1:]]
            m.claim(text, by=speakers[0] if speakers else None, further_attributions=further, id=id)
        made: list[Any] = []
        for relation in self.relations:
            options = {"id": relation["id"]} if relation["id"] else {}
            kind, ends = relation["kind"], relation["ends"]
            if kind == "support":
                made.append(m.support(list(ends[:-1]), ends[-1], **options))
            elif kind == "rebut":
                made.append(m.rebut(ends[0], ends[1], **options))
            else:
                made.append(m.undercut(ends[0], made[relation["on"]], **options))
        return m


def _key(relation: dict[str, Any]) -> tuple[Any, ...]:
    return (relation["kind"], relation["ends"], relation.get("on"), relation["id"])


def _apply(m: ArgumentMap, model: _Model, step: tuple[Any, ...]) -> None:
    """Make one builder or editing call on the map, and the same change to the model."""
    kind, *args = step
    if kind == "claim":
        id, text, source = args
        if id in model.claims:
            with pytest.raises(DuplicateIdError):
                m.claim(text, id=id, by=source)
            return
        m.claim(text, id=id, by=source)
        model.claims[id] = (text, (source,) if source else ())
        return
    present = [id for id in args[0] if id in model.claims] if kind in ("support", "rebut", "undercut") else []
    if kind in ("support", "rebut", "undercut"):
        _, explicit, pick = args
        ends: tuple[str, ...] = tuple(dict.fromkeys(present))
        if len(ends) < (1 if kind == "undercut" else 2):
            return
        relation: dict[str, Any] = {"kind": kind, "ends": ends if kind == "support" else ends[:2], "id": explicit}
        if kind == "undercut":
            supports = [n for n, r in enumerate(model.relations) if r["kind"] == "support"]
            if not supports:
                return
            relation["on"] = supports[pick % len(supports)]
            relation["ends"] = ends[:1]
        if explicit and any(r["id"] == explicit for r in model.relations):
            return
        if any(_key(r) == _key(relation) for r in model.relations):
            return
        built = model.build()  # the builder refuses what would duplicate an id; ask it with a scratch map
        try:
            _call(built, relation, model)
        except DuplicateIdError:
            return
        _call(m, relation, model)
        model.relations.append(relation)
        return
    target = args[0]
    if target not in model.claims:
        return
    if kind == "remove":
        cascade = args[1]
        users = model.users(target)
        if users and not cascade:
            with pytest.raises(ElementInUseError):
                m.remove(target)
            return
        m.remove(target, cascade=cascade)
        event("remove with cascade" if users else "remove")
        model.drop(model.dependents(users))
        del model.claims[target]
    elif kind == "replace":
        text = args[1]
        m.replace(target, text=text)
        model.claims[target] = (text, model.claims[target][1])
    elif kind == "rename":
        new_id = args[1]
        if new_id == target:
            assert m.rename(target, new_id) == m[target]
            return
        if new_id in model.claims:
            with pytest.raises(DuplicateIdError):
                m.rename(target, new_id)
            return
        trial = _renamed(model, target, new_id)
        try:
            trial.build()
        except DuplicateIdError:
            with pytest.raises(DuplicateIdError):
                m.rename(target, new_id)
            return
        m.rename(target, new_id)
        event("rename moving relations" if model.users(target) else "rename")
        model.claims, model.relations = trial.claims, trial.relations
    elif kind == "same":
        other = args[1]
        if other not in model.claims or other == target:
            return
        m.same(target, other)  # who said either said the one claim
        before = len(model.relations)
        _same(model, target, other)
        event("same, relations merged" if len(model.relations) < before else "same")


def _call(m: ArgumentMap, relation: dict[str, Any], model: _Model) -> None:
    options = {"id": relation["id"]} if relation["id"] else {}
    ends = relation["ends"]
    if relation["kind"] == "support":
        m.support(list(ends[:-1]), ends[-1], **options)
    elif relation["kind"] == "rebut":
        m.rebut(ends[0], ends[1], **options)
    else:
        support = model.build().relations[relation["on"]]
        m.undercut(ends[0], support.id, **options)


def _renamed(model: _Model, old: str, new: str) -> _Model:
    trial = _Model()
    trial.claims = {(new if id == old else id): value for id, value in model.claims.items()}
    trial.relations = [
        relation | {"ends": tuple(new if id == old else id for id in relation["ends"])} for relation in model.relations
    ]
    return trial


def _same(model: _Model, keep: str, gone: str) -> None:
    text, speakers = model.claims[keep]
    model.claims[keep] = (text, tuple(dict.fromkeys(speakers + model.claims[gone][1])))
    del model.claims[gone]
    merged: dict[int, int] = {}
    relations: list[dict[str, Any]] = []
    for n, relation in enumerate(model.relations):
        ends = tuple(keep if id == gone else id for id in relation["ends"])
        if relation["kind"] == "support":  # a premise named twice counts once
            ends = (*dict.fromkeys(ends[:-1]), ends[-1])
        new = relation | {"ends": ends}
        if "on" in new:
            new["on"] = merged[new["on"]]
        twin = next((m for m, r in enumerate(relations) if _key(r) == _key(new)), None)
        if twin is not None and not new["id"]:
            merged[n] = twin
            continue
        merged[n] = len(relations)
        relations.append(new)
    model.relations = relations


_claim_steps_parts = (st.sampled_from(["Drone strikes continue.", "All talk."]), st.sampled_from([None, *_SOURCES]))
_claim_steps = st.tuples(st.just("claim"), st.sampled_from(_IDS), *_claim_steps_parts)
_relation_steps = st.tuples(
    st.sampled_from(["support", "rebut", "undercut"]),
    st.lists(st.sampled_from(_IDS), min_size=2, max_size=3, unique=True),
    st.sampled_from([None, None, "r1", "r2"]),
    st.integers(0, 5),
)
_edit_steps = st.one_of(
    st.tuples(st.just("remove"), st.sampled_from(_IDS), st.booleans()),
    st.tuples(st.just("replace"), st.sampled_from(_IDS), st.sampled_from(["Strikes go on.", "It is all talk."])),
    st.tuples(st.just("rename"), st.sampled_from(_IDS), st.sampled_from([*_IDS, "x", "y"])),
    st.tuples(st.just("same"), st.sampled_from(_IDS), st.sampled_from(_IDS)),
)
# One step in ten adds a claim, three edit, six add relations: enough relations for the edits to move.
_steps = st.integers(0, 9).flatmap(lambda n: _claim_steps if n == 0 else _edit_steps if n < 4 else _relation_steps)


@settings(max_examples=500)
@example(  # two rebuttals of one claim become one, and the undercut of a merged support follows it
    start=tuple(("claim", id, "All talk.", None) for id in _IDS),
    steps=[
        ("rebut", ["a", "c"], None, 0),
        ("rebut", ["b", "c"], None, 0),
        ("support", ["a", "d"], None, 0),
        ("support", ["b", "d"], None, 0),
        ("undercut", ["c"], None, 3),
        ("same", "a", "b"),
    ],
)
@given(
    st.tuples(*(st.tuples(st.just("claim"), st.just(name), *_claim_steps_parts) for name in _IDS)),
    st.lists(_steps, min_size=3, max_size=25),
)
def test_building_and_editing_interleaved_equals_building_the_result_directly(
    start: tuple[tuple[Any, ...], ...], steps: list[tuple[Any, ...]]
) -> None:
    """After any mix of builder and editing calls, the map equals the one built at once in its final state."""
    m = ArgumentMap()
    for source in _SOURCES:
        m.add(source)
    model = _Model()
    for step in (*start, *steps):
        _apply(m, model, step)
        assert m == model.build()
        assert native.loads(native.dumps(m)) == m  # and it is a valid map every format can save
    event(f"relations at the end: {min(len(m.relations), 3)}+")


@given(maps())
def test_removing_every_claim_with_cascade_leaves_no_relation(amap: ArgumentMap) -> None:
    """Cascading removals never leave a relation pointing at what is gone."""
    for claim in amap.claims:
        if claim.id in amap:
            amap.remove(claim.id, cascade=True)
    assert amap.claims == ()
    assert amap.relations == ()


@given(maps(), st.data())
def test_same_keeps_the_relations_of_both_claims(amap: ArgumentMap, data: st.DataObject) -> None:
    """Every relation of either claim is, renamed, a relation of the kept claim."""
    keep = data.draw(st.sampled_from(amap.claims))
    other = data.draw(st.sampled_from(amap.claims))
    if keep.attribution and other.attribution and keep.attribution != other.attribution:
        return
    if keep.qualifier and other.qualifier and keep.qualifier != other.qualifier:
        return
    if keep.note and other.note and keep.note != other.note:
        return
    touching = len(
        {r.id for r in (*amap.incoming(keep), *amap.outgoing(keep), *amap.incoming(other), *amap.outgoing(other))}
    )
    kept = amap.same(keep, other)
    assert other.id == keep.id or other.id not in amap
    assert 0 < len({r.id for r in (*amap.incoming(kept), *amap.outgoing(kept))}) <= touching or touching == 0
    assert isinstance(amap.claim_for(other), Claim)
    assert all(isinstance(s, Support) for s in amap.supports)
