r"""Trivial Graph Format for frameworks: argument names, a ``#`` line, then attacks.

One argument a line (its name, the first word; any words after it are a
label, which frameworks do not keep), a line holding only ``#``, then one
``attacker target`` line per attack (words after the two names are a label,
and dropped too). Names are single words, so a framework whose names hold
white space cannot be written as TGF.

>>> from argmap.semantics import Framework
>>> print(dumps(Framework(["a", "b"], [("a", "b")])), end="")
a
b
#
a b
>>> loads("a\nb\n#\nb a\n").attacks
(('b', 'a'),)
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError
from argmap.semantics.formats._lines import column
from argmap.semantics.framework import Framework

__all__ = ["dump", "dumps", "load", "loads"]

_LINE_END = re.compile(r"\r\n?|\n")


def loads(text: str, *, path: str | Path | None = None) -> Framework:
    """Return the framework in TGF *text*.

    Raises:
        FormatError: a name is given twice, or an attack names an argument
            not declared above the ``#`` line; the error names line and column.
    """
    names: list[str] = []
    index: dict[str, int] = {}
    successors: list[list[int]] = []
    attacks = False
    for number, line in enumerate(_LINE_END.split(text), start=1):  # CR, CRLF or LF, as each line ends
        parts = line.split()
        if not parts:
            continue
        if not attacks:
            if parts == ["#"]:
                attacks = True
                continue
            name = parts[0]
            if name in index:
                raise FormatError(
                    f"argument {name!r} is declared twice", path=path, line=number, column=column(line, 0)
                )
            index[name] = len(names)
            names.append(name)
            successors.append([])
            continue
        if len(parts) < 2:
            raise FormatError(
                "an attack is two argument names, 'attacker target'", path=path, line=number, column=column(line, 0)
            )
        for position in (0, 1):
            if parts[position] not in index:
                raise FormatError(
                    f"{parts[position]!r} is not declared as an argument above the '#' line",
                    path=path,
                    line=number,
                    column=column(line, position),
                )
        successors[index[parts[0]]].append(index[parts[1]])
    return Framework.from_numbers(names, successors)


def load(path: str | Path) -> Framework:
    """Return the framework in the TGF file *path*."""
    return loads(read_text(path), path=path)


def dumps(framework: Framework) -> str:
    """Return *framework* as TGF text.

    Raises:
        FormatError: an argument's name is not a single word, or is ``#``.
    """
    for name in framework.arguments:
        if name.split() != [name] or name == "#":
            raise FormatError(f"argument {name!r} cannot be written in TGF: names there are single words, and not '#'")
    lines = [*framework.arguments, "#"]
    lines.extend(f"{attacker} {target}" for attacker, target in framework.attacks)
    return "\n".join(lines) + "\n"


def dump(framework: Framework, path: str | Path) -> Path:
    """Write *framework* to *path* as TGF, atomically, and return the path."""
    return write_atomic(path, dumps(framework))
