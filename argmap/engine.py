"""Running Graphviz: the one module that starts a Graphviz program, picks which, and writes diagrams.

Engines are tried in this order: the system ``dot`` (Graphviz), then the
``graphviz-pure`` program (``pip install 'argmap[pure]'``: a self-contained
port with no pdf output), found on ``PATH`` or beside the Python interpreter.
With neither, :class:`~argmap.errors.EngineNotFoundError` says how to install
one, and that the ``dot`` format needs none.

Outputs are written atomically: a failure leaves no file, or the old one.
A map too big for one layout (:mod:`argmap.render.layout`) is laid out in
parts: the parts' graphs run through ``dot`` in parallel, one process a
core, Graphviz's ``gvpack`` packs them, and ``neato -n2`` draws the result;
a split writes several files, all at the end. Ctrl-C stops every Graphviz
process at once, and nothing is written.
The ``html`` format is argmap's interactive page: :func:`page` has Graphviz
lay the diagram out as SVG and hands it to the pure
:func:`argmap.render.html.to_html`.

>>> format_for("out/wire.svg")
'svg'
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, get_args

import attrs

from argmap._io import write_all, write_atomic
from argmap.errors import EngineError, EngineNotFoundError, OptionError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.render.dot import DotOptions
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import Drawing, LayoutOptions, Plan

__all__ = [
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "Engine",
    "EngineName",
    "Rendered",
    "can_pack",
    "draw",
    "find_engine",
    "format_for",
    "measured",
    "page",
    "pipe",
    "render",
    "render_files",
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


@attrs.frozen
class Rendered:
    """What :func:`render_files` wrote.

    Args:
        paths: the files written: the one asked for first, then a split's diagrams.
        summary: one sentence saying how the map was drawn when it was not
            drawn whole (see :class:`~argmap.render.layout.Plan`), else ``None``.
    """

    paths: tuple[Path, ...]
    summary: str | None


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
    The ``html`` page is made from a map, not from DOT: see :func:`page`.
    *dpi* sets the resolution of a ``png`` (Graphviz's default is 96).

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
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import LayoutOptions

    options = options or HtmlOptions()
    # Laid out whole, in the shape that fits a page, as render() draws a map of its size.
    whole = LayoutOptions(layout="full")
    return draw(amap, "html", options=options, engine=engine, timeout=timeout, layout=whole).decode("utf-8")


def render(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
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
        timeout: seconds each Graphviz program may run.
        layout: how to lay out a big map (:class:`~argmap.render.layout.LayoutOptions`);
            by default whole up to 1,000 claims, in packed parts up to 10,000,
            split into diagrams beside *path* above (see :func:`render_files`).

    Raises:
        FileNotFoundError: the folder of *path* does not exist (checked before Graphviz runs).
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    return render_files(amap, path, format, options=options, engine=engine, timeout=timeout, layout=layout).paths[0]


def render_files(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
    advance: Callable[[int, int], None] | None = None,
) -> Rendered:
    """Draw *amap* into *path*, and a split's diagrams beside it, and say what was done.

    A split writes its overview into *path* and its diagrams beside it, named
    ``{stem}-1{suffix}``, ``{stem}-2{suffix}``, ...; all files are written at
    the end, all or none: each is staged beside its place and only then are
    they moved into place, the overview last, so that an error (a full disk)
    or Ctrl-C leaves none of them.
    The ``dot`` format writes :func:`~argmap.render.dot.to_dot`'s whole
    graph, whatever the layout: there is no Graphviz to lay it out.

    Args:
        amap: the map to draw.
        path: the file to write (a split's overview); its folder must exist.
        format: one of :data:`FORMATS`; by default the one *path*'s suffix implies.
        options: how to draw it, as for :func:`render`.
        engine: which Graphviz program to run (see :func:`find_engine`).
        timeout: seconds each Graphviz program may run.
        layout: how to lay out a big map (:class:`~argmap.render.layout.LayoutOptions`).
        advance: called with (drawings laid out, drawings in all) after each
            drawing is laid out, to show progress.

    Raises:
        As for :func:`render`; OptionError: a split asked of the ``html`` format.
    """
    format = format or format_for(path)
    _check_format(format)
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(target.parent))
    if format == "dot":
        return Rendered((write_atomic(target, draw(amap, "dot", options=options)),), None)
    stem, suffix = target.stem, target.suffix
    plan, options = _plan(amap, format, options, engine, layout, stem=stem, suffix=suffix, files=True)
    drawn = []
    for number, drawing in enumerate(plan.drawings, start=1):
        drawn.append(_drawn(drawing, format, options, engine, timeout, whole=plan.layout == "full"))
        if advance is not None:
            advance(number, len(plan.drawings))
    files = [
        (target.with_name(f"{stem}{drawing.suffix}{suffix}"), data)
        for drawing, data in zip(plan.drawings, drawn, strict=True)
    ]
    write_all([*files[1:], files[0]])  # all or none, the overview last: it never links to a file not there
    return Rendered(tuple(path for path, _ in files), plan.summary)


def draw(
    amap: ArgumentMap,
    format: str,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
) -> bytes:
    """Return *amap* drawn in *format*, one of :data:`FORMATS`, as one drawing (a split is drawn ``fast``).

    Raises:
        OptionError: *format* is unknown.
        EngineNotFoundError, EngineError: as for :func:`pipe`.
    """
    from argmap.render.dot import to_dot

    _check_format(format)
    if format == "dot":
        return to_dot(amap, _diagram_options(options)).encode("utf-8")
    plan, options = _plan(amap, format, options, engine, layout, stem="map", suffix=f".{format}", files=False)
    return _drawn(plan.drawings[0], format, options, engine, timeout, whole=plan.layout == "full")


def _diagram_options(options: DotOptions | HtmlOptions | None) -> DotOptions:
    from argmap.render.dot import DotOptions
    from argmap.render.html import HtmlOptions

    if isinstance(options, HtmlOptions):
        return options.diagram
    return options or DotOptions()


def _plan(
    amap: ArgumentMap,
    format: str,
    options: DotOptions | HtmlOptions | None,
    engine: EngineName,
    layout: LayoutOptions | None,
    *,
    stem: str,
    suffix: str,
    files: bool,
) -> tuple[Plan, DotOptions | HtmlOptions]:
    """Return the plan of *amap*'s drawing in *format*, and the options to draw it with."""
    from argmap.render.dot import DotOptions
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import plan

    if format == "html":
        if not isinstance(options, HtmlOptions):
            options = HtmlOptions(diagram=options or DotOptions())
        if layout is not None and layout.layout == "split":
            raise OptionError("the html page draws one map; draw a big one with the fast layout, or a part with focus")
        return plan(amap, options.dot_options, layout, pack=can_pack(engine), files=False), options
    diagram = _diagram_options(options)
    return plan(amap, diagram, layout, stem=stem, suffix=suffix, pack=can_pack(engine), files=files), diagram


def _drawn(
    drawing: Drawing,
    format: str,
    options: DotOptions | HtmlOptions,
    engine: EngineName,
    timeout: float,
    *,
    whole: bool = False,
) -> bytes:
    """Return *drawing* drawn in *format*: laid out whole, or in parts that are then packed.

    A map laid out *whole* in the ``auto`` direction is measured once drawn,
    and drawn again in the next shape :func:`~argmap.render.dot.shapes`
    offers, up to :data:`_FITTING` times in all, while its width over height
    is outside :data:`~argmap.render.shape.ASPECT`.
    """
    from argmap.render.html import HtmlOptions, to_html

    shape = "svg" if format == "html" else format
    diagram = options.dot_options if isinstance(options, HtmlOptions) else options
    if drawing.packed:
        found = find_engine(engine, shape)
        data = _packed(drawing, shape, found, timeout)
    elif whole and diagram.direction == "auto":
        source, data = _fitting(drawing, shape, diagram, engine, timeout)
    else:
        source = drawing.graphs[0]
        data = pipe(source, shape, engine=engine, timeout=timeout, dpi=diagram.dpi)
    if diagram.page is not None and format != "html" and not drawing.packed:
        data = _on_page(source, data, format, diagram, engine, timeout)
    if format != "html":
        return data
    assert isinstance(options, HtmlOptions)
    return to_html(drawing.amap, options, svg=data.decode("utf-8")).encode("utf-8")


_FITTING = 3
"""How many shapes a whole map is drawn in at most, while the drawing does not fit :data:`~argmap.render.shape.ASPECT`.

The estimate is right the first time for about 29 maps in 30 (tests/test_render_shape.py, docs/performance.md).
"""


def _fitting(
    drawing: Drawing, format: str, options: DotOptions, engine: EngineName, timeout: float
) -> tuple[str, bytes]:
    """Return the DOT source and drawing of the first shape whose drawing fits, or of the one nearest to fitting.

    After a miss, the next shape is the best of a direction not yet drawn,
    then the one whose estimate, corrected by how far the estimate of its
    direction was off, is nearest the middle of the rule.
    """
    from argmap.render.dot import shapes, to_dot
    from argmap.render.shape import AIM, ASPECT

    candidates = list(shapes(drawing.amap, options))
    centre = (AIM[0] * AIM[1]) ** 0.5
    off: dict[str, float] = {}  # by direction: the drawn aspect over the estimated one
    tried: list[tuple[float, str, bytes]] = []
    for number in range(min(_FITTING, len(candidates))):
        if number == 0:
            candidate, source = candidates.pop(0), drawing.graphs[0]  # to_dot drew the first shape already
        else:
            untried = [shape for shape in candidates if shape.direction not in off] or candidates
            candidate = min(
                untried, key=lambda shape: abs(math.log(shape.aspect * off.get(shape.direction, 1.0) / centre))
            )
            candidates.remove(candidate)
            chosen = attrs.evolve(
                options,
                direction=candidate.direction,
                wrap=candidate.wrap,
                stagger=candidate.stagger,
                fold=candidate.fold,
            )
            source = to_dot(drawing.amap, chosen)
        try:
            data = pipe(source, format, engine=engine, timeout=timeout, dpi=options.dpi)
        except EngineError:
            if (candidate.stagger == 1 and not candidate.fold) or not candidates:
                raise
            # Graphviz's concentrate=true, which staggering sets, fails on some graphs, and its spline router on
            # some folded ones ("lost edge"): the next shape
            continue
        size = measured(data, format)
        if size is None or not size[1]:
            return source, data
        aspect = size[0] / size[1]
        if ASPECT[0] <= aspect <= ASPECT[1]:
            return source, data
        off[candidate.direction] = aspect / candidate.aspect
        tried.append((abs(math.log(aspect / centre)), source, data))
    if not tried:
        source = to_dot(drawing.amap, attrs.evolve(options, direction="BT", stagger=1, fold=0))
        return source, pipe(source, format, engine=engine, timeout=timeout, dpi=options.dpi)
    _, source, data = min(tried, key=lambda found: found[0])
    return source, data


def _on_page(source: str, data: bytes, format: str, options: DotOptions, engine: EngineName, timeout: float) -> bytes:
    """Return the drawing of *source* on a page exactly the size of ``options.page``: fitted, centred, not stretched.

    Graphviz makes the page the size of the drawing, whatever ``page`` says,
    so the drawing is scaled down into the paper less its margin (in the
    orientation of the drawing, *data*), measured, and given the margin that
    makes up the rest of the paper on each side.
    """
    from argmap.render.dot import MARGIN, PAGES

    assert options.page is not None
    if format == "dot":
        return data
    width, height = PAGES[options.page]
    drawn = measured(data, format)
    if drawn is not None and drawn[0] > drawn[1]:
        width, height = height, width
    end = source.rindex("}")  # a graph statement last in the root graph overrides those before it
    fitted = f'{source[:end]}\tgraph [size="{width - 2 * MARGIN:.3f},{height - 2 * MARGIN:.3f}", margin=0, pad=0]\n'
    size = measured(pipe(fitted + source[end:], "svg", engine=engine, timeout=timeout), "svg")
    if size is None:
        return data
    across, down = ((width * 72 - size[0]) / 144, (height * 72 - size[1]) / 144)
    placed = f'{fitted}\tgraph [margin="{max(across, 0.0):.4f},{max(down, 0.0):.4f}"]\n{source[end:]}'
    return pipe(placed, format, engine=engine, timeout=timeout, dpi=options.dpi)


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


def _packed(drawing: Drawing, format: str, found: Engine, timeout: float) -> bytes:
    """Return the graphs of *drawing* laid out apart, in parallel, packed together and drawn in *format*."""
    folder = Path(found.path).parent
    workers = max(1, min(len(drawing.graphs), os.cpu_count() or 1))
    streams = _streams(drawing.graphs, workers)
    running = _Running()
    unflatten = str(folder / "unflatten")
    staggered = drawing.staggered and shutil.which(unflatten) is not None

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
    if drawing.heading:
        opening, newline, rest = packed.partition("\n")
        packed = f"{opening}{newline}{drawing.heading}{rest}"
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
