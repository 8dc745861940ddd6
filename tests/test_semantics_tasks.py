"""ICCMA's tasks (SE, DC, DS, CE, EE) against brute force on small frameworks and the enumeration on medium ones."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.errors import OptionError, UnknownElementError
from argmap.semantics import (
    SEMANTICS,
    Framework,
    Semantics,
    count,
    credulous,
    credulous_witness,
    extensions,
    skeptical,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.extensions import _solver_name
from tests.strategies import frameworks


def brute_force(framework: Framework) -> dict[Semantics, set[frozenset[str]]]:
    """Return every semantics' extensions by trying every subset (as bit masks) against Dung's definitions."""
    size = len(framework)
    attacked_by = [0] * size  # bit mask of each argument's attackers
    attacks_of = [0] * size  # bit mask of what each argument attacks
    for attacker, targets in enumerate(framework.successors):
        for target in targets:
            attacked_by[target] |= 1 << attacker
            attacks_of[attacker] |= 1 << target
    everything = (1 << size) - 1
    admissible, complete, stable = [], [], []
    for subset in range(1 << size):
        members = [a for a in range(size) if subset >> a & 1]
        hit = 0
        for a in members:
            hit |= attacks_of[a]
        if hit & subset:
            continue  # not conflict-free
        defended = [a for a in range(size) if attacked_by[a] & ~hit == 0]
        defended_mask = sum(1 << a for a in defended)
        if subset & ~defended_mask:
            continue  # not admissible
        admissible.append(subset)
        if defended_mask == subset:
            complete.append(subset)
        if (subset | hit) == everything:
            stable.append(subset)

    def named(masks: list[int]) -> set[frozenset[str]]:
        names = framework.arguments
        return {frozenset(names[a] for a in range(size) if mask >> a & 1) for mask in masks}

    maximal = [s for s in admissible if not any(s != o and s & o == s for o in admissible)]
    least = min(complete, key=lambda mask: bin(mask).count("1"))
    return {
        "grounded": named([least]),
        "complete": named(complete),
        "preferred": named(maximal),
        "stable": named(stable),
    }


def check_tasks(framework: Framework, expected: dict[Semantics, set[frozenset[str]]]) -> None:
    """Assert that every task under every semantics answers as the extensions in *expected* say."""
    for semantics in SEMANTICS:
        every = expected[semantics]
        found = some_extension(framework, semantics)
        assert (found in every) if every else found is None, semantics
        assert count(framework, semantics) == len(every), semantics
        assert framework.count(semantics) == len(every)
        for argument in framework.arguments:
            witness = credulous_witness(framework, argument, semantics)
            if any(argument in extension for extension in every):
                assert witness in every, (semantics, argument)
                assert argument in witness
            else:
                assert witness is None, (semantics, argument)
            counterexample = skeptical_counterexample(framework, argument, semantics)
            if all(argument in extension for extension in every):
                assert counterexample is None, (semantics, argument)
            else:
                assert counterexample in every, (semantics, argument)
                assert argument not in counterexample
            assert credulous(framework, argument, semantics) == (witness is not None)
            assert framework.skeptical(argument, semantics) == (counterexample is None)


@settings(max_examples=150, deadline=None)
@given(frameworks(max_arguments=12))
def test_every_task_agrees_with_brute_force(framework: Framework) -> None:
    """On frameworks up to 12 arguments, SE, DC, DS, CE and EE answer as trying every subset does."""
    expected = brute_force(framework)
    for semantics in SEMANTICS:
        found = list(framework.extensions(semantics))
        assert len(found) == len(set(found)), semantics
        assert set(found) == expected[semantics], semantics
    check_tasks(framework, expected)


@st.composite
def medium_frameworks(draw: st.DrawFn) -> Framework:
    """Draw a framework of 20 to 60 arguments, sparse to dense, with a seed hypothesis shrinks."""
    size = draw(st.integers(20, 60))
    density = draw(st.sampled_from([1.0, 1.5, 2.0, 3.0]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    arguments = [str(number) for number in range(1, size + 1)]
    attacks = [(rng.choice(arguments), rng.choice(arguments)) for _ in range(round(density * size))]
    return Framework(arguments, attacks)


@settings(max_examples=25, deadline=None)
@given(medium_frameworks())
def test_every_task_agrees_with_the_enumeration_on_medium_frameworks(framework: Framework) -> None:
    """On 20 to 60 arguments, the single-answer tasks agree with enumerating every extension."""
    expected = {semantics: set(extensions(framework, semantics)) for semantics in SEMANTICS}
    check_tasks(framework, expected)


def test_skeptical_preferred_needs_more_than_the_first_counterexample_candidate() -> None:
    """Floating reinstatement: d is in both preferred extensions though no admissible set defends it alone."""
    framework = Framework("abcde", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d"), ("e", "e")])
    assert skeptical(framework, "d")
    assert skeptical_counterexample(framework, "a") == frozenset("bd")
    assert not credulous(framework, "e")
    assert skeptical(framework, "e", "stable")  # no stable extension: every argument is skeptically accepted


def test_no_stable_extension() -> None:
    """An odd cycle has no stable extension: SE says None, CE says 0, DC says no."""
    odd = Framework("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert some_extension(odd, "stable") is None
    assert odd.count("stable") == 0
    assert not odd.credulous("a", "stable")
    assert odd.skeptical("a", "stable")


def test_tasks_refuse_unknown_arguments_and_semantics() -> None:
    """An unknown argument or semantics is an error, not a quiet answer."""
    framework = Framework("ab", [("a", "b")])
    with pytest.raises(UnknownElementError):
        framework.credulous("z")
    with pytest.raises(UnknownElementError):
        skeptical(framework, "z", "stable")
    with pytest.raises(OptionError, match="unknown semantics 'naive'"):
        count(framework, "naive")  # type: ignore[arg-type]


def test_extensions_are_lazy_and_counting_keeps_none() -> None:
    """Twenty independent mutual attacks: about a million preferred extensions, the first at once, counted lazily."""
    pairs = 20
    names = [f"{side}{number}" for number in range(pairs) for side in "ab"]
    attacks = [(f"a{n}", f"b{n}") for n in range(pairs)] + [(f"b{n}", f"a{n}") for n in range(pairs)]
    framework = Framework(names, attacks)
    first = next(framework.extensions("preferred"))
    assert len(first) == pairs
    small = Framework(names[:16], attacks[:8] + attacks[pairs : pairs + 8])
    assert small.count("preferred") == 2**8
    assert small.count("complete") == 3**8


@st.composite
def dense_frameworks(draw: st.DrawFn) -> Framework:
    """Draw 11 or 12 arguments, nine pairs in ten attacked, few self-attacks: dense enough for CaDiCaL."""
    size = draw(st.integers(11, 12))
    rng = random.Random(draw(st.integers(0, 2**32)))
    arguments = [str(number) for number in range(1, size + 1)]
    attacks = [(a, b) for a in arguments for b in arguments if rng.random() < (0.9 if a != b else 0.1)]
    return Framework(arguments, attacks)


@settings(max_examples=30, deadline=None)
@given(dense_frameworks())
def test_dense_frameworks_agree_with_brute_force(framework: Framework) -> None:
    """Where the attacks are dense (CaDiCaL, first trying every argument in), every task still agrees."""
    assume(_solver_name(len(framework), len(framework.attacks)) == "cadical195")
    expected = brute_force(framework)
    for semantics in SEMANTICS:
        assert set(framework.extensions(semantics)) == expected[semantics], semantics
    check_tasks(framework, expected)
