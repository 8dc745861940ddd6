r"""Kialo's discussion export: the plain text of a debate, a thesis and its numbered pros and cons, read and written.

Kialo (kialo.com) exports a discussion as text: a ``Discussion Title:``
line, then one numbered line per claim, its number saying where it hangs::

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars.
    1.1. Pro: Cars pollute the air.
    1.1.1. Con: Electric cars do not.
    1.2. Con: -> See 1.1.1.

``1.`` is the thesis; ``1.1. Pro:`` supports the claim numbered ``1.``,
``1.1.1. Con:`` rebuts ``1.1.``; a claim's text may run on over the lines
that follow it. A line ``-> See 1.1.1.`` is a claim used a second time: it
adds a second relation from the claim already numbered so. Kialo escapes
brackets and parentheses with a backslash, and writes links in Markdown,
``[text](address)``: the claim keeps the text, and its note the addresses.
A numbered line without ``Pro:`` or ``Con:`` (the theses under a
multi-thesis discussion's question) is a claim related to nothing above it.

Written back, a map is a tree from its first main conclusion; a claim met a
second time is a ``-> See`` line. Kialo has pros and cons of claims only:
linked supports, undercuts and skeptical responses cannot be written.

>>> m = loads("Discussion Title: Cars\n\n1. Ban cars.\n1.1. Pro: They pollute.\n")
>>> m.title, [claim.text for claim in m.claims], [relation.id for relation in m.relations]
('Cars', ['Ban cars.', 'They pollute.'], ['support:they-pollute>ban-cars'])
>>> dumps(m).splitlines()[2:]
['1. Ban cars.', '1.1. Pro: They pollute.']
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap._io import read_text, write_atomic
from argmap.errors import ArgmapError, FormatError
from argmap.map import ArgumentMap
from argmap.model import Claim, Rebuttal, Support

__all__ = ["dump", "dumps", "load", "loads"]

_TITLE = "Discussion Title:"
_NUMBERED = re.compile(r"(1\.(?:\d+\.)*) (?:(Pro|Con): )?")
"""A claim's line: its number (each part ending in a dot), then its stance, if any."""
_BROKEN = re.compile(r"1\.(?:\d+\.)*\d+(?:[ :]|$)|1\.(?:\d+\.)*(?:Pro|Con):")
"""A line that starts like a claim's number but is not one: a part without its dot, no space after the number."""
_SEE = re.compile(r"-> See (1\.(?:\d+\.)*)\s*\Z")
_MARKUP = re.compile(r"\\([\[\]()\\])|\[((?:[^\]\\\n]|\\.)*)\]\(([^)\s]*)\)")
"""A character escaped with a backslash, or a Markdown link: ``[text](address)``."""
_TO_ESCAPE = re.compile(r"([\[\]()\\])")


class _Line:
    """One claim of the export: where it stands, its number, stance and text so far."""

    __slots__ = ("column", "line", "number", "stance", "text")

    def __init__(self, line: int, number: str, stance: str | None, text: str, column: int) -> None:
        self.line = line
        self.number = number
        self.stance = stance
        self.text = [text]
        self.column = column


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map of the Kialo export *text*.

    Raises:
        FormatError: a line is not what the export holds there (the error
            names its line and column): no title, a number whose parent
            comes nowhere before it, a number used twice, a claim without
            text, a ``-> See`` of a number not in the file.
    """
    lines = [line.removesuffix("\r") for line in text.lstrip("\ufeff").split("\n")]  # a claim may hold \v, \x85...
    if not lines or not lines[0].startswith(_TITLE):
        raise FormatError(
            f"a Kialo export starts with the line {_TITLE!r} and the discussion's title", path=path, line=1, column=1
        )
    title = lines[0][len(_TITLE) :].strip()
    read: list[_Line] = []
    for number, line in enumerate(lines[1:], start=2):
        found = _NUMBERED.match(line)
        if found is None:
            if _BROKEN.match(line):
                raise FormatError(
                    "a claim's number ends each part with a dot and a space, as in '1.2. Pro: '",
                    path=path,
                    line=number,
                    column=1,
                )
            if read:
                read[-1].text.append(line)
            elif line.strip():
                raise FormatError(
                    "the thesis, numbered '1. ', comes before any other text", path=path, line=number, column=1
                )
            continue
        read.append(_Line(number, found[1], found[2], line[found.end() :], found.end() + 1))
    if not read:
        raise FormatError(
            "a Kialo export holds at least its thesis, numbered '1. '", path=path, line=len(lines), column=1
        )
    return _Builder(title, path).build(read)


class _Builder:
    """Builds the map of the claims read, in their order, and reports a bad one by its line."""

    def __init__(self, title: str, path: str | Path | None) -> None:
        self.amap = ArgumentMap(title=title or None)
        self.path = path
        self.claims: dict[str, Claim] = {}  # by Kialo number; a -> See line's number gives the claim it sees

    def fail(self, message: str, entry: _Line, column: int | None = None) -> FormatError:
        return FormatError(message, path=self.path, line=entry.line, column=column or 1)

    def build(self, read: list[_Line]) -> ArgumentMap:
        seen: list[tuple[_Line, str]] = []
        numbers: set[str] = set()
        for entry in read:
            if entry.number in numbers:
                raise self.fail(f"the number {entry.number} is used twice", entry)
            numbers.add(entry.number)
            body = "\n".join(entry.text).strip()
            if not body:
                raise self.fail(f"the claim numbered {entry.number} has no text", entry, entry.column)
            parent = _parent(entry.number)
            if parent and parent not in numbers:
                raise self.fail(f"the claim numbered {entry.number} comes before {parent}, the claim it answers", entry)
            if not parent and entry.stance:
                raise self.fail("the thesis, numbered '1.', is neither a pro nor a con", entry, 4)
            see = _SEE.match(body)
            if see is not None:
                seen.append((entry, see[1]))
                continue
            self.claims[entry.number] = self.claim(body, entry)
        for entry, target in seen:  # a claim may be seen before the line that writes it in full
            if target not in self.claims:
                raise self.fail(f"'-> See {target}' names no claim of the discussion", entry, entry.column + 7)
            self.claims[entry.number] = self.claims[target]
        answers: dict[tuple[str, str, str], str] = {}  # (claim, claim answered, stance) to the number first saying so
        for entry in read:
            parent = _parent(entry.number)
            if entry.stance is None or not parent:
                continue
            claim, answered = self.claims[entry.number], self.claims[parent]
            if claim is answered:
                raise self.fail(f"the claim numbered {entry.number} answers itself", entry, entry.column)
            first = answers.setdefault((claim.id, answered.id, entry.stance), entry.number)
            if first != entry.number:
                stance = entry.stance.lower()
                message = f"the claims numbered {first} and {entry.number} are one claim, a {stance} of {parent} twice"
                raise self.fail(message, entry, entry.column)
            try:
                if entry.stance == "Pro":
                    self.amap.support(claim, answered)
                else:
                    self.amap.rebut(claim, answered)
            except ArgmapError as error:  # what the map refuses besides
                raise self.fail(str(error), entry) from None
        return self.amap

    def claim(self, body: str, entry: _Line) -> Claim:
        """Add the claim of *body*, its escapes undone and its links' addresses moved into its note."""
        addresses: list[str] = []

        def plain(found: re.Match[str]) -> str:
            if found[1] is not None:
                return found[1]
            if found[3]:
                addresses.append(found[3])
            return _MARKUP.sub(plain, found[2])

        text = _MARKUP.sub(plain, body)
        note = "Links: " + " ".join(addresses) if addresses else None
        try:
            return self.amap.claim(text, note=note)
        except ArgmapError as error:
            raise self.fail(str(error), entry, entry.column) from None


def _parent(number: str) -> str:
    """Return the number of the claim the claim *number* answers: ``1.2.`` for ``1.2.3.``, ``""`` for ``1.``."""
    return number[: number.rstrip(".").rfind(".") + 1]


def load(path: str | Path) -> ArgumentMap:
    """Return the map of the Kialo export file *path*."""
    return loads(read_text(path), path=path)


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as a Kialo export: its first main conclusion the thesis, the claims answering it below.

    Every claim that leads to the thesis is written: in full where it is
    first met (walking the tree in order), as ``-> See N.`` after that.

    Raises:
        FormatError: the map has no claim, or holds what Kialo cannot: a
            linked support, an undercut, a skeptical response, a claim that
            leads to no thesis or to another one.
    """
    for relation in amap.relations:
        if not isinstance(relation, (Support, Rebuttal)) or (
            isinstance(relation, Support) and len(relation.premises) != 1
        ):
            raise FormatError(f"Kialo holds only pros and cons of one claim each, not {relation.id!r}")
    main = amap.main_conclusions()
    if not main:
        raise FormatError("Kialo needs a thesis: the map has no main conclusion")
    for claim in amap.claims:
        lines = claim.text.split("\n")
        if (
            claim.text != claim.text.strip()
            or any(line.endswith("\r") for line in lines)
            or any(_NUMBERED.match(line) or _BROKEN.match(line) for line in lines[1:])
        ):
            raise FormatError(
                f"Kialo cannot hold the text of {claim.id!r}: space around it, or a line read as a number"
            )
    thesis = main[0]
    title = " ".join((amap.title or thesis.text).split())  # one line, whatever the map's title holds
    lines = [f"{_TITLE} {title}", ""]
    numbers: dict[str, str] = {}
    pending: list[tuple[str, str, str]] = [(thesis.id, "1.", "")]  # claim, its number, its stance
    while pending:  # depth first, in order: each claim in full where its number comes first
        claim_id, number, stance = pending.pop()
        if claim_id in numbers:
            lines.append(f"{number} {stance}-> See {numbers[claim_id]}")
            continue
        numbers[claim_id] = number
        lines.append(f"{number} {stance}{_escaped(amap.claim_for(claim_id))}")
        answers = []
        for child, relation in enumerate(amap.incoming(claim_id), start=1):
            if isinstance(relation, Support):
                answers.append((relation.premises[0], f"{number}{child}.", "Pro: "))
            else:
                answers.append((relation.attacker, f"{number}{child}.", "Con: "))  # type: ignore[union-attr]
        pending.extend(reversed(answers))
    if len(numbers) != len(amap.claims):
        unwritten = next(claim.id for claim in amap.claims if claim.id not in numbers)
        raise FormatError(f"Kialo holds one thesis and the claims answering it; {unwritten!r} leads to none")
    return "\n".join(lines) + "\n"


def _escaped(claim: Claim) -> str:
    return _TO_ESCAPE.sub(r"\\\1", claim.text)


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as a Kialo export, atomically, and return the path."""
    return write_atomic(Path(path), dumps(amap))
