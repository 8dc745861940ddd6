"""How an Argdown file was written, kept beside the map read from it so that writing the map back follows it.

Argdown says one argument in many layouts: a relation under its origin
(``+>``) or under its target (``<+``), a multi-step reconstruction or one
structure per step, headings at any level, comments, bold and italic, YAML
quoted or plain. The map keeps what the argument is; this record keeps the
file as written and, for each element read, a line it was written on: the
file's paragraphs, each with the claims first named in it and the relations
it states, follow from them (:meth:`Layout.paragraphs`, worked out only when
a map edited since is written). Writing the map back keeps each paragraph
whose claims and relations the map still holds unchanged, writes what is new
or changed the default way after them, and reads the result back: where it
would not read as the map, the whole map is written the default way. The
record never changes what the map means and takes no part in comparing
maps; the JSON formats do not carry it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

import attrs

from argmap.model import Claim, Document, Relation, Source

__all__ = ["Layout", "Paragraph", "record"]

_FRONT_MATTER = re.compile(r"\s*(===+)\n")
_EMPTY_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")  # the empty lines between two paragraphs, and the newline before


@attrs.frozen(eq=False)
class Paragraph:
    """One paragraph of the file: its text as written (with the empty lines after it), what it says, as read."""

    text: str
    claims: tuple[Claim, ...]  # the claims first named in it
    relations: tuple[Relation, ...]  # the relations it states, and the supports of the reconstruction it holds
    section: str | None  # the section open at its end


@attrs.frozen(eq=False)
class Layout:
    """An Argdown file's layout: the file as written, where each element stands in it, and what the map read."""

    text: str  # the file as written (with an empty line put where Argdown needs one, if *repaired*)
    metadata: Mapping[str, str]
    documents: tuple[Document, ...]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]  # every claim read, in order
    relations: tuple[Relation, ...]  # every relation read, in order
    placed: tuple[tuple[int, str], ...]  # (line, id): a line each element was written on; some on several
    headings: tuple[tuple[int, str | None], ...]  # (line, the section open after it) for each heading
    titles: Mapping[str, str]  # the id of a claim or a reconstruction's support -> its reference, "[T]" or "<T>"
    repaired: bool  # empty lines were put where Argdown needs them: the text differs from the file read

    def paragraphs(self) -> tuple[str, list[Paragraph]]:
        """Return the front matter as written (with the empty lines after it), and the paragraphs after it."""
        text = self.text
        position = 0
        opening = _FRONT_MATTER.match(text)
        if opening is not None:
            closing = re.compile(r"===+").search(text, opening.end())
            if closing is not None:
                position = text.find("\n", closing.end()) + 1 or len(text)
        first = re.compile(r"[^\S\n]*(?:\n|\Z)")
        while position < len(text) and (blank := first.match(text, position)) is not None and blank.end() > position:
            position = blank.end()  # the empty lines before the first paragraph
        head = text[:position]
        starts = [position] if position < len(text) else []
        starts += [match.end() for match in _EMPTY_LINES.finditer(text, position) if match.end() < len(text)]
        line_starts: list[int] = []  # the line number (1-based) of each paragraph's first line
        line, counted = 1, 0
        for start in starts:
            line += text.count("\n", counted, start)
            counted = start
            line_starts.append(line)
        elements: dict[str, Claim | Relation] = {claim.id: claim for claim in self.claims}
        elements.update((relation.id, relation) for relation in self.relations)
        said: list[dict[str, Claim | Relation]] = [{} for _ in starts]
        for number, id in self.placed:
            element = elements.get(id)
            if element is not None and starts:
                said[max(bisect.bisect_right(line_starts, number) - 1, 0)].setdefault(id, element)
        heading_lines = [number for number, _ in self.headings]
        paragraphs = []
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(text)
            last_line = line_starts[index + 1] - 1 if index + 1 < len(starts) else line + text.count("\n", start)
            last_heading = bisect.bisect_right(heading_lines, last_line) - 1
            section = self.headings[last_heading][1] if last_heading >= 0 else None
            found = said[index].values()
            claims = tuple(element for element in found if isinstance(element, Claim))
            relations = tuple(element for element in found if not isinstance(element, Claim))
            paragraphs.append(Paragraph(text[start:end], claims, relations, section))
        return head, paragraphs


def record(
    text: str,
    front: tuple[Mapping[str, str], tuple[Document, ...], tuple[Source, ...]],
    elements: tuple[tuple[Claim, ...], tuple[Relation, ...]],
    placed: list[tuple[int, str]],
    headings: list[tuple[int, str | None]],
    titles: Mapping[str, str],
    breaks: set[int],
) -> Layout:
    """Return the layout of the Argdown *text*, read into *elements* (the claims and relations, in order).

    *placed* gives, for each element, a line it was written on (1-based); an
    element placed on several lines belongs to each of their paragraphs.
    *headings* gives each heading's line and the section open after it.
    *front* holds the map's metadata, documents and sources as read. An
    empty line goes before each line in *breaks*, where Argdown needs one.
    """
    if breaks:
        lines = text.split("\n")
        before = sorted(breaks)
        shifted = [number + bisect.bisect_right(before, number) for number in range(1, len(lines) + 1)]
        for number in reversed(before):
            lines.insert(number - 1, "")
        text = "\n".join(lines)
        placed = [(shifted[line - 1], id) for line, id in placed]
        headings = [(shifted[line - 1], section) for line, section in headings]
    metadata, documents, sources = front
    claims, relations = elements
    return Layout(
        text, metadata, documents, sources, claims, relations, tuple(placed), tuple(headings), titles, bool(breaks)
    )
