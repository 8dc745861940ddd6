"""Text for one line of a terminal: make it printable, measure it, wrap it without losing a character.

Texts in maps come from anywhere: newlines, tabs, escape sequences, right-to-left
script, wide characters. An outline must keep each of its lines one line and
show every character of every text, so these helpers

- show control characters as visible symbols (:func:`visible`),
- measure text in terminal columns, wide characters counting two (:func:`columns`),
- break text only at single spaces, so that joining the pieces with one space
  gives the text back exactly (:func:`wrap`),
- isolate right-to-left runs so they cannot reorder the rest of the line (:func:`isolate`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

__all__ = [
    "FIRST_STRONG_ISOLATE",
    "POP_DIRECTIONAL_ISOLATE",
    "columns",
    "isolate",
    "visible",
    "narrow",
    "wrap",
    "wrap_narrow",
]

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"

# Characters that would break a line, move the cursor, reorder the line or fail to
# encode: C0 and C1 controls, DEL, the Unicode line and paragraph separators, the
# bidirectional embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
# Mandaic, their presentation forms, and the right-to-left blocks beyond the BMP.
# Separators that read wrong at the end of a line: "name ·" / "interview".
_GLUED = frozenset({"·", "\u2014", "\u2013", "-", "--", "|"})  # middle dot, em and en dashes, hyphens, bar
_GLUED_ENDS = "".join({word[-1] for word in _GLUED})  # how a separator word ends
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def _show(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␊ for a newline, ␉ for a tab
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""Return *text* with every character that could break or reorder a line shown as a visible symbol.

    C0 controls become their Control Pictures (a newline ``␊``, a tab ``␉``,
    an escape ``␛``), DEL becomes ``␡``; C1 controls, line and paragraph
    separators, bidirectional controls and lone surrogates become a
    backslash escape such as ``\u202e``. Everything else is kept as it is.

    >>> visible("line one\nline two\tend")
    'line one␊line two␉end'
    """
    if text.isascii() and text.isprintable():  # the common case, at C speed: no ASCII control, nothing to show
        return text
    return _UNSAFE.sub(_show, text)


class _Columns(dict[str, int]):
    """The columns each character takes, worked out once per character and remembered."""

    def __missing__(self, char: str) -> int:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        else:
            width = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        self[char] = width
        return width


_COLUMNS = _Columns()


def columns(text: str) -> int:
    """Return how many terminal columns *text* takes: wide characters two, combining marks none.

    >>> columns("drones 🚁")
    9
    """
    if text.isascii():
        return len(text)
    return sum(map(_COLUMNS.__getitem__, text))


_NARROW: set[str] = set()  # the characters met so far that take exactly one column


def narrow(text: str) -> bool:
    """Tell whether every character of *text* takes exactly one column, remembering the ones that do."""
    chars = set(text)
    if chars <= _NARROW:
        return True
    for char in chars - _NARROW:
        if _COLUMNS[char] != 1:
            return False
        _NARROW.add(char)
    return True


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """Return *text* cut into pieces of at most *width* columns (*first* for the first), breaking only at spaces.

    Each break consumes exactly one space, the one just before a word, so
    ``" ".join(wrap(text, width)) == text`` always holds and every piece but
    the first starts with a non-space. A word longer than *width* keeps a
    piece to itself, longer than *width*: no word is ever split. A lone
    separator (``·``, a dash) never ends a piece; it starts the next one.
    Time is linear in the length of *text*.

    >>> wrap("Kayani has also called for an end to drone strikes.", 20)
    ['Kayani has also', 'called for an end to', 'drone strikes.']
    """
    # One column per character (ASCII, and most other text: dashes, middle dots, accented letters) needs no table.
    if text.isascii() or narrow(text):
        return wrap_narrow(text, width, first)
    room = width if first is None else first
    if columns(text) <= room:
        return [text]
    return _wrap_any(text, width, room, narrow=False)


def wrap_narrow(text: str, width: int, first: int | None = None) -> list[str]:
    """Return :func:`wrap` of *text* known to take one column per character (ASCII, say), without checking it.

    Each piece ends at the last space within reach, found by one search; only
    that space is then checked (no separator word before it, no space after
    it, as :func:`_breaks_at` asks), not every space of the text. Where one
    fails, the general way cuts the whole text.
    """
    room = width if first is None else first
    length = len(text)
    if length <= room:
        return [text]
    pieces: list[str] = []
    start = 0
    first_room = room
    while length - start > room:
        cut = text.rfind(" ", start + 1, start + room + 1)
        if cut < 0:
            cut = text.find(" ", start + room + 1)  # the word is wider than the room: it overflows alone
            if cut < 0:
                break
        if (
            cut + 1 >= length
            or text[cut + 1] == " "
            or (text[cut - 1] in _GLUED_ENDS and text[text.rfind(" ", 0, cut) + 1 : cut] in _GLUED)
        ):
            return _wrap_any(text, width, first_room, narrow=True)
        pieces.append(text[start:cut])
        start = cut + 1
        room = width
    pieces.append(text[start:])
    return pieces


def _wrap_any(text: str, width: int, room: int, narrow: bool) -> list[str]:
    """Return :func:`wrap` of *text*, which is wider than *room*, whatever it holds: separators, wide characters.

    Where a character may take other than one column (not *narrow*), ends[k] is the number of columns text[:k] takes.
    """
    ends = None if narrow else list(accumulate(map(_COLUMNS.__getitem__, text), initial=0))
    pieces: list[str] = []
    start = 0
    while True:
        if ends is None:
            limit, left = start + room, len(text) - start
        else:
            limit, left = bisect_right(ends, ends[start] + room) - 1, ends[-1] - ends[start]
        if left <= room:
            break
        cut = _last_break(text, start, limit)
        if cut < 0:
            cut = _next_break(text, limit)  # the word is wider than the room: it overflows alone
            if cut < 0:
                break
        pieces.append(text[start:cut])
        start = cut + 1
        room = width
    pieces.append(text[start:])
    return pieces


def _breaks_at(text: str, index: int, start: int) -> bool:
    """Tell whether a piece beginning at *start* may end at the space at *index*."""
    if index <= start or index + 1 >= len(text) or text[index + 1] == " ":
        return False
    return text[text.rfind(" ", 0, index) + 1 : index] not in _GLUED


def _last_break(text: str, start: int, limit: int) -> int:
    """Return the last place after *start*, at or before *limit*, where a piece may end; -1 if none."""
    index = text.rfind(" ", start + 1, limit + 1)
    while index > start:
        if _breaks_at(text, index, start):
            return index
        index = text.rfind(" ", start + 1, index)
    return -1


def _next_break(text: str, limit: int) -> int:
    """Return the first place after *limit* where a piece may end; -1 if none."""
    index = text.find(" ", limit + 1)
    while index >= 0:
        if _breaks_at(text, index, limit):
            return index
        index = text.find(" ", index + 1)
    return -1


def isolate(text: str) -> str:
    """Return *text* inside a first-strong isolate when it holds right-to-left letters.

    The isolate lets the text keep its own direction while the tree drawing,
    markers and ids around it stay where they are, in terminals and browsers
    that reorder bidirectional text. The isolate characters take no column.

    >>> isolate("plain") == "plain", isolate("\u0628\u0627") == "\u2068\u0628\u0627\u2069"
    (True, True)
    """
    if text.isascii() or not _RIGHT_TO_LEFT.search(text):
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
