"""Shared help for JSON-based formats: parse with clear errors, and find where a field sits in the text."""

from __future__ import annotations

import json
import json.decoder
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from argmap.errors import FormatError

__all__ = ["dumps_by_line", "field_name", "locate", "parse"]

_WHITESPACE = " \t\r\n"

# The json module's own string scanner: what it accepts is exactly what json.loads accepts.
scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_compact = _ENCODER.encode


def dumps_by_line(document: dict[str, Any]) -> str:
    """Return *document* as JSON text with each item of its top-level arrays on a line of its own.

    One element to a line keeps files readable and their diffs small, and
    lets the C encoder do the work (an indented dump would use the slow one).
    """
    lines = ["{"]
    fields = list(document.items())
    for number, (name, value) in enumerate(fields):
        comma = "," if number < len(fields) - 1 else ""
        key = json.dumps(name)
        if isinstance(value, list) and value:
            lines.append(f"  {key}: [")
            items = [_compact(item) for item in value]
            lines.extend(f"    {item}," for item in items[:-1])
            lines.append(f"    {items[-1]}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {key}: {_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


class _Refused:
    """What the parser gives for a number JSON does not allow (``NaN``, ``Infinity``) or that is too long to read."""

    __slots__ = ("what",)

    def __init__(self, what: str) -> None:
        self.what = what


def _refuse(refused: list[_Refused], what: str) -> _Refused:
    """Return a marker for a refused number, noting that the parser met one."""
    marker = _Refused(what)
    refused.append(marker)
    return marker


_INTEGER_DIGITS = 4300
"""The longest integer Python converts from text by default (sys.get_int_max_str_digits)."""


def parse(text: str, path: str | Path | None = None) -> Any:
    """Parse JSON *text*, turning every failure into a :class:`FormatError` with line and column.

    Refused as well as malformed JSON: ``NaN`` and ``Infinity`` (which Python
    accepts, JSON does not), integers of more than 4,300 digits (which Python
    will not convert) and nesting deeper than the parser's recursion allows.
    """
    refused: list[_Refused] = []  # what the parser met; the document is searched for it only then

    def constant(name: str) -> _Refused:
        return _refuse(refused, f"{name} is not a JSON number")

    def integer(digits: str) -> int | _Refused:
        if len(digits.lstrip("-")) > _INTEGER_DIGITS:
            return _refuse(refused, f"a number of {len(digits.lstrip('-')):,} digits is too long to read")
        return int(digits)

    try:
        try:
            document = json.loads(text, parse_constant=constant)
        except json.JSONDecodeError:
            raise
        except ValueError:  # an integer too long to convert: read again, marking it, to say where it is
            refused.clear()
            document = json.loads(text, parse_constant=constant, parse_int=integer)
    except json.JSONDecodeError as error:
        raise FormatError(f"invalid JSON: {error.msg}", path=path, line=error.lineno, column=error.colno) from None
    except RecursionError:
        line, column, depth = _deepest(text)
        raise FormatError(
            f"invalid JSON: nested too deeply ({depth:,} levels of arrays and objects)",
            path=path,
            line=line,
            column=column,
        ) from None
    if refused:
        found = _find_refused(document)
        if found is not None:
            where, value = found
            _fail_at(text, where, value.what, path)
    return document


def _find_refused(document: Any) -> tuple[list[str | int], _Refused] | None:
    """Return the place and value of the first refused number in *document*, without recursion."""
    if not isinstance(document, (dict, list, _Refused)):
        return None
    stack: list[tuple[list[str | int], Any]] = [([], document)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, _Refused):
            return where, value
        if isinstance(value, dict):
            stack.extend(([*where, key], item) for key, item in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(([*where, number], item) for number, item in reversed(list(enumerate(value))))
    return None


def _fail_at(text: str, where: Sequence[str | int], message: str, path: str | Path | None) -> NoReturn:
    position = locate(text, where)
    line, column = position if position else (None, None)
    raise FormatError(f"invalid JSON: {message}", path=path, line=line, column=column, field=field_name(where))


def _deepest(text: str) -> tuple[int, int, int]:
    """Return the line and column where *text* first reaches its deepest nesting, and that depth.

    Used on the error path only: a plain scan that skips strings.
    """
    depth = deepest = 0
    at = 0
    position = 0
    end = len(text)
    while position < end:
        character = text[position]
        if character == '"':
            closing = position + 1
            while closing < end and text[closing] != '"':
                closing += 2 if text[closing] == "\\" else 1
            position = closing + 1
            continue
        if character in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, position
        elif character in "]}":
            depth -= 1
        position += 1
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return line, column, deepest


def field_name(where: Sequence[str | int]) -> str:
    """Return a readable name for a field path: ``claims[3].attribution.source``."""
    name = ""
    for step in where:
        if isinstance(step, int):
            name += f"[{step}]"
        else:
            name += f".{step}" if name else step
    return name or "the document"


def locate(text: str, where: Sequence[str | int], *, key: bool = False) -> tuple[int, int] | None:
    """Return the 1-based line and column of the value at *where* in JSON *text*.

    With ``key=True`` the last step is an object key and its own position is
    returned (for an unknown field). Where the path cannot be followed, the
    position of the deepest value reached is returned; ``None`` only when the
    text is not JSON at all. Used on the error path only, so plain and careful
    beats fast here.
    """
    try:
        position = _skip_whitespace(text, 0)
        for number, step in enumerate(where):
            last = number == len(where) - 1
            found = _child(text, position, step, want_key=key and last)
            if found is None:
                break
            position = found
    except (IndexError, ValueError):
        return None
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def _child(text: str, position: int, step: str | int, *, want_key: bool) -> int | None:
    opener = text[position]
    if opener == "{" and isinstance(step, str):
        position = _skip_whitespace(text, position + 1)
        while text[position] != "}":
            key_start = position
            name, position = scanstring(text, position + 1)
            position = _skip_whitespace(text, position)
            position = _skip_whitespace(text, position + 1)  # the colon
            if name == step:
                return key_start if want_key else position
            position = _skip_whitespace(text, _skip_value(text, position))
            if text[position] == ",":
                position = _skip_whitespace(text, position + 1)
        return None
    if opener == "[" and isinstance(step, int):
        position = _skip_whitespace(text, position + 1)
        index = 0
        while text[position] != "]":
            if index == step:
                return position
            position = _skip_whitespace(text, _skip_value(text, position))
            if text[position] == ",":
                position = _skip_whitespace(text, position + 1)
            index += 1
        return None
    return None


def _skip_whitespace(text: str, position: int) -> int:
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position


def _skip_value(text: str, position: int) -> int:
    """Return the index just past the JSON value starting at *position*, without recursion."""
    character = text[position]
    if character == '"':
        return scanstring(text, position + 1)[1]
    if character not in "[{":
        while position < len(text) and text[position] not in ",]}" + _WHITESPACE:
            position += 1
        return position
    depth = 0
    while True:
        character = text[position]
        if character == '"':
            position = scanstring(text, position + 1)[1]
            continue
        if character in "[{":
            depth += 1
        elif character in "]}":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
