"""Maps as Python: read a file that builds a map, and write a map as code that builds it.

A Python map file defines a module-level ``MAP`` (an
:class:`~argmap.map.ArgumentMap`) or a ``build()`` function that returns one.
:func:`load` also takes a ``module:attribute`` reference to an importable map.
:func:`dumps` writes the code a person would: sources as variables, the
builder calls in the order of the argument, a claim used once written
inline where its relation is made, and ids only where the builder would
derive others; running it gives back exactly the map: ``loads(dumps(m)) == m``.

Loading runs the file's code, as running it with ``python`` would: load
only files you trust.
"""

from __future__ import annotations

import builtins
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

from argmap._io import read_bytes, write_atomic
from argmap.errors import ArgmapError, FormatError, UnknownClaimError
from argmap.map import ArgumentMap
from argmap.model import (
    Attribution,
    Claim,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
    default_id,
    endpoints,
    readable_id,
)

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
    code = read_bytes(source_path)  # as bytes, so that a BOM or a coding line says how to decode, as for python
    return _run(code, source_path)


def loads(text: str) -> ArgumentMap:
    """Return the map that the Python code *text* defines."""
    return _run(text.removeprefix("\ufeff"), None)


def dumps(amap: ArgumentMap) -> str:
    """Return Python code that builds *amap* with the public builder, as a person would write it."""
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

_DETAILS = ("attribution", "qualifier", "tags", "note", "document", "section", "data")
_RESERVED = {"m", "MAP", "ArgumentMap", "Document", "Source", "Attribution", *dir(builtins), *keyword.kwlist}
_LINE = 120  # longer calls are written one argument a line, as a formatter would


def _code(amap: ArgumentMap) -> Iterator[str]:
    """Write *amap* as a person would: sources as variables, then the builder calls in the order of the argument."""
    writer = _Writer(amap)
    classes = ["ArgumentMap"]
    if amap.documents:
        classes.append("Document")
    if amap.sources:
        classes.append("Source")
    if any(claim.further_attributions for claim in amap.claims):
        classes.insert(0, "Attribution")
    yield f"{_docstring(amap.title or 'An argument map')}\n\n"
    yield f"from argmap import {', '.join(classes)}\n\n"
    for source in amap.sources:
        yield _statement(writer.name(source.id, source.id, "source"), "Source", [source.name], _source_options(source))
    if amap.sources:
        yield "\n"
    yield _statement("m", "ArgumentMap", [], amap.metadata)
    for source in writer.sources_to_add():
        yield f"m.add({writer.source_names[source.id]})\n"
    for document in amap.documents:
        options = {"title": document.title, "author": document.author, "publication": document.publication}
        options |= {"date": document.date, "url": document.url}
        yield _added(_arguments([document.id], options))
    yield from writer.calls()
    yield "\nMAP = m\n"


class _Writer:
    """Decide the order of the builder calls, which claims are written inline, and what needs a name or an id.

    A shadow map takes each element as the code will make it, so that a text
    is written inline only where the builder will read it as a new claim
    with the id the map has, and an id is written only where the builder
    would derive another.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.names: dict[str, str] = {}  # claim and relation ids -> their variables
        self.source_names: dict[str, str] = {}  # source ids -> their variables (sources have ids of their own)
        self.taken = set(_RESERVED)
        self.shadow = ArgumentMap()
        self.claim_ids = {claim.id for claim in amap.claims}
        self.uses: dict[str, int] = {}  # how many times relations name each claim
        for relation in amap.relations:
            for id in endpoints(relation)[0] + (endpoints(relation)[1],):
                self.uses[id] = self.uses.get(id, 0) + 1

    def name(self, id: str, hint: str, fallback: str) -> str:
        """Return a new variable name for the element *id* (a source's when *fallback* is "source"), after *hint*."""
        words = [word for word in re.sub(r"[^a-z0-9]+", "_", hint.lower()).split("_") if word] or [fallback]
        if not words[0].isidentifier():  # it starts with a digit
            words.insert(0, fallback)
        # Three words, or more where three are taken, then a number.
        spellings = ["_".join(words[:count]) for count in range(min(3, len(words)), len(words) + 1)]
        name = next((spelling for spelling in spellings if spelling not in self.taken), None)
        n = 2
        while name is None or name in self.taken:
            name, n = f"{spellings[0]}_{n}", n + 1
        self.taken.add(name)
        (self.source_names if fallback == "source" else self.names)[id] = name
        return name

    def sources_to_add(self) -> list[Source]:
        """Return the sources to add before any claim, so that the map lists its sources in its own order."""
        named: dict[str, Source] = {}
        for claim in self.amap.claims:
            for attribution in claim.attributions:  # as the map registers them: each party, then its via chain
                for source in attribution.sources:
                    named.setdefault(source.id, source)
        order = list(self.amap.sources)
        for count in range(len(order) + 1):
            added = {source.id for source in order[:count]}
            rest = [source for id, source in named.items() if id not in added]
            if order[:count] + rest == order:
                return order[:count]
        return order  # not reached: adding every source gives its order

    def calls(self) -> Iterator[str]:
        """Yield the claim and relation calls, each relation as soon as the claims it joins are written."""
        claims, relations = list(self.amap.claims), list(self.amap.relations)
        next_claim = 0
        for relation in relations:
            while True:
                made = self._relation(relation, claims[next_claim:])
                if made is not None:
                    code, inline = made
                    next_claim += inline
                    yield code
                    break
                yield self._claim(claims[next_claim])
                next_claim += 1
        for claim in claims[next_claim:]:
            yield self._claim(claim)

    def _claim(self, claim: Claim) -> str:
        options = self._details(claim)
        if claim.id != self._derived_id(claim.text):
            options["id"] = claim.id
        self.shadow.add(claim)
        name = self.name(claim.id, claim.id, "claim") if self.uses.get(claim.id) else None
        return _statement(name, "m.claim", [claim.text], options)

    def _relation(self, relation: Relation, coming: list[Claim]) -> tuple[str, int] | None:
        """Return the call of *relation* and how many claims it makes inline, or ``None`` if a claim must come first."""
        order = [id for id in _resolution_order(relation) if id in self.claim_ids]
        missing = [id for id in order if id not in self.shadow]
        if missing and ([claim.id for claim in coming[: len(missing)]] != missing or len(set(order)) != len(order)):
            return None
        inline = {claim.id: claim for claim in coming[: len(missing)]}
        detailed = _new_claim_end(relation)
        for id, claim in inline.items():
            if self.uses[id] != 1 or not self._reads_as_new(claim):
                return None
            if id != detailed and self._details(claim):
                return None
            self.shadow.add(claim)
        options: dict[str, Any] = {}
        if detailed in inline:
            options |= self._details(inline[detailed])

        def ref(id: str) -> Any:
            return inline[id].text if id in inline else _Code(self.names[id])

        if isinstance(relation, Support):
            premises = [ref(id) for id in relation.premises]
            arguments = [premises[0] if len(premises) == 1 else _List(premises), ref(relation.conclusion)]
            verb, options = "support", {"label": relation.label} | options
            tags = list(relation.tags) if len(relation.tags) != 1 else relation.tags[0]
            options |= {"text": relation.text, "tags": tags or None, "data": relation.data or None}
        elif isinstance(relation, SkepticalResponse):
            arguments = [ref(relation.response), ref(relation.target)]
            verb = "skeptical_response"
            options |= {"stance": None if relation.stance == "doubt" else relation.stance}
        else:
            arguments = [ref(relation.attacker), ref(relation.target)]
            verb = "rebut" if isinstance(relation, Rebuttal) else "undercut"
            options = {"label": relation.label} | options
        if relation.id != default_id(relation):
            options["id"] = relation.id
        self.shadow.add(relation)
        name = self.name(relation.id, f"{verb} {len(self.names)}", verb) if self.uses.get(relation.id) else None
        return _statement(name, f"m.{verb}", arguments, options), len(inline)

    def _details(self, claim: Claim) -> dict[str, Any]:
        options: dict[str, Any] = {}
        attribution = claim.attribution
        if attribution is not None:
            options["by"] = _Code(self.source_names[attribution.source.id])
            if attribution.via:
                via = [_Code(self.source_names[source.id]) for source in attribution.via]
                options["via"] = via[0] if len(via) == 1 else _List(via)
            options |= {"medium": attribution.medium, "quote": attribution.quote}
            options |= {"date": attribution.date, "url": attribution.url}
        tags: Any = (claim.tags[0] if len(claim.tags) == 1 else list(claim.tags)) if claim.tags else None
        options |= {"qualifier": claim.qualifier, "tags": tags, "note": claim.note, "document": claim.document}
        options["section"] = claim.section
        options["data"] = claim.data or None
        if claim.further_attributions:
            options["further_attributions"] = _List([self._attribution(a) for a in claim.further_attributions])
        return {name: value for name, value in options.items() if value is not None}

    def _attribution(self, attribution: Attribution) -> _Code:
        """Return the code of an ``Attribution(...)`` value, its sources named by their variables."""
        via = [_Code(self.source_names[source.id]) for source in attribution.via]
        options: dict[str, Any] = {"via": (via[0] if len(via) == 1 else _List(via)) if via else None}
        options |= {"medium": attribution.medium, "quote": attribution.quote}
        options |= {"date": attribution.date, "url": attribution.url}
        return _Code(_call("Attribution", [_Code(self.source_names[attribution.source.id])], options))

    def _derived_id(self, text: str) -> str:
        """Return the id the builder gives a new claim with *text* at this point."""
        base = readable_id(text)
        if base not in self.shadow:
            return base
        n = 2
        while f"{base}-{n}" in self.shadow:
            n += 1
        return f"{base}-{n}"

    def _reads_as_new(self, claim: Claim) -> bool:
        """Tell whether the builder reads the claim's text, given where a claim is expected, as this new claim."""
        text = claim.text
        if " " not in text or text in self.shadow or self.shadow.near_miss(text) is not None:
            return False
        try:
            self.shadow.claim_for(text)
        except UnknownClaimError:
            return claim.id == self._derived_id(text)
        return False


def _resolution_order(relation: Relation) -> list[str]:
    """Return what a relation joins in the order its builder method resolves it, and so makes new claims."""
    if isinstance(relation, Support):
        return [*relation.premises, relation.conclusion]
    if isinstance(relation, Undercut):
        return [relation.target, relation.attacker]
    origins, target = endpoints(relation)
    return [origins[0], target] if isinstance(relation, Rebuttal) else [target, origins[0]]


def _new_claim_end(relation: Relation) -> str | None:
    """Return the claim that keyword arguments of the relation's builder method describe, if any."""
    if isinstance(relation, (Rebuttal, Undercut)):
        return relation.attacker
    if isinstance(relation, SkepticalResponse):
        return relation.response
    return None


def _docstring(title: str) -> str:
    """Return the title as a docstring literal: triple-quoted where that is safe, else as repr() writes it."""
    if '"' in title or "\\" in title or not title.isprintable():
        return _literal(title)
    return f'"""{title}"""'


def _source_options(source: Source) -> dict[str, Any]:
    options: dict[str, Any] = {"kind": None if source.kind == "person" else source.kind}
    options |= {"affiliation": source.affiliation, "url": source.url}
    if source.id != Source(source.name).id:
        options["id"] = source.id
    return options


class _Code(str):
    """A piece of code to write as it is, not as a string literal."""

    __slots__ = ()


class _List(list[Any]):
    """A list whose items are written with :func:`_literal`."""


def _literal(value: Any) -> str:
    if isinstance(value, _Code):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, str):
        spelled = repr(value)
        if spelled.startswith("'") and '"' not in value:  # double quotes, as people and formatters write them
            return '"' + spelled[1:-1].replace("\\'", "'") + '"'
        return spelled
    return repr(value)


def _arguments(positional: list[Any], options: dict[str, Any]) -> list[str]:
    parts = [_literal(value) for value in positional]
    return parts + [f"{name}={_literal(value)}" for name, value in options.items() if value is not None]


def _call(function: str, positional: list[Any], options: dict[str, Any]) -> str:
    return f"{function}({', '.join(_arguments(positional, options))})"


def _added(parts: list[str]) -> str:
    """Return ``m.add(Document(...))``, laid out as a formatter would when it is long."""
    inner = f"Document({', '.join(parts)})"
    if len(inner) + len("m.add()") <= _LINE:
        return f"m.add({inner})\n"
    if len(inner) + 4 <= _LINE:
        return f"m.add(\n    {inner}\n)\n"
    return "m.add(\n    Document(\n" + "".join(f"        {part},\n" for part in parts) + "    )\n)\n"


def _statement(name: str | None, function: str, positional: list[Any], options: dict[str, Any]) -> str:
    """Return one statement, ``name = function(...)``, on one line or one argument a line when long."""
    start = f"{name} = {function}(" if name else f"{function}("
    parts = _arguments(positional, options)
    line = start + ", ".join(parts) + ")"
    if len(line) <= _LINE and "\n" not in line:
        return line + "\n"
    return start + "\n" + "".join(f"    {part},\n" for part in parts) + ")\n"
