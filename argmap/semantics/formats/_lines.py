"""Where a word sits on a line, for errors that name a line and a column."""

from __future__ import annotations

__all__ = ["column"]


def column(line: str, position: int) -> int:
    """Return the 1-based column where word *position* (counting from 0, as ``str.split`` does) starts on *line*.

    >>> column("  p  af x", 2)
    9
    """
    start = at = 0
    for _ in range(position + 1):
        while at < len(line) and line[at].isspace():
            at += 1
        start = at
        while at < len(line) and not line[at].isspace():
            at += 1
    return start + 1
