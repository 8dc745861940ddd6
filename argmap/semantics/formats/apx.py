r"""ASPARTIX's ``.apx`` format: ``arg(a).`` facts for arguments and ``att(a,b).`` facts for attacks.

The format of ICCMA before 2023 and of most published benchmark sets: logic
programming facts, any number on a line, ``%`` starting a comment to the end
of the line. A name is a bare word (letters, digits, ``_``, as ASP constants
and numbers are written; files from the wild also use capitals) or a quoted
string with ``\"`` and ``\\`` escapes, which is how names holding anything
else are written.

>>> from argmap.semantics import Framework
>>> print(dumps(Framework(["a", "b"], [("a", "b")])), end="")
arg(a).
arg(b).
att(a,b).
>>> loads('arg(x). arg("two words").\natt(x, "two words").').attacks
(('x', 'two words'),)
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap._io import read_text, write_atomic
from argmap.errors import FormatError
from argmap.semantics.framework import Framework

__all__ = ["dump", "dumps", "load", "loads"]

_NAME = r'(?:[A-Za-z0-9_]+|"(?:[^"\\]|\\.)*")'
_FACT = re.compile(rf"\s*(?:(arg)\(\s*({_NAME})\s*\)|(att)\(\s*({_NAME})\s*,\s*({_NAME})\s*\))\s*\.")
_SPACE = re.compile(r"(?:\s|%[^\n]*)*")
_BARE = re.compile(r"[a-z][A-Za-z0-9_]*|[0-9]+")


def _name(token: str) -> str:
    if token.startswith('"'):
        return re.sub(r"\\(.)", r"\1", token[1:-1])
    return token


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def loads(text: str, *, path: str | Path | None = None) -> Framework:
    """Return the framework in ASPARTIX *text*.

    Attacks may come before the arguments they name: an attack is checked
    once every ``arg`` fact is read.

    Raises:
        FormatError: text that is no ``arg``/``att`` fact, an argument
            declared twice, or an attack naming an undeclared argument; the
            error names line and column.
    """
    names: list[str] = []
    index: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    at = _SPACE.match(text, 0).end()  # type: ignore[union-attr]  # the pattern matches the empty string
    while at < len(text):
        fact = _FACT.match(text, at)
        if fact is None:
            line, column = _where(text, at)
            found = text[at:].split("\n", 1)[0][:30]
            raise FormatError(
                f"expected arg(name). or att(name,name)., got {found!r}", path=path, line=line, column=column
            )
        if fact[1]:
            name = _name(fact[2])
            if name in index:
                line, column = _where(text, fact.start(2))
                raise FormatError(f"argument {name!r} is declared twice", path=path, line=line, column=column)
            index[name] = len(names)
            names.append(name)
        else:
            attacks.append((_name(fact[4]), _name(fact[5]), fact.start(4)))
        at = _SPACE.match(text, fact.end()).end()  # type: ignore[union-attr]
    successors: list[list[int]] = [[] for _ in names]
    for attacker, target, offset in attacks:
        for name in (attacker, target):
            if name not in index:
                line, column = _where(text, offset)
                raise FormatError(
                    f"attack names {name!r}, which no arg fact declares", path=path, line=line, column=column
                )
        successors[index[attacker]].append(index[target])
    return Framework.from_numbers(names, successors)


def load(path: str | Path) -> Framework:
    """Return the framework in the ASPARTIX file *path*."""
    return loads(read_text(path), path=path)


def _written(name: str) -> str:
    if _BARE.fullmatch(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dumps(framework: Framework) -> str:
    """Return *framework* as ASPARTIX text: an ``arg`` fact per argument, then an ``att`` fact per attack."""
    lines = [f"arg({_written(name)})." for name in framework.arguments]
    lines.extend(f"att({_written(attacker)},{_written(target)})." for attacker, target in framework.attacks)
    return "\n".join(lines) + "\n" if lines else ""


def dump(framework: Framework, path: str | Path) -> Path:
    """Write *framework* to *path* in ASPARTIX format, atomically, and return the path."""
    return write_atomic(path, dumps(framework))
