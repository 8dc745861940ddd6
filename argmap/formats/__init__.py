"""Reading and writing maps, and the one registry of every format argmap reads or writes.

:data:`REGISTRY` names each format, what it holds (a map, an abstract
framework or a diagram), the file name endings that imply it and what it is.
:func:`format_for` reads it, and an unknown name or ending is one
:class:`~argmap.errors.UnknownFormatError`, worded alike for every kind.
Frameworks are read by :mod:`argmap.semantics.formats` (whose table this
one takes in, as semantics needs nothing above it) and diagrams drawn by
:mod:`argmap.drawing`.

:func:`load` and :func:`dump` pick the map format from the file name unless
one is named. Several formats are JSON: a file named plain ``.json`` is read
as the format its content shows (:func:`sniff`), so that an AIFdb nodeset
such as ``nodeset7903.json`` loads as AIF. A framework or a diagram given
where a map is wanted is refused in one line that says what reads it.

>>> from argmap.formats import format_for
>>> format_for("examples/wire_cia_drawdown.py")
'python'
>>> format_for("out/wire.svg", "diagram")
'svg'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Literal, NamedTuple, TypeAlias

from argmap._io import READ_LIMIT, paused_gc, read_text
from argmap.errors import FormatError, UnknownFormatError
from argmap.formats import _carried
from argmap.formats._json import parse
from argmap.map import ArgumentMap
from argmap.semantics import formats as framework_formats

__all__ = [
    "DIAGRAMS",
    "FORMATS",
    "KINDS",
    "READ_LIMIT",
    "REGISTRY",
    "Format",
    "Kind",
    "dump",
    "dumps",
    "format_for",
    "format_named",
    "kind_for",
    "load",
    "loads",
    "lost",
    "sniff",
]

Kind: TypeAlias = Literal["map", "framework", "diagram"]
"""What a format holds: a map, an abstract framework, or a diagram argmap draws."""

KINDS: tuple[Kind, ...] = ("map", "framework", "diagram")


class Format(NamedTuple):
    """A format argmap reads or writes.

    A named tuple, not an attrs class, for start-up: defining it takes 0.2 ms of ``import argmap``, an attrs one 0.4.

    Args:
        name: its name, as ``--from``, ``--to`` and ``-f`` take it.
        kind: what it holds: ``map``, ``framework`` or ``diagram``.
        endings: the endings of the file names that imply it, the usual one first.
        description: what it is, in a few words.
        module: for a map or framework format, returns its module, which has
            ``load``, ``loads``, ``dump`` and ``dumps``; ``None`` for a diagram.
    """

    name: str
    kind: Kind
    endings: tuple[str, ...]
    description: str
    module: Callable[[], ModuleType] | None = None


# Each map format's module is imported when first used: the six cost about what `import argmap` does
# (45 to 80 ms against 52 to 75, python -X importtime on a loaded machine), which every command would pay.
def _native() -> ModuleType:
    from argmap.formats import native

    return native


def _python() -> ModuleType:
    from argmap.formats import python

    return python


def _aif() -> ModuleType:
    from argmap.formats import aif

    return aif


def _argdown() -> ModuleType:
    from argmap.formats import argdown

    return argdown


def _sadface() -> ModuleType:
    from argmap.formats import sadface

    return sadface


def _kialo() -> ModuleType:
    from argmap.formats import kialo

    return kialo


REGISTRY: dict[str, Format] = {
    format.name: format
    for format in (
        Format("native", "map", (".json",), "argmap JSON (argmap/1), every detail kept", _native),
        Format(
            "python",
            "map",
            (".py",),
            "a Python file that builds the map (a module-level MAP or a build() function)",
            _python,
        ),
        Format("aif", "map", (".aif.json",), "AIF JSON, the Argument Interchange Format of AIFdb and OVA", _aif),
        Format(
            "argdown", "map", (".argdown", ".ad"), "Argdown text, the argument-mapping syntax of argdown.org", _argdown
        ),
        Format("sadface", "map", (".sadface.json",), "SADFace JSON, the Simple Argument Description Format", _sadface),
        Format(
            "kialo",
            "map",
            (".kialo.txt",),
            "Kialo's discussion export, plain text: a thesis and its numbered pros and cons",
            _kialo,
        ),
        *(
            Format(name, "framework", (f".{name}",), description, framework_formats.MODULES[name])
            for name, description in framework_formats.FORMATS.items()
        ),
        Format("svg", "diagram", (".svg",), "SVG, for the web and for scaling without loss"),
        Format("png", "diagram", (".png",), "PNG, a bitmap for slides and chat"),
        Format("pdf", "diagram", (".pdf",), "PDF, for print (needs the system Graphviz)"),
        Format("dot", "diagram", (".dot", ".gv"), "Graphviz DOT source, written without running any engine"),
        Format(
            "html",
            "diagram",
            (".html", ".htm"),
            "an interactive page in one file: the diagram to pan, zoom and search, each claim's sources a click away",
        ),
    )
}
"""Every format argmap reads or writes, by name: maps, abstract frameworks and diagrams."""

FORMATS: dict[str, str] = {format.name: format.description for format in REGISTRY.values() if format.kind == "map"}
"""The map formats argmap reads and writes, by name, with what each is."""

DIAGRAMS: dict[str, str] = {format.name: format.description for format in REGISTRY.values() if format.kind == "diagram"}
"""The diagram formats argmap draws, by name, with what each is."""

# Longest ending first, so ".aif.json" wins over ".json".
_ENDINGS: tuple[tuple[str, Format], ...] = tuple(
    sorted(
        ((ending, format) for format in REGISTRY.values() for ending in format.endings),
        key=lambda pair: -len(pair[0]),
    )
)

_NO_MAP = {
    "framework": "is an abstract framework, not a map: argmap evaluate reads it",
    "diagram": "is a diagram argmap draws, not a map it reads",
}
"""What a map reader says of a file whose name says it holds something else."""


_ARGDOWN = re.compile(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):", re.M)
_NATIVE = re.compile(r'\{\s*"format"\s*:')
_KIALO = "Discussion Title:"
"""How a Kialo export begins: a file named plain ``.txt`` that begins so is read as one."""


def format_named(name: str, kind: Kind = "map") -> Format:
    """Return the format of *kind* called *name*.

    Raises:
        UnknownFormatError: *name* is no format of *kind*.
    """
    found = REGISTRY.get(name)
    if found is None or found.kind != kind:
        raise UnknownFormatError.named(name, kind, (known.name for known in REGISTRY.values() if known.kind == kind))
    return found


def _module(format: str) -> ModuleType:
    """Return the module of the map format *format*; an UnknownFormatError when there is none."""
    module = format_named(format).module
    assert module is not None  # every map format has one
    return module()


def format_for(path: str | Path, kind: Kind = "map") -> str:
    """Return the name of the format of *kind* a file name implies.

    Raises:
        UnknownFormatError: the name ends in none of the endings of *kind*'s formats.
    """
    name = Path(path).name.lower()
    for ending, format in _ENDINGS:
        if format.kind == kind and name.endswith(ending):
            return format.name
    endings = (ending for format in REGISTRY.values() if format.kind == kind for ending in format.endings)
    raise UnknownFormatError.ending(path, kind, endings)


def kind_for(path: str | Path) -> Kind | None:
    """Return what the name of *path* says the file holds, or ``None`` when its ending is no format's.

    >>> kind_for("instances/g.af"), kind_for("wire.aif.json"), kind_for("notes.txt")
    ('framework', 'map', None)
    """
    name = Path(path).name.lower()
    return next((format.kind for ending, format in _ENDINGS if name.endswith(ending)), None)


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

    Raises:
        FormatError: the file cannot be read as a map: missing, malformed, or
            named as a framework (``.af``) or a diagram (``.svg``), which the
            message says.
        UnknownFormatError: *format* is no map format, or the name's ending is none.
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
            kind = kind_for(path)
            if kind is not None and kind in _NO_MAP:
                raise FormatError(_NO_MAP[kind], path=path) from None
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


def lost(amap: ArgumentMap, format: str) -> list[str]:
    """Return what *format* cannot hold of *amap*, one phrase a part: ``"AIF cannot hold qualifiers (3)"``.

    The parts and what each format makes of them are the table in docs/formats.md.
    """
    return [f"{_carried.NAMES[format]} cannot hold {what} ({count:,})" for what, count in _carried.lost(amap, format)]
