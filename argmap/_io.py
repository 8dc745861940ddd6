"""Whole files in and out: atomic writes, and the garbage collector paused while a big map is read or built.

A file is written atomically: a reader sees the old file or the whole new one, never a part.
What is at the path is written *to*, never replaced: a symbolic link is
followed and its target written (atomically, beside the target); a device or
a FIFO (``/dev/stdout``, a named pipe) is written directly, as a shell's
``>`` would; a file that exists keeps its mode. Errors name the path the
caller gave, never the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["paused_gc", "write_all", "write_atomic"]


def _umask() -> int:
    """Return the process's umask, so a new file gets the permissions a plain open() would give."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _named(error: OSError, path: str | os.PathLike[str]) -> OSError:
    """Return *error* as the same kind of error, naming *path* (the user's), not a temporary file."""
    if error.errno is None:
        return error
    named = OSError(error.errno, error.strerror or os.strerror(error.errno), os.fspath(path))
    named.__cause__ = error.__cause__
    return named


class _Staged:
    """One file of a set: where it goes, and the temporary file that holds its new content until it is moved."""

    def __init__(self, path: str | os.PathLike[str], payload: bytes) -> None:
        self.path = Path(path)
        self.payload = payload
        self.temporary: Path | None = None
        self.moved = False
        try:
            self.status: os.stat_result | None = self.path.stat()  # of what the path ends at, links followed
        except (FileNotFoundError, NotADirectoryError):
            self.status = None
        if self.status is not None and stat.S_ISDIR(self.status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(self.path))
        if self.direct:
            self.destination = self.path  # opened as it is: /dev/stdout reaches the pipe or terminal behind it
            return
        self.destination = Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path
        if not self.destination.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such folder", str(self.path.parent))

    @property
    def direct(self) -> bool:
        """Tell whether the path is written to in place, never replaced: a device, a FIFO, or a system file.

        A path in /dev or /proc is the system's (``/dev/stdout`` is a link, through /proc, to whatever
        standard output is, a regular file included): it is opened as a shell's ``>`` opens it.
        """
        if self.status is None:
            return False
        system = os.path.abspath(self.path).startswith(("/dev/", "/proc/"))  # noqa: PTH100  # no link resolved
        return system or not stat.S_ISREG(self.status.st_mode)

    def stage(self) -> None:
        """Write the new content into a temporary file beside the destination, with the mode it will have."""
        if self.direct:
            return
        descriptor, name = tempfile.mkstemp(
            dir=self.destination.parent, prefix=f".{self.destination.name}.", suffix=".tmp"
        )
        self.temporary = Path(name)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(self.payload)
        if self.status is None:
            self.temporary.chmod(0o666 & ~_umask())
            return
        self.temporary.chmod(stat.S_IMODE(self.status.st_mode))
        if (self.status.st_uid, self.status.st_gid) != (os.geteuid(), os.getegid()):
            with contextlib.suppress(OSError):  # only root may give a file away; others keep what they can
                os.chown(self.temporary, self.status.st_uid, self.status.st_gid)

    def move(self) -> None:
        """Put the new content in place: rename the temporary file over the destination, or write a device."""
        if self.direct:
            with self.destination.open("wb") as stream:
                stream.write(self.payload)
            return
        assert self.temporary is not None
        os.replace(self.temporary, self.destination)  # noqa: PTH105  # os.replace is the one call tests can make fail
        self.temporary = None
        self.moved = self.status is None  # a file that did not exist before can be taken back

    def discard(self) -> None:
        """Remove the temporary file, if it is still there."""
        if self.temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                self.temporary.unlink()
            self.temporary = None


def write_all(files: Sequence[tuple[str | os.PathLike[str], str | bytes]]) -> list[Path]:
    r"""Write several files, all or none: each is staged beside its place, and only then are they moved into place.

    Text is written as UTF-8 with ``\\n`` line ends. Files are moved in the
    order given, so a file that refers to the others (an overview) goes last.
    If anything fails, every temporary file is removed, files this call
    created are removed again, and the error names the path given.

    Returns:
        The paths written, as given.
    """
    staged = [_Staged(path, data.encode("utf-8") if isinstance(data, str) else data) for path, data in files]
    current: str | os.PathLike[str] = ""
    try:
        for file in staged:
            current = file.path
            file.stage()
        for file in staged:
            current = file.path
            file.move()
    except BaseException as error:
        for file in staged:
            file.discard()
            if file.moved:
                with contextlib.suppress(OSError):
                    file.destination.unlink()
        if isinstance(error, OSError):
            raise _named(error, current) from None
        raise
    return [file.path for file in staged]


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    r"""Write *data* to *path* through a temporary file in the same folder, then rename it into place.

    Text is written as UTF-8 with ``\\n`` line ends. If anything fails,
    the temporary file is removed and *path* is left as it was. A link is
    followed, a device or FIFO written directly, an existing file's mode kept.

    Returns:
        The path written.
    """
    return write_all([(path, data)])[0]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration, if it was running.

    Reading a big map makes hundreds of thousands of objects that all stay
    reachable from the map; the collector would scan the growing heap again
    and again for garbage that is not there (over half the time of reading
    100,000 claims). Reference counting still frees everything as usual.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
