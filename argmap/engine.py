"""Running Graphviz: the one module that starts a Graphviz program; DOT in, bytes out.

Engines are tried in this order: the system ``dot`` (Graphviz), then the
``graphviz-pure`` program (``pip install 'argmap[pure]'``: a self-contained
port with no pdf output), found on ``PATH`` or beside the Python interpreter.
With neither, :class:`~argmap.errors.EngineNotFoundError` says how to install
one, and that the ``dot`` format needs none.

:func:`pipe` lays one graph out; :func:`pack` lays several out in parallel,
one process a core, and Graphviz's ``gvpack`` packs them for ``neato -n2``
to draw. Ctrl-C, or a timeout, stops every Graphviz process at once. This
module knows nothing of maps: :mod:`argmap.drawing` turns a map into DOT
and writes the files, and the diagram formats are in the one registry,
:data:`argmap.formats.REGISTRY`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TypeAlias, get_args

import attrs

from argmap.errors import EngineError, EngineNotFoundError, OptionError, UnknownFormatError

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "WRITES",
    "Engine",
    "EngineName",
    "can_pack",
    "find_engine",
    "measured",
    "pack",
    "pipe",
]

EngineName: TypeAlias = Literal["auto", "dot", "graphviz-pure"]
"""Which Graphviz program to run: ``auto`` takes the system ``dot`` first, then ``graphviz-pure``."""

ENGINES: tuple[EngineName, ...] = get_args(EngineName)

WRITES = ("svg", "png", "pdf", "dot")
"""The formats :func:`pipe` writes: Graphviz's drawings, and ``dot``, the DOT source itself."""

DEFAULT_TIMEOUT = 120.0
"""Seconds a Graphviz program may run before it is stopped: a 1,000-claim map takes a few."""

_PAGE = "html"
"""The interactive page: a map's, not DOT's (see :func:`argmap.drawing.page`), though Graphviz draws its SVG."""
_INSTALL = (
    "install Graphviz (Debian or Ubuntu: apt install graphviz; macOS: brew install graphviz; "
    "Windows: winget install graphviz), or pip install 'argmap[pure]' for svg and png; "
    "the dot format (argmap render -f dot) needs no engine"
)


@attrs.frozen
class Engine:
    """A Graphviz program found on this machine.

    Args:
        name: ``"dot"`` (the system Graphviz) or ``"graphviz-pure"``.
        path: the program to run.
    """

    name: Literal["dot", "graphviz-pure"]
    path: str


def _check_format(format: str, *, page: bool = False) -> None:
    """Refuse a *format* Graphviz cannot write for argmap (with *page*, the html page's SVG is asked for).

    Raises:
        UnknownFormatError: *format* is none of :data:`WRITES` (nor ``html``, with *page*).
    """
    known = (*WRITES, _PAGE) if page else WRITES
    if format not in known:
        raise UnknownFormatError.named(format, "diagram", known)


def _pure() -> str | None:
    """Return where the graphviz-pure program is: on PATH, or beside this Python (an unactivated venv)."""
    return shutil.which("graphviz-pure") or shutil.which("graphviz-pure", path=str(Path(sys.executable).parent))


def find_engine(engine: EngineName = "auto", format: str = "svg") -> Engine:
    """Return the Graphviz program to draw *format* with.

    Raises:
        EngineNotFoundError: no such program is installed, or the one asked
            for cannot write *format* (graphviz-pure has no pdf). The message
            says how to install Graphviz.
        OptionError: *engine* or *format* is unknown (:class:`~argmap.errors.UnknownFormatError`).
    """
    _check_format(format, page=True)
    if engine not in ENGINES:
        raise OptionError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine in ("auto", "dot"):
        system = shutil.which("dot")
        if system is not None:
            return Engine("dot", system)
        if engine == "dot":
            raise EngineNotFoundError(f"the Graphviz program dot is not on PATH: {_INSTALL}")
    pure = _pure()
    if pure is None:
        if engine == "graphviz-pure":
            raise EngineNotFoundError(
                "graphviz-pure is not installed: pip install 'argmap[pure]', or use the system Graphviz"
            )
        raise EngineNotFoundError(f"no Graphviz program found: {_INSTALL}")
    if format == "pdf":
        instead = "choose the engine dot (the system Graphviz)" if engine == "graphviz-pure" else _INSTALL
        raise EngineNotFoundError(f"graphviz-pure cannot write {format}: {instead}, or ask for svg or png")
    return Engine("graphviz-pure", pure)


def pipe(
    source: str,
    format: str,
    *,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    dpi: int | None = None,
) -> bytes:
    """Return the diagram Graphviz draws from the DOT *source*, in *format*.

    The ``dot`` format returns *source* itself, without running anything.
    The ``html`` page is made from a map, not from DOT: see :func:`argmap.drawing.page`.
    *dpi* sets the resolution of a ``png`` (Graphviz's default is 96).

    Raises:
        OptionError: *format* is unknown, or is ``html``.
        EngineNotFoundError: no program can draw *format* (see :func:`find_engine`).
        EngineError: the program failed (its own message is in the error's),
            was killed, or ran longer than *timeout* seconds.
    """
    if format == _PAGE:
        raise OptionError("html is a page made from a map, not from DOT: use argmap.drawing.page(amap)")
    _check_format(format)
    if format == "dot":
        return source.encode("utf-8")
    found = find_engine(engine, format)
    command = [found.path, f"-T{format}"]
    if dpi is not None and format == "png":
        command.append(f"-Gdpi={dpi}")
    return _checked(_run(found.name, command, source.encode("utf-8"), timeout), format, found.name)


_BEGINNINGS: dict[str, tuple[bytes, ...]] = {
    "svg": (b"<?xml", b"<svg", b"<!DOCTYPE svg"),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "pdf": (b"%PDF-",),
}
"""How a drawing in each format Graphviz writes begins."""


def _checked(output: bytes, format: str, program: str) -> bytes:
    """Return *output* if it is a drawing in *format*; a program that says it succeeded may have written nothing.

    Raises:
        EngineError: the output is empty, or does not begin (an SVG: and end) as *format* does.
    """
    if not output:
        raise EngineError(f"{program} reported success but wrote nothing")
    beginnings = _BEGINNINGS.get(format, ())
    whole = output.lstrip().startswith(beginnings) and (format != "svg" or b"</svg>" in output[-4096:])
    if beginnings and not whole:
        raise EngineError(f"{program} reported success but wrote {len(output):,} bytes that are not a whole {format}")
    return output


def _run(program: str, command: list[str], source: bytes, timeout: float, running: _Running | None = None) -> bytes:
    """Return what *command* writes given *source*; stop it after *timeout* seconds, or when interrupted.

    *running*, when given, knows the process while it runs, so that another
    thread can stop it.
    """
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        raise EngineError(f"cannot run {command[0]}: {error.strerror or error}") from None
    with process:
        if running is not None:
            running.add(process)
        try:
            output, said = process.communicate(source, timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise EngineError(f"{program} took longer than {timeout:g} s and was stopped") from None
        except BaseException:  # Ctrl-C above all: no Graphviz is left running
            process.kill()
            process.wait()
            raise
        finally:
            if running is not None:
                running.discard(process)
    if process.returncode != 0:
        if running is not None and running.stopped:
            raise EngineError(f"{program} was stopped")
        raise EngineError(f"{program} failed ({_ending(process.returncode)}): {_said(said)}")
    return output


class _Running:
    """The Graphviz processes that threads run for one drawing, to stop them all at once."""

    def __init__(self) -> None:
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self.stopped = False

    def add(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            if self.stopped:
                process.kill()
            self._processes.add(process)

    def discard(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._processes.discard(process)

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            for process in self._processes:
                process.kill()


def _ending(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


_SAID_LINE = 200
"""Characters of each line of a Graphviz program's message shown; the rest is cut."""


def _said(stderr: bytes) -> str:
    """Return what a Graphviz program wrote on stderr as one short line a user can read, control characters escaped."""
    lines = [_printable(line.strip()) for line in stderr[:65_536].decode("utf-8", "replace").splitlines()]
    lines = [line if len(line) <= _SAID_LINE else line[: _SAID_LINE - 1] + "…" for line in lines if line]
    if not lines:
        return "it gave no message"
    shown = "; ".join(lines[:6])
    return shown + (f"; … ({len(lines) - 6} more lines)" if len(lines) > 6 else "")


def _printable(text: str) -> str:
    """Return *text* with each control character written as an escape, so that none reaches the terminal raw."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


_SVG_SIZE = re.compile(rb'<svg[^>]*?width="([0-9.]+)pt" height="([0-9.]+)pt"')
_PDF_SIZE = re.compile(rb"/MediaBox\s*\[\s*[-0-9.]+\s+[-0-9.]+\s+([0-9.]+)\s+([0-9.]+)\s*\]")


def measured(data: bytes, format: str) -> tuple[float, float] | None:
    """Return the width and height of a drawing Graphviz wrote in *format*: points, or pixels for a PNG.

    ``None`` for a format that does not say, or data that does not.
    """
    if format == "png":
        if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
            return None
        return float(int.from_bytes(data[16:20], "big")), float(int.from_bytes(data[20:24], "big"))
    pattern = {"svg": _SVG_SIZE, "pdf": _PDF_SIZE}.get(format)
    found = pattern.search(data[:4096] if format == "svg" else data) if pattern is not None else None
    return (float(found[1]), float(found[2])) if found else None


def can_pack(engine: EngineName = "auto") -> bool:
    """Tell whether the parts of a big map can be packed into one drawing: ``gvpack`` and ``neato`` beside ``dot``.

    They come with the system Graphviz; graphviz-pure has neither.
    """
    try:
        found = find_engine(engine, "svg")
    except EngineNotFoundError:
        return False
    folder = str(Path(found.path).parent)
    return found.name == "dot" and all(shutil.which(program, path=folder) for program in ("gvpack", "neato"))


def pack(
    graphs: Sequence[str],
    format: str,
    *,
    heading: str = "",
    staggered: bool = False,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """Return *graphs* laid out apart, in parallel, packed together and drawn in *format*.

    Args:
        graphs: the DOT of each graph.
        format: ``svg``, ``png`` or ``pdf``.
        heading: graph attributes (a title) given to the packed drawing.
        staggered: whether the graphs are wide trees, whose leaves are
            staggered over several ranks by Graphviz's ``unflatten`` first.
        engine: which Graphviz program to run; it needs ``gvpack`` and
            ``neato`` beside it (:func:`can_pack`).
        timeout: seconds each Graphviz program may run.

    Raises:
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    found = find_engine(engine, format)
    folder = Path(found.path).parent
    workers = max(1, min(len(graphs), os.cpu_count() or 1))
    streams = _streams(graphs, workers)
    running = _Running()
    unflatten = str(folder / "unflatten")
    staggered = staggered and shutil.which(unflatten) is not None

    def laid_out(stream: str) -> bytes:
        """Return *stream*'s graphs laid out by dot; a tree's leaves first staggered over several ranks."""
        source = stream.encode("utf-8")
        if staggered:
            try:
                source = _run("unflatten", [unflatten, *_STAGGER], source, timeout, running)
            except EngineError:
                if running.stopped:
                    raise
                # unflatten 2.43 crashes on some graphs (a legend's clusters): staggering only
                # makes a tree narrower, so the graphs are laid out as they are.
        return _run("dot", [found.path], source, timeout, running)

    from concurrent.futures import ThreadPoolExecutor  # here: it brings logging, which nothing else needs

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(laid_out, stream) for stream in streams]
        try:
            laid = b"".join(future.result() for future in futures)
        except BaseException:
            running.stop()
            for future in futures:
                future.cancel()
            raise
    packed = _run("gvpack", [str(folder / "gvpack")], laid, timeout).decode("utf-8")
    if heading:
        opening, newline, rest = packed.partition("\n")
        packed = f"{opening}{newline}{heading}{rest}"
    drawn = _run("neato", [str(folder / "neato"), "-n2", f"-T{format}"], packed.encode("utf-8"), timeout)
    return _checked(drawn, format, "neato")


_STAGGER = ("-l", "8", "-f", "-c", "8")
"""How Graphviz's unflatten staggers a wide tree: leaves over up to 8 ranks, chains of up to 8 lone claims.

On the top levels of a 20,000-claim debate (64 claims, 117 reference
boxes) it makes the drawing 2,602 points wide instead of 3,620 and 303
high instead of 252, for 0.1 s.
"""


def _streams(graphs: Sequence[str], count: int) -> list[str]:
    """Return *graphs* in *count* streams of about the same length, in order."""
    total = sum(len(graph) for graph in graphs)
    streams: list[list[str]] = [[]]
    size = 0
    for graph in graphs:
        if streams[-1] and size >= total / count * len(streams) and len(streams) < count:
            streams.append([])
        streams[-1].append(graph)
        size += len(graph)
    return ["".join(stream) for stream in streams]
