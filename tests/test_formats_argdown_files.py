"""Hand-written Argdown, one file per construct of argdown.org's syntax: file -> argmap -> file (issue 15).

A file comes back as the same file up to whitespace and the order of
definitions within a section, as :func:`normalised` compares them; where
argmap writes a construct otherwise, the file ``name.written`` beside it
holds exactly what comes back, and docs/formats.md lists each such change.
Statement, argument and relation counts equal what the real `argdown json`
reports for each file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.formats import argdown
from tests.test_formats_argdown import argdown_json, counts, map_counts, needs_argdown

FOLDER = Path(__file__).resolve().parent / "argdown_syntax"
FILES = sorted(FOLDER.glob("*.argdown"))
# What each file whose construct argmap writes otherwise shows; docs/formats.md says the same.
CHANGED = {
    "formatting": "bold and italic markers, comments, quotes YAML does not need, and a repeated reference go",
    "incoming": "relations under their target (+ - <+ <-) are written from their origin (+> ->), and a statement"
    " defined in a relation gets a paragraph of its own",
    "multi_step": "a reconstruction with two inferences comes back as two, the first 'X - 1' as Argdown names it",
    "levels": "a heading's level is its depth under the headings above it: '##' first is '#', '####' under it '##'",
}


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
    """Argdown -> argmap -> Argdown gives the file, whitespace and order aside, or exactly its stated change."""
    written = argdown.dumps(argdown.load(path))
    changed = path.with_suffix(".written")
    expected = changed if changed.exists() else path
    assert normalised(written) == normalised(expected.read_text(encoding="utf-8"))
    assert changed.exists() == (path.stem in CHANGED)
    assert argdown.dumps(argdown.loads(written)) == written  # what comes back, comes back again unchanged


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
    for text, exported in zip(texts, argdown_json(tmp_path, *texts), strict=True):
        assert map_counts(argdown.loads(text), exported) == counts(exported), text
