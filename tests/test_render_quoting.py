"""Quoting for DOT: wrapping fills lines greedily and loses nothing; escaping leaves no markup or escape behind."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.engine import pipe
from argmap.render._quoting import displayed, html, measured, name, node_id, wrap
from tests.strategies import identifiers, texts

widths = st.integers(8, 60)


@given(texts, widths)
def test_wrap_keeps_every_character_but_white_space_and_respects_the_width(text: str, width: int) -> None:
    """Lines hold at most *width* characters, and joined they give the text's words back, in order."""
    lines = wrap(text, width)
    assert all(0 < len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(line == " ".join(line.split()) for line in lines)  # single spaces inside, none at the ends


@given(texts, widths)
def test_measured_counts_the_lines_wrap_makes_and_the_longest(text: str, width: int) -> None:
    """Counted, not broken, a text takes the lines, and its longest line the length, that wrap gives it."""
    words = " ".join(text.split())
    lines = wrap(words, width)
    if words and max(map(len, words.split(" "))) > width:
        return  # a word is cut: measured is not asked
    assert measured(words, width) == ((len(lines), max(map(len, lines))) if lines else (0, 0))


@given(
    st.lists(
        st.text(
            st.characters(codec="utf-8", exclude_categories=["Cs", "Zs", "Zl", "Zp", "Cc"]), min_size=1, max_size=12
        ),
        min_size=1,
        max_size=20,
    ),
    widths,
)
def test_wrap_fills_each_line_before_starting_the_next(words: list[str], width: int) -> None:
    """With no word longer than the width, lines break only where the next word would not fit."""
    words = [word for word in words if word == "".join(word.split()) and len(word) <= width]
    if not words:
        return
    lines = wrap(" ".join(words), width)
    assert " ".join(lines).split(" ") == words
    for line, following in itertools.pairwise(lines):
        assert len(line) + 1 + len(following.split(" ")[0]) > width


def test_a_word_longer_than_the_width_is_cut_but_not_before_a_combining_mark() -> None:
    """A long word is cut at the width, moved back so that an accent stays with its letter."""
    assert wrap("abcdefghij klm", 8) == ["abcdefgh", "ij klm"]
    assert wrap("abcdefge\u0301hij", 8) == ["abcdefg", "e\u0301hij"]


def test_html_escapes_markup_quotes_and_backslashes() -> None:
    r"""&<>" become entities, a backslash is doubled (so \\N is drawn, not expanded), plain text is untouched."""
    assert html('a & b < c > d "e" \\N') == "a &amp; b &lt; c &gt; d &quot;e&quot; \\\\N"
    assert html("باكستان 🚁 plain") == "باكستان 🚁 plain"


@given(texts)
def test_html_output_has_no_markup_and_only_doubled_backslashes(text: str) -> None:
    """Whatever the text, its escaped form holds no <, >, " or lone backslash, and no character XML refuses."""
    escaped = html(text)
    assert not set(escaped) & set('<>"')
    assert "\\" not in escaped.replace("\\\\", "")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", escaped)


def test_displayed_shows_what_xml_cannot_carry() -> None:
    """Control characters become their Unicode pictures and non-characters U+FFFD; tab and new line stay."""
    assert displayed("bell\x07 nul\x00 \ufffe\t\n") == "bell␇ nul␀ \ufffd\t\n"


def test_name_quotes_every_id_and_keeps_percent_names_for_argmap() -> None:
    """Ids are always quoted, quotes and backslashes escaped, and a leading % (Graphviz's own) moved aside."""
    assert name("node") == '"node"'
    assert name('say "hi" \\') == '"say \\"hi\\" \\\\"'
    assert name("%3") == '" %3"'


@pytest.mark.dot
@pytest.mark.parametrize("text", ["]", "]]", "]]]"])
def test_a_text_of_closing_brackets_is_drawn_not_refused(text: str) -> None:
    """Graphviz 2.43 refuses an element whose whole text is ']' or ']]'; html() writes entities it accepts."""
    assert set(html(text).replace("&#93;", "")) <= set()
    svg = pipe(f"digraph {{ a [label=<<B>{html(text)}</B>>] }}", "svg").decode("utf-8")
    assert f">{text}</text>" in svg


@given(identifiers, identifiers)
def test_node_ids_are_plain_ascii_and_tell_claims_apart(first: str, second: str) -> None:
    """A node id holds only characters safe in DOT, XML and HTML, and two different claims never share one."""
    assert re.fullmatch(r"claim-[A-Za-z0-9_.~%-]+", node_id(first))
    assert (node_id(first) == node_id(second)) == (first == second)
