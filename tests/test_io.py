"""argmap._io: files written atomically (to what is at the path, a set whole or not at all); the collector paused."""

from __future__ import annotations

import gc
import os
import stat
import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._io import paused_gc, write_all, write_atomic


def test_a_link_is_followed_and_its_target_written(tmp_path: Path) -> None:
    """Writing to a symbolic link writes its target; the link stays a link to the same target."""
    target = tmp_path / "real.svg"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert link.readlink() == target
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.svg", "real.svg"]  # no temporary file left


def test_a_link_into_another_folder_is_written_beside_its_target(tmp_path: Path) -> None:
    """A relative link into another folder: the target is written, and nothing is left in either folder."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "real.json").write_text("old", encoding="utf-8")
    link = tmp_path / "a" / "link.json"
    link.symlink_to(Path("..") / "b" / "real.json")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "b" / "real.json").read_text(encoding="utf-8") == "new"
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["link.json"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["real.json"]


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    """A link to a file not yet there is kept, and the file it names is created, as a shell's > would."""
    link = tmp_path / "link.dot"
    link.symlink_to(tmp_path / "made.dot")
    write_atomic(link, "digraph {}")
    assert link.is_symlink()
    assert (tmp_path / "made.dot").read_text(encoding="utf-8") == "digraph {}"


def test_a_fifo_is_written_to_and_stays_a_fifo(tmp_path: Path) -> None:
    """A named pipe gets the data through it, and is still a pipe afterwards (a device is written the same way)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, b"\x89PNG binary \x00 data")
    reader.join(timeout=10)
    assert received == [b"\x89PNG binary \x00 data"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_a_fifo_is_written_through_as_dev_stdout_is(tmp_path: Path) -> None:
    """A link to a pipe (as /dev/stdout is, through /proc) is opened: the pipe gets the data; the link stays."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(link, "digraph {}")
    reader.join(timeout=10)
    assert received == [b"digraph {}"]
    assert link.is_symlink()
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "stdout"]


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    """Overwriting a read-only (0444) or executable (0750) file keeps that mode."""
    for mode in (0o444, 0o750, 0o600):
        path = tmp_path / f"file-{mode:o}"
        path.write_text("old", encoding="utf-8")
        path.chmod(mode)
        write_atomic(path, "new")
        assert path.read_text(encoding="utf-8") == "new"
        assert stat.S_IMODE(path.stat().st_mode) == mode


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    """A new file gets the permissions a plain open() would give."""
    mask = os.umask(0o027)
    try:
        path = write_atomic(tmp_path / "new.json", "{}")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_errors_name_the_path_given_never_the_temporary_file(tmp_path: Path) -> None:
    """A folder at the path, or a read-only folder, is an error naming the path the caller gave."""
    (tmp_path / "asdir.json").mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        write_atomic(tmp_path / "asdir.json", "{}")
    assert caught.value.filename == str(tmp_path / "asdir.json")
    if os.geteuid() == 0:
        pytest.skip("root may write into a read-only folder")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(PermissionError) as denied:
            write_atomic(locked / "x.svg", "<svg/>")
        assert denied.value.filename == str(locked / "x.svg")
        assert ".tmp" not in str(denied.value)
    finally:
        locked.chmod(0o755)


def test_a_set_that_fails_to_move_leaves_none_of_its_new_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When moving the third file of a set fails, the two already moved are taken back and no temporary is left."""
    real_replace = os.replace
    calls: list[str] = []

    def failing(source: str, destination: str) -> None:
        calls.append(destination)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", failing)
    files = [(tmp_path / f"part-{n}.svg", f"<svg>{n}</svg>") for n in range(1, 5)]
    with pytest.raises(OSError, match="No space left on device") as caught:
        write_all(files)
    assert caught.value.filename == str(tmp_path / "part-3.svg")
    assert list(tmp_path.iterdir()) == []


_NAMES = st.sampled_from(["a.svg", "b.svg", "c.json", "d.dot", "e"])


@given(
    before=st.dictionaries(_NAMES, st.binary(max_size=64), max_size=4),
    after=st.dictionaries(_NAMES, st.binary(max_size=64), min_size=1, max_size=5),
    failing=st.integers(min_value=0, max_value=6),
)
def test_a_set_is_written_whole_or_leaves_the_folder_with_the_names_it_had(
    before: dict[str, bytes], after: dict[str, bytes], failing: int
) -> None:
    """Written whole, every file holds its new bytes; failing at any move, no new name and no temporary is left."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, data in before.items():
            (folder / file).write_bytes(data)
        moves = 0
        real_replace = os.replace

        def replace(source: str, destination: str) -> None:
            nonlocal moves
            moves += 1
            if moves == failing:
                raise OSError(28, "No space left on device")
            real_replace(source, destination)

        files = [(folder / file, data) for file, data in after.items()]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "replace", replace)
            try:
                write_all(files)
            except OSError:
                assert 1 <= failing <= len(files)
                assert sorted(path.name for path in folder.iterdir()) == sorted(before)
            else:
                assert {path.name: path.read_bytes() for path in folder.iterdir()} == {**before, **after}


@pytest.mark.parametrize("running", [True, False])
def test_paused_gc_pauses_the_collector_and_leaves_it_as_it_found_it(running: bool) -> None:
    """Inside paused_gc the collector is off; after it, on or off as before, even when the body raised."""
    was = gc.isenabled()
    try:
        gc.enable() if running else gc.disable()
        inside: list[bool] = []

        def body() -> None:
            with paused_gc():
                inside.append(gc.isenabled())
                raise RuntimeError

        with pytest.raises(RuntimeError):
            body()
        assert inside == [False]
        assert gc.isenabled() is running
    finally:
        gc.enable() if was else gc.disable()


def test_what_is_made_while_paused_joins_the_oldest_generation_at_once() -> None:
    """After paused_gc, the objects made inside are in generation 2: the next collection has none of them to scan."""
    was = gc.isenabled()
    try:
        gc.enable()
        with paused_gc():
            made = [[number] for number in range(1_000)]
        oldest = {id(item) for item in gc.get_objects(generation=2)}
        assert all(id(item) in oldest for item in made)
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable() if was else gc.disable()


def test_objects_the_program_froze_stay_frozen() -> None:
    """A program that froze its objects (gc.freeze, before forking) finds them frozen after paused_gc."""
    was = gc.isenabled()
    gc.freeze()
    try:
        gc.enable()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            made = [[number] for number in range(100)]
        assert gc.get_freeze_count() == frozen
        assert made
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()
