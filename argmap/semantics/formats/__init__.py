r"""Reading and writing frameworks: ICCMA's ``.af``, ASPARTIX's ``.apx`` and TGF, each a symmetric load/dump pair.

These hold abstract frameworks, not maps, so they are not among the map
formats of :mod:`argmap.formats`. The file name's ending picks the format
unless one is named; a name that says nothing (``instance.dl``, ``-``) is
read and its content tells (:func:`sniff`).

>>> format_for("instances/g.af")
'af'
>>> sniff("% ASPARTIX\narg(a).\n")
'apx'
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from argmap._io import read_text
from argmap.errors import FormatError
from argmap.semantics.formats import af, apx, tgf
from argmap.semantics.framework import Framework

__all__ = ["FORMATS", "dump", "dumps", "format_for", "load", "loads", "sniff"]

FORMATS = {
    "af": "ICCMA 2023's format: a 'p af N' line, then one 'i j' line per attack, arguments numbered 1 to N",
    "apx": "ASPARTIX's format (ICCMA before 2023): 'arg(a).' facts, then 'att(a,b).' facts, '%' comments",
    "tgf": "Trivial Graph Format: one argument name a line, a '#' line, then one 'a b' line per attack",
}
"""The framework formats argmap reads and writes, by name, with what each is."""

_MODULES: dict[str, ModuleType] = {"af": af, "apx": apx, "tgf": tgf}


def format_for(path: str | Path) -> str:
    """Return the framework format a file name implies (``.af`` or ``.tgf``).

    Raises:
        FormatError: the name ends otherwise.
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in _MODULES:
        raise FormatError("a framework file's name ends in .af, .apx or .tgf", path=path)
    return suffix


def sniff(text: str) -> str | None:
    """Return the framework format *text* is written in, judged by its first words, or ``None``.

    ``p af`` opens an ICCMA file, an ``arg(`` or ``att(`` fact an ASPARTIX
    one, and a line holding only ``#`` after lines of names a TGF one.
    """
    for line in text.split("\n"):
        words = line.split()
        if not words or (words[0].startswith(("#", "%")) and words != ["#"]):
            continue
        if words[:2] == ["p", "af"]:
            return "af"
        if words[0].startswith(("arg(", "att(")):
            return "apx"
        break
    lines = [line.strip() for line in text.split("\n")]
    return "tgf" if "#" in lines else None


def load(path: str | Path, format: str | None = None) -> Framework:
    """Return the framework stored in *path*, in *format*, the one its name implies, or the one its content shows.

    Raises:
        FormatError: the format is unknown, or neither name nor content tells it.
    """
    if format is None and Path(path).suffix.lower().lstrip(".") not in _MODULES:
        text = read_text(path)
        format = sniff(text)
        if format is None:
            raise FormatError("cannot tell the framework's format from the name or the content; name it", path=path)
        sniffed: Framework = _MODULES[format].loads(text, path=path)
        return sniffed
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
