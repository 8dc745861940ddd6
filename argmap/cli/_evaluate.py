"""`argmap evaluate`: which claims of a map, or which arguments of a framework, stand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from argmap.cli import (
    STDIN,
    SemanticsName,
    app,
    errors,
    json_text,
    read_map,
    read_stdin,
    shown,
)
from argmap.errors import FormatError

if TYPE_CHECKING:
    from argmap.map import ArgumentMap


__all__: list[str] = []

_FRAMEWORK_FORMATS = ("af", "tgf")
_KINDS = {"SkepticalResponse": "skeptical_response"}  # the kind names of the native format


@app.command()
def evaluate(
    source: Annotated[
        str,
        typer.Argument(help="A framework (.af or .tgf file), or a map (file, module:attribute, or - for stdin)."),
    ],
    semantics: Annotated[
        SemanticsName,
        typer.Option("--semantics", "-s", help="The semantics that decides what stands.", case_sensitive=False),
    ] = "grounded",
    from_format: Annotated[
        Literal["af", "tgf", "native", "python", "aif", "argdown", "sadface"] | None,
        typer.Option(
            "--from",
            help="The input's format, where its name does not say: af or tgf for a framework, else a map format.",
            case_sensitive=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Tell which arguments or claims stand, under an argumentation semantics.

    A framework (a file ending in .af or .tgf, or --from af|tgf) gives its
    extensions; a map gives each claim and relation its status (accepted,
    rejected, undecided) and the reason.

    Example: argmap evaluate examples/readme.py --semantics preferred
    """
    with errors():
        suffix = Path(source).suffix.lower().lstrip(".")
        if from_format in _FRAMEWORK_FORMATS or (from_format is None and suffix in _FRAMEWORK_FORMATS):
            _evaluate_framework(source, from_format or suffix, semantics, as_json)
        else:
            _evaluate_map(read_map(source, from_format), semantics, as_json)


def _evaluate_framework(source: str, format: str, semantics: SemanticsName, as_json: bool) -> None:
    from argmap.semantics import formats as framework_formats
    from argmap.semantics import labellings
    from argmap.semantics.framework import IN

    if source == "-":
        try:
            framework = framework_formats.loads(read_stdin(), format)
        except FormatError as error:
            if error.path is None:
                error.path = STDIN
            raise
    else:
        framework = framework_formats.load(source, format)
    found = [labelling.arguments_labelled(IN) for labelling in labellings(framework, semantics)]
    if len(found) > 1:  # the solver's order is its own: print them in a stable one
        index = framework.index
        found.sort(key=lambda names: [index[name] for name in names])
    if as_json:
        typer.echo(json_text({"semantics": semantics, "extensions": found}, indent=None))
        return
    noun = "extension" if len(found) == 1 else "extensions"
    named = STDIN if source == "-" else source
    typer.echo(shown(f"{semantics}: {len(found) or 'no'} {noun} of {named} ({len(framework)} arguments)"))
    for number, names in enumerate(found, start=1):
        typer.echo(shown(f"  {number}: {{{', '.join(names)}}}"))  # names come from the file


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
