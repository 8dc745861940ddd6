"""Many elements at once: ``ArgumentMap.building()``, the claims indexed by text lazily, and elements added in bulk."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, InvalidElementError, Rebuttal, Source, Support, Undercut
from argmap.errors import ArgmapError
from argmap.model import Relation
from benchmarks.generate import build, plan
from tests.strategies import maps


@pytest.fixture
def collector() -> Iterator[None]:
    """Run the test with the cyclic collector on, and leave it as it was."""
    running = gc.isenabled()
    gc.enable()
    yield
    if not running:
        gc.disable()


@pytest.mark.usefixtures("collector")
def test_building_pauses_the_collector_and_restores_it_even_after_an_error() -> None:
    """Inside building() the collector waits; after it, on success or error, it runs again."""
    m = ArgumentMap()
    with m.building():
        assert not gc.isenabled()
        m.claim("A claim.")
    assert gc.isenabled()
    with pytest.raises(InvalidElementError), m.building():
        m.claim("   ")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_building_nests_and_leaves_a_collector_the_program_paused_paused() -> None:
    """A context inside another, or inside a program's own gc.disable(), restores what was there."""
    m = ArgumentMap()
    with m.building():
        with m.building():
            m.claim("A claim.")
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with m.building():
        m.claim("Another claim.")
    assert not gc.isenabled()


def test_a_map_built_inside_building_is_the_map_built_outside_it() -> None:
    """building() changes nothing a builder call does: the benchmark's map comes out the same either way."""
    made = plan(300)
    assert build(made, building=True) == build(made)


def test_a_refused_call_inside_building_is_refused_and_changes_nothing() -> None:
    """Each call inside building() is checked and taken back as anywhere else."""
    m = ArgumentMap()
    with m.building():
        talk = m.claim("The Pakistanis are all talk.")
        with pytest.raises(InvalidElementError):
            m.support(["A new premise.", "  "], talk)
    assert [claim.text for claim in m.claims] == ["The Pakistanis are all talk."]


def test_claims_are_found_by_text_however_they_came_in() -> None:
    """The text index is built when first needed: after adds, a take-back, a copy and an edit it finds what is there."""
    m = ArgumentMap()
    first = m.claim("The base is vacated.", id="first")
    m.claim("The base is vacated.", id="second")  # the same text twice: the first claim is the one named by it
    assert m.claim_for("The base is vacated.") is first
    with pytest.raises(InvalidElementError):
        m.support("A premise taken back.", "   ")
    assert m.claim_for("The base is vacated.") is first
    with pytest.raises(ArgmapError):
        m.claim_for("A premise taken back.")
    late = m.claim("A claim added after the index was built.")
    assert m.support("A claim added after the index was built.", "The base is vacated.").premises == (late.id,)
    assert m.copy().claim_for("The base is vacated.") == first
    m.rename(first, "renamed")
    assert m.claim_for("The base is vacated.").id == "renamed"


def _one_by_one(target: ArgumentMap, claims: Sequence[Claim], relations: Sequence[Relation]) -> None:
    for claim in claims:
        target.add(claim)
    for relation in relations:
        target.add(relation)


def _in_bulk(target: ArgumentMap, claims: Sequence[Claim], relations: Sequence[Relation]) -> None:
    target._add_claims(claims)
    target._add_relations(relations)


def _outcome(amap: ArgumentMap, add: Callable[..., None], claims: list[Claim], relations: list[Relation]) -> object:
    """Return the map *add* leaves, or the class and message of the error it raises."""
    target = ArgumentMap(**amap.metadata)
    for document in amap.documents:
        target.add(document)
    for source in amap.sources[: len(amap.sources) // 2]:  # the others come with the claims that name them
        target.add(source)
    try:
        add(target, claims, relations)
    except ArgmapError as error:
        return type(error), str(error)
    return target


_CHANGES = st.sampled_from(["none", "repeat a claim", "repeat a relation", "drop a claim", "reverse", "clash"])


@settings(max_examples=300)
@given(maps(max_claims=8, max_relations=12), _CHANGES, st.data())
def test_elements_added_in_bulk_are_added_or_refused_as_one_by_one(
    amap: ArgumentMap, change: str, data: st.DataObject
) -> None:
    """The bulk adds take what adding each element in turn takes, and refuse with the same error what it refuses."""
    claims, relations = list(amap.claims), list(amap.relations)
    if change == "repeat a claim":
        claims.insert(data.draw(st.integers(0, len(claims))), data.draw(st.sampled_from(claims)))
    elif change == "repeat a relation" and relations:
        relations.insert(data.draw(st.integers(0, len(relations))), data.draw(st.sampled_from(relations)))
    elif change == "drop a claim":
        del claims[data.draw(st.integers(0, len(claims) - 1))]
    elif change == "reverse":  # undercuts and responses to relations now come before their targets
        relations.reverse()
    elif change == "clash" and relations:  # a relation under a claim's id
        claim = data.draw(st.sampled_from(claims))
        relations.append(Rebuttal(claim.id, claim.id, id=claim.id))
    assert _outcome(amap, _in_bulk, claims, relations) == _outcome(amap, _one_by_one, claims, relations)


def test_bulk_adds_take_a_batch_whose_undercuts_name_supports_before_them() -> None:
    """An undercut of a support earlier in the same batch is taken; of one later in it, refused as one by one."""
    m = ArgumentMap()
    a, b, c = (m.claim(f"Claim {name}.", id=name) for name in "abc")
    support = Support((a.id,), b.id)
    undercut = Undercut(c.id, support.id)
    m._add_relations([support, undercut])
    assert m.relations == (support, undercut)
    other = ArgumentMap()
    for claim in (a, b, c):
        other.add(claim)
    with pytest.raises(ArgmapError, match="not in the map"):
        other._add_relations([undercut, support])
    assert other.relations == ()


def test_bulk_adds_register_new_sources_as_one_by_one() -> None:
    """Claims whose speakers the map does not hold yet are taken, and their speakers registered."""
    speaker = Source("A speaker")
    m = ArgumentMap()
    m._add_claims([ArgumentMap().claim("Said by a new speaker.", by=speaker)])
    assert m.sources == (speaker,)
