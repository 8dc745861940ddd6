"""Reading and writing maps: one module per format, each a symmetric load/dump pair.

:func:`load` and :func:`dump` pick the format from the file name (or the
content, for JSON, which several formats share) unless one is named.

>>> from argmap.formats import format_for
>>> format_for("examples/wire_cia_drawdown.py")
'python'
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from argmap.errors import FormatError
from argmap.map import ArgumentMap

__all__ = ["FORMATS", "dump", "dumps", "format_for", "load", "loads"]

FORMATS: dict[str, str] = {
    "native": "argmap JSON (argmap/1), every detail kept",
    "python": "a Python file that builds the map (a module-level MAP or a build() function)",
}
"""The formats argmap reads and writes, by name, with what each is."""

# Longest suffix first, so ".aif.json" wins over ".json".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".py", "python"),
    (".json", "native"),
)


def _module(format: str) -> ModuleType:
    if format not in FORMATS:
        raise FormatError(f"unknown format {format!r}; known formats: {', '.join(FORMATS)}")
    return importlib.import_module(f"argmap.formats.{format}")


def format_for(path: str | Path) -> str:
    """Return the name of the format a file name implies.

    Raises:
        FormatError: the suffix belongs to no known format.
    """
    name = Path(path).name.lower()
    for suffix, format in _SUFFIXES:
        if name.endswith(suffix):
            return format
    known = ", ".join(suffix for suffix, _ in _SUFFIXES)
    raise FormatError(f"cannot tell the format from the file name (known endings: {known}); name one", path=path)


def load(path: str | Path, format: str | None = None) -> ArgumentMap:
    """Return the map stored in *path*, in *format* or the one its name implies."""
    module = _module(format or format_for(path))
    amap: ArgumentMap = module.load(path)
    return amap


def loads(text: str, format: str = "native") -> ArgumentMap:
    """Return the map in *text*, written in *format*."""
    amap: ArgumentMap = _module(format).loads(text)
    return amap


def dump(amap: ArgumentMap, path: str | Path, format: str | None = None) -> Path:
    """Write *amap* to *path* atomically, in *format* or the one its name implies, and return the path."""
    written: Path = _module(format or format_for(path)).dump(amap, path)
    return written


def dumps(amap: ArgumentMap, format: str = "native") -> str:
    """Return *amap* written in *format*."""
    text: str = _module(format).dumps(amap)
    return text
