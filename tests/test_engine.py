"""Running Graphviz: which program is found, what happens when none is, failures, timeouts, atomic writes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from argmap import EngineError, EngineNotFoundError, load
from argmap.drawing import render
from argmap.engine import Engine, find_engine, pipe
from argmap.errors import OptionError
from argmap.render import to_dot
from benchmarks.generate import build, plan
from tests.conftest import ROOT
from tests.drawing import drawn_claim_text, graphviz_name

README = ROOT / "examples" / "readme.py"
SYSTEM_DOT = shutil.which("dot")
PURE = shutil.which("graphviz-pure") or shutil.which("graphviz-pure", path=str(Path(sys.executable).parent))
needs_system_dot = pytest.mark.skipif(SYSTEM_DOT is None, reason="pdf needs the system Graphviz (dot), not installed")
needs_pure = pytest.mark.skipif(PURE is None, reason="graphviz-pure is not installed (pip install 'argmap[pure]')")


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make this machine one without Graphviz: an empty PATH, and no graphviz-pure beside the interpreter."""
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))


@pytest.fixture
def only_pure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make this machine one with graphviz-pure, installed beside the interpreter, and no system Graphviz."""
    assert PURE is not None
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "executable", str(Path(PURE).parent / "python"))


def fake_engine(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a `dot` that runs *script* (a shell script) first on PATH."""
    folder.mkdir()
    program = folder / "dot"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path('/bin')}:{Path('/usr/bin')}")


@pytest.mark.skipif(SYSTEM_DOT is None, reason="the system Graphviz is not installed")
def test_the_system_dot_comes_first() -> None:
    """With Graphviz installed, auto picks its dot."""
    assert find_engine() == Engine("dot", str(SYSTEM_DOT))


@pytest.mark.usefixtures("no_engine")
def test_without_any_engine_the_error_says_how_to_install_one() -> None:
    """No dot and no graphviz-pure: EngineNotFoundError with install hints, and that the dot format needs none."""
    with pytest.raises(EngineNotFoundError) as caught:
        find_engine()
    message = str(caught.value)
    assert "apt install graphviz" in message
    assert "argmap[pure]" in message
    assert "-f dot" in message
    with pytest.raises(EngineNotFoundError, match="dot is not on PATH"):
        find_engine("dot")
    with pytest.raises(EngineNotFoundError, match="graphviz-pure is not installed"):
        find_engine("graphviz-pure")


@pytest.mark.usefixtures("no_engine")
def test_the_dot_format_needs_no_engine(tmp_path: Path) -> None:
    """Writing DOT source works on a machine without Graphviz, and writes exactly to_dot's text."""
    amap = load(README)
    path = render(amap, tmp_path / "readme.dot")
    assert path.read_text(encoding="utf-8") == to_dot(amap)
    with pytest.raises(EngineNotFoundError):
        render(amap, tmp_path / "readme.svg")
    assert not (tmp_path / "readme.svg").exists()


@pytest.mark.dot
@needs_pure
@pytest.mark.usefixtures("only_pure")
def test_graphviz_pure_is_the_fallback_and_draws_svg_and_png(tmp_path: Path) -> None:
    """Without the system dot, graphviz-pure found beside the interpreter draws the map."""
    found = find_engine()
    assert found.name == "graphviz-pure"
    amap = load(README)
    drawn = drawn_claim_text(render(amap, tmp_path / "readme.svg").read_bytes())
    for claim in amap.claims:
        assert drawn[graphviz_name(claim.id)] == "".join(claim.text.split())
    assert render(amap, tmp_path / "readme.png").read_bytes().startswith(b"\x89PNG\r\n")


@pytest.mark.dot
@needs_pure
@pytest.mark.usefixtures("only_pure")
def test_graphviz_pure_cannot_write_pdf_and_says_so(tmp_path: Path) -> None:
    """Asking pdf of graphviz-pure, chosen or fallen back to, is an EngineNotFoundError naming the way out."""
    with pytest.raises(EngineNotFoundError, match=r"graphviz-pure cannot write pdf: install Graphviz"):
        render(load(README), tmp_path / "readme.pdf")
    with pytest.raises(EngineNotFoundError, match="graphviz-pure cannot write pdf: choose the engine dot"):
        find_engine("graphviz-pure", "pdf")
    assert not list(tmp_path.iterdir())


@pytest.mark.dot
@needs_system_dot
def test_the_system_dot_writes_pdf(tmp_path: Path) -> None:
    """With Graphviz installed, pdf is written."""
    assert render(load(README), tmp_path / "readme.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.dot
def test_graphviz_errors_are_surfaced_in_one_line() -> None:
    """DOT that Graphviz refuses gives an EngineError carrying Graphviz's own message, on one line."""
    with pytest.raises(EngineError, match=r"failed \(exit 1\): .*syntax error") as caught:
        pipe("digraph { a -> }", "svg")
    assert "\n" not in str(caught.value)


@pytest.mark.dot
def test_a_slow_layout_is_stopped_at_the_timeout() -> None:
    """Graphviz running past the timeout is stopped, and the error says so."""
    with pytest.raises(EngineError, match=r"took longer than 0.05 s and was stopped"):
        pipe(to_dot(build(plan(300))), "svg", timeout=0.05)


def test_a_failing_engine_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Graphviz that writes half a diagram and fails leaves the file as it was, and nothing beside it."""
    fake_engine(tmp_path / "bin", 'printf "<svg half"; echo "Error: out of memory" >&2; exit 1', monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.svg").write_text("the old diagram", encoding="utf-8")
    with pytest.raises(EngineError, match=r"dot failed \(exit 1\): Error: out of memory"):
        render(load(README), out / "map.svg")
    assert (out / "map.svg").read_text(encoding="utf-8") == "the old diagram"
    assert [path.name for path in out.iterdir()] == ["map.svg"]


def test_a_crashing_engine_is_named_by_its_signal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Graphviz killed by a signal (as 2.43 can be on some inputs) says which signal, not a bare exit code."""
    fake_engine(tmp_path / "bin", "kill -SEGV $$", monkeypatch)
    with pytest.raises(EngineError, match=r"killed by SIGSEGV\): it gave no message"):
        pipe("digraph {}", "svg")


def test_a_missing_output_folder_is_refused_before_graphviz_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing into a folder that does not exist fails at once, without waiting for a layout."""
    fake_engine(tmp_path / "bin", f"touch {tmp_path / 'ran'}", monkeypatch)
    with pytest.raises(FileNotFoundError, match="no such folder"):
        render(load(README), tmp_path / "nowhere" / "map.svg")
    assert not (tmp_path / "ran").exists()


def test_unknown_formats_and_engines_are_refused() -> None:
    """Formats and engines outside the documented ones are OptionErrors listing what exists."""
    with pytest.raises(OptionError, match="unknown diagram format 'gif'; known: svg, png, pdf, dot"):
        pipe("digraph {}", "gif")
    with pytest.raises(OptionError, match="choose one of auto, dot, graphviz-pure"):
        find_engine("neato")  # type: ignore[arg-type]
