"""`argmap render` on big maps: --layout, its thresholds, --focus and --depth, the spinner, and Ctrl-C for real."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import dump, load
from argmap.cli import EXIT_INPUT, EXIT_OK, EXIT_TERMINATED, app
from argmap.parts import neighbourhood
from argmap.render import to_dot
from argmap.render._quoting import node_id
from benchmarks.generate import build, plan, thesis_plan
from tests.conftest import ROOT
from tests.drawing import claim_nodes
from tests.terminal import on_terminal

runner = CliRunner()
ARGMAP = Path(sys.executable).parent / "argmap"
WIRE = ROOT / "examples" / "wire_cia_drawdown.py"


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    """Return a 60-claim benchmark map written as JSON."""
    path = tmp_path / "big.json"
    dump(build(plan(60, relations_per_claim=1.1)), path)
    return path


@pytest.mark.dot
def test_split_writes_an_overview_and_each_diagram_and_says_so(generated: Path) -> None:
    """--layout split writes big.svg (the overview) and big-1.svg ... beside it, and one line saying what it did."""
    result = runner.invoke(app, ["render", str(generated), "--layout", "split", "--diagram-size", "20"])
    assert result.exit_code == EXIT_OK, result.output
    written = sorted(path.name for path in generated.parent.glob("big*.svg"))
    count = len(written) - 1
    assert count >= 3
    assert written == sorted(["big.svg", *(f"big-{number}.svg" for number in range(1, count + 1))])
    assert f"60 claims: drawn as {count} diagrams" in result.stderr
    assert f"and an overview\nwrote {generated.parent / 'big.svg'} and {count} diagrams beside it" in result.stderr
    overview = (generated.parent / "big.svg").read_text(encoding="utf-8")
    for number in range(1, count + 1):
        assert f"big-{number}.svg" in overview
    drawn = set()
    for number in range(1, count + 1):
        drawn |= set(claim_nodes((generated.parent / f"big-{number}.svg").read_bytes()))
    assert drawn == {f"claim-{claim.id}" for claim in load(generated).claims}


@pytest.mark.dot
def test_a_debate_too_big_to_draw_is_split_into_its_top_levels_and_branches_each_claim_drawn_once(
    tmp_path: Path,
) -> None:
    """A 300-claim single-thesis debate, split by auto: the overview draws the thesis, every claim is drawn once.

    Drawn by the real dot; a claim drawn in full has the class ``claim`` in
    exactly one of the SVGs written, and each diagram is named in the overview.
    """
    path = tmp_path / "debate.json"
    amap = build(thesis_plan(300))
    dump(amap, path)
    arguments = ["render", str(path), "--fast-above", "40", "--split-above", "100", "--diagram-size", "100"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_OK, result.output
    assert "300 claims under one main conclusion: drawn as its top levels (" in result.stderr
    count = len(list(tmp_path.glob("debate-*.svg")))
    assert count >= 3
    assert f"wrote {tmp_path / 'debate.svg'} and {count} diagrams beside it" in result.stderr
    overview = (tmp_path / "debate.svg").read_text(encoding="utf-8").replace("&#45;", "-")
    drawn = list(claim_nodes(overview))
    assert f"claim-{amap.main_conclusions()[0].id}" in drawn
    for number in range(1, count + 1):
        assert f"debate-{number}.svg" in overview
        drawn += list(claim_nodes((tmp_path / f"debate-{number}.svg").read_bytes()))
    assert sorted(drawn) == sorted(f"claim-{claim.id}" for claim in amap.claims)


@pytest.mark.dot
def test_focus_on_a_debate_draws_the_neighbourhood_cut_into_branches_when_big(tmp_path: Path) -> None:
    """--focus --depth on a debate's thesis draws its neighbourhood; above --fast-above it is cut, each claim once."""
    path = tmp_path / "debate.json"
    amap = build(thesis_plan(300))
    dump(amap, path)
    thesis = amap.main_conclusions()[0]
    out = tmp_path / "near.svg"
    arguments = ["render", str(path), "--focus", thesis.id, "--depth", "4", "--fast-above", "30", "-o", str(out)]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_OK, result.output
    assert "arguments, one per main conclusion, the biggest cut into its top levels and branches" in result.stderr
    near = neighbourhood(amap, thesis, 4)
    assert 30 < len(near.claims) < 300
    drawn = list(claim_nodes(out.read_bytes()))
    assert sorted(drawn) == sorted(f"claim-{claim.id}" for claim in near.claims)


@pytest.mark.dot
def test_auto_draws_fast_above_the_size_asked_and_whole_below(generated: Path) -> None:
    """With --fast-above under the map's size the map is drawn fast, every claim once, and the user told."""
    result = runner.invoke(app, ["render", str(generated), "--fast-above", "59", "-f", "png"])
    assert result.exit_code == EXIT_OK, result.output
    assert "60 claims: drawn as one diagram of" in result.stderr
    assert (generated.parent / "big.png").read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(app, ["render", str(generated), "--fast-above", "60"])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == f"wrote {generated.parent / 'big.svg'}\n"


@pytest.mark.dot
def test_a_fast_html_page_has_every_claim(generated: Path) -> None:
    """-f html with --layout fast draws one page whose diagram holds a node for every claim."""
    result = runner.invoke(app, ["render", str(generated), "--layout", "fast", "-f", "html"])
    assert result.exit_code == EXIT_OK, result.output
    page = (generated.parent / "big.html").read_text(encoding="utf-8")
    for claim in load(generated).claims:
        assert 'id="' + node_id(claim.id).replace("-", "&#45;") + '"' in page  # as Graphviz writes it in SVG


def test_the_dot_format_writes_the_whole_graph_whatever_the_layout(generated: Path) -> None:
    """-f dot needs no Graphviz: it writes to_dot's one graph of the whole map, even when split is asked."""
    out = generated.parent / "big.dot"
    result = runner.invoke(app, ["render", str(generated), "-f", "dot", "--layout", "split"])
    assert result.exit_code == EXIT_OK, result.output
    assert out.read_text(encoding="utf-8") == to_dot(load(generated))


@pytest.mark.dot
def test_focus_draws_the_neighbourhood_with_the_focus_highlighted_in_every_format(tmp_path: Path) -> None:
    """--focus --depth draws the claim and its neighbours only, the claim with a double border, html included."""
    amap = load(WIRE)
    centre = amap.claims[1]
    out = tmp_path / "focus.dot"
    result = runner.invoke(app, ["render", str(WIRE), "--focus", centre.id, "--depth", "1", "-o", str(out)])
    assert result.exit_code == EXIT_OK, result.output
    dot = out.read_text(encoding="utf-8")
    (line,) = [line for line in dot.splitlines() if f'id="{node_id(centre.id)}"' in line]
    assert "peripheries=2" in line
    assert dot.count("peripheries=2") == 1
    assert dot.count('class="claim"') < len(amap.claims)
    page = tmp_path / "focus.html"
    arguments = ["render", str(WIRE), "--focus", centre.text, "-o", str(page), "--evaluate"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == EXIT_OK, result.output
    drawn = page.read_text(encoding="utf-8")
    assert 'id="' + node_id(centre.id).replace("-", "&#45;") + '"' in drawn
    far = [claim for claim in amap.claims if claim.id not in dot]
    assert far
    assert 'id="' + node_id(far[0].id).replace("-", "&#45;") + '"' not in drawn


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--focus", "no such claim at all"], "no claim has id or text 'no such claim at all'"),
        (["--focus", "x", "--depth", "-1"], "Invalid value for '--depth': -1 is not in the range x>=0."),
        (["--depth", "2"], "--depth says how far from the --focus claim to draw"),
        (["--layout", "tidy"], "Invalid value for '--layout'"),
        (["--layout", "split", "-o", "{page}"], "the html page draws one map"),
    ],
)
def test_bad_focus_depth_and_layout_are_exit_two_and_nothing_written(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    """An unknown claim, a negative depth, a depth without a focus and an unknown layout are exit 2, nothing written."""
    out = tmp_path / "out.svg"
    arguments = [argument.replace("{page}", str(tmp_path / "out.html")) for argument in arguments]
    result = runner.invoke(app, ["render", str(WIRE), "-o", str(out), *arguments])
    assert result.exit_code == EXIT_INPUT, result.output
    assert message in result.stderr
    assert not out.exists()
    assert not (tmp_path / "out.html").exists()


@pytest.mark.dot
def test_a_big_map_shows_a_spinner_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, laying out 500 claims or more shows what is laid out, and the time, on stderr."""
    path = tmp_path / "big.json"
    dump(build(plan(600, relations_per_claim=1.1)), path)
    code, text = on_terminal([str(ARGMAP), "render", str(path), "--layout", "fast"], columns=120)
    assert code == EXIT_OK
    assert f"laying out {path} (600 claims)" in text
    assert "0:00:0" in text  # the time taken
    assert f"wrote {tmp_path / 'big.svg'}" in text


def test_dot_source_shows_no_spinner_on_a_terminal(tmp_path: Path) -> None:
    """Writing DOT lays nothing out: even 600 claims on a terminal say only what was written, and need no Graphviz."""
    path = tmp_path / "big.json"
    dump(build(plan(600, relations_per_claim=1.1)), path)
    code, text = on_terminal([str(ARGMAP), "render", str(path), "-f", "dot"], columns=120)
    assert code == EXIT_OK
    assert "laying out" not in text
    assert f"wrote {tmp_path / 'big.dot'}" in text
    assert (tmp_path / "big.dot").read_text(encoding="utf-8") == to_dot(load(path))


def graphviz_children(pid: int) -> list[int]:
    """Return the processes that any thread of process *pid* started and that still run."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return [child for child in found if Path(f"/proc/{child}").exists() and _running(child)]


def _cpu_seconds(pid: int) -> float:
    """Return the processor time process *pid* has used, in seconds (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime and stime, in ticks


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


SIGNALS = [
    pytest.param(signal.SIGINT, 130, "argmap: interrupted\n", id="ctrl-c"),
    pytest.param(signal.SIGTERM, EXIT_TERMINATED, "argmap: terminated\n", id="sigterm"),  # kill, a CI timeout
]


@pytest.mark.dot
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="watching child processes needs Linux's /proc")
@pytest.mark.parametrize(("stop", "code", "line"), SIGNALS)
@pytest.mark.parametrize(("claims", "layout"), [(1_000, "full"), (5_000, "fast")])
def test_a_signal_stops_graphviz_and_leaves_no_file(
    tmp_path: Path, claims: int, layout: str, stop: signal.Signals, code: int, line: str
) -> None:
    """Ctrl-C or SIGTERM during a long layout, whole or in parts: its exit code, one line, no file, no Graphviz left."""
    path = tmp_path / "big.json"
    dump(build(plan(claims, relations_per_claim=1.1)), path)  # each layout takes a few seconds
    process = subprocess.Popen(
        [str(ARGMAP), "render", str(path), "--layout", layout],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    children: list[int] = []
    # Wait until Graphviz lays out, its input read whole: before that, a parent gone leaves it an end of file.
    while time.monotonic() < deadline and not any(_cpu_seconds(child) > 0.3 for child in children):
        time.sleep(0.1)
        children = graphviz_children(process.pid)
    assert children, "Graphviz never started"
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=30)
    survivors = [child for child in children if _running(child)]
    for child in survivors:  # the test cleans up after the bug it shows
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    assert not survivors
    assert process.returncode == code
    assert stderr == line
    assert sorted(item.name for item in tmp_path.iterdir()) == ["big.json"]
