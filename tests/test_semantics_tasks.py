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
    grounded_labelling,
    skeptical,
    skeptical_counterexample,
    some_extension,
)
from argmap.semantics.extensions import _solver_name
from argmap.semantics.grounded import grounded_codes
from argmap.semantics.labelling import Labelling
from argmap.semantics.maximal import accept, preferred_from
from tests.strategies import frameworks


def subsets(framework: Framework) -> tuple[list[int], list[int], list[int]]:
    """Return the admissible, complete and stable sets as bit masks, trying every subset against Dung's definitions."""
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
    return admissible, complete, stable


def named(framework: Framework, masks: list[int]) -> set[frozenset[str]]:
    """Return the sets of argument names the bit *masks* stand for."""
    size = len(framework)
    names = framework.arguments
    return {frozenset(names[a] for a in range(size) if mask >> a & 1) for mask in masks}


def brute_force(framework: Framework) -> dict[Semantics, set[frozenset[str]]]:
    """Return every semantics' extensions by trying every subset (as bit masks) against Dung's definitions."""
    admissible, complete, stable = subsets(framework)

    maximal = [s for s in admissible if not any(s != o and s & o == s for o in admissible)]
    least = min(complete, key=lambda mask: bin(mask).count("1"))
    return {
        "grounded": named(framework, [least]),
        "complete": named(framework, complete),
        "preferred": named(framework, maximal),
        "stable": named(framework, stable),
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


@settings(max_examples=150, deadline=None)
@given(frameworks(max_arguments=10), st.data())
def test_an_admissible_set_grows_to_the_least_complete_and_to_a_preferred_extension(
    framework: Framework, data: st.DataObject
) -> None:
    """accept() closes an admissible set to the least complete extension above it; preferred_from() grows it."""
    expected = brute_force(framework)
    complete = expected["complete"]
    start = data.draw(st.sampled_from(sorted(named(framework, subsets(framework)[0]), key=sorted)))
    codes = grounded_codes(framework)
    accept(framework, codes, [framework.number(a) for a in start])
    closed = Labelling(framework, codes).extension
    above = [extension for extension in complete if start <= extension]
    assert closed in complete
    assert all(closed <= extension for extension in above)
    preferred_from(framework, codes)
    grown = Labelling(framework, codes).extension
    assert grown in expected["preferred"]
    assert closed <= grown


@settings(max_examples=100, deadline=None)
@given(frameworks(max_arguments=10), st.data())
def test_deciding_an_argument_s_ancestors_first_keeps_the_extension_preferred(
    framework: Framework, data: st.DataObject
) -> None:
    """preferred_from() on the arguments with a path to one of them, then on the rest, still ends preferred."""
    assume(len(framework) > 0)
    query = framework.number(data.draw(st.sampled_from(framework.arguments)))
    codes = grounded_codes(framework)
    ancestors = {query}
    for number in list(ancestors):
        ancestors.update(framework.attackers_of[number])
    stack = list(ancestors)
    while stack:  # every attacker of a member is a member
        for attacker in framework.attackers_of[stack.pop()]:
            if attacker not in ancestors:
                ancestors.add(attacker)
                stack.append(attacker)
    preferred_from(framework, codes, ancestors)
    decided = {number: codes[number] for number in ancestors}
    preferred_from(framework, codes)
    assert {number: codes[number] for number in ancestors} == decided
    assert Labelling(framework, codes).extension in brute_force(framework)["preferred"]


def random_framework(arguments: int, per_argument: float, seed: int) -> Framework:
    """Return a random framework: *arguments* arguments and distinct random attacks, no self-attack (as benchmarks/)."""
    rng = random.Random(seed)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < round(per_argument * arguments):
        attacker, target = rng.randrange(arguments), rng.randrange(arguments)
        if attacker != target:
            attacks.add((attacker, target))
    names = [str(number) for number in range(arguments)]
    return Framework(names, [(names[a], names[t]) for a, t in sorted(attacks)])


@pytest.mark.parametrize("seed", [2029, 2030])
def test_a_thousand_arguments_agree_with_the_enumeration(seed: int) -> None:
    """1,000 arguments at 4 attacks each (one big undecided component): SE, DC, DS agree with enumerating."""
    framework = random_framework(1000, 4.0, seed)
    every = list(extensions(framework, "preferred"))
    assert some_extension(framework, "preferred") in every
    undecided = sorted(grounded_labelling(framework).undecided)
    for argument in random.Random(seed).sample(undecided, 5):
        witness = credulous_witness(framework, argument)
        if any(argument in extension for extension in every):
            assert witness in every
            assert argument in witness
        else:
            assert witness is None
        counterexample = skeptical_counterexample(framework, argument)
        if all(argument in extension for extension in every):
            assert counterexample is None
        else:
            assert counterexample in every
            assert argument not in counterexample
