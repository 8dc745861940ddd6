r"""Quoting for DOT: every piece of user text passes through here before it reaches Graphviz.

User text goes into DOT in two places only, each with one function:

- :func:`name` quotes an id (a claim's or a relation's) as a DOT node name.
  Ids are printable by construction, so only ``"`` and ``\`` need escaping
  (and a leading ``%``, which Graphviz keeps for itself).
- :func:`html` escapes text for an HTML-like label, the only kind of label
  argmap writes.
- :func:`node_id` turns a claim's id into the ``id`` its node carries into
  SVG, where the HTML page finds it: percent-encoded, so it holds no
  character DOT, XML or HTML treat specially. Plain ``"..."`` labels are never used for user text:
  Graphviz expands ``\N``, ``\G`` and friends in them, and in tooltips even
  a doubled backslash does not stop that.

Characters that XML cannot carry at all (control characters other than tab,
line feed and carriage return, U+FFFE, U+FFFF, lone surrogates) are shown as
their Unicode control pictures (U+2400 ...) or U+FFFD, so that a hostile text
is drawn visibly instead of breaking the diagram.

>>> html('He said "leave" & <left> \\N')
'He said &quot;leave&quot; &amp; &lt;left&gt; \\\\N'
>>> name('say "hi"')
'"say \\"hi\\""'
>>> node_id("Pakistan's demands")
'claim-Pakistan%27s%20demands'
>>> wrap("The U.S.-Pakistani relationship may be teetering on collapse.", 24)
['The U.S.-Pakistani', 'relationship may be', 'teetering on collapse.']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import quote

__all__ = ["displayed", "html", "measured", "name", "node_id", "wrap"]

_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile(r'[&<>"\\\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')  # all html() changes
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)}
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.~-]+\Z")  # what percent-encoding leaves as it is


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    return chr(_CONTROL_PICTURES[ord(char)]) if ord(char) < 0x20 else "\ufffd"


def displayed(text: str) -> str:
    r"""Return *text* as Graphviz can draw it: characters XML cannot carry replaced by visible stand-ins.

    >>> displayed("bell\x07")
    'bell␇'
    """
    return _UNSAFE.sub(_picture, text) if _UNSAFE.search(text) else text


def html(text: str) -> str:
    r"""Return *text* escaped for an HTML-like DOT label: drawn exactly as written, never read as markup.

    ``&<>"`` become entities, as does a text of nothing but ``]``, which
    trips Graphviz 2.43's lexer; a backslash is doubled, since Graphviz reads
    ``\N`` and its kin even inside HTML labels and ``\\`` is its one way to
    draw a backslash.
    """
    if not text.strip("]"):
        # Graphviz 2.43's lexer fails on an element whose whole text is "]" or "]]"; entities draw the same.
        return text.replace("]", "&#93;")
    if not _SPECIAL.search(text):
        return text
    text = displayed(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    return text


def name(id: str) -> str:
    """Return *id* quoted as a DOT node name: always quoted, so that keywords and numbers stay names.

    Graphviz takes a name that starts with ``%`` for one of its own anonymous
    ids, so such an id gets a leading space, which no id can have; an ``&``
    is written ``&amp;``, which SVG shows as the ``&`` it was.
    """
    if id[:1] == "%":
        id = " " + id
    if "\\" in id:
        id = id.replace("\\", "\\\\")
    if "&" in id:  # Graphviz copies an entity in a name into SVG as it is: "&#1;" would make the SVG ill-formed
        id = id.replace("&", "&amp;")
    if '"' in id:
        id = id.replace('"', '\\"')
    return f'"{id}"'


def node_id(id: str) -> str:
    """Return the ``id`` attribute of the node of the claim *id*: ``claim-`` and the id, percent-encoded.

    Graphviz copies it onto the node's ``<g>`` in SVG. Percent-encoding keeps
    letters, digits and ``_.~-`` and writes every other character as ``%XX``,
    so the result holds no backslash (which Graphviz would expand), no quote,
    no space and no markup, and two claims never share one.
    """
    return "claim-" + (id if _PLAIN_ID.match(id) else quote(id, safe=""))


def wrap(text: str, width: int) -> list[str]:
    """Return *text* broken into lines of at most *width* characters, at white space.

    White space of any kind (new lines too) separates words and is not kept.
    A word longer than *width* is cut, never in front of a combining mark.
    """
    words = text.split()
    joined = " ".join(words)
    if len(joined) <= width:
        return [joined] if joined else []
    if max(map(len, words)) > width:
        return _wrap_cutting(words, width)
    return _lines_of(width).findall(joined)


@functools.lru_cache(maxsize=64)
def _lines_of(width: int) -> re.Pattern[str]:
    """Return the pattern of one line: a word, then as much more as fits, ending before a space or the end.

    Greedy and backtracking, it is the usual fill-the-line rule, run in C.
    """
    return re.compile(rf"[^ ].{{0,{width - 1}}}(?= |\Z)", re.DOTALL)


def measured(text: str, width: int) -> tuple[int, int]:
    """Return how many lines :func:`wrap` breaks *text* into at *width*, and the length of its longest line.

    *text* must be as :func:`wrap` leaves its words: separated by single
    spaces, none longer than *width*. Each line ends at the last space its
    width reaches, found from C (``str.rfind``), as :func:`wrap`'s pattern
    ends it, without copying the text into lines: the boxes of a 1,000-claim
    map are measured at five widths in a few milliseconds, where a call of
    :func:`wrap` per box took 20.

    >>> measured("Talks fail. Drones fly on.", 12), wrap("Talks fail. Drones fly on.", 12)
    ((3, 11), ['Talks fail.', 'Drones fly', 'on.'])
    """
    if not text:
        return 0, 0
    count = longest = start = 0
    length = len(text)
    while length - start > width:
        end = text.rfind(" ", start, start + width + 1)
        if end - start > longest:  # not max(): this loop runs for every line of every box at every width
            longest = end - start
        count += 1
        start = end + 1
    return count + 1, max(longest, length - start)


def _wrap_cutting(words: list[str], width: int) -> list[str]:
    """Return *words* filled into lines of *width*, cutting the words that are longer."""
    lines: list[str] = []
    line = ""
    for word in words:
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            cut = _cut(word, width)
            lines.append(word[:cut])
            word = word[cut:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _cut(word: str, width: int) -> int:
    """Return where to cut a too-long *word*: at *width*, moved back before any combining mark."""
    cut = width
    while cut > 1 and (unicodedata.combining(word[cut]) or "\u200d" in word[cut - 1 : cut + 1]):
        cut -= 1
    return cut
