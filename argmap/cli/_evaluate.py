"""`argmap evaluate`: which claims of a map, or which arguments of a framework, stand."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from argmap.cli import (
    SemanticsName,
    app,
    errors,
    fail,
    json_text,
    map_in,
    named_stdin,
    read_map,
    read_stdin,
    shown,
)

if TYPE_CHECKING:
    from argmap.map import ArgumentMap
    from argmap.semantics import Framework, Semantics


__all__: list[str] = []

_KINDS = {"SkepticalResponse": "skeptical_response"}  # the kind names of the native format
_TASK_NAMES = {"SE": "some extension", "DC": "credulous", "DS": "skeptical", "CE": "count", "EE": "every extension"}


@app.command()
def evaluate(
    source: Annotated[
        str,
        typer.Argument(help="A framework (.af, .apx or .tgf file), or a map (file, module:attribute, or - for stdin)."),
    ],
    semantics: Annotated[
        SemanticsName,
        typer.Option("--semantics", "-s", help="The semantics that decides what stands.", case_sensitive=False),
    ] = "grounded",
    from_format: Annotated[
        Literal["af", "apx", "tgf", "native", "python", "aif", "argdown", "sadface"] | None,
        typer.Option(
            "--from",
            help="The input's format, where neither name nor content says: af, apx or tgf for a framework, "
            "else a map format.",
            case_sensitive=False,
        ),
    ] = None,
    task: Annotated[
        str | None,
        typer.Option(
            "--task",
            "-t",
            help="For a framework, ICCMA's task: EE every extension (the default), SE some extension, "
            "DC credulous or DS skeptical acceptance of --argument, CE the count.",
        ),
    ] = None,
    argument: Annotated[
        str | None, typer.Option("--argument", "-a", help="The argument DC and DS ask about, by name.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="EE: stop after this many extensions.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON: for EE one line per extension (JSON Lines).")
    ] = False,
) -> None:
    """Tell which arguments or claims stand, under an argumentation semantics.

    A framework (a file ending in .af, .apx or .tgf, one whose content shows
    it is, or --from af|apx|tgf) answers one of ICCMA's tasks: by default
    every extension, each printed as soon as it is found; Ctrl-C stops, keeps
    what was printed, and exits 130. A map gives each claim and relation its
    status (accepted, rejected, undecided) and the reason.

    Example: argmap evaluate framework.af --semantics preferred --task DS --argument 3
    """
    if task is not None and task.upper() not in _TASK_NAMES:
        fail(f"unknown task {task!r}; choose one of {', '.join(_TASK_NAMES)}")
    task = task.upper() if task else None
    if task in ("DC", "DS") and argument is None:
        fail(f"--task {task} asks about one argument: name it with --argument")
    if argument is not None and task not in ("DC", "DS"):
        fail("--argument goes with --task DC or DS")
    if limit is not None and task not in (None, "EE"):
        fail("--limit goes with --task EE")
    with errors():
        if source == "-":
            text = read_stdin()
            framework = _framework_in(text, from_format)
        else:
            framework = _read_framework(source, from_format)
        if framework is None:
            if task is not None or limit is not None:
                fail("--task and --limit work on frameworks (.af, .apx, .tgf), not on maps")
            amap = map_in(text, from_format) if source == "-" else read_map(source, from_format)
            _evaluate_map(amap, semantics, as_json)
        else:
            _answer(framework, source, semantics, task or "EE", argument, limit, as_json)


def _read_framework(source: str, from_format: str | None) -> Framework | None:
    """Return the framework the file *source* holds, or ``None`` when it is a map: by --from, by name, by content."""
    from argmap.formats import REGISTRY, kind_for
    from argmap.semantics import formats as framework_formats

    if from_format is not None:
        return framework_formats.load(source, from_format) if REGISTRY[from_format].kind == "framework" else None
    kind = kind_for(source)
    if kind == "map" or not Path(source).is_file():
        return None  # a map file, a module:attribute, or a missing file, which the map reader reports
    return framework_formats.load(source)  # by name, else sniffed; a clear error when the content does not tell


def _framework_in(text: str, from_format: str | None) -> Framework | None:
    """Return the framework standard input's *text* holds, or ``None`` when it is a map: by --from, then content."""
    from argmap.formats import REGISTRY
    from argmap.semantics import formats as framework_formats

    if from_format is not None and REGISTRY[from_format].kind != "framework":
        return None
    format = from_format or framework_formats.sniff(text)
    if format is None:
        return None
    with named_stdin():
        return framework_formats.loads(text, format)


def _names(framework: Framework, extension: frozenset[str]) -> list[str]:
    """Return the names in *extension*, in the framework's order."""
    index = framework.index
    return sorted(extension, key=index.__getitem__)


def _braces(names: list[str]) -> str:
    return shown("{" + ", ".join(names) + "}")  # names come from the file


def _answer(
    framework: Framework,
    source: str,
    semantics: SemanticsName,
    task: str,
    argument: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """Answer *task* about *framework* and print the answer."""
    from argmap.semantics import tasks

    chosen: Semantics = semantics
    if task == "EE":
        _stream(framework, chosen, limit, as_json)
        return
    document: dict[str, object] = {"semantics": semantics, "task": task}
    if task == "SE":
        found = tasks.some_extension(framework, chosen)
        names = None if found is None else _names(framework, found)
        document["extension"] = names
        line = f"no {semantics} extension" if names is None else _braces(names)
    elif task == "CE":
        document["count"] = number = tasks.count(framework, chosen)
        line = str(number)
    else:
        assert argument is not None  # checked above
        credulously = task == "DC"
        if credulously:
            certificate = tasks.credulous_witness(framework, argument, chosen)
            accepted = certificate is not None
        else:
            certificate = tasks.skeptical_counterexample(framework, argument, chosen)
            accepted = certificate is None
        names = None if certificate is None else _names(framework, certificate)
        document |= {"argument": argument, "accepted": accepted, "extension": names}
        mode = "credulously" if credulously else "skeptically"
        verdict = "YES" if accepted else "NO"
        if names is None:
            reason = "no extension holds it" if credulously else "every extension holds it"
        else:
            reason = f"{'it is in' if credulously else 'it is not in'} {_braces(names)}"
        status = f"{argument} is{'' if accepted else ' not'} {mode} accepted under {semantics} semantics"
        line = f"{verdict}: {status}; {reason}"
    if as_json:
        typer.echo(json_text(document, indent=None))
    else:
        typer.echo(shown(line))


def _stream(framework: Framework, semantics: Semantics, limit: int | None, as_json: bool) -> None:
    """Print every extension as it is found, one line each; at Ctrl-C say how many came, and exit 130.

    A Ctrl-C that comes while a line is printed waits for the line's end, so
    that the count on stderr is the number of whole lines on stdout.
    """
    from argmap.semantics import labellings
    from argmap.semantics.framework import IN

    printing = False
    stop = False

    def interrupt(signal_number: int, frame: object) -> None:
        nonlocal stop
        if not printing:
            raise KeyboardInterrupt
        stop = True

    printed = 0
    try:
        previous = signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread: Ctrl-C does not come here
        previous = None
    try:
        for labelling in labellings(framework, semantics):
            names = labelling.arguments_labelled(IN)
            printing = True
            typer.echo(json_text(names, indent=None) if as_json else _braces(names))
            printed += 1
            printing = False
            if stop:
                raise KeyboardInterrupt
            if printed == limit:
                break
    except KeyboardInterrupt:
        sys.stdout.flush()
        typer.echo(f"argmap: interrupted after {printed} extension{'s' if printed != 1 else ''}", err=True)
        raise typer.Exit(130) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _evaluate_map(amap: ArgumentMap, semantics: SemanticsName, as_json: bool) -> None:
    from argmap.evaluate import evaluate as evaluate_map

    result = evaluate_map(amap, semantics)
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
        typer.echo(json_text(document))
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
            reason = shown(verdict.reason.partition(": ")[2])  # ids come from the file
            table.append([_shorten(shown(element.id)), verdict.status, *views, reason])
        typer.echo("")
        widths = [max(len(row[column]) for row in table) for column in range(len(header) - 1)]
        for row in table:
            typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
