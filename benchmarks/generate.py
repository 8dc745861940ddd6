"""Generate argument maps of a given size with a fixed seed, as builder calls a user would make.

The maps look like real ones: claims of realistic length (8 to 30 words),
most attributed to one of a pool of sources, some via a second source and
some with a quote; about 1.5 relations per claim, with every kind present
(supports, linked supports, rebuttals, undercuts, skeptical responses).
Relations point from newer claims to older ones, as an argument grows from
its conclusion outwards.

Two shapes: :func:`plan` makes thousands of small arguments joined by random
cross-links (the shape the first benchmarks measured); :func:`thesis_plan`
makes one debate, as the big public debate sites hold them: a single thesis,
a random recursive tree of pros (supports) and cons (rebuttals) under it,
about 10 levels deep at 20,000 claims, and about 10 % cross-links of every
kind (supports, rebuttals, undercuts, skeptical responses) between any claims.
"""

from __future__ import annotations

import random
from typing import Any

import attrs

from argmap import ArgumentMap, Source
from argmap.model import MEDIA, SOURCE_KINDS, STANCES

__all__ = ["MapPlan", "build", "plan", "thesis_plan"]

_TEXT = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have an "
    "they you were her she there been one all we their has would when if so no what said its may more who will "
    "about them only other into than some could these two then first any new years also time after most over "
    "drone strike base official report pakistan cia demand relationship military public opinion economy nuclear "
    "program intelligence alliance forces officers contractors operations covert protests release arrest "
    "government minister army chief leaders tribal regions border afghanistan taliban qaeda counterterrorism "
    "cooperation negotiations peace deal estimate billion since war terror security commerce fuel prices industry"
)
_WORDS = tuple(_TEXT.split())


@attrs.frozen
class MapPlan:
    """Everything needed to build one map, decided in advance so that building is all that is timed."""

    sources: list[Source]
    claims: list[tuple[str, dict[str, Any]]]
    relations: list[tuple[str, tuple[Any, ...], dict[str, Any]]]


def _sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 30))]
    words[0] = words[0].capitalize()
    return " ".join(words) + f" ({number})."


def _sources(rng: random.Random, claims: int) -> list[Source]:
    return [
        Source(
            f"Source {n} {rng.choice(_WORDS)}", kind=rng.choice(SOURCE_KINDS), affiliation=rng.choice([None, "Outlet"])
        )
        for n in range(max(1, claims // 200))
    ]


def _claim_calls(rng: random.Random, claims: int, sources: list[Source]) -> list[tuple[str, dict[str, Any]]]:
    claim_calls: list[tuple[str, dict[str, Any]]] = []
    for number in range(claims):
        options: dict[str, Any] = {}
        if rng.random() < 0.9:
            options["by"] = rng.choice(sources)
            options["medium"] = rng.choice(MEDIA)
            if rng.random() < 0.2:
                options["via"] = rng.choice(sources)
            if rng.random() < 0.2:
                options["quote"] = _sentence(rng, number)
        if rng.random() < 0.1:
            options["qualifier"] = "may"
        claim_calls.append((_sentence(rng, number), options))
    return claim_calls


def plan(claims: int, *, seed: int = 1, relations_per_claim: float = 1.5) -> MapPlan:
    """Return the plan of a map with *claims* claims and about *relations_per_claim* relations per claim."""
    rng = random.Random(seed)
    sources = _sources(rng, claims)
    claim_calls = _claim_calls(rng, claims, sources)
    relation_calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    supports: list[int] = []  # indexes into relation_calls of the supports planned so far
    planned: set[tuple[Any, ...]] = set()  # a map refuses the same relation twice: plan each once
    total = int(claims * relations_per_claim)
    while len(relation_calls) < total:
        origin = rng.randrange(1, claims) if claims > 1 else 0
        target = rng.randrange(origin) if origin else 0
        roll = rng.random()
        if roll < 0.55 or not supports:
            if rng.random() < 0.25 and origin > 1:
                second = rng.randrange(origin)
                while second == target and origin > 2:
                    second = rng.randrange(origin)
                premises = (origin, second) if second != target else (origin,)
            else:
                premises = (origin,)
            call: tuple[str, tuple[Any, ...], dict[str, Any]] = ("support", (premises, target), {})
        elif roll < 0.75:
            call = ("rebut", (origin, target), {})
        elif roll < 0.87:
            call = ("undercut", (origin, rng.choice(supports)), {})
        else:
            call = ("skeptical_response", (origin, target), {"stance": rng.choice(STANCES)})
        key = (call[0], *call[1])
        if key in planned:
            continue
        planned.add(key)
        if call[0] == "support":
            supports.append(len(relation_calls))
        relation_calls.append(call)
    return MapPlan(sources, claim_calls, relation_calls)


def thesis_plan(claims: int, *, seed: int = 1, cross_links: float = 0.1) -> MapPlan:
    """Return the plan of one debate of *claims* claims under a single thesis, claim 0.

    Each later claim is a pro (a support, 60 %) or a con (a rebuttal) of a
    claim drawn uniformly from those before it: a random recursive tree,
    whose claims lie about ln(*claims*) levels deep (10 at 20,000). Then
    about *cross_links* relations per claim join random claims across the
    tree: supports, rebuttals, undercuts of a pro, skeptical responses.
    """
    rng = random.Random(seed)
    sources = _sources(rng, claims)
    claim_calls = _claim_calls(rng, claims, sources)
    relation_calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    supports: list[int] = []
    planned: set[tuple[Any, ...]] = set()
    for origin in range(1, claims):
        target = rng.randrange(origin)
        kind = "support" if rng.random() < 0.6 else "rebut"
        call: tuple[str, tuple[Any, ...], dict[str, Any]] = (
            (kind, ((origin,), target), {}) if kind == "support" else (kind, (origin, target), {})
        )
        planned.add((kind, origin, target))
        if kind == "support":
            supports.append(len(relation_calls))
        relation_calls.append(call)
    wanted = len(relation_calls) + int(claims * cross_links) if claims > 2 else len(relation_calls)
    while len(relation_calls) < wanted:
        origin, target = rng.sample(range(claims), 2)
        roll = rng.random()
        if roll < 0.3:
            kind, call = "support", ("support", ((origin,), target), {})
        elif roll < 0.6:
            kind, call = "rebut", ("rebut", (origin, target), {})
        elif roll < 0.8:
            kind, call = "undercut", ("undercut", (origin, rng.choice(supports)), {})
            target = call[1][1]
        else:
            kind, call = "skeptical_response", ("skeptical_response", (origin, target), {"stance": rng.choice(STANCES)})
        if (kind, origin, target) in planned or (kind != "undercut" and ("support", origin, target) in planned):
            continue
        planned.add((kind, origin, target))
        relation_calls.append(call)
    return MapPlan(sources, claim_calls, relation_calls)


def build(map_plan: MapPlan, *, building: bool = False) -> ArgumentMap:
    """Build the planned map through the public builder, as a user's code would.

    With *building*, the calls run inside :meth:`ArgumentMap.building`, as a user's code adding many elements may.
    """
    amap = ArgumentMap(title="Benchmark map")
    if building:
        with amap.building():
            return _build(amap, map_plan)
    return _build(amap, map_plan)


def _build(amap: ArgumentMap, map_plan: MapPlan) -> ArgumentMap:
    claims = [amap.claim(text, **options) for text, options in map_plan.claims]
    made: list[Any] = []
    for kind, arguments, options in map_plan.relations:
        if kind == "support":
            premises, target = arguments
            made.append(amap.support([claims[p] for p in premises], claims[target]))
        elif kind == "rebut":
            made.append(amap.rebut(claims[arguments[0]], claims[arguments[1]]))
        elif kind == "undercut":
            made.append(amap.undercut(claims[arguments[0]], made[arguments[1]]))
        else:
            made.append(amap.skeptical_response(claims[arguments[0]], claims[arguments[1]], **options))
    return amap


def kialo(claims: int, *, seed: int = 1, reuse: float = 0.05) -> str:
    """Return a Kialo discussion export of *claims* claims, as Kialo writes it, for argmap's Kialo reader.

    The shape of :func:`thesis_plan`: a random recursive tree of pros and
    cons under one thesis, and about *reuse* ``-> See`` lines per claim (a
    claim used a second time, under another). One claim in ten runs over
    two lines, one in twenty holds escaped brackets and a Markdown link, one
    in twenty words of other scripts.
    """
    rng = random.Random(seed)
    parents = [0] + [rng.randrange(number) for number in range(1, claims)]
    stances = ["", *("Pro" if rng.random() < 0.6 else "Con" for _ in range(1, claims))]
    children: list[list[tuple[int, str]]] = [[] for _ in range(claims)]  # (claim, stance)
    for number in range(1, claims):
        children[parents[number]].append((number, stances[number]))
    answered = {(number, parents[number]) for number in range(1, claims)}
    for _ in range(int(claims * reuse) if claims > 2 else 0):
        claim, under = rng.sample(range(1, claims), 2)
        if (claim, under) not in answered:
            answered.add((claim, under))
            children[under].append((claim, rng.choice(("Pro", "Con"))))
    texts = []
    for number in range(claims):
        text = _sentence(rng, number)
        roll = rng.random()
        if roll < 0.1:
            text += "\n" + _sentence(rng, number)
        elif roll < 0.15:
            text = text[:-1] + f" \\(see [report {number}](https://example.org/{number})\\)."
        elif roll < 0.2:
            text = text[:-1] + " — Städte für Menschen, مدن للناس 🚲."
        texts.append(text)
    lines = [f"Discussion Title: A generated debate of {claims:,} claims", ""]
    numbered: dict[int, str] = {}
    pending = [(0, "1.", "")]
    while pending:  # depth first, in order: a claim in full where its number comes first, -> See after
        claim, label, stance = pending.pop()
        said = f"{stance}: " if stance else ""
        if claim in numbered:
            lines.append(f"{label} {said}-> See {numbered[claim]}")
            continue
        numbered[claim] = label
        lines.append(f"{label} {said}{texts[claim]}")
        pending.extend(
            (child, f"{label}{index}.", child_stance)
            for index, (child, child_stance) in reversed(list(enumerate(children[claim], start=1)))
        )
    return "\n".join(lines) + "\n"
