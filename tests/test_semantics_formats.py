"""ICCMA .af, ASPARTIX .apx and TGF files: exact round trips, sniffing, malformed files refused with line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import FormatError
from argmap.semantics import Framework
from argmap.semantics.formats import af, apx, dump, dumps, format_for, load, loads, sniff, tgf
from tests.conftest import corpus_file
from tests.strategies import frameworks

single_words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8).filter(
    lambda name: name.split() == [name] and name != "#"
)
"""Argument names TGF can hold: one word each, hostile characters included."""


@given(frameworks(max_arguments=12))
def test_af_round_trip_is_exact(framework: Framework) -> None:
    """A framework named 1..n reads back from its .af text equal, attacks and order included."""
    assert af.loads(af.dumps(framework)) == framework


@given(frameworks(names=single_words))
def test_af_writes_other_names_by_position(framework: Framework) -> None:
    """Other names are written by position, each named in a comment; the structure reads back intact."""
    text = af.dumps(framework)
    back = af.loads(text)
    assert back.arguments == tuple(str(number) for number in range(1, len(framework) + 1))
    rename = dict(zip(framework.arguments, back.arguments, strict=True))
    assert set(back.attacks) == {(rename[a], rename[t]) for a, t in framework.attacks}


@given(frameworks(names=single_words))
def test_tgf_round_trip_is_exact(framework: Framework) -> None:
    """A framework of one-word names reads back from its TGF text equal."""
    assert tgf.loads(tgf.dumps(framework)) == framework


def test_af_reads_comments_blank_lines_and_repeated_attacks() -> None:
    """Comments and blank lines are skipped, CRLF ends are fine, and a repeated attack counts once."""
    framework = af.loads("# made by hand\r\np af 3\r\n\r\n1 2\r\n# again\r\n1 2\r\n3 3\r\n")
    assert framework.arguments == ("1", "2", "3")
    assert framework.attacks == (("1", "2"), ("3", "3"))
    assert af.dumps(framework) == "p af 3\n1 2\n3 3\n"


def test_tgf_drops_labels_and_accepts_no_attack_section() -> None:
    """Words after a name are labels, which a framework does not keep; a file without '#' has no attacks."""
    assert tgf.loads("a first\nb second\n#\na b attacks\n").attacks == (("a", "b"),)
    assert tgf.loads("a\nb\n").attacks == ()


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("", 1, 1, "no 'p af N' line"),
        ("1 2\n", 1, 1, "must be 'p af N'"),
        ("p af x\n", 1, 1, "must be 'p af N'"),
        ("p af 3\n1 2\n  2 4\n", 3, 5, "'4' is no argument"),
        ("p af 3\n0 1\n", 2, 1, "'0' is no argument"),
        ("p af 3\n1 +2\n", 2, 3, r"'\+2' is no argument"),
        ("p af 3\n1 ٢\n", 2, 3, "'٢' is no argument"),
        ("p af 3\n1 2 3\n", 2, 1, "got 3 fields"),
        ("p af 3\np af 3\n", 2, 1, "a second 'p af' line"),
    ],
)
def test_malformed_af_names_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Each malformed .af text raises a FormatError at the right line and column."""
    with pytest.raises(FormatError, match=message) as caught:
        af.loads(text, path="g.af")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("g.af", line, column)


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a\na\n", 2, 1, "declared twice"),
        ("a\n#\na b\n", 3, 3, "'b' is not declared"),
        ("a\n#\n  a\n", 3, 3, "two argument names"),
    ],
)
def test_malformed_tgf_names_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Each malformed TGF text raises a FormatError at the right line and column."""
    with pytest.raises(FormatError, match=message) as caught:
        tgf.loads(text)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_tgf_refuses_names_it_cannot_hold() -> None:
    """A name with a space, or the name '#', cannot be written as TGF."""
    with pytest.raises(FormatError, match="single words"):
        tgf.dumps(Framework(["two words"]))
    with pytest.raises(FormatError, match="single words"):
        tgf.dumps(Framework(["#"]))


def test_files_by_name(tmp_path: Path) -> None:
    """Load and dump pick the format from the file name, atomically; an unknown ending or format is refused."""
    framework = Framework(["1", "2"], [("2", "1")])
    assert format_for(tmp_path / "x.TGF") == "tgf"
    assert load(dump(framework, tmp_path / "x.af")) == framework
    assert load(dump(framework, tmp_path / "x.tgf")) == framework
    assert loads(dumps(framework, "tgf"), "tgf") == framework
    with pytest.raises(FormatError, match=r"known framework endings: \.af, \.apx, \.tgf"):
        dump(framework, tmp_path / "x.txt")
    with pytest.raises(FormatError, match="unknown framework format 'dl'"):
        loads("", "dl")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x.af", "x.tgf"]


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    """A missing file and a file that is not UTF-8 are FormatErrors naming the file."""
    with pytest.raises(FormatError, match="no such file"):
        load(tmp_path / "missing.af")
    broken = tmp_path / "broken.af"
    broken.write_bytes(b"p af 2\n1 \xff\n")
    with pytest.raises(FormatError, match="not UTF-8") as caught:
        load(broken)
    assert (caught.value.line, caught.value.column) == (2, 3)


plain_af_texts = st.builds(
    lambda size, attacks, end: f"p af {size}\n" + "\n".join(f"{a} {t}" for a, t in attacks) + end,
    st.integers(0, 6),
    st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=12),
    st.sampled_from(["", "\n", "\n\n"]),
)
""".af texts as solvers write them, some with numbers that name no argument."""


@given(plain_af_texts)
def test_af_quick_reader_agrees_with_the_line_reader(text: str) -> None:
    """The bulk reader of plain files reads what the line reader reads, and leaves every mistake to it."""
    quickly = af._read_quickly(text)
    try:
        carefully = af._read_lines(text, None)
    except FormatError:
        assert quickly is None
    else:
        assert quickly == carefully  # every valid plain file is taken in bulk, and read the same
        assert af.loads(text) == carefully


def test_af_quick_reader_takes_a_solver_file() -> None:
    """A file with no comments or extra spaces goes through the bulk reader."""
    assert af._read_quickly("p af 3\n1 2\n3 1\n") == Framework(["1", "2", "3"], [("1", "2"), ("3", "1")])
    assert af._read_quickly("# a comment\np af 3\n1 2\n") is None


any_names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8)
"""Argument names of any kind: spaces, quotes, backslashes, parentheses, '%', newlines."""


@given(frameworks(max_arguments=12, names=any_names))
def test_apx_round_trip_is_exact(framework: Framework) -> None:
    """Any names read back from ASPARTIX text equal: bare where ASP allows, quoted and escaped otherwise."""
    assert apx.loads(apx.dumps(framework)) == framework


def test_apx_reads_what_benchmark_sets_write() -> None:
    """Several facts a line, spaces inside, '%' comments, capitals, and attacks before their arguments."""
    text = (
        "% a comment\n% and another\n\n  % indented\n"
        'arg(a1). arg( B ).\natt(a1 , B). att(B,a1).  % both ways\n\narg("x y").att("x y",a1).'
    )
    framework = apx.loads(text)
    assert framework.arguments == ("a1", "B", "x y")
    assert framework.attacks == (("a1", "B"), ("B", "a1"), ("x y", "a1"))
    assert apx.loads("att(a,b).\narg(a).\narg(b).\n").attacks == (("a", "b"),)


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("arg(a).\narg(b)\n", 2, 1, "expected arg"),
        ("arg(a).\natt(a, c).\n", 2, 5, "'c', which no arg fact declares"),
        ("arg(a).\n  arg(a).\n", 2, 7, "'a' is declared twice"),
        ("arg(a). attack(a,a).", 1, 9, "expected arg"),
    ],
)
def test_malformed_apx_names_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """A mistake in an ASPARTIX file is a FormatError naming its line and column."""
    with pytest.raises(FormatError, match=message) as caught:
        apx.loads(text, path="g.apx")
    assert (caught.value.line, caught.value.column) == (line, column)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("p af 2\n1 2\n", "af"),
        ("# made by hand\np af 2\n", "af"),
        ("% ASPARTIX\n\narg(a).\n", "apx"),
        ("att(a,b).", "apx"),
        ("a\nb\n#\na b\n", "tgf"),
        ("#\n", "tgf"),
        ("hello\nworld\n", None),
        ("", None),
    ],
)
def test_sniff_tells_the_format_by_content(text: str, format: str | None) -> None:
    """The first words tell the format: 'p af', an arg/att fact, or a '#' line between names and attacks."""
    assert sniff(text) == format


def test_files_whose_name_says_nothing_are_sniffed(tmp_path: Path) -> None:
    """A .dl file (ASPARTIX's other ending) or a file with no ending is read by what it holds."""
    framework = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    written = tmp_path / "nixon.dl"
    written.write_text(apx.dumps(framework), encoding="utf-8")
    assert load(written) == framework
    bare = tmp_path / "instance"
    bare.write_text(af.dumps(Framework(["1", "2"], [("1", "2")])), encoding="utf-8")
    assert load(bare).attacks == (("1", "2"),)
    assert load(dump(framework, tmp_path / "x.apx")) == framework
    unknown = tmp_path / "notes.txt"
    unknown.write_text("nothing to see\n", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot tell the framework's format"):
        load(unknown)


def test_aspartix_files_of_the_corpus_read() -> None:
    """The AFGen and probo samples (.apx) and ArgSemSAT's test inputs (.dl) read, and agree with their TGF twins."""
    for folder, name, prefix in (("AFGen-samples/APX", "n100p3q34ve", "a"), ("probo-examples", "ex1", "")):
        framework = load(corpus_file("external", "iccma", "DL-abstract-argumentation", folder, name + ".apx"))
        tgf_folder = folder.replace("APX", "TGF")
        twin = load(corpus_file("external", "iccma", "DL-abstract-argumentation", tgf_folder, name + ".tgf"))
        assert set(framework.arguments) == {prefix + argument for argument in twin.arguments}  # AFGen's apx says a1
        assert set(framework.attacks) == {(prefix + a, prefix + t) for a, t in twin.attacks}
    nixon = load(corpus_file("external", "iccma", "Solvers-for-ICCMA-2025", "test-input", "nixon.dl"))
    assert nixon.attacks == (("a1", "a2"), ("a2", "a1"))


def test_a_huge_af_header_is_refused_before_memory_is_taken() -> None:
    """`p af 10000000000` (17 bytes) is refused at once, naming the limit, instead of filling memory."""
    with pytest.raises(FormatError, match=r"declares more arguments than the 10,000,000 argmap reads") as caught:
        af.loads("p af 10000000000\n", path="g.af")
    assert (caught.value.line, caught.value.column) == (1, 6)


@pytest.mark.parametrize(
    "text", ["p af " + "9" * 5000 + "\n", "p af 2\n1 " + "2" * 5000 + "\n", "p af 2\n" + "1" * 5000 + " 2\n"]
)
def test_numbers_too_long_for_python_in_af_files_are_one_clear_error(text: str) -> None:
    """Header or attack numbers of 5,000 digits give a FormatError with a line, not a ValueError traceback."""
    with pytest.raises(FormatError) as caught:
        af.loads(text, path="g.af")
    assert caught.value.line in (1, 2)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_end_reads_the_same(end: str) -> None:
    """TGF and .af files with CR-only (old Mac), CRLF or LF line ends give the same framework."""
    assert tgf.loads(end.join(["a", "b", "c", "#", "a b", "b c", ""])) == Framework(
        ["a", "b", "c"], [("a", "b"), ("b", "c")]
    )
    assert af.loads(end.join(["p af 3", "# note", "1 2", "2 3", ""])) == Framework(
        ["1", "2", "3"], [("1", "2"), ("2", "3")]
    )
