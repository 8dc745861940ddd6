"""Write docs/reference/cli.md from the typer app itself: `python docs/cli_reference.py`.

tests/test_docs.py fails while the page differs from what this writes, so the
reference cannot drift from the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from argmap.cli import app

PAGE = Path(__file__).resolve().parent / "reference" / "cli.md"


def reference() -> str:
    """Return the command-line reference as Markdown."""
    group = typer.main.get_command(app)
    context = typer.Context(group, info_name="argmap")
    lines = [
        "# Command-line reference",
        "",
        "Generated from the `argmap` command itself by `docs/cli_reference.py`; "
        "see [the command line](../cli.md) for a guided tour and the exit codes.",
        "",
        *_describe(group, context, "argmap"),
    ]
    for name in group.list_commands(context):  # type: ignore[attr-defined]  # the app is a group of commands
        command = group.get_command(context, name)  # type: ignore[attr-defined]
        lines += _describe(command, typer.Context(command, info_name=name, parent=context), f"argmap {name}")
    return "\n".join(lines).rstrip() + "\n"


def _describe(command: Any, context: typer.Context, title: str) -> list[str]:
    usage = " ".join(command.collect_usage_pieces(context))
    lines = [f"## `{title}`", "", "```text", f"{title} {usage}".rstrip(), "```", ""]
    if command.help:
        lines += [command.help.strip(), ""]
    rows = []
    for parameter in command.get_params(context):
        record = parameter.get_help_record(context)
        if record is None:
            continue
        names, text = record
        escaped = text.replace("|", r"\|")
        rows.append(f"| `{names}` | {escaped} |")
    if rows:
        lines += ["| option | what it does |", "|---|---|", *rows, ""]
    return lines


if __name__ == "__main__":
    PAGE.write_text(reference(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(Path.cwd()) if PAGE.is_relative_to(Path.cwd()) else PAGE}")
