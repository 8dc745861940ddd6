"""Maps as Python: read a file that builds a map, and write a map as code that builds it.

A Python map file defines a module-level ``MAP`` (an
:class:`~argmap.map.ArgumentMap`) or a ``build()`` function that returns one.
:func:`load` also takes a ``module:attribute`` reference to an importable map.
:func:`dumps` writes builder code with every id explicit, so that running it
gives back exactly the map: ``loads(dumps(m)) == m``.

Loading runs the file's code, as running it with ``python`` would: load
only files you trust.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import keyword
import re
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from argmap._atomic import write_atomic
from argmap.errors import ArgmapError, FormatError
from argmap.formats._json import refuse_special_file
from argmap.map import ArgumentMap
from argmap.model import Claim, Rebuttal, Relation, SkepticalResponse, Source, Support, Undercut

__all__ = ["dump", "dumps", "load", "loads"]

_REFERENCE = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_][\w.]*\Z")
_counter = 0


def load(path: str | Path) -> ArgumentMap:
    """Return the map that the Python file *path* (or a ``module:attribute`` reference) defines.

    The file's folder is put on ``sys.path`` while it runs, so it can import
    the modules beside it.

    Raises:
        FormatError: the file is missing, does not compile, raises while
            running (with the line in the file), or defines no map.
    """
    text = str(path)
    if not Path(text).exists() and _REFERENCE.match(text):
        return _load_reference(text)
    source_path = Path(path)
    refuse_special_file(source_path)  # a FIFO would block, /dev/zero never end
    try:
        code = source_path.read_bytes()  # as bytes, so that a BOM or a coding line says how to decode, as for python
    except FileNotFoundError:
        raise FormatError("no such file", path=path) from None
    except IsADirectoryError:
        raise FormatError("is a folder, not a file", path=path) from None
    except OSError as error:
        raise FormatError(f"cannot read: {error.strerror or error}", path=path) from None
    return _run(code, source_path)


def loads(text: str) -> ArgumentMap:
    """Return the map that the Python code *text* defines."""
    return _run(text.removeprefix("\ufeff"), None)


def dumps(amap: ArgumentMap) -> str:
    """Return Python code that builds *amap* with the public builder, every id explicit."""
    return "".join(_code(amap))


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write Python code that builds *amap* to *path*, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


# ------------------------------------------------------------------- reading


def _run(code: str | bytes, path: Path | None) -> ArgumentMap:
    """Run a map's *code* and return the map it defines; *path* is the file as the user named it."""
    global _counter
    _counter += 1
    name = f"_argmap_map_{_counter}"
    resolved = path.resolve() if path else None
    filename = str(resolved) if resolved else "<string>"
    try:
        compiled = compile(code, filename, "exec")
    except SyntaxError as error:
        line, column = (error.lineno, error.offset) if error.lineno else (None, None)
        raise FormatError(f"invalid Python: {_one_line(error.msg)}", path=path, line=line, column=column) from None
    except (MemoryError, RecursionError):  # Python's compiler gives up on very deep expressions
        raise FormatError("cannot compile: the code is nested too deeply", path=path) from None
    except ValueError as error:  # null bytes, before Python 3.12
        raise FormatError(f"cannot compile: {_one_line(str(error))}", path=path) from None
    module = ModuleType(name)
    module.__file__ = filename
    sys.modules[name] = module  # some libraries look their defining module up while it runs
    try:
        with _folder_on_path(resolved.parent if resolved else None):
            exec(compiled, module.__dict__)
            found = _find_map(module, path)
    except FormatError:
        raise
    except KeyboardInterrupt:
        raise  # Ctrl-C stops argmap, not only the map
    except BaseException as error:  # the user's code failed in any way, sys.exit() included: say where
        raise _code_error(error, filename, path) from None
    finally:
        del sys.modules[name]
    if found is None:
        raise FormatError("defines no map: expected a module-level MAP or a build() function returning one", path=path)
    return found


def _find_map(module: ModuleType, path: Path | None) -> ArgumentMap | None:
    value = getattr(module, "MAP", None)
    if value is None and callable(getattr(module, "build", None)):
        value = module.build()
    if value is None:
        return None
    if not isinstance(value, ArgumentMap):
        raise FormatError(f"MAP or build() gave {type(value).__name__}, not an ArgumentMap", path=path)
    return value


def _load_reference(reference: str) -> ArgumentMap:
    module_name, _, attribute = reference.partition(":")
    with _folder_on_path(Path.cwd()):
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            raise FormatError(f"cannot import {module_name!r}: {_one_line(str(error))}", path=reference) from None
        except KeyboardInterrupt:
            raise
        except BaseException as error:
            raise _code_error(error, None, None) from None
    value: Any = module
    for part in attribute.split("."):
        if not hasattr(value, part):
            raise FormatError(f"module {module_name!r} has no attribute {attribute!r}", path=reference)
        value = getattr(value, part)
    if isinstance(value, ArgumentMap):
        return value
    if not _returns_map(value):
        raise FormatError(
            "names neither a map nor a function annotated to return one (def build() -> ArgumentMap)", path=reference
        )
    try:
        value = value()
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        raise _code_error(error, None, None) from None
    if not isinstance(value, ArgumentMap):
        raise FormatError(f"returned {type(value).__name__}, not an ArgumentMap", path=reference)
    return value


def _returns_map(value: object) -> bool:
    """Tell whether *value* is a function that takes no argument and is annotated to return an ArgumentMap.

    Only such a function is called: ``argmap check sys:exit`` must not run ``sys.exit``.
    """
    if not inspect.isfunction(value):
        return False
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return False
    if any(
        p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in signature.parameters.values()
    ):
        return False
    annotation = signature.return_annotation
    if isinstance(annotation, str):  # from __future__ import annotations: the name as written
        return annotation.rsplit(".", 1)[-1] == "ArgumentMap"
    return annotation is ArgumentMap


@contextlib.contextmanager
def _folder_on_path(folder: Path | None) -> Iterator[None]:
    if folder is None:
        yield
        return
    entry = str(folder)
    sys.path.insert(0, entry)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(entry)


def _code_error(error: BaseException, filename: str | None, path: Path | None) -> FormatError:
    """Describe an exception raised by a map's code, at the deepest line of the map's file, in one line."""
    line = None
    frames = traceback.extract_tb(error.__traceback__)
    for frame in frames:
        if filename is not None and frame.filename == filename:
            line = frame.lineno
    if line is None and frames and filename is None:
        path = _relative(Path(frames[-1].filename))
        line = frames[-1].lineno
    if isinstance(error, SystemExit):
        return FormatError(
            f"the map's code called sys.exit({error.code!r}) instead of defining a map", path=path, line=line
        )
    kind = "" if isinstance(error, ArgmapError) else f"{type(error).__name__}: "
    return FormatError(f"the map's code failed: {kind}{_one_line(str(error))}", path=path, line=line)


def _relative(path: Path) -> Path:
    """Return *path* relative to the current folder where it lies under it, as other errors name files."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _one_line(text: str) -> str:
    """Return *text* with its lines joined, so that an error is one line."""
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


# ------------------------------------------------------------------- writing


def _code(amap: ArgumentMap) -> Iterator[str]:
    classes = ["ArgumentMap"]
    if amap.documents:
        classes.append("Document")
    if any(claim.attribution for claim in amap.claims):
        classes.append("Attribution")
    if amap.sources:
        classes.append("Source")
    yield f"{_docstring(amap.title or 'An argument map')}\n\n"
    yield f"from argmap import {', '.join(sorted(classes))}\n\n"
    names = _source_names(amap.sources)
    for source in amap.sources:
        yield f"{names[source.id]} = {_call('Source', [source.name], _source_options(source))}\n"
    if amap.sources:
        yield "\n"
    yield f"MAP = {_call('ArgumentMap', [], amap.metadata)}\n"
    for source in amap.sources:
        yield f"MAP.add({names[source.id]})\n"
    for document in amap.documents:
        options = {"title": document.title, "author": document.author, "publication": document.publication}
        options |= {"date": document.date, "url": document.url}
        yield f"MAP.add({_call('Document', [document.id], options)})\n"
    for claim in amap.claims:
        yield f"MAP.claim({_claim_arguments(claim, names)})\n"
    for relation in amap.relations:
        yield f"MAP.{_relation_call(relation)}\n"


def _docstring(title: str) -> str:
    """Return the title as a docstring literal: triple-quoted where that is safe, else as repr() writes it."""
    if '"' in title or "\\" in title or not title.isprintable():
        return repr(title)
    return f'"""{title}"""'


def _source_names(sources: tuple[Source, ...]) -> dict[str, str]:
    names: dict[str, str] = {}
    taken = {"MAP", "ArgumentMap", "Attribution", "Document", "Source"}
    for source in sources:
        spelled = "".join(c if f"a{c}".isidentifier() else "_" for c in source.id.lower())
        base = re.sub(r"_+", "_", spelled).strip("_") or "source"
        if not base.isidentifier() or keyword.iskeyword(base):  # "·x": · may follow a letter, not lead
            base = f"source_{base}"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        names[source.id] = name
    return names


def _source_options(source: Source) -> dict[str, Any]:
    return {"kind": source.kind, "affiliation": source.affiliation, "url": source.url, "id": source.id}


def _claim_arguments(claim: Claim, names: dict[str, str]) -> str:
    options: dict[str, Any] = {}
    attribution = claim.attribution
    if attribution is not None:
        options["by"] = _Code(names[attribution.source.id])
        if attribution.via:
            options["via"] = _Code("[" + ", ".join(names[s.id] for s in attribution.via) + "]")
        options |= {"medium": attribution.medium, "quote": attribution.quote}
        options |= {"date": attribution.date, "url": attribution.url}
    options |= {"qualifier": claim.qualifier, "tags": list(claim.tags) or None, "note": claim.note}
    options |= {"document": claim.document, "id": claim.id}
    return _arguments([claim.text], options)


def _relation_call(relation: Relation) -> str:
    if isinstance(relation, Support):
        options = {"label": relation.label, "id": relation.id}
        return _call("support", [list(relation.premises), relation.conclusion], options)
    if isinstance(relation, SkepticalResponse):
        return _call("doubt", [relation.target, relation.response], {"stance": relation.stance, "id": relation.id})
    verb = "rebut" if isinstance(relation, Rebuttal) else "undercut"
    assert isinstance(relation, (Rebuttal, Undercut))
    return _call(verb, [relation.attacker, relation.target], {"label": relation.label, "id": relation.id})


class _Code(str):
    """A piece of code to write as it is, not as a string literal."""

    __slots__ = ()


def _literal(value: Any) -> str:
    if isinstance(value, _Code):
        return str(value)
    return repr(value)


def _arguments(positional: list[Any], options: dict[str, Any]) -> str:
    parts = [_literal(value) for value in positional]
    parts += [f"{name}={_literal(value)}" for name, value in options.items() if value is not None]
    return ", ".join(parts)


def _call(function: str, positional: list[Any], options: dict[str, Any]) -> str:
    return f"{function}({_arguments(positional, options)})"
