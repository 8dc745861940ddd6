"""Outlines: markers, shared claims, cycles, roots, deep chains, hostile text, and properties over generated maps."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from argmap import ArgumentMap, OptionError, Source, Undercut, UnknownClaimError, dumps, loads, outline
from argmap.render._wrap import (
    _GLUED,
    FIRST_STRONG_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    _wrap_any,
    columns,
    visible,
    wrap,
)
from argmap.render.outline import MARKERS, MAX_DEPTH, MIN_WIDTH, STYLES, Line, Role, Style, outline_lines
from benchmarks.outline import chain
from tests.strategies import HOSTILE_TEXTS, maps, texts

UNWRAPPED = 10**9
"""A width no line reaches, so that nothing wraps."""

_TEXT_ROLES: tuple[Role, ...] = ("conclusion", "text")
_ISOLATES = str.maketrans("", "", FIRST_STRONG_ISOLATE + POP_DIRECTIONAL_ISOLATE)
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(text: str, style: Style) -> str:
    """Return what a reader sees of a line: isolates (which take no column) removed, Markdown escapes undone."""
    text = text.translate(_ISOLATES)
    return _MARKDOWN_ESCAPE.sub(r"\1", text) if style == "markdown" else text


def breakable(piece: str) -> bool:
    """Tell whether *piece* has a space where wrap() may break: after a word that is no lone separator."""
    return any(
        piece[index] == " " and piece[index + 1] != " " and piece[:index].split(" ")[-1] not in _GLUED
        for index in range(1, len(piece) - 1)
    )


def content(line: Line) -> str:
    """Return the text of a line's content spans."""
    return "".join(text for _, text in line.content)


def spans(lines: list[Line], *roles: Role) -> list[str]:
    """Return the text of every content and prefix span with one of *roles*, in order."""
    return [text for line in lines for role, text in (*line.prefix, *line.content) if role in roles]


def small_map() -> ArgumentMap:
    """Return a map with one relation of each kind, a linked support and an attribution chain."""
    times = Source("The New York Times", kind="publication")
    dawn = Source("Dawn", kind="publication")
    official = Source("A Pakistani official", kind="official")
    m = ArgumentMap(title="Pakistan asks the CIA to leave", author="The Atlantic Wire", date="2011-04-11")
    collapse = m.claim("The relationship may be teetering on collapse.", by=times, qualifier="may", id="collapse")
    demands = m.claim("Kayani asked 335 C.I.A. officers to leave.", by=times, id="demands")
    cause = m.support(demands, collapse, label="proximate cause")
    m.undercut(m.claim("Demands are bargaining, not a break.", id="bargaining"), cause)
    bypassed = m.claim(
        "The U.S. bypassed the usual procedure.",
        by=official,
        via=dawn,
        medium="article",
        quote="the whole procedure was set aside and we were bypassed.",
        id="bypassed",
    )
    dark = m.claim("Pakistan is left in the dark.", id="dark")
    linked = m.support([bypassed, dark], demands)
    m.skeptical_response(m.claim("Is that the whole story?", id="whole-story"), linked, stance="question")
    m.rebut(m.claim("The U.S. informs Pakistan as usual.", id="as-usual"), bypassed)
    m.skeptical_response(m.claim("Was Davis really the cause?", id="really"), cause, stance="reservation")
    return m


TREE = """\
Pakistan asks the CIA to leave
The Atlantic Wire · 2011-04-11

The relationship may be teetering on collapse. [collapse]
qualifier: may
— The New York Times
└── + (proximate cause) Kayani asked 335 C.I.A. officers to leave. [demands]
    │ — The New York Times
    ├── ~ Demands are bargaining, not a break. [bargaining]
    ├── ? (reservation, on the support) Was Davis really the cause? [really]
    └── + linked support:
        ├── & The U.S. bypassed the usual procedure. [bypassed]
        │   │ — A Pakistani official, via Dawn · article
        │   │ “the whole procedure was set aside and we were bypassed.”
        │   └── - The U.S. informs Pakistan as usual. [as-usual]
        ├── & Pakistan is left in the dark. [dark]
        └── ? (question) Is that the whole story? [whole-story]
"""


def test_tree_outline_reads_top_down_with_one_marker_per_relation_kind() -> None:
    """The small map's outline: supports +, linked premises &, rebuttals -, undercuts ~, responses ?, details."""
    assert outline(small_map()) == TREE


def test_ascii_outline_is_the_tree_drawn_in_ascii() -> None:
    """The ascii style draws the same outline with |-- and `--, and ASCII separators in attributions."""
    lines = outline_lines(small_map(), style="ascii")
    assert all(text.isascii() for line in lines for _, text in line.prefix)
    text = "".join(f"{line}\n" for line in lines)
    assert "`-- + (proximate cause) Kayani asked 335 C.I.A. officers to leave. [demands]" in text
    assert "    |-- ~ Demands are bargaining, not a break. [bargaining]" in text
    assert '        |   | "the whole procedure was set aside and we were bypassed."' in text
    assert "        |   | -- A Pakistani official, via Dawn; article" in text
    assert text.isascii()  # this map's texts are ASCII, so all of it is


MARKDOWN = """\
# Pakistan asks the CIA to leave

The Atlantic Wire · 2011-04-11

## The relationship may be teetering on collapse. \\[collapse\\]

qualifier: may\\
— The New York Times

- `+` (proximate cause) Kayani asked 335 C.I.A. officers to leave. \\[demands\\]\\
  — The New York Times
  - `~` Demands are bargaining, not a break. \\[bargaining\\]
  - `?` (reservation, on the support) Was Davis really the cause? \\[really\\]
  - `+` linked support:
    - `&` The U.S. bypassed the usual procedure. \\[bypassed\\]\\
      — A Pakistani official, via Dawn · article\\
      “the whole procedure was set aside and we were bypassed.”
      - `-` The U.S. informs Pakistan as usual. \\[as-usual\\]
    - `&` Pakistan is left in the dark. \\[dark\\]
    - `?` (question) Is that the whole story? \\[whole-story\\]
"""


def test_markdown_outline_is_headings_and_nested_lists() -> None:
    """Markdown gives each main conclusion a heading and nests what bears on it as lists, details on hard breaks."""
    assert outline(small_map(), style="markdown") == MARKDOWN


def test_a_shared_claim_is_written_once_then_referred_to() -> None:
    """A claim reached twice is written in full the first time and as 'see [id]' the second."""
    m = ArgumentMap()
    shared = m.claim("Drone strikes continue.", id="strikes")
    m.support(shared, m.claim("Pakistan is all talk.", id="talk"))
    m.support(shared, m.claim("The base stays in use.", id="base"))
    m.support("McClatchy reports it.", shared)
    text = outline(m)
    assert text.count("Drone strikes continue.") == 1
    assert text.count("McClatchy reports it.") == 1  # what is under the shared claim is not repeated either
    assert "└── + see [strikes]\n" in text
    assert text.index("Drone strikes continue. [strikes]") < text.index("see [strikes]")


def test_cycles_end_and_claims_under_no_main_conclusion_still_appear() -> None:
    """A support cycle below a conclusion stops at 'see', and a cycle no conclusion reaches comes at the end."""
    m = ArgumentMap()
    a = m.claim("A holds.", id="a")
    b = m.claim("B holds.", id="b")
    m.support(a, b)
    m.support(b, a)
    m.support(a, m.claim("The conclusion.", id="top"))
    c = m.claim("C holds.", id="c")
    d = m.claim("D holds.", id="d")
    m.support(c, d)
    m.rebut(d, c)
    text = outline(m)
    assert text == (
        "The conclusion. [top]\n"
        "└── + A holds. [a]\n"
        "    └── + B holds. [b]\n"
        "        └── + see [a]\n"
        "\n"
        "In a cycle, under no main conclusion:\n"
        "\n"
        "C holds. [c]\n"
        "└── - D holds. [d]\n"
        "    └── + see [c]\n"
    )


def test_root_limits_the_outline_to_one_subtree() -> None:
    """With a root, only the claims under it appear; the root may be named by id, by text or as a claim."""
    m = small_map()
    for root in ("bypassed", "The U.S. bypassed the usual procedure.", m.claim_for("bypassed")):
        text = outline(m, root=root)
        assert text.splitlines()[3] == "The U.S. bypassed the usual procedure. [bypassed]"
        assert "[as-usual]" in text
        assert "[collapse]" not in text
        assert "[dark]" not in text


def test_an_unknown_root_is_a_clear_error() -> None:
    """A root that names no claim raises UnknownClaimError, which says what was asked for."""
    with pytest.raises(UnknownClaimError, match="no claim has id or text 'nowhere'"):
        outline(small_map(), root="nowhere")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"style": "html"}, "style must be one of tree, ascii, markdown"),
        ({"width": MIN_WIDTH - 1}, f"width must be a whole number of at least {MIN_WIDTH}"),
        ({"width": 80.0}, "width must be a whole number"),
        ({"root": 3}, "root must be a claim, its id or its text"),
    ],
)
def test_bad_options_are_refused(options: dict[str, object], message: str) -> None:
    """An unknown style, a width too narrow or not whole, or a root of the wrong type is an OptionError."""
    with pytest.raises(OptionError, match=message):
        outline(small_map(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("style", STYLES)
def test_a_chain_ten_thousand_deep_renders_in_linear_size(style: Style) -> None:
    """A 10,000-claim chain renders without recursion, every claim once, and the depth is capped.

    Past MAX_DEPTH the chain continues in a section of its own, so lines stay
    short and the outline grows in proportion to the chain, not its square.
    """
    length = 10_000
    amap = chain(length)
    texts = spans(outline_lines(amap, style=style, width=UNWRAPPED), *_TEXT_ROLES)
    assert Counter(texts) == Counter(claim.text for claim in amap.claims)
    lines = outline_lines(amap, style=style)
    assert max(columns(str(line)) for line in lines) <= 88
    assert sum(len(str(line)) for line in lines) < 200 * length
    continued = [line for line in lines if any(role == "reference" for role, _ in line.content)]
    assert len(continued) >= 2 * (length // (MAX_DEPTH + 1))  # a "continued below" and a "continued" each time


def test_hostile_text_stays_on_one_line_and_visible() -> None:
    """Newlines, tabs, escape sequences and bidirectional overrides in a text are shown, never obeyed."""
    m = ArgumentMap()
    m.claim("line one\nline two\tand \x1b[2J an escape, \u202e reversed\u2028 and \x85 NEL", id="hostile")
    text = outline(m, width=UNWRAPPED)
    assert text == "line one␊line two␉and ␛[2J an escape, \\u202e reversed\\u2028 and \\x85 NEL [hostile]\n"
    assert len(text.splitlines()) == 1


def test_right_to_left_text_is_isolated_from_the_tree() -> None:
    """A right-to-left run sits in a first-strong isolate, so the tree drawing and the id keep their places."""
    m = ArgumentMap()
    top = m.claim("The C.I.A. is asked to leave.", id="top")
    m.support(m.claim("باكستان تطلب من وكالة المخابرات المركزية المغادرة", id="arabic"), top)
    line = outline(m).splitlines()[1]
    assert line == "└── + \u2068باكستان تطلب من وكالة المخابرات المركزية المغادرة\u2069 [arabic]"  # noqa: RUF001  # Arabic on purpose


def test_wide_characters_count_two_columns_when_wrapping() -> None:
    """Text of wide characters wraps by the columns it takes, not by its length."""
    m = ArgumentMap()
    m.claim(" ".join(["巴基斯坦"] * 10), id="wide")
    lines = outline(m, width=MIN_WIDTH).splitlines()
    assert all(columns(line) <= MIN_WIDTH for line in lines)
    assert " ".join(lines) == " ".join(["巴基斯坦"] * 10) + " [wide]"


def test_a_skeptical_response_to_a_rebuttal_says_what_it_is_aimed_at() -> None:
    """Under a rebutting claim, what targets the rebuttal comes first and says so; so does an undercut of a claim."""
    m = ArgumentMap()
    target = m.claim("The Pakistanis are all talk.", id="talk")
    rebuttal = m.rebut(m.claim("It could be for U.S. domestic consumption.", id="consumption"), target)
    m.skeptical_response(m.claim("Does that follow?", id="follow"), rebuttal)
    odd = m.claim("An undercut aimed at a claim.", id="odd")
    m.add(Undercut(odd.id, "consumption"))  # the builder refuses it and check() warns, but a file can hold it
    assert outline(m).splitlines()[1:] == [
        "└── - It could be for U.S. domestic consumption. [consumption]",
        "    ├── ? (doubt, on the rebuttal) Does that follow? [follow]",
        "    └── ~ (on the claim) An undercut aimed at a claim. [odd]",
    ]


def test_a_quote_equal_to_the_text_is_not_repeated() -> None:
    """Where the claim is the speaker's exact words, the quote adds nothing and is left out."""
    m = ArgumentMap()
    words = "That base is neither vacated nor being vacated."
    m.claim(words, by=Source("A U.S. official", kind="official"), quote=words, id="vacated")
    assert outline(m) == f"{words} [vacated]\n— A U.S. official\n"


def test_an_empty_map_says_so() -> None:
    """A map without claims gives its title and a sentence, not nothing."""
    assert outline(ArgumentMap(title="Nothing yet")) == "Nothing yet\n\nThis map has no claims.\n"


# ---------------------------------------------------------------- wrapping


@given(st.one_of(texts, st.sampled_from(HOSTILE_TEXTS)).map(visible), st.integers(1, 60))
def test_wrap_loses_nothing_and_fits_where_it_can(text: str, width: int) -> None:
    """Joining the pieces with single spaces gives the text back; a piece is too wide only if it is one word.

    No piece but the last ends with a lone separator such as the · of an attribution.
    """
    pieces = wrap(text, width)
    assert " ".join(pieces) == text
    for number, piece in enumerate(pieces):
        assert number == 0 or not piece.startswith(" ")
        assert number == len(pieces) - 1 or piece.split(" ")[-1] not in _GLUED  # no dangling "·" or dash
        if columns(piece) > width:
            assert not breakable(piece), f"{piece!r} could have been broken"


@given(
    st.lists(
        st.sampled_from(["a", "bb", "cccc", "é", "", "-", "--", "|", "·", "\u2014", "\u2013", "a-b"]), max_size=30
    ).map(" ".join),
    st.integers(1, 12),
    st.none() | st.integers(1, 12),
)
@example("aa b ", 4, None)  # a space at the end never ends a piece
@example("a - b", 3, None)  # nor one after a lone dash
def test_wrap_cuts_plain_text_as_it_cuts_any_text(text: str, width: int, first: int | None) -> None:
    """wrap() takes a shorter way for text without separators or double spaces: it gives what the general way gives."""
    room = width if first is None else first
    if len(text) > room:
        assert wrap(text, width, first) == _wrap_any(text, width, room, narrow=True)


@given(texts)
def test_visible_text_has_no_line_breaks_or_controls(text: str) -> None:
    """What visible() returns is one line of printable characters, whatever it is given."""
    shown_text = visible(text)
    assert len(shown_text.splitlines()) <= 1
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", shown_text)


# -------------------------------------------------------------- properties


@given(maps(), st.sampled_from(STYLES))
def test_every_claim_text_appears_exactly_once_in_every_style(amap: ArgumentMap, style: Style) -> None:
    """Unwrapped, each claim's text is one span of one line, shown exactly as visible() makes it."""
    lines = outline_lines(amap, style=style, width=UNWRAPPED)
    written = Counter(shown(text, style) for text in spans(lines, *_TEXT_ROLES))
    assert written == Counter(visible(claim.text) for claim in amap.claims)
    ids = Counter(shown(text, style) for text in spans(lines, "id"))
    assert ids == Counter(f"[{claim.id}]" for claim in amap.claims)


@given(maps(), st.sampled_from(STYLES))
def test_every_relation_appears_once_with_its_marker(amap: ArgumentMap, style: Style) -> None:
    """Each support, rebuttal, undercut and skeptical response has one marker; each premise of a linked support an &."""
    lines = outline_lines(amap, style=style, width=UNWRAPPED)
    markers = Counter(role for line in lines for role, _ in line.prefix if role in MARKERS)
    linked = [support for support in amap.supports if len(support.premises) > 1]
    assert markers["support"] == len(amap.supports)
    assert markers["premise"] == sum(len(support.premises) for support in linked)
    assert markers["rebuttal"] == len(amap.rebuttals)
    assert markers["undercut"] == len(amap.undercuts)
    assert markers["skeptical_response"] == len(amap.skeptical_responses)


@given(maps(), st.sampled_from(STYLES), st.integers(MIN_WIDTH, 120))
def test_wrapping_only_reflows_the_unwrapped_outline(amap: ArgumentMap, style: Style, width: int) -> None:
    """At any width the outline is the unwrapped one with long lines broken: nothing lost, added or moved.

    Each wrapped line and its continuations, their contents joined by single
    spaces, give exactly the matching unwrapped line; the first keeps its
    prefix. Lines stay within the width unless they hold one unbreakable word
    or sit so deep that 20 columns for text are all that is left.
    """
    wrapped = outline_lines(amap, style=style, width=width)
    unwrapped = outline_lines(amap, style=style, width=UNWRAPPED)
    joined: list[tuple[tuple[object, ...], str]] = []
    for line in wrapped:
        if line.continued:
            prefix, text = joined[-1]
            joined[-1] = (prefix, f"{text} {shown(content(line), style)}")
        else:
            joined.append((line.prefix, shown(content(line), style)))
    assert joined == [(line.prefix, shown(content(line), style)) for line in unwrapped]
    for line in wrapped:
        if line.prefix and line.prefix[0][1] in ("# ", "## "):
            continue  # a Markdown heading cannot be wrapped
        room = max(20, width - columns("".join(text for _, text in line.prefix)))
        text = content(line).translate(_ISOLATES)
        if columns(text) > room:
            assert not breakable(text), f"{text!r} could have been broken"


@given(maps(), st.sampled_from(STYLES))
def test_every_line_of_the_outline_is_one_line(amap: ArgumentMap, style: Style) -> None:
    """No text from the map can break a line or move the cursor: the outline splits into exactly its lines."""
    lines = outline_lines(amap, style=style, width=60)
    text = outline(amap, style=style, width=60)
    assert text.splitlines() == [str(line) for line in lines]
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


@given(maps(), st.sampled_from(STYLES))
def test_the_outline_is_deterministic(amap: ArgumentMap, style: Style) -> None:
    """The same map gives the same outline, also after a round trip through JSON into a new map object."""
    first = outline(amap, style=style)
    assert outline(amap, style=style) == first
    assert outline(loads(dumps(amap)), style=style) == first


# ---------------------------------------------------------------- Markdown


def commonmark() -> MarkdownIt:
    """Return a CommonMark parser that follows lists as deep as outlines go.

    markdown-it stops parsing at 20 levels of nesting as a guard against
    hostile input; an outline nests up to MAX_DEPTH + 2 lists, each two levels.
    """
    return MarkdownIt("commonmark", {"maxNesting": 4 * (MAX_DEPTH + 2)})


def _inline_text(token: Token) -> str:
    """Return what a reader sees of an inline token: its text, code spans and line breaks as spaces."""
    parts = []
    for child in token.children or ():
        assert child.type in ("text", "code_inline", "softbreak", "hardbreak", "em_open", "em_close"), child.type
        parts.append(child.content if child.type in ("text", "code_inline") else " ")
    return "".join(parts)


def _collapse(text: str) -> str:
    return " ".join(text.split())


@given(maps(), st.integers(MIN_WIDTH, 100))
def test_markdown_renders_to_the_same_structure_whatever_the_text(amap: ArgumentMap, width: int) -> None:
    """A CommonMark parser finds one heading per tree, one list item per node, and every claim's text in them.

    No text from the map becomes markup: no HTML, link, emphasis or code of
    its own. What is compared is what a browser shows, so runs of white
    space count as one.
    """
    tokens = commonmark().parse(outline(amap, style="markdown", width=width))
    kinds = Counter(token.type for token in tokens)
    assert not {"html_block", "fence", "code_block", "blockquote_open", "hr", "ordered_list_open"} & set(kinds)
    lines = outline_lines(amap, style="markdown", width=UNWRAPPED)
    items = sum(1 for line in lines if line.prefix and line.prefix[0][1].lstrip(" ") == "- ")
    headings = sum(1 for line in lines if line.prefix and line.prefix[0][1] == "## ")
    assert kinds["list_item_open"] == items
    assert kinds["heading_open"] == headings + (amap.title is not None)
    inline = [_inline_text(token) for token in tokens if token.type == "inline"]
    shown_texts = _collapse(" ".join(inline).translate(_ISOLATES))
    for claim in amap.claims:
        assert _collapse(visible(claim.text)) in shown_texts
    children = [child for token in tokens if token.type == "inline" for child in token.children or ()]
    code_spans = [child.content for child in children if child.type == "code_inline"]
    assert Counter(code_spans) == Counter(
        text.strip("`") for line in lines for role, text in line.prefix if role in MARKERS
    )
    emphasised = sum(1 for child in children if child.type == "em_open")
    assert emphasised == len(spans(lines, "note"))  # only the outline's own notes are emphasised


def test_markdown_wrapped_lines_never_start_a_block() -> None:
    """A wrapped line that would begin a list, heading, quote or underline is escaped, so each item stays one item."""
    hazards = [
        "- " * 30,  # every wrapped line would start a bullet list
        "+ " * 30,
        "1. " * 20,  # an ordered list
        "2011) " * 10,
        "# " * 30,  # a heading
        "aaaaaaaaaaaaa ================",  # the last line alone would underline the first as a heading
        "aaaaaaaaaaaaa ----------------",
    ]
    m = ArgumentMap()
    top = m.claim("The conclusion.", id="top")
    for number, text in enumerate(hazards):
        m.support(m.claim(text.strip(), id=f"h{number}"), top)
    tokens = commonmark().parse(outline(m, style="markdown", width=MIN_WIDTH))
    blocks = Counter(token.type for token in tokens if token.block)
    assert blocks["heading_open"] == 1
    assert blocks["bullet_list_open"] == 1
    assert blocks["list_item_open"] == len(hazards)
    assert not {"ordered_list_open", "hr", "blockquote_open"} & set(blocks)
    items = [_collapse(_inline_text(token)) for token in tokens if token.type == "inline"][1:]
    assert items == [f"+ {text.strip()} [h{number}]" for number, text in enumerate(hazards)]


def test_a_deep_markdown_outline_nests_as_deep_as_the_map_then_continues() -> None:
    """A chain deeper than MAX_DEPTH parses as nested lists down to the limit, then as a new section."""
    lines = outline_lines(chain(3 * MAX_DEPTH), style="markdown")
    tokens = commonmark().parse("".join(f"{line}\n" for line in lines))
    kinds = Counter(token.type for token in tokens)
    assert kinds["list_item_open"] == sum(1 for line in lines if line.prefix and line.prefix[0][1].endswith("- "))
    assert kinds["heading_open"] == 1 + 1 + 2  # the title, the conclusion, and two sections that continue the chain
    assert max(token.level for token in tokens) >= 2 * MAX_DEPTH


def test_a_markdown_line_of_its_own_that_would_start_a_list_stays_text() -> None:
    """A byline such as a publication named "-" is escaped like a wrapped line, not read as a list item."""
    amap = ArgumentMap(publication="-")
    amap.claim("A claim.", id="a")
    tokens = commonmark().parse(outline(amap, style="markdown"))
    assert outline(amap, style="markdown").startswith("\\-\n")
    assert not any(token.type == "bullet_list_open" and token.level == 0 and token.map == [0, 1] for token in tokens)


# Words that start a Markdown block, right-to-left and wide letters: where the outline's text-only path must fall
# back to cutting the line into spans (an escape, an isolate) and give exactly what the spans give.
_TRICKY_WORDS = st.sampled_from(
    ["12.", "3)", "-", "+", "#", ">", "=", "7", "(4)", "a", "word", "שלום", "ب", "é", "巴基", "—", "·"]
)


@st.composite
def _tricky_maps(draw: st.DrawFn) -> ArgumentMap:
    amap = ArgumentMap()
    sentence = st.lists(_TRICKY_WORDS, min_size=1, max_size=30).map(" ".join)
    ids = [amap.claim(draw(sentence), id=f"c{number}").id for number in range(draw(st.integers(1, 6)))]
    for number in range(1, len(ids)):
        label = draw(st.none() | sentence)
        if draw(st.booleans()):
            amap.support(ids[number], ids[draw(st.integers(0, number - 1))], label=label)
        else:
            amap.rebut(ids[number], ids[draw(st.integers(0, number - 1))], label=label)
    return amap


@given(st.one_of(maps(), _tricky_maps()), st.sampled_from(STYLES), st.integers(MIN_WIDTH, 120))
def test_the_outline_text_is_exactly_its_lines_joined(amap: ArgumentMap, style: Style, width: int) -> None:
    """outline() writes text without spans, for speed: it is byte for byte the lines outline_lines() gives, joined."""
    lines = outline_lines(amap, style=style, width=width)
    assert outline(amap, style=style, width=width) == "".join(f"{line}\n" for line in lines)


@given(st.one_of(maps(), _tricky_maps()), st.sampled_from(STYLES), st.integers(MIN_WIDTH, 120))
def test_the_outline_text_with_hooks_is_exactly_its_lines_joined(amap: ArgumentMap, style: Style, width: int) -> None:
    """With an evaluation's hooks (a status line under claims, a mark beside relations) the text is the lines joined."""
    hooks: dict[str, Any] = {
        "status": lambda claim: f"- {claim.id} 12." if len(claim.id) % 3 else None,
        "marks": lambda relation: "(\u2717 rejected)" if len(relation.id) % 2 else None,
    }
    lines = outline_lines(amap, style=style, width=width, **hooks)
    assert outline(amap, style=style, width=width, **hooks) == "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("style", STYLES)
def test_the_outline_text_escapes_and_isolates_as_its_lines_do(style: Style) -> None:
    """A continuation that would start a list is escaped, right-to-left text isolated, in the text as in the lines."""
    escaped = False
    for length in range(1, 20):  # somewhere along, a continuation line starts with "12."
        amap = ArgumentMap()
        words = "x" * length
        amap.support(amap.claim(f"{words} 12. steps; 3) is שלום ب later.", id="plan"), amap.claim("Done.", id="done"))
        text = outline(amap, style=style, width=20)
        assert text == "".join(f"{line}\n" for line in outline_lines(amap, style=style, width=20))
        assert FIRST_STRONG_ISOLATE in text
        escaped = escaped or "\n  12\\." in text
    assert escaped == (style == "markdown")


@pytest.mark.parametrize("publication", [" -", "   -", "  +", " 1.", "  #", " >", " ="])
def test_a_byline_indented_like_a_block_stays_text(publication: str) -> None:
    """A byline that opens with up to three spaces and a block marker is text, not a list, heading or quote.

    CommonMark allows three spaces before a marker; hypothesis found the publication " -" read as a list.
    """
    m = ArgumentMap(publication=publication)
    m.claim("A claim.", id="a")
    tokens = commonmark().parse(outline(m, style="markdown"))
    kinds = Counter(token.type for token in tokens)
    assert kinds["bullet_list_open"] == kinds["ordered_list_open"] == kinds["blockquote_open"] == 0
    assert kinds["heading_open"] == 1  # the claim's own tree
    assert publication.strip() in _collapse(" ".join(_inline_text(token) for token in tokens if token.type == "inline"))
