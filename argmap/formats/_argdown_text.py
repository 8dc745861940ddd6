"""Read the text within Argdown's lines: escapes, emphasis, tags, links, shortcodes, data blocks and comments.

Each construct is read as Argdown's lexer (``lexer.ts`` of ``@argdown/core``)
reads it, in time linear in the text: the lexer's own patterns backtrack,
and tried at every opener they made a text full of ``{`` quadratic. The
block structure (statements, relations, reconstructions) is read by
:mod:`argmap.formats._argdown_syntax`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from argmap.errors import FormatError

__all__ = [
    "LINK",
    "PLAIN_REST",
    "SPACES",
    "Reading",
    "Spans",
    "inline",
    "holds",
    "is_shortcode",
    "plain_data",
    "plain_rest",
    "read_text",
    "unix_lines",
    "without_comments",
    "yaml_data",
]

_TAG_WORD = re.compile(r"[A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
LINK = re.compile(r"\[([^\]]+?)\]\([^)]+?\)[ \t]?")
_SPECIAL = re.compile(r"([.:])\S+?\1[ \t]?")
SPACES = re.compile(r"\s+")
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


class Reading:
    """What reading one document keeps beside its text: its path, its shortcodes, the warnings so far."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = path
        self.shortcodes = {f"{mark}{name}{mark}": character for name, character in _SHORTCODES.items() for mark in ".:"}
        self.warnings: list[tuple[int, str]] = []  # (line, message): where argmap reads more leniently than Argdown

    def fail(self, message: str, line: int, column: int = 1) -> FormatError:
        return FormatError(message, path=self.path, line=line, column=column)


def holds(text: str, part: str) -> bool:
    """Tell whether *text* holds *part*, looking first for each of its characters, one by one.

    Looking for one character is ten to forty times quicker than for several
    (4 ms for "//" in a 4.7 MB file): a character the text lacks settles it.
    """
    return all(character in text for character in part) and part in text


def unix_lines(text: str) -> str:
    """Return *text* with its lines ending in a line feed, where some end in a carriage return (looked for quickly)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text(text: str) -> tuple[str, list[str], dict[str, Any]] | None:
    """Return what Argdown reads in *text* written after a statement's title: text, tags and data (or ``None``)."""
    try:
        return inline([text], Reading(None), 1, 1)
    except FormatError:
        return None


def is_shortcode(code: str) -> bool:
    """Tell whether *code* (``.A.``, ``:happy:``) is one Argdown turns into a character."""
    return len(code) > 2 and code[0] == code[-1] and code[0] in ".:" and code[1:-1] in _SHORTCODES


class Spans:
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


def inline(parts: list[str], parser: Reading, line: int, column: int) -> tuple[str, list[str], dict[str, Any]]:
    """Return the plain text of an element, its tags and its data, read as Argdown's lexer reads them.

    Escapes are resolved, emphasis markers, tags and data taken out, links
    reduced to their text, shortcodes such as ``.A.`` or ``:happy:`` turned
    into their characters. *parts* are the element's lines: the first starts
    at *line* and *column*, each further one is the whole next line.
    """
    text = "\n".join(parts)
    spans = Spans(text)
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
        parser.warnings.append((line, f"{emphasis[-1]} opens emphasis that is never closed; Argdown refuses it"))
    return SPACES.sub(" ", "".join(out)).strip(), tags, data


# A line's rest as most lines are written: text with nothing Argdown reads as inline syntax (no escape, data,
# tag, emphasis or link; a "." or ":" only before a space, so no shortcode), single-spaced, then perhaps one
# data block to the line's end whose braces nest at most twice, each inner "}" before "," "]" or "}" (so
# Argdown's Data token ends where the block does). Each repetition opens with a character the run before it
# cannot hold (a run of ordinary characters, then a "." ":" " " or an inner block, then a run again): the
# matcher takes whole runs at a time and never has two ways to split a line.
_ORDINARY = r"[^\\{}#\[\]*_.:\s]"
_IN_BLOCK = r"[^{}\n\r\u2028\u2029]"
PLAIN_REST = (
    rf"[ \t]*({_ORDINARY}*(?:(?:[.:](?!\S)| (?=[^\s{{])){_ORDINARY}*)*)"
    rf"[ \t]*(\{{{_IN_BLOCK}*(?:\{{{_IN_BLOCK}*\}}(?=[,\]}}]){_IN_BLOCK}*)*\}})?[ \t]*"
)
"""The pattern of such a line's rest, its text and its data block the two groups, for patterns of whole lines."""
_PLAIN_REST = re.compile(PLAIN_REST)


def plain_rest(text: str) -> tuple[str, dict[str, Any]] | None:
    """Return the text and data of *text* where it is written as most lines are, or ``None`` to read it fully.

    The same result as :func:`inline` gives, found with one match and the
    one-line data reader: the common line no longer walks the inline reader
    character class by character class (most of the time of reading a large
    file).
    """
    match = _PLAIN_REST.fullmatch(text)
    if match is None:
        return None
    block = match[2]
    if block is None:
        return match[1], {}
    data = plain_data(block)
    return None if data is None else (match[1], data)


def plain_data(block: str) -> dict[str, Any] | None:
    """Return the data of a block :data:`PLAIN_REST` found, or ``None`` where the YAML library must read it."""
    if _UNPRINTABLE.search(block):
        return None
    try:
        data: dict[str, Any] = _flow(block)
    except _NotPlain:
        return None
    return data


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


def _data(block: str, parser: Reading, place: Callable[[int, int], tuple[int, int]]) -> Any:
    """Parse a data block ``{...}``: YAML flow style on one line, or block style between ``{`` and ``}`` lines."""
    block_style = re.match(r"\{[ \t]*\n", block)
    if block_style is None:
        return yaml_data(block, parser, place)
    inner = block[block_style.end() :]
    inner = inner[: inner.rstrip().rfind("}")]
    return yaml_data(inner, parser, lambda line, column: place(line + 1, column))


def _place_in(
    parts: list[str], start: int, line: int, column: int, block_line: int, block_column: int
) -> tuple[int, int]:
    """Return the line and column of a place in a data block starting at *start* of the *parts* joined by newlines."""
    text = "\n".join(parts)
    offset = start
    for _ in range(block_line):
        following = text.find("\n", offset)
        if following < 0:  # YAML places the end of its input on a line after the block's last
            return _place(parts, len(text), line, column)
        offset = following + 1
    return _place(parts, min(offset + block_column, len(text)), line, column)


def _place(parts: list[str], offset: int, line: int, column: int) -> tuple[int, int]:
    """Return the line and column of *offset* in the text that joins *parts* with spaces."""
    for number, part in enumerate(parts):
        if offset <= len(part):
            return line + number, offset + (column if number == 0 else 1)
        offset -= len(part) + 1
    return line, column


def yaml_data(text: str, parser: Reading, place: Callable[[int, int], tuple[int, int]]) -> Any:
    """Parse YAML *text*; *place* turns a line and column within it (0-based) into the file's, for errors."""
    if text.startswith("{") and "\n" not in text and not _UNPRINTABLE.search(text):
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
    except RecursionError:
        line, column = place(0, 0)
        raise parser.fail("invalid YAML data: nested too deeply", line, column) from None
    except UnicodeEncodeError as error:  # a lone surrogate, which YAML cannot encode
        line, column = place(0, 0)
        raise parser.fail(f"invalid YAML data: {error.reason}", line, column) from None


class _NotPlain(Exception):
    """The YAML is more than :func:`_flow` reads: let the YAML library read it."""


# What YAML refuses to hold raw (its printable set): such a block goes to the YAML library, which says so.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FLOW_DEPTH = 32  # deeper data is left to the YAML library, which says how deep it may go
_FLOW_SPACE = re.compile(r"[ \t]*")
_FLOW_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]+")
_FLOW_PLAIN = re.compile(r"[A-Za-z\u00a0-\ud7ff][\w.'!?()&+@/ -]*")
_FLOW_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_FLOW_ESCAPE = re.compile(r'\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|["\\/])')
_FLOW_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])


_FLAT_PLAIN = r"[A-Za-z\u00a0-\ud7ff][\w.'!?()&+@/ -]*"
_FLAT_QUOTED = r'"[^"\\\n]*"'  # a double-quoted string without escapes, as argmap writes an id with ":" in it
_FLAT_LIST = rf"\[[ \t]*{_FLAT_PLAIN}(?:,[ \t]*{_FLAT_PLAIN})*\]"
_FLAT_ITEM = rf"[ \t]*[A-Za-z_][\w-]*:[ \t]+(?:{_FLAT_PLAIN}|{_FLAT_QUOTED}|{_FLAT_LIST})[ \t]*"
_FLAT_MAPPING = rf"\{{{_FLAT_ITEM}(?:,{_FLAT_ITEM})*\}}"
# A list of such mappings, as argmap writes a claim's attacks: [{target: a, kind: skeptical_response, stance: doubt}].
_FLAT_MAPPINGS = rf"\[[ \t]*{_FLAT_MAPPING}[ \t]*(?:,[ \t]*{_FLAT_MAPPING}[ \t]*)*\]"
_FLAT_OUTER_ITEM = rf"[ \t]*[A-Za-z_][\w-]*:[ \t]+(?:{_FLAT_PLAIN}|{_FLAT_QUOTED}|{_FLAT_LIST}|{_FLAT_MAPPINGS})[ \t]*"
_FLAT = re.compile(rf"\{{{_FLAT_OUTER_ITEM}(?:,{_FLAT_OUTER_ITEM})*\}}[ \t]*")
# Once _FLAT has checked the block: each item's key and its word, its quoted string, its list of mappings or its list
# of words, each mapping found by _FLAT_INNER.
_FLAT_ITEMS = re.compile(
    rf"[ \t]*([A-Za-z_][\w-]*):[ \t]+(?:({_FLAT_PLAIN})|\"([^\"]*)\"|({_FLAT_MAPPINGS})|\[([^\]]*)\])"
    rf"[ \t]*(?:,|\}}[ \t]*\Z)"
)
_FLAT_INNER = re.compile(_FLAT_MAPPING)


def _flat(text: str) -> dict[str, Any] | None:
    """Return the one-line mapping of words, quoted strings and lists of words *text* as YAML reads it, or ``None``.

    Most data blocks are such mappings (``{proponent: ana, via: [radio], medium: tweet}``, ``{id: "a:b>c"}``), or
    hold a list of such mappings (``{attacks: [{target: b, kind: skeptical_response}]}``): one match checks the
    whole block, one more takes its items, no value is read on its own.
    """
    if _FLAT.fullmatch(text) is None:
        return None
    return _flat_items(text)


def _flat_items(text: str) -> dict[str, Any] | None:
    """Return the items of the flat mapping *text*, which _FLAT has checked, or ``None`` where YAML reads a word."""
    found: dict[str, Any] = {}
    for key, word, quoted, mappings, words in _FLAT_ITEMS.findall(text, 1):
        if key.lower() in _FLOW_WORDS:
            return None
        if word:
            word = word.rstrip(" \t")
            if word.lower() in _FLOW_WORDS:
                return None
            found[key] = word
        elif words:
            items = [item.strip(" \t") for item in words.split(",")]
            if any(item.lower() in _FLOW_WORDS for item in items):
                return None
            found[key] = items
        elif mappings:
            inner = [_flat_items(mapping) for mapping in _FLAT_INNER.findall(mappings)]
            if None in inner:
                return None
            found[key] = inner
        else:  # a quoted string, taken as it is written
            found[key] = quoted
    return found


def _flow(text: str) -> Any:
    """Return the one-line YAML flow mapping *text* as YAML reads it, or raise :class:`_NotPlain`.

    It reads mappings, lists, plain words and double-quoted strings (what
    argmap writes); anything else is left to the YAML library.

    Reading Argdown's data blocks with the YAML library took most of the time
    of reading a large file; this reads the common case in a single pass.
    """
    flat = _flat(text)
    if flat is not None:
        return flat
    value, end = _flow_value(text, 0)
    if _FLOW_SPACE.match(text, end).end() != len(text):  # type: ignore[union-attr]  # it matches empty
        raise _NotPlain
    return value


def _flow_value(text: str, position: int, depth: int = 0) -> tuple[Any, int]:
    if depth > _FLOW_DEPTH:
        raise _NotPlain
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
                found[key[1]], position = _flow_value(text, key.end(), depth + 1)
            else:
                item, position = _flow_value(text, position, depth + 1)
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


def without_comments(text: str, parser: Reading) -> str:
    """Return *text* with its comments blanked out (newlines kept), as the Argdown lexer skips them.

    Escaped characters, links and data blocks are passed over, so a ``//``
    in a URL inside them is no comment; elsewhere it is, as in Argdown.
    """
    if not (holds(text, "//") or holds(text, "/*") or holds(text, "<!--")):
        return text  # no comment to take out
    out: list[str] = []
    spans = Spans(text)
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
