r"""Reading and writing frameworks: ICCMA's ``.af``, ASPARTIX's ``.apx`` and TGF, each a symmetric load/dump pair.

These hold abstract frameworks, not maps. This table is the framework part
of argmap's one format registry (:data:`argmap.formats.REGISTRY`), kept here
so that :mod:`argmap.semantics` needs nothing above it. The file name's
ending (the format's name) picks the format unless one is named; a name that
says nothing (``instance.dl``, ``-``) is read and its content tells
(:func:`sniff`).

>>> format_for("instances/g.af")
'af'
>>> sniff("% ASPARTIX\narg(a).\n")
'apx'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from argmap._io import read_text
from argmap.errors import FormatError, UnknownFormatError
from argmap.semantics.framework import Framework

__all__ = ["FORMATS", "MODULES", "dump", "dumps", "format_for", "load", "loads", "sniff"]

FORMATS = {
    "af": "ICCMA 2023's format: a 'p af N' line, then one 'i j' line per attack, arguments numbered 1 to N",
    "apx": "ASPARTIX's format (ICCMA before 2023): 'arg(a).' facts, then 'att(a,b).' facts, '%' comments",
    "tgf": "Trivial Graph Format: one argument name a line, a '#' line, then one 'a b' line per attack",
}
"""The framework formats argmap reads and writes, by name, with what each is."""


# Each format's module is imported when first used: the three cost 3 ms, which every `import argmap` would pay.
def _af() -> ModuleType:
    from argmap.semantics.formats import af

    return af


def _apx() -> ModuleType:
    from argmap.semantics.formats import apx

    return apx


def _tgf() -> ModuleType:
    from argmap.semantics.formats import tgf

    return tgf


MODULES: dict[str, Callable[[], ModuleType]] = {"af": _af, "apx": _apx, "tgf": _tgf}
"""Each framework format's module (``load``, ``loads``, ``dump``, ``dumps``), by name, imported when asked for."""


def format_for(path: str | Path) -> str:
    """Return the framework format a file name implies (``.af`` or ``.tgf``).

    Raises:
        FormatError: the name ends otherwise.
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in MODULES:
        raise UnknownFormatError.ending(path, "framework", (f".{name}" for name in MODULES))
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
    if format is None and Path(path).suffix.lower().lstrip(".") not in MODULES:
        text = read_text(path)
        format = sniff(text)
        if format is None:
            raise FormatError("cannot tell the framework's format from the name or the content; name it", path=path)
        sniffed: Framework = MODULES[format]().loads(text, path=path)
        return sniffed
    framework: Framework = _module(format or format_for(path)).load(path)
    return framework


def loads(text: str, format: str) -> Framework:
    """Return the framework written in *text* in *format*."""
    framework: Framework = _module(format).loads(text)
    return framework


def dump(framework: Framework, path: str | Path, format: str | None = None) -> Path:
    """Write *framework* to *path* atomically, in *format* or the one its name implies, and return the path."""
    written: Path = _module(format or format_for(path)).dump(framework, path)
    return written


def dumps(framework: Framework, format: str) -> str:
    """Return *framework* written in *format*."""
    text: str = _module(format).dumps(framework)
    return text


def _module(format: str) -> ModuleType:
    """Return the module of the framework format *format*.

    Raises:
        UnknownFormatError: *format* is no framework format.
    """
    if format not in MODULES:
        raise UnknownFormatError.named(format, "framework", FORMATS)
    return MODULES[format]()
