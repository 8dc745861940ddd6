"""Many elements at once: ``ArgumentMap.building()``, and the claims indexed by text lazily."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from argmap import ArgumentMap, InvalidElementError
from argmap.errors import ArgmapError
from benchmarks.generate import build, plan


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
