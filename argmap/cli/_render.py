"""`argmap render`: draw maps as diagrams or pages, one map or many, once or as they change."""

from __future__ import annotations

import contextlib
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from argmap.cli import (
    EXIT_ENGINE,
    EXIT_INPUT,
    EXIT_OK,
    FROM_HELP,
    RUN_PYTHON_HELP,
    MapFormat,
    SemanticsName,
    app,
    errors,
    expand,
    fail,
    read_map,
    report,
    until_interrupted,
    write_stdout,
)
from argmap.errors import OptionError

if TYPE_CHECKING:
    from rich.progress import Progress

    from argmap.engine import EngineName
    from argmap.map import ArgumentMap
    from argmap.render.dot import DotOptions
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import LayoutOptions
    from argmap.semantics import Semantics


__all__: list[str] = []

_MANY = 5
"""From this many maps on, `argmap render` shows a progress bar (on a terminal) instead of a line per map."""


def _format(format: str | None, output: Path | None) -> str:
    """Return the format to draw in: -f's, else the one -o's name implies, else svg; refuse the two disagreeing."""
    from argmap.formats import format_for

    if output is None:
        return format or "svg"
    if format is None:
        return format_for(output, "diagram")
    try:
        implied = format_for(output, "diagram")
    except OptionError:
        return format  # a name with no diagram suffix takes -f's format
    if implied != format:
        raise OptionError(f"{output}: the name says {implied} but -f asks for {format}; make them agree")
    return format


def _seconds(value: float) -> float:
    """Check a --timeout: a number of seconds above 0 (not nan, not infinite)."""
    if not math.isfinite(value) or value <= 0 or value > _LONGEST:
        raise typer.BadParameter(f"{value:g} is not a number of seconds above 0 (at most {_LONGEST:,})")
    return value


_LONGEST = 1_000_000
"""The longest --timeout, in seconds (11 days): beyond it the system's clocks overflow."""


@app.command()
def render(
    maps: Annotated[
        list[str],
        typer.Argument(help="Maps to draw: files, folders of map files, module:attribute, or - for stdin."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write, an existing folder to write into (needed for several maps), or - for stdout. "
            "By default each diagram goes beside its map, named after it; stdin's goes to stdout.",
        ),
    ] = None,
    format: Annotated[
        Literal["svg", "png", "pdf", "dot", "html"] | None,
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf, dot (no engine needed) or html (an interactive page); by default -o's suffix, or svg.",
            case_sensitive=False,
        ),
    ] = None,
    direction: Annotated[
        Literal["auto", "BT", "TB", "LR", "RL"],
        typer.Option(
            "--direction",
            help="Where arrows point: auto (BT, or LR where that fits a page better), BT (conclusions on top), "
            "TB, LR or RL.",
            case_sensitive=False,
        ),
    ] = "auto",
    legend: Annotated[
        bool, typer.Option("--legend/--no-legend", help="Draw a legend, at the foot, of what the map uses.")
    ] = True,
    quotes: Annotated[
        bool, typer.Option("--quotes", help="Draw each claim's quote (the speaker's exact words) under its text.")
    ] = False,
    page: Annotated[
        Literal["a4", "letter", "a3"] | None,
        typer.Option(
            "--page",
            help="Fit the drawing on a4, letter or a3 paper: scaled down to fit, landscape when wider than high.",
            case_sensitive=False,
        ),
    ] = None,
    size: Annotated[
        str | None,
        typer.Option(
            "--size",
            help="The most the drawing may measure, WIDTH,HEIGHT in inches as Graphviz takes it (8,10); "
            "8,10! scales a smaller drawing up too.",
        ),
    ] = None,
    dpi: Annotated[
        int | None, typer.Option("--dpi", min=36, max=1200, help="Dots per inch of a PNG (Graphviz's default: 96).")
    ] = None,
    group_by: Annotated[
        Literal["none", "source", "tag", "document", "section"],
        typer.Option(
            "--group-by", help="Frame claims together by: none, source, tag, document or section.", case_sensitive=False
        ),
    ] = "none",
    wrap: Annotated[
        int | None,
        typer.Option(
            "--wrap",
            min=8,
            max=400,
            help="Characters per line of claim text (default 36, which --direction auto may change to fit a page).",
        ),
    ] = None,
    attributions: Annotated[
        bool, typer.Option("--attributions/--no-attributions", help="Show who said each claim.")
    ] = True,
    engine: Annotated[
        Literal["auto", "dot", "graphviz-pure"],
        typer.Option(
            "--engine", help="auto (system dot, else graphviz-pure), dot or graphviz-pure.", case_sensitive=False
        ),
    ] = "auto",
    timeout: Annotated[
        float,
        typer.Option("--timeout", callback=_seconds, help="Seconds Graphviz may run for each map (above 0)."),
    ] = 120.0,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Draw the map again whenever its file, or a module beside it that it imports, changes; "
            "Ctrl-C stops (exit 0). With -f html the page is also served on 127.0.0.1 and reloads itself.",
        ),
    ] = False,
    evaluated: Annotated[
        bool,
        typer.Option(
            "--evaluate",
            help="Colour each claim by whether it stands (accepted, rejected, undecided); "
            "the html page also gives each status's reason, and a toggle for the colours.",
        ),
    ] = False,
    semantics: Annotated[
        SemanticsName,
        typer.Option(
            "--semantics", "-s", help="With --evaluate: the semantics that decides what stands.", case_sensitive=False
        ),
    ] = "grounded",
    layout: Annotated[
        Literal["auto", "full", "fast", "split"],
        typer.Option(
            "--layout",
            case_sensitive=False,
            help="full: one diagram laid out whole; fast: one diagram, each main conclusion's argument laid out "
            "on its own and packed; split: a diagram per main conclusion or group of them (MAP-1.svg, ...) and an "
            "overview; auto: full, then fast above --fast-above claims, split above --split-above. An argument "
            "too big to lay out whole is cut into its top levels and branches (one argument: its top levels are "
            "the overview).",
        ),
    ] = "auto",
    fast_above: Annotated[
        int, typer.Option("--fast-above", min=0, help="With --layout auto: draw fast above this many claims.")
    ] = 1_000,
    split_above: Annotated[
        int, typer.Option("--split-above", min=0, help="With --layout auto: split above this many claims.")
    ] = 10_000,
    diagram_size: Annotated[
        int, typer.Option("--diagram-size", min=1, help="Claims a diagram of a split holds at most.")
    ] = 1_500,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus", help="Draw only this claim (its id or text) and its neighbours, the claim highlighted."
        ),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth", min=0, help="With --focus: how many relation steps out to draw (default 2; 0 or more)."
        ),
    ] = None,
    from_format: Annotated[MapFormat | None, typer.Option("--from", help=FROM_HELP, case_sensitive=False)] = None,
    run_python: Annotated[bool, typer.Option("--run-python", help=RUN_PYTHON_HELP)] = False,
) -> None:
    """Draw maps as Graphviz diagrams: SVG, PNG, PDF, DOT source, or an interactive HTML page.

    Claims are boxes with their source under the text; supports are blue
    arrows, rebuttals vermilion bars, skeptical responses dashed "?" arrows.
    The html page adds search, zoom, and each claim's sources a click away.
    Big maps are laid out in parts, or split into several diagrams and an
    overview (--layout), and the command says what it did. Ctrl-C stops
    Graphviz and writes nothing (exit 130). Exits with 3 when Graphviz is
    missing or fails.

    Example: argmap render examples/wire_cia_drawdown.py -f png --group-by source
    """
    from argmap.drawing import DEPTH
    from argmap.render.dot import DotOptions

    if depth is not None and focus is None:
        fail("--depth says how far from the --focus claim to draw: give --focus CLAIM too")
    with errors():
        options = DotOptions(
            direction=direction,
            wrap=wrap,
            attributions=attributions,
            legend=legend,
            group_by=group_by,
            quotes=quotes,
            size=size,
            page=page,
            dpi=dpi,
        )
        to_file = output is not None and not _standard(output) and not output.is_dir()
        try:
            chosen = _format(format, output if to_file else None)
        except OptionError:
            # `-o out/` for a folder not made yet: say what -o needs, not that "out" names no format.
            if to_file and len([found for reference in maps for found in expand(reference, run_python=run_python)]) > 1:
                raise OptionError(f"{output}: with several maps, -o must name an existing folder") from None
            raise
        jobs = _render_jobs(maps, output, chosen, run_python=run_python)
        program: EngineName = engine
        if watch:
            _watchable(jobs)
        arrangement = None  # DOT is written whole, with no Graphviz to lay it out: no layout to import
        if chosen != "dot":
            from argmap.engine import find_engine
            from argmap.render.layout import LayoutOptions

            arrangement = LayoutOptions(layout, fast_above, split_above, diagram_size)
            find_engine(program, chosen)  # missing: exit 3 before any map is read
    drawing = _Drawing(chosen, options, program, timeout, semantics if evaluated else None)
    drawing.from_format = from_format
    drawing.layout = arrangement
    drawing.focus = None if focus is None else (focus, DEPTH if depth is None else depth)
    if watch:
        _watch_render(jobs[0][0], jobs[0][1], drawing)
        return
    progress = _progress(len(jobs))
    if progress is None:
        for reference, target in jobs:
            drawing.draw(reference, target, quiet=False)
    else:
        with progress:
            task = progress.add_task("rendering", total=len(jobs))
            for reference, target in jobs:
                drawing.draw(reference, target, quiet=True)
                progress.advance(task)
        typer.echo(f"wrote {drawing.written} of {len(jobs)} diagram{'s' if len(jobs) != 1 else ''}", err=True)
    if drawing.worst:
        raise typer.Exit(drawing.worst)


def _render_jobs(
    maps: list[str], output: Path | None, format: str, *, run_python: bool = False
) -> list[tuple[str, Path | None]]:
    """Return (map reference, file to write) for every map named, a folder standing for its map files.

    The file is ``None`` for standard input without ``-o``: the diagram goes to standard output.
    """
    references = [found for reference in maps for found in expand(reference, run_python=run_python)]
    into = output is not None and not _standard(output) and output.is_dir()
    if len(references) > 1 and output is not None and not into:
        raise OptionError(f"{output}: with several maps, -o must name an existing folder")
    if output is not None and _standard(output):
        return [(reference, None) for reference in references]
    jobs: list[tuple[str, Path | None]] = []
    for reference in references:
        name = f"{_stem(reference)}.{format}"
        target: Path | None
        if output is not None:
            target = output / name if into else output
        elif reference == "-":
            target = None
        elif Path(reference).exists():
            target = Path(reference).with_name(name)
        else:
            target = Path(name)  # a module:attribute, drawn into the current folder
        if target is not None and not target.parent.is_dir():
            raise FileNotFoundError(2, "no such folder", str(target.parent))  # bad input: exit 2, even with no engine
        jobs.append((reference, target))
    targets = [target for _, target in jobs if target is not None]
    for target in targets:
        if targets.count(target) > 1:
            raise OptionError(f"{target}: two maps would be drawn into this one file; draw them into separate folders")
    return jobs


def _standard(output: Path) -> bool:
    """Tell whether *output* is ``-``, standard output."""
    return str(output) == "-"


def _stem(reference: str) -> str:
    """Return the name a diagram of *reference* gets, before its suffix: ``examples/readme.py`` → ``readme``."""
    if reference == "-":
        return "stdin"
    if not Path(reference).exists() and ":" in reference:
        module, _, attribute = reference.partition(":")
        last = module.rsplit(".", 1)[-1]
        return last if attribute in ("MAP", "build") else f"{last}-{attribute}"
    return Path(reference).name.split(".", 1)[0] or Path(reference).name


class _Drawing:
    """Draws maps one by one with the same settings; a failure is one line, and the next map still runs."""

    def __init__(
        self, format: str, options: DotOptions, engine: EngineName, timeout: float, semantics: Semantics | None
    ) -> None:
        self.format = format
        self.options = options
        self.semantics = semantics
        self.engine = engine
        self.timeout = timeout
        self.layout: LayoutOptions | None = None  # the default layout
        self.focus: tuple[str, int] | None = None
        self.worst = EXIT_OK
        self.written = 0
        self.from_format: str | None = None

    def prepared(self, amap: ArgumentMap) -> tuple[ArgumentMap, DotOptions | HtmlOptions | None]:
        """Return what to draw of *amap* and how: a --focus neighbourhood; with --evaluate, the whole map's statuses."""
        from argmap.drawing import prepare

        focus, depth = self.focus or (None, 0)
        return prepare(amap, self.options, format=self.format, focus=focus, depth=depth, semantics=self.semantics)

    def render(self, amap: ArgumentMap, target: Path, *, quiet: bool, label: str) -> list[str]:
        """Draw *amap* into *target* (and a split's diagrams beside it); return the lines that say what was done."""
        from argmap.drawing import render_files

        drawn, options = self.prepared(amap)
        silent = quiet or self.format == "dot"  # DOT is not laid out: written in a fraction of a second
        with _drawing_progress(label, len(drawn.claims), silent) as advance:
            rendered = render_files(
                drawn,
                target,
                self.format,
                options=options,
                engine=self.engine,
                timeout=self.timeout,
                layout=self.layout,
                advance=advance,
            )
        said = [] if rendered.summary is None else [f"{label}: {rendered.summary}"]
        first, *rest = rendered.paths
        if len(rest) == 1:
            said.append(f"wrote {first} and 1 diagram beside it ({rest[0].name})")
        elif rest:
            said.append(f"wrote {first} and {len(rest)} diagrams beside it ({rest[0].name} … {rest[-1].name})")
        else:
            said.append(f"wrote {first}")
        return said

    def draw(self, reference: str, target: Path | None, *, quiet: bool) -> None:
        from argmap.drawing import draw

        try:
            with errors():
                amap = read_map(reference, self.from_format)
                if target is None:
                    drawn, options = self.prepared(amap)
                    data = draw(
                        drawn,
                        self.format,
                        options=options,
                        engine=self.engine,
                        timeout=self.timeout,
                        layout=self.layout,
                    )
                    write_stdout(data)
                else:
                    for line in self.render(amap, target, quiet=quiet, label=reference):
                        if not quiet:
                            typer.echo(line, err=True)
                self.written += 1
        except typer.Exit as stop:
            if stop.exit_code not in (EXIT_INPUT, EXIT_ENGINE):
                raise  # an interrupt stops the whole run
            self.worst = max(self.worst, stop.exit_code)


def _watchable(jobs: list[tuple[str, Path | None]]) -> None:
    """Refuse --watch unless there is one map, a file, drawn into a file."""
    if len(jobs) != 1 or jobs[0][1] is None or not Path(jobs[0][0]).is_file():
        raise OptionError("--watch takes one map file (not standard input, a module:attribute or several maps)")


def _watch_render(reference: str, target: Path | None, drawing: _Drawing) -> None:
    """Draw the map into *target* now and after each change of its files, until Ctrl-C."""
    from argmap.cli import _watch as watching

    assert target is not None  # _watchable made sure
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(watching.serving(target.name)) if drawing.format == "html" else None

        def act(amap: ArgumentMap) -> str:
            said = drawing.render(amap, target, quiet=True, label=reference)
            if server is not None:
                server.publish(target.read_bytes())
            return "; ".join(said)

        typer.echo(f"watching {reference} (Ctrl-C stops)", err=True)
        if server is not None:
            typer.echo(f"serving {server.url}: open it, and the page reloads itself after each change", err=True)
        until_interrupted(
            lambda: watching.watch(
                watching.Watcher(reference, drawing.from_format),
                act,
                report,
                failed=server.fail if server is not None else None,
            )
        )


_LONG = 500
"""From this many claims on, drawing one map on a terminal shows a spinner with the time taken."""


@contextlib.contextmanager
def _drawing_progress(label: str, claims: int, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Show, on a terminal, a spinner while a big map is laid out, and a bar over a split's diagrams."""
    if quiet or claims < _LONG or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(f"laying out {label} ({claims:,} claims)", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield advance


def _progress(count: int) -> Progress | None:
    """Return a progress bar on stderr for many maps on a terminal, or ``None``."""
    if count < _MANY or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
