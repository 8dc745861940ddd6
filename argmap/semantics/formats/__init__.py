"""Reading and writing frameworks: ICCMA's ``.af`` and TGF, each a symmetric load/dump pair.

These hold abstract frameworks, not maps, so they are not among the map
formats of :mod:`argmap.formats`. The file name's ending picks the format
unless one is named.

>>> format_for("instances/g.af")
'af'
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from argmap.errors import FormatError
from argmap.semantics.formats import af, tgf
from argmap.semantics.framework import Framework

__all__ = ["FORMATS", "dump", "dumps", "format_for", "load", "loads"]

FORMATS = {
    "af": "ICCMA 2023's format: a 'p af N' line, then one 'i j' line per attack, arguments numbered 1 to N",
    "tgf": "Trivial Graph Format: one argument name a line, a '#' line, then one 'a b' line per attack",
}
"""The framework formats argmap reads and writes, by name, with what each is."""

_MODULES: dict[str, ModuleType] = {"af": af, "tgf": tgf}


def format_for(path: str | Path) -> str:
    """Return the framework format a file name implies (``.af`` or ``.tgf``).

    Raises:
        FormatError: the name ends otherwise.
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in _MODULES:
        raise FormatError("a framework file's name ends in .af or .tgf", path=path)
    return suffix


def load(path: str | Path, format: str | None = None) -> Framework:
    """Return the framework stored in *path*, in *format* or the one its name implies."""
    framework: Framework = _MODULES[_known(format or format_for(path))].load(path)
    return framework


def loads(text: str, format: str) -> Framework:
    """Return the framework written in *text* in *format*."""
    framework: Framework = _MODULES[_known(format)].loads(text)
    return framework


def dump(framework: Framework, path: str | Path, format: str | None = None) -> Path:
    """Write *framework* to *path* atomically, in *format* or the one its name implies, and return the path."""
    written: Path = _MODULES[_known(format or format_for(path))].dump(framework, path)
    return written


def dumps(framework: Framework, format: str) -> str:
    """Return *framework* written in *format*."""
    text: str = _MODULES[_known(format)].dumps(framework)
    return text


def _known(format: str) -> str:
    if format not in _MODULES:
        raise FormatError(f"unknown framework format {format!r}; known: {', '.join(FORMATS)}")
    return format
