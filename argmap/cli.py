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
from collections.abc import Iterator
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

    MAP arguments name a native JSON file, a Python file that defines MAP or
    build(), a module:attribute reference, or - for standard input.

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
    """Guess the format of text read from standard input."""
    if text.lstrip().startswith("{"):
        return "native"
    raise FormatError("cannot tell the format of standard input; name it with --from", path="<stdin>")


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
        str | None, typer.Option("--from", help="The input's format, where its name does not say.")
    ] = None,
    to_format: Annotated[
        str | None, typer.Option("--to", help="The output's format, where its name does not say.")
    ] = None,
) -> None:
    """Convert a map from one format to another; the file names imply the formats.

    Example: argmap convert examples/wire_cia_drawdown.py -o wire.json
    """
    from argmap import formats

    with errors():
        amap = read_map(source, from_format)
        formats.dump(amap, output, to_format)
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
