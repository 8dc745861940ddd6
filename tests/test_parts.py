"""Parts of a map: a claim's neighbourhood holds exactly what lies within its steps; a split draws every claim once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, OptionError, UnknownClaimError
from argmap.engine import pipe
from argmap.model import Relation, Support, endpoints
from argmap.parts import branches, neighbourhood, split
from argmap.render._quoting import node_id
from argmap.render.dot import DotOptions
from argmap.render.layout import LayoutOptions, plan
from benchmarks.generate import build, thesis_plan
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


@given(maps(), st.integers(min_value=1, max_value=6))
def test_branches_draw_every_claim_and_relation_of_a_part_once_within_the_size(amap: ArgumentMap, size: int) -> None:
    """Cut by branches(), a part's claims and relations are each drawn once; a branch holds at most *size* claims."""
    for part in split(amap):
        cut = branches(amap, part, size)
        assert sorted(id for piece in cut for id in piece.claims) == sorted(part.claims)
        assert sorted(id for piece in cut for id in piece.relations) == sorted(part.relations)
        trunk, *rest = cut
        assert trunk.conclusion == part.conclusion
        assert trunk.branch_of is None
        for piece in rest:
            assert piece.branch_of == part.conclusion
            assert 1 <= len(piece.claims) <= size
            assert piece.conclusion == piece.claims[0] or piece.conclusion in piece.claims
        for piece in cut:
            for relation_id in piece.relations:
                for origin in endpoints(amap[relation_id])[0]:  # type: ignore[arg-type]
                    assert (origin in piece.claims) != (origin in piece.references)


def test_branches_keep_a_debate_s_top_levels_on_the_trunk_and_cut_the_rest() -> None:
    """A 2,000-claim debate cut at 200: its thesis and claims over 200 others hang from on the trunk, branches below."""
    amap = build(thesis_plan(2_000))
    (part,) = split(amap)
    cut = branches(amap, part, 200)
    assert cut[0].conclusion == amap.main_conclusions()[0].id
    assert len(cut[0].claims) < 200
    assert max(len(piece.claims) for piece in cut[1:]) <= 200
    assert len(cut) > 10
    with pytest.raises(OptionError, match="1 or more"):
        branches(amap, part, 0)


def test_a_split_of_one_big_argument_draws_its_top_levels_as_the_overview() -> None:
    """Split, a one-argument map is its trunk in the overview and its branches in diagrams, each naming its file."""
    amap = build(thesis_plan(400))
    made = plan(amap, layout=LayoutOptions(layout="split", fast_above=50, diagram_size=120), stem="m")
    assert made.summary is not None
    assert made.summary.startswith("400 claims under one main conclusion: drawn as its top levels (")
    overview, *diagrams = made.drawings
    thesis = amap.main_conclusions()[0].id
    assert f'id="{node_id(thesis)}"' in "".join(overview.graphs)
    assert all(drawing.staggered for drawing in made.drawings)
    for number in range(1, len(diagrams) + 1):
        assert f"m-{number}.svg" in "".join(overview.graphs)
    every = "".join(graph for drawing in made.drawings for graph in drawing.graphs)
    assert all(every.count(f'id="{node_id(claim.id)}"') == 1 for claim in amap.claims)
    assert plan(amap, layout=LayoutOptions(fast_above=50)).summary == (
        "400 claims: drawn as one diagram of one argument, cut into its top levels and"
        f" {len(branches(amap, split(amap)[0], 50)) - 1} branches, laid out apart and packed together;"
        " a claim drawn in another branch is shown as a reference box"
    )


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
    """Each diagram's graphs (packed or not) and the overview are DOT the real dot accepts; the overview names all.

    Every claim is drawn in full exactly once across the files: the overview
    holds the top levels of a map of one argument cut into branches.
    """
    made = plan(amap, DotOptions(), LayoutOptions(layout="split", diagram_size=2), stem="m", pack=pack)
    overview, *diagrams = made.drawings
    every = "".join(graph for drawing in made.drawings for graph in drawing.graphs)
    for claim in amap.claims:
        assert every.count(f'id="{node_id(claim.id)}"') == 1
    for number, drawing in enumerate(diagrams, start=1):
        assert drawing.suffix == f"-{number}"
        assert f"m-{number}.svg" in "".join(overview.graphs)
        assert drawing.packed == pack
        for graph in drawing.graphs:
            assert pipe(graph, "svg").startswith(b"<?xml")
    for graph in overview.graphs:
        assert pipe(graph, "svg").startswith(b"<?xml")


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


def test_a_map_of_one_big_argument_and_a_lone_claim_keeps_the_overview_of_boxes() -> None:
    """Only a map that is one argument gets its top levels as the overview: a lone claim beside it needs a box too."""
    m = ArgumentMap()
    m.support(["The first premise.", "The second premise."], m.claim("The conclusion."))
    m.claim("A claim on its own.")
    made = plan(m, layout=LayoutOptions(layout="split", diagram_size=2), stem="m")
    overview, *diagrams = made.drawings
    assert made.summary is not None
    assert not made.summary.startswith("4 claims under one main conclusion")
    for number in range(1, len(diagrams) + 1):
        assert f"m-{number}.svg" in overview.graphs[0]
