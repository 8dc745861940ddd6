r"""ICCMA's ``.af`` format (2023): ``p af N``, then one ``i j`` line per attack.

Arguments are the numbers 1 to N and are named by them (``"1"``, ``"2"``,
...); lines that start with ``#`` are comments. A framework whose arguments
are named otherwise is written by position, argument *k* as the number *k*,
with a comment line per argument giving its name, so that a reader can map
a solver's answer back; reading it back names the arguments by number.

>>> from argmap.semantics import Framework
>>> print(dumps(Framework(["1", "2", "3"], [("1", "2"), ("2", "3")])), end="")
p af 3
1 2
2 3
>>> loads("p af 2\n# a comment\n2 1\n").attacks
(('2', '1'),)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NoReturn

from argmap._io import paused_gc, read_text, write_atomic
from argmap.errors import FormatError
from argmap.semantics.formats._lines import column
from argmap.semantics.framework import Framework

__all__ = ["ARGUMENT_LIMIT", "dump", "dumps", "load", "loads"]

ARGUMENT_LIMIT = 10_000_000
"""The most arguments a ``p af N`` line may declare: each takes memory before any attack is read."""

_NUMBER = re.compile(r"[0-9]+\Z")
_HEADER = re.compile(r"p af ([0-9]{1,18})\n")
# A file as solvers write it: the header, then attack lines of two ASCII numbers and nothing else.
_PLAIN_ATTACKS = re.compile(r"(?:[0-9]{1,18} [0-9]{1,18}\n)*(?:[0-9]{1,18} [0-9]{1,18})?\n*")
_LINE_END = re.compile(r"\r\n?|\n")


def loads(text: str, *, path: str | Path | None = None) -> Framework:
    """Return the framework in ICCMA ``.af`` *text*.

    Raises:
        FormatError: the text is not in the format; the error names the line and column.
    """
    with paused_gc():  # the lists of targets all stay: nothing for the collector to find
        quickly = _read_quickly(text)
        return quickly if quickly is not None else _read_lines(text, path)


def _read_lines(text: str, path: str | Path | None) -> Framework:
    """Read *text* line by line: comments, blank lines and any spacing, and a mistake's line and column."""
    lines = _LINE_END.split(text)  # CR, CRLF or LF, as each line ends
    ascii = text.isascii()
    size = -1
    successors: list[list[int]] = []
    for number, line in enumerate(lines, start=1):
        parts = line.split()
        if len(parts) == 2 and size >= 0:
            attacker, target = parts
            # int() alone would take "+1", "1_0" and other scripts' digits.
            if (
                attacker.isdigit()
                and target.isdigit()
                and len(attacker) + len(target) < 40  # no argument has a longer number; int() refuses 4,300 digits
                and (ascii or (attacker + target).isascii())
            ):
                a = int(attacker)
                t = int(target)
                if 0 < a <= size and 0 < t <= size:
                    successors[a - 1].append(t - 1)
                    continue
            if not attacker.startswith("#"):
                _refuse_attack(line, number, size, path)
        if not parts or parts[0].startswith("#"):
            continue
        if size < 0:
            size = _header(line, number, path)
            successors = [[] for _ in range(size)]
            continue
        if parts[0] == "p":
            raise FormatError("a second 'p af' line", path=path, line=number, column=column(line, 0))
        raise FormatError(
            f"an attack is two argument numbers, 'i j'; got {len(parts)} field{'s' if len(parts) > 1 else ''}",
            path=path,
            line=number,
            column=column(line, 0),
        )
    if size < 0:
        raise FormatError("no 'p af N' line: not an ICCMA .af file", path=path, line=1, column=1)
    return Framework.from_numbers([str(k) for k in range(1, size + 1)], successors)


def _read_quickly(text: str) -> Framework | None:
    """Read a plain file (no comments, one space between numbers) in bulk; ``None`` for any other.

    A third faster than the line-by-line reader on large files. Anything it
    does not take, a mistake included, goes to that reader, which names the
    line and column of the mistake.
    """
    header = _HEADER.match(text)
    if header is None or not _PLAIN_ATTACKS.fullmatch(text, header.end()):
        return None
    size = int(header[1])
    if size > ARGUMENT_LIMIT:
        return None
    numbers = list(map(int, text[header.end() :].split()))
    if numbers and (min(numbers) < 1 or max(numbers) > size):
        return None
    successors: list[list[int]] = [[] for _ in range(size)]
    pairs = iter(numbers)
    for attacker, target in zip(pairs, pairs, strict=False):  # an even count: the pattern matched pairs
        successors[attacker - 1].append(target - 1)
    return Framework.from_numbers([str(k) for k in range(1, size + 1)], successors)


def _header(line: str, number: int, path: str | Path | None) -> int:
    parts = line.split()
    if len(parts) == 3 and parts[:2] == ["p", "af"] and _NUMBER.match(parts[2]):
        if len(parts[2]) > len(str(ARGUMENT_LIMIT)) or int(parts[2]) > ARGUMENT_LIMIT:
            raise FormatError(
                f"'p af {parts[2] if len(parts[2]) < 30 else parts[2][:20] + '...'}' declares more arguments "
                f"than the {ARGUMENT_LIMIT:,} argmap reads",
                path=path,
                line=number,
                column=column(line, 2),
            )
        return int(parts[2])
    raise FormatError(
        "the first line that is not a comment must be 'p af N', N the number of arguments",
        path=path,
        line=number,
        column=column(line, 0),
    )


def _refuse_attack(line: str, number: int, size: int, path: str | Path | None) -> NoReturn:
    for position, token in enumerate(line.split()):
        if not (_NUMBER.match(token) and len(token) < 20 and 0 < int(token) <= size):
            shown = token if len(token) < 30 else f"{token[:20]}... ({len(token):,} characters)"
            raise FormatError(
                f"{shown!r} is no argument: arguments are numbered 1 to {size}",
                path=path,
                line=number,
                column=column(line, position),
            )
    raise AssertionError(f"line {number} holds a valid attack")  # pragma: no cover


def load(path: str | Path) -> Framework:
    """Return the framework in the ICCMA ``.af`` file *path*."""
    return loads(read_text(path), path=path)


def dumps(framework: Framework) -> str:
    """Return *framework* as ICCMA ``.af`` text, attacks in order, each once."""
    names = framework.arguments
    lines = [f"p af {len(names)}"]
    if any(name != str(position) for position, name in enumerate(names, start=1)):
        lines.extend(f"# {position} {json.dumps(name)}" for position, name in enumerate(names, start=1))
    index = framework.index
    lines.extend(f"{index[attacker] + 1} {index[target] + 1}" for attacker, target in framework.attacks)
    return "\n".join(lines) + "\n"


def dump(framework: Framework, path: str | Path) -> Path:
    """Write *framework* to *path* in ICCMA ``.af`` format, atomically, and return the path."""
    return write_atomic(path, dumps(framework))
