"""The arguments evaluate() builds from a map's claims and supports, held to the plain twin test."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.evaluate  # noqa: F401  (the module; the package's name argmap.evaluate is the function)
from argmap import ArgumentMap, Support, evaluate
from argmap.errors import LimitError
from benchmarks.generate import build, plan, thesis_plan
from tests.plain_evaluate import plain_arguments
from tests.strategies import maps

module = sys.modules["argmap.evaluate"]


@st.composite
def twin_maps(draw: st.DrawFn) -> ArgumentMap:
    """Draw a map where many arguments share a conclusion and a last support.

    Claims in layers, each supported several ways (linked supports among
    them) from claims in any earlier layer, so that arguments multiply along
    the paths and their bases overlap; some supports point back to an
    earlier layer, making support cycles.
    """
    m = ArgumentMap()
    layers = [[f"c{layer}-{n}" for n in range(draw(st.integers(1, 3)))] for layer in range(draw(st.integers(1, 5)))]
    for layer in layers:
        for id in layer:
            m.claim(f"Claim {id}.", id=id)
    below: list[str] = []
    for layer in layers:
        for conclusion in layer:
            if below:
                for _ in range(draw(st.integers(0, 4))):
                    premises = draw(st.lists(st.sampled_from(below), min_size=1, max_size=3, unique=True))
                    if Support(premises, conclusion).id not in m:
                        m.support(premises, conclusion)
        below += layer
    everyone = [id for layer in layers for id in layer]
    for _ in range(draw(st.integers(0, 3))):  # back links: support cycles
        premise, conclusion = draw(st.sampled_from(everyone)), draw(st.sampled_from(everyone))
        if premise != conclusion and Support([premise], conclusion).id not in m:
            m.support(premise, conclusion)
    return m


def outcome(build_arguments: Callable[[ArgumentMap], object], amap: ArgumentMap) -> object:
    """Return what an argument builder gives for *amap*: its arguments and users, or that it refused the map."""
    try:
        return build_arguments(amap)
    except LimitError:
        return "refused"


@given(st.one_of(twin_maps(), maps()))
def test_the_arguments_are_those_the_plain_twin_test_builds(amap: ArgumentMap) -> None:
    """The filed twin test keeps exactly the arguments testing every twin keeps, in the same order, same users."""
    assert module._arguments(amap) == plain_arguments(amap)


@given(twin_maps(), st.integers(min_value=1, max_value=60))
def test_a_map_is_refused_where_the_plain_twin_test_refuses_it(amap: ArgumentMap, limit: int) -> None:
    """With a small argument limit both refuse a map, or build the same arguments: the limit counts kept ones."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "ARGUMENT_LIMIT", limit)
        found = outcome(module._arguments, amap)
        assert found == outcome(plain_arguments, amap)
    if found == "refused":
        assert len(plain_arguments(amap)[0]) > limit


@pytest.mark.parametrize("size", [100, 200])
def test_the_benchmark_maps_make_the_arguments_the_plain_twin_test_makes(size: int) -> None:
    """The benchmark's maps of many small arguments (936 and 3,546 arguments, most of them twins) agree exactly."""
    amap = build(plan(size))
    arguments, users = module._arguments(amap)
    assert len(arguments) == {100: 936, 200: 3546}[size]
    assert (arguments, users) == plain_arguments(amap)


def test_a_single_thesis_makes_the_arguments_the_plain_twin_test_makes() -> None:
    """A 1,000-claim single-thesis debate agrees exactly, verdicts included."""
    amap = build(thesis_plan(1000))
    assert module._arguments(amap) == plain_arguments(amap)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "_arguments", plain_arguments)
        plain = evaluate(amap)
    assert evaluate(amap).verdicts == plain.verdicts


def test_an_argument_holding_a_twin_is_left_out() -> None:
    """Of the four ways to reach [d] through the linked support [p]+[q], the two mixing [p]'s routes are left out.

    [p] rests on [a] or on [b], and [q] on [p]. Taking [p] by [a] and [q] by
    way of [p] by [b] holds everything of taking both by [a], and more: it
    changes no verdict, so only the two unmixed arguments for [d] are kept.
    """
    m = ArgumentMap()
    for id in "abpqd":
        m.claim(f"Claim {id}.", id=id)
    m.support("a", "p")
    m.support("b", "p")
    m.support("p", "q")
    m.support(["p", "q"], "d")
    arguments, users = module._arguments(m)

    def supports_in(number: int) -> set[str]:
        argument = arguments[number]
        found = {argument.support} if argument.support else set()
        return found.union(*(supports_in(premise) for premise in argument.premises))

    through = [number for number, argument in enumerate(arguments) if argument.support == "support:p+q>d"]
    assert [supports_in(number) for number in through] == [
        {"support:a>p", "support:p>q", "support:p+q>d"},
        {"support:b>p", "support:p>q", "support:p+q>d"},
    ]
    assert (arguments, users) == plain_arguments(m)
