"""The ``argmap`` command: parse the command line, call the library, print.

Exit codes, the same for every command:

====  =====================================================================
0     success
1     problems found (commands that check: ``argmap check``)
2     bad input or usage: a missing or malformed file, an unknown format
3     Graphviz is missing or failed
====  =====================================================================

An :class:`~argmap.errors.ArgmapError` becomes one line on stderr and its
exit code; a traceback reaching a user is a bug. Heavy modules (renderers,
Graphviz, formats other than the one asked for) are imported inside the
commands, so that ``argmap --help`` answers at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, cast

import typer

from argmap import __version__
from argmap.errors import ArgmapError, EngineError, EngineNotFoundError, FormatError, OptionError

if TYPE_CHECKING:
    from rich.progress import Progress

    from argmap.engine import EngineName
    from argmap.map import ArgumentMap
    from argmap.render.dot import Direction, DotOptions, GroupBy
    from argmap.render.html import HtmlOptions
    from argmap.render.outline import Line
    from argmap.semantics import Semantics

__all__ = ["EXIT_ENGINE", "EXIT_INPUT", "EXIT_OK", "EXIT_PROBLEMS", "app", "read_map"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INPUT = 2
EXIT_ENGINE = 3

app = typer.Typer(
    name="argmap",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print argmap's version and exit."),
    ] = False,
) -> None:
    """Map the reasoning of an article or a debate: check it, convert it, draw it.

    MAP arguments name a file (argmap JSON, AIF, Argdown, SADFace, or a
    Python file that defines MAP or build()), a module:attribute reference,
    or - for standard input.

    Exit codes: 0 ok; 1 problems found; 2 bad input or usage; 3 Graphviz missing or failed.
    """


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print one line on stderr and exit with *code*."""
    typer.echo(f"argmap: error: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Turn argmap's errors, and the operating system's, into one line and an exit code."""
    try:
        yield
    except (EngineNotFoundError, EngineError) as error:
        fail(str(error), EXIT_ENGINE)
    except ArgmapError as error:
        fail(str(error))
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        fail(f"{where}{error.strerror or error}")
    except KeyboardInterrupt:
        typer.echo("argmap: interrupted", err=True)
        raise typer.Exit(130) from None


def read_map(reference: str, format: str | None = None) -> ArgumentMap:
    """Return the map *reference* names: a file, a ``module:attribute``, or ``-`` for standard input."""
    from argmap import formats

    if reference == "-":
        text = sys.stdin.read()
        return formats.loads(text, format or _sniff(text))
    if format is None and not Path(reference).exists() and ":" in reference:
        format = "python"  # a module:attribute reference
    return formats.load(reference, format)


def _sniff(text: str) -> str:
    """Guess the format of text read from standard input: JSON formats by their content, or Argdown."""
    from argmap.formats import sniff

    format = sniff(text)
    if format is None:
        raise FormatError("cannot tell the format of standard input; name it with --from", path="<stdin>")
    return format


@app.command()
def check(
    maps: Annotated[list[str], typer.Argument(help="Maps to check (files, module:attribute, or - for stdin).")],
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as problems, not only errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
) -> None:
    """Report the problems in maps: support cycles, orphan claims, unattributed claims, ...

    Exits with 1 when a map has an error (or, with --strict, any problem).

    Example: argmap check examples/wire_cia_drawdown.py
    """
    from argmap.check import check as check_map

    found: dict[str, list[dict[str, object]]] = {}
    failing = False
    with errors():
        for reference in maps:
            problems = check_map(read_map(reference))
            found[reference] = [
                {"severity": p.severity, "code": p.code, "message": p.message, "elements": list(p.elements)}
                for p in problems
            ]
            failing |= any(p.severity == "error" or strict for p in problems)
            if not as_json:
                for problem in problems:
                    typer.echo(f"{reference}: {problem}")
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif not any(found.values()):
        typer.echo(f"no problems in {len(maps)} map{'s' if len(maps) != 1 else ''}")
    if failing:
        raise typer.Exit(EXIT_PROBLEMS)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The map to read (file, module:attribute, or - for stdin).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write; its name implies the format.")],
    from_format: Annotated[
        str | None, typer.Option("--from", help="The input's format (native, aif, argdown, sadface, python).")
    ] = None,
    to_format: Annotated[
        str | None, typer.Option("--to", help="The output's format (native, aif, argdown, sadface, python).")
    ] = None,
) -> None:
    """Convert a map from one format to another; the file names imply the formats.

    Formats: native (.json), aif (.aif.json), argdown (.argdown), sadface
    (.sadface.json), python (.py). A plain .json input is read as the format
    its content shows. What the input held that a map cannot is printed as
    warnings.

    Example: argmap convert nodeset7903.json -o debate.argdown
    """
    from argmap import formats

    with errors():
        amap = read_map(source, from_format)
        formats.dump(amap, output, to_format)
    for problem in amap.load_problems:
        typer.echo(f"argmap: {problem.severity}: {source}: {problem.message}", err=True)
    typer.echo(f"wrote {output}", err=True)


_FRAMEWORK_FORMATS = ("af", "tgf")
_KINDS = {"SkepticalResponse": "skeptical_response"}  # the kind names of the native format


@app.command()
def evaluate(
    source: Annotated[
        str,
        typer.Argument(help="A framework (.af or .tgf file), or a map (file, module:attribute, or - for stdin)."),
    ],
    semantics: Annotated[
        str, typer.Option("--semantics", "-s", help="grounded, complete, preferred or stable.")
    ] = "grounded",
    from_format: Annotated[
        str | None,
        typer.Option("--from", help="The input's format, where its name does not say: af or tgf, native or python."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Tell which arguments or claims stand, under an argumentation semantics.

    A framework (a file ending in .af or .tgf, or --from af|tgf) gives its
    extensions; a map gives each claim and relation its status (accepted,
    rejected, undecided) and the reason.

    Example: argmap evaluate examples/readme.py --semantics preferred
    """
    from argmap.semantics import SEMANTICS

    if semantics not in SEMANTICS:
        fail(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    with errors():
        suffix = Path(source).suffix.lower().lstrip(".")
        if from_format in _FRAMEWORK_FORMATS or (from_format is None and suffix in _FRAMEWORK_FORMATS):
            _evaluate_framework(source, from_format or suffix, semantics, as_json)
        else:
            _evaluate_map(read_map(source, from_format), semantics, as_json)


def _evaluate_framework(source: str, format: str, semantics: str, as_json: bool) -> None:
    from argmap.semantics import formats as framework_formats
    from argmap.semantics import labellings
    from argmap.semantics.framework import IN

    if source == "-":
        framework = framework_formats.loads(sys.stdin.read(), format)
    else:
        framework = framework_formats.load(source, format)
    found = [
        labelling.arguments_labelled(IN)
        for labelling in labellings(framework, semantics)  # type: ignore[arg-type]  # checked against SEMANTICS
    ]
    if len(found) > 1:  # the solver's order is its own: print them in a stable one
        index = framework.index
        found.sort(key=lambda names: [index[name] for name in names])
    if as_json:
        typer.echo(json.dumps({"semantics": semantics, "extensions": found}, ensure_ascii=False))
        return
    noun = "extension" if len(found) == 1 else "extensions"
    typer.echo(f"{semantics}: {len(found) or 'no'} {noun} of {source} ({len(framework)} arguments)")
    for number, names in enumerate(found, start=1):
        typer.echo(f"  {number}: {{{', '.join(names)}}}")


def _evaluate_map(amap: ArgumentMap, semantics: str, as_json: bool) -> None:
    from argmap.evaluate import evaluate as evaluate_map

    result = evaluate_map(amap, semantics)  # type: ignore[arg-type]  # checked against SEMANTICS
    elements = [*amap.claims, *amap.relations]
    if as_json:
        rows = [
            {
                "id": element.id,
                "kind": _KINDS.get(type(element).__name__, type(element).__name__.lower()),
                "status": result[element].status,
                "reason": result[element].reason,
                "extensions": [view[element.id].status for view in result.views],
                "credulous": result.credulous(element),
                "skeptical": result.skeptical(element),
            }
            for element in elements
        ]
        document = {"semantics": semantics, "extensions": len(result.views), "elements": rows}
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    count = len(result.views)
    typer.echo(f"{semantics} semantics: {count or 'no'} extension{'s' if count != 1 else ''}")
    columns = len(result.views) > 1 and len(result.views) <= 4
    for title, group in (("claim", amap.claims), ("relation", amap.relations)):
        if not group:
            continue
        header = [title, "status", *(f"ext {n}" for n in range(1, count + 1) if columns), "reason"]
        table = [header]
        for element in group:
            verdict = result[element]
            views = [view[element.id].status for view in result.views] if columns else []
            table.append([_shorten(element.id), verdict.status, *views, verdict.reason.partition(": ")[2]])
        typer.echo("")
        widths = [max(len(row[column]) for row in table) for column in range(len(header) - 1)]
        for row in table:
            typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ------------------------------------------------------------------ argmap render

_MANY = 5
"""From this many maps on, `argmap render` shows a progress bar (on a terminal) instead of a line per map."""


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
            help="The file to write, or an existing folder to write into (needed for several maps). "
            "By default each diagram goes beside its map, named after it; stdin's goes to stdout.",
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf, dot (no engine needed) or html (an interactive page); by default -o's suffix, or svg.",
        ),
    ] = None,
    direction: Annotated[
        str, typer.Option("--direction", help="Where arrows point: BT (conclusions on top), TB, LR or RL.")
    ] = "BT",
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw a legend of the kinds used.")] = True,
    group_by: Annotated[
        str, typer.Option("--group-by", help="Frame claims together by: none, source, tag or document.")
    ] = "none",
    wrap: Annotated[int, typer.Option("--wrap", help="Characters per line of claim text.")] = 36,
    attributions: Annotated[
        bool, typer.Option("--attributions/--no-attributions", help="Show who said each claim.")
    ] = True,
    engine: Annotated[
        str, typer.Option("--engine", help="auto (system dot, else graphviz-pure), dot or graphviz-pure.")
    ] = "auto",
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds Graphviz may run for each map.")] = 120.0,
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
        Literal["grounded", "complete", "preferred", "stable"],
        typer.Option("--semantics", help="With --evaluate: the semantics that decides what stands."),
    ] = "grounded",
    layout: Annotated[
        Literal["auto", "full", "fast", "split"],
        typer.Option(
            "--layout",
            help="full: one diagram laid out whole; fast: one diagram, each main conclusion's argument laid out "
            "on its own and packed; split: a diagram per main conclusion or group of them (MAP-1.svg, ...) and an "
            "overview; auto: full, then fast above --fast-above claims, split above --split-above.",
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
        typer.Option("--depth", help="With --focus: how many relation steps out to draw (default 2; 0 or more)."),
    ] = None,
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
    from argmap import engine as engines
    from argmap.render.dot import DotOptions
    from argmap.render.layout import LayoutOptions

    if depth is not None and focus is None:
        fail("--depth says how far from the --focus claim to draw: give --focus CLAIM too")
    if depth is not None and depth < 0:
        fail(f"--depth must be 0 or more, got {depth}")
    with errors():
        arrangement = LayoutOptions(layout, fast_above, split_above, diagram_size)
        # DotOptions and find_engine check these strings and say what is allowed.
        options = DotOptions(
            direction=cast("Direction", direction),
            wrap=wrap,
            attributions=attributions,
            legend=legend,
            group_by=cast("GroupBy", group_by),
        )
        chosen = format or (engines.format_for(output) if output is not None and not output.is_dir() else "svg")
        jobs = _render_jobs(maps, output, chosen)
        program = cast("EngineName", engine)
        if watch:
            _watchable(jobs)
        if chosen != "dot":
            engines.find_engine(program, chosen)  # missing: exit 3 before any map is read
    drawing = _Drawing(chosen, options, program, timeout, semantics if evaluated else None)
    drawing.layout = arrangement
    drawing.focus = None if focus is None else (focus, 2 if depth is None else depth)
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
        typer.echo(f"wrote {drawing.written} of {len(jobs)} diagrams", err=True)
    if drawing.worst:
        raise typer.Exit(drawing.worst)


def _render_jobs(maps: list[str], output: Path | None, format: str) -> list[tuple[str, Path | None]]:
    """Return (map reference, file to write) for every map named, a folder standing for its map files.

    The file is ``None`` for standard input without ``-o``: the diagram goes to standard output.
    """
    from argmap.formats import format_for

    references: list[str] = []
    for reference in maps:
        folder = Path(reference)
        if reference == "-" or not folder.is_dir():
            references.append(reference)
            continue
        found = []
        for path in sorted(folder.iterdir()):
            with contextlib.suppress(FormatError):
                if path.is_file() and not path.name.startswith(("_", ".")) and format_for(path):
                    found.append(str(path))
        if not found:
            raise FormatError("no map files in this folder", path=folder)
        references.extend(found)
    into = output is not None and output.is_dir()
    if len(references) > 1 and output is not None and not into:
        raise OptionError(f"{output}: with several maps, -o must name an existing folder")
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
        from argmap.render.layout import LayoutOptions

        self.format = format
        self.options = options
        self.semantics = semantics
        self.engine = engine
        self.timeout = timeout
        self.layout = LayoutOptions()
        self.focus: tuple[str, int] | None = None
        self.worst = EXIT_OK
        self.written = 0

    def prepared(self, amap: ArgumentMap) -> tuple[ArgumentMap, DotOptions | HtmlOptions]:
        """Return what to draw of *amap* and how: a --focus neighbourhood; with --evaluate, the whole map's statuses."""
        import attrs

        drawn, options = amap, self.options
        if self.focus is not None:
            from argmap.parts import neighbourhood
            from argmap.render.dot import drawn_as_main

            centre = amap.claim_for(self.focus[0])
            drawn = neighbourhood(amap, centre, self.focus[1])
            main = frozenset(drawn_as_main(amap))  # the whole map's: a claim that leads on out of sight is none
            options = attrs.evolve(options, focus=centre.id, main_conclusions=main)
        if self.semantics is None:
            return drawn, options
        from argmap.evaluate import evaluate

        evaluation = evaluate(amap, self.semantics)  # the whole map decides what stands, drawn or not
        if self.format == "html":  # the page colours claims itself, with a toggle, and gives the reasons
            from argmap.render.html import HtmlOptions

            verdicts = {id: verdict for id, verdict in evaluation.verdicts.items() if id in drawn}
            return drawn, HtmlOptions(diagram=options, verdicts=verdicts, semantics=evaluation.semantics)
        from argmap.render.status import by_status

        return drawn, by_status(evaluation, options)

    def render(self, amap: ArgumentMap, target: Path, *, quiet: bool, label: str) -> list[str]:
        """Draw *amap* into *target* (and a split's diagrams beside it); return the lines that say what was done."""
        from argmap import engine as engines

        drawn, options = self.prepared(amap)
        with _drawing_progress(label, len(drawn.claims), quiet) as advance:
            rendered = engines.render_files(
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
        if rest:
            said.append(f"wrote {first} and {len(rest)} diagrams beside it ({rest[0].name} … {rest[-1].name})")
        else:
            said.append(f"wrote {first}")
        return said

    def draw(self, reference: str, target: Path | None, *, quiet: bool) -> None:
        from argmap import engine as engines

        try:
            with errors():
                amap = read_map(reference)
                if target is None:
                    drawn, options = self.prepared(amap)
                    data = engines.draw(
                        drawn,
                        self.format,
                        options=options,
                        engine=self.engine,
                        timeout=self.timeout,
                        layout=self.layout,
                    )
                    sys.stdout.buffer.write(data)
                    sys.stdout.flush()
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
    from argmap import watch as watching

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
        _until_interrupted(
            lambda: watching.watch(
                watching.Watcher(reference), act, _report, failed=server.fail if server is not None else None
            )
        )


def _report(line: str) -> None:
    typer.echo(line, err=True)


def _until_interrupted(run: Callable[[], None]) -> None:
    """Run *run* until Ctrl-C, then say so and exit with 0: stopping is how a watch ends."""
    try:
        run()
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)
        raise typer.Exit(EXIT_OK) from None


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


@app.command()
def outline(
    source: Annotated[
        str, typer.Argument(metavar="MAP", help="The map to outline (file, module:attribute, or - for stdin).")
    ],
    style: Annotated[
        Literal["tree", "ascii", "markdown"],
        typer.Option(
            "--style",
            help="tree: Unicode box drawing; ascii: the same drawn in ASCII; markdown: headings and nested lists.",
        ),
    ] = "tree",
    width: Annotated[
        int | None,
        typer.Option("--width", min=20, help="Wrap text at this column (88 unless the terminal is narrower)."),
    ] = None,
    root: Annotated[
        str | None, typer.Option("--root", help="Outline only the claims under this one (its id or its text).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the outline to this file (atomically), not stdout.")
    ] = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Outline the map again whenever its file, or a module beside it that it imports, changes; "
            "Ctrl-C stops (exit 0).",
        ),
    ] = False,
    evaluated: Annotated[
        bool,
        typer.Option(
            "--evaluate", help="Mark each claim with whether it stands, and why (accepted, rejected, undecided)."
        ),
    ] = False,
    semantics: Annotated[
        Literal["grounded", "complete", "preferred", "stable"],
        typer.Option("--semantics", help="With --evaluate: the semantics that decides what stands."),
    ] = "grounded",
) -> None:
    """Print a map as an outline: each main conclusion, and what supports, rebuts, undercuts and doubts it.

    Markers: + support, & premise of a linked support, - rebuttal, ~ undercut,
    ? skeptical response. Coloured in a terminal; plain when piped or when
    NO_COLOR is set.

    Example: argmap outline examples/wire_cia_drawdown.py --style markdown > wire.md
    """
    from argmap.render.outline import outline_lines

    terminal = output is None and sys.stdout.isatty()
    if width is None:
        width = max(20, min(88, shutil.get_terminal_size().columns)) if terminal else 88
    chosen_width = width

    def show(amap: ArgumentMap) -> str:
        status = None
        if evaluated:
            from argmap.evaluate import evaluate
            from argmap.render.status import status_line

            status = status_line(evaluate(amap, semantics), ascii=style == "ascii")
        lines = outline_lines(amap, style, chosen_width, root, status=status)
        if output is not None:
            from argmap._atomic import write_atomic

            write_atomic(output, "".join(f"{line}\n" for line in lines))
            return f"wrote {output}"
        if watch and terminal:
            typer.echo("\x1b[H\x1b[2J", nl=False)  # a fresh screen for each outline
        if terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb":
            _print_coloured(lines)
        else:
            typer.echo("".join(f"{line}\n" for line in lines), nl=False)
        return f"outlined {source}"

    if watch:
        from argmap import watch as watching

        with errors():
            if source == "-" or not Path(source).is_file():
                raise OptionError("--watch takes a map file (not standard input or a module:attribute)")
            if output is not None and not output.parent.is_dir():
                raise FileNotFoundError(2, "no such folder", str(output.parent))
        typer.echo(f"watching {source} (Ctrl-C stops)", err=True)
        _until_interrupted(lambda: watching.watch(watching.Watcher(source), show, _report))
        return
    with errors():
        written = show(read_map(source))
    if output is not None:
        typer.echo(written, err=True)


# How a terminal shows each role of an outline's spans (rich styles).
_COLOURS: dict[str, str] = {
    "tree": "dim",
    "support": "bold green",
    "premise": "green",
    "rebuttal": "bold red",
    "undercut": "bold magenta",
    "doubt": "bold yellow",
    "label": "italic",
    "conclusion": "bold",
    "id": "dim",
    "reference": "dim italic",
    "qualifier": "yellow",
    "attribution": "cyan",
    "quote": "italic",
    "title": "bold underline",
    "byline": "cyan",
    "note": "italic",
}


# A status line is coloured by its mark: accepted, rejected, undecided (Unicode and ASCII marks).
_STATUS_COLOURS: dict[str, str] = {"✓": "bold green", "✗": "bold red", "○": "bold yellow"}


def _print_coloured(lines: Sequence[Line]) -> None:
    """Print outline lines to the terminal with a colour for each role."""
    from rich.console import Console
    from rich.text import Text

    text = Text(no_wrap=True, end="")
    for line in lines:
        for role, piece in (*line.prefix, *line.content):
            colour = _STATUS_COLOURS.get(piece[:1], "bold") if role == "status" else _COLOURS.get(role)
            text.append(piece, colour)
        text.append("\n")
    Console(force_terminal=True, highlight=False, markup=False, emoji=False, soft_wrap=True).print(text, end="")
