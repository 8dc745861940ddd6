"""The ``argmap`` command: parse the command line, call the library, print.

Exit codes, the same for every command:

====  =====================================================================
0     success
1     problems found (commands that check: ``argmap check``)
2     bad input or usage: a missing or malformed file, an unknown format
3     Graphviz is missing or failed
130   interrupted (Ctrl-C): Graphviz stopped, nothing written
141   standard output's reader went away (``| head``)
143   terminated (SIGTERM): Graphviz stopped, nothing written
====  =====================================================================

An :class:`~argmap.errors.ArgmapError` becomes one line on stderr and its
exit code; a traceback reaching a user is a bug. Heavy modules (renderers,
Graphviz, formats other than the one asked for) are imported inside the
commands, so that ``argmap --help`` answers at once.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeAlias

import typer
from typer.core import TyperGroup

from argmap import __version__
from argmap.errors import ArgmapError, EngineError, EngineNotFoundError, FormatError, OptionError
from argmap.semantics import Semantics

if TYPE_CHECKING:
    from argmap.map import ArgumentMap

__all__ = [
    "EXIT_ENGINE",
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_PIPE",
    "EXIT_TERMINATED",
    "EXIT_PROBLEMS",
    "FROM_HELP",
    "MapFormat",
    "SemanticsName",
    "RUN_PYTHON_HELP",
    "STDIN",
    "app",
    "errors",
    "exit_code",
    "expand",
    "map_in",
    "message",
    "named_stdin",
    "read_map",
    "read_stdin",
    "write_stdout",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INPUT = 2
EXIT_ENGINE = 3

EXIT_PIPE = 141
"""The reader of standard output went away (``argmap evaluate m.py | head -1``): 128 + SIGPIPE, as a Unix tool ends."""

EXIT_TERMINATED = 143
"""The command was asked to stop (``kill``, a CI timeout): 128 + SIGTERM, once Graphviz is stopped, nothing written."""


_click = importlib.import_module(typer.BadParameter.__module__)
"""The exceptions of the click typer runs on: click's own, or from typer 0.27 on its copy of click."""


class _Commands(TyperGroup):
    """The argmap commands, ending as a Unix tool does: a usage error is one line, a closed pipe says nothing."""

    def main(  # type: ignore[override]  # the same parameters, passed on
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run a command; print a usage error (a bad option value, an unknown command) as one line, exit 2."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            with _stopped_by_sigterm():
                code = super().main(args, prog_name, complete_var, False, **extra)
        except _Terminated:
            typer.echo("argmap: terminated", err=True)
            sys.exit(EXIT_TERMINATED)
        except _click.ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `argmap` alone: its help
                typer.echo(error.ctx.get_help())
                sys.exit(error.exit_code)
            said = " ".join(error.format_message().split())
            context = getattr(error, "ctx", None)
            hint = f" (see {context.command_path} --help)" if isinstance(error, _click.UsageError) and context else ""
            typer.echo(f"argmap: error: {said}{hint}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo("argmap: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else EXIT_OK)

    def invoke(self, ctx: Any) -> Any:
        """Run the command; when standard output's reader has gone, stop at once and quietly."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_PIPE) from None


class _Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread, it unwinds as Ctrl-C does, stopping Graphviz and writing nothing.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` takes it for an error of the input.
    """


def _terminate(signal_number: int, frame: object) -> NoReturn:
    raise _Terminated


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Terminated` for the duration, where a handler can be set (the main thread).

    By default SIGTERM ends Python at once, leaving a running Graphviz child behind and a staged file on disk.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's last flush at exit finds no closed pipe to complain of."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test runner's): nothing will be flushed into a pipe
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


app = typer.Typer(
    cls=_Commands,
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


def shown(text: str) -> str:
    """Return *text*, which may come from a file, safe to print: no escape sequence or line break reaches the terminal.

    The controls a file could hold (an ESC starting a terminal sequence, a C1
    CSI, a carriage return, bidirectional overrides) are shown as visible
    symbols, as ``argmap outline`` shows them.
    """
    from argmap.render.outline import visible  # not at import: argmap --help stays fast

    return visible(text)


def json_text(document: object, indent: int | None = 2) -> str:
    r"""Return *document* as JSON for a terminal, with C1 controls and bidirectional marks escaped as ``\uXXXX``.

    ``json.dumps`` escapes C0 controls already; C1 controls and the
    bidirectional overrides it leaves as they are, and a terminal obeys them.
    """
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """Print one line on stderr and exit with *code*."""
    line = " ".join(message.split()) if "\n" in message or "\r" in message else message
    typer.echo(f"argmap: error: {shown(line)}", err=True)
    raise typer.Exit(code)


def message(error: BaseException) -> str:
    """Return the one line a user reads for *error*: argmap's own message, or the system's naming the file."""
    if isinstance(error, OSError) and not isinstance(error, ArgmapError):
        where = f"{error.filename}: " if error.filename else ""
        text = f"{where}{error.strerror or error}"
    else:
        text = str(error)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def exit_code(error: BaseException) -> int:
    """Return the exit code of *error*: 3 for Graphviz, 2 for any other bad input."""
    return EXIT_ENGINE if isinstance(error, (EngineNotFoundError, EngineError)) else EXIT_INPUT


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Turn argmap's errors, and the operating system's, into one line and an exit code."""
    try:
        yield
    except BrokenPipeError:
        raise  # the reader went away: the command line's main() ends quietly
    except (ArgmapError, OSError) as error:
        fail(message(error), exit_code(error))
    except KeyboardInterrupt:
        typer.echo("argmap: interrupted", err=True)
        raise typer.Exit(130) from None


STDIN = "<stdin>"
"""How errors name standard input."""


def read_stdin() -> str:
    """Return standard input as text: UTF-8, a BOM dropped; else a :class:`FormatError` naming ``<stdin>``.

    At most ``READ_LIMIT`` bytes are read, as from a file: ``argmap check - < /dev/zero`` ends in one line.
    """
    from argmap import formats

    data = sys.stdin.buffer.read(formats.READ_LIMIT + 1)
    if len(data) > formats.READ_LIMIT:
        raise FormatError(f"holds more than {formats.READ_LIMIT:,} bytes, the most argmap reads", path=STDIN)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError("is not UTF-8 text", path=STDIN, line=line) from None


@contextlib.contextmanager
def named_stdin() -> Iterator[None]:
    """Name standard input ``<stdin>`` in a :class:`FormatError` raised inside that names no file."""
    try:
        yield
    except FormatError as error:
        if error.path is None:
            error.path = STDIN
        raise


def map_in(text: str, format: str | None = None) -> ArgumentMap:
    """Return the map standard input's *text* holds, in *format* or the one its content shows."""
    from argmap import formats

    with named_stdin():
        return formats.loads(text, format or _sniff(text))


def read_map(reference: str, format: str | None = None) -> ArgumentMap:
    """Return the map *reference* names: a file, a ``module:attribute``, or ``-`` for standard input."""
    from argmap import formats

    if reference == "-":
        return map_in(read_stdin(), format)
    if format is None and not Path(reference).exists() and ":" in reference:
        format = "python"  # a module:attribute reference
    return formats.load(reference, format)


def _sniff(text: str) -> str:
    """Guess the format of text read from standard input: JSON formats by their content, or Argdown."""
    from argmap.formats import sniff

    format = sniff(text)
    if format is None:
        raise FormatError("cannot tell the format of standard input; name it with --from", path=STDIN)
    return format


def expand(reference: str, *, run_python: bool = False) -> list[str]:
    """Return the maps *reference* stands for: itself, or for a folder the map files in it, sorted.

    A folder's Python files are left out unless *run_python*: reading one
    runs its code, which nobody named. With it, only those that define a
    top-level ``MAP`` or ``build`` (seen without running them) are taken.
    Names starting with ``_`` or ``.`` are left out.

    Raises:
        FormatError: the folder holds no map file.
    """
    from argmap.formats import format_for

    folder = Path(reference)
    if reference == "-" or not folder.is_dir():
        return [reference]
    found: list[str] = []
    skipped = 0
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(("_", ".")):
            continue
        try:
            format = format_for(path)
        except FormatError:
            continue
        if format == "python" and not run_python:
            skipped += 1
        elif format != "python" or _defines_map(path):
            found.append(str(path))
    if not found:
        files = "1 Python file is" if skipped == 1 else f"{skipped} Python files are"
        more = f" ({files} read only with --run-python)" if skipped else ""
        raise FormatError(f"no map files in this folder{more}", path=folder)
    return found


def _defines_map(path: Path) -> bool:
    """Tell whether the Python file *path* assigns ``MAP`` or defines ``build`` at its top level, without running it."""
    import ast

    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, MemoryError, RecursionError):
        return True  # let reading it report what is wrong: compiling runs nothing
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == "build":
            return True
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        if any(isinstance(target, ast.Name) and target.id == "MAP" for target in targets):
            return True
    return False


MapFormat = Literal["native", "python", "aif", "argdown", "sadface", "kialo"]
"""The map formats, as the command line offers them (matched in any case)."""
SemanticsName: TypeAlias = Semantics
"""The semantics, as the command line offers them: the library's own list, so every command checks them alike."""

FROM_HELP = "The input's format, where its name or content does not say."
RUN_PYTHON_HELP = (
    "Also read the Python maps (.py) in folders named, which runs their code: only for folders you trust. "
    "Files named one by one are always read."
)


@app.command()
def check(
    maps: Annotated[
        list[str], typer.Argument(help="Maps to check: files, folders of map files, module:attribute, or - for stdin.")
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Count warnings as problems, not only errors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems of every map as JSON.")] = False,
    from_format: Annotated[MapFormat | None, typer.Option("--from", help=FROM_HELP, case_sensitive=False)] = None,
    run_python: Annotated[bool, typer.Option("--run-python", help=RUN_PYTHON_HELP)] = False,
) -> None:
    """Report the problems in maps: support cycles, orphan claims, unattributed claims, ...

    Every map is checked, a map that cannot be read reported in one line and
    the rest still checked. Exits with the worst status: 2 when a map could
    not be read, else 1 when a map has an error (or, with --strict, any
    problem), else 0.

    Example: argmap check examples/wire_cia_drawdown.py
    """
    from argmap.check import check as check_map

    found: dict[str, list[dict[str, object]]] = {}
    worst = EXIT_OK
    count = 0
    with errors():
        for argument in maps:
            try:
                references = expand(argument, run_python=run_python)
            except (ArgmapError, OSError) as error:
                worst = max(worst, _unreadable(found, argument, error, as_json))
                continue
            for reference in references:
                count += 1
                try:
                    problems = check_map(read_map(reference, from_format))
                except (ArgmapError, OSError) as error:
                    worst = max(worst, _unreadable(found, reference, error, as_json))
                    continue
                found[reference] = [
                    {"severity": p.severity, "code": p.code, "message": p.message, "elements": list(p.elements)}
                    for p in problems
                ]
                if any(p.severity == "error" or strict for p in problems):
                    worst = max(worst, EXIT_PROBLEMS)
                if not as_json:
                    for problem in problems:
                        typer.echo(shown(f"{reference}: {problem}"))
        if as_json:
            typer.echo(json_text(found))
        elif worst == EXIT_OK and not any(found.values()):
            typer.echo(f"no problems in {count} map{'s' if count != 1 else ''}")
    if worst:
        raise typer.Exit(worst)


def _unreadable(found: dict[str, list[dict[str, object]]], reference: str, error: BaseException, as_json: bool) -> int:
    """Record that *reference* could not be read (a problem with the code ``unreadable``); return the exit code."""
    said = message(error)
    found[reference] = [{"severity": "error", "code": "unreadable", "message": said, "elements": []}]
    if not as_json:
        typer.echo(f"argmap: error: {shown(said)}", err=True)
    return exit_code(error)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The map to read (file, module:attribute, or - for stdin).")],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="The file to write, its name implying the format, or - for stdout (with --to)."
        ),
    ],
    from_format: Annotated[MapFormat | None, typer.Option("--from", help=FROM_HELP, case_sensitive=False)] = None,
    to_format: Annotated[
        MapFormat | None,
        typer.Option("--to", help="The output's format, where the name of -o does not say.", case_sensitive=False),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Say nothing of what the output format cannot hold, or of the input.")
    ] = False,
) -> None:
    """Convert a map from one format to another; the file names imply the formats.

    Formats: native (.json), aif (.aif.json), argdown (.argdown), sadface
    (.sadface.json), python (.py). A plain .json input is read as the format
    its content shows. What the input held that a map cannot, and what the
    output format cannot hold (one line a part of the map), are printed as
    warnings; --quiet silences them. -o - --to FORMAT writes to stdout.

    Example: argmap convert nodeset7903.json -o debate.argdown
    """
    from argmap import formats

    standard = str(output) == "-"
    with errors():
        if standard and to_format is None:
            raise OptionError("-o - writes to standard output: name its format with --to")
        amap = read_map(source, from_format)
        target = to_format or formats.format_for(output)
        if standard:
            text = formats.dumps(amap, target)
        else:
            formats.dump(amap, output, target)
        if not quiet:
            for problem in amap.load_problems:
                typer.echo(shown(f"argmap: {problem.severity}: {source}: {problem.message}"), err=True)
            for loss in formats.lost(amap, target):
                typer.echo(f"argmap: warning: {output}: {loss}; left out", err=True)
        if standard:
            write_stdout(text.encode("utf-8"))
        else:
            typer.echo(f"wrote {output}", err=True)


def write_stdout(data: bytes) -> None:
    """Write *data* to standard output as it is, byte for byte (a PNG as well as text)."""
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def report(line: str) -> None:
    """Print one line about what a command is doing on stderr, where it does not mix with output."""
    typer.echo(shown(line), err=True)


def until_interrupted(run: Callable[[], None]) -> None:
    """Run *run* until Ctrl-C, then say so and exit with 0: stopping is how a watch ends."""
    try:
        run()
    except KeyboardInterrupt:
        typer.echo("stopped watching", err=True)
        raise typer.Exit(EXIT_OK) from None


# The other commands have modules of their own; importing them registers them with the app, in this order.
from argmap.cli import _evaluate, _render, _outline  # noqa: E402, F401, I001
