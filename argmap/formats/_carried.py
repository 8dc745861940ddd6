"""What each format carries of a map: one table, which docs/formats.md shows and ``argmap convert`` warns from.

A cell that begins with ``no`` says the format cannot hold that part of a
map: a conversion into it leaves it out, and :func:`lost` counts what is
left out. A cell ``—`` says the part goes with the row above it (a quote
is part of an attribution), so it is not warned about twice.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from argmap.map import ArgumentMap
from argmap.model import Rebuttal, SkepticalResponse, Support, Undercut

__all__ = ["CARRIED", "NAMES", "Carried", "lost", "table"]

NAMES: dict[str, str] = {
    "native": "argmap JSON",
    "python": "Python",
    "aif": "AIF",
    "argdown": "Argdown",
    "sadface": "SADFace",
}
"""The formats as the table heads them, in the table's order."""


@attrs.frozen
class Carried:
    """One part of a map, how many of it a map holds, and what each format makes of it.

    Args:
        what: the part, in the plural (``"qualifiers"``).
        count: how many of the part *amap* holds.
        cells: for each format, what it makes of the part; ``no...`` when it cannot hold it.
    """

    what: str
    count: Callable[[ArgumentMap], int]
    cells: dict[str, str]


def _attacks_on_attacks(amap: ArgumentMap) -> int:
    undercuts = [r for r in amap.relations if isinstance(r, Undercut)]
    return sum(r.target in amap and not isinstance(amap[r.target], Support) for r in undercuts)


def _skeptical_responses_to_relations(amap: ArgumentMap) -> int:
    attacks = (Rebuttal, Undercut, SkepticalResponse)
    responses = [r for r in amap.relations if isinstance(r, SkepticalResponse)]
    return sum(r.target in amap and isinstance(amap[r.target], attacks) for r in responses)


def _row(what: str, count: Callable[[ArgumentMap], int], aif: str, argdown: str, sadface: str) -> Carried:
    cells = {"native": "yes", "python": "yes", "aif": aif, "argdown": argdown, "sadface": sadface}
    return Carried(what, count, cells)


CARRIED: tuple[Carried, ...] = (
    _row("claims", lambda m: len(m.claims), "I-nodes", "statements", "atoms"),
    _row(
        "supports",
        lambda m: len(m.supports),
        "RA nodes",
        "`+>`, or premise-conclusion structures",
        "`support` inferences (schemes before 0.5)",
    ),
    _row(
        "linked supports",
        lambda m: sum(len(s.premises) > 1 for s in m.supports),
        "several premises into an RA node",
        "several premises",
        "several atoms into an inference",
    ),
    _row(
        "rebuttals",
        lambda m: sum(isinstance(r, Rebuttal) for r in m.relations),
        "CA nodes",
        "attacks `->`",
        "conflicts",
    ),
    _row(
        "undercuts",
        lambda m: sum(isinstance(r, Undercut) for r in m.relations) - _attacks_on_attacks(m),
        "CA nodes into RA nodes",
        "undercuts `_>`",
        "conflicts into an inference",
    ),
    _row(
        "attacks on an attack (undercuts of a rebuttal, undercut or skeptical response)",
        _attacks_on_attacks,
        "CA nodes into CA nodes",
        "no: relations end at statements and arguments",
        "conflicts into a conflict",
    ),
    _row(
        "skeptical responses",
        lambda m: sum(isinstance(r, SkepticalResponse) for r in m.relations) - _skeptical_responses_to_relations(m),
        "CA nodes argmap marks (others read a conflict)",
        "attacks, the manner in `{data}`",
        "conflicts, the manner in the metadata",
    ),
    _row(
        "skeptical responses to a rebuttal, undercut or skeptical response",
        _skeptical_responses_to_relations,
        "CA nodes into CA nodes",
        "no: relations end at statements and arguments",
        "conflicts into a conflict",
    ),
    _row("sources", lambda m: len(m.sources), "speakers' names", "in the front matter", "no"),
    _row(
        "sources' kinds, affiliations and urls",
        lambda m: sum(s.kind != "person" or s.affiliation is not None or s.url is not None for s in m.sources),
        "no (two sources of one name become one)",
        "in the front matter",
        "—",
    ),
    _row(
        "attributions",
        lambda m: sum(c.attribution is not None for c in m.claims),
        "the speaker of a locution",
        "in `{data}`",
        "no",
    ),
    _row(
        "further attributions (a claim said by several parties)",
        lambda m: sum(bool(c.further_attributions) for c in m.claims),
        "a locution each",
        "`further_attributions` in `{data}`",
        "—",
    ),
    _row(
        "attributions' vias, media and dates",
        lambda m: sum(
            any(bool(a.via) or a.medium is not None or a.date is not None for a in c.attributions) for c in m.claims
        ),
        "no",
        "in `{data}`",
        "—",
    ),
    _row(
        "quotes",
        lambda m: sum(any(a.quote is not None for a in c.attributions) for c in m.claims),
        "the locution's words",
        "in `{data}`",
        "—",
    ),
    _row("qualifiers", lambda m: sum(c.qualifier is not None for c in m.claims), "no", "in `{data}`", "no"),
    _row("tags", lambda m: sum(bool(c.tags) for c in m.claims), "no", "`#tags` and `#(tags)`", "no"),
    _row("notes", lambda m: sum(c.note is not None for c in m.claims), "no", "in `{data}`", "no"),
    _row(
        "sections",
        lambda m: sum(c.section is not None for c in m.claims),
        "no",
        "headings; a section within a section (`Costs > Shops`) a heading one level deeper (`##`)",
        "no",
    ),
    _row(
        "claims' own data",
        lambda m: sum(bool(c.data) for c in m.claims),
        "no",
        "in `{data}`, beside argmap's keys (under `data:` where a name is one of them)",
        "no",
    ),
    _row(
        "arguments' descriptions, tags and data",
        lambda m: sum(s.text is not None or bool(s.tags) or bool(s.data) for s in m.supports),
        "no",
        "`<Title>: description #tag {data}` over the premise-conclusion structure",
        "no",
    ),
    _row("documents", lambda m: len(m.documents), "no", "in the front matter", "no"),
    _row("titles", lambda m: m.title is not None, "no", "in the front matter", "in `metadata.core`"),
    _row(
        "dates",
        lambda m: m.date is not None,
        "no",
        "in the front matter",
        "in `metadata.core` (a year or a month alone reads as its first day)",
    ),
    _row("descriptions", lambda m: m.description is not None, "no", "in the front matter", "in `metadata.core`"),
    _row(
        "authors",
        lambda m: m.author is not None,
        "no",
        "in the front matter",
        "the analyst, in `metadata.core`",
    ),
    _row(
        "publications and urls",
        lambda m: sum(value is not None for value in (m.publication, m.url)),
        "no",
        "in the front matter",
        "no",
    ),
)
"""What each format carries of a map, part by part."""


def lost(amap: ArgumentMap, format: str) -> list[tuple[str, int]]:
    """Return what *format* cannot hold of *amap*: each part it leaves out, with how many of it the map has."""
    found = []
    for row in CARRIED:
        if row.cells.get(format, "yes").startswith("no"):
            count = int(row.count(amap))
            if count:
                found.append((row.what, count))
    return found


def table() -> str:
    """Return the table as Markdown, as docs/formats.md shows it."""
    lines = ["| | " + " | ".join(NAMES.values()) + " |", "|---" * (len(NAMES) + 1) + "|"]
    lines += [f"| {row.what} | " + " | ".join(row.cells[name] for name in NAMES) + " |" for row in CARRIED]
    return "\n".join(lines) + "\n"
