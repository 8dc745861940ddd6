"""argmap's own file format: JSON that keeps every detail of a map, versioned ``argmap/1``.

The round trip is exact: ``loads(dumps(m)) == m`` for every map, order
included. The JSON Schema is shipped in the package
(``argmap/formats/argmap-1.schema.json``) and documented in ``docs/formats.md``.
A malformed file raises :class:`~argmap.errors.FormatError` naming the file,
the line and column, and the offending field.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Shamsi")
>>> _ = m.claim("That base is neither vacated nor being vacated.")
>>> loads(dumps(m)) == m
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from argmap._io import paused_gc, read_text, write_atomic
from argmap.errors import ArgmapError, FormatError
from argmap.formats._json import dumps_by_line, field_name, locate, parse, scanstring
from argmap.map import ArgumentMap
from argmap.model import (
    Attribution,
    Claim,
    Document,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
    default_id,
)

__all__ = ["FORMAT", "SCHEMA", "dump", "dumps", "load", "loads"]

FORMAT = "argmap/1"
"""The version marker every native file carries in its ``"format"`` field."""

SCHEMA = Path(__file__).with_name("argmap-1.schema.json")
"""Where the JSON Schema of the format is installed."""

_METADATA = ("title", "author", "publication", "date", "url", "description")
_RELATION_KINDS = ("support", "rebuttal", "undercut", "skeptical_response")


def _read_quickly(head: dict[str, Any], arrays: Iterable[tuple[str, Iterable[Any]]]) -> ArgumentMap:
    """Build the map from parsed JSON with as few checks as keep it exact, raising on anything odd.

    *head* holds the top-level fields but the arrays; *arrays* gives each
    array's name and items, in the order documents, sources, claims,
    relations, each at most once. Every check the careful reader makes is
    made here too, more cheaply: unknown fields by a set comparison, explicit
    nulls in one scan, arrays by type, strings and values by the model's own
    validation, references by the map. Any exception sends :func:`loads` to
    the careful reader, which finds the problem again and names its line,
    column and field. A property test checks that the two readers agree.
    """
    if head.get("format") != FORMAT or not head.keys() <= _TOP or None in head.values():
        raise ValueError
    amap = ArgumentMap(**{name: head[name] for name in _METADATA if name in head})
    last = -1
    for name, values in arrays:
        if _ORDER.index(name) <= last:
            raise ValueError
        last = _ORDER.index(name)
        _READERS[name](amap, values)
    return amap


def _documents(amap: ArgumentMap, values: Iterable[Any]) -> None:
    for fields in values:
        _check_fields(fields, _DOCUMENT)
        amap.add(Document(**fields))


def _sources(amap: ArgumentMap, values: Iterable[Any]) -> None:
    listed: set[str] = set()
    for fields in values:
        _check_fields(fields, _SOURCE)
        source = Source(**fields)
        if source.id in listed:
            raise ValueError
        listed.add(source.id)
        amap.add(source)


def _claims(amap: ArgumentMap, values: Iterable[Any]) -> None:
    sources = {source.id: source for source in amap.sources}
    attributions: dict[tuple[Any, ...], Attribution] = {}  # equal attributions are one shared value
    for fields in values:
        # The file's fields are the claim's own: each is handed over as it is (the claim checks it),
        # but for the attributions, which name their sources by id.
        _check_fields(fields, _CLAIM)
        if "attribution" in fields:
            fields["attribution"] = _shared_attribution(fields["attribution"], sources, attributions)
        if "further_attributions" in fields:
            further = fields["further_attributions"]
            if further.__class__ is not list:
                raise ValueError
            fields["further_attributions"] = tuple([_shared_attribution(a, sources, attributions) for a in further])
        if "tags" in fields and fields["tags"].__class__ is not list:
            raise ValueError
        amap._add_claim(Claim(**fields))


def _relations(amap: ArgumentMap, values: Iterable[Any]) -> None:
    # A relation names claims by their ids: it keeps the claim's own id string rather than a copy
    # parsed from the file (about 20 MB for 150,000 relations).
    same = {claim.id: claim.id for claim in amap.claims}.get
    for fields in values:
        kind = fields["kind"]
        _check_fields(fields, _RELATION_FIELDS[kind])
        del fields["kind"]
        if kind == "support":
            premises = fields["premises"]
            if premises.__class__ is not list or ("tags" in fields and fields["tags"].__class__ is not list):
                raise ValueError
            fields["premises"] = tuple([same(premise, premise) for premise in premises])
            fields["conclusion"] = same(fields["conclusion"], fields["conclusion"])
            amap._add_relation(Support(**fields))
        else:
            fields["target"] = same(fields["target"], fields["target"])
            if kind == "skeptical_response":
                fields["response"] = same(fields["response"], fields["response"])
                amap._add_relation(SkepticalResponse(**fields))
            else:
                fields["attacker"] = same(fields["attacker"], fields["attacker"])
                amap._add_relation(Rebuttal(**fields) if kind == "rebuttal" else Undercut(**fields))


_ORDER = ("documents", "sources", "claims", "relations")
_READERS: dict[str, Callable[[ArgumentMap, Iterable[Any]], None]] = {
    "documents": _documents,
    "sources": _sources,
    "claims": _claims,
    "relations": _relations,
}


def _shared_attribution(
    said: Any, sources: dict[str, Source], attributions: dict[tuple[Any, ...], Attribution]
) -> Attribution:
    """Return the attribution *said* describes; equal attributions are one shared value."""
    _check_fields(said, _ATTRIBUTION)
    via = said.get("via", ())
    if via.__class__ is not list and via.__class__ is not tuple:
        raise ValueError
    # A flat key of the values alone: it is kept for every attribution read, so it holds nothing more.
    key = (said["source"], tuple(via), said.get("medium"), said.get("quote"), said.get("date"), said.get("url"))
    attribution = attributions.get(key)
    if attribution is None:
        fields = dict(said)
        fields["source"] = sources[said["source"]]
        if via:
            fields["via"] = tuple([sources[id] for id in via])
        attribution = attributions[key] = Attribution(**fields)
    return attribution


_TOP = frozenset({"format", *_METADATA, "documents", "sources", "claims", "relations"})
_DOCUMENT = (frozenset({"id"}), frozenset({"id", "title", "author", "publication", "date", "url"}))
_SOURCE = (frozenset({"id", "name"}), frozenset({"id", "name", "kind", "affiliation", "url"}))
_CLAIM = (
    frozenset({"id", "text"}),
    frozenset(
        {"id", "text", "attribution", "further_attributions", "qualifier", "tags", "note", "document", "section"}
        | {"data"}
    ),
)
_ATTRIBUTION = (frozenset({"source"}), frozenset({"source", "via", "medium", "quote", "date", "url"}))
_RELATION_FIELDS = {
    "support": (
        frozenset({"kind", "premises", "conclusion"}),
        frozenset({"kind", "id", "premises", "conclusion", "label", "text", "tags", "data"}),
    ),
    "rebuttal": (frozenset({"kind", "attacker", "target"}), frozenset({"kind", "id", "attacker", "target", "label"})),
    "undercut": (frozenset({"kind", "attacker", "target"}), frozenset({"kind", "id", "attacker", "target", "label"})),
    "skeptical_response": (
        frozenset({"kind", "response", "target"}),
        frozenset({"kind", "id", "response", "target", "stance"}),
    ),
}


def _parts(document: Any) -> tuple[dict[str, Any], list[tuple[str, Iterable[Any]]]]:
    """Return a parsed document's top-level fields and its arrays, for :func:`_read_quickly`."""
    if document.__class__ is not dict:
        raise ValueError
    head = {name: value for name, value in document.items() if name not in _READERS}
    arrays = []
    for name in _ORDER:
        if name in document:
            if document[name].__class__ is not list:
                raise ValueError
            arrays.append((name, document[name]))
    return head, arrays


class _Stream:
    """Native JSON text read a top-level field, and an array item, at a time: never held parsed whole.

    Parsing a 100,000-claim file whole held text, parsed document and map at
    once (a peak of 296 MB); read item by item, each element is built and its
    parsed fields let go. Only text laid out as argmap writes it is taken:
    the top-level fields once each, the arrays last and in their order.
    Anything else raises, and :func:`loads` parses the text whole instead.
    Each value is read by the json module's own scanner, with the same
    refusals as :func:`~argmap.formats._json.parse`.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = _skip(text, 0)
        if not text.startswith("{", self.at):
            raise ValueError
        self.at += 1

    def parts(self) -> tuple[dict[str, Any], Iterator[tuple[str, Iterable[Any]]]]:
        """Return the top-level fields before the first array, and the arrays from there on."""
        head: dict[str, Any] = {}
        name = self.name()
        if name is None:
            self.end()
            return head, iter(())
        while name not in _READERS:
            if name in head:
                raise ValueError
            head[name] = self.value()
            if not self.comma():
                self.end()
                return head, iter(())
            name = self.name()
            if name is None:
                raise ValueError
        return head, self.arrays(name)

    def arrays(self, name: str) -> Iterator[tuple[str, Iterable[Any]]]:
        while True:
            if not self.text.startswith("[", self.at):
                raise ValueError
            self.at += 1
            yield name, self.items()
            if not self.comma():
                self.end()
                return
            found = self.name()
            if found is None or found not in _READERS:
                raise ValueError
            name = found

    def items(self) -> Iterator[Any]:
        text, scan, after = self.text, _scan, _AFTER_ITEM.match
        at = _skip(text, self.at)
        if text.startswith("]", at):
            self.at = at + 1
            return
        while True:
            value, at = scan(text, at)
            yield value
            separator = after(text, at)
            if separator is None:
                raise ValueError
            at = separator.end()
            if separator.group(1) is None:  # the closing bracket
                self.at = at
                return

    def name(self) -> str | None:
        at = _skip(self.text, self.at)
        if not self.text.startswith('"', at):
            return None
        name, at = scanstring(self.text, at + 1)
        colon = _COLON.match(self.text, at)
        if colon is None:
            raise ValueError
        self.at = colon.end()
        return name

    def value(self) -> Any:
        value, self.at = _scan(self.text, self.at)
        return value

    def comma(self) -> bool:
        found = _COMMA.match(self.text, self.at)
        if found is None:
            return False
        self.at = found.end()
        return True

    def end(self) -> None:
        if _END.match(self.text, self.at) is None:
            raise ValueError


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


def _skip(text: str, at: int) -> int:
    """Return where the JSON white space from *at* on ends."""
    while text.startswith((" ", "\n", "\t", "\r"), at):
        at += 1
    return at


_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(parse_constant=_refuse_constant).scan_once  # type: ignore[attr-defined]
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*")
_COMMA = re.compile(r"[ \t\n\r]*,")
_END = re.compile(r"[ \t\n\r]*\}[ \t\n\r]*\Z")
_AFTER_ITEM = re.compile(r"[ \t\n\r]*(?:(,)[ \t\n\r]*|\])")


def _check_fields(fields: Any, names: tuple[frozenset[str], frozenset[str]]) -> None:
    """Raise unless *fields* is an object with every required name, no unknown name and no null."""
    required, allowed = names
    if fields.__class__ is not dict or not required <= fields.keys() <= allowed or None in fields.values():
        raise ValueError


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as native JSON text, one element to a line, ending in a newline."""
    with paused_gc():
        return dumps_by_line(_encode(amap))


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as native JSON, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map in native JSON *text*.

    Args:
        text: the JSON.
        path: the file it came from, named in errors.

    Raises:
        FormatError: the text is not JSON, not ``argmap/1``, or a field is
            missing, of the wrong type, or names an element that does not exist.
    """
    with paused_gc():
        try:
            return _read_quickly(*_Stream(text).parts())
        except Exception:  # parsed whole: malformed JSON is refused where it breaks
            document = parse(text, path)
        try:
            return _read_quickly(*_parts(document))
        except Exception:  # the careful reader below says exactly what is wrong, and where
            return _Reader(text, path).read(parse(text, path))


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the native JSON file *path*."""
    return loads(read_text(path), path=path)


# ------------------------------------------------------------------- writing


def _encode(amap: ArgumentMap) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT, **amap.metadata}
    if amap.documents:
        document["documents"] = [_encode_document(d) for d in amap.documents]
    document["sources"] = [_encode_source(source) for source in amap.sources]
    document["claims"] = [_encode_claim(claim) for claim in amap.claims]
    document["relations"] = [_encode_relation(relation) for relation in amap.relations]
    return document


def _encode_document(document: Document) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": document.id}
    for name in ("title", "author", "publication", "date", "url"):
        value = getattr(document, name)
        if value is not None:
            fields[name] = value
    return fields


def _encode_source(source: Source) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": source.id, "name": source.name, "kind": source.kind}
    if source.affiliation is not None:
        fields["affiliation"] = source.affiliation
    if source.url is not None:
        fields["url"] = source.url
    return fields


def _encode_claim(claim: Claim) -> dict[str, Any]:
    # Written out field by field: this runs once per claim, and big maps have many.
    fields: dict[str, Any] = {"id": claim.id, "text": claim.text}
    attribution = claim.attribution
    if attribution is not None:
        fields["attribution"] = _encode_attribution(attribution)
        if claim.further_attributions:
            fields["further_attributions"] = [_encode_attribution(a) for a in claim.further_attributions]
    if claim.qualifier is not None:
        fields["qualifier"] = claim.qualifier
    if claim.tags:
        fields["tags"] = list(claim.tags)
    if claim.note is not None:
        fields["note"] = claim.note
    if claim.document is not None:
        fields["document"] = claim.document
    if claim.section is not None:
        fields["section"] = claim.section
    if claim.data:
        fields["data"] = claim.data
    return fields


def _encode_attribution(attribution: Attribution) -> dict[str, Any]:
    said: dict[str, Any] = {"source": attribution.source.id}
    if attribution.via:
        said["via"] = [source.id for source in attribution.via]
    if attribution.medium is not None:
        said["medium"] = attribution.medium
    if attribution.quote is not None:
        said["quote"] = attribution.quote
    if attribution.date is not None:
        said["date"] = attribution.date
    if attribution.url is not None:
        said["url"] = attribution.url
    return said


def _encode_relation(relation: Relation) -> dict[str, Any]:
    """Encode a relation; its id is left out where it is the one its ends would give it."""
    fields: dict[str, Any]
    if isinstance(relation, Support):
        fields = {"kind": "support", "premises": list(relation.premises), "conclusion": relation.conclusion}
    elif isinstance(relation, SkepticalResponse):
        fields = {"kind": "skeptical_response", "response": relation.response, "target": relation.target}
        fields["stance"] = relation.stance
    else:
        kind = "rebuttal" if isinstance(relation, Rebuttal) else "undercut"
        fields = {"kind": kind, "attacker": relation.attacker, "target": relation.target}
    label = getattr(relation, "label", None)
    if label is not None:
        fields["label"] = label
    if isinstance(relation, Support):
        if relation.text is not None:
            fields["text"] = relation.text
        if relation.tags:
            fields["tags"] = list(relation.tags)
        if relation.data:
            fields["data"] = relation.data
    if relation.id != default_id(relation):
        fields["id"] = relation.id
    return fields


# ------------------------------------------------------------------- reading

_Where = tuple[str | int, ...]
_T = TypeVar("_T")
_E = TypeVar("_E", bound=Source | Claim | Relation | Document)


class _Reader:
    """Turn parsed native JSON into a map, naming the exact field of any problem."""

    def __init__(self, text: str, path: str | Path | None) -> None:
        self.text = text
        self.path = path
        # The ids that skeptical responses the file gives no id had in argmap before they were
        # "skeptical-response:...": "doubt:response>target". An old file may name one as a target.
        self.old_ids: dict[str, str] = {}

    def fail(self, message: str, where: _Where, *, key: bool = False, cause: ArgmapError | None = None) -> NoReturn:
        position = locate(self.text, where, key=key)
        line, column = position if position else (None, None)
        raise FormatError(message, path=self.path, line=line, column=column, field=field_name(where)) from cause

    def read(self, document: Any) -> ArgumentMap:
        fields = self.fields(
            document,
            (),
            required=("format",),
            optional=(*_METADATA, "documents", "sources", "claims", "relations"),
        )
        if fields["format"] != FORMAT:
            self.fail(f"expected format {FORMAT!r}, got {fields['format']!r}", ("format",))
        metadata = {name: self.optional_string(fields, name, ()) for name in _METADATA}
        amap = self.build(lambda: ArgumentMap(**metadata), ())
        for number, item in enumerate(self.array(fields, "documents", ())):
            self.add(amap, self.document(item, ("documents", number)), ("documents", number))
        sources: dict[str, Source] = {}
        for number, item in enumerate(self.array(fields, "sources", ())):
            where = ("sources", number)
            source = self.source(item, where)
            if source.id in sources:
                self.fail(f"a second source has id {source.id!r}", (*where, "id"))
            sources[source.id] = self.add(amap, source, where)
        for number, item in enumerate(self.array(fields, "claims", ())):
            where = ("claims", number)
            self.add(amap, self.claim(item, where, sources), where)
        for number, item in enumerate(self.array(fields, "relations", ())):
            where = ("relations", number)
            self.add(amap, self.relation(item, where), where)
        return amap

    # Each element is built inside build(), which turns the model's own
    # validation errors into a FormatError at the element's place in the file.

    def build(self, make: Callable[[], _T], where: _Where) -> _T:
        try:
            return make()
        except ArgmapError as error:  # the rule broken is the model's or the map's: say it in their words
            self.fail(str(error), where, cause=error)

    def add(self, amap: ArgumentMap, element: _E, where: _Where) -> _E:
        return self.build(lambda: amap.add(element), where)

    def fields(
        self, value: Any, where: _Where, *, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(f"expected an object, got {_json_type(value)}", where)
        for name in required:
            if name not in value:
                self.fail(f"missing field {name!r}", where)
        allowed = {*required, *optional}
        for name in value:
            if name not in allowed:
                self.fail(f"unknown field {name!r}", (*where, name), key=True)
        return value

    def string(self, fields: dict[str, Any], name: str, where: _Where) -> str:
        value = fields[name]
        if not isinstance(value, str):
            self.fail(f"{name!r} must be a string, got {_json_type(value)}", (*where, name))
        return value

    def optional_string(self, fields: dict[str, Any], name: str, where: _Where) -> str | None:
        return self.string(fields, name, where) if name in fields else None

    def array(self, fields: dict[str, Any], name: str, where: _Where) -> list[Any]:
        value = fields.get(name, [])
        if not isinstance(value, list):
            self.fail(f"{name!r} must be an array, got {_json_type(value)}", (*where, name))
        return value

    def strings(self, fields: dict[str, Any], name: str, where: _Where) -> tuple[str, ...]:
        items = self.array(fields, name, where)
        for number, item in enumerate(items):
            if not isinstance(item, str):
                self.fail(f"{name!r} must hold strings, got {_json_type(item)}", (*where, name, number))
        return tuple(items)

    def document(self, value: Any, where: _Where) -> Document:
        fields = self.fields(value, where, required=("id",), optional=("title", "author", "publication", "date", "url"))
        values: dict[str, Any] = {name: self.optional_string(fields, name, where) for name in fields}
        return self.build(lambda: Document(**values), where)

    def source(self, value: Any, where: _Where) -> Source:
        fields = self.fields(value, where, required=("id", "name"), optional=("kind", "affiliation", "url"))
        values: dict[str, Any] = {name: self.optional_string(fields, name, where) for name in fields}
        return self.build(lambda: Source(**values), where)

    def claim(self, value: Any, where: _Where, sources: dict[str, Source]) -> Claim:
        fields = self.fields(
            value,
            where,
            required=("id", "text"),
            optional=(
                "attribution",
                "further_attributions",
                "qualifier",
                "tags",
                "note",
                "document",
                "section",
                "data",
            ),
        )
        attribution = None
        if "attribution" in fields:
            attribution = self.attribution(fields["attribution"], (*where, "attribution"), sources)
        further = self.array(fields, "further_attributions", where)
        more = tuple(
            self.attribution(item, (*where, "further_attributions", n), sources) for n, item in enumerate(further)
        )
        values: dict[str, Any] = {
            name: self.optional_string(fields, name, where) for name in ("qualifier", "note", "document", "section")
        }
        tags = self.strings(fields, "tags", where)
        text = self.string(fields, "text", where)
        id = self.string(fields, "id", where)
        values["data"] = self.data(fields, where)
        values["further_attributions"] = more
        return self.build(lambda: Claim(text, attribution=attribution, tags=tags, id=id, **values), where)

    def data(self, fields: dict[str, Any], where: _Where) -> dict[str, Any]:
        """Return an element's extra data: an object, checked by the element itself."""
        value = fields.get("data", {})
        if not isinstance(value, dict):
            self.fail(f"expected an object, got {_json_type(value)}", (*where, "data"))
        return value

    def attribution(self, value: Any, where: _Where, sources: dict[str, Source]) -> Attribution:
        fields = self.fields(value, where, required=("source",), optional=("via", "medium", "quote", "date", "url"))

        def known(id: str, at: _Where) -> Source:
            if id not in sources:
                self.fail(f"no source has id {id!r}", at)
            return sources[id]

        speaker = known(self.string(fields, "source", where), (*where, "source"))
        via = tuple(known(id, (*where, "via", n)) for n, id in enumerate(self.strings(fields, "via", where)))
        names = ("medium", "quote", "date", "url")
        values: dict[str, Any] = {name: self.optional_string(fields, name, where) for name in names}
        return self.build(lambda: Attribution(speaker, via=via, **values), where)

    def relation(self, value: Any, where: _Where) -> Relation:
        if not isinstance(value, dict):
            self.fail(f"expected an object, got {_json_type(value)}", where)
        if "kind" not in value:
            self.fail("missing field 'kind'", where)
        kind = self.string(value, "kind", where)
        if kind not in _RELATION_KINDS:
            self.fail(f"unknown relation kind {kind!r}; expected one of {', '.join(_RELATION_KINDS)}", (*where, "kind"))
        if kind == "support":
            fields = self.fields(
                value,
                where,
                required=("kind", "premises", "conclusion"),
                optional=("id", "label", "text", "tags", "data"),
            )
            premises = self.strings(fields, "premises", where)
            conclusion = self.string(fields, "conclusion", where)
            label = self.optional_string(fields, "label", where)
            options: dict[str, Any] = self.relation_id(fields, where)
            options["text"] = self.optional_string(fields, "text", where)
            options["tags"] = self.strings(fields, "tags", where)
            options["data"] = self.data(fields, where)
            return self.build(lambda: Support(premises, conclusion, label=label, **options), where)
        if kind == "skeptical_response":
            fields = self.fields(value, where, required=("kind", "response", "target"), optional=("id", "stance"))
            response = self.string(fields, "response", where)
            target = self.target(fields, where)
            stance: Any = self.optional_string(fields, "stance", where)  # the model checks it
            if stance is None:
                stance = "doubt"
            ids = self.relation_id(fields, where)
            built = self.build(lambda: SkepticalResponse(response, target, stance=stance, **ids), where)
            if not ids:
                self.old_ids[f"doubt:{response}>{fields['target']}"] = built.id  # the target as the file names it
            return built
        fields = self.fields(value, where, required=("kind", "attacker", "target"), optional=("id", "label"))
        attacker = self.string(fields, "attacker", where)
        target = self.target(fields, where)
        label = self.optional_string(fields, "label", where)
        ids = self.relation_id(fields, where)
        cls = Rebuttal if kind == "rebuttal" else Undercut
        return self.build(lambda: cls(attacker, target, label=label, **ids), where)

    def target(self, fields: dict[str, Any], where: _Where) -> str:
        """Return the id of a relation's target, as argmap now names it where the file names it the old way."""
        target = self.string(fields, "target", where)
        return self.old_ids.get(target, target)

    def relation_id(self, fields: dict[str, Any], where: _Where) -> dict[str, str]:
        """Return the keyword that gives a relation its id: none where the file leaves it to be derived."""
        return {"id": self.string(fields, "id", where)} if "id" in fields else {}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
