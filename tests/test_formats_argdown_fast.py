"""The fast readings of common Argdown lines and paragraphs give what the full reading gives (issue 13's speed)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from argmap.errors import FormatError
from argmap.formats import _argdown_syntax as syntax
from argmap.formats import _argdown_text as text_reading
from argmap.formats import argdown
from tests.strategies import maps
from tests.test_formats_argdown import idiomatic_documents

# Characters that matter to the inline reader, and plain ones, so drawn lines often sit on the edge.
_PIECES = st.sampled_from(
    [" ", "  ", "\t", "a", "Bc", ".", ":", ". ", ": ", ".A.", "#", "#t", "*", "_", "{", "}", "[", "]", "(", ")",
     "\\", "<", ">", "/", ",", "'", '"', "yes", "-", "\u00a0", "é", "{a: b}", "{a: [x, y]}", "{a: [{b: c}]}",
     "{k: v, l: w}", '{q: "x}"}', "{a: {b: c} d}", "{a: yes}", "{a: 1}"]
)  # fmt: skip
_LINES = st.lists(_PIECES, max_size=12).map("".join)


@given(_LINES)
def test_a_plain_line_reads_as_the_inline_reader_reads_it(line: str) -> None:
    """Where plain_rest reads a line at all, it finds the text and data inline() finds, and no tag."""
    plain = text_reading.plain_rest(line)
    if plain is None:
        return
    try:
        expected = text_reading.inline([line], text_reading.Reading(None), 1, 1)
    except FormatError:
        pytest.fail(f"plain_rest read {line!r}, which the inline reader refuses")
    assert (plain[0], [], plain[1]) == expected


_FLOW = st.recursive(
    st.sampled_from(["a", "b c", "yes", "x-y", "1", '"q"', "é", "a ", " b", '""', '"a: b"', '"x, y}"', '"s:a+b>c"']),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(st.sampled_from(["k", "id", "on", "l-m"]), inner), max_size=3).map(
            lambda items: "{" + ", ".join(f"{key}: {value}" for key, value in items) + "}"
        ),
    ),
    max_leaves=8,
)


@given(_FLOW.filter(lambda block: block.startswith("{")))
@example('{proponent: a, attacks: [{target: b-c, kind: skeptical_response, stance: doubt}, {target: d, id: "e:f"}]}')
@example('{a: [{b: c}, {d: "e]}"}], f: g}')
@example("{a: [ {b: c} ,{d: [e, f]} ], g: h}")
def test_a_flat_data_block_reads_as_the_flow_reader_reads_it(block: str) -> None:
    """Where the one-match reading of a flat mapping (or of lists of them) applies, the value-by-value reader agrees."""
    flat = text_reading._flat(block)
    if flat is None:
        return
    value, end = text_reading._flow_value(block, 0)
    assert (flat, end) == (value, len(block.rstrip(" \t")))


@given(_FLOW.filter(lambda block: block.startswith("{")))
@example("{proponent: a, attacks: [{target: b-c, kind: skeptical_response, stance: doubt}]}")
def test_a_data_block_read_without_the_yaml_library_reads_as_yaml(block: str) -> None:
    """Where the one-line data reader takes a block, it gives what the YAML library gives."""
    try:
        value = text_reading._flow(block)
    except text_reading._NotPlain:
        return
    assert value == yaml.safe_load(block)


def _read(text: str) -> dict[str, Any]:
    document = syntax.parse(text)
    return {
        "front matter": document.front_matter,
        "statements": [(t, s.text, s.tags, s.data, s.section, s.line) for t, s in document.statements.items()],
        "arguments": [
            (t, a.text, a.tags, a.data, a.section, a.pcs, [(i.premises, i.rules, i.conclusion) for i in a.inferences])
            for t, a in document.arguments.items()
        ],
        "relations": [(r.kind, r.origin.title, r.target.title, r.step, r.line) for r in document.relations],
        "warnings": document.warnings,
    }


def _both(text: str) -> tuple[Any, Any]:
    """Return the document read with the fast paths and without them (or the errors each raises).

    Without them, every paragraph is read line by line and every line's text,
    and every inference's rules and data, by the inline reader.
    """
    results: list[Any] = []
    for fast in (True, False):
        with pytest.MonkeyPatch.context() as patch:
            if not fast:
                patch.setattr(syntax._Parser, "paragraph", lambda self, number, argument: None)
                patch.setattr(syntax, "plain_rest", lambda text: None)
            try:
                results.append(_read(text))
            except FormatError as error:
                results.append(str(error))
    return results[0], results[1]


_PARAGRAPH_LINES = st.sampled_from(
    ["[a]: Text.", "[a]: Text. {k: v}", "[b]", "[a]:", "[ a ]: x", "[-a]", "  +> [b]", "  -> <A>", "\t_> [c]",
     "   >< [a]", "  + [b]", "  -> [b] more", " more text", "", "", "<A>: An argument.", "(1) [a]", "----",
     "(2) [c]: C.", "# Heading", "[a]: x {", "}", "[d]: y // note", "  <- [a]", "  -> [a  b]", "--",
     "-- modus ponens --", '{id: "s:a>c"}', "-- {label: mp} --", "-- a #t --", "-- *b* --", "{id: x", "(3) [e]",
     "(1) [a]: A. {k: v}", "(1) [a]:", "(2) [-b]", "(3)  [c]", " (1) [d]", "(4) [a] more", "(1) [b]: x // c",
     "(2) [e]: E {", "(1) [f]: *F*", "(5) [a]", "  <_ [b]", "(1) [ g]"]
)  # fmt: skip


@given(st.lists(_PARAGRAPH_LINES, max_size=14).map("\n".join))
def test_paragraphs_read_fast_as_line_by_line(text: str) -> None:
    """Documents of common and uncommon lines read the same with the paragraph fast path as line by line."""
    fast, slow = _both(text)
    assert fast == slow


_RECONSTRUCTION_LINES = st.sampled_from(
    ["<A>", "<B>: B.", "", "(1) [a]: A.", "(2) [b]", "(3) [c]: C. {k: v}", "(1) [a]:", "(2) [b] more", "--", "----",
     "-- r --", '{id: "x:y"}', "-- {id: z} --", " more text", "more text", "  <_ [c]", "  +> [d]", "  -> <A>",
     "(4) [a]", "(2) [-b]", "(1) [e]: E // note", "# H", "[a]: A."]
)  # fmt: skip


@given(st.lists(_RECONSTRUCTION_LINES, max_size=16).map("\n".join))
@example("(1) [a]: A.\n more text")
@example("<A>\n\n(1) [a]\n----\n(2) [b]\n\n(3) [c]")
@example("(1) [a]: A.\n-- r --\n(2) [b]\n  <_ [c]")
def test_reconstructions_read_fast_as_line_by_line(text: str) -> None:
    """Premise-conclusion structures, as argmap writes them and otherwise, read the same with the fast paths."""
    fast, slow = _both(text)
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    ["[a]: {}", "[a] {}", "[a]: {}\n  +> [b]", "[a]: {k: yes}", "[a]:  A.  {k: v}  ", "[a]: A. {k: v} more"],
)
def test_paragraphs_with_empty_or_odd_data_read_fast_as_line_by_line(text: str) -> None:
    """An empty data block neither defines a statement nor adds to a reference, read either way."""
    fast, slow = _both(text)
    assert fast == slow


# Premise-conclusion structures as argmap writes them, and lines near them that the fast path must leave alone.
_ARGMAP_RECONSTRUCTION_LINES = st.sampled_from(
    ["<A>", "<A>: A.", "<A>: A. {k: v}", "<A>:", "<+A>", "<A >", "<A  B>", "<-A>", "<A> more", "", "", "",
     "(1) [a]: A. {proponent: s, via: [t]}", "(1) [a]", "(2) [b]", "(2) [b]: B.", "(3) [c]", "(1) [-a]",
     "(1) [a]:", "(1) [ a]", "(2) [b] more", "(2)  [b]", " (3) [c]", "(3) [c]: *C*", "(4) [d]: D. {k: {",
     "--", "----", "---", "-- r --", "-- r, s --", "-- *e* --", '{id: "support:a+b>c"}', "{label: l}", "{a: yes}",
     "-- {id: x} --", "  <_ [c]", "[e]: E.", "# H", "more text"]
)  # fmt: skip
_ARGMAP_RECONSTRUCTION = (
    '<A>\n\n(1) [a]: A.\n(2) [b]\n--\n{id: "support:a+b>c"}\n--\n(3) [c]: C. {k: v}\n'
    "-- r --\n(4) [d]\n\n\n[c]\n  _> <A>\n"
)


@given(st.lists(_ARGMAP_RECONSTRUCTION_LINES, max_size=16).map("\n".join))
@example(_ARGMAP_RECONSTRUCTION)
@example("<A>: A. {k: v}\n\n(1) [a]\n----\n(2) [b]")
@example("<A>\n\n(1) [a]\n--\n(2) [b]\n\n--\n(3) [c]")
@example("<A>\n\n(1) [a]\n----\n(2) [b]\n----\n\n<A>\n\n(1) [c]\n----\n(2) [d]\n")
def test_reconstructions_as_argmap_writes_them_read_fast_as_line_by_line(text: str) -> None:
    """A premise-conclusion structure read in one go gives what reading it line by line gives, errors included."""
    fast, slow = _both(text)
    assert fast == slow


def test_a_reconstruction_as_argmap_writes_it_is_read_in_one_go() -> None:
    """The structure argmap writes takes the fast path (which the test above holds to the line-by-line reading)."""
    parser = syntax._Parser(_ARGMAP_RECONSTRUCTION, None)
    parser.read_lines = parser.lines()
    assert parser.reconstruction(1) == (12, None)  # lines[12] is "[c]": the empty lines after the structure taken
    argument = parser.document.arguments["A"]
    assert argument.pcs == ["a", "b", "c", "d"]
    assert [(i.premises, i.rules, i.data, i.conclusion) for i in argument.inferences] == [
        (["a", "b"], [], {"id": "support:a+b>c"}, "c"),
        (["c"], ["r"], {}, "d"),
    ]


@given(idiomatic_documents())
def test_idiomatic_documents_read_fast_as_line_by_line(text: str) -> None:
    """Idiomatic documents read the same with the paragraph fast path as line by line."""
    fast, slow = _both(text)
    assert fast == slow


@given(maps())
def test_what_argmap_writes_reads_fast_as_line_by_line(amap: Any) -> None:
    """What argmap writes reads the same with the paragraph fast path as line by line."""
    fast, slow = _both(argdown.dumps(amap))
    assert fast == slow


# The pattern plain_rest matched with before it was written as runs (issue 13's speed): the same lines, the same parts.
_PLAIN_REST_BEFORE = re.compile(
    r"[ \t]*((?:[^\\{}#\[\]*_.:\s]|[.:](?!\S)| (?=[^\s{]))*)"
    r"[ \t]*(\{(?:[^{}\n\r\u2028\u2029]|\{[^{}\n\r\u2028\u2029]*\}(?=[,\]}]))*\})?[ \t]*"
)


@given(_LINES)
def test_the_plain_line_pattern_matches_as_before(line: str) -> None:
    """The plain line pattern, written as runs for speed, takes the lines and parts the one before it took."""
    before = _PLAIN_REST_BEFORE.fullmatch(line)
    now = text_reading._PLAIN_REST.fullmatch(line)
    assert (before and before.groups()) == (now and now.groups())


@given(st.text(alphabet="ab/*<!-@\r\n"), st.text(alphabet="ab/*<!-@\r\n", min_size=1, max_size=4))
def test_looking_for_each_character_first_finds_what_looking_for_the_whole_finds(text: str, part: str) -> None:
    """holds() and unix_lines(), quick on a large file, answer as ``in`` and the two replacements do."""
    assert text_reading.holds(text, part) == (part in text)
    assert text_reading.unix_lines(text) == text.replace("\r\n", "\n").replace("\r", "\n")
