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
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from argmap import __version__
from argmap.errors import ArgmapError, EngineError, EngineNotFoundError, FormatError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

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
        str | None, typer.Option("--from", help="The input's format (native, aif, argdown, sadface, kialo, python).")
    ] = None,
    to_format: Annotated[
        str | None, typer.Option("--to", help="The output's format (native, aif, argdown, sadface, kialo, python).")
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


def report(line: str) -> None:
    """Print one line about what a command is doing on stderr, where it does not mix with output."""
    typer.echo(line, err=True)


def until_interrupted(run: Callable[[], None]) -> None:
    """Run *run* until Ctrl-C, then say so and exit with 0: stopping is how a watch ends."""
    try:
        run()
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)
        raise typer.Exit(EXIT_OK) from None


# The other commands have modules of their own; importing them registers them with the app, in this order.
from argmap.cli import _evaluate, _render, _outline  # noqa: E402, F401, I001
