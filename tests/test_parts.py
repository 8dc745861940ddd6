"""Parts of a map: a claim's neighbourhood holds exactly what lies within its steps; a split draws every claim once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, OptionError, UnknownClaimError
from argmap.engine import pipe
from argmap.model import Relation, Support, endpoints
from argmap.parts import neighbourhood, split
from argmap.render.dot import DotOptions
from argmap.render.layout import LayoutOptions, plan
from tests.strategies import maps


def claims_of(amap: ArgumentMap, relation: Relation) -> set[str]:
    """Return every claim a relation joins: its own, and those of the relation it targets, recursively."""
    origins, target = endpoints(relation)
    if target in {claim.id for claim in amap.claims}:
        return {*origins, target}
    return {*origins, *claims_of(amap, amap[target])}  # type: ignore[arg-type]


def distances(amap: ArgumentMap, centre: str) -> dict[str, int]:
    """Return each claim's steps from *centre*, counted afresh: relaxing every relation until nothing changes."""
    found = {centre: 0}
    changed = True
    while changed:
        changed = False
        for relation in amap.relations:
            members = claims_of(amap, relation)
            known = [found[member] for member in members if member in found]
            if not known:
                continue
            for member in members:
                if found.get(member, 10**9) > min(known) + 1:
                    found[member] = min(known) + 1
                    changed = True
    return found


@given(maps(), st.integers(0, 3), st.data())
def test_a_neighbourhood_holds_exactly_the_claims_within_its_steps(
    amap: ArgumentMap, depth: int, data: st.DataObject
) -> None:
    """The focus is in it; every claim in it is within the depth; every claim within the depth is in it."""
    centre = data.draw(st.sampled_from([claim.id for claim in amap.claims]))
    near = neighbourhood(amap, centre, depth)
    drawn = {claim.id for claim in near.claims}
    expected = {id for id, steps in distances(amap, centre).items() if steps <= depth}
    assert centre in drawn
    assert drawn == expected


@given(maps(), st.integers(0, 3), st.data())
def test_a_neighbourhood_draws_relations_only_between_its_claims_and_every_one_among_them(
    amap: ArgumentMap, depth: int, data: st.DataObject
) -> None:
    """A relation is drawn when, and only when, every claim it joins is drawn; claims are the map's own."""
    centre = data.draw(st.sampled_from([claim.id for claim in amap.claims]))
    near = neighbourhood(amap, centre, depth)
    drawn = {claim.id for claim in near.claims}
    kept = {relation.id for relation in near.relations}
    for relation in amap.relations:
        assert (relation.id in kept) == (claims_of(amap, relation) <= drawn)
    for claim in near.claims:
        assert amap.claim_for(claim.id) == claim


def test_a_neighbourhood_counts_a_linked_support_and_an_undercut_as_one_step() -> None:
    """Premises meet at their junction: a co-premise, the conclusion and an undercutter are each one step away."""
    m = ArgumentMap()
    inference = m.support(["Premise one.", "Premise two."], m.claim("Conclusion."))
    m.undercut("The inference fails.", inference)
    m.support("Far support.", "Conclusion.")
    near = neighbourhood(m, "Premise one.", 1)
    assert [claim.text for claim in near.claims] == [
        "Conclusion.",
        "Premise one.",
        "Premise two.",
        "The inference fails.",
    ]
    assert len(near.relations) == 2
    assert [claim.text for claim in neighbourhood(m, "Premise one.", 0).claims] == ["Premise one."]


def test_a_neighbourhood_refuses_an_unknown_claim_and_a_negative_depth() -> None:
    """An unknown claim is an UnknownClaimError, a negative depth an OptionError."""
    m = ArgumentMap()
    m.claim("Talks fail.")
    with pytest.raises(UnknownClaimError):
        neighbourhood(m, "no-such-claim", 1)
    with pytest.raises(OptionError, match="0 or more"):
        neighbourhood(m, "Talks fail.", -1)


@given(maps())
def test_a_split_draws_every_claim_and_relation_once_and_refers_to_the_others(amap: ArgumentMap) -> None:
    """Every claim is drawn in full in one part only, every relation in one; a reference is drawn in full elsewhere."""
    parts = split(amap)
    homes = [id for part in parts for id in part.claims]
    assert sorted(homes) == sorted(claim.id for claim in amap.claims)
    assert sorted(id for part in parts for id in part.relations) == sorted(relation.id for relation in amap.relations)
    for part in parts:
        assert part.conclusion in part.claims
        for relation_id in part.relations:
            for origin in endpoints(amap[relation_id])[0]:  # type: ignore[arg-type]
                assert (origin in part.claims) != (origin in part.references)
        assert not set(part.references) & set(part.claims)


def test_a_split_puts_each_claim_with_its_nearest_main_conclusion() -> None:
    """A claim that leads to two main conclusions is drawn with the nearer, and referred to from the other."""
    m = ArgumentMap()
    near = m.claim("Near conclusion.")
    far = m.claim("Far conclusion.")
    shared = m.claim("Shared premise.")
    m.support(shared, near)
    middle = m.support("The middle step.", far).premises[0]
    m.support(shared, middle)
    first, second = split(m)
    assert first.claims == (near.id, shared.id)
    assert second.claims == (far.id, middle)
    assert second.references == (shared.id,)


@pytest.mark.dot
@settings(max_examples=25)
@given(maps(max_claims=8, max_relations=10), st.booleans())
def test_every_graph_of_a_split_is_drawn_by_graphviz_and_the_overview_names_every_diagram(
    amap: ArgumentMap, pack: bool
) -> None:
    """Each diagram's graphs (packed or not) and the overview are DOT the real dot accepts; the overview names all."""
    made = plan(amap, DotOptions(), LayoutOptions(layout="split", diagram_size=2), stem="m", pack=pack)
    overview, *diagrams = made.drawings
    assert {claim.id for drawing in diagrams for claim in drawing.amap.claims} == {claim.id for claim in amap.claims}
    for number, drawing in enumerate(diagrams, start=1):
        assert drawing.suffix == f"-{number}"
        assert f"m-{number}.svg" in overview.graphs[0]
        assert drawing.packed == pack
        for graph in drawing.graphs:
            assert pipe(graph, "svg").startswith(b"<?xml")
    assert pipe(overview.graphs[0], "svg").startswith(b"<?xml")


def test_auto_changes_layout_at_the_sizes_asked() -> None:
    """The auto layout draws whole up to fast_above claims, fast up to split_above, split above; without files, fast."""
    m = ArgumentMap()
    m.support(["The first premise.", "The second premise."], m.claim("The conclusion."))
    m.rebut("An attack on it.", "The conclusion.")
    assert plan(m, layout=LayoutOptions(fast_above=4)).layout == "full"
    assert plan(m, layout=LayoutOptions(fast_above=3)).layout == "fast"
    assert plan(m, layout=LayoutOptions(fast_above=2, split_above=3)).layout == "split"
    assert plan(m, layout=LayoutOptions(fast_above=2, split_above=3), files=False).layout == "fast"
    assert plan(m).drawings[0].graphs[0] == plan(m, layout=LayoutOptions(layout="full")).drawings[0].graphs[0]
    with pytest.raises(OptionError, match="layout must be one of auto, full, fast, split"):
        LayoutOptions(layout="tidy")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="diagram_size must be a whole number of claims, 1 or more"):
        LayoutOptions(diagram_size=0)


def test_a_split_shows_a_shared_claim_once_in_full_and_as_a_reference_naming_its_file() -> None:
    """The shared claim's node is drawn in the first diagram, and as a reference box in the second, naming the first."""
    m = ArgumentMap()
    shared = m.claim("Shared premise.")
    m.support(shared, m.claim("Near conclusion."))
    m.support(shared, m.claim("Far conclusion."))
    made = plan(m, layout=LayoutOptions(layout="split", diagram_size=2), stem="m")
    first, second = ("".join(drawing.graphs) for drawing in made.drawings[1:])
    assert first.count('id="claim-shared-premise"') == 1
    assert 'class="reference"' not in first
    assert 'id="claim-shared-premise"' not in second
    assert second.count('class="reference"') == 1
    assert "“Near conclusion.”, in m-1.svg" in second.replace('<BR ALIGN="LEFT"/>', " ")
    assert all(isinstance(relation, Support) for relation in m.relations)
