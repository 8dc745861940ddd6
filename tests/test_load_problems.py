"""Load problems: what a file held that a map cannot, kept on the map, reported by check(), outside equality."""

from __future__ import annotations

from argmap import ArgumentMap, Problem, check, merge
from argmap.formats import aif
from argmap.problems import CODES


def loaded_with_a_problem() -> ArgumentMap:
    """Return a map read from an AIF nodeset whose RA node has no conclusion."""
    return aif.loads(
        '{"nodes": [{"nodeID": "1", "text": "A premise.", "type": "I"},'
        ' {"nodeID": "2", "text": "A claim.", "type": "I"}, {"nodeID": "3", "text": "RA", "type": "RA"}],'
        ' "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}]}'
    )


def test_check_reports_load_problems_first() -> None:
    """The problem found while loading comes before the map's own (here, two orphan claims)."""
    amap = loaded_with_a_problem()
    problems = check(amap)
    assert problems[0] == Problem(
        "warning", "incomplete-relation", "RA node 3 has no conclusion in the file; left out", ("1",)
    )
    assert [p.code for p in problems[1:]] == ["orphan-claim", "orphan-claim"]
    assert {p.code for p in problems} <= set(CODES)


def test_load_problems_take_no_part_in_equality_and_travel_with_copies_and_merges() -> None:
    """Two maps with the same content are equal wherever they came from; copy() and merge() keep the problems."""
    amap = loaded_with_a_problem()
    built = ArgumentMap()
    built.claim("A premise.", id="1")
    built.claim("A claim.", id="2")
    assert amap == built
    assert amap.copy().load_problems == amap.load_problems
    assert merge(amap, built).load_problems == amap.load_problems
    assert built.load_problems == []
