"""How an Argdown file was written, kept beside the map read from it so that writing the map back follows it.

Argdown says one argument in many layouts: a relation under its origin
(``+>``) or under its target (``<+``), a multi-step reconstruction or one
structure per step, headings at any level, comments, bold and italic, YAML
quoted or plain. The map keeps what the argument is; this record keeps the
file's paragraphs as written, each with the claims first named in it and the
relations it states, as they were read. Writing the map back keeps each
paragraph whose claims and relations the map still holds unchanged, writes
what is new or changed the default way after them, and reads the result back:
where it would not read as the map, the whole map is written the default way.
The record never changes what the map means and takes no part in comparing
maps; the JSON formats do not carry it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap.model import Claim, Document, Relation, Source

__all__ = ["Layout", "Paragraph", "record"]

_FRONT_MATTER = re.compile(r"\s*(===+)\n")


@attrs.frozen(eq=False)
class Paragraph:
    """One paragraph of the file: its text as written (with the empty lines after it), what it says, as read."""

    text: str
    claims: tuple[Claim, ...]  # the claims first named in it
    relations: tuple[Relation, ...]  # the relations it states, and the supports of the reconstruction it holds
    section: str | None  # the section open at its end


@attrs.frozen(eq=False)
class Layout:
    """An Argdown file's layout: its front matter and paragraphs as written, and what the map read from them."""

    head: str  # the front matter as written, and the empty lines before the first paragraph
    metadata: Mapping[str, str]
    documents: tuple[Document, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]  # every claim read, in order
    relations: tuple[Relation, ...]  # every relation read, in order
    paragraphs: tuple[Paragraph, ...]
    titles: Mapping[str, str]  # the id of a claim or a reconstruction's support -> its reference, "[T]" or "<T>"
    repaired: bool  # empty lines were put where Argdown needs them: the text differs from the file read

    @property
    def text(self) -> str:
        """Return the file as it was written."""
        return self.head + "".join(paragraph.text for paragraph in self.paragraphs)


def record(
    text: str,
    elements: Mapping[str, Claim | Relation],
    placed: Iterable[tuple[int, str]],
    headings: list[tuple[int, str | None]],
    titles: Mapping[str, str],
    front: dict[str, Any],
    breaks: set[int],
) -> Layout:
    """Return the layout of the Argdown *text*, read into *elements* (by id, in the order read).

    *placed* gives, for each element, a line it was written on (1-based); an
    element placed on several lines belongs to each of their paragraphs.
    *headings* gives each heading's line and the section open after it.
    *front* holds the map's metadata, documents and sources as read. An
    empty line goes before each line in *breaks*, where Argdown needs one.
    """
    lines = text.split("\n")
    if breaks:
        before = sorted(breaks)
        shifted = [number + bisect.bisect_right(before, number) for number in range(1, len(lines) + 1)]
        for number in sorted(breaks, reverse=True):
            lines.insert(number - 1, "")
        text = "\n".join(lines)
        placed = [(shifted[line - 1], id) for line, id in placed]
        headings = [(shifted[line - 1], section) for line, section in headings]
    start = 0
    opening = _FRONT_MATTER.match(text)
    if opening is not None:
        closing = re.compile(r"===+").search(text, opening.end())
        if closing is not None:
            start = text.count("\n", 0, closing.end()) + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    starts = [n for n in range(start, len(lines)) if lines[n].strip() and (n == start or not lines[n - 1].strip())]
    claims: list[list[Claim]] = [[] for _ in starts]
    relations: list[list[Relation]] = [[] for _ in starts]
    for line, id in placed:
        index = max(bisect.bisect_right(starts, line - 1) - 1, 0)
        element = elements[id]
        found: list[Any] = claims[index] if isinstance(element, Claim) else relations[index]
        if element not in found:
            found.append(element)
    heading_lines = [line for line, _ in headings]
    paragraphs = []
    for index, first in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        written = "\n".join(lines[first:end]) + ("\n" if end < len(lines) else "")
        last_heading = bisect.bisect_right(heading_lines, end) - 1
        section = headings[last_heading][1] if last_heading >= 0 else None
        paragraphs.append(Paragraph(written, tuple(claims[index]), tuple(relations[index]), section))
    head = "\n".join(lines[:start]) + "\n" if start else ""
    if not starts:
        head = text
    return Layout(
        head=head,
        metadata=front["metadata"],
        documents=tuple(front["documents"]),
        sources=tuple(front["sources"]),
        claims=tuple(element for element in elements.values() if isinstance(element, Claim)),
        relations=tuple(element for element in elements.values() if not isinstance(element, Claim)),
        paragraphs=tuple(paragraphs),
        titles=titles,
        repaired=bool(breaks),
    )
