"""Evaluation in the renderings: the diagram colours claims by status, the outline writes each verdict."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from typer.testing import CliRunner

from argmap import ArgumentMap, evaluate, load, outline
from argmap.cli import EXIT_OK, app
from argmap.render import to_dot
from argmap.render.outline import outline_lines
from argmap.render.status import STATUS_MARKS, STATUS_STYLES, by_status, status_legend, status_line
from tests.conftest import ROOT
from tests.strategies import maps

README = ROOT / "examples" / "readme.py"
runner = CliRunner()


def test_the_diagram_badges_each_claim_with_its_status_and_the_legend_says_what_they_mean() -> None:
    """The README map: the Times' claim stands, the doubted claim and its doubter are undecided."""
    amap = load(README)
    evaluation = evaluate(amap)
    dot = to_dot(amap, by_status(evaluation))
    assert dot.count("✓ accepted") == 2 + 1  # two claims, and the legend's sample
    assert dot.count("○ undecided") == 2 + 1
    assert 'It falls: an attack on it stands.<BR ALIGN="LEFT"/>(grounded semantics)' in dot
    assert next(label for label, _ in status_legend(evaluate(amap, "preferred"))).endswith("(preferred semantics)")


def test_status_styles_never_rely_on_colour_alone() -> None:
    """Each status has its own border style and badge as well as its colours."""
    assert len({style.border_style for style in STATUS_STYLES.values()}) == 3
    assert len({style.badge for style in STATUS_STYLES.values()}) == 3


def test_the_outline_writes_each_verdict_with_its_reason() -> None:
    """Under each claim the outline says whether it stands and why, in Unicode or ASCII marks."""
    amap = load(README)
    evaluation = evaluate(amap)
    text = outline(amap, status=status_line(evaluation))
    assert "○ undecided: doubted by [pk-tells-us-it-must-sharply], neither upheld nor dismissed" in text
    assert "✓ accepted" in text
    ascii = outline(amap, style="ascii", status=status_line(evaluation, ascii=True))
    assert "[ ] undecided:" in ascii
    assert "○" not in ascii


@given(maps())
def test_every_claim_written_gets_exactly_one_verdict_line(amap: ArgumentMap) -> None:
    """With the hook, the outline carries one status line for each claim, none for references."""
    evaluation = evaluate(amap)
    lines = outline_lines(amap, width=10_000, status=status_line(evaluation))
    said = [line for line in lines if any(role == "status" for role, _ in line.content)]
    assert len(said) == len(amap.claims)
    marks = tuple(mark for mark, _ in STATUS_MARKS.values())
    assert all(
        "".join(text for _, text in line.content).lstrip("\u2066\u2067\u2068").startswith(marks) for line in said
    )


def test_the_commands_take_evaluate(tmp_path: Path) -> None:
    """Argmap render --evaluate badges the DOT; argmap outline --evaluate writes verdicts."""
    out = tmp_path / "readme.dot"
    result = runner.invoke(app, ["render", str(README), "-f", "dot", "-o", str(out), "--evaluate"])
    assert result.exit_code == EXIT_OK, result.output
    assert "accepted" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["outline", str(README), "--evaluate", "--semantics", "preferred"])
    assert result.exit_code == EXIT_OK, result.output
    assert "undecided" in result.stdout
