"""Evaluation in the renderings: the diagram colours claims by status, the outline writes each verdict."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from typer.testing import CliRunner

from argmap import ArgumentMap, evaluate, load, outline
from argmap.cli import EXIT_OK, app
from argmap.render import DotOptions, to_dot
from argmap.render.grammar import PALETTE
from argmap.render.outline import outline_lines
from argmap.render.status import (
    STATUS_MARKS,
    STATUS_STYLES,
    by_status,
    relation_mark,
    status_legend,
    status_line,
)
from tests.conftest import ROOT
from tests.strategies import maps

README = ROOT / "examples" / "readme.py"
runner = CliRunner()


def test_the_diagram_badges_each_claim_with_its_status_and_the_legend_says_what_they_mean() -> None:
    """The README map: the Times' claim stands, the claim answered and its skeptic are undecided; none falls."""
    amap = load(README)
    evaluation = evaluate(amap)
    dot = to_dot(amap, by_status(evaluation, claims=[claim.id for claim in amap.claims]))
    assert dot.count("✓ accepted") == 2 + 1  # two claims, and the legend's sample
    assert dot.count("○ undecided") == 2 + 1
    assert "✗ rejected" not in dot  # the legend lists only the statuses the claims have, in one row
    assert "left open (grounded semantics)" in dot
    assert next(label for label, _ in status_legend(evaluate(amap, "preferred"))).startswith("stands")
    assert status_legend(evaluate(amap, "preferred"))[-1][0].endswith("(preferred semantics)")
    assert len(status_legend(evaluation)) == 3  # without the claims drawn: every status


def test_under_statuses_the_legends_main_conclusion_keeps_its_border_not_the_tint_the_statuses_replace() -> None:
    """Main conclusions take their status's fill under --evaluate: the legend's sample is plain, with the border."""
    amap = load(README)
    plain, evaluated = to_dot(amap), to_dot(amap, by_status(evaluate(amap), claims=[c.id for c in amap.claims]))
    sample = re.compile(r'<TD BORDER="2"[^>]*BGCOLOR="([^"]+)"[^>]*><B>main conclusion</B>')
    tinted, untinted = sample.search(plain), sample.search(evaluated)
    assert tinted is not None
    assert untinted is not None
    assert tinted.group(1) == PALETTE["conclusion"]
    assert untinted.group(1) == PALETTE["fill"]


def test_a_relation_that_falls_is_dotted_and_marked_and_one_left_open_dashed() -> None:
    """Under evaluation an undercut support falls: its line is dotted, marked ✗ and classed; the legend says so."""
    amap = ArgumentMap()
    conclusion = amap.claim("The depot goes on Mill Street.", id="depot")
    support = amap.support(amap.claim("The town owns the site.", id="owns"), conclusion, id="owned")
    amap.undercut(amap.claim("Owning it saves no time.", id="no-time"), support, id="cut")
    kept = amap.support(amap.claim("It brings jobs.", id="jobs"), conclusion, id="kept")
    amap.skeptical_response(amap.claim("Which jobs?", id="which"), kept, id="which-jobs")
    evaluation = evaluate(amap)
    assert evaluation.status("owned") == "rejected"
    dot = to_dot(amap, by_status(evaluation, DotOptions(direction="BT")))
    (fallen,) = [line for line in dot.splitlines() if '-> "depot"' in line and "rejected" in line]
    assert "style=dotted" in fallen
    assert "headlabel=<<B>✗</B>>" in fallen
    assert 'class="support rejected"' in fallen
    (standing,) = [line for line in dot.splitlines() if line.startswith('\t"no-time" ->')]
    assert "style=dotted" not in standing
    assert 'class="undercut accepted"' in standing
    assert "relation falls" in dot
    assert "relation left open" in dot  # the support answered skeptically is undecided
    plain = to_dot(amap, DotOptions(direction="BT"))
    assert "headlabel" not in plain
    assert "relation falls" not in plain


def test_status_styles_never_rely_on_colour_alone() -> None:
    """Each status has its own border style and badge as well as its colours."""
    assert len({style.border_style for style in STATUS_STYLES.values()}) == 3
    assert len({style.badge for style in STATUS_STYLES.values()}) == 3


def test_the_outline_writes_each_verdict_with_its_reason() -> None:
    """Under each claim the outline says whether it stands and why, in Unicode or ASCII marks."""
    amap = load(README)
    evaluation = evaluate(amap)
    text = outline(amap, status=status_line(evaluation))
    said = " ".join(text.split())  # the reason may wrap
    assert "○ undecided: answered skeptically by [pk-tells-us-it-must-sharply], neither upheld nor dismissed" in said
    assert "✓ accepted" in text
    ascii = outline(amap, style="ascii", status=status_line(evaluation, ascii=True))
    assert "[ ] undecided:" in ascii
    assert "○" not in ascii


def test_the_outline_marks_a_relation_that_falls_beside_its_marker() -> None:
    """An undercut support reads "+ (✗ rejected)"; one that stands has no mark; ASCII writes [x]."""
    amap = ArgumentMap()
    conclusion = amap.claim("The depot goes on Mill Street.", id="depot")
    support = amap.support(amap.claim("The town owns the site.", id="owns"), conclusion, label="cost")
    amap.undercut(amap.claim("Owning it saves no time.", id="no-time"), support)
    evaluation = evaluate(amap)
    text = outline(amap, status=status_line(evaluation), marks=relation_mark(evaluation))
    assert "+ (cost, ✗ rejected) The town owns the site." in text
    assert "~ Owning it saves no time." in text  # the undercut stands: no mark
    ascii = outline(amap, style="ascii", marks=relation_mark(evaluation, ascii=True))
    assert "+ (cost, [x] rejected)" in ascii


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


def _three_statuses() -> ArgumentMap:
    """Return a map whose claims and relations take every status: one stands, one falls, one is left open."""
    amap = ArgumentMap()
    conclusion = amap.claim("The depot goes on Mill Street.", id="depot")
    support = amap.support(amap.claim("The town owns the site.", id="owns"), conclusion, id="owned")
    amap.undercut(amap.claim("Owning it saves no time.", id="no-time"), support, id="cut")
    amap.rebut(amap.claim("The site floods.", id="floods"), "owns", id="flood")
    kept = amap.support(amap.claim("It brings jobs.", id="jobs"), conclusion, id="kept")
    amap.skeptical_response(amap.claim("Which jobs?", id="which"), kept, id="which-jobs")
    return amap


def test_every_rendering_shows_each_status_as_the_one_table_says() -> None:
    """Every rendering (diagram, outline, page, notebook) takes marks, words and colours from the one table."""
    from argmap.evaluate import STATUSES
    from argmap.render.html import HtmlOptions, to_html
    from tests.test_render_html import Page, stub_svg

    amap = _three_statuses()
    evaluation = evaluate(amap)
    assert {verdict.status for verdict in evaluation.verdicts.values()} == set(STATUSES)
    dot = to_dot(amap, by_status(evaluation))
    tree = outline(amap, status=status_line(evaluation), marks=relation_mark(evaluation))
    ascii = outline(amap, style="ascii", status=status_line(evaluation, ascii=True))
    options = HtmlOptions(verdicts=evaluation.verdicts, semantics=evaluation.semantics)
    page = to_html(amap, options, svg=stub_svg(amap))
    notebook = evaluation._repr_mimebundle_()["text/html"]  # the notebook's table of verdicts
    for status, entry in STATUSES.items():
        assert entry.name == status
        assert STATUS_STYLES[status].badge == entry.badge
        assert (STATUS_STYLES[status].fill, STATUS_STYLES[status].border) == (entry.fill, entry.colour)
        assert STATUS_MARKS[status] == (entry.mark, entry.ascii_mark)
        assert entry.badge in dot
        assert f'<TD ALIGN="LEFT">{entry.meaning}' in dot
        assert f"{entry.mark} {status}: " in tree
        assert f"{entry.ascii_mark} {status}: " in ascii
        assert f'<span class="badge">{entry.mark}</span> {status}</span> {entry.meaning}' in page
        assert Page(page).data()["marks"][status] == entry.mark  # the page's script reads its marks from the data
        assert entry.badge in notebook
        assert entry.fill in notebook
    assert "relation falls" in page
    assert "relation left open" in page


def test_the_evaluation_page_lists_the_status_table_as_it_is() -> None:
    """docs/evaluation.md's table of statuses says what argmap.evaluate.STATUSES holds, row for row."""
    from argmap.evaluate import STATUSES

    page = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for status, entry in STATUSES.items():
        row = f"| `{status}` | {entry.mark} | `{entry.ascii_mark}` | {entry.meaning} |"
        assert row in page
        assert entry.colour in page.split(row, 1)[1].splitlines()[0]
