"""--watch: a real argmap process re-renders as files change under it, survives errors, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import importlib.util
import json
import os
import py_compile
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import ArgumentMap, dump
from argmap.cli import EXIT_INPUT, EXIT_OK, EXIT_TERMINATED, app
from argmap.cli._watch import LiveServer, Watcher, mark_live
from tests.watching import RENDERED, Watching

runner = CliRunner()

MAP = """\
from argmap import ArgumentMap
from reasons import REASON

m = ArgumentMap(title="Watched")
m.support(REASON, m.claim("The base is still in use.", id="conclusion"))
MAP = m
"""


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[list[Watching]]:
    """Collect the watching processes a test starts, and kill any left running."""
    started: list[Watching] = []
    yield started
    for process in started:
        process.stop()


def write(path: Path, text: str) -> None:
    """Write *text* to *path* as an editor would."""
    path.write_text(text, encoding="utf-8")


def test_render_watch_sees_edits_to_the_map_and_to_the_module_it_imports(
    tmp_path: Path, watched: list[Watching]
) -> None:
    """Each change is one timed line; an edit to an imported neighbour is seen even where a .pyc would hide it.

    Python trusts a cached .pyc while the source's size and modification
    time in whole seconds are unchanged: an edit of the same length within
    the same second, made here by setting the times, is the case it misses.
    """
    second = int(time.time()) - 10
    reasons = tmp_path / "reasons.py"
    write(reasons, 'REASON = "Drone strikes go on."\n')
    os.utime(reasons, ns=(second * 10**9 + 100_000_000,) * 2)
    py_compile.compile(str(reasons), cfile=str(importlib.util.cache_from_source(str(reasons))))
    write(tmp_path / "map.py", MAP)
    process = Watching(["render", "map.py", "-f", "dot", "-o", "map.dot", "--watch"], tmp_path)
    watched.append(process)
    process.expect(r"^watching map\.py \(Ctrl-C stops\)$")
    assert process.expect(RENDERED)[1] == "map.dot"
    assert "Drone strikes go on." in (tmp_path / "map.dot").read_text(encoding="utf-8")

    write(reasons, 'REASON = "Drone strikes go ON."\n')  # the same length, in the same second
    os.utime(reasons, ns=(second * 10**9 + 600_000_000,) * 2)
    process.expect(RENDERED)
    assert "Drone strikes go ON." in (tmp_path / "map.dot").read_text(encoding="utf-8")

    write(tmp_path / "map.py", MAP.replace("still in use", "still in USE"))
    process.expect(RENDERED)
    assert "still in USE" in (tmp_path / "map.dot").read_text(encoding="utf-8")


def test_an_error_is_one_line_and_the_watch_goes_on_until_ctrl_c(tmp_path: Path, watched: list[Watching]) -> None:
    """A broken file is the usual one-line error with its line; fixed, it renders; Ctrl-C exits 0, nothing half-done."""
    write(tmp_path / "reasons.py", 'REASON = "Drone strikes go on."\n')
    write(tmp_path / "map.py", MAP)
    process = Watching(["render", "map.py", "-f", "dot", "--watch"], tmp_path)
    watched.append(process)
    process.expect(RENDERED)
    before = (tmp_path / "map.dot").read_text(encoding="utf-8")

    write(tmp_path / "map.py", MAP.replace("MAP = m", "MAP = m +"))
    error = process.expect(r"argmap: error: ")
    assert re.match(r"^\d\d:\d\d:\d\d argmap: error: \S*map\.py:6:\d+: invalid Python", error.string)
    assert (tmp_path / "map.dot").read_text(encoding="utf-8") == before  # the last good diagram stays

    write(tmp_path / "reasons.py", "REASON = \n")  # a broken neighbour: the error names it
    write(tmp_path / "map.py", MAP)
    error = process.expect(r"argmap: error: ")
    assert "reasons.py" in error.string
    write(tmp_path / "reasons.py", 'REASON = "Strikes resumed."\n')
    process.expect(RENDERED)
    assert "Strikes resumed." in (tmp_path / "map.dot").read_text(encoding="utf-8")

    assert process.process.poll() is None
    assert process.interrupt() == EXIT_OK
    process.expect(r"^stopped watching$")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.dot", "map.py", "reasons.py"]


def test_a_watch_ended_by_kill_exits_143_with_one_line_and_leaves_only_its_last_drawing(
    tmp_path: Path, watched: list[Watching]
) -> None:
    """SIGTERM is not the way to stop watching that counts as success: exit 143, `argmap: terminated`, as documented."""
    write(tmp_path / "reasons.py", 'REASON = "Drone strikes go on."\n')
    write(tmp_path / "map.py", MAP)
    process = Watching(["render", "map.py", "-f", "dot", "--watch"], tmp_path)
    watched.append(process)
    process.expect(RENDERED)
    assert process.terminate() == EXIT_TERMINATED
    process.expect(r"^argmap: terminated$")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.dot", "map.py", "reasons.py"]


def test_outline_watch_writes_the_file_anew_for_each_change_of_a_json_map(
    tmp_path: Path, watched: list[Watching]
) -> None:
    """`argmap outline MAP --watch -o FILE` rewrites FILE (evaluated) on each change and reports bad JSON by line."""
    amap = ArgumentMap(title="Watched")
    amap.rebut("The base is being vacated.", amap.claim("That base is neither vacated nor being vacated."))
    path = dump(amap, tmp_path / "map.json")
    arguments = ["outline", "map.json", "--watch", "-o", "outline.md", "--style", "markdown", "--evaluate"]
    process = Watching(arguments, tmp_path)
    watched.append(process)
    assert process.expect(RENDERED)[1] == "outline.md"
    written = (tmp_path / "outline.md").read_text(encoding="utf-8")
    assert "neither vacated nor being vacated" in written
    assert "✗ rejected: rebutted by" in written  # evaluated at each render

    text = path.read_text(encoding="utf-8")
    write(path, text.replace("being vacated.", "being emptied."))
    process.expect(RENDERED)
    assert "The base is being emptied." in (tmp_path / "outline.md").read_text(encoding="utf-8")

    write(path, text[:40])
    assert re.search(r"argmap: error: \S*map\.json:\d+:\d+: ", process.expect("argmap: error: ").string)
    assert process.interrupt() == EXIT_OK


def test_outline_watch_prints_each_outline_to_standard_output(tmp_path: Path, watched: list[Watching]) -> None:
    """Without -o, each outline is printed on stdout and the timed line goes to stderr."""
    amap = ArgumentMap()
    amap.claim("Only one claim.", id="one")
    path = dump(amap, tmp_path / "map.json")
    process = Watching(["outline", "map.json", "--watch"], tmp_path)
    watched.append(process)
    assert process.expect(r"^\d\d:\d\d:\d\d outlined map\.json \(\d+\.\d\d s\)$")
    write(path, path.read_text(encoding="utf-8").replace("Only one claim.", "Still one claim."))
    process.expect("outlined")
    assert process.interrupt() == EXIT_OK
    assert process.process.stdout is not None
    printed = process.process.stdout.read()
    assert printed.index("Only one claim.") < printed.index("Still one claim.")


@pytest.mark.dot
def test_html_watch_serves_the_page_and_its_render_number(tmp_path: Path, watched: list[Watching]) -> None:
    """With -f html the page is served on 127.0.0.1, marked live; each render bumps the number; errors are told."""
    write(tmp_path / "reasons.py", 'REASON = "Drone strikes go on."\n')
    write(tmp_path / "map.py", MAP)
    process = Watching(["render", "map.py", "-f", "html", "--watch", "--evaluate"], tmp_path)
    watched.append(process)
    url = process.expect(r"^serving (http://127\.0\.0\.1:\d+/map\.html): ")[1]
    process.expect(RENDERED)
    page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    assert '<html lang="en" data-argmap-live="1">' in page
    assert '"verdicts":{"conclusion":{"status":"accepted"' in page  # evaluated again at each render
    assert page.replace(' data-argmap-live="1"', "") == (tmp_path / "map.html").read_text(encoding="utf-8")
    version = url.rsplit("/", 1)[0] + "/__argmap__/version"
    assert json.loads(urllib.request.urlopen(version, timeout=5).read()) == {"version": 1, "error": None}

    write(tmp_path / "reasons.py", 'REASON = "Drone strikes stopped."\n')
    process.expect(RENDERED)
    assert json.loads(urllib.request.urlopen(version, timeout=5).read())["version"] == 2
    write(tmp_path / "map.py", "MAP = None\n")
    process.expect("argmap: error: ")
    state = json.loads(urllib.request.urlopen(version, timeout=5).read())
    assert state["version"] == 2
    assert "defines no map" in state["error"]
    assert process.interrupt() == EXIT_OK


def test_the_live_server_serves_the_page_and_number_only_and_only_to_this_machine(tmp_path: Path) -> None:
    """The server answers / and /NAME with the marked page and the version path with JSON; nothing else."""
    server = LiveServer("page.html")
    try:
        base = f"http://127.0.0.1:{server.port}"
        assert b"drawing the map" in urllib.request.urlopen(f"{base}/page.html", timeout=5).read()
        assert server.publish(b'<!DOCTYPE html>\n<html lang="en">\n<body>hi</body></html>') == 1
        assert (
            urllib.request.urlopen(f"{base}/", timeout=5)
            .read()
            .startswith(b'<!DOCTYPE html>\n<html lang="en" data-argmap-live="1">')
        )
        server.fail("map.py:3: invalid Python")
        state = json.loads(urllib.request.urlopen(f"{base}/__argmap__/version?x=1", timeout=5).read())
        assert state == {"version": 1, "error": "map.py:3: invalid Python"}
        for path in ("/map.py", "/../etc/passwd", "/__argmap__/"):
            with pytest.raises(urllib.error.HTTPError, match="404"):
                urllib.request.urlopen(base + path, timeout=5)
        rebound = urllib.request.Request(f"{base}/page.html", headers={"Host": "attacker.example"})
        with pytest.raises(urllib.error.HTTPError, match="421"):
            urllib.request.urlopen(rebound, timeout=5)
    finally:
        server.close()
    with pytest.raises(ValueError, match="not a page made by argmap"):
        mark_live(b"<html>", 1)


def test_the_watcher_follows_the_modules_a_python_map_imports_from_its_folder(tmp_path: Path) -> None:
    """After a load, the neighbour the map imports is watched, and changing it counts as a change."""
    write(tmp_path / "reasons.py", 'REASON = "Drone strikes go on."\n')
    write(tmp_path / "map.py", MAP)
    write(tmp_path / "unrelated.py", "X = 1\n")
    watcher = Watcher(tmp_path / "map.py")
    assert watcher.load().claim_for("conclusion").text == "The base is still in use."
    assert watcher.files == [tmp_path / "map.py", tmp_path / "reasons.py"]
    assert not watcher.changed()
    write(tmp_path / "unrelated.py", "X = 2\n")
    assert not watcher.changed()
    write(tmp_path / "reasons.py", 'REASON = "Drone strikes go ON."\n')
    assert watcher.changed()
    watcher.wait(interval=0.01)
    try:
        assert "Drone strikes go ON." in {claim.text for claim in watcher.load().claims}
    finally:
        sys.modules.pop("reasons", None)


@pytest.mark.parametrize(
    "arguments",
    [
        ["render", "a.json", "b.json", "-o", ".", "-f", "dot", "--watch"],
        ["render", "-", "-f", "dot", "--watch"],
        ["outline", "-", "--watch"],
    ],
)
def test_watch_takes_one_map_file(arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several maps or standard input cannot be watched: exit 2 with one line."""
    monkeypatch.chdir(tmp_path)
    for name in ("a.json", "b.json"):
        dump(ArgumentMap(), tmp_path / name)
    result = runner.invoke(app, arguments, input="{}")
    assert result.exit_code == EXIT_INPUT
    assert "--watch takes" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["map.argdown", "map.aif.json", "map.sadface.json"])
def test_the_watch_reads_every_format_argmap_reads(name: str, tmp_path: Path, watched: list[Watching]) -> None:
    """An Argdown, AIF or SADFace map is watched like a JSON one: an edit to a claim's text is outlined anew."""
    amap = ArgumentMap(title="Watched")
    amap.rebut("The base is being vacated.", amap.claim("That base is neither vacated nor being vacated."))
    path = dump(amap, tmp_path / name)
    process = Watching(["outline", name, "--watch", "-o", "outline.txt"], tmp_path)
    watched.append(process)
    process.expect(RENDERED)
    assert "The base is being vacated." in (tmp_path / "outline.txt").read_text(encoding="utf-8")
    write(path, path.read_text(encoding="utf-8").replace("The base is being vacated", "The base is being emptied"))
    process.expect(RENDERED)
    assert "The base is being emptied." in (tmp_path / "outline.txt").read_text(encoding="utf-8")
    assert process.interrupt() == EXIT_OK
