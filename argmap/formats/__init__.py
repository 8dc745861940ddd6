"""Reading and writing maps: one module per format, each a symmetric load/dump pair.

:func:`load` and :func:`dump` pick the format from the file name unless one
is named. Several formats are JSON: a file named plain ``.json`` is read as
the format its content shows (:func:`sniff`), so that an AIFdb nodeset such as
``nodeset7903.json`` loads as AIF.

>>> from argmap.formats import format_for
>>> format_for("examples/wire_cia_drawdown.py")
'python'
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import ModuleType

from argmap._io import READ_LIMIT, paused_gc, read_text
from argmap.errors import FormatError
from argmap.formats._json import parse
from argmap.map import ArgumentMap

__all__ = ["FORMATS", "READ_LIMIT", "dump", "dumps", "format_for", "load", "loads", "sniff"]

FORMATS: dict[str, str] = {
    "native": "argmap JSON (argmap/1), every detail kept",
    "python": "a Python file that builds the map (a module-level MAP or a build() function)",
    "aif": "AIF JSON, the Argument Interchange Format of AIFdb and OVA",
    "argdown": "Argdown text, the argument-mapping syntax of argdown.org",
    "sadface": "SADFace JSON, the Simple Argument Description Format",
    "kialo": "Kialo's discussion export, plain text: a thesis and its numbered pros and cons",
}
"""The formats argmap reads and writes, by name, with what each is."""

# Longest suffix first, so ".aif.json" wins over ".json".
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".aif.json", "aif"),
    (".sadface.json", "sadface"),
    (".kialo.txt", "kialo"),
    (".argdown", "argdown"),
    (".ad", "argdown"),
    (".py", "python"),
    (".json", "native"),
)


_ARGDOWN = re.compile(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):", re.M)
_NATIVE = re.compile(r'\{\s*"format"\s*:')
_KIALO = "Discussion Title:"
"""How a Kialo export begins: a file named plain ``.txt`` that begins so is read as one."""


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


def sniff(text: str) -> str | None:
    """Return the format JSON, Argdown or Kialo *text* is written in, judging by its content, or ``None``.

    An object with ``"format": "argmap/1"`` is native; one with ``nodes`` of
    AIF node types (or OVA's ``AIF`` block) is AIF; one with SADFace's
    ``metadata.core`` or ``atom``/``scheme`` nodes is SADFace. Text that is
    not JSON but holds an Argdown statement or argument definition is Argdown.
    SADFace is told by its ``atom``, ``scheme``, ``inference`` or ``conflict``
    nodes, as every version of it writes them.

    >>> sniff('{"nodes": [], "edges": [], "locutions": []}')
    'aif'
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(_KIALO):
        return "kialo"
    if not stripped.startswith("{"):
        return "argdown" if _ARGDOWN.search(text) else None
    if _NATIVE.match(stripped):
        return "native"  # what argmap writes: no need to parse a big file twice
    try:
        document = json.loads(stripped)
    except (ValueError, RecursionError):
        return None  # malformed JSON: the caller reports it in the format the name implies
    if not isinstance(document, dict):
        return None
    if "format" in document:
        return "native"
    if isinstance(document.get("AIF"), dict) or "locutions" in document:
        return "aif"
    metadata = document.get("metadata")
    if isinstance(metadata, dict) and "core" in metadata:
        return "sadface"
    nodes = document.get("nodes")
    if isinstance(nodes, list) and nodes and isinstance(nodes[0], dict):
        if nodes[0].get("type") in ("atom", "scheme", "inference", "conflict"):
            return "sadface"
        return "aif" if "nodeID" in nodes[0] else None
    if isinstance(nodes, list) and "edges" in document:
        return "aif"
    return None


def load(path: str | Path, format: str | None = None) -> ArgumentMap:
    """Return the map stored in *path*, in *format* or the one its name implies.

    A file named plain ``.json`` is read as the format its content shows,
    and one named plain ``.txt`` as a Kialo export when it begins as one.
    """
    if format is None and Path(path).name.lower().endswith(".txt"):
        try:
            text = read_text(path)
        except FormatError:
            pass  # format_for says that a .txt file is no known format
        else:
            if text.lstrip("\ufeff").startswith(_KIALO):
                with paused_gc():
                    kialo: ArgumentMap = _module("kialo").loads(text, path=path)
                return kialo
    if format is None:
        try:
            format = format_for(path)
        except FormatError:  # a name with no known ending: say first what is wrong with the path itself
            if Path(path).is_dir():
                raise FormatError("is a folder; only check and render read the maps in a folder", path=path) from None
            if not Path(path).exists():
                raise FormatError("no such file", path=path) from None
            raise
        if format == "native":  # several formats share the .json suffix: the content says which
            try:
                text = read_text(path)
            except FormatError:
                pass  # the format's own loader reports a missing or unreadable file
            else:
                shown = sniff(text)
                if shown is None:
                    _refuse_unknown_json(text, path)
                with paused_gc():  # read once, sniffed, and handed over whole
                    found: ArgumentMap = _module(shown or format).loads(text, path=path)
                return found
    module = _module(format)
    with paused_gc():
        amap: ArgumentMap = module.load(path)
    return amap


def _refuse_unknown_json(text: str, path: str | Path) -> None:
    """Raise a FormatError naming what argmap reads, for a JSON object that is none of its formats.

    Malformed JSON is left to the native reader, which says where it breaks.
    """
    if not text.lstrip("\ufeff \t\r\n").startswith("{"):
        return
    document = parse(text, path)
    if isinstance(document, dict) and "format" not in document:
        raise FormatError(
            'is JSON, but no map argmap reads: expected argmap JSON (a "format": "argmap/1" field), '
            "an AIF nodeset (nodes with 'nodeID' and 'type') or a SADFace document "
            "('metadata.core', nodes of type 'atom', 'scheme', 'inference' or 'conflict')",
            path=path,
            line=1,
            column=1,
        )


def loads(text: str, format: str = "native") -> ArgumentMap:
    """Return the map in *text*, written in *format*."""
    with paused_gc():
        amap: ArgumentMap = _module(format).loads(text)
    return amap


def dump(amap: ArgumentMap, path: str | Path, format: str | None = None) -> Path:
    """Write *amap* to *path* atomically, in *format* or the one its name implies, and return the path."""
    with paused_gc():
        written: Path = _module(format or format_for(path)).dump(amap, path)
    return written


def dumps(amap: ArgumentMap, format: str = "native") -> str:
    """Return *amap* written in *format*."""
    with paused_gc():
        text: str = _module(format).dumps(amap)
    return text
