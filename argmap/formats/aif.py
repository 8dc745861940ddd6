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
from collections.abc import Iterable, Iterator
from operator import itemgetter
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
    Rebuttal,
    Relation,
    SkepticalResponse,
    Source,
    Stance,
    Support,
    Undercut,
)

__all__ = ["dump", "dumps", "load", "loads"]

_PLACEHOLDERS = frozenset(
    {"", "RA", "CA", "MA", "PA", "Default Inference", "Default Conflict", "Default Rephrase", "Default Preference"}
)
"""Texts and scheme names that tools write when a relation node has no scheme: not labels."""

_RELATIONS = frozenset({"RA", "CA", "MA"})
"""The node types that stand for relations, whose text or scheme is a label."""

_Interned = dict[tuple[tuple[str, ...], str | None, str | None], Attribution]
"""Attributions read, by the speaker's names (the speaker first), the quote and the url: claims said alike share one."""

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
        document = parse(text, path)
        try:
            return _read_quickly(document)
        except Exception:  # the careful reader says what is wrong and where, or reports what it leaves out
            return _Reader(text, path, ("fromID", "toID")).read(document)


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

_node_id, _type, _text = itemgetter("nodeID"), itemgetter("type"), itemgetter("text")
_origin, _target = itemgetter("fromID"), itemgetter("toID")


def _read_quickly(document: Any) -> ArgumentMap:
    """Return the map in a nodeset laid out as :func:`dumps` writes it, raising on anything else.

    argmap writes the I-nodes first, then a locution and its anchor (L, YA)
    for each attribution, then the relation nodes in the map's order; the
    edges follow the same order: each locution's two, then each relation's
    premises (or attacker) and its conclusion (or target). Read in that
    order, the graph needs no per-node objects and no grouping of edges:
    fields are taken out a column at a time, checked by comparing columns,
    and each element is built with the careful reader's own calls (an
    attack's target that is no claim is left to the map to find among the
    relations read). Whatever
    the careful reader would report as a load problem or an error (a
    missing end, a duplicate id, a blank claim, an attack before its
    target, any other layout) raises here, and :func:`loads` hands the
    document to the careful reader. A property test holds the two readers
    to the same map.
    """
    if document.__class__ is not dict or "AIF" in document:
        raise ValueError
    items, links = document["nodes"], document["edges"]
    if items.__class__ is not list or links.__class__ is not list:
        raise ValueError
    ids, types, texts = list(map(_node_id, items)), list(map(_type, items)), list(map(_text, items))
    unique = set(ids)
    # Ids as the careful reader takes them without a copy: strings, none empty, none padded, none twice.
    if list(map(str.strip, ids)) != ids or "" in unique or len(unique) != len(ids) or set(map(type, texts)) != {str}:
        raise ValueError
    claims, said = types.count("I"), types.count("L")
    relations = claims + 2 * said  # where the relation nodes start
    # The I-nodes first: with every other node after them of another type, the count says where they end.
    if (
        not claims
        or types[claims:relations:2] != ["L"] * said
        or types[claims + 1 : relations : 2] != ["YA"] * said
        or not set(types[relations:]) <= _RELATIONS
    ):
        raise ValueError
    origins, targets = list(map(_origin, links)), list(map(_target, links))
    # Each locution's two edges: L -> YA, then YA -> the claim (an I-node).
    locutions, anchors, ends = ids[claims:relations:2], ids[claims + 1 : relations : 2], 2 * said
    if origins[:ends:2] != locutions or targets[:ends:2] != anchors or origins[1:ends:2] != anchors:
        raise ValueError
    claim_places = dict(zip(ids[:claims], range(claims), strict=True))  # a claim's place, by its id
    claim_at = claim_places.__getitem__
    said_by: dict[int, list[int]] = {}  # a claim's place: the places of the locutions anchored to it, in order
    for number, claim in enumerate(map(claim_at, targets[1:ends:2])):
        said_by.setdefault(claim, []).append(claims + 2 * number)

    amap = ArgumentMap()
    add = amap.add
    speakers = _speakers(document, document)
    sources: dict[str, Source] = {}
    interned: _Interned = {}
    for place in range(claims):
        text = texts[place]
        if "&" in text:
            text = html.unescape(text)
        if not text or text.isspace():  # the careful reader names it
            raise ValueError
        said_at = said_by.get(place)
        if said_at is None or len(said_at) == 1:  # said by no one or by one: the common cases, as _claim makes them
            attribution = None
            if said_at is not None:
                words = texts[said_at[0]]
                words = html.unescape(words) if "&" in words else words
                attribution = _attribution(ids[said_at[0]], words, text, speakers, sources, interned)
            add(Claim(text, attribution=attribution, further_attributions=(), id=ids[place]))
            continue
        attributions = []
        for locution in said_at:
            words = texts[locution]
            if "&" in words:
                words = html.unescape(words)
            attribution = _attribution(ids[locution], words, text, speakers, sources, interned)
            if attribution is not None:
                attributions.append(attribution)
        add(_claim(text, attributions, ids[place]))

    labels: dict[tuple[str, str, str | None], tuple[str | None, Stance | None]] = {}  # most nodes say the same
    claim_id = dict(zip(ids[:claims], ids[:claims], strict=True))  # a claim's id as its I-node has it: one string
    edge = ends
    for id, kind, text, item in zip(
        ids[relations:], types[relations:], texts[relations:], items[relations:], strict=True
    ):
        if targets[edge] != id:  # its premise (or attacker), a claim
            raise ValueError
        premises: tuple[str, ...] = (claim_id[origins[edge]],)
        edge += 1
        if targets[edge] == id:  # more: a linked support (or an attack from two claims, refused below)
            linked = list(premises)
            while targets[edge] == id:
                linked.append(claim_id[origins[edge]])
                edge += 1
            premises = tuple(dict.fromkeys(linked))  # a premise linked twice is one premise
        if origins[edge] != id:
            raise ValueError
        end = targets[edge]  # its conclusion (or target)
        target = claim_id.get(end)
        edge += 1
        scheme = item.get("scheme")
        if scheme.__class__ is not str:
            scheme = None
        carried = labels.get((kind, text, scheme))
        if carried is None:
            carried = _label_and_stance(kind, html.unescape(text) if "&" in text else text, scheme)
            labels[kind, text, scheme] = carried
        label, stance = carried
        relation: Relation
        if kind != "CA":
            if target is None:
                raise ValueError
            relation = Support(premises, target, label=REPHRASE if kind == "MA" else label, id=id)
        elif len(premises) > 1:
            raise ValueError
        elif stance is not None:  # an attack on a claim, or on a relation that the map has already (which it checks)
            relation = SkepticalResponse(premises[0], end if target is None else target, stance=stance, id=id)
        elif target is not None:
            relation = Rebuttal(premises[0], target, label=label, id=id)
        else:
            relation = Undercut(premises[0], end, label=label, id=id)
        add(relation)
    if edge != len(links):
        raise ValueError
    amap.load_problems = []
    return amap


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
        speakers = _speakers(nodeset, document)

        amap = ArgumentMap()
        claims = [node for node in nodes.values() if node.type == "I"]
        if not claims:
            self.warn("empty-file", "the file holds no I-nodes, so the map has no claims")
        sources: dict[str, Source] = {}
        attributions: _Interned = {}  # claims attributed alike share one
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
            if kind not in _RELATIONS:  # a claim or a dialogue node: no label, no stance
                nodes[id] = Node(id, kind, None, number, text=text)
                continue
            scheme = item.get("scheme")
            label, stance = _label_and_stance(kind, text, scheme if scheme.__class__ is str else None)
            nodes[id] = Node(id, kind, None, number, text=text, label=label, stance=stance)
        return nodes

    # -- claims and their attribution

    def claim(
        self,
        node: Node,
        speakers: dict[str, tuple[str, str | None]],
        sources: dict[str, Source],
        attributions: _Interned,
    ) -> Claim:
        text = node.text
        if not text.strip():
            text = f"(I-node {node.id} has no text)"
            self.warn("incomplete-relation", f"I-node {node.id} has no text; it reads {text!r}", (node.id,))
        try:
            return _claim(text, self.attributions(node, text, speakers, sources, attributions), node.id)
        except ArgmapError as error:
            self.fail(str(error), (*self.where, "nodes", node.number))

    def attributions(
        self,
        node: Node,
        text: str,
        speakers: dict[str, tuple[str, str | None]],
        sources: dict[str, Source],
        interned: _Interned,
    ) -> Iterator[Attribution]:
        """Yield who said the claim: each locution anchored to it through a YA node, in order."""
        for anchor in node.incoming:
            if anchor.type != "YA":
                continue
            for locution in anchor.incoming:
                if locution.type != "L":
                    continue
                attribution = _attribution(locution.id, locution.text, text, speakers, sources, interned)
                if attribution is not None:
                    yield attribution


def _speakers(nodeset: dict[str, Any], document: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
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


def _claim(text: str, attributions: Iterable[Attribution], id: str) -> Claim:
    """Return the claim an I-node stands for, said by each of *attributions* (equal ones once)."""
    said = list(dict.fromkeys(attributions))
    return Claim(text, attribution=said[0] if said else None, further_attributions=said[1:], id=id)


def _attribution(
    locution_id: str,
    locution: str,
    text: str,
    speakers: dict[str, tuple[str, str | None]],
    sources: dict[str, Source],
    interned: _Interned,
) -> Attribution | None:
    """Return who said the claim *text* in the L node *locution*, or ``None`` where no speaker can be told.

    Attributions alike are one value, kept in *interned*; sources by name in *sources*.
    """
    participant, url = speakers.get(locution_id, _UNNAMED)
    chain: tuple[str, ...]
    if participant is not None:  # the participants list names the speaker: most locutions, told without a list
        chain, words = (participant,), _words_of(locution, participant)
    else:
        said = _speaker_and_words(locution, None)
        if said is None:
            return None
        chain, words = tuple(said[0]), said[1]
    quote = words if words.strip() and words != text else None
    key = (chain, quote, url)  # one source to a name: the names tell attributions apart as well
    attribution = interned.get(key)
    if attribution is None:
        speaker, *via = [source_named(name, sources) for name in chain]
        attribution = interned[key] = Attribution(speaker, via=via, quote=quote, url=url)
    return attribution


def _label_and_stance(kind: str, text: str, scheme: str | None) -> tuple[str | None, Stance | None]:
    """Return a relation node's label, or, for an attack argmap wrote for a skeptical response, its stance."""
    stance = _SKEPTICAL_TEXT.match(text) if kind == "CA" and scheme == _SKEPTICAL else None
    if stance:
        return None, stance[1]  # type: ignore[return-value]  # the pattern admits stances only
    return _label(text, scheme), None


def _label(text: str, scheme: str | None) -> str | None:
    """Return a relation node's label: its text, or else its scheme, unless that is a mere placeholder."""
    for candidate in (text, scheme):
        if candidate is not None and candidate not in _PLACEHOLDERS and candidate.strip():
            return candidate
    return None


_UNNAMED = (None, None)
"""What :func:`_speakers` gives for a locution of no named participant: no speaker, no url."""


def _words_of(text: str, participant: str) -> str:
    """Return a locution's words, its speaker's name taken off the front (``Speaker : words`` or ``Speaker: words``)."""
    if text.startswith(participant):
        after = len(participant)
        if text.startswith(" : ", after):
            return text[after + 3 :]
        if text.startswith(": ", after):
            return text[after + 2 :]
    return text


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
        return [participant], _words_of(text, participant)
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
