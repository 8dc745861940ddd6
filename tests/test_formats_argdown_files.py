"""Hand-written Argdown, one file per construct of argdown.org's syntax: file -> argmap -> file (issue 15).

Each file comes back as the same file up to whitespace and the order of
definitions within a section, as :func:`normalised` compares them: the map
read keeps a record of the file's layout (comments, emphasis, relations under
their target, a multi-step reconstruction, heading levels, front matter and
data argmap has no field for), which the writer follows where the map still
says what the file said. Statement, argument and relation counts equal what
the real `argdown json` reports for each file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import ArgumentMap, Claim, Support, Undercut
from argmap.cli import EXIT_OK, app
from argmap.formats import argdown
from tests.argdown_reference import from_argdown, from_map
from tests.test_formats_argdown import argdown_json, counts, map_counts, needs_argdown

FOLDER = Path(__file__).resolve().parent / "argdown_syntax"
FILES = sorted(FOLDER.glob("*.argdown"))


def normalised(text: str) -> list[tuple[str | None, list[str]]]:
    """Return *text* as sections in order, each its heading and its paragraphs sorted, every run of spaces one space.

    Only whitespace and the order of paragraphs under one heading are left
    out: every character else, and which heading each paragraph stands
    under, counts.
    """
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for paragraph in re.split(r"\n[ \t]*\n", text):
        words = " ".join(paragraph.split())
        if words.startswith("#"):
            sections.append((words, []))
        elif words:
            sections[-1][1].append(words)
    return [(heading, sorted(paragraphs)) for heading, paragraphs in sections if heading or paragraphs]


def test_the_normaliser_ignores_only_whitespace_and_order() -> None:
    """Spaces, line breaks and the order of paragraphs are ignored; a word, a bracket or a heading's place is not."""
    text = "# H\n\n[a]: A.\n  +> [b]\n\n[b]: B.\n"
    assert normalised(text) == normalised("# H\n\n[b]:   B.\n\n\n[a]: A. +> [b]")
    assert normalised(text) != normalised("# H\n\n[a]: A.\n  -> [b]\n\n[b]: B.\n")
    assert normalised(text) != normalised("[a]: A.\n  +> [b]\n\n# H\n\n[b]: B.\n")
    assert normalised(text) != normalised("## H\n\n[a]: A.\n  +> [b]\n\n[b]: B.\n")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_file_comes_back_as_written(path: Path) -> None:
    """Argdown -> argmap -> Argdown gives the file, whitespace and order aside; the default way keeps the map."""
    amap = argdown.load(path)
    written = argdown.dumps(amap)
    assert normalised(written) == normalised(path.read_text(encoding="utf-8"))
    assert argdown.dumps(argdown.loads(written)) == written  # what comes back, comes back again unchanged
    amap.file_layout = None  # as a map from JSON or Python: written the default way, it reads back the same
    assert argdown.loads(argdown.dumps(amap)) == argdown.load(path)


def test_convert_writes_each_file_back_as_it_was_written(tmp_path: Path) -> None:
    """`argmap convert hand.argdown -o back.argdown` gives the hand-written file back, comments and emphasis too."""
    for path in FILES:
        out = tmp_path / path.name
        result = CliRunner().invoke(app, ["convert", str(path), "-o", str(out)])
        assert result.exit_code == EXIT_OK, result.output
        assert out.read_text(encoding="utf-8").split() == path.read_text(encoding="utf-8").split()


def test_a_map_edited_since_keeps_the_paragraphs_it_still_says() -> None:
    """A claim added to a map read from Argdown is written after the file's paragraphs, each kept as written."""
    text = (FOLDER / "incoming.argdown").read_text(encoding="utf-8")
    amap = argdown.loads(text)
    amap.support("Buses are faster.", "A", new=True)
    written = argdown.dumps(amap)
    assert written.startswith(text.rstrip("\n"))
    assert argdown.loads(written) == amap


def test_a_paragraph_the_map_no_longer_says_is_written_the_default_way() -> None:
    """Removing a claim leaves the paragraphs that do not name it; the map read back is the map edited."""
    amap = argdown.load(FOLDER / "formatting.argdown")
    amap.remove("Fumes", cascade=True)
    written = argdown.dumps(amap)
    assert "**stay**" in written
    assert "Fumes" not in written
    assert argdown.loads(written) == amap


def test_the_files_cover_what_issue_15_names() -> None:
    """Data of a claim and of an argument, an argument's description and tags, and headings below the first level."""
    amap = argdown.load(FOLDER / "statements.argdown")
    assert amap["Fumes"].data == {"credence": 0.7, "checked": True}  # type: ignore[union-attr]
    assert amap["Fares"].data == {"source": "TfL report", "pages": [3, 4], "about": {"by": "Ana"}}  # type: ignore[union-attr]
    stockholm = argdown.load(FOLDER / "arguments.argdown")["Stockholm"]
    assert (stockholm.text, stockholm.tags, stockholm.data) == (  # type: ignore[union-attr]
        "By analogy with Stockholm.",
        ("analogy",),
        {"strength": 2},
    )
    sections = {claim.id: claim.section for claim in argdown.load(FOLDER / "headings.argdown").claims}
    assert sections == {
        "Charge": "Main question",
        "Speed": "Main question > Benefits",
        "Kmh": "Main question > Benefits > Speed in numbers",
        "Shops": "Main question > Costs",
    }


@needs_argdown
def test_the_counts_equal_what_argdown_json_reports(tmp_path: Path) -> None:
    """For each file, and for what argmap writes of it, statements, arguments and relations match `argdown json`."""
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    texts += [argdown.dumps(argdown.load(path)) for path in FILES]
    texts += [argdown.dumps(_without_layout(argdown.load(path))) for path in FILES]
    for text, exported in zip(texts, argdown_json(tmp_path, *texts), strict=True):
        assert map_counts(argdown.loads(text), exported) == counts(exported), text


@st.composite
def laid_out_documents(draw: st.DrawFn) -> str:
    """Draw an Argdown document laid out as people lay it out, in the ways the default writer would not.

    Comments, headings at skipped levels, bold and italic, quoted YAML,
    relations under their target defining statements inline (``+ [B]: ...``,
    ``<- <C>: ...``), front matter argmap has no field for, and a multi-step
    reconstruction.
    """
    word = st.sampled_from(["traffic", "fares", "**shops**", "_rush-hour_", "London", "9 km/h", "a fifth"])
    sentence = st.lists(word, min_size=1, max_size=4).map(lambda words: " ".join(words).capitalize() + ".")
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["===", "title: Congestion", "model:", "    mode: strict", "===", ""]
    statements: list[str] = []
    names = iter(range(1000))
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            lines += [f"{'#' * draw(st.integers(1, 4))} Part {next(names)} {{isGroup: true}}", ""]
        if draw(st.booleans()):
            lines += [f"// {draw(sentence)}", ""]
        title = f"S{next(names)}"
        data = draw(st.sampled_from(["", ' {source: "TfL report"}', " {y: 1}"]))
        lines.append(f"[{title}]: {draw(sentence)}{data}")
        for _ in range(draw(st.integers(0, 2))):
            token = draw(st.sampled_from(["+", "-", "<+", "<-"]))
            opening, closing = draw(st.sampled_from([("[", "]"), ("<", ">")]))
            other = f"{opening}T{next(names)}{closing}"
            comment = draw(st.sampled_from(["", " /* later */"]))
            lines.append(f"  {token} {other}: {draw(sentence)}{comment}")
            if opening == "[":
                statements.append(other)
        lines.append("")
        statements.append(f"[{title}]")
    if draw(st.booleans()):
        lines += ["<Steps>", ""]
        premises = draw(st.lists(st.sampled_from(statements), min_size=1, max_size=2, unique=True))
        lines += [f"({number}) {premise}" for number, premise in enumerate(premises, 1)]
        lines += ["-- modus ponens --", f"({len(premises) + 1}) [Step]: {draw(sentence)}"]
        lines += [f"({len(premises) + 2}) [More]: {draw(sentence)}", "----", f"({len(premises) + 3}) [End]: Done."]
        lines.append("")
    return "\n".join(lines)


@given(laid_out_documents())
def test_laid_out_documents_come_back_as_written(text: str) -> None:
    """Argdown -> argmap -> Argdown gives the document back, whitespace aside, for every layout drawn."""
    written = argdown.dumps(argdown.loads(text))
    assert written.split() == text.split()
    assert normalised(written) == normalised(text)


@given(laid_out_documents(), st.data())
def test_an_edited_map_reads_back_as_edited(text: str, data: st.DataObject) -> None:
    """After an edit (a claim added, removed or given new text) the map written reads back exactly as edited.

    Paragraphs that still say the same are kept as written: an added claim
    leaves every one of them.
    """
    amap = argdown.loads(text)
    claim = data.draw(st.sampled_from(amap.claims))
    edit = data.draw(st.sampled_from(["add", "remove", "replace"]))
    if edit == "add":
        amap.support("A brand new reason.", claim.id, new=True)
    elif edit == "remove":
        amap.remove(claim.id, cascade=True)
    else:
        amap.replace(claim.id, text="A text written since.")
    written = argdown.dumps(amap)
    assert argdown.loads(written) == amap
    if edit == "add":
        assert written.startswith(text.rstrip("\n"))


def _without_layout(amap: ArgumentMap) -> ArgumentMap:
    amap.file_layout = None
    return amap


def test_a_multi_step_argument_is_written_as_one_the_default_way() -> None:
    """Without the file's layout too, steps 'X - 1' and 'X' chained by a conclusion come back as one argument."""
    path = FOLDER / "multi_step.argdown"
    written = argdown.dumps(_without_layout(argdown.load(path)))
    assert normalised(written) == normalised(path.read_text(encoding="utf-8"))


@st.composite
def multi_step_maps(draw: st.DrawFn) -> ArgumentMap:
    """Draw a map holding a multi-step argument: supports 'X - 1', ..., 'X', each from the conclusion before it.

    Its claims come in any order, some steps labelled, perhaps an undercut of
    the argument and a claim supporting one of its premises.
    """
    title = draw(st.sampled_from(["Two steps", "X", "Argument 1"]))
    steps: list[tuple[list[str], str]] = []
    names = iter(f"c{number}" for number in range(100))
    conclusion: str | None = None
    for _ in range(draw(st.integers(2, 4))):
        fresh = [next(names) for _ in range(draw(st.integers(0 if conclusion else 1, 2)))]
        premises = ([conclusion] if conclusion else []) + fresh
        if not premises:
            premises = [next(names)]
        conclusion = next(names)
        steps.append((premises, conclusion))
    ids = list(dict.fromkeys(id for premises, conclusion in steps for id in (*premises, conclusion)))
    amap = ArgumentMap()
    for id in draw(st.permutations(ids)):
        amap.add(Claim(f"Claim {id}.", id=id))
    for number, (premises, conclusion) in enumerate(steps, 1):
        label = draw(st.sampled_from([None, "modus ponens", "by analogy"]))
        id = title if number == len(steps) else f"{title} - {number}"
        amap.add(Support(premises, conclusion, label=label, id=id))
    if draw(st.booleans()):
        amap.add(Claim("Not so.", id="doubt"))
        amap.add(Undercut("doubt", title))
    if draw(st.booleans()):
        amap.add(Claim("Because.", id="because"))
        amap.support("because", draw(st.sampled_from(ids)))
    return amap


@given(multi_step_maps())
def test_multi_step_maps_come_back_exactly_as_one_argument(amap: ArgumentMap) -> None:
    """A map -> Argdown -> map is exact for a multi-step argument, written as one reconstruction."""
    written = argdown.dumps(amap)
    assert argdown.loads(written) == amap
    last = next(s for s in amap.supports if s.id in ("Two steps", "X", "Argument 1"))
    assert f"<{last.id} - 1>" not in written
    assert f"\n<{last.id}>\n" in written


@needs_argdown
def test_the_real_parser_reads_a_multi_step_argument_argmap_writes(tmp_path: Path) -> None:
    """`argdown json` reads the steps argmap wrote as one argument: the same inferences and relations."""
    amap = argdown.load(FOLDER / "multi_step.argdown")
    amap.add(Claim("Not so.", id="doubt"))
    amap.add(Undercut("doubt", "Two steps"))
    written = argdown.dumps(_without_layout(amap))
    (exported,) = argdown_json(tmp_path, written)
    assert list(exported["arguments"]) == ["Two steps"]
    assert from_argdown(exported) == from_map(argdown.loads(written), exported)


def test_a_conclusions_uses_list_stays_its_data_when_written_the_default_way() -> None:
    """`(6) C {uses: [3, 5]}` picks the premises on reading; written back otherwise numbered, it names none.

    Found by editing the corpus's multi-step arguments: the claim kept
    `uses` as its data and the default writer wrote it where the numbers
    meant other statements.
    """
    text = "<A>\n\n(1) [a]: A.\n(2) [b]: B.\n----\n(3) [c]: C.\n(4) [d]: D.\n----\n(5) [e]: E. {uses: [1, 4]}\n"
    amap = argdown.loads(text)
    assert amap["A"] == Support(["a", "d"], "e", id="A")
    assert amap.claim_for("e").data == {"uses": [1, 4]}
    assert argdown.loads(argdown.dumps(_without_layout(amap))) == amap
