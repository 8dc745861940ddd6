"""Read Argdown text into its own terms: statements, arguments with premise-conclusion structures, relations.

The subset that maps use in practice, read the way the Argdown parser
(``@argdown/core``) reads it: front matter, headings, comments, statements
``[Title]: text`` and untitled ones (every top-level paragraph is a
statement, as in Argdown), arguments ``<Title>: text``, premise-conclusion
structures with inferences, relations (``+ - <+ <- +> -> _> <_ ><``) nested
by indentation, ``#tags``, ``{yaml}`` data, escapes. Its result is turned into
a map by :mod:`argmap.formats.argdown`; a syntax error is a
:class:`~argmap.errors.FormatError` with line and column.
"""

from __future__ import annotations

import bisect
import itertools
import re
from pathlib import Path
from typing import Any

from argmap.errors import FormatError
from argmap.formats._argdown_text import (
    LINK,
    PLAIN_REST,
    SPACES,
    Reading,
    Spans,
    holds,
    inline,
    plain_data,
    plain_rest,
    unix_lines,
    without_comments,
    yaml_data,
)

__all__ = [
    "SECTION_SEPARATOR",
    "Argument",
    "Document",
    "Element",
    "Inference",
    "Reference",
    "Relation",
    "Statement",
    "parse",
]

# What the Argdown lexer accepts, in its own patterns (lexer.js of @argdown/core), written for Python.
_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|><|_>|<_|\+|-|_(?=\s))")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_INFERENCE = re.compile(r"[ \t]*--")
_HEADING = re.compile(r"[ \t]*(#+) (.*)")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\*|\d+\.)(?=\s)")
SECTION_SEPARATOR = " > "
"""What stands between a section's title and the title of a section within it, as :attr:`Claim.section` writes it."""
# A statement's or an argument's definition or reference, tried in this order: a definition before a
# reference, a statement first ("[" or "<" followed by "-" opens no reference).
_ELEMENT = re.compile(r"\[(.+?)\]:|\[([^-].*?)\]|<(.+?)>:|<([^-].*?)>")
_DEFINITION = re.compile(r"\[(.+?)\]:|<(.+?)>:")
# A paragraph as most are written: a statement's definition (or reference) on one line, its rest plain (text, then
# perhaps a data block: see plain_rest), relations to a statement or an argument under it, one a line, then an empty
# line (which it takes, and the empty lines after) or the end.
_PARAGRAPH = re.compile(
    rf"\[([^\[\]\n\t\\]+)\](:?){PLAIN_REST}(?:\n|\Z)"
    r"((?:[ \t]+(?:\+>|->|_>|><|<\+|<-|<_)[ \t]+"
    r"(?:\[[^-\[\]\n\t][^\[\]\n\t]*\]|<[^-<>\n\t][^<>\n\t]*>)[ \t]*(?:\n|\Z))*)"
    r"(?:[ \t]*(?:\n|\Z))+"
)
# A reconstructed argument's title line, and a numbered statement, as argmap writes them: a title that opens no
# relation ("<+", "<-", "<_") and holds nothing _ELEMENT would read otherwise; a reference alone, or a definition.
_ARGUMENT_LINE = re.compile(r"<([^-+_<>\[\]\n\t\\ ](?:[^<>\n\t\\]*[^<>\n\t\\ ])?)>(?:(:)(.*))?")
_NUMBERED_LINE = re.compile(r"\(\d+\) \[([^\[\]\n\t\\ ](?:[^\[\]\n\t\\]*[^\[\]\n\t\\ ])?)\](?:(:)(.*))?")
_DASHES = re.compile(r"-{2,}")
_PARAGRAPH_OPENERS = ("[", "<")  # the first character of a paragraph that paragraph() may read
_RELATION_LINE = re.compile(r"([ \t]+)(\S+)[ \t]+([\[<])(.*?)[\]>][ \t]*(?:\n|\Z)")
# The first characters of a line (spaces aside) that may open an inference, a number, a relation, a heading
# or a list item: a line starting otherwise is text or a definition.
_OPENERS = frozenset("-(+<>_#*0123456789")
# Relation tokens: (does the child point at its parent?, the kind of relation).
_TOKENS = {
    "+": (True, "support"),
    "<+": (True, "support"),
    "-": (True, "attack"),
    "<-": (True, "attack"),
    "<_": (True, "undercut"),
    "_": (True, "undercut"),
    "+>": (False, "support"),
    "->": (False, "attack"),
    "_>": (False, "undercut"),
    "><": (False, "contradictory"),
}


class Reference:
    """A statement or an argument, named by its kind and title."""

    __slots__ = ("kind", "title")

    def __init__(self, kind: str, title: str) -> None:
        self.kind = kind  # "statement", "argument", or "inference" (an argument's last, as a relation's parent)
        self.title = title

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reference) and (self.kind, self.title) == (other.kind, other.title)

    def __hash__(self) -> int:
        return hash((self.kind, self.title))


class Element:
    """What statements and arguments both have: a title, a text, tags, data, and the heading they sit under."""

    __slots__ = ("data", "line", "section", "tags", "text", "title")

    def __init__(self, title: str, line: int, section: str | None = None) -> None:
        self.title = title
        self.line = line
        self.text = ""
        self.tags: list[str] = []
        self.data: dict[str, Any] = {}
        self.section = section


class Statement(Element):
    """An equivalence class of statements: every member shares the title."""

    __slots__ = ()


class Inference:
    """One inference of a premise-conclusion structure: what it infers from, its rules and data."""

    def __init__(self, premises: list[str], rules: list[str], data: dict[str, Any], line: int) -> None:
        self.premises = premises
        self.rules = rules
        self.data = data
        self.line = line
        self.conclusion: str | None = None


class Argument(Element):
    """An argument: its description and, where reconstructed, its inferences."""

    __slots__ = ("inferences", "pcs")

    def __init__(self, title: str, line: int, section: str | None = None) -> None:
        super().__init__(title, line, section)
        self.inferences: list[Inference] = []
        self.pcs: list[str] = []  # the titles of its numbered statements, in order


class Relation:
    """A relation between two statements or arguments, as written."""

    def __init__(self, kind: str, origin: Reference, target: Reference, line: int, step: int | None = None) -> None:
        self.step = step  # for an undercut of a reconstructed argument: the index of the inference it undercuts
        self.kind = kind
        self.origin = origin
        self.target = target
        self.line = line


class Document:
    """A whole Argdown document: front matter, statements and arguments in order of appearance, relations."""

    def __init__(self) -> None:
        self.front_matter: dict[str, Any] = {}
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        self.warnings: list[tuple[int, str]] = []  # (line, message): where argmap reads more leniently than Argdown
        self.headings: list[tuple[int, str | None]] = []  # (line, the section open after it), for each heading


def parse(text: str, path: str | Path | None = None) -> Document:
    """Return the Argdown document in *text*, its ``@include(file)`` lines replaced by the files they name.

    Raises:
        FormatError: a syntax error, with its line and column (in the included
            file where it lies there); an include that is missing or needs a
            path to resolve.
    """
    if not holds(text, "@include("):
        return _Parser(text, path).parse()
    origins: list[tuple[str | Path | None, int]] = []
    warnings: list[tuple[int, str]] = []
    combined = _included(text, path, [], set(), origins, warnings)
    try:
        document = _Parser(combined, path).parse()
    except FormatError as error:
        if error.line is None or error.line > len(origins):
            raise
        where, line = origins[error.line - 1]
        raise FormatError(error.message, path=where, line=line, column=error.column) from None
    document.warnings[:0] = warnings
    return document


_INCLUDE = re.compile(r"@include\(([^)]+)\)")


def _included(
    text: str,
    path: str | Path | None,
    chain: list[Path],
    seen: set[Path],
    origins: list[tuple[str | Path | None, int]],
    warnings: list[tuple[int, str]],
) -> str:
    """Return *text* with each include replaced by the file it names, read relative to *path*, as Argdown does.

    A file included a second time, or inside itself (a cycle), is left out
    with a warning: Argdown includes each file once.
    """
    out: list[str] = []
    position = 0
    line = 1
    for match in _INCLUDE.finditer(text):
        before = text[position : match.start()]
        out.append(before)
        origins.extend((path, line + n) for n in range(before.count("\n")))
        line += before.count("\n")
        column = match.start() - text.rfind("\n", 0, match.start())
        if path is None:
            raise FormatError(
                "@include needs the including file's path: read the file, not a string", line=line, column=column
            )
        target = (Path(path).resolve().parent / match[1].strip()).resolve()
        if target in chain or target == Path(path).resolve():
            warnings.append(
                (len(origins) + 1, f"{match[0]} would include a file inside itself; left out, as Argdown does")
            )
        elif target in seen:
            warnings.append((len(origins) + 1, f"{match[0]} names a file included already; Argdown includes it once"))
        else:
            seen.add(target)
            try:
                included = target.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                message = f"{match[0]} cannot be read: {getattr(error, 'strerror', None) or error}"
                raise FormatError(message, path=path, line=line, column=column) from None
            included = unix_lines(included)
            out.append(_included(included, target, [*chain, Path(path).resolve()], seen, origins, warnings))
            origins.pop()  # the included text's last line goes on with what follows the include
        position = match.end()
    rest = text[position:]
    out.append(rest)
    origins.extend((path, line + n) for n in range(rest.count("\n") + 1))
    return "".join(out)


class _Gathering:
    """The lines of text gathered for one appearance of an element, and whether it defines the element."""

    def __init__(
        self,
        element: Statement | Argument,
        parts: list[str],
        definition: tuple[str, int] | None,
        line: int,
        column: int,
    ) -> None:
        self.element = element
        self.data_until = -1  # where a data block opened in these lines ends
        self.parts = parts
        self.definition = definition
        self.line = line
        self.column = column


class _Parser(Reading):
    def __init__(self, text: str, path: str | Path | None) -> None:
        super().__init__(path)
        self.text = unix_lines(text)
        self.document = Document()
        self.untitled = 0
        self.section: str | None = None
        self.headings: list[tuple[int, str]] = []  # the open headings: level, title
        self.cleaned = ""
        self.spans = Spans("")
        self.offsets: list[int] = [0]
        self.read_lines: list[tuple[int, str]] = []  # (line number, text) of the lines parse reads
        self.blocks: dict[str, dict[str, Any]] = {}  # the data of each block paragraph() has read

    # -- the whole document, line by line

    def parse(self) -> Document:
        current: _Gathering | None = None  # the element that lines of text continue
        levels: list[tuple[int, Reference | None]] = []  # open relation levels: indentation, element last written there
        argument: Argument | None = None  # the argument a reconstruction that follows belongs to
        pcs: list[str] | None = None  # the statements of the open reconstruction since its last inference
        inference: Inference | None = None  # an inference waiting for its conclusion
        concluded = False  # the open reconstruction's last statement is a conclusion
        lines = self.read_lines = self.lines()
        every_line = len(lines) == len(self.offsets) - 1  # no line was only a comment: lines[n] is line n + 1
        index = 0
        while index < len(lines):
            number, line = lines[index]
            if every_line and current is None and not levels and pcs is None and line[:1] in _PARAGRAPH_OPENERS:
                paragraph = self.paragraph(number, argument)
                if paragraph is not None:
                    index, argument = paragraph
                    continue
            index += 1
            if current is not None and current.data_until > self.offsets[number - 1]:
                current.parts.append(line)  # a data block over several lines
                index = self.data_lines(current, lines, index)
                continue
            if not line.strip():
                self.finish(current)
                current = None
                levels = []
                if concluded:
                    argument, pcs, concluded = None, None, False
                continue
            special = line.lstrip()[0] in _OPENERS  # else the line can only be text or a definition
            if special and _INFERENCE.match(line):
                self.finish(current)
                current = None
                if not pcs or argument is None:
                    raise self.fail("an inference (--) must follow the numbered premises it infers from", number)
                inference, index = self.inference(lines, index - 1, pcs)
                argument.inferences.append(inference)
                levels = [(0, Reference("inference", argument.title))]
                continue
            numbered = _NUMBER.match(line) if special else None
            if numbered:
                self.finish(current)
                current = None
                if pcs is None:
                    pcs = []
                    if argument is None or argument.pcs:
                        argument = self.untitled_argument(number)
                assert argument is not None
                reference, current = self.element(line[numbered.end() :], number, numbered.end() + 1)
                concluded = inference is not None
                if inference is not None:
                    inference.conclusion = reference.title
                    inference, pcs = None, []
                pcs.append(reference.title)
                argument.pcs.append(reference.title)
                levels = [(0, reference)]
                continue
            relation = _RELATION.match(line) if special else None
            if relation and levels:
                self.finish(current)
                current = None
                indent = len(relation[1])
                parent = self.level(levels, indent, number)
                rest = line[relation.end() :]
                if not rest.strip():
                    raise self.fail(f"{relation[2]!r} must be followed by a statement or an argument", number)
                reference, current = self.element(rest, number, relation.end() + 1)
                levels[-1] = (levels[-1][0], reference)
                self.relate(relation[2], reference, parent, argument, number)
                continue
            if inference is not None:
                raise self.fail("an inference must be followed by its conclusion, a numbered statement", inference.line)
            if relation and current is None:
                raise self.fail("a relation needs a statement or an argument above it", number, len(relation[1]) + 1)
            heading = _HEADING.match(line) if special else None
            if heading:
                self.finish(current)
                current = None
                parts = [heading[2]]
                while index < len(lines) and lines[index][1].strip():  # a heading runs to the empty line
                    parts.append(lines[index][1])
                    index += 1
                content, _, data = inline(parts, self, number, heading.start(2) + 1)
                level = len(heading[1])
                while self.headings and self.headings[-1][0] >= level:
                    self.headings.pop()  # a heading closes the sections at its level and deeper
                if data.get("isGroup") is not False and content:
                    self.headings.append((level, content))
                    self.section = SECTION_SEPARATOR.join(title for _, title in self.headings)
                else:
                    self.section = None
                self.document.headings.append((number, self.section))
                argument, pcs, concluded, levels = None, None, False, []
                continue
            item = _LIST_ITEM.match(line) if special else None
            defines = current is not None and _DEFINITION.match(line.lstrip()) is not None
            if current is not None and not defines and not item:
                current.parts.append(line)
                index = self.data_lines(current, lines, index)
                continue
            if current is not None and defines and not item and pcs is None:
                self.warnings.append((number, "a definition right under another element; Argdown needs an empty line"))
            self.finish(current)
            if pcs is not None:
                argument, pcs, concluded = None, None, False
            start = item.end() if item else 0
            reference, current = self.element(line[start:], number, start + 1)
            levels = [(0, reference)] if not item else [(0, None), (len(item[1]) + 1, reference)]
            if reference.kind == "argument":
                argument = self.document.arguments[reference.title]
            index = self.data_lines(current, lines, index)
        if inference is not None:
            raise self.fail("an inference must be followed by its conclusion, a numbered statement", inference.line)
        self.finish(current)
        self.document.warnings.extend(self.warnings)
        return self.document

    def paragraph(self, number: int, argument: Argument | None) -> tuple[int, Argument | None] | None:
        """Read the paragraph at line *number* if it is written as most are; return the index of the line after it.

        That is a statement's definition on one line, its text plain (see
        :func:`~argmap.formats._argdown_text.plain_rest`), or a reference alone
        on its line, and relations to
        other statements or arguments, one a line and all at one indentation,
        then an empty line or the end: read with one match instead of line by
        line, the same elements and relations as :meth:`parse` finds. Or a
        premise-conclusion structure as argmap writes it (see
        :meth:`reconstruction`). Otherwise return ``None`` and leave the
        paragraph to :meth:`parse`. Returned with the index: the argument a
        reconstruction that follows would belong to, as :meth:`parse` keeps it.
        """
        if self.cleaned.startswith("<", self.offsets[number - 1]):
            return self.reconstruction(number)
        match = _PARAGRAPH.match(self.cleaned, self.offsets[number - 1])
        if match is None:
            return None
        title, defines, text, block, relations = match.groups()
        if title.strip() != title or "  " in title:
            return None
        data = self.blocks.get(block) if block else {}  # many blocks are alike: each read once, then shared
        if data is None:
            data = plain_data(block)
            if data is None:
                return None
            self.blocks[block] = data  # only ever copied into a statement's data, never changed
        if defines:
            if not (text or data):
                return None  # a definition without text: an error, which parse reports
        elif text or data or title[0] == "-":
            return None  # a reference with more on its line
        found = _RELATION_LINE.findall(relations) if relations else None
        if found and any(
            indent != found[0][0] or "  " in other or other.strip() != other for indent, _, _, other in found
        ):
            return None
        statement = self.statement(title, number)
        if text and not statement.text:
            statement.text = text
        if data:
            statement.data.update(data)
        if not found:
            return bisect.bisect_left(self.offsets, match.end()), argument
        parent = Reference("statement", title)
        for offset, (_, token, opening, other) in enumerate(found, 1):
            if opening == "[":
                self.statement(other, number + offset)
                reference = Reference("statement", other)
            else:
                if other not in self.document.arguments:
                    self.argument(other, number + offset)
                reference = Reference("argument", other)
            self.relate(token, reference, parent, argument, number + offset)
        return bisect.bisect_left(self.offsets, match.end()), argument  # the line after the match's last

    def reconstruction(self, number: int) -> tuple[int, Argument | None] | None:
        """Read the premise-conclusion structure at line *number* as argmap writes it; return the line after it.

        That is the argument's title alone or defined with plain text, empty
        lines, then numbered statements (each a reference alone or a definition
        with plain text) and inferences whose rules and data are plain, the last
        statement a conclusion, then an empty line or the end: the same elements
        as :meth:`parse` finds line by line, without trying each line against
        every pattern. Otherwise return ``None`` and leave it to :meth:`parse`.
        Everything is checked before anything is recorded.
        """
        lines = self.read_lines
        index = number - 1
        match = _ARGUMENT_LINE.fullmatch(lines[index][1])
        if match is None or "  " in match[1] or match[1].strip() != match[1]:
            return None
        title, defines, rest = match[1], match[2], match[3]
        plain = plain_rest(rest) if defines else ("", {})
        if plain is None or (defines and not (plain[0] or plain[1])):
            return None
        index += 1
        if index >= len(lines) or lines[index][1]:
            return None  # no empty line after the title: left to parse
        while index < len(lines) and not lines[index][1]:
            index += 1
        statements: list[tuple[str, int, tuple[str, dict[str, Any]] | None]] = []  # title, line, text and data
        inferences: list[Inference] = []
        pcs: list[str] = []
        inference: Inference | None = None
        concluded = False
        while index < len(lines) and (line := lines[index][1]):
            if line[0] == "(":
                numbered = _NUMBERED_LINE.fullmatch(line)
                if numbered is None or "  " in numbered[1] or numbered[1].strip() != numbered[1]:
                    return None
                if not numbered[2] and numbered[1][0] == "-":
                    return None  # "[-" opens no reference
                read = plain_rest(numbered[3]) if numbered[2] else None
                if numbered[2] and (read is None or not (read[0] or read[1])):
                    return None
                statements.append((numbered[1], lines[index][0], read))
                concluded = inference is not None
                if inference is not None:
                    inference.conclusion = numbered[1]
                    inference, pcs = None, []
                pcs.append(numbered[1])
                index += 1
            elif line.startswith("--") and pcs:
                read_inference = self.inference_text(lines, index)
                if read_inference is None:
                    return None
                (content, data), after = read_inference
                rules = [rule.strip() for rule in content.split(",") if rule.strip()]
                inference = Inference(list(pcs), rules, data, lines[index][0])
                inferences.append(inference)
                index = after
            else:
                return None
        if not concluded or inference is not None:
            return None  # no conclusion last, or an inference waiting for one: left to parse
        argument = self.document.arguments.get(title) or self.argument(title, number)
        if argument.pcs:
            return None  # a second structure for one argument: parse gives it an untitled argument
        text, data = plain
        if text and not argument.text:
            argument.text = text
        argument.data.update(data)
        for statement_title, line_number, read in statements:
            statement = self.statement(statement_title, line_number)
            if read is not None:
                if read[0] and not statement.text:
                    statement.text = read[0]
                statement.data.update(read[1])
            argument.pcs.append(statement_title)
        argument.inferences.extend(inferences)
        while index < len(lines) and not lines[index][1]:
            index += 1
        return index, None

    def level(self, levels: list[tuple[int, Reference | None]], indent: int, line: int) -> Reference:
        """Return the parent of a relation at *indent*, as Argdown's lexer nests them, and open or close levels.

        A deeper line opens a level under the element last written; a
        shallower one closes every level deeper than itself and stays a
        sibling there, even where it stands between two levels.
        """
        if indent > levels[-1][0]:
            parent = levels[-1][1]
            levels.append((indent, None))
        else:
            while len(levels) > 1 and levels[-1][0] > indent:
                levels.pop()
            parent = levels[-2][1] if len(levels) > 1 else None
        if parent is None:
            raise self.fail("a relation needs a statement or an argument above it", line, indent + 1)
        return parent

    def relate(self, token: str, reference: Reference, parent: Reference, argument: Argument | None, line: int) -> None:
        """Record the relation *token* writes between *reference* and its *parent*."""
        inward, kind = _TOKENS[token]
        origin, target = (reference, parent) if inward else (parent, reference)
        step = None
        in_reconstruction = (
            argument is not None
            and argument.inferences
            and (parent.kind == "inference" or (parent.kind == "statement" and parent.title in argument.pcs))
        )
        if kind == "undercut" and inward and argument is not None and in_reconstruction:
            target, step = Reference("argument", argument.title), len(argument.inferences) - 1
        if parent.kind == "inference" and step is None:
            raise self.fail("only an undercut (<_) may stand under an inference", line)
        self.document.relations.append(Relation(kind, origin, target, line, step))

    def data_lines(self, current: _Gathering, lines: list[tuple[int, str]], index: int) -> int:
        """Note where a data block opened in the element's last line ends; return the index of the next line."""
        number, line = lines[index - 1]
        if "{" not in line and current.data_until < 0:
            return index  # no data block opens on the line
        start, end = self.offsets[number - 1], self.offsets[number]
        position = max(start, current.data_until)
        while (position := self.cleaned.find("{", position, end)) >= 0:
            back = position
            while back > start and self.cleaned[back - 1] == "\\":
                back -= 1
            closing = self.spans.data(position) if (position - back) % 2 == 0 else -1  # \{ is an escaped brace
            if closing < 0:
                position += 1
                continue
            current.data_until = closing
            position = closing
        return index

    def lines(self) -> list[tuple[int, str]]:
        """Return (line number, text) of the lines: front matter read, comments out, a line that was only one gone."""
        text = self.front_matter(self.text)
        cleaned = self.cleaned = without_comments(text, self)
        self.spans = Spans(cleaned)
        split = cleaned.split("\n")
        self.offsets = list(itertools.accumulate([len(line) + 1 for line in split], initial=0))
        if cleaned is text:  # no comments: every line stays
            return [(number, line.rstrip()) for number, line in enumerate(split, 1)]
        return [
            (number, line.rstrip())
            for number, (line, original) in enumerate(zip(split, text.split("\n"), strict=True), 1)
            if line.strip() or not original.strip()
        ]

    def front_matter(self, text: str) -> str:
        """Read the front matter, if the document opens with one, and blank it out, keeping the line numbers."""
        match = re.match(r"\s*(===+)\n", text)
        if not match:
            return text
        end = re.compile(r"===+").search(text, match.end())  # as Argdown reads it: the next ===, anywhere
        if end is None:
            line = text.count("\n", 0, match.start(1)) + 1
            raise self.fail("the front matter opened with === is never closed", line)
        block = text[match.end() : end.start()]
        first = text.count("\n", 0, match.end()) + 1
        data = yaml_data(block, self, lambda line, column: (first + line, column + 1))
        if data is not None and not isinstance(data, dict):
            raise self.fail("the front matter must be YAML mapping keys to values", first)
        self.document.front_matter = data or {}
        after = text[end.end() :].split("\n", 2)
        if after[0].strip() or (len(after) > 1 and after[1].strip()):
            line = text.count("\n", 0, end.end()) + 1 + (0 if after[0].strip() else 1)
            self.warnings.append((line, "Argdown needs an empty line after the front matter; read without one"))
        model = self.document.front_matter.get("model")
        codes = model.get("shortcodes") if isinstance(model, dict) else None
        if isinstance(codes, dict):
            for code, character in codes.items():
                if isinstance(character, dict) and isinstance(character.get("unicode"), str):
                    self.shortcodes[str(code)] = character["unicode"]
        return "\n" * text.count("\n", 0, end.end()) + text[end.end() :]

    # -- elements

    def element(self, text: str, line: int, column: int) -> tuple[Reference, _Gathering]:
        """Read the statement or argument at the start of *text*; return it and what its text lines gather into."""
        stripped = text.lstrip()
        column += len(text) - len(stripped)
        match = _ELEMENT.match(stripped)
        if match is not None and stripped[0] == "[" and LINK.match(stripped):
            match = None  # a link [text](url) opens the text of an untitled statement
        if match is None:
            self.untitled += 1
            statement = self.statement(f"Untitled {self.untitled}", line)
            return Reference("statement", statement.title), _Gathering(statement, [stripped], None, line, column)
        written = match[match.lastindex or 1]
        title = written if "  " not in written and written.strip() == written and "\t" not in written else ""
        title = title or SPACES.sub(" ", written).strip()
        element: Statement | Argument
        if match[0].startswith("["):
            element, kind = self.statement(title, line), "statement"
        else:
            element, kind = self.document.arguments.get(title) or self.argument(title, line), "argument"
        definition = (match[0], column) if match[0].endswith(":") else None
        gathering = _Gathering(element, [stripped[match.end() :]], definition, line, column + match.end())
        return Reference(kind, title), gathering

    def statement(self, title: str, line: int) -> Statement:
        statement = self.document.statements.get(title)
        if statement is None:
            statement = self.document.statements[title] = Statement(title, line, self.section)
        return statement

    def argument(self, title: str, line: int) -> Argument:
        argument = self.document.arguments[title] = Argument(title, line, self.section)
        return argument

    def untitled_argument(self, line: int) -> Argument:
        self.untitled += 1
        return self.argument(f"Untitled {self.untitled}", line)

    def finish(self, current: _Gathering | None) -> None:
        """Give the element the text, tags and data its lines hold; the first text given is its text."""
        if current is None:
            return
        element = current.element
        parts = current.parts
        plain = plain_rest(parts[0]) if len(parts) == 1 else None
        if plain is not None:  # the common line, text and a one-line data block: read in one match
            text, data = plain
            if text and not element.text:
                element.text = text
            if data:
                element.data.update(data)
            if text or data or current.definition is None:
                return
        text, tags, data = inline(parts, self, current.line, current.column)
        if current.definition is not None and not (text or tags or data):
            written, column = current.definition
            message = f"{written} must be followed by its text, on the same line or the next"
            raise self.fail(message, current.line, column + len(written))
        if text and not element.text:
            element.text = text
        element.tags.extend(tag for tag in tags if tag not in element.tags)
        element.data.update(data)

    def inference(self, lines: list[tuple[int, str]], index: int, pcs: list[str]) -> tuple[Inference, int]:
        """Read the inference starting at lines[index]: ``----``, ``-- rule --`` or ``--`` ... ``--`` over lines."""
        number, line = lines[index]
        parts = _inference_parts(lines, index)
        if parts is None:
            raise self.fail("an inference opened with -- is never closed with --", number)
        written = [part for part in parts if part.strip()]
        plain = plain_rest(written[0]) if len(written) == 1 else ("", {}) if not written else None
        if plain is not None:  # as argmap writes them: a rule, or a one-line data block, on a line of its own
            content, data = plain
        else:
            column = len(line) - len(line[_INFERENCE.match(line).end() :]) + 1  # type: ignore[union-attr]
            content, _, data = inline(parts, self, number, column)
        rules = [rule.strip() for rule in content.split(",") if rule.strip()]
        return Inference(list(pcs), rules, data, number), index + len(parts)

    def inference_text(self, lines: list[tuple[int, str]], index: int) -> tuple[tuple[str, dict[str, Any]], int] | None:
        """Return the text and data of the inference at lines[index], and the index after it, where both are plain."""
        parts = _inference_parts(lines, index)
        if parts is None:
            return None
        written = [part for part in parts if part.strip()]
        plain = plain_rest(written[0]) if len(written) == 1 else ("", {}) if not written else None
        return None if plain is None else (plain, index + len(parts))


def _inference_parts(lines: list[tuple[int, str]], index: int) -> list[str] | None:
    """Return the text of each line of the inference at lines[index], up to its closing ``--``, or ``None`` if none."""
    line = lines[index][1]
    body = line[_INFERENCE.match(line).end() :]  # type: ignore[union-attr]  # the caller matched it
    parts: list[str] = []
    while True:
        end = _DASHES.search(body)
        if end is not None:
            parts.append(body[: end.start()])
            return parts
        parts.append(body)
        index += 1
        if index >= len(lines):
            return None
        body = lines[index][1]
