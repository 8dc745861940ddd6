"""Running Graphviz: the one module that starts a Graphviz program, picks which, and writes diagrams.

Engines are tried in this order: the system ``dot`` (Graphviz), then the
``graphviz-pure`` program (``pip install 'argmap[pure]'``: a self-contained
port with no pdf output), found on ``PATH`` or beside the Python interpreter.
With neither, :class:`~argmap.errors.EngineNotFoundError` says how to install
one, and that the ``dot`` format needs none.

Outputs are written atomically: a failure leaves no file, or the old one.
The ``html`` format is argmap's interactive page: :func:`page` has Graphviz
lay the diagram out as SVG and hands it to the pure
:func:`argmap.render.html.to_html`.

>>> format_for("out/wire.svg")
'svg'
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

import attrs

from argmap._atomic import write_atomic
from argmap.errors import EngineError, EngineNotFoundError, OptionError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.render.dot import DotOptions
    from argmap.render.html import HtmlOptions

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "Engine",
    "EngineName",
    "draw",
    "find_engine",
    "format_for",
    "mimebundle",
    "page",
    "pipe",
    "render",
]

EngineName: TypeAlias = Literal["auto", "dot", "graphviz-pure"]
"""Which Graphviz program to run: ``auto`` takes the system ``dot`` first, then ``graphviz-pure``."""

ENGINES: tuple[EngineName, ...] = get_args(EngineName)

FORMATS: dict[str, str] = {
    "svg": "SVG, for the web and for scaling without loss",
    "png": "PNG, a bitmap for slides and chat",
    "pdf": "PDF, for print (needs the system Graphviz)",
    "dot": "Graphviz DOT source, written without running any engine",
    "html": "an interactive page in one file: the diagram to pan, zoom and search, each claim's sources a click away",
}
"""The diagram formats argmap writes, with what each is for."""

DEFAULT_TIMEOUT = 120.0
"""Seconds a Graphviz program may run before it is stopped: a 1,000-claim map takes a few."""

_SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".html": "html", ".htm": "html"}
_PURE_FORMATS = frozenset({"svg", "png", "dot", "html"})
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


def format_for(path: str | Path) -> str:
    """Return the diagram format a file name implies.

    Raises:
        OptionError: the suffix is none of ``.svg .png .pdf .dot .gv``.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise OptionError(f"{path}: cannot tell the diagram format from the name; use .svg, .png, .pdf, .dot or .html")
    return _SUFFIXES[suffix]


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise OptionError(f"unknown diagram format {format!r}; argmap draws {', '.join(FORMATS)}")


def _pure() -> str | None:
    """Return where the graphviz-pure program is: on PATH, or beside this Python (an unactivated venv)."""
    return shutil.which("graphviz-pure") or shutil.which("graphviz-pure", path=str(Path(sys.executable).parent))


def find_engine(engine: EngineName = "auto", format: str = "svg") -> Engine:
    """Return the Graphviz program to draw *format* with.

    Raises:
        EngineNotFoundError: no such program is installed, or the one asked
            for cannot write *format* (graphviz-pure has no pdf). The message
            says how to install Graphviz.
        OptionError: *engine* or *format* is unknown.
    """
    _check_format(format)
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
    if format not in _PURE_FORMATS:
        instead = "choose the engine dot (the system Graphviz)" if engine == "graphviz-pure" else _INSTALL
        raise EngineNotFoundError(f"graphviz-pure cannot write {format}: {instead}, or ask for svg or png")
    return Engine("graphviz-pure", pure)


def pipe(source: str, format: str, *, engine: EngineName = "auto", timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Return the diagram Graphviz draws from the DOT *source*, in *format*.

    The ``dot`` format returns *source* itself, without running anything.
    The ``html`` page is made from a map, not from DOT: see :func:`page`.

    Raises:
        OptionError: *format* is unknown, or is ``html``.
        EngineNotFoundError: no program can draw *format* (see :func:`find_engine`).
        EngineError: the program failed (its own message is in the error's),
            was killed, or ran longer than *timeout* seconds.
    """
    _check_format(format)
    if format == "dot":
        return source.encode("utf-8")
    if format == "html":
        raise OptionError("html is a page made from a map, not from DOT: use argmap.engine.page(amap)")
    found = find_engine(engine, format)
    try:
        completed = subprocess.run(
            [found.path, f"-T{format}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise EngineError(f"{found.name} took longer than {timeout:g} s and was stopped") from None
    except OSError as error:
        raise EngineError(f"cannot run {found.path}: {error.strerror or error}") from None
    if completed.returncode != 0:
        raise EngineError(f"{found.name} failed ({_ending(completed.returncode)}): {_said(completed.stderr)}")
    return completed.stdout


def _ending(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit {code}"


def _said(stderr: bytes) -> str:
    """Return what a Graphviz program wrote on stderr, as one line a user can read."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    if not lines:
        return "it gave no message"
    shown = "; ".join(lines[:6])
    return shown + (f"; … ({len(lines) - 6} more lines)" if len(lines) > 6 else "")


def page(
    amap: ArgumentMap,
    options: HtmlOptions | None = None,
    *,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Return the interactive HTML page of *amap*: Graphviz draws its SVG, :func:`~argmap.render.html.to_html` the rest.

    Raises:
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    from argmap.render.dot import to_dot
    from argmap.render.html import HtmlOptions, to_html

    options = options or HtmlOptions()
    svg = pipe(to_dot(amap, options.dot_options), "svg", engine=engine, timeout=timeout).decode("utf-8")
    return to_html(amap, options, svg=svg)


def render(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Draw *amap* into the file *path*, atomically, and return the path.

    Args:
        amap: the map to draw.
        path: the file to write; its folder must exist.
        format: one of :data:`FORMATS`; by default the one *path*'s suffix implies.
        options: how to draw it: :class:`~argmap.render.dot.DotOptions`, or
            for the ``html`` page :class:`~argmap.render.html.HtmlOptions`
            (DotOptions given for a page say how its diagram is drawn; a
            page's options given for a diagram, how the diagram is drawn).
        engine: which Graphviz program to run (see :func:`find_engine`).
        timeout: seconds the program may run.

    Raises:
        FileNotFoundError: the folder of *path* does not exist (checked before Graphviz runs).
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    format = format or format_for(path)
    _check_format(format)
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(target.parent))
    return write_atomic(target, draw(amap, format, options=options, engine=engine, timeout=timeout))


def draw(
    amap: ArgumentMap,
    format: str,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """Return *amap* drawn in *format*, one of :data:`FORMATS`, as :func:`render` would write it.

    Raises:
        OptionError: *format* is unknown.
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    from argmap.render.dot import DotOptions, to_dot
    from argmap.render.html import HtmlOptions

    _check_format(format)
    if format == "html":
        if not isinstance(options, HtmlOptions):
            options = HtmlOptions(diagram=options or DotOptions())
        return page(amap, options, engine=engine, timeout=timeout).encode("utf-8")
    if isinstance(options, HtmlOptions):
        options = options.diagram
    return pipe(to_dot(amap, options), format, engine=engine, timeout=timeout)


def mimebundle(amap: ArgumentMap) -> dict[str, str]:
    """Return what Jupyter shows for *amap*: an SVG diagram, or text saying why there is none."""
    from argmap.render.dot import to_dot

    text = repr(amap)
    try:
        svg = pipe(to_dot(amap), "svg").decode("utf-8")
    except (EngineNotFoundError, EngineError) as error:
        return {"text/plain": f"{text}\n(no diagram: {error})"}
    return {"image/svg+xml": svg, "text/plain": text}
