"""Generate argument maps of a given size with a fixed seed, as builder calls a user would make.

The maps look like real ones: claims of realistic length (8 to 30 words),
most attributed to one of a pool of sources, some via a second source and
some with a quote; about 1.5 relations per claim, with every kind present
(supports, linked supports, rebuttals, undercuts, skeptical responses).
Relations point from newer claims to older ones, as an argument grows from
its conclusion outwards.
"""

from __future__ import annotations

import random
from typing import Any

import attrs

from argmap import ArgumentMap, Source
from argmap.model import MEDIA, SOURCE_KINDS, STANCES

__all__ = ["MapPlan", "build", "plan"]

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


def plan(claims: int, *, seed: int = 1, relations_per_claim: float = 1.5) -> MapPlan:
    """Return the plan of a map with *claims* claims and about *relations_per_claim* relations per claim."""
    rng = random.Random(seed)
    sources = [
        Source(
            f"Source {n} {rng.choice(_WORDS)}", kind=rng.choice(SOURCE_KINDS), affiliation=rng.choice([None, "Outlet"])
        )
        for n in range(max(1, claims // 200))
    ]
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
            call = ("doubt", (target, origin), {"stance": rng.choice(STANCES)})
        key = (call[0], *call[1])
        if key in planned:
            continue
        planned.add(key)
        if call[0] == "support":
            supports.append(len(relation_calls))
        relation_calls.append(call)
    return MapPlan(sources, claim_calls, relation_calls)


def build(map_plan: MapPlan) -> ArgumentMap:
    """Build the planned map through the public builder, as a user's code would."""
    amap = ArgumentMap(title="Benchmark map")
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
            made.append(amap.doubt(claims[arguments[0]], claims[arguments[1]], **options))
    return amap
