"""Large, realistic maps for the benchmarks: news-like claims, attributed, every kind of relation.

>>> amap = synthetic(50)
>>> len(amap.claims), len(amap.relations) > 40
(50, True)
"""

from __future__ import annotations

import random

from argmap import ArgumentMap, Source

__all__ = ["synthetic"]

_WORDS = (
    "officials",
    "army",
    "drone",
    "strikes",
    "intelligence",
    "agency",
    "report",
    "Pakistan",
    "United",
    "States",
    "alliance",
    "troops",
    "demands",
    "cooperation",
    "covert",
    "operations",
    "contractors",
    "negotiations",
    "peace",
    "deal",
    "economy",
    "toll",
    "war",
    "terror",
    "nuclear",
    "arsenal",
    "protests",
    "release",
    "blood",
    "money",
    "tribal",
    "leaders",
    "military",
    "chief",
    "newspaper",
    "interview",
)


def synthetic(claims: int, *, seed: int = 0) -> ArgumentMap:
    """Return a map of *claims* claims with about as many relations, the same for the same *seed*.

    A tree of supports (a fifth of them linked) with rebuttals, undercuts and
    skeptical responses hung on it; most claims attributed, some via a second
    source, some qualified.
    """
    rng = random.Random(seed)
    sources = [Source(f"Source {n}", affiliation=rng.choice([None, "The Times", "Dawn"])) for n in range(40)]
    amap = ArgumentMap(title=f"A synthetic map of {claims} claims", author="argmap benchmarks")
    made = []
    for n in range(claims):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 24))).capitalize() + "."
        attributed = rng.random() < 0.8
        made.append(
            amap.claim(
                text,
                by=rng.choice(sources) if attributed else None,
                via=[rng.choice(sources)] if attributed and rng.random() < 0.2 else (),
                medium=rng.choice(["article", "tweet", "interview"]) if attributed else None,
                qualifier="officials have not confirmed it" if rng.random() < 0.1 else None,
                id=f"claim-{n}",
            )
        )
    supports = []
    for n in range(1, claims):
        conclusion = made[rng.randrange(max(1, n // 2))]
        kind = rng.random()
        if kind < 0.55:
            supports.append(amap.support(made[n], conclusion))
        elif kind < 0.7 and n + 1 < claims:
            supports.append(amap.support([made[n], made[rng.randrange(n)]], conclusion, label="together"))
        elif kind < 0.82:
            amap.rebut(made[n], conclusion)
        elif kind < 0.9 and supports:
            amap.undercut(made[n], rng.choice(supports))
        else:
            amap.doubt(conclusion, made[n], stance=rng.choice(["doubt", "sarcasm", "dismissal"]))
    return amap
