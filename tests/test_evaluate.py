"""Evaluating maps: the translation rules, the skeptical response rule, readable reasons, hostile maps."""

from __future__ import annotations

import contextlib
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgumentMap, Claim, SkepticalResponse, Support, evaluate
from argmap.errors import LimitError, OptionError, UnknownElementError
from argmap.evaluate import ARGUMENT_LIMIT, ATTACK_LIMIT, STATUSES, VERDICT_LIMIT
from argmap.semantics import SEMANTICS, Semantics, extensions
from benchmarks.generate import build, plan
from tests.strategies import maps


def claims(amap: ArgumentMap, *ids: str) -> list[Claim]:
    """Add one claim per id, with a text made from the id, and return them."""
    return [amap.claim(f"Claim {id}.", id=id) for id in ids]


def test_an_unchallenged_claim_stands() -> None:
    """A claim nothing supports or challenges is taken as given and accepted."""
    m = ArgumentMap()
    claims(m, "a")
    verdict = evaluate(m)["a"]
    assert verdict == argmap.Verdict("accepted", "accepted: nothing on the map challenges it")


def test_a_rebutted_claim_falls_and_is_reinstated_when_its_rebuttal_falls() -> None:
    """A rebutted by b: a rejected; b rebutted in turn by c: b rejected and a reinstated."""
    m = ArgumentMap()
    a, b, c = claims(m, "a", "b", "c")
    m.rebut(b, a)
    first = evaluate(m)
    assert first["a"] == argmap.Verdict("rejected", "rejected: rebutted by [b], which stands", ("b", "rebuttal:b>a"))
    assert first["rebuttal:b>a"].status == "accepted"
    m.rebut(c, b)
    second = evaluate(m)
    assert [second.status(x) for x in (a, b, c)] == ["accepted", "rejected", "accepted"]
    assert second["rebuttal:b>a"].reason == "rejected: [b] is rejected, so the rebuttal has no force"
    assert second["a"].reason == "accepted: taken as given; every challenge fails, as [b] is rejected"


def test_a_linked_support_needs_every_premise() -> None:
    """A conclusion resting on a linked support falls when one premise falls, and says which."""
    m = ArgumentMap()
    p, q, conclusion, r = claims(m, "p", "q", "c", "r")
    linked = m.support([p, q], conclusion)
    assert evaluate(m)["c"].reason == "accepted: follows from [p] and [q]"
    m.rebut(r, q)
    result = evaluate(m)
    assert result.status(linked) == "rejected"
    assert result[linked].reason == "rejected: rests on [q], which is rejected"
    assert result["c"].reason == "rejected: its support rests on [q], which is rejected"
    assert result.status(p) == "accepted"


def test_an_undercut_defeats_only_the_support_it_targets() -> None:
    """The undercut support falls; its conclusion keeps standing on its other, independent support."""
    m = ArgumentMap()
    p, q, conclusion, u = claims(m, "p", "q", "c", "u")
    undercut_support = m.support(p, conclusion)
    other = m.support(q, conclusion)
    m.undercut(u, undercut_support)
    result = evaluate(m)
    assert result[undercut_support].reason == "rejected: undercut by [u], which stands"
    assert result.status(other) == "accepted"
    assert result["c"].reason == "accepted: follows from [q]"
    assert result.status(p) == "accepted"  # an undercut spares the premises


def test_a_claim_whose_only_support_is_undercut_falls() -> None:
    """Without another support, a conclusion loses its standing with its undercut support."""
    m = ArgumentMap()
    p, conclusion, u = claims(m, "p", "c", "u")
    m.undercut(u, m.support(p, conclusion))
    assert evaluate(m)["c"].reason == "rejected: its support is undercut by [u], which stands"


def test_what_rests_on_a_rebutted_claim_falls_with_it() -> None:
    """Rebutting a premise defeats the chain above it: the conclusion two supports up is rejected."""
    m = ArgumentMap()
    a, b, c, r = claims(m, "a", "b", "c", "r")
    m.support(a, b)
    m.support(b, c)
    m.rebut(r, a)
    result = evaluate(m)
    assert [result.status(x) for x in (a, b, c)] == ["rejected", "rejected", "rejected"]


def test_circular_support_stands_on_nothing() -> None:
    """Claims that only support each other have no argument: rejected as circular, not accepted."""
    m = ArgumentMap()
    a, b = claims(m, "a", "b")
    m.support(a, b)
    m.support(b, a)
    result = evaluate(m)
    assert result["a"].status == "rejected"
    assert result["a"].reason == "rejected: it rests only on circular support"


def test_a_skeptical_response_leaves_its_target_undecided_not_rejected() -> None:
    """The skeptical response rule: an unanswered response and its target attack each other; grounded decides none."""
    m = ArgumentMap()
    fewer, tweet = claims(m, "fewer", "tweet")
    response = m.skeptical_response(tweet, fewer, stance="sarcasm")
    result = evaluate(m)
    assert result["fewer"] == argmap.Verdict(
        "undecided", "undecided: answered skeptically by [tweet], neither upheld nor dismissed", ("tweet", response.id)
    )
    assert result.status(tweet) == "undecided"
    assert result.status(response) == "undecided"


def test_preferred_semantics_gives_a_believers_and_a_skeptics_view() -> None:
    """Under preferred semantics the skeptical response splits the map in two views, credulously accepting each side."""
    m = ArgumentMap()
    fewer, tweet = claims(m, "fewer", "tweet")
    m.skeptical_response(tweet, fewer)
    result = evaluate(m, "preferred")
    assert len(result.views) == 2
    assert {view["fewer"].status for view in result.views} == {"accepted", "rejected"}
    assert result.credulous(fewer)
    assert not result.skeptical(fewer)
    assert result["fewer"].status == "undecided"
    assert result["fewer"].reason == "undecided: the 2 preferred extensions disagree: accepted in 1, rejected in 1"
    believer = next(view for view in result.views if view["fewer"].status == "accepted")
    assert believer["tweet"].reason == "rejected: it responds skeptically to [fewer], which stands"


def test_a_skeptical_response_that_falls_leaves_its_target_standing() -> None:
    """A skeptical response whose voice is rebutted no longer contests: its target is accepted."""
    m = ArgumentMap()
    fewer, tweet, answer = claims(m, "fewer", "tweet", "answer")
    m.skeptical_response(tweet, fewer)
    m.rebut(answer, tweet)
    result = evaluate(m)
    assert result.status(fewer) == "accepted"
    assert result.status(tweet) == "rejected"


def test_a_support_answered_skeptically_is_undecided_and_so_is_its_conclusion() -> None:
    """A skeptical response to an inference leaves the support, and a conclusion resting on it alone, undecided."""
    m = ArgumentMap()
    p, conclusion, skeptic = claims(m, "p", "c", "d")
    support = m.support(p, conclusion)
    m.skeptical_response(skeptic, support)
    result = evaluate(m)
    assert result.status(support) == "undecided"
    assert result.status(conclusion) == "undecided"
    assert result.status(p) == "accepted"


def test_no_stable_extension_leaves_everything_undecided() -> None:
    """An odd circle of rebuttals has no stable extension: every verdict is undecided and says why."""
    m = ArgumentMap()
    a, b, c = claims(m, "a", "b", "c")
    m.rebut(a, b)
    m.rebut(b, c)
    m.rebut(c, a)
    result = evaluate(m, "stable")
    assert result.views == ()
    assert result["a"] == argmap.Verdict("undecided", "undecided: the map has no stable extension")
    assert not result.skeptical(a)
    assert not result.credulous(a)


def test_the_framework_built_is_inspectable() -> None:
    """The evaluation exposes the framework and what each of its arguments argues for."""
    m = ArgumentMap()
    p, conclusion, r = claims(m, "p", "c", "r")
    support = m.support(p, conclusion)
    m.rebut(r, p)
    result = evaluate(m)
    by_conclusion = {argument.conclusion: argument for argument in result.arguments.values()}
    derived = by_conclusion["c"]
    assert derived.support == support.id
    assert [result.arguments[name].conclusion for name in derived.premises] == ["p"]
    attacked = set(result.framework.targets(by_conclusion["r"].name))
    assert attacked == {by_conclusion["p"].name, derived.name}  # the rebuttal hits what rests on p too


def test_a_tangle_of_supports_is_refused_clearly() -> None:
    """Supports that combine into more arguments than the limit give a LimitError, not a hang."""
    m = ArgumentMap()
    previous = m.claim("Claim x0.", id="x0")
    for level in range(16):  # two alternative supports per level: 2**16 arguments for the top claim
        left, right = claims(m, f"y{level}", f"z{level}")
        top = m.claim(f"Claim x{level + 1}.", id=f"x{level + 1}")
        m.support([previous, left], top)
        m.support([previous, right], top)
        previous = top
    told = f"more than {ARGUMENT_LIMIT:,} arguments, the most argmap evaluates"
    with pytest.raises(LimitError, match=told) as caught:
        evaluate(m)
    assert "tangled" not in str(caught.value)  # the user is told the limit, not judged


def test_unknown_semantics_and_elements_are_errors() -> None:
    """An unknown semantics or element id raises a clear error."""
    m = ArgumentMap()
    claims(m, "a")
    with pytest.raises(OptionError, match="unknown semantics 'naive'"):
        evaluate(m, "naive")  # type: ignore[arg-type]
    with pytest.raises(UnknownElementError, match="'zz'"):
        evaluate(m)["zz"]


def test_an_attack_on_a_rebuttal_is_reported_but_not_evaluated() -> None:
    """An undercut aimed at a rebuttal (check warns of it) has a verdict whose reason says it is not evaluated."""
    m = ArgumentMap()
    a, b, u = claims(m, "a", "b", "u")
    rebuttal = m.rebut(b, a)
    undercut = m.undercut(u, rebuttal.id)
    result = evaluate(m)
    assert result.status(a) == "rejected"
    assert result[undercut].reason == (
        "accepted: [u] stands, so the undercut holds; its target, a rebuttal, is not evaluated (see argmap check)"
    )


# -------------------------------------------------------------------- properties


@given(maps(), st.sampled_from(SEMANTICS))
def test_every_claim_and_relation_has_a_verdict(amap: ArgumentMap, semantics: Semantics) -> None:
    """Every claim and relation of any map gets a verdict, in each view, with a reason starting with its status."""
    result = evaluate(amap, semantics)
    ids = [claim.id for claim in amap.claims] + [relation.id for relation in amap.relations]
    assert list(result.verdicts) == ids
    assert len(result.views) == sum(1 for _ in extensions(result.framework, semantics))
    for view in (result.verdicts, *result.views):
        assert list(view) == ids
        for verdict in view.values():
            assert verdict.status in STATUSES
            assert verdict.reason.startswith(verdict.status)
    if semantics == "grounded":
        assert len(result.views) == 1


@given(maps(), st.sampled_from(SEMANTICS))
def test_verdicts_follow_the_labelling_of_the_framework(amap: ArgumentMap, semantics: Semantics) -> None:
    """In each view, exactly the claims with an argument in the view's extension are accepted."""
    result = evaluate(amap, semantics)
    concluding: dict[str, set[str]] = {claim.id: set() for claim in amap.claims}
    for name, argument in result.arguments.items():
        concluding[argument.conclusion].add(name)
    expected = sorted(
        sorted(claim for claim, names in concluding.items() if names & extension)
        for extension in extensions(result.framework, semantics)
    )
    found = sorted(
        sorted(claim.id for claim in amap.claims if view[claim.id].status == "accepted") for view in result.views
    )
    assert found == expected


@given(maps())
def test_an_accepted_support_makes_its_conclusion_accepted(amap: ArgumentMap) -> None:
    """Whenever a support holds, the claim it concludes is accepted, in every semantics' views."""
    for semantics in ("grounded", "preferred"):
        result = evaluate(amap, semantics)
        for view in result.views:
            for support in amap.supports:
                if view[support.id].status == "accepted":
                    assert view[support.conclusion].status == "accepted"


@given(maps())
def test_an_unchallenged_given_claim_stands(amap: ArgumentMap) -> None:
    """A claim with no support, rebuttal or skeptical response, that answers nothing itself, is accepted (grounded)."""
    result = evaluate(amap)
    for claim in amap.claims:
        if amap.incoming(claim.id) or any(isinstance(r, SkepticalResponse) for r in amap.outgoing(claim.id)):
            continue
        assert result.status(claim) == "accepted"


@given(maps())
def test_a_claim_on_accepted_supports_and_unchallenged_stands(amap: ArgumentMap) -> None:
    """A claim no rebuttal or skeptical response reaches, with every support accepted (at least one), stands."""
    result = evaluate(amap)
    for claim in amap.claims:
        incoming = amap.incoming(claim.id)
        supports = [r for r in incoming if isinstance(r, Support)]
        if len(supports) != len(incoming) or not supports:
            continue
        if all(result.status(s) == "accepted" for s in supports):
            assert result.status(claim) == "accepted"


@given(maps())
def test_a_claim_answered_skeptically_that_nothing_else_touches_is_undecided(amap: ArgumentMap) -> None:
    """Add a fresh skeptical response to an unsupported, unchallenged claim: under grounded both become undecided."""
    for claim in amap.claims:
        if not amap.incoming(claim.id) and not amap.outgoing(claim.id):
            skeptic = amap.claim("A fresh response, nothing else said of it.", id="fresh-response-xyz")
            amap.skeptical_response(skeptic, claim)
            result = evaluate(amap)
            assert result.status(claim) == "undecided"
            assert result.status(skeptic) == "undecided"
            return


Built = tuple[str, str | None, tuple[int, ...]]


def reference_arguments(amap: ArgumentMap) -> tuple[list[Built], set[tuple[int, int]]]:
    """Build the arguments and attacks the plain way, each argument keeping every claim and support beneath it.

    The rule as docs/evaluation.md states it, in memory that grows with the
    square of a chain's length; evaluate() must build exactly this.
    """
    from collections import deque
    from itertools import product

    from argmap import Rebuttal, Undercut

    uses: dict[str, list[tuple[Support, int]]] = {}
    for support in amap.supports:
        for position, premise in enumerate(support.premises):
            uses.setdefault(premise, []).append((support, position))
    supported = {support.conclusion for support in amap.supports}
    built: list[tuple[str, str | None, tuple[int, ...], frozenset[str]]] = []
    concluding: dict[str, list[int]] = {claim.id: [] for claim in amap.claims}
    kept: dict[tuple[str, str | None], list[frozenset[str]]] = {}
    queue: deque[int] = deque()

    def add(conclusion: str, support: str | None, premises: tuple[int, ...], basis: frozenset[str]) -> None:
        alike = kept.setdefault((conclusion, support), [])
        if not any(other <= basis for other in alike):
            alike.append(basis)
            concluding[conclusion].append(len(built))
            queue.append(len(built))
            built.append((conclusion, support, premises, basis))

    for claim in amap.claims:
        if claim.id not in supported:
            add(claim.id, None, (), frozenset((claim.id,)))
    while queue:
        new = queue.popleft()
        for support, position in uses.get(built[new][0], ()):
            pools = [concluding[premise] for premise in support.premises]
            pools[position] = [new]
            for premises in product(*pools):
                below = frozenset().union(*(built[p][3] for p in premises))
                if support.conclusion not in below:
                    add(support.conclusion, support.id, premises, below | {support.conclusion, support.id})
    attacks: set[tuple[int, int]] = set()
    topped = {support.id for support in amap.supports}
    for relation in amap.relations:
        pairs: list[tuple[str, str]] = []
        if isinstance(relation, Rebuttal) or (isinstance(relation, Undercut) and relation.target in topped):
            pairs = [(relation.attacker, relation.target)]
        elif isinstance(relation, SkepticalResponse):
            if relation.target in concluding:
                pairs = [(relation.response, relation.target), (relation.target, relation.response)]
            elif relation.target in topped:
                pairs = [(relation.response, relation.target)]
                attacks |= {
                    (a, t)
                    for a, argument in enumerate(built)
                    if argument[1] == relation.target
                    for t, other in enumerate(built)
                    if relation.response in other[3]
                }
        for attacker, target in pairs:
            attacks |= {
                (a, t)
                for a, argument in enumerate(built)
                if argument[0] == attacker
                for t, other in enumerate(built)
                if target in other[3]
            }
    return [(conclusion, support, premises) for conclusion, support, premises, _ in built], attacks


@st.composite
def tangled_maps(draw: st.DrawFn) -> ArgumentMap:
    """Draw a map dense in supports over a few claims: cycles, linked supports, alternatives, attacks on them."""
    m = ArgumentMap()
    ids = [f"c{n}" for n in range(draw(st.integers(1, 7)))]
    claims(m, *ids)
    for _ in range(draw(st.integers(0, 12))):
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        conclusion = draw(st.sampled_from(ids))
        support = Support(premises, conclusion)
        if support.id not in m:
            m.add(support)
    supports = [support.id for support in m.supports]
    for _ in range(draw(st.integers(0, 4))):
        attacker = draw(st.sampled_from(ids))
        kind = draw(st.sampled_from(["rebut", "undercut", "skeptical_response"]))
        if kind == "rebut":
            target = draw(st.sampled_from(ids))
            if target != attacker and f"rebuttal:{attacker}>{target}" not in m:
                m.rebut(attacker, target)
        elif supports:
            target = draw(st.sampled_from(supports))
            relation = m.undercut if kind == "undercut" else m.skeptical_response
            with contextlib.suppress(ArgmapError):  # the same relation twice
                relation(attacker, target)
    return m


@given(st.one_of(tangled_maps(), maps()))
def test_arguments_are_built_as_the_plain_rule_builds_them(amap: ArgumentMap) -> None:
    """The arguments and attacks evaluate() builds, in linear memory, are the ones the plain rule gives."""
    arguments, attacks = reference_arguments(amap)
    result = evaluate(amap)
    names = list(result.arguments)
    found = [
        (argument.conclusion, argument.support, tuple(names.index(p) for p in argument.premises))
        for argument in result.arguments.values()
    ]
    assert found == arguments
    index = {name: number for number, name in enumerate(names)}
    assert {(index[a], index[t]) for a, t in result.framework.attacks} == attacks


def test_a_long_support_chain_evaluates() -> None:
    """A chain of 3,000 supports (9 million claim-argument pairs the plain way) evaluates, every claim accepted."""
    m = ArgumentMap()
    previous = m.claim("Claim 0.", id="c0")
    for number in range(1, 3000):
        claim = m.claim(f"Claim {number}.", id=f"c{number}")
        m.support(previous, claim)
        previous = claim
    m.rebut(m.claim("An objection.", id="x"), "c2000")
    result = evaluate(m)
    assert result.status("c1999") == "accepted"
    assert result.status("c2000") == "rejected"
    assert result.status("c2999") == "rejected"  # what rests on a rebutted claim falls with it


def pairs_map(count: int) -> ArgumentMap:
    """Return a map of *count* pairs of claims that rebut each other: 2**count preferred extensions."""
    m = ArgumentMap()
    for pair in range(count):
        a, b = claims(m, f"a{pair}", f"b{pair}")
        m.rebut(a, b)
        m.rebut(b, a)
    return m


@pytest.mark.parametrize("semantics", ["complete", "preferred", "stable"])
def test_a_map_with_too_many_extensions_is_refused_clearly(semantics: Semantics) -> None:
    """More extensions than the verdicts argmap keeps allow give a LimitError, not unbounded memory.

    Fourteen pairs that rebut each other have 2**14 preferred and stable extensions (3**14 complete
    ones) over 56 claims and relations: before the limit, each became a view and the process grew
    without end (a 1,000-claim map of many arguments took 22 GB and was killed).
    """
    m = pairs_map(14)
    allowed = VERDICT_LIMIT // 56
    told = f"more than {allowed:,} {semantics} extensions, the most argmap keeps for its 56 claims and relations"
    with pytest.raises(LimitError, match=told):
        evaluate(m, semantics)
    assert evaluate(m).status("a0") == "undecided"  # grounded has one extension, always


@given(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=800))
def test_the_extension_limit_is_exact(count: int, limit: int) -> None:
    """A map is evaluated exactly when its extensions times its claims and relations are within the limit.

    One extension is always allowed, so that grounded semantics evaluates any map.
    """
    m = pairs_map(count)
    allowed = max(1, limit // (4 * count))
    with mock.patch("argmap.evaluate.VERDICT_LIMIT", limit):
        if 2**count <= allowed:
            assert len(evaluate(m, "preferred").views) == 2**count
            assert evaluate(m).status("a0") == "undecided"
        else:
            assert evaluate(m).status("a0") == "undecided"
            with pytest.raises(LimitError, match=f"more than {allowed:,} preferred extensions"):
                evaluate(m, "preferred")


def rebutted_map(attackers: int) -> ArgumentMap:
    """Return a map whose claim t supports u and is rebutted by *attackers* claims: 2 attacks each.

    Each attacker's one argument attacks the two arguments that hold t: t itself, and u resting on it.
    """
    m = ArgumentMap()
    t, u = claims(m, "t", "u")
    m.support(t, u)
    for number in range(attackers):
        m.rebut(m.claim(f"Attacker number {number}.", id=f"r{number}"), t)
    return m


@given(st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=70))
def test_the_attack_limit_is_exact(attackers: int, limit: int) -> None:
    """A map is evaluated exactly when its arguments attack each other at most ATTACK_LIMIT times."""
    m = rebutted_map(attackers)
    with mock.patch("argmap.evaluate.ATTACK_LIMIT", limit):
        if 2 * attackers <= limit:
            assert evaluate(m).status("t") == "rejected"
        else:
            with pytest.raises(LimitError, match=f"attack each other more than {limit:,} times"):
                evaluate(m)


def test_a_map_of_many_attacks_is_refused_before_they_are_listed() -> None:
    """A 300-claim map of many cross-supports: 17,474 arguments, 286 million attacks (51 s and 2.3 GB before)."""
    m = build(plan(300))
    told = f"arguments attack each other more than {ATTACK_LIMIT:,} times, the most argmap evaluates"
    with pytest.raises(LimitError, match=told):
        evaluate(m)
