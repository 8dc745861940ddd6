"""Argdown's syntax as its documentation writes it: one small hand-written case for each construct (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import ArgumentMap, FormatError, Rebuttal, Support, Undercut, check
from argmap.formats import argdown


def test_a_multi_line_data_block_is_data_not_attacks() -> None:
    """`[S] {` then YAML lines with `- item` then `}` is the statement's data; no claim rebuts S."""
    amap = argdown.loads(
        "[S]: Smoking harms.\n  {\n    sources:\n      - a study\n      - a review\n  }\n  + [T]: Tar.\n"
    )
    assert [claim.id for claim in amap.claims] == ["S", "T"]
    assert [type(r) for r in amap.relations] == [Support]


def test_a_definition_with_only_tags_is_valid() -> None:
    """`<b>: #tag-2 #tag-1` defines b with its tags (Argdown's colouring guide writes nine of these)."""
    amap = argdown.loads("<b>: #tag-2 #tag-1\n")
    assert amap.claim_for("b").tags == ("tag-2", "tag-1")


def test_list_items_are_statements_each() -> None:
    """Each `*` or `1.` item is its own statement, numbered as Argdown numbers untitled ones."""
    amap = argdown.loads("* [A]: First.\n* Second.\n\n1. [C]: Third.\n2. Fourth.\n")
    assert [(claim.id, claim.text) for claim in amap.claims] == [
        ("A", "First."),
        ("Untitled 1", "Second."),
        ("C", "Third."),
        ("Untitled 2", "Fourth."),
    ]


def test_an_undercut_under_a_conclusion_undercuts_the_inference() -> None:
    """`<_` under a reconstruction's conclusion undercuts that inference, not the conclusion."""
    amap = argdown.loads("<A>\n\n(1) [p]: P.\n----\n(2) [c]: C.\n  <_ [u]: Not so.\n")
    assert amap.relations[-1] == Undercut("u", "A")


def test_multi_step_arguments_use_what_uses_names_and_argdowns_step_names() -> None:
    """`{uses: [...]}` picks an inference's premises; earlier steps are named "X - 1" as Argdown names them."""
    text = "<X>\n\n(1) [a]: A.\n(2) [b]: B.\n----\n(3) [c]: C.\n(4) [d]: D.\n--\n{uses: [1, 4]}\n--\n(5) [e]: E.\n"
    amap = argdown.loads(text)
    assert [(s.id, s.premises, s.conclusion) for s in amap.supports] == [
        ("X - 1", ("a", "b"), "c"),
        ("X", ("a", "d"), "e"),
    ]


def test_include_reads_the_file_relative_to_the_including_file(tmp_path: Path) -> None:
    """`@include(part)` is replaced by the file beside the including one; a cycle is left out with a warning."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "main.argdown").write_text("[a]: A.\n\n@include(part.argdown)\n", encoding="utf-8")
    (tmp_path / "sub" / "part.argdown").write_text("[b]: B.\n\n@include(main.argdown)\n", encoding="utf-8")
    amap = argdown.load(tmp_path / "sub" / "main.argdown")
    assert [claim.id for claim in amap.claims] == ["a", "b"]
    assert [p.code for p in check(amap)].count("lenient-syntax") == 1


def test_an_error_in_an_included_file_names_that_file(tmp_path: Path) -> None:
    """A syntax error inside an included file is reported at its own file and line."""
    (tmp_path / "main.argdown").write_text("[a]: A.\n\n@include(part.argdown)\n", encoding="utf-8")
    (tmp_path / "part.argdown").write_text("[b]: B.\n\n[c]: text {key: [unclosed}\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        argdown.load(tmp_path / "main.argdown")
    assert (Path(str(caught.value.path)).name, caught.value.line) == ("part.argdown", 3)


def test_a_relation_between_two_open_levels_is_a_sibling_as_in_argdown() -> None:
    """A line indented between two open levels closes the deeper one and attaches where Argdown attaches it."""
    amap = argdown.loads("[A]: a\n    + [B]: b\n        - [C]: c\n      + [D]: d\n")
    assert Support(["D"], "A") in amap.supports
    assert Rebuttal("C", "B") in amap.rebuttals


def test_an_indented_heading_is_a_heading() -> None:
    """`  # I am a group` is a heading, not a statement."""
    amap = argdown.loads("  # I am a group\n\n[E]: e\n")
    assert [(claim.id, claim.section) for claim in amap.claims] == [("E", "I am a group")]


def test_shortcodes_and_nested_emphasis_read_as_argdown_shows_them() -> None:
    """`.A.` and `:happy:` become their characters; `***x***` and `__*y*__` leave no markers."""
    amap = argdown.loads("[E]: .A. x :happy: ***bold*** and __*y*__\n")
    assert amap.claim_for("E").text == "\u2200 x \U0001f600 bold and y"


def test_leniency_is_a_warning_with_its_line() -> None:
    """Front matter followed directly by text, which Argdown refuses, is read with a warning naming the line."""
    amap = argdown.loads("===\ntitle: t\n===\n[a]: text\n")
    (warning,) = [p for p in check(amap) if p.code == "lenient-syntax"]
    assert "line 4" in warning.message


def test_an_empty_map_is_written_as_a_document_argdown_accepts() -> None:
    """An empty map is written as a heading (Argdown refuses an empty file) and reads back empty."""
    text = argdown.dumps(ArgumentMap())
    assert text.strip()
    assert argdown.loads(text) == ArgumentMap()


def test_a_nul_character_is_text() -> None:
    """A NUL in a statement is kept as text: no StopIteration traceback (issue 12)."""
    assert argdown.loads("[a]: x\x00y").claim_for("a").text == "x\x00y"


@pytest.mark.parametrize("opener", ["{", "[", "#(", "<!--", "*", "_", ".", ":"])
def test_a_text_full_of_openers_is_read_in_bounded_time(opener: str) -> None:
    """16 KB of one opener is read, or refused at a line: the scanning is linear (issue 12)."""
    if opener == "<!--":
        with pytest.raises(FormatError, match="never closed") as caught:
            argdown.loads(opener * 16_000)  # 4-5 s when quadratic; benchmarks/ measures it, tests do not time it
        assert caught.value.line == 1
    else:
        assert len(argdown.loads(opener * 16_000).claims) <= 1


def test_a_data_block_yaml_cannot_end_is_placed_on_its_line() -> None:
    """YAML's error at the end of an unclosed mapping (a line past the block) is placed on the block's own line."""
    with pytest.raises(FormatError) as caught:
        argdown.loads("<s>\n\n(1) [p]:{ A premise. {proponent: x}\n----\n(2) [c]: C.\n")
    assert caught.value.line == 3


def test_deeply_nested_data_is_a_format_error() -> None:
    """Data nested thousands deep is refused at its line, not a RecursionError."""
    with pytest.raises(FormatError, match="nesting depth") as caught:
        argdown.loads("[a]: x " + "{a: " * 5000 + "}" * 5000)
    assert caught.value.line == 1
