"""Hypothesis strategies for whole argument maps, reused by every renderer and format test.

Texts are hostile on purpose: quotes, backslashes, ``<>&{}|``, newlines,
emoji, right-to-left script, DOT keywords and numbers, so that a renderer or
a format that forgets to escape something fails here first.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap import ArgumentMap, Attribution, Claim, Document, Rebuttal, SkepticalResponse, Source, Support, Undercut
from argmap.model import MEDIA, SOURCE_KINDS, STANCES, Relation, default_id
from argmap.semantics import Framework

__all__ = [
    "HOSTILE_TEXTS",
    "attributions",
    "dates",
    "frameworks",
    "identifiers",
    "maps",
    "sources",
    "texts",
]

HOSTILE_TEXTS = (
    'He said "leave" \\ and left',
    "</script><script>alert(1)</script>",
    "a < b && c > d | {e} [f]",
    "line one\nline two\n\nline four",
    "tab\there and a carriage\rreturn",
    "drones 🚁 and flags 🇵🇰",
    "باكستان تطلب من وكالة المخابرات المركزية المغادرة",
    "עברית ו-English mixed",
    "node",
    "edge",
    "digraph",
    "subgraph",
    "strict",
    "-1.5",
    "42",
    "\\N \\G \\E \\L \\l \\r \\n",
    "&amp; &#8217; &lt;b&gt;",
    "%s {0} ${x} `y`",
    "  spaced out  ",
    "ﬁ ligature, e\u0301 combining, \u200b zero width",
)
"""Texts that have broken, or could break, a renderer or a format."""

_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=["Cs"],  # lone surrogates cannot be encoded at all
)

texts: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(HOSTILE_TEXTS),
    st.text(_ALPHABET, min_size=1, max_size=40),
    st.text(st.sampled_from('ab "\\<>&{}|\n;-→ب🚁'), min_size=1, max_size=20),
).filter(lambda text: bool(text.strip()))
"""Non-empty texts, many of them hostile."""

identifiers: st.SearchStrategy[str] = st.one_of(
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True),
    st.sampled_from(["node", "edge", "graph", "1", "-2.5", "a b", '"q"', "<b>", "x:y", "a/b", "ب", "🚁"]),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), min_size=1, max_size=12),
).filter(lambda text: text.isprintable() and text == text.strip())
"""Valid ids, including ones that look like DOT keywords, numbers and markup."""

dates: st.SearchStrategy[str] = st.one_of(
    st.from_regex(r"(19|20)\d\d", fullmatch=True),
    st.from_regex(r"(19|20)\d\d-(0[1-9]|1[0-2])", fullmatch=True),
    st.dates().map(lambda day: day.isoformat()).filter(lambda text: len(text) == 10),
)
"""ISO dates: a year, a month, or a day."""


_JSON_SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
    st.sampled_from(["2024-03-01", "yes", "null", "1.5", "a: b", "-", "{x}"]),
)
data: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    st.one_of(st.sampled_from(["credence", "color", "isInMap", "id", "proponent", "data", "y", "a b"]), identifiers),
    st.recursive(
        _JSON_SCALARS,
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(identifiers, inner, max_size=3)),
        max_leaves=6,
    ),
    max_size=3,
)
"""An element's own data: names to JSON values, some names argmap's formats use themselves."""

sections: st.SearchStrategy[str | None] = st.one_of(
    st.none(),
    st.sampled_from(["Costs", "Costs > Shops", "Benefits > Speed > Oslo", "Benefits", "A >  B", "Ungrouped"]),
    texts,
)
"""Sections, some within sections (``" > "`` between titles)."""


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def sources(draw: st.DrawFn, id: str | None = None) -> Source:
    """Draw a source with every field exercised."""
    return Source(
        draw(texts),
        kind=draw(st.sampled_from(SOURCE_KINDS)),
        affiliation=draw(_optional(texts)),
        url=draw(_optional(st.sampled_from(["https://example.org/a?b=c&d=e", "http://x.test/<>"]))),
        id=id if id is not None else draw(identifiers),
    )


@st.composite
def attributions(draw: st.DrawFn, pool: list[Source]) -> Attribution:
    """Draw an attribution whose speaker and via chain come from *pool*."""
    speaker = draw(st.sampled_from(pool))
    via = draw(st.lists(st.sampled_from(pool), max_size=3))
    return Attribution(
        speaker,
        via=via,
        medium=draw(_optional(st.sampled_from(MEDIA))),
        quote=draw(_optional(texts)),
        date=draw(_optional(dates)),
        url=draw(_optional(st.just("https://example.org/quote"))),
    )


@st.composite
def maps(draw: st.DrawFn, max_claims: int = 10, max_relations: int = 14) -> ArgumentMap:
    """Draw a whole valid map: every element kind, linked supports, undercuts, responses to supports, via chains.

    Valid means the builder accepts it; what :func:`argmap.check` would warn
    about (cycles, self-support, orphans) is allowed, as users can write it.
    """
    metadata = {name: draw(_optional(texts)) for name in ("title", "author", "publication", "url", "description")} | {
        "date": draw(_optional(dates))
    }
    amap = ArgumentMap(**metadata)

    if draw(st.booleans()):
        for id in draw(st.lists(identifiers, max_size=2, unique=True)):
            amap.add(Document(id, title=draw(_optional(texts)), date=draw(_optional(dates))))
    document_ids = [document.id for document in amap.documents]

    source_ids = draw(st.lists(identifiers, max_size=4, unique=True))
    pool = [draw(sources(id=id)) for id in source_ids]
    for source in pool:
        if draw(st.booleans()):
            amap.add(source)  # some sources are registered before any claim names them

    claim_ids = draw(st.lists(identifiers, min_size=1, max_size=max_claims, unique=True))
    for id in claim_ids:
        attributed = bool(pool) and draw(st.booleans())
        in_document = bool(document_ids) and draw(st.booleans())
        first = draw(attributions(pool)) if attributed else None
        amap.add(
            Claim(
                draw(texts),
                attribution=first,
                further_attributions=list(
                    dict.fromkeys(a for a in draw(st.lists(attributions(pool), max_size=2)) if a != first)
                )
                if first is not None
                else (),
                qualifier=draw(_optional(texts)),
                tags=draw(st.lists(st.sampled_from(["background", "reason", "news", "a tag", "تگ"]), unique=True)),
                note=draw(_optional(texts)),
                document=draw(st.sampled_from(document_ids)) if in_document else None,
                section=draw(sections),
                data=draw(data),
                id=id,
            )
        )

    for _ in range(draw(st.integers(0, max_relations))):
        relation = draw(_relation(amap, claim_ids))
        if relation is not None and relation.id not in amap and default_id(relation) not in amap:
            amap.add(relation)
    return amap


@st.composite
def _relation(draw: st.DrawFn, amap: ArgumentMap, claim_ids: list[str]) -> Relation | None:
    claim = st.sampled_from(claim_ids)
    kind = draw(
        st.sampled_from(
            ["support", "linked", "rebuttal", "undercut", "skeptical_response", "skeptical_response-support"]
        )
    )
    supports = [relation.id for relation in amap.supports]
    label = draw(_optional(texts))
    explicit = draw(st.booleans())
    options: dict[str, Any] = {"id": draw(identifiers)} if explicit else {}
    if explicit and options["id"] in amap:
        return None
    described: dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:  # an argument with a description, tags and data of its own
        tags = draw(st.lists(st.sampled_from(["analogy", "a tag", "تگ"]), unique=True))
        described = {"text": draw(_optional(texts)), "tags": tags, "data": draw(data)}
    if kind == "support" or (kind == "linked" and len(claim_ids) < 2):
        return Support([draw(claim)], draw(claim), label=label, **options, **described)
    if kind == "linked":
        premises = draw(st.lists(claim, min_size=2, max_size=3, unique=True))
        return Support(premises, draw(claim), label=label, **options, **described)
    if kind == "rebuttal":
        return Rebuttal(draw(claim), draw(claim), label=label, **options)
    if kind == "undercut" and supports:
        return Undercut(draw(claim), draw(st.sampled_from(supports)), label=label, **options)
    target = draw(st.sampled_from(supports)) if kind == "skeptical_response-support" and supports else draw(claim)
    return SkepticalResponse(draw(claim), target, stance=draw(st.sampled_from(STANCES)), **options)


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 8, names: st.SearchStrategy[str] | None = None) -> Framework:
    """Draw an abstract framework: self-attacks, mutual attacks, odd and even cycles all come up.

    Arguments are named ``"1"`` to ``"n"`` unless *names* draws them.
    """
    size = draw(st.integers(0, max_arguments))
    if names is None:
        arguments = [str(number) for number in range(1, size + 1)]
    else:
        arguments = draw(st.lists(names, min_size=size, max_size=size, unique=True))
    if not arguments:
        return Framework([])
    argument = st.sampled_from(arguments)
    attacks = draw(st.lists(st.tuples(argument, argument), max_size=3 * len(arguments)))
    return Framework(arguments, attacks)
