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

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from argmap.errors import FormatError

__all__ = ["Argument", "Document", "Element", "Inference", "Reference", "Relation", "Statement", "parse"]

# What the Argdown lexer accepts, in its own patterns (lexer.js of @argdown/core), written for Python.
_DATA = re.compile(r"\{(?:(?!\}\s[^,}])[\s\S])*\}(?!\s*[,}])")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([A-Za-z0-9_\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+))[ \t]?")
_LINK = re.compile(r"\[([^\]]+?)\]\([^)]+?\)[ \t]?")
_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|><|_>|<_|\+|-|_(?=\s))")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_INFERENCE = re.compile(r"[ \t]*--")
_HEADING = re.compile(r"(#+) (.*)")
_STATEMENT_DEFINITION = re.compile(r"\[(.+?)\]:")
_STATEMENT_REFERENCE = re.compile(r"\[([^-].*?)\]")
_ARGUMENT_DEFINITION = re.compile(r"<(.+?)>:")
_ARGUMENT_REFERENCE = re.compile(r"<([^-].*?)>")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")
_SPACES = re.compile(r"\s+")
_INLINE_SYNTAX = re.compile(r"[\\{#\[]")
_COMMENT_SYNTAX = re.compile(r"[\\{\[</]")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
        self.kind = kind  # "statement" or "argument"
        self.title = title

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reference) and (self.kind, self.title) == (other.kind, other.title)

    def __hash__(self) -> int:
        return hash((self.kind, self.title))


class Element:
    """What statements and arguments both have: a title, a text, tags, data, and the heading they sit under."""

    def __init__(self, title: str, line: int) -> None:
        self.title = title
        self.line = line
        self.text = ""
        self.tags: list[str] = []
        self.data: dict[str, Any] = {}
        self.section: str | None = None


class Statement(Element):
    """An equivalence class of statements: every member shares the title."""


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

    def __init__(self, title: str, line: int) -> None:
        super().__init__(title, line)
        self.inferences: list[Inference] = []


class Relation:
    """A relation between two statements or arguments, as written."""

    def __init__(self, kind: str, origin: Reference, target: Reference, line: int) -> None:
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


def parse(text: str, path: str | Path | None = None) -> Document:
    """Return the Argdown document in *text*.

    Raises:
        FormatError: a syntax error, with its line and column.
    """
    return _Parser(text, path).parse()


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
        self.parts = parts
        self.definition = definition
        self.line = line
        self.column = column


class _Parser:
    def __init__(self, text: str, path: str | Path | None) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.path = path
        self.document = Document()
        self.untitled = 0
        self.section: str | None = None

    def fail(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError(message, path=self.path, line=line, column=column)

    # -- the whole document, line by line

    def parse(self) -> Document:
        current: _Gathering | None = None  # the element that lines of text continue
        parents: list[tuple[int, Reference]] = []  # relation parents, by indentation
        argument: Argument | None = None  # the argument a reconstruction that follows belongs to
        pcs: list[str] | None = None  # the statements of the open reconstruction since its last inference
        inference: Inference | None = None  # an inference waiting for its conclusion
        concluded = False  # the open reconstruction's last statement is a conclusion
        lines = list(self.lines())
        index = 0
        while index < len(lines):
            number, line = lines[index]
            index += 1
            if not line.strip():
                self.finish(current)
                current = None
                parents = []
                if concluded:
                    argument, pcs, concluded = None, None, False
                continue
            if _INFERENCE.match(line):
                self.finish(current)
                current = None
                if not pcs:
                    raise self.fail("an inference (--) must follow the numbered premises it infers from", number)
                inference, index = self.inference(lines, index - 1, pcs)
                parents = []
                continue
            numbered = _NUMBER.match(line)
            if numbered:
                self.finish(current)
                current = None
                if pcs is None:
                    pcs = []
                    if argument is None or argument.inferences:
                        argument = self.untitled_argument(number)
                reference, current = self.element(line[numbered.end() :], number, numbered.end() + 1)
                concluded = inference is not None
                if inference is not None:
                    assert argument is not None
                    inference.conclusion = reference.title
                    argument.inferences.append(inference)
                    inference, pcs = None, []
                pcs.append(reference.title)
                parents = [(len(line) - len(line.lstrip()), reference)]
                continue
            if inference is not None:
                raise self.fail("an inference must be followed by its conclusion, a numbered statement", inference.line)
            relation = _RELATION.match(line)
            if relation:
                self.finish(current)
                current = None
                indent = len(relation[1])
                while parents and parents[-1][0] >= indent:
                    parents.pop()
                if not parents:
                    raise self.fail("a relation needs a statement or an argument above it", number, indent + 1)
                rest = line[relation.end() :]
                if not rest.strip():
                    raise self.fail(f"{relation[2]!r} must be followed by a statement or an argument", number)
                reference, current = self.element(rest, number, relation.end() + 1)
                inward, kind = _TOKENS[relation[2]]
                parent = parents[-1][1]
                origin, target = (reference, parent) if inward else (parent, reference)
                self.document.relations.append(Relation(kind, origin, target, number))
                parents.append((indent, reference))
                continue
            heading = _HEADING.match(line)
            if heading:
                self.finish(current)
                current = None
                parts = [heading[2]]
                while index < len(lines) and lines[index][1].strip():  # a heading runs to the empty line
                    parts.append(lines[index][1])
                    index += 1
                content, _, data = _inline(parts, self, number, len(heading[1]) + 2)
                self.section = None if data.get("isGroup") is False else content or None
                argument, pcs, concluded, parents = None, None, False, []
                continue
            defines = _STATEMENT_DEFINITION.match(line) or _ARGUMENT_DEFINITION.match(line)
            if current is not None and not defines:
                current.parts.append(line)
                continue
            self.finish(current)
            current = None
            if pcs is not None:
                argument, pcs, concluded = None, None, False
            reference, current = self.element(line, number, 1)
            parents = [(len(line) - len(line.lstrip()), reference)]
            if reference.kind == "argument":
                argument = self.document.arguments[reference.title]
        if inference is not None:
            raise self.fail("an inference must be followed by its conclusion, a numbered statement", inference.line)
        self.finish(current)
        return self.document

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield (line number, text), front matter read and comments taken out; a line that was only a comment goes."""
        text = self.front_matter(self.text)
        cleaned = _without_comments(text, self)
        for number, (line, original) in enumerate(zip(cleaned.split("\n"), text.split("\n"), strict=True), 1):
            if line.strip() or not original.strip():
                yield number, line.rstrip()

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
        data = _yaml(block, self, lambda line, column: (first + line, column + 1))
        if data is not None and not isinstance(data, dict):
            raise self.fail("the front matter must be YAML mapping keys to values", first)
        self.document.front_matter = data or {}
        return "\n" * text.count("\n", 0, end.end()) + text[end.end() :]

    # -- elements

    def element(self, text: str, line: int, column: int) -> tuple[Reference, _Gathering]:
        """Read the statement or argument at the start of *text*; return it and what its text lines gather into."""
        stripped = text.lstrip()
        column += len(text) - len(stripped)
        match = None
        if not _LINK.match(stripped):
            match = (
                _STATEMENT_DEFINITION.match(stripped)
                or _STATEMENT_REFERENCE.match(stripped)
                or _ARGUMENT_DEFINITION.match(stripped)
                or _ARGUMENT_REFERENCE.match(stripped)
            )
        if match is None:
            self.untitled += 1
            statement = self.statement(f"Untitled {self.untitled}", line)
            return Reference("statement", statement.title), _Gathering(statement, [stripped], None, line, column)
        title = _SPACES.sub(" ", match[1]).strip()
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
            statement = self.document.statements[title] = Statement(title, line)
            statement.section = self.section
        return statement

    def argument(self, title: str, line: int) -> Argument:
        argument = self.document.arguments[title] = Argument(title, line)
        argument.section = self.section
        return argument

    def untitled_argument(self, line: int) -> Argument:
        self.untitled += 1
        return self.argument(f"Untitled {self.untitled}", line)

    def finish(self, current: _Gathering | None) -> None:
        """Give the element the text, tags and data its lines hold; the first text given is its text."""
        if current is None:
            return
        element = current.element
        text, tags, data = _inline(current.parts, self, current.line, current.column)
        if current.definition is not None and not text:
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
        body = line[_INFERENCE.match(line).end() :]  # type: ignore[union-attr]  # the caller matched it
        parts: list[str] = []
        while True:
            end = re.search(r"-{2,}", body)
            if end is not None:
                parts.append(body[: end.start()])
                break
            parts.append(body)
            index += 1
            if index >= len(lines):
                raise self.fail("an inference opened with -- is never closed with --", number)
            body = lines[index][1]
        content, _, data = _inline(parts, self, number, len(line) - len(line[_INFERENCE.match(line).end() :]) + 1)  # type: ignore[union-attr]
        rules = [rule.strip() for rule in content.split(",") if rule.strip()]
        return Inference(list(pcs), rules, data, number), index + 1


def _inline(parts: list[str], parser: _Parser, line: int, column: int) -> tuple[str, list[str], dict[str, Any]]:
    """Return the plain text of an element, its tags and its data: escapes resolved, emphasis and tags taken out.

    *parts* are the element's lines: the first starts at *line* and *column*,
    each further one is the whole next line. They are read as one text.
    """
    text = " ".join(parts)
    out: list[str] = []
    escaped: list[str] = []  # each escaped character stands in the text as a NUL until the end
    tags: list[str] = []
    data: dict[str, Any] = {}
    position = 0
    while position < len(text):
        found = _INLINE_SYNTAX.search(text, position)
        if found is None:
            out.append(text[position:])
            break
        if found.start() > position:
            out.append(text[position : found.start()])
            position = found.start()
        character = text[position]
        match = None
        if character == "\\" and position + 1 < len(text):
            escaped.append(text[position + 1])
            out.append("\x00")
            position += 2
            continue
        if character == "{" and (match := _DATA.match(text, position)):
            found = _yaml(match[0], parser, functools.partial(_place_in, parts, position, line, column))
            if isinstance(found, dict):
                data.update(found)
        elif character == "#" and (match := _TAG.match(text, position)):
            tags.append((match[1] or match[2]).strip())
        elif character == "[" and (match := _LINK.match(text, position)):
            out.append(match[1] + (" " if match[0][-1] in " \t" else ""))
        if match is not None:
            position = match.end()
            continue
        out.append(character)
        position += 1
    plain = _SPACES.sub(" ", _EMPHASIS.sub("", "".join(out))).strip()
    characters = iter(escaped)
    return re.sub("\x00", lambda _: next(characters), plain), tags, data


def _place_in(parts: list[str], start: int, line: int, column: int, _: int, offset: int) -> tuple[int, int]:
    """Return the line and column of a data block's *offset*, the block starting at *start* of the joined *parts*."""
    return _place(parts, start + offset, line, column)


def _place(parts: list[str], offset: int, line: int, column: int) -> tuple[int, int]:
    """Return the line and column of *offset* in the text that joins *parts* with spaces."""
    for number, part in enumerate(parts):
        if offset <= len(part):
            return line + number, offset + (column if number == 0 else 1)
        offset -= len(part) + 1
    return line, column


def _yaml(text: str, parser: _Parser, place: Callable[[int, int], tuple[int, int]]) -> Any:
    """Parse YAML *text*; *place* turns a line and column within it (0-based) into the file's, for errors."""
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader: libyaml's where installed
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = place(mark.line, mark.column) if mark else place(0, 0)
        problem = getattr(error, "problem", None) or str(error)
        raise parser.fail(f"invalid YAML data: {problem}", line, column) from None


def _without_comments(text: str, parser: _Parser) -> str:
    """Return *text* with its comments blanked out (newlines kept), as the Argdown lexer skips them.

    Escaped characters, links and data blocks are passed over, so a ``//``
    in a URL inside them is no comment; elsewhere it is, as in Argdown.
    """
    out: list[str] = []
    position = 0
    length = len(text)
    while position < length:
        found = _COMMENT_SYNTAX.search(text, position)
        if found is None:
            out.append(text[position:])
            break
        out.append(text[position : found.start()])
        position = found.start()
        character = text[position]
        if character == "\\":
            out.append(text[position : position + 2])
            position += 2
            continue
        if character == "{" and (match := _DATA.match(text, position)):
            out.append(match[0])
            position = match.end()
            continue
        if character == "[" and (match := _LINK.match(text, position)):
            out.append(match[0])
            position = match.end()
            continue
        for opener, closer in (("<!--", "-->"), ("/*", "*/")):
            if text.startswith(opener, position):
                end = text.find(closer, position + len(opener))
                if end < 0:
                    line = text.count("\n", 0, position) + 1
                    column = position - text.rfind("\n", 0, position)
                    raise parser.fail(f"the comment opened with {opener} is never closed", line, column)
                comment = text[position : end + len(closer)]
                out.append(re.sub(r"[^\n]", " ", comment))
                position = end + len(closer)
                break
        else:
            if text.startswith("//", position):
                end = text.find("\n", position)
                end = length if end < 0 else end
                out.append(" " * (end - position))
                position = end
            else:
                out.append(character)
                position += 1
    return "".join(out)
