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
import functools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from argmap.errors import FormatError

__all__ = [
    "Argument",
    "Document",
    "Element",
    "Inference",
    "Reference",
    "Relation",
    "Statement",
    "is_shortcode",
    "parse",
    "read_text",
]

# What the Argdown lexer accepts, in its own patterns (lexer.js of @argdown/core), written for Python.
_TAG_WORD = re.compile(r"[A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
_LINK = re.compile(r"\[([^\]]+?)\]\([^)]+?\)[ \t]?")
_RELATION = re.compile(r"([ \t]*)(\+>|->|<\+|<-|><|_>|<_|\+|-|_(?=\s))")
_NUMBER = re.compile(r"[ \t]*\((\d+)\)")
_INFERENCE = re.compile(r"[ \t]*--")
_HEADING = re.compile(r"[ \t]*(#+) (.*)")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\*|\d+\.)(?=\s)")
_STATEMENT_DEFINITION = re.compile(r"\[(.+?)\]:")
_STATEMENT_REFERENCE = re.compile(r"\[([^-].*?)\]")
_ARGUMENT_DEFINITION = re.compile(r"<(.+?)>:")
_ARGUMENT_REFERENCE = re.compile(r"<([^-].*?)>")
_SPECIAL = re.compile(r"([.:])\S+?\1[ \t]?")
_SPACES = re.compile(r"\s+")
_INLINE_SYNTAX = re.compile(r"[\\{#\[.:*_]")
_COMMENT_SYNTAX = re.compile(r"[\\{\[</#]")
_CONTROL = frozenset("\\@#*_[],.:;</>-\r\n(){}")
_EMPHASIS_END = frozenset(" \t\n\r)}_.,!?;:-*")
# Argdown's shortcodes for logical symbols and emoji, written .name. or :name: in a text.
_SHORTCODES = {
    "A": "\u2200", "E": "\u2203", "O": "\U0001d5e2", "P": "\U0001d5e3", "->": "\u2192", "<->": "\u2194",
    "~": "\u00ac", "^": "\u2227", "v": "\u2228", "v_": "\u22bb", "<>": "\u25c7", "[]": "\u25fb",
    "happy": "\U0001f600", "smile": "\u263a", "smiley": "\u263a", "laugh": "\U0001f606", "lol": "\U0001f606",
    "rofl": "\U0001f923", "joy": "\U0001f602", "heart": "\u2764", "?": "\u2753", "question": "\u2753",
    "love": "\U0001f60d", "wink": "\U0001f609", "shush": "\U0001f92b", "meh": "\U0001f610",
    "eye-roll": "\U0001f644", "sad": "\U0001f622", "disappointed": "\U0001f61e", "scream": "\U0001f631",
    "+1": "\U0001f44d", "up": "\U0001f44d", "-1": "\U0001f44e", "down": "\U0001f44e", "think": "\U0001f914",
    "star": "\u2b50", "y": "\u2714", "agree": "\u2714", "n": "\u274c", "disagree": "\u274c",
}  # fmt: skip
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
        self.kind = kind  # "statement", "argument", or "inference" (an argument's last, as a relation's parent)
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


def parse(text: str, path: str | Path | None = None) -> Document:
    """Return the Argdown document in *text*, its ``@include(file)`` lines replaced by the files they name.

    Raises:
        FormatError: a syntax error, with its line and column (in the included
            file where it lies there); an include that is missing or needs a
            path to resolve.
    """
    if "@include(" not in text:
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


def read_text(text: str) -> tuple[str, list[str], dict[str, Any]] | None:
    """Return what Argdown reads in *text* written after a statement's title: text, tags and data (or ``None``)."""
    try:
        return _inline([text], _Parser("", None), 1, 1)
    except FormatError:
        return None


def is_shortcode(code: str) -> bool:
    """Tell whether *code* (``.A.``, ``:happy:``) is one Argdown turns into a character."""
    return len(code) > 2 and code[0] == code[-1] and code[0] in ".:" and code[1:-1] in _SHORTCODES


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
            included = included.replace("\r\n", "\n").replace("\r", "\n")
            out.append(_included(included, target, [*chain, Path(path).resolve()], seen, origins, warnings))
            origins.pop()  # the included text's last line goes on with what follows the include
        position = match.end()
    rest = text[position:]
    out.append(rest)
    origins.extend((path, line + n) for n in range(rest.count("\n") + 1))
    return "".join(out)


class _Spans:
    """Where the data blocks, links and parenthesised tags that may start in *text* end, each found in O(log n).

    Argdown's lexer matches them with regular expressions that backtrack: tried
    at every ``{``, ``[`` or ``#(``, they make a text full of openers quadratic
    (16 KB of ``{`` took seconds). The same answers come from the sorted
    positions of the closers, found once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._closers: dict[str, list[int]] = {}
        self._data: tuple[list[int], list[int]] | None = None

    def closers(self, character: str) -> list[int]:
        found = self._closers.get(character)
        if found is None:
            found = self._closers[character] = [m.start() for m in re.finditer(re.escape(character), self.text)]
        return found

    def next_closer(self, character: str, position: int) -> int:
        """Return the first index at or after *position* holding *character*, or -1."""
        found = self.closers(character)
        index = bisect.bisect_left(found, position)
        return found[index] if index < len(found) else -1

    def data(self, position: int) -> int:
        """Return the end of the data block ``{...}`` opening at *position*, or -1 (Argdown's Data token)."""
        if self._data is None:
            stops = [m.start() for m in re.finditer(r"\}\s[^,}]|[\r\u2028\u2029]", self.text)]
            ends = [m.start() for m in re.finditer(r"\}(?!\s*[,}])", self.text)]
            self._data = (stops, ends)
        stops, ends = self._data
        index = bisect.bisect_left(stops, position + 1)
        limit = stops[index] if index < len(stops) else len(self.text) - 1
        index = bisect.bisect_right(ends, limit) - 1
        return ends[index] + 1 if index >= 0 and ends[index] > position else -1

    def title(self, position: int) -> int:
        """Return the end of the reference ``[title]`` or ``<title>`` at *position*, on one line, or -1."""
        text = self.text
        closer = "]" if text[position] == "[" else ">"
        if position + 1 >= len(text) or text[position + 1] in "-\n" + closer + ("<" if closer == ">" else ""):
            return -1
        end = self.next_closer(closer, position + 1)
        newline = self.next_closer("\n", position + 1)
        return end + 1 if end > 0 and (newline < 0 or end < newline) else -1

    def link(self, position: int) -> tuple[str, int] | None:
        """Return the text and end of the link ``[text](url)`` opening at *position* (Argdown's Link token)."""
        text = self.text
        close = self.next_closer("]", position + 1)
        if close <= position + 1 or close + 1 >= len(text) or text[close + 1] != "(":
            return None
        end = self.next_closer(")", close + 2)
        if end <= close + 2:
            return None
        end += 1
        if end < len(text) and text[end] in " \t":
            end += 1
        return text[position + 1 : close], end

    def tag(self, position: int) -> tuple[str, int] | None:
        """Return the tag and end of ``#(tag text)`` or ``#tag`` at *position* (Argdown's Tag token)."""
        text = self.text
        if text.startswith("#(", position):
            end = self.next_closer(")", position + 2)
            if end <= position + 2:
                return None
            name, end = text[position + 2 : end], end + 1
        else:
            match = _TAG_WORD.match(text, position + 1)
            if match is None:
                return None
            name, end = match[0], match.end()
        if end < len(text) and text[end] in " \t":
            end += 1
        return name, end


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


class _Parser:
    def __init__(self, text: str, path: str | Path | None) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.path = path
        self.document = Document()
        self.untitled = 0
        self.section: str | None = None
        self.cleaned = ""
        self.spans = _Spans("")
        self.offsets: list[int] = [0]
        self.shortcodes = {f"{mark}{name}{mark}": character for name, character in _SHORTCODES.items() for mark in ".:"}

    def fail(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError(message, path=self.path, line=line, column=column)

    # -- the whole document, line by line

    def parse(self) -> Document:
        current: _Gathering | None = None  # the element that lines of text continue
        levels: list[tuple[int, Reference | None]] = []  # open relation levels: indentation, element last written there
        argument: Argument | None = None  # the argument a reconstruction that follows belongs to
        pcs: list[str] | None = None  # the statements of the open reconstruction since its last inference
        inference: Inference | None = None  # an inference waiting for its conclusion
        concluded = False  # the open reconstruction's last statement is a conclusion
        lines = list(self.lines())
        index = 0
        while index < len(lines):
            number, line = lines[index]
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
            if _INFERENCE.match(line):
                self.finish(current)
                current = None
                if not pcs or argument is None:
                    raise self.fail("an inference (--) must follow the numbered premises it infers from", number)
                inference, index = self.inference(lines, index - 1, pcs)
                argument.inferences.append(inference)
                levels = [(0, Reference("inference", argument.title))]
                continue
            numbered = _NUMBER.match(line)
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
            relation = _RELATION.match(line)
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
            heading = _HEADING.match(line)
            if heading:
                self.finish(current)
                current = None
                parts = [heading[2]]
                while index < len(lines) and lines[index][1].strip():  # a heading runs to the empty line
                    parts.append(lines[index][1])
                    index += 1
                content, _, data = _inline(parts, self, number, heading.start(2) + 1)
                self.section = None if data.get("isGroup") is False else content or None
                argument, pcs, concluded, levels = None, None, False, []
                continue
            item = _LIST_ITEM.match(line)
            defines = _STATEMENT_DEFINITION.match(line.lstrip()) or _ARGUMENT_DEFINITION.match(line.lstrip())
            if current is not None and not defines and not item:
                current.parts.append(line)
                index = self.data_lines(current, lines, index)
                continue
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
        return self.document

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
        number = lines[index - 1][0]
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

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield (line number, text), front matter read and comments taken out; a line that was only a comment goes."""
        text = self.front_matter(self.text)
        cleaned = self.cleaned = _without_comments(text, self)
        self.spans = _Spans(cleaned)
        self.offsets = [0]
        for line in cleaned.split("\n"):
            self.offsets.append(self.offsets[-1] + len(line) + 1)
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
        after = text[end.end() :].split("\n", 2)
        if after[0].strip() or (len(after) > 1 and after[1].strip()):
            line = text.count("\n", 0, end.end()) + 1 + (0 if after[0].strip() else 1)
            self.document.warnings.append(
                (line, "Argdown needs an empty line after the front matter; read without one")
            )
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
    """Return the plain text of an element, its tags and its data, read as Argdown's lexer reads them.

    Escapes are resolved, emphasis markers, tags and data taken out, links
    reduced to their text, shortcodes such as ``.A.`` or ``:happy:`` turned
    into their characters. *parts* are the element's lines: the first starts
    at *line* and *column*, each further one is the whole next line.
    """
    text = "\n".join(parts)
    spans = _Spans(text)
    out: list[str] = []
    tags: list[str] = []
    data: dict[str, Any] = {}
    emphasis: list[str] = []  # the open bold and italic markers, innermost last
    position = 0
    length = len(text)
    while position < length:
        found = _INLINE_SYNTAX.search(text, position)
        if found is None:
            out.append(text[position:])
            break
        if found.start() > position:
            out.append(text[position : found.start()])
            position = found.start()
        character = text[position]
        end = -1
        if character == "\\" and position + 1 < length and text[position + 1] != "\n":
            out.append(text[position + 1])
            end = position + 2
        elif character == "{" and (end := spans.data(position)) > 0:
            found_data = _data(text[position:end], parser, functools.partial(_place_in, parts, position, line, column))
            if isinstance(found_data, dict):
                data.update(found_data)
        elif character in ".:" and (special := _SPECIAL.match(text, position)):
            code = special[0].rstrip(" \t")
            out.append(parser.shortcodes.get(code, code) + special[0][len(code) :])
            end = special.end()
        elif character in "*_":
            end = _emphasis(text, position, emphasis)
        elif character == "#" and (tag := spans.tag(position)):
            tags.append(tag[0].strip())
            end = tag[1]
        elif character == "[" and (link := spans.link(position)):
            out.append(link[0] + (" " if text[link[1] - 1] in " \t" else ""))
            end = link[1]
        if end > position:
            position = end
            continue
        out.append(character)
        position += 1
    if emphasis:
        parser.document.warnings.append(
            (line, f"{emphasis[-1]} opens emphasis that is never closed; Argdown refuses it")
        )
    return _SPACES.sub(" ", "".join(out)).strip(), tags, data


def _emphasis(text: str, position: int, emphasis: list[str]) -> int:
    """Take the bold or italic marker at *position* off or onto *emphasis*; return its end, or -1 if it is text.

    As Argdown's lexer: an end closes only the innermost open marker and only
    where something other than spaces stands before it; a start needs a
    non-space after it.
    """
    character = text[position]
    double = text.startswith(character * 2, position)
    if emphasis and _may_end(text, position):
        for marker in (character * 2, character) if double else (character,):
            after = position + len(marker)
            if emphasis[-1] == marker and (after == len(text) or text[after] in _EMPHASIS_END):
                emphasis.pop()
                return after
    for marker in (character * 2, character) if double else (character,):
        after = position + len(marker)
        if after < len(text) and not text[after].isspace():
            emphasis.append(marker)
            return after
    return -1


def _may_end(text: str, position: int) -> bool:
    """Tell whether an emphasis may end at *position*: not after spaces the lexer skips (those after a token)."""
    start = position
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start == position or (start > 0 and text[start - 1] not in _CONTROL)


def _data(block: str, parser: _Parser, place: Callable[[int, int], tuple[int, int]]) -> Any:
    """Parse a data block ``{...}``: YAML flow style on one line, or block style between ``{`` and ``}`` lines."""
    block_style = re.match(r"\{[ \t]*\n", block)
    if block_style is None:
        return _yaml(block, parser, place)
    inner = block[block_style.end() :]
    inner = inner[: inner.rstrip().rfind("}")]
    return _yaml(inner, parser, lambda line, column: place(line + 1, column))


def _place_in(
    parts: list[str], start: int, line: int, column: int, block_line: int, block_column: int
) -> tuple[int, int]:
    """Return the line and column of a place in a data block starting at *start* of the *parts* joined by newlines."""
    text = "\n".join(parts)
    offset = start
    for _ in range(block_line):
        offset = text.index("\n", offset) + 1
    return _place(parts, offset + block_column, line, column)


def _place(parts: list[str], offset: int, line: int, column: int) -> tuple[int, int]:
    """Return the line and column of *offset* in the text that joins *parts* with spaces."""
    for number, part in enumerate(parts):
        if offset <= len(part):
            return line + number, offset + (column if number == 0 else 1)
        offset -= len(part) + 1
    return line, column


def _yaml(text: str, parser: _Parser, place: Callable[[int, int], tuple[int, int]]) -> Any:
    """Parse YAML *text*; *place* turns a line and column within it (0-based) into the file's, for errors."""
    if text.startswith("{") and "\n" not in text:
        try:
            return _flow(text)
        except _NotPlain:
            pass
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader: libyaml's where installed
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = place(mark.line, mark.column) if mark else place(0, 0)
        problem = getattr(error, "problem", None) or str(error)
        raise parser.fail(f"invalid YAML data: {problem}", line, column) from None


class _NotPlain(Exception):
    """The YAML is more than :func:`_flow` reads: let the YAML library read it."""


_FLOW_SPACE = re.compile(r"[ \t]*")
_FLOW_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]+")
_FLOW_PLAIN = re.compile(r"[A-Za-z\u00a0-\ud7ff][\w.'!?()&+@/ -]*")
_FLOW_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_FLOW_ESCAPE = re.compile(r'\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|["\\/])')
_FLOW_WORDS = frozenset("y n yes no on off true false null".split())


def _flow(text: str) -> Any:
    """Return the one-line YAML flow mapping *text* as YAML reads it, where it holds only mappings, lists, plain
    words and double-quoted strings (what argmap writes); raise :class:`_NotPlain` for anything else.

    Reading Argdown's data blocks with the YAML library took most of the time
    of reading a large file; this reads the common case in a single pass.
    """
    value, end = _flow_value(text, 0)
    if _FLOW_SPACE.match(text, end).end() != len(text):  # type: ignore[union-attr]  # it matches empty
        raise _NotPlain
    return value


def _flow_value(text: str, position: int) -> tuple[Any, int]:
    position = _FLOW_SPACE.match(text, position).end()  # type: ignore[union-attr]  # it matches empty
    opening = text[position : position + 1]
    if opening in ("{", "["):
        mapping = opening == "{"
        closing = "}" if mapping else "]"
        found: Any = {} if mapping else []
        position = _FLOW_SPACE.match(text, position + 1).end()  # type: ignore[union-attr]
        if text.startswith(closing, position):
            return found, position + 1
        while True:
            if mapping:
                key = _FLOW_KEY.match(text, _FLOW_SPACE.match(text, position).end())  # type: ignore[union-attr]
                if key is None or key[1].lower() in _FLOW_WORDS:
                    raise _NotPlain
                found[key[1]], position = _flow_value(text, key.end())
            else:
                item, position = _flow_value(text, position)
                found.append(item)
            position = _FLOW_SPACE.match(text, position).end()  # type: ignore[union-attr]
            separator = text[position : position + 1]
            if separator == closing:
                return found, position + 1
            if separator != ",":
                raise _NotPlain
            position += 1
    if opening == '"':
        quoted = _FLOW_QUOTED.match(text, position)
        if quoted is None:
            raise _NotPlain
        body = quoted[1]
        if "\\" in body:
            if "\\" in _FLOW_ESCAPE.sub("", body):  # an escape other than those argmap writes
                raise _NotPlain
            body = _FLOW_ESCAPE.sub(_flow_escape, body)
        return body, quoted.end()
    plain = _FLOW_PLAIN.match(text, position)
    if plain is None:
        raise _NotPlain
    word = plain[0].rstrip(" \t")
    if word.lower() in _FLOW_WORDS or ": " in word:
        raise _NotPlain
    return word, plain.end()


def _flow_escape(match: re.Match[str]) -> str:
    escape = match[1]
    return escape if len(escape) == 1 else chr(int(escape[1:], 16))


def _without_comments(text: str, parser: _Parser) -> str:
    """Return *text* with its comments blanked out (newlines kept), as the Argdown lexer skips them.

    Escaped characters, links and data blocks are passed over, so a ``//``
    in a URL inside them is no comment; elsewhere it is, as in Argdown.
    """
    if "//" not in text and "/*" not in text and "<!--" not in text:
        return text  # no comment to take out
    out: list[str] = []
    spans = _Spans(text)
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
        end = spans.data(position) if character == "{" else -1
        if character == "[" and (link := spans.link(position)):
            end = link[1]
        elif character == "#" and (tag := spans.tag(position)):
            end = tag[1]  # a tag's text is no comment: #(see http://x) is one tag
        elif character == "[" or (character == "<" and not text.startswith("<!--", position)):
            end = spans.title(position)  # nor is a title's: [a // b] is one reference
        if end > position:
            out.append(text[position:end])
            position = end
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
