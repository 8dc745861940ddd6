"""ArgumentMap: the builder reads like the argument, refuses mistakes at once, and answers queries."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import (
    ArgumentMap,
    Attribution,
    Claim,
    DuplicateIdError,
    InvalidElementError,
    Source,
    Support,
    UnknownClaimError,
    UnknownElementError,
    merge,
)
from tests.strategies import maps

NYT = Source("The New York Times", kind="publication")
SCAHILL = Source("Jeremy Scahill", affiliation="The Nation")


@pytest.fixture
def amap() -> ArgumentMap:
    """A small map: a conclusion, a linked support, a rebuttal, an undercut and a skeptical response."""
    m = ArgumentMap(title="Shamsi")
    m.claim("The Pakistanis are all talk.", id="talk")
    m.support(["Drone strikes continue.", "The strikes need Pakistani cooperation."], "talk", id="cooperation")
    m.rebut(m.claim("It could be for U.S. domestic consumption.", id="consumption"), "talk", id="rebuttal")
    m.undercut("Cooperation may be coerced.", "cooperation")
    m.skeptical_response("Really?", "talk", by=SCAHILL, medium="tweet", stance="sarcasm")
    return m


def test_builder_methods_return_what_they_create(amap: ArgumentMap) -> None:
    """Each builder call returns its element, which the map then holds."""
    claim = amap.claim("A new claim.")
    assert claim in amap
    assert amap[claim.id] is claim
    support = amap.support(claim, "talk")
    assert isinstance(support, Support)
    assert amap[support.id] == support


def test_a_claim_may_be_named_by_object_id_or_text(amap: ArgumentMap) -> None:
    """A Claim, its id, or its exact text all name the same claim; other text makes a new one."""
    talk = amap["talk"]
    assert isinstance(talk, Claim)
    before = len(amap.claims)
    amap.support("The Pakistanis are all talk.", "consumption", id="by-text")
    amap.support(talk, "consumption", id="by-object")
    assert len(amap.claims) == before
    amap.support("An entirely new premise.", "talk")
    assert len(amap.claims) == before + 1


def test_claim_for_finds_without_creating(amap: ArgumentMap) -> None:
    """claim_for resolves an id, a text or a Claim, and refuses what is not there."""
    talk = amap.claim_for("talk")
    assert amap.claim_for("The Pakistanis are all talk.") is talk
    assert amap.claim_for(talk) is talk
    with pytest.raises(UnknownClaimError):
        amap.claim_for("A text nobody wrote.")
    with pytest.raises(UnknownClaimError):
        amap.claim_for(Claim("Elsewhere."))


def test_a_mistyped_id_is_refused_not_turned_into_a_claim(amap: ArgumentMap) -> None:
    """A string without spaces that names no claim is an unknown id, not a new claim."""
    with pytest.raises(UnknownClaimError, match="no claim has id 'tlak'"):
        amap.support("Drone strikes continue.", "tlak")
    with pytest.raises(KeyError):  # UnknownClaimError is a KeyError too
        amap.rebut("tlak", "talk")


def test_duplicate_ids_are_refused_and_change_nothing(amap: ArgumentMap) -> None:
    """A second element under a taken id raises DuplicateIdError and leaves the map as it was."""
    before = amap.copy()
    with pytest.raises(DuplicateIdError):
        amap.claim("Another text.", id="talk")
    with pytest.raises(DuplicateIdError):
        amap.claim("Another text.", id="cooperation")  # relations and claims share one namespace
    with pytest.raises(DuplicateIdError):
        amap.support(["Drone strikes continue.", "The strikes need Pakistani cooperation."], "talk", id="cooperation")
    with pytest.raises(DuplicateIdError, match="different source"):
        amap.claim("Different details, same id.", by=Source("Jeremy Scahill", affiliation="The Intercept"))
    assert amap == before


def test_derived_claim_ids_are_made_unique() -> None:
    """Two claims with the same text get distinct derived ids."""
    m = ArgumentMap()
    first = m.claim("Drone strikes continue.")
    second = m.claim("Drone strikes continue.")
    assert (first.id, second.id) == ("drone-strikes-continue", "drone-strikes-continue-2")


def test_the_same_relation_twice_is_refused(amap: ArgumentMap) -> None:
    """Adding an identical relation again is a duplicate, not a second arrow."""
    amap.rebut("Drone strikes continue.", "consumption")
    with pytest.raises(DuplicateIdError, match="rebuttal"):
        amap.rebut("Drone strikes continue.", "consumption")


def test_relations_must_point_at_the_right_kind_of_element(amap: ArgumentMap) -> None:
    """An undercut needs a support; a claim is refused with a hint to rebut it."""
    with pytest.raises(InvalidElementError, match="rebut it"):
        amap.undercut("Nonsense.", "talk")
    with pytest.raises(UnknownElementError, match="no relation has id 'nothing'"):
        amap.undercut("Nonsense.", "nothing")
    with pytest.raises(InvalidElementError, match="is a relation"):
        amap.support("cooperation", "talk")


def test_a_dangling_reference_in_an_added_relation_is_refused() -> None:
    """Relations built elsewhere must name claims that exist."""
    m = ArgumentMap()
    m.claim("Only claim.", id="only")
    with pytest.raises(UnknownClaimError, match="'ghost'"):
        m.add(Support(["ghost"], "only"))
    assert m.relations == ()


def test_attribution_details_need_a_speaker_and_belong_to_new_claims(amap: ArgumentMap) -> None:
    """medium= without by= is refused, as is describing a claim that already exists."""
    with pytest.raises(InvalidElementError, match="by="):
        amap.claim("Said somewhere.", medium="tweet")
    with pytest.raises(InvalidElementError, match="already in the map"):
        amap.rebut("talk", "consumption", by=NYT)
    with pytest.raises(InvalidElementError, match="whole Attribution"):
        amap.claim("Both.", by=Attribution(NYT), medium="report")


def test_skeptical_response_attributes_the_new_response_to_its_speaker(amap: ArgumentMap) -> None:
    """m.skeptical_response(text, target, by=...) makes the responding claim with that attribution."""
    (response,) = amap.skeptical_responses_to("talk")
    said = amap[response.response]
    assert isinstance(said, Claim)
    assert said.source == SCAHILL
    assert said.attribution is not None
    assert said.attribution.medium == "tweet"
    assert response.stance == "sarcasm"


def test_a_support_can_meet_a_skeptical_response(amap: ArgumentMap) -> None:
    """A skeptical response may target an inference rather than a claim."""
    response = amap.skeptical_response("Is that cooperation or acquiescence?", "cooperation")
    assert response.target == "cooperation"
    assert amap.skeptical_responses_to("cooperation") == (response,)


def test_queries_follow_the_relations(amap: ArgumentMap) -> None:
    """supporters, attackers, skeptical_responses_to, incoming and outgoing see what the builder made."""
    assert [s.id for s in amap.supporters("talk")] == ["cooperation"]
    assert [a.id for a in amap.attackers("talk")] == ["rebuttal"]
    assert [a.attacker for a in amap.attackers("cooperation")] == ["cooperation-may-be-coerced"]
    assert len(amap.incoming("talk")) == 3
    assert [r.id for r in amap.outgoing("drone-strikes-continue")] == ["cooperation"]
    with pytest.raises(UnknownElementError):
        amap.incoming("nothing")


def test_main_conclusions_are_the_claims_that_point_nowhere(amap: ArgumentMap) -> None:
    """A main conclusion supports, rebuts, undercuts and answers nothing."""
    assert [claim.id for claim in amap.main_conclusions()] == ["talk"]


def test_claims_by_source_follows_the_speaker_and_optionally_the_via_chain() -> None:
    """claims_by finds what a source said, and with via=True what passed through it."""
    m = ArgumentMap()
    official = Source("A Pakistani official", kind="official")
    m.claim("We were bypassed.", by=official, via=NYT)
    m.claim("The relationship may collapse.", by=NYT)
    assert [c.text for c in m.claims_by(NYT)] == ["The relationship may collapse."]
    assert len(m.claims_by("new-york-times", via=True)) == 2
    with pytest.raises(UnknownElementError):
        m.claims_by("nobody")


def test_iteration_keeps_the_order_written(amap: ArgumentMap) -> None:
    """Claims and relations come back in the order the builder made them."""
    assert [c.id for c in amap.claims][:3] == ["talk", "drone-strikes-continue", "strikes-need-pakistani-cooperation"]
    assert [type(r).__name__ for r in amap.relations] == ["Support", "Rebuttal", "Undercut", "SkepticalResponse"]


def test_metadata_is_validated() -> None:
    """A map's date must be an ISO date; empty strings are refused."""
    with pytest.raises(InvalidElementError, match="date"):
        ArgumentMap(date="yesterday")
    with pytest.raises(InvalidElementError, match="title"):
        ArgumentMap(title="")
    assert ArgumentMap("T", date="2011-04").metadata == {"title": "T", "date": "2011-04"}


def test_merge_unifies_sources_keeps_ids_and_records_documents() -> None:
    """Merging two articles shares their common sources and prefixes only the ids that collide."""
    first = ArgumentMap(title="Wire", author="The Atlantic Wire")
    first.claim("Drone strikes continue.", by=Source("U.S. officials", kind="official"), id="strikes")
    first.claim("Only in the first.", by=NYT)
    second = ArgumentMap(title="Dayen")
    officials = Source("U.S. officials", kind="official", url="https://x")
    afghanistan = second.claim("Drones fly from Afghanistan.", by=officials, id="strikes")
    original_support = second.support("Cooperation continues.", "strikes")
    merged = merge(first, second, title="Both")
    assert [d.id for d in merged.documents] == ["wire", "dayen"]
    assert [c.id for c in merged.claims] == ["strikes", "only-in-the-first", "dayen/strikes", "cooperation-continues"]
    assert len(merged.sources) == 2  # the officials unified, the url kept
    assert merged.source("us-officials").url == "https://x"
    assert all(claim.source == merged.source(claim.source.id) for claim in merged.claims if claim.source)
    (support,) = merged.supports
    assert support.conclusion == "dayen/strikes"
    assert support.id == "support:cooperation-continues>dayen/strikes"
    assert {c.document for c in merged.claims} == {"wire", "dayen"}
    cross = merged.support(first.claim_for("strikes"), afghanistan, label="cross-link")  # the parts' objects still work
    assert (cross.premises, cross.conclusion) == (("strikes",), "dayen/strikes")
    merged.undercut("Afghanistan is another country.", original_support)
    assert afghanistan in merged
    assert len(merged.relations) == 3
    twice = merge(merged, ArgumentMap(title="Empty"))
    assert twice.support(afghanistan, "only-in-the-first").conclusion == "only-in-the-first"


@given(maps(), maps())
def test_merge_keeps_every_element(first: ArgumentMap, second: ArgumentMap) -> None:
    """A merged map holds as many claims and relations as its parts, each text and kind intact."""
    merged = merge(first, second)
    assert len(merged.claims) == len(first.claims) + len(second.claims)
    assert len(merged.relations) == len(first.relations) + len(second.relations)
    assert [c.text for c in merged.claims] == [c.text for c in first.claims + second.claims]
    kinds = [type(r) for r in merged.relations]
    assert kinds == [type(r) for r in first.relations + second.relations]
    assert {s.name.casefold() for s in first.sources + second.sources} == {s.name.casefold() for s in merged.sources}


@given(maps())
def test_copy_is_equal_and_independent(amap: ArgumentMap) -> None:
    """A copy compares equal, and adding to it leaves the original alone."""
    clone = amap.copy()
    assert clone == amap
    clone.claim("Something only the copy says.")
    assert clone != amap


def test_a_refused_call_takes_back_the_claims_it_made(amap: ArgumentMap) -> None:
    """A premise made from text is taken back, with its new source, when the conclusion is refused."""
    before = amap.copy()
    with pytest.raises(UnknownClaimError):
        amap.support("A brand new premise.", "tlak")
    with pytest.raises(UnknownClaimError):
        amap.rebut("Another new attacker.", "no-such-claim", by=Source("Someone new"))
    with pytest.raises(DuplicateIdError):
        amap.undercut("A new undercutter.", "cooperation", id="talk")
    assert amap == before
    assert amap.near_miss("A brand new premise") is None
    assert amap.support("A brand new premise.", "talk").premises == ("brand-new-premise",)


def test_an_element_added_with_aliases_answers_for_them() -> None:
    """A claim added as standing for another map's claim is found through that claim, and builds with it."""
    part = ArgumentMap()
    original = part.claim("Drone strikes continue.")
    amap = ArgumentMap()
    added = amap.add(Claim("Drone strikes continue.", id="part/strikes"), aliases=(original,))
    assert amap.aliases == {original: "part/strikes"}
    assert original in amap
    assert amap.claim_for(original) is added
    assert amap.support("The C.I.A. stays.", original).conclusion == "part/strikes"


def test_aliases_are_refused_for_sources_and_for_what_is_no_element() -> None:
    """Only claims and relations stand for claims and relations; a refused add changes nothing."""
    amap = ArgumentMap()
    with pytest.raises(InvalidElementError, match="stands for"):
        amap.add(NYT, aliases=(Claim("A claim."),))
    with pytest.raises(InvalidElementError, match="stands for"):
        amap.add(Claim("A claim."), aliases=("a-claim",))  # type: ignore[arg-type]
    assert amap == ArgumentMap()
    with pytest.raises(TypeError):
        amap.aliases[Claim("A claim.")] = "a-claim"  # type: ignore[index]  # a read-only view


def test_the_old_names_doubt_and_doubters_still_work_with_a_warning() -> None:
    """m.doubt(target, response) and m.doubters(x) build and find what skeptical_response and its query do."""
    old, new = ArgumentMap(), ArgumentMap()
    for m in (old, new):
        m.claim("The Pakistanis are all talk.", id="talk")
    with pytest.warns(DeprecationWarning, match=r"skeptical_response\(response, target\)"):
        made = old.doubt("talk", "Really?", by=SCAHILL, medium="tweet", stance="sarcasm")
    assert made == new.skeptical_response("Really?", "talk", by=SCAHILL, medium="tweet", stance="sarcasm")
    assert old == new
    assert made.id == "skeptical-response:really>talk"
    with pytest.warns(DeprecationWarning, match=r"skeptical_responses_to\(\)"):
        assert old.doubters("talk") == (made,)
