"""check(): problems are reported as data, each code where it belongs, cycles always found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Problem, SkepticalResponse, Source, Undercut, check
from argmap._components import strongly_connected_components
from argmap.check import CODES, _in_cycles, _sieve, _words
from benchmarks.generate import build, plan
from tests.plain_check import plain_check
from tests.strategies import maps, texts


def codes(amap: ArgumentMap) -> list[str]:
    """Return the codes of the problems check finds, in order."""
    return [problem.code for problem in check(amap)]


def test_a_clean_map_has_no_problems() -> None:
    """An attributed, connected, acyclic map passes."""
    m = ArgumentMap()
    nyt = Source("The New York Times", kind="publication")
    m.support(m.claim("Kayani asked the C.I.A. to leave.", by=nyt), m.claim("The alliance may collapse.", by=nyt))
    assert check(m) == []


def test_self_support_is_an_error() -> None:
    """A claim among the premises of its own support is an error."""
    m = ArgumentMap()
    a = m.claim("Drones fly.")
    m.support([a, "Because drones fly, and more."], a, id="circular")
    (problem,) = check(m)
    assert (problem.severity, problem.code) == ("error", "self-support")
    assert problem.elements == (a.id, "circular")


def test_a_support_cycle_is_a_warning_naming_a_concrete_circle() -> None:
    """Claims supporting each other in a circle are reported once, with the circle spelled out."""
    m = ArgumentMap()
    a, b, c = (m.claim(f"Claim {name} holds.", id=name) for name in "abc")
    m.support(a, b)
    m.support(b, c)
    m.support(c, a)
    (problem,) = check(m)
    assert (problem.severity, problem.code) == ("warning", "support-cycle")
    assert set(problem.elements) == {"a", "b", "c"}
    assert "a → b → c → a" in problem.message


def test_orphans_and_unattributed_claims_are_warnings() -> None:
    """A claim connected to nothing, and one without a source in a sourced map, are warned about."""
    m = ArgumentMap()
    m.claim("Connected to nothing.", by=Source("Dawn", kind="publication"))
    m.claim("Said by nobody in particular.")
    assert codes(m) == ["orphan-claim", "orphan-claim", "unattributed-claim"]
    single = ArgumentMap()
    single.claim("A lone claim is the whole map.")
    assert codes(single) == []


def test_an_undercut_of_a_claim_is_an_error_and_of_an_attack_a_warning() -> None:
    """Undercuts belong on supports; on a claim they are a mistake, on a rebuttal an attack on an attack."""
    m = ArgumentMap()
    target = m.claim("The base is vacated.", id="vacated")
    rebuttal = m.rebut("That base is neither vacated nor being vacated.", target)
    m.add(Undercut("vacated", rebuttal.id, id="on-attack"))
    m.add(Undercut(rebuttal.attacker, "vacated", id="on-claim"))
    problems = [p for p in check(m) if p.code == "undercut-target-not-support"]
    assert [(p.severity, p.elements[0]) for p in problems] == [("warning", "on-attack"), ("error", "on-claim")]


def test_self_attack_and_skeptical_responses_to_attacks_are_reported() -> None:
    """A claim rebutting itself is an error; a skeptical response to a rebuttal is a warning."""
    m = ArgumentMap()
    a = m.claim("Strikes continue.", id="a")
    m.rebut(a, a, id="self")
    rebuttal = m.rebut("Strikes stopped.", a)
    m.skeptical_response("Who knows?", rebuttal)
    found = {p.code: p.severity for p in check(m)}
    assert found["self-attack"] == "error"
    assert found["skeptical-response-target"] == "warning"


def test_duplicate_texts_are_warned_about() -> None:
    """Two claims with the same text (case and spacing aside) are probably one."""
    m = ArgumentMap()
    m.rebut(m.claim("Drones fly."), m.claim("drones   FLY."))
    assert "duplicate-text" in codes(m)


@given(maps())
def test_every_problem_has_a_known_code_and_real_elements(amap: ArgumentMap) -> None:
    """Check never invents codes or ids."""
    for problem in check(amap):
        assert isinstance(problem, Problem)
        assert problem.code in CODES
        assert problem.severity in ("error", "warning")
        assert all(id in amap for id in problem.elements), problem


@given(maps(max_relations=6), st.lists(st.integers(2, 5), min_size=1, max_size=3), st.data())
def test_check_finds_every_planted_cycle(amap: ArgumentMap, lengths: list[int], data: st.DataObject) -> None:
    """Whatever else a map holds, every support cycle planted in it lies inside one reported cycle."""
    planted: list[set[str]] = []
    for number, length in enumerate(lengths):
        names = [f"cycle-{number}-{step}" for step in range(length)]
        for name in names:
            amap.claim(f"Cycle {number} claim {name}.", id=name)
        entry = data.draw(st.sampled_from(amap.claims))  # tie the circle to the rest of the map
        amap.support(entry, names[0], id=f"entry-{number}")
        for here, there in zip(names, names[1:] + names[:1], strict=True):
            amap.support(here, there)
        planted.append(set(names))
    reported = [set(p.elements) for p in check(amap) if p.code == "support-cycle"]
    for circle in planted:
        assert any(circle <= found for found in reported), (circle, reported)


@given(st.dictionaries(st.integers(0, 12), st.lists(st.integers(0, 12), max_size=3), max_size=13))
def test_cutting_keeps_every_claim_on_a_circle_and_only_those_a_circle_leads_to(graph: dict[int, list[int]]) -> None:
    """The claims kept for the search for circles include every claim on one, and only claims a circle leads to.

    Each keeps its successors that are kept, in their order, so the search finds the circles of the whole graph.
    """
    successors = {str(node): [str(target) for target in targets if target != node] for node, targets in graph.items()}
    successors = {node: targets for node, targets in successors.items() if targets}
    predecessors: dict[str, set[str]] = {}
    for node, targets in successors.items():
        for target in targets:
            predecessors.setdefault(target, set()).add(node)

    def after_a_circle(start: str) -> bool:
        """Tell, by brute force, whether a walk back from *start* can go on for ever (so meets a circle)."""
        frontier = {start}
        for _ in range(len(successors) + 2):
            frontier = {before for node in frontier for before in predecessors.get(node, ())}
        return bool(frontier)

    def circles(graph: dict[str, list[str]]) -> set[frozenset[str]]:
        found = strongly_connected_components(graph, lambda node: graph.get(node, []))
        return {frozenset(component) for component in found if len(component) > 1}

    kept = _in_cycles(successors)
    on_a_circle = {node for circle in circles(successors) for node in circle}
    assert on_a_circle <= set(kept) <= {node for node in successors if after_a_circle(node)}
    assert all(kept[node] == [target for target in successors[node] if target in kept] for node in kept)
    assert circles(kept) == circles(successors)


@given(
    maps(max_claims=12, max_relations=20),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["same", "upper", "spaced"])), max_size=4),
    st.data(),
)
def test_check_reports_exactly_what_the_plain_rules_report(
    amap: ArgumentMap, copies: list[tuple[int, str]], data: st.DataObject
) -> None:
    """check() reads the map once and works in bulk; the same rules written plainly find the same problems, in order.

    Besides the drawn map: claims whose texts repeat another's up to case and
    white space, and undercuts and skeptical responses of any relation.
    """
    for number, (which, how) in enumerate(copies):
        text = amap.claims[which % len(amap.claims)].text
        text = {"same": text, "upper": text.upper(), "spaced": "\u2003" + text.replace(" ", " \t ") + "\n"}[how]
        if not text.isspace():
            amap.claim(text, id=f"copy-{number}")
    drawn = data.draw(st.booleans())
    if amap.relations and drawn:
        target = data.draw(st.sampled_from(amap.relations))
        attacker = data.draw(st.sampled_from(amap.claims))
        if data.draw(st.booleans()):
            amap.add(Undercut(attacker.id, target.id, id="drawn-undercut"))
        else:
            amap.add(SkepticalResponse(attacker.id, target.id, id="drawn-response"))
    assert check(amap) == plain_check(amap)


@given(
    st.one_of(texts, st.text(st.sampled_from("aAßSsK\u212a \t\n\u2003\u00a0\u0130i\u0307ﬁ"), min_size=1, max_size=12))
)
def test_the_duplicate_sieve_is_a_function_of_the_words_compared(text: str) -> None:
    """Texts equal up to case and white space meet in the sieve: it depends on nothing but their folded words."""
    words = _words(text)
    assert _sieve(text) == (words.replace(" ", "").encode("ascii") if words.isascii() else words)
    assert words == " ".join(text.casefold().split())


def test_check_reports_what_the_plain_rules_report_on_a_generated_map() -> None:
    """On a benchmark map of 1,000 claims (circles, orphans, unattributed claims) check() agrees with plain rules."""
    amap = build(plan(1_000))
    problems = check(amap)
    assert {problem.code for problem in problems} >= {"support-cycle", "orphan-claim", "unattributed-claim"}
    assert problems == plain_check(amap)


@given(
    st.lists(
        st.text(st.sampled_from("aAbB \t\n\x0b\x1f\x00.é"), min_size=1, max_size=6).filter(lambda t: not t.isspace()),
        min_size=1,
        max_size=8,
    )
)
def test_duplicate_texts_are_found_alike_in_bulk_and_one_by_one(texts: list[str]) -> None:
    """Texts that repeat up to case and white space are reported as the plain rule reports them.

    ASCII texts are sieved all at once, joined by a NUL; a text holding a NUL
    itself, or any letter beyond ASCII, sends them one by one.
    """
    amap = ArgumentMap()
    for number, text in enumerate(texts):
        amap.claim(text, id=f"claim-{number}")
    assert check(amap) == plain_check(amap)
