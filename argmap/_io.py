"""Whole files in and out: checked reads, atomic writes, and the garbage collector paused while a big map is read.

A file is read only when it is a regular file of at most :data:`READ_LIMIT`
bytes, and any failure is a :class:`~argmap.errors.FormatError` naming it.

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

from argmap.errors import FormatError

__all__ = ["READ_LIMIT", "paused_gc", "read_bytes", "read_text", "write_all", "write_atomic"]


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
    What was made meanwhile then joins the oldest generation at once, as the
    collector would move it there after scanning it twice; unless the program
    has frozen objects of its own (``gc.freeze()``), which are left frozen.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            if not gc.get_freeze_count():  # none frozen by the program: ours to thaw
                # Frozen and thawed, every tracked object is in the oldest generation: else the first collection
                # after the pause scans every object made (a tenth of the time of loading 100,000 claims).
                gc.freeze()
                gc.unfreeze()
            gc.enable()


READ_LIMIT = 2**31
"""The most bytes a map or framework file may hold (2 GiB): past it, reading would exhaust memory first."""


def read_bytes(path: str | Path) -> bytes:
    """Return the bytes of the regular file *path*, or raise a :class:`FormatError` that names it.

    Only a regular file is read (a link is followed to one): a FIFO with no
    writer would block forever, and ``/dev/zero`` or ``/dev/urandom`` never
    end. The file is opened without blocking and checked before a byte is read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise FormatError("no such file", path=path) from None
    except IsADirectoryError:
        raise FormatError("is a folder, not a file", path=path) from None
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=path) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise FormatError("is a folder, not a file", path=path)
        if not stat.S_ISREG(status.st_mode):
            raise FormatError(f"is {_kind(status.st_mode)}, not a regular file", path=path)
        if status.st_size > READ_LIMIT:
            raise FormatError(f"is {status.st_size:,} bytes, more than the {READ_LIMIT:,} argmap reads", path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(READ_LIMIT + 1)
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=path) from None
    finally:
        os.close(descriptor)
    if len(data) > READ_LIMIT:
        raise FormatError(f"holds more than the {READ_LIMIT:,} bytes argmap reads", path=path)
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_text(path: str | Path) -> str:
    """Return the UTF-8 text of the regular file *path*, or raise a :class:`FormatError` that names it."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise FormatError("is not UTF-8 text", path=path, line=line, column=column) from None
