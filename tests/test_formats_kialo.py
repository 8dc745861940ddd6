"""Kialo: hand-written and generated exports load as pros and cons, bad lines are named, and writing reads back."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap import ArgumentMap, FormatError, Rebuttal, Support
from argmap.cli import EXIT_INPUT, EXIT_OK, app
from argmap.formats import kialo, sniff
from argmap.model import endpoints
from benchmarks.generate import kialo as generated_kialo
from tests.strategies import texts

runner = CliRunner()

HAND_WRITTEN = """\
Discussion Title: Should cities ban cars?

1. Cities should ban cars.
1.1. Pro: Cars pollute the air \\(see [the WHO report](https://who.int/air) and \\[1\\]\\).
Cities breathe again without them.
1.1.1. Con: Electric cars do not pollute where they drive.
1.1.1.1. Pro: -> See 1.3.
1.2. Con: -> See 1.1.1.
1.3. Pro: Städte gehören den Menschen 🚲 — المدن للناس.
"""


def triples(amap: ArgumentMap) -> Counter[tuple[str, str, str]]:
    """Return each relation as (kind, its origin's text, its target's text), counted."""
    found: Counter[tuple[str, str, str]] = Counter()
    for relation in amap.relations:
        (origin,), target = endpoints(relation)
        kind = "pro" if isinstance(relation, Support) else "con"
        found[kind, amap.claim_for(origin).text, amap.claim_for(target).text] += 1
    return found


def test_a_hand_written_export_loads_as_supports_and_rebuttals() -> None:
    """Pros are supports, cons rebuttals, -> See a second relation; multi-line text, escapes, links and unicode kept."""
    amap = kialo.loads(HAND_WRITTEN)
    assert amap.title == "Should cities ban cars?"
    thesis, polluting, electric, people = amap.claims
    assert thesis.text == "Cities should ban cars."
    assert polluting.text == ("Cars pollute the air (see the WHO report and [1]).\nCities breathe again without them.")
    assert polluting.note == "Links: https://who.int/air"
    assert people.text == "Städte gehören den Menschen 🚲 — المدن للناس."
    assert triples(amap) == Counter(
        {
            ("pro", polluting.text, thesis.text): 1,
            ("con", electric.text, polluting.text): 1,
            ("pro", people.text, electric.text): 1,  # seen before the line that writes it in full
            ("con", electric.text, thesis.text): 1,
            ("pro", people.text, thesis.text): 1,
        }
    )
    assert [claim.id for claim in amap.main_conclusions()] == [thesis.id]
    assert isinstance(amap.relations[1], Rebuttal)


def test_the_export_is_found_by_its_name_or_its_first_line(tmp_path: Path) -> None:
    """A .kialo.txt file, a plain .txt file that begins as an export, and standard input all load as Kialo."""
    named = tmp_path / "debate.kialo.txt"
    named.write_text(HAND_WRITTEN, encoding="utf-8")
    plain = tmp_path / "debate.txt"
    plain.write_text(HAND_WRITTEN, encoding="utf-8")
    assert argmap.load(named) == argmap.load(plain) == kialo.loads(HAND_WRITTEN)
    assert sniff(HAND_WRITTEN) == "kialo"
    notes = tmp_path / "notes.txt"
    notes.write_text("not a map", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot tell the format from the file name"):
        argmap.load(notes)


def test_convert_reads_kialo_and_every_command_reads_it(tmp_path: Path) -> None:
    """`argmap convert debate.txt -o debate.json --from kialo` writes native JSON; outline and check read it too."""
    source = tmp_path / "debate.txt"
    source.write_text(HAND_WRITTEN, encoding="utf-8")
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "debate.json"), "--from", "kialo"])
    assert result.exit_code == EXIT_OK, result.output
    assert argmap.load(tmp_path / "debate.json") == kialo.loads(HAND_WRITTEN)
    result = runner.invoke(app, ["outline", str(source)])
    assert result.exit_code == EXIT_OK, result.output
    assert "Cities should ban cars." in result.stdout
    result = runner.invoke(app, ["check", str(source)])
    assert result.exit_code == EXIT_OK, result.output
    result = runner.invoke(app, ["convert", "-", "-o", str(tmp_path / "stdin.json")], input=HAND_WRITTEN)
    assert result.exit_code == EXIT_OK, result.output


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("", 1, 1, "a Kialo export starts with the line 'Discussion Title:'"),
        ("1. Cities should ban cars.\n", 1, 1, "starts with the line 'Discussion Title:'"),
        ("Discussion Title: T\n\n", 3, 1, "holds at least its thesis"),
        ("Discussion Title: T\n\nA stray line.\n1. Thesis.\n", 3, 1, "the thesis, numbered '1. ', comes before"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1.1. Pro: Too deep.\n", 4, 1, "comes before 1.1., the claim it answers"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A.\n1.1. Con: B.\n", 5, 1, "the number 1.1. is used twice"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: \n", 4, 11, "the claim numbered 1.1. has no text"),
        ("Discussion Title: T\n\n1. Thesis.\n1.2 Pro: No dot.\n", 4, 1, "ends each part with a dot and a space"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1.Pro: No space.\n", 4, 1, "ends each part with a dot and a space"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Con: -> See 1.9.\n", 4, 18, "'-> See 1.9.' names no claim"),
        ("Discussion Title: T\n\n1. Pro: Thesis.\n", 3, 4, "the thesis, numbered '1.', is neither a pro nor a con"),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A.\n1.2. Pro: -> See 1.1.\n",
            5,
            11,
            "1.1. and 1.2. are one claim, a pro of 1. twice",
        ),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A.\n1.2. Con: -> See 1.1.\n1.3. Con: -> See 1.1.\n",
            6,
            11,
            "1.2. and 1.3. are one claim, a con of 1. twice",
        ),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: -> See 1.\n", 4, 11, "1.1. answers itself"),
    ],
)
def test_a_malformed_line_is_named_by_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Each malformed export fails with a FormatError naming the file, the line and the column."""
    with pytest.raises(FormatError, match=message.replace("(", r"\(").replace(".", r"\.")) as raised:
        kialo.loads(text, path="debate.txt")
    assert (raised.value.path, raised.value.line, raised.value.column) == ("debate.txt", line, column)
    assert str(raised.value).startswith(f"debate.txt:{line}:{column}: ")


def test_the_cli_reports_a_bad_line_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    """A malformed export is exit 2, one line file:line:column on stderr, and no output file."""
    source = tmp_path / "bad.txt"
    source.write_text("Discussion Title: T\n\n1. Thesis.\n1.1.1. Pro: Too deep.\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out.json"), "--from", "kialo"])
    assert result.exit_code == EXIT_INPUT
    (said,) = result.stderr.strip().splitlines()
    assert said.endswith(f" {source}:4:1: the claim numbered 1.1.1. comes before 1.1., the claim it answers")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.txt"]


def test_a_generated_20000_claim_discussion_loads_whole() -> None:
    """benchmarks/generate.py's export of 20,000 claims loads every claim, a relation per line, and reads back."""
    text = generated_kialo(20_000)
    lines = [line for line in text.split("\n") if line.startswith("1.")]
    amap = kialo.loads(text)
    assert len(amap.claims) == 20_000
    assert len(amap.relations) == len(lines) - 1  # every line but the thesis answers the line above it
    assert sum(1 for line in lines if "-> See " in line) == len(lines) - 20_000
    assert len(amap.main_conclusions()) == 1
    assert any("\n" in claim.text for claim in amap.claims)
    assert any("(see report " in claim.text and claim.note for claim in amap.claims)  # links, escapes undone
    assert kialo.dumps(kialo.loads(kialo.dumps(amap))) == kialo.dumps(amap)


_LINE_TEXTS = texts.filter(
    lambda text: (
        text == text.strip()
        and not any(line.endswith("\r") for line in text.split("\n"))
        and not text.startswith("-> See")
        and not any(line.startswith("1.") for line in text.split("\n")[1:])
    )
)


@st.composite
def debates(draw: st.DrawFn) -> ArgumentMap:
    """Return a map Kialo can hold: a tree of pros and cons under one thesis, and claims answering a second claim."""
    count = draw(st.integers(min_value=1, max_value=10))
    amap = ArgumentMap(title=draw(st.none() | _LINE_TEXTS.filter(lambda text: "\n" not in text)))
    claims = [amap.claim(draw(_LINE_TEXTS)) for _ in range(count)]
    answered = set()
    for number in range(1, count):
        parent = draw(st.integers(min_value=0, max_value=number - 1))
        answered.add((number, parent))
        pro = draw(st.booleans())
        (amap.support if pro else amap.rebut)(claims[number], claims[parent])
    if count > 2:
        for number, under in draw(st.lists(st.tuples(st.integers(1, count - 1), st.integers(0, count - 1)))):
            if number != under and (number, under) not in answered:
                answered.add((number, under))
                (amap.support if draw(st.booleans()) else amap.rebut)(claims[number], claims[under])
    return amap


@given(debates())
def test_a_written_debate_reads_back_with_the_same_pros_and_cons(amap: ArgumentMap) -> None:
    """Writing then reading keeps every claim's text and every pro and con; writing again gives the same text."""
    text = kialo.dumps(amap)
    back = kialo.loads(text)
    assert sorted(claim.text for claim in back.claims) == sorted(claim.text for claim in amap.claims)
    assert triples(back) == triples(amap)
    assert back.title == (" ".join((amap.title or amap.claims[0].text).split()) or None)
    assert kialo.dumps(back) == text


def test_what_kialo_cannot_hold_is_refused_when_written() -> None:
    """Linked supports, undercuts, skeptical responses and claims leading to no thesis are refused in one line."""
    amap = ArgumentMap()
    conclusion = amap.claim("The conclusion.")
    support = amap.support(["One premise.", "Another premise."], conclusion)
    with pytest.raises(FormatError, match="only pros and cons of one claim each"):
        kialo.dumps(amap)
    other = ArgumentMap()
    other.undercut("An exception.", other.support("A premise.", "A conclusion."))
    with pytest.raises(FormatError, match="only pros and cons"):
        kialo.dumps(other)
    with pytest.raises(FormatError, match="needs a thesis"):
        kialo.dumps(ArgumentMap())
    assert support.premises
