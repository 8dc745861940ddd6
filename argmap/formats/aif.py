"""AIF, the Argument Interchange Format: the JSON nodesets of AIFdb and OVA, read and written.

An AIF nodeset is a graph of *nodes* and *edges*. I-nodes hold propositions
and become claims; RA nodes (inference) become supports, several premises
making one linked support, the scheme name kept as the label; CA nodes
(conflict) become rebuttals, or undercuts when they point at another
relation node (an attack on an attack is an undercut of a rebuttal, which
:func:`argmap.check` reports); MA nodes (rephrase) become supports labelled
``"rephrase"``. Locutions (L nodes, ``Speaker : words``, anchored to an
I-node through a YA node) give the claim's attribution: the speaker, from the
participants list where there is one, and the words as the quote.

Real nodesets are slices of larger debates. What cannot be read as a claim or
a relation (a relation node without a premise or a conclusion, a link to a
locution, a preference) is left out and reported as a load problem, which
:func:`argmap.check` includes; only a file that is not an AIF nodeset at all
raises :class:`~argmap.errors.FormatError`.

What AIF cannot carry (map metadata, qualifiers, tags, notes, source details
beyond the name, ...) is listed in ``docs/formats.md``.

>>> import json
>>> from argmap import ArgumentMap, Source
>>> m = ArgumentMap()
>>> _ = m.support("Drone strikes continue.", m.claim("The base is not vacated.", by=Source("A U.S. official")))
>>> [node["type"] for node in json.loads(dumps(m))["nodes"]]
['I', 'I', 'L', 'YA', 'RA']
>>> [claim.text for claim in loads(dumps(m)).claims]
['The base is not vacated.', 'Drone strikes continue.']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from argmap._io import paused_gc, read_text, write_atomic
from argmap.errors import ArgmapError
from argmap.formats._graph import REPHRASE, GraphReader, Node, Where, add_relations
from argmap.formats._json import dumps_by_line, parse
from argmap.formats._names import source_named
from argmap.map import ArgumentMap
from argmap.model import (
    STANCES,
    Attribution,
    Claim,
    Relation,
    SkepticalResponse,
    Source,
    Support,
)

__all__ = ["dump", "dumps", "load", "loads"]

_PLACEHOLDERS = frozenset(
    {"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict", "Default Rephrase", "Default Preference"}
)
"""Texts and scheme names that tools write when a relation node has no scheme: not labels."""

_RELATION_NODES = ("RA", "CA", "MA")
"""The node types that stand for relations, whose text or scheme is a label."""

_SKEPTICAL = "Skeptical response"
_SKEPTICAL_TEXT = re.compile(rf"{_SKEPTICAL} \(({'|'.join(STANCES)})\)\Z")


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map in the AIF JSON *text* (an AIFdb nodeset, or OVA's JSON with its ``AIF`` block).

    Args:
        text: the JSON.
        path: the file it came from, named in errors.

    Raises:
        FormatError: the text is not JSON, or not shaped like an AIF nodeset
            (no ``nodes`` list, a node without an id or a type, ...).
    """
    with paused_gc():  # every node read stays until the map is built: nothing for the collector to find
        return _Reader(text, path, ("fromID", "toID")).read(parse(text, path))


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the AIF JSON file *path*."""
    return loads(read_text(path), path=path)


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as AIF JSON: ``nodes``, ``edges``, ``locutions`` and ``participants``."""
    return _Writer(amap).text()


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as AIF JSON, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


# ------------------------------------------------------------------- writing


def _protect(text: str) -> str:
    """Escape ``&`` where reading would take part of *text* for an HTML entity, so that it reads back as written."""
    if "&" in text and html.unescape(text) != text:
        return text.replace("&", "&amp;")
    return text


class _Writer:
    """Lay a map out as AIF nodes and edges, in the map's order, one pass over its elements."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: dict[str, dict[str, Any]] = {}
        # L and YA nodes need ids that no claim or relation has.
        self.taken = {claim.id for claim in amap.claims} | {relation.id for relation in amap.relations}
        self.counter = 0

    def text(self) -> str:
        for claim in self.amap.claims:
            self.nodes.append({"nodeID": claim.id, "text": _protect(claim.text), "type": "I"})
        for claim in self.amap.claims:
            for attribution in claim.attributions:  # each party who said it, a locution of its own
                self.locution(claim.id, claim.text, attribution)
        for relation in self.amap.relations:
            self.relation(relation)
        document = {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": list(self.participants.values()),
        }
        return dumps_by_line(document)

    def fresh(self, prefix: str) -> str:
        while True:
            self.counter += 1
            id = f"{prefix}{self.counter}"
            if id not in self.taken:
                return id

    def edge(self, origin: str, target: str) -> None:
        self.edges.append({"edgeID": str(len(self.edges) + 1), "fromID": origin, "toID": target, "formEdgeID": None})

    def locution(self, claim_id: str, text: str, attribution: Attribution) -> None:
        source = attribution.source
        participant = self.participants.get(source.id)
        if participant is None:
            participant = {"participantID": str(len(self.participants) + 1), "firstname": source.name, "surname": ""}
            self.participants[source.id] = participant
        words = attribution.quote if attribution.quote is not None else text
        locution_id, anchor_id = self.fresh("L"), self.fresh("YA")
        self.nodes.append({"nodeID": locution_id, "text": _protect(f"{source.name} : {words}"), "type": "L"})
        self.nodes.append({"nodeID": anchor_id, "text": "Asserting", "type": "YA", "scheme": "Asserting"})
        self.edge(locution_id, anchor_id)
        self.edge(anchor_id, claim_id)
        locution: dict[str, Any] = {"nodeID": locution_id, "personID": participant["participantID"]}
        if attribution.url is not None:
            locution["source"] = attribution.url
        self.locutions.append(locution)

    def relation(self, relation: Relation) -> None:
        node: dict[str, Any] = {"nodeID": relation.id}
        if isinstance(relation, Support):
            rephrase = relation.label == REPHRASE
            node["type"] = "MA" if rephrase else "RA"
            label = None if rephrase else relation.label
            node["text"] = label or ("Default Rephrase" if rephrase else "Default Inference")
            origins: tuple[str, ...] = relation.premises
            target = relation.conclusion
        elif isinstance(relation, SkepticalResponse):
            node |= {"type": "CA", "text": f"{_SKEPTICAL} ({relation.stance})"}
            label, origins, target = _SKEPTICAL, (relation.response,), relation.target
        else:
            node |= {"type": "CA", "text": relation.label or "Default Conflict"}
            label, origins, target = relation.label, (relation.attacker,), relation.target
        if label is not None:
            node["scheme"] = label
        node["text"] = _protect(node["text"])
        self.nodes.append(node)
        for origin in origins:
            self.edge(origin, relation.id)
        self.edge(relation.id, target)


# ------------------------------------------------------------------- reading


class _Reader(GraphReader):
    """Turn a parsed nodeset into a map, reporting what does not fit as load problems."""

    def read(self, document: Any) -> ArgumentMap:
        if not isinstance(document, dict):
            self.fail("expected an AIF nodeset (an object with 'nodes' and 'edges')", ())
        nodeset = document
        if isinstance(document.get("AIF"), dict):  # OVA keeps the nodeset in its AIF block
            nodeset, self.where = document["AIF"], ("AIF",)
        for name in ("nodes", "edges"):
            if not isinstance(nodeset.get(name, []), list):
                self.fail(f"'{name}' must be an array", (*self.where, name))
        if "nodes" not in nodeset:
            self.fail("expected an AIF nodeset: no 'nodes' array", self.where)
        nodes = self.nodes(nodeset["nodes"])
        self.edges(nodeset.get("edges", []), nodes)
        speakers = self.speakers(nodeset, document)

        amap = ArgumentMap()
        claims = [node for node in nodes.values() if node.type == "I"]
        if not claims:
            self.warn("empty-file", "the file holds no I-nodes, so the map has no claims")
        sources: dict[str, Source] = {}
        attributions: dict[tuple[Any, ...], Attribution] = {}  # claims attributed alike share one
        for node in claims:
            amap.add(self.claim(node, speakers, sources, attributions))
        add_relations(amap, nodes, self.warn, lambda message, node: self.fail(message, self.node_place(node)))
        amap.load_problems = self.problems
        return amap

    def node_place(self, node: Node) -> Where:
        return (*self.where, "nodes", node.number)

    # -- the file's structure; a mistake here is a FormatError

    def nodes(self, items: list[Any]) -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        for number, item in enumerate(items):
            if item.__class__ is not dict:
                self.fail("a node must be an object", (*self.where, "nodes", number))
            id = item.get("nodeID")
            if id.__class__ is not str or not id or id[0].isspace() or id[-1].isspace():  # else checked already
                id = self.identifier(item, "nodeID", (*self.where, "nodes", number))
            kind = item.get("type")
            if kind.__class__ is not str:
                self.fail(
                    "a node needs a 'type' string (I, RA, CA, MA, L, YA, TA, ...)",
                    (*self.where, "nodes", number, "type"),
                )
            text = item.get("text", "")
            if text.__class__ is not str:
                self.fail("'text' must be a string", (*self.where, "nodes", number, "text"))
            if id in nodes:
                self.warn("unsupported-relation", f"two nodes have id {id}; the second ({kind}) was left out")
                continue
            if "&" in text:  # an entity to decode, as the IAC corpus writes them
                text = html.unescape(text)
            if kind not in _RELATION_NODES:  # a claim or a dialogue node: no label, no stance
                nodes[id] = Node(id, kind, None, number, text=text)
                continue
            scheme = item.get("scheme")
            if scheme.__class__ is not str:
                scheme = None
            stance = _SKEPTICAL_TEXT.match(text) if kind == "CA" and scheme == _SKEPTICAL else None
            nodes[id] = Node(
                id,
                kind,
                None,
                number,
                text=text,
                label=_label(text, scheme) if not stance else None,
                stance=stance[1] if stance else None,  # type: ignore[arg-type]  # the pattern admits stances only
            )
        return nodes

    def speakers(self, nodeset: dict[str, Any], document: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
        """Return the speaker's name, and the locution's source, for each L node tied to a named participant."""
        names: dict[str, str] = {}
        participants = nodeset.get("participants", document.get("participants", []))
        for item in participants if isinstance(participants, list) else []:
            id = item.get("participantID", item.get("id")) if isinstance(item, dict) else None
            if isinstance(id, (str, int)):
                parts = (item.get("firstname"), item.get("surname"))
                # Some tools write a missing surname as the word "None".
                name = " ".join(part for part in parts if isinstance(part, str) and part and part != "None")
                if name.strip():
                    names[str(id)] = name
        speakers: dict[str, tuple[str, str | None]] = {}
        locutions = nodeset.get("locutions", [])
        for item in locutions if isinstance(locutions, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("nodeID"), (str, int)):
                continue
            speaker = names.get(str(item.get("personID")))
            if speaker is not None:
                source = item.get("source")
                url = source if isinstance(source, str) and source.strip() else None
                speakers.setdefault(str(item["nodeID"]), (speaker, url))
        return speakers

    # -- claims and their attribution

    def claim(
        self,
        node: Node,
        speakers: dict[str, tuple[str, str | None]],
        sources: dict[str, Source],
        attributions: dict[tuple[Any, ...], Attribution],
    ) -> Claim:
        text = node.text
        if not text.strip():
            text = f"(I-node {node.id} has no text)"
            self.warn("incomplete-relation", f"I-node {node.id} has no text; it reads {text!r}", (node.id,))
        try:
            said = list(dict.fromkeys(self.attributions(node, text, speakers, sources, attributions)))
            first = said[0] if said else None
            return Claim(text, attribution=first, further_attributions=said[1:], id=node.id)
        except ArgmapError as error:
            self.fail(str(error), (*self.where, "nodes", node.number))

    def attributions(
        self,
        node: Node,
        text: str,
        speakers: dict[str, tuple[str, str | None]],
        sources: dict[str, Source],
        interned: dict[tuple[Any, ...], Attribution],
    ) -> Iterator[Attribution]:
        """Yield who said the claim: each locution anchored to it through a YA node, in order (equal ones once)."""
        for anchor in node.incoming:
            if anchor.type != "YA":
                continue
            for locution in anchor.incoming:
                if locution.type != "L":
                    continue
                participant, url = speakers.get(locution.id, (None, None))
                said = _speaker_and_words(locution.text, participant)
                if said is None:
                    continue
                chain, words = said
                speaker, *via = (source_named(name, sources) for name in chain)
                quote = words if words.strip() and words != text else None
                key = (speaker, *via, quote, url)
                attribution = interned.get(key)
                if attribution is None:
                    attribution = interned[key] = Attribution(speaker, via=via, quote=quote, url=url)
                yield attribution


def _label(text: str, scheme: str | None) -> str | None:
    """Return a relation node's label: its text, or else its scheme, unless that is a mere placeholder."""
    for candidate in (text, scheme):
        if candidate is not None and candidate not in _PLACEHOLDERS and candidate.strip():
            return candidate
    return None


_NAME = re.compile(r"[^\W_][\w.'\u2019-]*(?: [\w.'\u2019-]+){0,5}\Z")
"""What a speaker's name looks like before a locution's colon: one to six words, no sentence punctuation."""


def _speaker_and_words(text: str, participant: str | None) -> tuple[list[str], str] | None:
    """Split a locution into who said it and the words: ``Speaker : words`` or ``Speaker: words``.

    The participants list, where the file has one, names the speaker, and
    the name is taken off the front of the words. Otherwise the text before
    the colon does, when it looks like a name (one to six words, as
    ``Tony Danker: I believe ...`` in QT30 and DialAM); a nested
    ``Reporter: Speaker: words`` gives the speaker with the reporter as the
    source it came through. AIFdb writes ``" : "``, OVA and the DialAM maps
    ``": "``. Returns the names (speaker first) and the words, or ``None``
    when no speaker can be told.
    """
    if participant is not None:
        for prefix in (f"{participant} : ", f"{participant}: "):
            if text.startswith(prefix):
                return [participant], text[len(prefix) :]
        return [participant], text
    head, separator, words = text.partition(" : ")
    if separator and head.strip():
        names = [name.strip() for name in head.split(": ") if name.strip()]
        return names[::-1], words
    names = []
    rest = text
    while True:
        name, separator, after = rest.partition(": ")
        if not separator or not _NAME.match(name.strip()) or not after.strip():
            break
        names.append(name.strip())
        rest = after
    if not names:
        return None
    return names[::-1], rest
