"""`argmap outline`: a map as an indented outline, coloured in a terminal, once or as it changes."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from argmap.cli import (
    FROM_HELP,
    MapFormat,
    SemanticsName,
    app,
    errors,
    read_map,
    report,
    until_interrupted,
)
from argmap.errors import OptionError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.render.outline import Line


__all__: list[str] = []


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
            case_sensitive=False,
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
        Path | None,
        typer.Option("--output", "-o", help="Write the outline to this file (atomically), not stdout; - is stdout."),
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
        SemanticsName,
        typer.Option(
            "--semantics", "-s", help="With --evaluate: the semantics that decides what stands.", case_sensitive=False
        ),
    ] = "grounded",
    from_format: Annotated[MapFormat | None, typer.Option("--from", help=FROM_HELP, case_sensitive=False)] = None,
) -> None:
    """Print a map as an outline: each main conclusion, and what supports, rebuts, undercuts or answers it.

    Markers: + support, & premise of a linked support, - rebuttal, ~ undercut,
    ? skeptical response. Coloured in a terminal; plain when piped or when
    NO_COLOR is set.

    Example: argmap outline examples/wire_cia_drawdown.py --style markdown > wire.md
    """
    from argmap.render.outline import OutlineOptions, outline_lines
    from argmap.render.outline import outline as outline_text  # this command is named outline too

    if output is not None and str(output) == "-":
        output = None  # standard output, as without -o
    terminal = output is None and sys.stdout.isatty()
    if width is None:
        width = max(20, min(88, shutil.get_terminal_size().columns)) if terminal else 88
    chosen_width = width

    def show(amap: ArgumentMap) -> str:
        status = marks = None
        if evaluated:
            from argmap.evaluate import evaluate
            from argmap.render.status import relation_mark, status_line

            evaluation = evaluate(amap, semantics)
            status = status_line(evaluation, ascii=style == "ascii")
            marks = relation_mark(evaluation, ascii=style == "ascii")
        options = OutlineOptions(style=style, width=chosen_width, root=root, status=status, marks=marks)
        coloured = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        # Plain text needs no spans to colour: outline() writes it several times faster than outline_lines().
        lines = outline_lines(amap, options) if coloured else None
        text = outline_text(amap, options) if lines is None else ""
        if output is not None:
            from argmap._io import write_atomic

            write_atomic(output, text)
            return f"wrote {output}"
        if watch and terminal:
            typer.echo("\x1b[H\x1b[2J", nl=False)  # a fresh screen for each outline
        if lines is not None:
            _print_coloured(lines)
        else:
            typer.echo(text, nl=False)
        return f"outlined {source}"

    if watch:
        from argmap.cli import _watch as watching

        with errors():
            if source == "-" or not Path(source).is_file():
                raise OptionError("--watch takes a map file (not standard input or a module:attribute)")
            if output is not None and not output.parent.is_dir():
                raise FileNotFoundError(2, "no such folder", str(output.parent))
        typer.echo(f"watching {source} (Ctrl-C stops)", err=True)
        until_interrupted(lambda: watching.watch(watching.Watcher(source, from_format), show, report))
        return
    with errors():
        written = show(read_map(source, from_format))
    if output is not None:
        typer.echo(written, err=True)


# How a terminal shows each role of an outline's spans (rich styles).
_COLOURS: dict[str, str] = {
    "tree": "dim",
    "support": "bold green",
    "premise": "green",
    "rebuttal": "bold red",
    "undercut": "bold magenta",
    "skeptical_response": "bold yellow",
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


def _status_colour(piece: str) -> str:
    """Return the terminal style of a status line: its status's colour, found by the mark it starts with."""
    from argmap.evaluate import STATUSES

    for entry in STATUSES.values():
        if piece.startswith((entry.mark, entry.ascii_mark)):
            return f"bold {entry.terminal}"
    return "bold"


def _print_coloured(lines: Sequence[Line]) -> None:
    """Print outline lines to the terminal with a colour for each role."""
    from rich.console import Console
    from rich.text import Text

    text = Text(no_wrap=True, end="")
    for line in lines:
        for role, piece in (*line.prefix, *line.content):
            colour = _status_colour(piece) if role == "status" else _COLOURS.get(role)
            text.append(piece, colour)
        text.append("\n")
    Console(force_terminal=True, highlight=False, markup=False, emoji=False, soft_wrap=True).print(text, end="")
