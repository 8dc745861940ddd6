"""docs/notebook.ipynb runs in a real Jupyter kernel, each cell shows what it promises, and its pages work offline.

The kernel is this interpreter (the project's .venv), started by nbclient
through a kernel spec written in the test's own folder and found through
``JUPYTER_PATH``; Jupyter's and IPython's own folders point there too, so
nothing is written outside it. A cell's ``shows`` metadata says what it
promises: ``svg`` a diagram, ``problems`` and ``table`` an HTML table, ``markdown`` Markdown,
``page`` the interactive page in a frame, ``text`` text alone.
"""

from __future__ import annotations

import html
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

import nbformat
import pytest
from nbclient import NotebookClient

from argmap import evaluate, load
from argmap.jupyter import page
from tests.browser import visit
from tests.conftest import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.dot, pytest.mark.slow]

NOTEBOOK = ROOT / "docs" / "notebook.ipynb"
KERNEL = "argmap-test-python"


def read(path: Path) -> nbformat.NotebookNode:
    """Return the notebook at *path* (nbformat's reader has no type hints)."""
    notebook: nbformat.NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    return notebook


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    """Return docs/notebook.ipynb executed in a kernel running this Python, its folders all in a temp folder."""
    folder = tmp_path_factory.mktemp("jupyter")
    spec = folder / "data" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "argmap", "language": "python"}))
    settings = {
        "JUPYTER_PATH": str(folder / "data"),
        "JUPYTER_DATA_DIR": str(folder / "data"),
        "JUPYTER_CONFIG_DIR": str(folder / "config"),
        "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        "IPYTHONDIR": str(folder / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        notebook = read(NOTEBOOK)
        client = NotebookClient(
            notebook, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
        )
        client.execute()
    return notebook


def shown(notebook: nbformat.NotebookNode, promise: str) -> list[dict[str, Any]]:
    """Return what each code cell that promises to show *promise* shows as its result: MIME type to content."""
    found = []
    for cell in notebook.cells:
        if cell.metadata.get("shows") == promise:
            results = [output for output in cell.outputs if output.output_type == "execute_result"]
            assert len(results) == 1, f"cell {cell.id} shows no result"
            found.append(dict(results[0].data))
    assert found, f"no cell promises {promise}"
    return found


def test_the_committed_notebook_is_small_and_holds_no_outputs() -> None:
    """The notebook in docs/ is committed unexecuted: outputs are made by the docs build and by this test."""
    notebook = read(NOTEBOOK)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert NOTEBOOK.stat().st_size < 20_000


def test_every_cell_runs_and_none_writes_an_error(executed: nbformat.NotebookNode) -> None:
    """No cell raises or writes to stderr: a kernel that ran the whole notebook cleanly."""
    for cell in executed.cells:
        if cell.cell_type == "code":
            kinds = [(output.output_type, output.get("name")) for output in cell.outputs]
            assert ("error", None) not in kinds, cell.source
            assert ("stream", "stderr") not in kinds, cell.source


def test_maps_and_small_frameworks_show_as_svg_diagrams(executed: nbformat.NotebookNode) -> None:
    """Each cell promising svg shows an SVG drawing (Graphviz's), beside a one-line text form."""
    bundles = shown(executed, "svg")
    for bundle in bundles:
        assert set(bundle) == {"image/svg+xml", "text/plain"}
        assert ElementTree.fromstring(bundle["image/svg+xml"]).tag == "{http://www.w3.org/2000/svg}svg"
        assert "\n" not in bundle["text/plain"]
    texts = ["".join(ElementTree.fromstring(bundle["image/svg+xml"]).itertext()) for bundle in bundles]
    assert "teetering on collapse" in texts[0]
    assert "✓ accepted" in texts[2]  # the diagram coloured by the evaluation
    assert "Shamsi" in texts[3]  # the merged map


def test_problems_and_the_evaluation_show_as_html_tables(executed: nbformat.NotebookNode) -> None:
    """check() shows its warning in a table; evaluate() a table of statuses and reasons with a count of the rest."""
    (problems,) = shown(executed, "problems")
    assert problems["text/html"].startswith("<table")
    assert "orphan-claim" in problems["text/html"]
    assert problems["text/plain"].startswith("1 problem: 0 errors, 1 warning")
    (evaluation,) = shown(executed, "table")
    assert evaluation["text/html"].count("<tr>") == 1 + 50  # a heading and the first 50 rows
    assert "Showing the first 50 of 58 rows" in evaluation["text/html"]
    assert "○ undecided" in evaluation["text/html"]
    assert evaluation["text/plain"].startswith("<Evaluation grounded: 31 claims (")


def test_the_outline_shows_as_markdown(executed: nbformat.NotebookNode) -> None:
    """The markdown outline is text/markdown, its heading the claim it was asked to start at."""
    (outline,) = shown(executed, "markdown")
    assert set(outline) == {"text/markdown", "text/plain"}
    assert (
        "## Pakistan's demands will reduce the C.I.A. presence in the country. \\[fewer-cia\\]"
        in outline["text/markdown"]
    )


def test_a_tree_outline_shows_as_itself_not_as_a_quoted_string(executed: nbformat.NotebookNode) -> None:
    """The tree outline's text is the outline, lines and box drawing, as print() writes it."""
    (tree,) = shown(executed, "text")
    assert set(tree) == {"text/plain"}
    lines = tree["text/plain"].splitlines()
    assert lines[0] == "Pakistan asks the CIA to leave"  # the title, not a quote mark
    assert "Pakistan is concerned about the economic toll of the 'war on terror'. [economic-toll]" in lines
    assert any(line.startswith(("└── ", "├── ")) for line in lines)


def test_pages_show_as_sandboxed_frames_holding_the_whole_page(executed: nbformat.NotebookNode) -> None:
    """Each page cell: an iframe whose srcdoc is a whole page, scripts allowed but not the notebook's origin."""
    for bundle in shown(executed, "page"):
        frame = bundle["text/html"]
        assert frame.startswith("<iframe ")
        assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in frame
        srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
        assert srcdoc is not None
        assert html.unescape(srcdoc[1]).startswith("<!DOCTYPE html>")


@pytest.mark.browser
def test_the_saved_pages_work_offline_side_by_side_in_chromium(
    executed: nbformat.NotebookNode, browser: Browser, tmp_path: Path
) -> None:
    """Both page outputs, as a front end shows them in one document: no request, and each frame searches alone."""
    frames = "\n".join(bundle["text/html"] for bundle in shown(executed, "page"))
    saved = tmp_path / "notebook-output.html"
    saved.write_text(f'<!DOCTYPE html>\n<html lang="en"><meta charset="utf-8"><body>\n{frames}\n</body></html>\n')
    seen = visit(browser, saved.as_uri())
    try:
        page = seen.page
        first, second = (frame for frame in page.frames if frame != page.main_frame)
        for frame in (first, second):
            frame.wait_for_selector("#argmap-search")
        first.fill("#argmap-search", "Scahill")
        assert first.text_content("#argmap-count") == "1 of 1"
        assert first.eval_on_selector("[id='claim-scahill-tweet']", "node => node.classList.contains('current')")
        assert second.input_value("#argmap-search") == ""
        assert second.eval_on_selector_all(".match", "nodes => nodes.length") == 0  # the other map is untouched
        second.fill("#argmap-search", "Shamsi")
        assert second.text_content("#argmap-count") not in ("", "no match")
        assert first.text_content("#argmap-count") == "1 of 1"
        assert seen.requests == [saved.as_uri()]
        assert seen.complaints == []
    finally:
        seen.page.context.close()


@pytest.mark.browser
def test_a_page_shown_hidden_at_first_places_its_status_badges_once_shown(browser: Browser, tmp_path: Path) -> None:
    """A frame that is hidden while its page starts (a background tab) puts each badge on its claim once shown."""
    amap = load(ROOT / "examples" / "wire_cia_drawdown.py")
    frame = page(amap, evaluation=evaluate(amap))._repr_mimebundle_()["text/html"]
    saved = tmp_path / "hidden.html"
    saved.write_text(
        f'<!DOCTYPE html>\n<html lang="en"><meta charset="utf-8"><body>\n<div id="tab" hidden>{frame}</div>\n'
    )
    seen = visit(browser, saved.as_uri())
    try:
        inner = seen.page.frames[1]
        inner.wait_for_selector("#argmap-view svg", state="attached")
        seen.page.evaluate("document.getElementById('tab').hidden = false")
        inner.wait_for_selector("#claim-alliance .badge", state="attached")
        placed = (
            "() => [...document.querySelectorAll('g.claim')].every(node => {"
            " const shape = node.querySelector('path, polygon').getBBox();"
            " const circle = node.querySelector('.badge circle');"
            " return +circle.getAttribute('cx') > shape.x && +circle.getAttribute('cy') >= shape.y; })"
        )
        deadline = time.monotonic() + 10
        while not inner.evaluate(placed):
            assert time.monotonic() < deadline, "the badges stayed where a hidden page put them"
            inner.wait_for_timeout(50)
        assert seen.complaints == []
    finally:
        seen.page.context.close()
