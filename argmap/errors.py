"""The one error hierarchy: every error argmap raises is an ``ArgmapError``.

Each specific error also subclasses the built-in that fits it, so callers who
know nothing of argmap can still catch ``KeyError`` or ``ValueError``.
The CLI turns any ``ArgmapError`` into one line on stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "ArgmapError",
    "DuplicateIdError",
    "ElementInUseError",
    "EngineError",
    "EngineNotFoundError",
    "FormatError",
    "InvalidElementError",
    "LimitError",
    "OptionError",
    "UnknownClaimError",
    "UnknownElementError",
    "UnknownFormatError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class InvalidElementError(ArgmapError, ValueError):
    """An element was built with a value it cannot hold (an empty text, an unknown kind)."""


class DuplicateIdError(ArgmapError, ValueError):
    """A map was asked to hold two different elements under one id."""


class ElementInUseError(ArgmapError, ValueError):
    """An element was to be removed while others depend on it (a claim that relations join, a source claims name)."""


class UnknownElementError(ArgmapError, KeyError):
    """A reference names no element of the map."""

    def __str__(self) -> str:
        # KeyError quotes its argument; a user should read a sentence instead.
        return str(self.args[0]) if self.args else ""


class UnknownClaimError(UnknownElementError):
    """A reference that should name a claim names nothing in the map."""


class FormatError(ArgmapError, ValueError):
    """A file or string could not be read as the format it claims to be.

    Attributes:
        path: the file, or ``None`` when reading a string.
        line: 1-based line of the problem, where known.
        column: 1-based column of the problem, where known.
        field: the offending field as a JSON-pointer-like path, where known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or "<string>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" (at {self.field})" if self.field else ""
        return f"{where}: {self.message}{field}"


class OptionError(ArgmapError, ValueError):
    """A function was given an option it cannot use (an unknown semantics or direction, a colour that is none)."""


class LimitError(ArgmapError, ValueError):
    """An input is beyond a limit argmap keeps so as to end in bounded time and memory.

    For example a map whose supports combine into more arguments than
    :func:`argmap.evaluate` builds (:data:`argmap.evaluate.ARGUMENT_LIMIT`).
    """


class UnknownFormatError(FormatError, OptionError):
    """A format's name, or a file name's ending, that is no format argmap knows of the kind asked.

    Both a :class:`FormatError` (a file's name is at fault) and an
    :class:`OptionError` (a named format is), so that either catches it;
    one message for maps, frameworks and diagrams alike.
    """

    @classmethod
    def named(cls, name: str, kind: str, known: Iterable[str]) -> UnknownFormatError:
        """Return the error for a format *name* of *kind* (map, framework, diagram) that is none of *known*."""
        return cls(f"unknown {kind} format {name!r}; known: {', '.join(known)}")

    @classmethod
    def ending(cls, path: str | Path, kind: str, endings: Iterable[str]) -> UnknownFormatError:
        """Return the error for a file *path* whose name ends in none of the *endings* of *kind*."""
        known = ", ".join(endings)
        return cls(f"cannot tell the format from the file name (known {kind} endings: {known}); name one", path=path)

    def __str__(self) -> str:
        return super().__str__() if self.path is not None else self.message


class EngineNotFoundError(ArgmapError, RuntimeError):
    """No Graphviz program was found to lay out a diagram."""


class EngineError(ArgmapError, RuntimeError):
    """Graphviz ran but failed, or took longer than allowed."""
