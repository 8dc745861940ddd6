"""`--watch`: render a map file again whenever it, or a module beside it that it imports, changes.

Only the command line watches, so this module is the CLI's.

``argmap render MAP --watch`` and ``argmap outline MAP --watch`` run
:func:`watch`. It polls the files' modification times, sizes and inodes four
times a second, which needs no dependency and works alike on every system and
file system (network folders and editors that save by renaming included);
a change is acted on once the files have stayed the same for a tenth of a
second, so that an editor's save in several writes is read once, whole.

A Python map may import modules from its own folder (``examples/merged.py``
imports its two neighbours). Those stay in ``sys.modules`` once imported, so
before each load they are forgotten, and imported again from their source,
never from a cached ``.pyc``: a ``.pyc`` is trusted when the source's
modification time (in whole seconds) and size are unchanged, which two quick
edits of the same length can leave so.

For the HTML page, :class:`LiveServer` serves the page on 127.0.0.1 at a
port the system picks, with the number of its latest render; the page asks
for that number and reloads itself when it changes. A page opened from disk
cannot do this itself: browsers refuse a ``file://`` page any read of a file,
its own included, so a local server is the one robust way.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from argmap import formats
from argmap.errors import ArgmapError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = ["INTERVAL", "LiveServer", "Watcher", "clock", "mark_live", "serving", "watch"]

INTERVAL = 0.25
"""Seconds between two looks at the watched files."""

_SETTLE = 0.1
_VERSION_PATH = "/__argmap__/version"
_DRAWING = (
    b'<!DOCTYPE html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="1">'
    b"<title>Drawing the map</title><p>argmap is drawing the map; this page shows it when it is done.</p></html>"
)

Stamp = tuple[int, int, int] | None
"""What a file looks like from outside: its modification time in nanoseconds, size and inode; ``None`` when missing."""


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


class _FromSource(importlib.machinery.SourceFileLoader):
    """A loader that always compiles a module from its source, and writes no ``.pyc``."""

    def path_stats(self, path: str) -> dict[str, float]:
        """Refuse to tell when the source changed: then SourceLoader.get_code neither reads nor writes bytecode."""
        raise OSError("argmap --watch reads the source, never a cached .pyc")


class _FolderFinder(importlib.abc.MetaPathFinder):
    """Finds the top-level modules of one folder, to be loaded from their source."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if path is not None or "." in fullname:
            return None
        source = self.folder / f"{fullname}.py"
        if not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source, loader=_FromSource(fullname, str(source)))


class Watcher:
    """A map file, loaded afresh on demand, and the files whose change calls for loading it again.

    Args:
        path: the map file.
        format: its format, where its name does not say (see :func:`argmap.formats.load`).
    """

    def __init__(self, path: str | Path, format: str | None = None) -> None:
        self.path = Path(path)
        self.format = format
        self.folder = self.path.resolve().parent
        self.python = (format or "").lower() == "python" or self.path.suffix == ".py"
        self._neighbours: set[Path] = set()
        self._failed = False
        self._stamps: dict[Path, Stamp] = {}

    @property
    def files(self) -> list[Path]:
        """Return the files watched: the map, the modules beside it it imports, and, after a failure, its folder's."""
        files = {self.path, *self._neighbours}
        if self.python and self._failed:
            files.update(self.folder.glob("*.py"))  # a module the map needs may be about to appear
        return sorted(files)

    def load(self) -> ArgumentMap:
        """Return the map as the files hold it now, remembering what they look like.

        Raises:
            ArgmapError, OSError: the map cannot be read; the files are watched all the same.
        """
        self._stamps = {path: _stamp(path) for path in self.files}  # before reading: a change while loading counts
        if not self.python:
            return formats.load(self.path, self.format)
        self._forget()
        finder = _FolderFinder(self.folder)
        sys.meta_path.insert(0, finder)
        self._failed = True
        try:
            amap = formats.load(self.path, self.format)
            self._failed = False
            return amap
        finally:
            sys.meta_path.remove(finder)
            self._neighbours |= set(self._imported())
            for path in self.files:
                self._stamps.setdefault(path, _stamp(path))

    def _imported(self) -> Iterator[Path]:
        """Yield the files of the modules imported from the map's folder."""
        for module in list(sys.modules.values()):
            file = getattr(module, "__file__", None)
            if isinstance(file, str) and Path(file).parent == self.folder and Path(file).suffix == ".py":
                yield Path(file)

    def _forget(self) -> None:
        """Drop the modules of the map's folder from ``sys.modules``, so that importing them reads them anew."""
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if "." not in name and isinstance(file, str) and Path(file).parent == self.folder:
                del sys.modules[name]

    def changed(self) -> bool:
        """Tell whether any watched file differs from how it was when the map was last loaded."""
        return any(_stamp(path) != self._stamps.get(path) for path in self.files)

    def wait(self, interval: float = INTERVAL) -> None:
        """Return once a watched file has changed and the files have stayed the same for a moment."""
        while not self.changed():
            time.sleep(interval)
        settled: list[Stamp] = []
        while True:
            now = [_stamp(path) for path in self.files]
            if now == settled:
                return
            settled = now
            time.sleep(_SETTLE)


def clock() -> str:
    """Return the time of day, as each line of a watch begins."""
    return time.strftime("%H:%M:%S")


def _message(error: BaseException) -> str:
    """Return the one line a user reads for *error*, as the CLI writes it."""
    if isinstance(error, OSError) and not isinstance(error, ArgmapError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or error}"
    return str(error)


def watch(
    watcher: Watcher,
    act: Callable[[ArgumentMap], str],
    report: Callable[[str], None],
    *,
    failed: Callable[[str], None] | None = None,
    interval: float = INTERVAL,
) -> None:
    """Load the map and *act* on it, then again after each change, until interrupted.

    Args:
        watcher: the map file and what it imports.
        act: what to do with the map each time; it returns what it did,
            such as ``"wrote out/readme.html"``.
        report: where each line goes: the time, what was done, how long it took.
        failed: told the message of each load or action that failed, before the line is reported.
        interval: seconds between looks at the files.

    An :class:`~argmap.errors.ArgmapError` or an ``OSError`` (a map with an
    error, a missing file, Graphviz failing) is reported as one line, and
    watching goes on. ``KeyboardInterrupt`` (Ctrl-C) ends it; what is being
    written is written atomically, so no file is left half-written.
    """
    while True:
        started = time.monotonic()
        try:
            done = act(watcher.load())
        except (ArgmapError, OSError) as error:
            message = _message(error)
            if failed is not None:
                failed(message)
            report(f"{clock()} argmap: error: {message}")
        else:
            report(f"{clock()} {done} ({time.monotonic() - started:.2f} s)")
        watcher.wait(interval)


def mark_live(page: bytes, version: int) -> bytes:
    """Return *page* marked as served by ``--watch`` at render *version*: its script then polls and reloads.

    The mark is an attribute of the root element, so the page's script and
    its hash in the Content Security Policy stay as they are.
    """
    root = b'<html lang="en"'
    if root not in page:
        raise ValueError("not a page made by argmap.render.html")
    return page.replace(root, root + b' data-argmap-live="%d"' % version, 1)


class LiveServer:
    """Serves one page on 127.0.0.1, at a port the system picks, and the number of its latest render.

    ``GET /`` and ``GET /NAME`` give the page, marked live (:func:`mark_live`);
    ``GET /__argmap__/version`` gives ``{"version": N, "error": MESSAGE}``,
    the error being that of the last render when it failed. Nothing else is
    served: no file of the disk is reachable through it. Requests naming
    another host than 127.0.0.1 or localhost are refused, so that a web page
    cannot reach it by rebinding a name of its own to this address.

    Args:
        name: the page's file name, for its address.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._page = b""
        self._version = 0
        self._error: str | None = None
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="argmap-live", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        """Return the port the server listens on."""
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Return the page's address."""
        return f"http://127.0.0.1:{self.port}/{self.name}"

    def publish(self, page: bytes) -> int:
        """Serve *page* as the latest render, and return its number."""
        with self._lock:
            self._version += 1
            self._page = mark_live(page, self._version)
            self._error = None
            return self._version

    def fail(self, message: str) -> None:
        """Tell the page that the latest render failed, and why; it keeps the last good one."""
        with self._lock:
            self._error = message

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()

    def _state(self) -> tuple[bytes, bytes]:
        with self._lock:
            return self._page, json.dumps({"version": self._version, "error": self._error}).encode("utf-8")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self
        hosts = {"127.0.0.1", "localhost"}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").rpartition(":")[0] or self.headers.get("Host", "")
                path = self.path.partition("?")[0]
                page, version = server._state()
                if host not in hosts:
                    self._send(421, "text/plain; charset=utf-8", b"this server answers to 127.0.0.1 only\n")
                elif path == _VERSION_PATH:
                    self._send(200, "application/json", version)
                elif path in ("/", f"/{server.name}"):
                    self._send(200, "text/html; charset=utf-8", page or _DRAWING)
                else:
                    self._send(404, "text/plain; charset=utf-8", b"not found\n")

            def _send(self, status: int, kind: str, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Say nothing: the watch prints one line per render, not one per request."""

        return Handler


@contextlib.contextmanager
def serving(name: str) -> Iterator[LiveServer]:
    """Run a :class:`LiveServer` for the page *name* while the block runs."""
    server = LiveServer(name)
    try:
        yield server
    finally:
        server.close()
