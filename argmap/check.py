"""The rules that find problems in a map, reported as data rather than raised.

The builder refuses what can never make sense (a dangling reference, a
duplicate id). What looks wrong but may be meant, such as a support cycle or
an unattributed claim in a news map, is left in the map and reported here,
so that a user can decide. Each problem (:class:`~argmap.problems.Problem`)
has a severity, a stable code, a sentence and the ids of the elements involved.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> a = m.claim("Drone strikes continue.")
>>> _ = m.support(a, m.claim("Pakistan cooperates in secret."))
>>> _ = m.support("Pakistan cooperates in secret.", a)
>>> [problem.code for problem in check(m)]
['support-cycle']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, contains, eq, methodcaller, not_
from typing import Any, TypeVar, cast

from argmap._components import strongly_connected_components
from argmap._io import paused_gc
from argmap.map import ArgumentMap
from argmap.model import Claim, Rebuttal, Relation, SkepticalResponse, Support, Undercut, endpoints
from argmap.problems import CODES, Problem, Problems, Severity

# Problem, Problems, Severity and CODES live in argmap.problems; they stay importable from here, where they began.
__all__ = ["CODES", "Problem", "Problems", "Severity", "check"]


def check(amap: ArgumentMap) -> Problems:
    """Return every problem found in *amap*, errors and warnings, in a stable order.

    Problems found while loading the map from a file (its
    :attr:`~argmap.map.ArgumentMap.load_problems`) come first.
    """
    problems = Problems(amap.load_problems)
    with paused_gc():  # what the rules gather stays until they end: nothing for the collector to find
        parts = _Parts(amap)
        for rule in _RULES:
            problems.extend(rule(parts))
    return problems


class _Parts:
    """The map's claims and relations, read once for every rule: each rule used to walk the map on its own.

    The relations are sorted by kind in one pass and the ids every rule
    asks about are sets, so that each rule can find its few problems with
    bulk operations (``map``, ``compress``, set algebra) and walk only the
    elements it reports; at 100,000 claims and 150,000 relations a Python
    loop over every element was most of the time.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.map = amap
        self.claims = amap.claims
        self.relations = amap.relations
        relations = self.relations
        self.supports = amap.supports
        self.responses = amap.skeptical_responses
        others = compress(relations, map(not_, map(isinstance, relations, repeat((Support, SkepticalResponse)))))
        self.attacks: list[Rebuttal | Undercut] = list(others)  # type: ignore[arg-type]
        self.claim_ids = set(map(_ID, self.claims))
        self.premise_ids = set(chain.from_iterable(map(_PREMISES, self.supports)))
        self.conclusion_ids = set(map(_CONCLUSION, self.supports))
        self.self_supports = list(
            compress(self.supports, map(contains, map(_PREMISES, self.supports), map(_CONCLUSION, self.supports)))
        )

    def in_order(self, relations: Iterable[_R]) -> list[_R]:
        """Return *relations* (some of this map's) in the order the map holds them."""
        chosen = set(map(id, relations))
        if not chosen:
            return []
        return cast("list[_R]", list(compress(self.relations, map(chosen.__contains__, map(id, self.relations)))))


_R = TypeVar("_R", bound=Relation)


_ID = attrgetter("id")
_TEXT = attrgetter("text")
_CONCLUSION = attrgetter("conclusion")
_PREMISES = attrgetter("premises")
_ATTACKER = attrgetter("attacker")
_RESPONSE = attrgetter("response")
_TARGET = attrgetter("target")


def _origin(relation: Rebuttal | Undercut | SkepticalResponse) -> str:
    return relation.response if isinstance(relation, SkepticalResponse) else relation.attacker


def _self_reference(parts: _Parts) -> Iterator[Problem]:
    found: list[Relation] = [*parts.self_supports]
    kinds: tuple[tuple[Sequence[Rebuttal | Undercut | SkepticalResponse], Callable[[Any], str]], ...] = (
        (parts.attacks, _ATTACKER),
        (parts.responses, _RESPONSE),
    )
    for relations, origin_of in kinds:
        found += compress(relations, map(eq, map(origin_of, relations), map(_TARGET, relations)))
        # A claim takes part only in itself; a relation in its ends, looked up for the relations that point at one.
        for relation in compress(relations, map(not_, map(parts.claim_ids.__contains__, map(_TARGET, relations)))):
            target = parts.map[relation.target]
            if not isinstance(target, Claim):
                origins, conclusion = endpoints(target)
                if origin_of(relation) in origins or origin_of(relation) == conclusion:
                    found.append(relation)
    for each in parts.in_order(found):
        if isinstance(each, Support):
            yield Problem(
                "error",
                "self-support",
                f"claim {each.conclusion!r} is a premise of its own support {each.id!r}",
                (each.conclusion, each.id),
            )
        else:
            origin = _origin(each)
            yield Problem(
                "error",
                "self-attack",
                f"claim {origin!r} turns against {each.target!r}, which it is part of ({each.id!r})",
                (origin, each.id),
            )


def _support_cycles(parts: _Parts) -> Iterator[Problem]:
    """Report each strongly connected group of claims in the support graph.

    Only claims that both support and are supported can lie on a circle:
    the graph is built of those alone, then cut further by :func:`_in_cycles`,
    and its claims put in the order they first support another in the whole
    map, so that the search meets them, and reports circles, as it would in
    the whole graph.
    """
    supports = parts.supports
    between = parts.premise_ids & parts.conclusion_ids
    successors: dict[str, list[str]] = {}
    for support in compress(supports, map(between.__contains__, map(_CONCLUSION, supports))):
        conclusion = support.conclusion
        for premise in support.premises:
            if premise in between and premise != conclusion:
                found = successors.get(premise)
                if found is None:
                    successors[premise] = [conclusion]
                else:
                    found.append(conclusion)
    successors = _in_cycles(successors)
    if not successors:
        return
    if parts.self_supports:  # a premise that is its own conclusion is no edge, and comes first no sooner
        first = dict.fromkeys(p for s in supports for p in s.premises if p != s.conclusion and p in successors)
    else:
        first = dict.fromkeys(filter(successors.__contains__, chain.from_iterable(map(_PREMISES, supports))))
    successors = {claim: successors[claim] for claim in first}
    for component in strongly_connected_components(successors, lambda claim: successors.get(claim, [])):
        if len(component) > 1:
            yield _cycle_problem(component, successors)


def _in_cycles(successors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Return *successors* cut down to claims between circles: every claim on a circle, and none no circle leads to.

    A claim that nothing leads to, or that leads nowhere, lies on no circle.
    One cut in bulk (with sets) takes off both kinds; then the claims that
    only such claims lead to are peeled off, as a topological sort does. The
    search for circles is left a few thousand of the 100,000 claims of the
    benchmark map (14 ms instead of 363 ms), and the claims left keep their
    order and the order of their successors, so the search meets them as
    it would in the whole graph and reports the same circles.
    """
    leading_somewhere = set(chain.from_iterable(successors.values())).intersection(successors)
    successors = {
        claim: leading
        for claim, targets in successors.items()
        if claim in leading_somewhere and (leading := [target for target in targets if target in leading_somewhere])
    }
    leading_in = dict(Counter(chain.from_iterable(successors.values())))
    peeled = [claim for claim in successors if claim not in leading_in]
    while peeled:
        for target in successors.get(peeled.pop(), ()):
            count = leading_in[target] - 1
            leading_in[target] = count
            if not count:
                peeled.append(target)
    kept = {claim for claim in successors if leading_in.get(claim)}
    return {
        claim: [target for target in targets if target in kept]
        for claim, targets in successors.items()
        if claim in kept
    }


def _cycle_problem(component: list[str], successors: dict[str, list[str]]) -> Problem:
    members = set(component)
    ordered = component[::-1]  # the order the search met them
    # Walk from the first member along edges inside the component until a claim repeats: one concrete circle.
    path = [ordered[0]]
    seen = {ordered[0]: 0}
    while True:
        step = next(s for s in successors[path[-1]] if s in members)
        if step in seen:
            circle = [*path[seen[step] :], step]
            break
        seen[step] = len(path)
        path.append(step)
    return Problem(
        "warning",
        "support-cycle",
        f"{len(component)} claims support each other in a circle: {' → '.join(circle)}",
        tuple(ordered),
    )


def _orphans(parts: _Parts) -> Iterator[Problem]:
    if len(parts.claims) < 2:
        return
    orphans = parts.claim_ids - parts.premise_ids - parts.conclusion_ids
    orphans.difference_update(map(_ATTACKER, parts.attacks), map(_TARGET, parts.attacks))
    orphans.difference_update(map(_RESPONSE, parts.responses), map(_TARGET, parts.responses))
    if not orphans:
        return
    ids = list(map(_ID, parts.claims))
    for id in compress(ids, map(orphans.__contains__, ids)):
        yield Problem("warning", "orphan-claim", f"claim {id!r} is connected to nothing", (id,))


def _unattributed(parts: _Parts) -> Iterator[Problem]:
    if not parts.map.sources:
        return
    for claim in parts.claims:
        if claim.attribution is None:
            yield Problem(
                "warning",
                "unattributed-claim",
                f"claim {claim.id!r} has no source, though the map names sources",
                (claim.id,),
            )


def _relation_targets(parts: _Parts) -> Iterator[Problem]:
    supports = set(map(_ID, parts.supports))
    undercuts = [attack for attack in parts.attacks if isinstance(attack, Undercut)]
    found: list[Undercut | SkepticalResponse] = list(
        compress(undercuts, map(not_, map(supports.__contains__, map(_TARGET, undercuts))))
    )
    found += (
        response
        for response in parts.responses
        if response.target not in supports and response.target not in parts.claim_ids
    )
    amap = parts.map
    for relation in parts.in_order(found):
        target = amap[relation.target]
        if isinstance(relation, Undercut):
            if isinstance(target, Claim):
                yield Problem(
                    "error",
                    "undercut-target-not-support",
                    f"undercut {relation.id!r} attacks claim {target.id!r}; an attack on a claim is a rebuttal",
                    (relation.id, target.id),
                )
            else:
                yield Problem(
                    "warning",
                    "undercut-target-not-support",
                    f"undercut {relation.id!r} attacks {type(target).__name__.lower()} {target.id!r}, "
                    "not a support: an attack on an attack",
                    (relation.id, target.id),
                )
        else:
            yield Problem(
                "warning",
                "skeptical-response-target",
                f"skeptical response {relation.id!r} answers {type(target).__name__.lower()} {target.id!r}, "
                "which is neither a claim nor a support",
                (relation.id, target.id),
            )


def _duplicate_texts(parts: _Parts) -> Iterator[Problem]:
    """Report each claim whose text, up to case and white space, an earlier claim has.

    The rule compares the case-folded words of each text. Splitting 100,000
    texts into words is most of the rule's time, so a cheaper sieve comes
    first: ASCII text is lower-cased and stripped of its white space in
    bulk (all the texts joined into one, where they are all ASCII), and only
    the texts that meet another there are split (a property test holds the
    sieve to the rule).
    """
    texts = list(map(_TEXT, parts.claims))
    joined = "\x00".join(texts)
    sieved: list[bytes | str]
    if joined.isascii() and joined.count("\x00") == len(texts) - 1:  # no text holds the separator
        sieved = list(joined.encode("ascii").translate(_ASCII_LOWER, _ASCII_SPACE).split(b"\x00"))
    else:
        sieved = list(map(_FOLD_ASCII, map(str.encode, texts)))
        for number in compress(range(len(texts)), map(not_, map(str.isascii, texts))):
            sieved[number] = _sieve(texts[number])
    if len(set(sieved)) == len(sieved):
        return
    twice = {key for key, count in Counter(sieved).items() if count > 1}
    first: dict[str, str] = {}
    for claim, key in zip(parts.claims, sieved, strict=True):
        if key not in twice:
            continue
        words = _words(claim.text)
        if words in first:
            yield Problem(
                "warning",
                "duplicate-text",
                f"claims {first[words]!r} and {claim.id!r} have the same text",
                (first[words], claim.id),
            )
        else:
            first[words] = claim.id


def _words(text: str) -> str:
    """Return *text* as the rule compares it: its case-folded words, one space apart."""
    return " ".join(text.casefold().split())


_ASCII_SPACE = bytes(code for code in range(128) if chr(code).isspace())
_ASCII_LOWER = bytes(code + 32 if 65 <= code <= 90 else code for code in range(256))
_FOLD_ASCII = methodcaller("translate", _ASCII_LOWER, _ASCII_SPACE)


def _sieve(text: str) -> bytes | str:
    """Return what two texts equal under :func:`_words` share: their words' letters without the spaces.

    For ASCII text (the bulk of :func:`_duplicate_texts`), case-folding is
    lower-casing and white space is the bytes of :data:`_ASCII_SPACE`.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_SPACE)
    words = _words(text)
    return words.encode("ascii").translate(None, _ASCII_SPACE) if words.isascii() else words


_RULES: tuple[Callable[[_Parts], Iterator[Problem]], ...] = (
    _self_reference,
    _support_cycles,
    _relation_targets,
    _orphans,
    _unattributed,
    _duplicate_texts,
)
