"""What a notebook shows for each value: MIME types and content, for 0, 1 and 10,000 claims, with or without dot."""

from __future__ import annotations

import html
import pickle
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, OptionError, check, evaluate, load, outline
from argmap.check import Problem, Problems
from argmap.jupyter import DIAGRAM_LIMIT, FRAMEWORK_LIMIT, OUTLINE_LINES, ROWS, diagram, page
from argmap.render.outline import STYLES, Outline, Style
from argmap.semantics import Framework
from benchmarks.generate import build, plan
from tests.conftest import ROOT
from tests.strategies import frameworks, maps, texts

if TYPE_CHECKING:
    from playwright.sync_api import Browser

WIRE = ROOT / "examples" / "wire_cia_drawdown.py"
SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make this machine one without Graphviz: an empty PATH, and no graphviz-pure beside the interpreter."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))


@cache
def big() -> ArgumentMap:
    """Return a map of 10,000 claims (and 15,000 relations), built once for the module."""
    return build(plan(10_000))


@cache
def chain() -> ArgumentMap:
    """Return 10,000 claims that evaluate can take: each odd claim supports the one before, each even one rebuts it."""
    amap = ArgumentMap(title="Ten thousand claims")
    claims = [amap.claim(f"Claim number {number}.", id=f"c{number}") for number in range(10_000)]
    for number in range(1, len(claims)):
        if number % 2:
            amap.support(claims[number], claims[number - 1])
        else:
            amap.rebut(claims[number], claims[number - 1])
    return amap


def one() -> ArgumentMap:
    """Return a map of one claim."""
    amap = ArgumentMap(title="One claim")
    amap.claim("Drone strikes are still occurring.", id="strikes")
    return amap


class _Cells(HTMLParser):
    """Collect the text of each <td> of each row, as a browser reads it, checking that every tag opened is closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag, f"</{tag}> closes another tag"

    def handle_data(self, data: str) -> None:
        if "td" in self.open:
            self.rows[-1][-1] += data


def rows(table: str) -> list[list[str]]:
    """Return the text of each cell of each body row of an HTML table, whose tags must nest."""
    cells = _Cells()
    cells.feed(table)
    cells.close()
    assert cells.open == []
    return [row for row in cells.rows if row]


# ---------------------------------------------------------------- importing


def test_importing_argmap_loads_neither_ipython_nor_the_engine() -> None:
    """`import argmap` registers the notebook display without importing IPython, subprocess or Graphviz's runner."""
    names = "('IPython', 'argmap.drawing', 'argmap.engine', 'subprocess')"
    loaded = f"sorted(name for name in {names} if name in sys.modules)"
    code = f"import sys, argmap; print({loaded})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# ---------------------------------------------------------------------- maps


def test_an_empty_map_shows_one_line_and_runs_nothing(no_engine: None) -> None:
    """A map of no claims says it is empty, even without Graphviz: nothing is laid out."""
    assert ArgumentMap(title="Nothing yet")._repr_mimebundle_() == {
        "text/plain": "<ArgumentMap 'Nothing yet': 0 claims, 0 relations>: an empty map, nothing to draw"
    }


@pytest.mark.dot
def test_a_map_of_one_claim_shows_as_an_svg_holding_its_text() -> None:
    """One claim: an SVG diagram with the claim's text in it, and the short repr as text."""
    bundle = one()._repr_mimebundle_()
    assert list(bundle) == ["image/svg+xml", "text/plain"]
    assert bundle["text/plain"] == "<ArgumentMap 'One claim': 1 claims, 0 relations>"
    root = ElementTree.fromstring(bundle["image/svg+xml"])
    assert root.tag == SVG
    assert "Drone strikes are still occurring." in "".join(root.itertext())


def test_a_map_of_10000_claims_is_not_laid_out_and_says_how_to_draw_it(no_engine: None) -> None:
    """10,000 claims: one line (no Graphviz runs, so none is needed) naming the limit and the way to draw it anyway."""
    bundle = big()._repr_mimebundle_()
    assert list(bundle) == ["text/plain"]
    text = bundle["text/plain"]
    assert "\n" not in text
    assert text.startswith("<ArgumentMap 'Benchmark map': 10000 claims")
    assert f"more than {DIAGRAM_LIMIT:,} claims" in text
    assert "diagram(m, limit=None)" in text


@pytest.mark.usefixtures("no_engine")
def test_without_graphviz_the_cell_says_why_in_one_line() -> None:
    """No engine: the map's text and the reason with the install hint, on one line, not a traceback."""
    bundle = one()._repr_mimebundle_()
    assert list(bundle) == ["text/plain"]
    text = bundle["text/plain"]
    assert "\n" not in text
    assert text.startswith("<ArgumentMap 'One claim': 1 claims, 0 relations>: no diagram: no Graphviz program found")
    assert "apt install graphviz" in text


@pytest.mark.dot
def test_graphviz_pure_draws_when_there_is_no_system_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engines are tried as the CLI tries them: without `dot` on PATH, graphviz-pure (beside Python) draws."""
    import shutil

    pure = shutil.which("graphviz-pure", path=str(Path(sys.executable).parent))
    if pure is None:
        pytest.skip("graphviz-pure is not installed (pip install 'argmap[pure]')")
    monkeypatch.setenv("PATH", "")
    assert ElementTree.fromstring(one()._repr_mimebundle_()["image/svg+xml"]).tag == SVG


@pytest.mark.usefixtures("no_engine")
def test_a_front_end_asking_for_text_only_gets_it_without_a_layout() -> None:
    """include=['text/plain'] (or excluding SVG): no Graphviz is asked, so none is missed."""
    assert one()._repr_mimebundle_(include=["text/plain"]) == {"text/plain": repr(one())}
    assert one()._repr_mimebundle_(exclude={"image/svg+xml"}) == {"text/plain": repr(one())}


@pytest.mark.dot
def test_a_diagram_coloured_by_an_evaluation_carries_the_status_badges() -> None:
    """diagram(m, evaluation=...) draws each claim in its status's style, with the badge in the SVG."""
    amap = load(WIRE)
    svg = diagram(amap, evaluation=evaluate(amap))._repr_mimebundle_()["image/svg+xml"]
    text = "".join(ElementTree.fromstring(svg).itertext())
    assert "✓ accepted" in text
    assert "○ undecided" in text


# --------------------------------------------------------------------- pages


@pytest.mark.dot
def test_a_page_is_the_whole_interactive_page_in_a_sandboxed_frame() -> None:
    """page(m): an iframe whose srcdoc is the page argmap render writes, scripts allowed, same origin not."""
    amap = load(WIRE)
    shown = page(amap)
    bundle = shown._repr_mimebundle_()
    assert list(bundle) == ["text/html", "text/plain"]
    frame = bundle["text/html"]
    assert frame.startswith("<iframe ")
    assert frame.endswith("></iframe>")
    sandbox = re.search(r'sandbox="([^"]*)"', frame)
    assert sandbox is not None
    assert "allow-scripts" in sandbox[1].split()
    assert "allow-same-origin" not in sandbox[1]
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None
    document = html.unescape(srcdoc[1])
    assert document == shown.html
    assert document.startswith("<!DOCTYPE html>")
    assert "Jeremy Scahill" in document


@pytest.mark.dot
def test_a_page_with_an_evaluation_carries_the_verdicts() -> None:
    """page(m, evaluation=e): the page gets the status toggle and the reasons."""
    amap = load(WIRE)
    document = page(amap, evaluation=evaluate(amap)).html
    assert 'id="argmap-statuses"' in document
    assert "neither upheld nor dismissed" in document


def test_a_page_with_another_maps_evaluation_is_refused_when_asked_for() -> None:
    """page(m, evaluation=e) of another map: an OptionError at once, not a traceback when the cell is shown."""
    with pytest.raises(
        OptionError, match="the evaluation judges 'alliance', which is no claim or relation of this map"
    ):
        page(one(), evaluation=evaluate(load(WIRE)))


@pytest.mark.usefixtures("no_engine")
def test_a_page_without_graphviz_or_of_10000_claims_says_why_in_one_line() -> None:
    """No engine, or too many claims: one line of text, no frame."""
    missing = page(one())._repr_mimebundle_()
    assert list(missing) == ["text/plain"]
    assert "no page: no Graphviz program found" in missing["text/plain"]
    large = page(big())._repr_mimebundle_()
    assert list(large) == ["text/plain"]
    assert f"more than {DIAGRAM_LIMIT:,} claims" in large["text/plain"]


# --------------------------------------------------------------- evaluations


def test_an_evaluation_shows_a_table_of_claims_and_relations_with_status_and_reason() -> None:
    """Each row: the id, the claim's text (or the relation's kind), the status badge and the reason."""
    amap = load(WIRE)
    evaluation = evaluate(amap)
    bundle = evaluation._repr_mimebundle_()
    assert list(bundle) == ["text/html", "text/plain"]
    assert bundle["text/plain"] == repr(evaluation)
    table = rows(bundle["text/html"])
    assert len(table) == min(ROWS, len(evaluation.verdicts))
    assert table[0] == ["alliance", amap.claim_for("alliance").text, "✓ accepted", "nothing on the map challenges it"]
    answered = next(row for row in table if row[0] == "fewer-cia")
    assert answered[2] == "○ undecided"
    assert answered[3] == "answered skeptically by [scahill-tweet] and [lakhani-doubt], neither upheld nor dismissed"
    relation = next(row for row in table if row[0].startswith("support:"))
    assert relation[1] == "support"


@pytest.mark.browser
def test_a_table_sorts_by_the_column_whose_heading_is_clicked(browser: Browser) -> None:
    """In a front end that runs the output's handlers, a click on a heading sorts by it; a second click reverses."""
    table = evaluate(load(WIRE))._repr_mimebundle_()["text/html"]
    shown = rows(table)
    tab = browser.new_page()
    try:
        tab.set_content(table + table)  # two tables in one document: a click sorts only its own
        first, second = "document.querySelectorAll('table')[0]", "document.querySelectorAll('table')[1]"
        column = f"() => Array.from({first}.tBodies[0].rows, row => row.cells[2].textContent)"
        in_order = "cells => cells.every((cell, i) => i === 0 || cells[i - 1].localeCompare(cell) <= 0)"
        ids = f"() => Array.from({second}.tBodies[0].rows, row => row.cells[0].textContent)"
        statuses = [row[2] for row in shown]
        assert not tab.evaluate(in_order, statuses)  # the example holds rows the sort must move
        heading = tab.locator("table").first.locator("th", has_text="status")
        heading.click()
        ascending = tab.evaluate(column)
        assert sorted(ascending) == sorted(statuses)
        assert tab.evaluate(in_order, ascending)
        heading.click()
        assert tab.evaluate(in_order, list(reversed(tab.evaluate(column))))
        assert tab.evaluate(ids) == [row[0] for row in shown]
    finally:
        tab.close()


def test_a_table_of_several_extensions_keeps_what_the_reasons_say_of_them() -> None:
    """Under preferred semantics a reason says how the extensions agree: the table keeps it, less the status."""
    evaluation = evaluate(load(WIRE), "preferred")
    reasons = {row[0]: row[3] for row in rows(evaluation._repr_mimebundle_()["text/html"])}
    assert reasons["alliance"] == "in every preferred extension: nothing on the map challenges it"
    assert reasons["fewer-cia"].startswith("the 4 preferred extensions disagree: ")


@pytest.mark.parametrize(
    ("amap", "plain"),
    [
        (ArgumentMap(), "<Evaluation grounded: 0 claims, 0 relations>"),
        (one(), "<Evaluation grounded: 1 claim (1 accepted), 0 relations>"),
    ],
    ids=["0 claims", "1 claim"],
)
def test_small_evaluations_have_a_one_line_repr_and_a_full_table(amap: ArgumentMap, plain: str) -> None:
    """0 and 1 claims: the repr counts them; the table has every verdict and no note."""
    evaluation = evaluate(amap)
    assert repr(evaluation) == plain
    bundle = evaluation._repr_mimebundle_()
    assert len(rows(bundle["text/html"])) == len(amap.claims)
    assert "Showing the first" not in bundle["text/html"]


def test_an_evaluation_of_10000_claims_shows_the_first_rows_and_says_how_many_more() -> None:
    """10,000 claims: a short repr, and a table of ROWS rows with a note, not 25,000 rows."""
    evaluation = evaluate(chain())
    plain = repr(evaluation)
    assert plain.startswith("<Evaluation grounded: 10,000 claims (")
    assert len(plain) < 200
    shown = evaluation._repr_mimebundle_()["text/html"]
    assert len(rows(shown)) == ROWS
    assert f"Showing the first {ROWS} of {len(evaluation.verdicts):,} rows" in shown
    assert len(shown) < 50_000


@given(maps())
def test_every_table_is_well_formed_and_shows_each_text_escaped(amap: ArgumentMap) -> None:
    """Whatever the texts hold (<>&, quotes, newlines), the table parses and each shown claim's text reads back."""
    evaluation = evaluate(amap)
    table = rows(evaluation._repr_mimebundle_()["text/html"])
    shown = {row[0]: row[1] for row in table}
    for claim in amap.claims[:ROWS]:
        assert shown[claim.id] == claim.text


# ------------------------------------------------------------------ problems


def test_check_still_returns_a_list() -> None:
    """check() returns a Problems, which is a list that compares, indexes and reprs as one."""
    problems = check(ArgumentMap())
    assert isinstance(problems, list)
    assert problems == []
    assert repr(problems) == "[]"
    found = check(load(WIRE))
    again = pickle.loads(pickle.dumps(found))
    assert type(again) is Problems
    assert again == found


def test_problems_show_as_a_table_of_severity_code_message_and_elements() -> None:
    """The example's one warning: a caption that counts, and a row with severity, code, message and ids."""
    problems = check(load(WIRE))
    bundle = problems._repr_mimebundle_()
    assert list(bundle) == ["text/html", "text/plain"]
    assert "<caption" in bundle["text/html"]
    assert "1 problem: 0 errors, 1 warning" in bundle["text/html"]
    assert rows(bundle["text/html"]) == [
        ["warning", "orphan-claim", "claim 'alliance' is connected to nothing", "alliance"]
    ]
    assert bundle["text/plain"] == (
        "1 problem: 0 errors, 1 warning\nwarning: claim 'alliance' is connected to nothing [orphan-claim]"
    )


@given(maps())
def test_every_problem_table_reads_back_each_message(amap: ArgumentMap) -> None:
    """Whatever the ids hold, the problems' table parses and each row says its problem's severity, code and message."""
    problems = check(amap)
    if not problems:
        return
    table = rows(problems._repr_mimebundle_()["text/html"])
    assert table == [
        [problem.severity, problem.code, problem.message, ", ".join(problem.elements)] for problem in problems[:ROWS]
    ]


def test_no_problems_says_so() -> None:
    """An empty check shows one sentence, in HTML and in text."""
    assert check(one())._repr_mimebundle_() == {
        "text/html": "<p>No problems found.</p>",
        "text/plain": "No problems found.",
    }


def test_10000_problems_show_the_first_rows_and_say_how_many_more() -> None:
    """A long list: ROWS rows and a note; the text lists as many and says how many are left."""
    problems = Problems(
        Problem("warning", "orphan-claim", f"claim {n} is connected to nothing", (str(n),)) for n in range(10_000)
    )
    bundle = problems._repr_mimebundle_()
    assert len(rows(bundle["text/html"])) == ROWS
    assert f"Showing the first {ROWS} of 10,000 rows" in bundle["text/html"]
    lines = bundle["text/plain"].splitlines()
    assert lines[0] == "10,000 problems: 0 errors, 10,000 warnings"
    assert len(lines) == ROWS + 2
    assert lines[-1] == f"… and {10_000 - ROWS:,} more"


# ------------------------------------------------------------------- outlines


def test_an_outline_is_still_a_str_and_keeps_its_style_when_pickled() -> None:
    """outline() returns an Outline: equal to the text, a str, and the same after a pickle round trip."""
    text = outline(load(WIRE), style="markdown")
    assert isinstance(text, str)
    assert isinstance(text, Outline)
    assert text.style == "markdown"
    assert str(text) == text
    again = pickle.loads(pickle.dumps(text))
    assert again == text
    assert again.style == "markdown"


def test_a_markdown_outline_shows_as_markdown_and_a_tree_as_text() -> None:
    """Markdown style: text/markdown; tree and ascii: text only, the outline itself."""
    amap = load(WIRE)
    markdown = outline(amap, style="markdown")
    assert markdown._repr_mimebundle_() == {"text/markdown": markdown, "text/plain": markdown}
    tree = outline(amap)
    assert tree._repr_mimebundle_() == {"text/plain": tree}


@pytest.mark.parametrize("amap", [ArgumentMap(), one()], ids=["0 claims", "1 claim"])
def test_a_small_outline_shows_whole(amap: ArgumentMap) -> None:
    """0 and 1 claims: the outline as it is."""
    text = outline(amap, style="markdown")
    assert text._repr_mimebundle_()["text/markdown"] == (text or "\n")


@given(maps(), st.sampled_from(STYLES))
def test_every_small_outline_shows_as_itself_in_each_style(amap: ArgumentMap, style: Style) -> None:
    """An outline under OUTLINE_LINES lines shows whole, as text, and as Markdown too in the markdown style."""
    text = outline(amap, style=style)
    bundle = text._repr_mimebundle_()
    assert bundle["text/plain"] == (text or "\n")
    assert ("text/markdown" in bundle) == (style == "markdown")


def test_an_outline_of_10000_claims_shows_its_first_lines_and_says_how_many_more() -> None:
    """A long outline: OUTLINE_LINES lines, then a note that counts the rest."""
    text = outline(big(), style="markdown")
    shown = text._repr_mimebundle_()["text/markdown"]
    total = len(text.splitlines())
    assert shown.startswith("\n".join(text.splitlines()[:OUTLINE_LINES]))
    assert shown.endswith(f"*… {total - OUTLINE_LINES:,} more lines; print() the outline to see them all.*\n")


# ----------------------------------------------------------------- frameworks


@pytest.mark.dot
def test_a_small_framework_shows_its_size_and_a_drawing() -> None:
    """Three arguments: an SVG captioned with the size, each argument a node; the repr as text."""
    framework = Framework(["a", "b", "<c&d>"], [("a", "b"), ("b", "<c&d>")])
    bundle = framework._repr_mimebundle_()
    assert bundle["text/plain"] == "<Framework: 3 arguments, 2 attacks>"
    root = ElementTree.fromstring(bundle["image/svg+xml"])
    words = [text.strip() for text in root.itertext() if text.strip()]
    assert "3 arguments, 2 attacks" in words
    assert {"a", "b", "<c&d>"} <= set(words)


def test_a_large_framework_shows_its_size_only(no_engine: None) -> None:
    """More than FRAMEWORK_LIMIT arguments, or none: no drawing, the size in one line."""
    large = Framework([str(n) for n in range(FRAMEWORK_LIMIT + 1)], [("0", "1")])
    assert large._repr_mimebundle_() == {
        "text/plain": f"<Framework: {FRAMEWORK_LIMIT + 1} arguments, 1 attacks>: not drawn, "
        f"as it has more than {FRAMEWORK_LIMIT} arguments"
    }
    assert Framework([])._repr_mimebundle_() == {"text/plain": "<Framework: 0 arguments, 0 attacks>"}


@pytest.mark.dot
@given(frameworks(max_arguments=6, names=texts.filter(bool)))
def test_graphviz_draws_every_small_framework(framework: Framework) -> None:
    """Whatever the arguments are named (quotes, <>&, newlines, emoji), Graphviz accepts the DOT."""
    bundle = framework._repr_mimebundle_()
    if not len(framework):
        return
    root = ElementTree.fromstring(bundle["image/svg+xml"])
    assert root.tag == SVG
