"""Dung's semantics: textbook frameworks, the definitions as properties, and a brute-force reference."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations, pairwise

import pytest
from hypothesis import given

from argmap.errors import InvalidElementError, OptionError, UnknownElementError
from argmap.semantics import (
    SEMANTICS,
    Framework,
    Semantics,
    complete,
    credulous,
    extensions,
    grounded,
    grounded_labelling,
    labelling_of,
    labellings,
    preferred,
    skeptical,
    stable,
)
from tests.strategies import frameworks


def sets(*extensions: str) -> set[frozenset[str]]:
    """Return extensions written as strings of one-letter names, "ac" for {a, c}."""
    return {frozenset(extension) for extension in extensions}


def af(arguments: str, attacks: str = "") -> Framework:
    """Return a framework of one-letter arguments; attacks written "ab bc" mean a attacks b, b attacks c."""
    return Framework(arguments, [(pair[0], pair[1]) for pair in attacks.split()])


# Name, framework, and its grounded, complete, preferred and stable extensions.
TEXTBOOK = [
    ("empty framework", af(""), sets(""), sets(""), sets(""), sets("")),
    ("one unattacked argument", af("a"), sets("a"), sets("a"), sets("a"), sets("a")),
    ("reinstatement: a attacks b attacks c", af("abc", "ab bc"), sets("ac"), sets("ac"), sets("ac"), sets("ac")),
    (
        "Nixon diamond: a and b attack each other",
        af("ab", "ab ba"),
        sets(""),
        sets("", "a", "b"),
        sets("a", "b"),
        sets("a", "b"),
    ),
    ("a self-attacking argument", af("a", "aa"), sets(""), sets(""), sets(""), set()),
    ("a self-attacker attacking an innocent", af("ab", "aa ab"), sets(""), sets(""), sets(""), set()),
    ("a self-attacker attacked from outside", af("ab", "aa ba"), sets("b"), sets("b"), sets("b"), sets("b")),
    ("odd cycle of three", af("abc", "ab bc ca"), sets(""), sets(""), sets(""), set()),
    ("odd cycle with a tail", af("abcd", "ab bc ca cd"), sets(""), sets(""), sets(""), set()),
    (
        "even cycle of four",
        af("abcd", "ab bc cd da"),
        sets(""),
        sets("", "ac", "bd"),
        sets("ac", "bd"),
        sets("ac", "bd"),
    ),
    (
        "floating reinstatement: d is skeptically preferred but not grounded",
        af("abcd", "ab ba ac bc cd"),
        sets(""),
        sets("", "ad", "bd"),
        sets("ad", "bd"),
        sets("ad", "bd"),
    ),
    (
        "an odd cycle broken from outside: x defeats b, so a is defended",
        af("xyabc", "xy yx xb ba cb ac"),
        sets(""),
        sets("", "y", "ax"),
        sets("y", "ax"),
        sets("ax"),
    ),
    (
        "a preferred extension that is not stable: an odd cycle only b reaches",
        af("abcde", "ab ba bc cd de ec"),
        sets(""),
        sets("", "a", "bd"),
        sets("a", "bd"),
        sets("bd"),
    ),
]


@pytest.mark.parametrize(
    ("framework", "expected_grounded", "expected_complete", "expected_preferred", "expected_stable"),
    [case[1:] for case in TEXTBOOK],
    ids=[case[0] for case in TEXTBOOK],
)
def test_textbook_frameworks(
    framework: Framework,
    expected_grounded: set[frozenset[str]],
    expected_complete: set[frozenset[str]],
    expected_preferred: set[frozenset[str]],
    expected_stable: set[frozenset[str]],
) -> None:
    """Each textbook framework has exactly the extensions the literature gives it, under all four semantics."""
    assert {grounded(framework)} == expected_grounded
    assert set(complete(framework)) == expected_complete
    assert set(preferred(framework)) == expected_preferred
    assert set(stable(framework)) == expected_stable


def test_floating_reinstatement_acceptance() -> None:
    """In the floating example d is skeptically accepted under preferred semantics, a only credulously."""
    framework = af("abcd", "ab ba ac bc cd")
    assert skeptical(framework, "d", "preferred")
    assert not skeptical(framework, "a", "preferred")
    assert credulous(framework, "a", "preferred")
    assert not credulous(framework, "c", "preferred")
    assert not skeptical(framework, "d", "grounded")


def test_no_stable_extension_makes_everything_skeptically_stable() -> None:
    """As at ICCMA: with no stable extension, skeptical acceptance holds vacuously and credulous never."""
    framework = af("abc", "ab bc ca")
    assert skeptical(framework, "a", "stable")
    assert not credulous(framework, "a", "stable")


def test_acceptance_of_an_unknown_argument_is_an_error() -> None:
    """Asking about an argument the framework lacks raises, rather than answering False."""
    with pytest.raises(UnknownElementError):
        credulous(af("ab"), "z")


def test_preferred_is_lazy() -> None:
    """preferred() is a generator: the first extension comes without enumerating the rest."""
    pairs = " ".join(f"{pair} {pair[::-1]}" for pair in ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op"])
    framework = af("abcdefghijklmnop", pairs)  # eight independent Nixon diamonds: 256 extensions
    found = preferred(framework)
    assert len(next(found)) == 8
    assert len(list(found)) == 255


def test_grounded_handles_a_long_chain_without_recursion() -> None:
    """A chain of 200,000 attacks alternates in and out, with no recursion limit in the way."""
    names = [str(number) for number in range(200_000)]
    framework = Framework(names, pairwise(names))
    labelling = grounded_labelling(framework)
    assert labelling["0"] == "in"
    assert labelling["1"] == "out"
    assert labelling["199999"] == "out"
    assert len(labelling.extension) == 100_000


def test_framework_is_refused_when_it_makes_no_sense() -> None:
    """Repeated names, attacks on unknown arguments and malformed attacks are refused with clear errors."""
    with pytest.raises(InvalidElementError, match="named twice"):
        Framework(["a", "a"])
    with pytest.raises(UnknownElementError, match="'z'"):
        Framework(["a"], [("a", "z")])
    with pytest.raises(InvalidElementError, match="pair"):
        Framework(["a"], [("a",)])  # type: ignore[list-item]
    with pytest.raises(OptionError, match="unknown semantics"):
        list(extensions(af("a"), "naive"))  # type: ignore[arg-type]


def test_framework_queries_and_equality() -> None:
    """A framework answers who attacks whom, counts a repeated attack once, and compares by content."""
    framework = Framework("abc", [("a", "b"), ("a", "b"), ("c", "b")])
    assert framework.attacks == (("a", "b"), ("c", "b"))
    assert framework.attackers("b") == ("a", "c")
    assert framework.targets("a") == ("b",)
    assert "a" in framework
    assert "z" not in framework
    assert list(framework) == ["a", "b", "c"]
    assert framework == Framework("abc", [("c", "b"), ("a", "b")])
    assert framework != Framework("abc", [("a", "b")])
    assert repr(framework) == "<Framework: 3 arguments, 2 attacks>"


# ------------------------------------------------------------------- definitions


def conflict_free(framework: Framework, extension: frozenset[str]) -> bool:
    """Tell whether no member of *extension* attacks a member."""
    return not any(attacker in extension and target in extension for attacker, target in framework.attacks)


def defends(framework: Framework, extension: frozenset[str], argument: str) -> bool:
    """Tell whether *extension* attacks every attacker of *argument*."""
    return all(
        any((defender, attacker) in set(framework.attacks) for defender in extension)
        for attacker in framework.attackers(argument)
    )


def admissible(framework: Framework, extension: frozenset[str]) -> bool:
    """Tell whether *extension* is conflict-free and defends each of its members."""
    return conflict_free(framework, extension) and all(defends(framework, extension, a) for a in extension)


def is_complete(framework: Framework, extension: frozenset[str]) -> bool:
    """Tell whether *extension* is admissible and holds every argument it defends."""
    return admissible(framework, extension) and all(
        (argument in extension) == defends(framework, extension, argument) for argument in framework.arguments
    )


def subsets(arguments: Iterable[str]) -> list[frozenset[str]]:
    """Return every subset of *arguments*."""
    items = list(arguments)
    return [frozenset(chosen) for size in range(len(items) + 1) for chosen in combinations(items, size)]


def brute_force(framework: Framework) -> dict[Semantics, set[frozenset[str]]]:
    """Return every semantics' extensions by trying every subset against Dung's definitions."""
    candidates = subsets(framework.arguments)
    admissible_sets = [s for s in candidates if admissible(framework, s)]
    complete_sets = [s for s in admissible_sets if is_complete(framework, s)]
    attacks = set(framework.attacks)
    stable_sets = [
        s
        for s in candidates
        if conflict_free(framework, s)
        and all(any((b, a) in attacks for b in s) for a in framework.arguments if a not in s)
    ]
    return {
        "grounded": {min(complete_sets, key=len)},
        "complete": set(complete_sets),
        "preferred": {s for s in admissible_sets if not any(s < other for other in admissible_sets)},
        "stable": set(stable_sets),
    }


@given(frameworks(max_arguments=10))
def test_all_four_semantics_agree_with_a_brute_force_reference(framework: Framework) -> None:
    """On frameworks up to 10 arguments, each semantics yields exactly the brute-force extensions, each once."""
    expected = brute_force(framework)
    for semantics in SEMANTICS:
        found = list(extensions(framework, semantics))
        assert len(found) == len(set(found)), f"{semantics} yielded an extension twice"
        assert set(found) == expected[semantics], semantics


@given(frameworks())
def test_every_extension_is_conflict_free(framework: Framework) -> None:
    """No extension of any semantics holds an argument and its attacker."""
    for semantics in SEMANTICS:
        for extension in extensions(framework, semantics):
            assert conflict_free(framework, extension)


@given(frameworks())
def test_grounded_is_the_least_complete_extension(framework: Framework) -> None:
    """The grounded extension is complete and contained in every complete extension."""
    least = grounded(framework)
    assert is_complete(framework, least)
    for extension in complete(framework):
        assert least <= extension


@given(frameworks())
def test_preferred_extensions_are_maximal_admissible_sets(framework: Framework) -> None:
    """Every preferred extension is admissible, and no complete extension strictly contains it."""
    found = list(preferred(framework))
    assert found, "every framework has at least one preferred extension"
    every_complete = list(complete(framework))
    for extension in found:
        assert admissible(framework, extension)
        assert not any(extension < other for other in every_complete)


@given(frameworks())
def test_stable_extensions_are_preferred_and_attack_everything_else(framework: Framework) -> None:
    """Every stable extension is preferred and attacks every argument outside it."""
    every_preferred = set(preferred(framework))
    for extension in stable(framework):
        assert extension in every_preferred
        assert labelling_of(framework, extension).undecided == frozenset()


@given(frameworks())
def test_labellings_agree_with_extensions(framework: Framework) -> None:
    """Each labelling is Caminada-complete and is the labelling of its extension: in = E, out = what E attacks."""
    for semantics in SEMANTICS:
        for labelling in labellings(framework, semantics):
            assert labelling == labelling_of(framework, labelling.extension)
            assert labelling.extension | labelling.out | labelling.undecided == frozenset(framework.arguments)
            for argument in framework.arguments:
                attackers = [labelling[attacker] for attacker in framework.attackers(argument)]
                assert (labelling[argument] == "in") == all(label == "out" for label in attackers)
                assert (labelling[argument] == "out") == any(label == "in" for label in attackers)
            if semantics == "stable":
                assert not labelling.undecided


@given(frameworks())
def test_acceptance_follows_its_definition(framework: Framework) -> None:
    """Credulous means in some extension, skeptical in all of them, for each semantics and argument."""
    for semantics in ("grounded", "preferred", "stable"):
        found = list(extensions(framework, semantics))
        for argument in framework.arguments:
            assert credulous(framework, argument, semantics) == any(argument in e for e in found)
            assert skeptical(framework, argument, semantics) == all(argument in e for e in found)
