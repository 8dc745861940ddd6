"""Argdown, the argument-mapping syntax of argdown.org: read Argdown as its users write it, and write it back.

Writing (:mod:`argmap.formats._argdown_writer`): each claim a statement
``[id]: text #tag {data}`` with the relations it starts under it, a claim
whose id is ``<Title>`` a sketched argument, a linked, labelled or titled
support a premise-conclusion structure, sections as headings; what Argdown
has no syntax for (the attribution, a qualifier, a note, a skeptical response's stance)
goes into the data Argdown keeps, so that argmap reads back exactly the map
written.

Reading (:mod:`argmap.formats._argdown_syntax` and
:mod:`argmap.formats._argdown_text`, as ``@argdown/core`` reads it):
statements, titled or not, become claims, and so do sketched arguments
(their ids ``<Title>``); each inference of a reconstructed argument becomes a
support titled as the argument (earlier steps "X - 1", ...); relations from a
reconstructed argument leave from its conclusion, as Argdown draws them; an
attack on one undercuts its support; headings become the claims' sections;
the front matter gives the map's title, author and date. The map keeps a
record of the file's layout (:mod:`argmap.formats._argdown_layout`):
writing it back gives the file as written, each paragraph the map still
says kept as it was.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.rebut("Drones still fly.", m.claim("The base is vacated.", id="vacated"))
>>> print(dumps(m), end="")
[vacated]: The base is vacated.
<BLANKLINE>
[drones-still-fly]: Drones still fly.
  -> [vacated]
>>> loads(dumps(m)) == m
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from argmap._io import paused_gc, read_text, write_atomic
from argmap.errors import ArgmapError, FormatError
from argmap.formats import _argdown_layout as file_layout
from argmap.formats import _argdown_syntax as syntax
from argmap.formats import _argdown_writer as writer
from argmap.formats._argdown_text import holds, unix_lines
from argmap.formats._names import source_named
from argmap.map import ArgumentMap
from argmap.model import (
    STANCES,
    Attribution,
    Claim,
    Document,
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
)
from argmap.problems import Problem

__all__ = ["dump", "dumps", "load", "loads"]

_METADATA = ("title", "author", "publication", "date", "url", "description")


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map in the Argdown *text*.

    Raises:
        FormatError: a syntax error, with its line and column, or data that
            does not describe a valid element.
    """
    with paused_gc():  # every element read stays until the map is built: nothing for the collector to find
        return _Reader(syntax.parse(text, path), path, text).read()


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the Argdown file *path*."""
    return loads(read_text(path), path=path)


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as Argdown text, written as people write Argdown (see :mod:`argmap.formats._argdown_writer`).

    A map read from Argdown is written as its file was, paragraph by paragraph,
    where the map still says what the paragraph said (see
    :mod:`argmap.formats._argdown_layout`); the result is read back, and
    where it would not read as *amap*, the map is written the default way.
    """
    recorded = amap.file_layout
    if isinstance(recorded, file_layout.Layout):
        followed = writer.following(amap, recorded)
        if followed is not None:
            text, unchanged = followed
            if unchanged or _reads_as(text, amap):
                return text
    return writer.dumps(amap)


def _reads_as(text: str, amap: ArgumentMap) -> bool:
    """Tell whether the Argdown *text* reads as *amap*."""
    try:
        return loads(text) == amap
    except FormatError:
        return False


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as Argdown, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


# ------------------------------------------------------------------- reading


class _Reader:
    """Turn a parsed Argdown document into a map."""

    def __init__(self, document: syntax.Document, path: str | Path | None, text: str) -> None:
        self.document = document
        self.path = path
        self.text = text
        self.placed: list[tuple[int, str]] = []  # (line, id) of each element added, for the file's layout
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}  # by id, from the front matter
        self.named: dict[str, Source] = {}  # by name, for proponents named in files written elsewhere
        self.claim_ids: dict[tuple[str, str], str] = {}  # (kind, title) -> claim id
        self.supports: dict[str, Support] = {}  # reconstructed argument's title -> its main support
        self.steps: dict[str, list[str]] = {}  # reconstructed argument's title -> the ids of its steps' supports
        # Claims attributed alike share one attribution, made once: (proponent, via, fields) -> the attribution.
        self.attributions: dict[tuple[Any, ...], Attribution] = {}

    def fail(self, message: str, line: int | None) -> FormatError:
        return FormatError(message, path=self.path, line=line, column=1 if line else None)

    def read(self) -> ArgumentMap:
        document = self.document
        amap = self.map(document.front_matter)
        if not document.statements and not document.arguments:
            self.problems.append(Problem("warning", "empty-file", "the document holds no statements or arguments"))
        elements: list[tuple[int, int, str, syntax.Statement | syntax.Argument]] = [
            (statement.line, number, "statement", statement)
            for number, statement in enumerate(document.statements.values())
        ]
        elements += [
            (argument.line, len(elements) + number, "argument", argument)
            for number, argument in enumerate(document.arguments.values())
            if not argument.inferences
        ]
        for first, _, element_kind, element in sorted(elements):  # in the order written (line, then number: unique)
            self.add(amap, self.claim(element, element_kind), first)
        pending: dict[str, tuple[int, Support]] = {}  # supports by id, until added
        for argument in document.arguments.values():
            pending.update((support.id, (line, support)) for line, support in self.reconstruction(argument))
        attacks = self.attacks()
        # Supports and relations go into the map in the order the file has them, except that a
        # support goes in before a relation that attacks it.
        events = sorted(
            [(line, 0, support.id) for line, support in pending.values()]
            + [(relation.line, 1, number) for number, relation in enumerate(document.relations)]
        )
        for line, kind, key in events:
            if kind == 0:
                if key in pending:
                    self.add(amap, pending.pop(key)[1], line)
                continue
            relation = document.relations[int(key)]
            made = self.relation(relation, attacks)
            if made is None or made.id in amap:  # a relation written twice is one relation
                continue
            target = made.conclusion if isinstance(made, Support) else made.target
            if target in pending:
                target_line, support = pending.pop(target)
                self.add(amap, support, target_line)
            self.add(amap, made, relation.line)
        self.problems += [
            Problem("warning", "lenient-syntax", f"line {line}: {message}") for line, message in document.warnings
        ]
        amap.load_problems = self.problems
        breaks = {line for line, message in document.warnings if message.endswith(_NEEDS_EMPTY_LINE)}
        text = unix_lines(self.text)
        lines = text.split("\n") if breaks else []
        # An empty line goes before each line that Argdown needs one before, but never into the front matter.
        breakable = not any(lines[line - 1].lstrip().startswith("===") for line in breaks)
        if (
            not holds(text, "@include(") and len(breaks) == len(document.warnings) and breakable
        ):  # one text Argdown reads
            amap.file_layout = self.layout(amap, text, breaks)
        return amap

    def add(self, amap: ArgumentMap, element: Any, line: int) -> None:
        try:
            added = amap.add(element)
        except ArgmapError as error:
            raise self.fail(str(error), line) from None
        self.placed.append((line, added.id))

    def layout(self, amap: ArgumentMap, text: str, breaks: set[int]) -> file_layout.Layout:
        """Return the record of how the file was written: its paragraphs and what each said.

        An empty line goes before each line in *breaks*, where Argdown needs one.
        """
        titles = {
            id: f"[{title}]" if kind == "statement" else f"<{title}>" for (kind, title), id in self.claim_ids.items()
        }
        titles.update((support.id, f"<{title}>") for title, support in self.supports.items())
        front = (amap.metadata, amap.documents, amap.sources)
        elements = (amap.claims, amap.relations)
        return file_layout.record(text, front, elements, self.placed, self.document.headings, titles, breaks)

    # -- the front matter

    def map(self, front: dict[str, Any]) -> ArgumentMap:
        metadata: dict[str, Any] = {}
        for name in _METADATA:
            value = _text(front.get(name))
            if value is not None and name == "date":
                value = _iso_date(value)  # a date Argdown users write otherwise is left out
            if value is not None:
                metadata[name] = value
        try:
            amap = ArgumentMap(**metadata)
            for fields in _mappings(front.get("documents")):
                document: dict[str, Any] = {k: _text(v) for k, v in fields.items()}
                amap.add(Document(**document))
            for fields in _mappings(front.get("sources")):
                described: dict[str, Any] = {k: _text(v) for k, v in fields.items()}
                source = Source(**described)
                self.sources[source.id] = amap.add(source)
        except (ArgmapError, TypeError) as error:
            raise self.fail(f"the front matter does not describe a map: {error}", 1) from None
        return amap

    # -- claims

    def claim(self, element: syntax.Statement | syntax.Argument, kind: str) -> Claim:
        data = element.data
        title = element.title
        id = (data and _text(data.get("id"))) or (title if kind == "statement" else f"<{title}>")
        self.claim_ids[(kind, title)] = id
        tags = _tags(element) if element.tags or "tags" in data else ()
        try:
            if not data:  # nothing but a text: the same claim as below, without looking for what is not there
                return Claim(element.text or title, tags=tags, section=element.section, id=id)
            options: dict[str, Any] = {name: _text(data[name]) for name in _CLAIM_OPTIONS if name in data}
            options["section"] = options.get("section") or element.section
            further = data.get("further_attributions")
            return Claim(
                _text(data.get("text")) or element.text or title,
                attribution=self.attribution(data) if "proponent" in data else None,
                further_attributions=[said for said in map(self.attribution, _mappings(further)) if said is not None]
                if further
                else (),
                tags=tags,
                data=_extra(data, _CLAIM_KEYS),
                id=id,
                **options,
            )
        except (ArgmapError, TypeError) as error:
            raise self.fail(str(error), element.line) from None

    def attribution(self, data: dict[str, Any]) -> Attribution | None:
        proponent = _text(data.get("proponent"))
        if proponent is None:
            return None
        names = tuple(str(name) for name in data.get("via") or () if str(name).strip())
        fields = {name: _text(data[name]) for name in ("medium", "quote", "date", "url") if name in data}
        date = fields.get("date")
        if date is not None:
            fields["date"] = _iso_date(date)
        key = (proponent, names, *fields.items())
        made = self.attributions.get(key)
        if made is None:
            via = [self.source(name) for name in names]
            made = Attribution(self.source(proponent), via=via, **fields)  # type: ignore[arg-type]  # checked by attrs
            self.attributions[key] = made
        return made

    def source(self, reference: str) -> Source:
        """Return the source a proponent names: a source of the front matter by id, or else one by name."""
        return self.sources.get(reference) or source_named(reference, self.named)

    # -- relations

    def reconstruction(self, argument: syntax.Argument) -> Iterator[tuple[int, Support]]:
        """Yield a support, and its line, for each inference of a reconstructed argument; the last is the argument's.

        Premises are the statements since the previous conclusion, or those its
        ``uses`` list names by number; a step other than the last is titled
        "X - 1", "X - 2", as Argdown names them, and so is the last where the
        front matter asks Argdown to explode arguments.
        """
        model = self.document.front_matter.get("model")
        explode = isinstance(model, dict) and model.get("explodeArguments") is True and len(argument.inferences) > 1
        steps: list[str] = []
        for number, inference in enumerate(argument.inferences, 1):
            last = number == len(argument.inferences)
            conclusion_title = str(inference.conclusion)
            titles = self.uses(argument, inference, conclusion_title) or inference.premises
            premises = [self.claim_ids[("statement", title)] for title in dict.fromkeys(titles)]
            conclusion = self.claim_ids[("statement", conclusion_title)]
            step = argument.title if last and not explode else f"{argument.title} - {number}"
            id = _text(inference.data.get("id")) or step
            label = _text(inference.data.get("label")) or ", ".join(inference.rules) or None
            described: dict[str, Any] = {}
            if last:  # the argument's description, tags and data are the reconstruction's, so its last support's
                described = {"text": argument.text or None}
                if argument.data or argument.tags:
                    described = {
                        "text": _text(argument.data.get("text")) or argument.text or None,
                        "tags": _tags(argument),
                        "data": _extra(argument.data, _DESCRIPTION_KEYS),
                    }
            try:
                support = Support(premises, conclusion, label=label, id=id, **described)
            except ArgmapError as error:
                raise self.fail(str(error), inference.line) from None
            steps.append(support.id)
            self.placed.append((argument.line, support.id))  # its title's paragraph says it too
            if last:
                self.supports[argument.title] = support
            yield inference.line, support
        self.steps[argument.title] = steps

    def uses(self, argument: syntax.Argument, inference: syntax.Inference, conclusion: str) -> list[str] | None:
        """Return the statements an inference's ``uses`` (or ``from``) list names by number, if it has one."""
        statement = self.document.statements.get(conclusion)
        if (
            "uses" not in inference.data
            and "from" not in inference.data
            and (not statement or "uses" not in statement.data)
        ):
            return None  # none: the usual case, told at once
        for numbers in (
            inference.data.get("uses"),
            statement.data.get("uses") if statement else None,
            inference.data.get("from"),
        ):
            if isinstance(numbers, list):
                if not all(isinstance(n, int) and 1 <= n <= len(argument.pcs) for n in numbers):
                    raise self.fail(f"'uses' names a statement the argument does not have: {numbers}", inference.line)
                return [argument.pcs[n - 1] for n in numbers]
        return None

    def attacks(self) -> dict[str, list[dict[str, Any]]]:
        """Return, for each attacking claim, the details argmap wrote of its attacks, in the order written."""
        found: dict[str, list[dict[str, Any]]] = {}
        elements: list[syntax.Statement | syntax.Argument] = [*self.document.statements.values()]
        elements += self.document.arguments.values()
        for element in elements:
            written = element.data.get("attacks")
            if not written:
                continue
            kind = "statement" if isinstance(element, syntax.Statement) else "argument"
            claim_id = self.claim_ids.get((kind, element.title))
            if claim_id is not None:
                found.setdefault(claim_id, []).extend(_mappings(written))
        return found

    def relation(self, relation: syntax.Relation, attacks: dict[str, list[dict[str, Any]]]) -> Relation | None:
        """Return the argmap relation an Argdown relation stands for, or ``None`` where the map has it already."""
        origin = self.end(relation.origin)
        if relation.step is not None:
            step = self.steps[relation.target.title][relation.step]
            detail = self.entry(attacks.get(origin), step) or {}
            named = {"id": detail["id"]} if _text(detail.get("id")) else {}
            return Undercut(origin, step, label=_text(detail.get("label")), **named)
        target_support = self.supports.get(relation.target.title) if relation.target.kind == "argument" else None
        target = target_support.conclusion if target_support is not None else self.end(relation.target)
        if relation.kind == "support":
            origin_support = self.supports.get(relation.origin.title) if relation.origin.kind == "argument" else None
            if origin == target or (origin_support is not None and origin_support.conclusion == target):
                return None  # the reconstruction says it already
            return Support([origin], target)
        attacked = target_support.id if target_support else target
        entry = self.entry(attacks.get(origin), attacked)
        if entry is None:  # nothing written of it: the attack as the relation's kind says
            if target_support is not None:
                return Undercut(origin, target_support.id, label="attack" if relation.kind == "attack" else None)
            return Rebuttal(
                origin, target, label=relation.kind if relation.kind in ("contradictory", "undercut") else None
            )
        options: dict[str, Any] = {"id": entry["id"]} if _text(entry.get("id")) else {}
        # Before "skeptical_response", argmap wrote the kind as "doubt": files it wrote then still read.
        if entry.get("kind") in ("skeptical_response", "doubt") and entry.get("stance") in STANCES:
            return SkepticalResponse(origin, attacked, stance=entry["stance"], **options)
        label = _text(entry.get("label"))
        if target_support is not None:  # an attack on a reconstructed argument: it says so in the label
            label = label or ("attack" if relation.kind == "attack" else None)
            return Undercut(origin, target_support.id, label=label, **options)
        if relation.kind in ("contradictory", "undercut") and label is None:
            label = relation.kind  # argmap undercuts inferences; a sketched argument shows none
        return Rebuttal(origin, target, label=label, **options)

    def end(self, reference: syntax.Reference) -> str:
        """Return the claim an end of a relation stands for: a reconstructed argument's is its conclusion."""
        support = self.supports.get(reference.title) if reference.kind == "argument" else None
        return support.conclusion if support is not None else self.claim_ids[(reference.kind, reference.title)]

    def entry(self, entries: list[dict[str, Any]] | None, target: str) -> dict[str, Any] | None:
        """Take the next detail argmap wrote for an attack of the claim, where it names this target."""
        if entries and entries[0].get("target") == target:
            return entries.pop(0)
        return None


# The end of the warnings on a line that Argdown reads only after an empty line: the layout puts one there.
_NEEDS_EMPTY_LINE = (
    "Argdown needs an empty line",
    "Argdown needs an empty line after the front matter; read without one",
)


# The data keys argmap reads itself from a statement's data; any other key is the claim's own data.
_CLAIM_OPTIONS = ("qualifier", "note", "document", "section")  # those given to the claim as they are
_DESCRIPTION_KEYS = frozenset({"text", "tags", "data"})  # what a reconstructed argument's data gives its last support
_CLAIM_KEYS = frozenset(
    {"id", "text", "tags", "qualifier", "note", "document", "section", "proponent", "via", "medium", "quote"}
    | {"date", "url", "attacks", "data", "further_attributions"}
)


def _tags(element: syntax.Statement | syntax.Argument) -> list[str]:
    """Return an element's tags: those written ``#tag``, then those its data lists."""
    tags = list(element.tags)
    if isinstance(element.data.get("tags"), list):
        tags += [str(tag) for tag in element.data["tags"] if str(tag) not in tags]
    return [tag.strip() for tag in tags if tag.strip()]


_LISTS = frozenset(
    ["tags", "via", "attacks", "data", "further_attributions"]
)  # the keys argmap reads a list or mapping from


def _extra(data: dict[str, Any], known: frozenset[str] | set[str]) -> dict[str, Any]:
    """Return what *data* holds besides the *known* keys, as JSON values; ``data: {...}`` holds keys argmap knows."""
    found = {
        str(key): _json(value)
        for key, value in data.items()
        if key not in known or (key not in _LISTS and isinstance(value, (dict, list)))  # not argmap's to take
    }
    nested = data.get("data")
    if isinstance(nested, dict):
        found |= {str(key): _json(value) for key, value in nested.items()}
    return found


def _json(value: Any) -> Any:
    """Return a YAML value as JSON holds it: a date as ISO text, what JSON has no word for as its text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    return str(value)


def _text(value: Any) -> str | None:
    """Return a YAML value as text, or ``None`` when it is missing or blank."""
    if value.__class__ is str:  # most are: blank only if nothing but spaces (which strip() would take)
        return value if value and not value.isspace() else None
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    text = str(value)
    return text if text.strip() else None


def _iso_date(text: str) -> str | None:
    """Return a date as ISO (Argdown files often write ``19/10/2018``), or ``None`` when it is not one."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    day = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    return f"{day[3]}-{int(day[2]):02d}-{int(day[1]):02d}" if day else None


def _mappings(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
