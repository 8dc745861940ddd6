"""Paths into a parsed JSON document: where the fast readers' property tests make their changes."""

from __future__ import annotations

from typing import Any


def json_paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Return the path of every value inside a parsed JSON document, the document's own path () first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += json_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += json_paths(item, (*path, index))
    return found


def parent_of(document: Any, path: tuple[str | int, ...]) -> Any:
    """Return the list or object that holds the value at *path* (a path of at least one step)."""
    for step in path[:-1]:
        document = document[step]
    return document
