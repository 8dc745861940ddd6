"""SADFace, the Simple Argument Description Format: JSON documents of atoms and schemes, read and written.

Atoms become claims. The other nodes are relations: ``scheme`` nodes (SADFace
0.1 and 0.2) by their name, ``inference`` and ``conflict`` nodes (what the
``sadface`` library writes today, 0.5) by their type. A ``support``
inference becomes a support (several premises into one node make a linked
support; any other inference name is a scheme's, kept as the support's
label); a conflict (``conflict``, ``attack``) a rebuttal, or an undercut
where it points at another relation node; ``rephrase`` a support labelled
``"rephrase"``, as in AIF. The document's core metadata (``metadata.core``,
or the top level of a 0.1 document) gives the map's title, description,
author (the analyst) and date. Relation nodes that lack an end are left out
and reported as load problems, as for AIF.

argmap writes what the ``sadface`` library writes: ``inference`` and
``conflict`` nodes, UUIDs for every id (derived from the map, so the same map
is written the same way), and its own details in an ``argmap`` metadata
block: an element's argmap id where it is not a UUID, a relation's label
where the node's name cannot hold it, a skeptical response's stance.

>>> import json
>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="Hang back")
>>> _ = m.support("Cyclists were blamed.", "The campaign was wrong.")
>>> [node.get("name", node.get("text")) for node in json.loads(dumps(m))["nodes"]]
['Cyclists were blamed.', 'The campaign was wrong.', 'support']
>>> loads(dumps(m)) == m
True
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from argmap._io import paused_gc, read_text, write_atomic
from argmap.errors import ArgmapError
from argmap.formats._graph import REPHRASE, GraphReader, Node, add_relations
from argmap.formats._json import dumps_by_line, parse
from argmap.map import ArgumentMap
from argmap.model import STANCES, Claim, Relation, SkepticalResponse, Support

__all__ = ["dump", "dumps", "load", "loads"]

_VERSION = "0.5.4.0"
"""The version written: the shape the sadface library 0.5.4 writes (inference and conflict nodes)."""

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://argmap.invalid/formats/sadface")
"""Where argmap's UUIDs for SADFace ids come from: uuid5 of the map's content and each element's id."""

_OWN = "argmap"
"""The metadata block in which argmap keeps what SADFace has no field for."""

_DEFAULTS = {"support": "RA", "inference": "RA", "conflict": "CA", "attack": "CA", "disagree": "CA", REPHRASE: "MA"}
"""Relation names that say only what kind of relation a node is (no label), and the AIF type each stands for."""

_NODE_TYPES = ("atom", "scheme", "inference", "conflict")


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map in the SADFace JSON *text*.

    Raises:
        FormatError: the text is not JSON, or not shaped like a SADFace document.
    """
    with paused_gc():  # every node read stays until the map is built: nothing for the collector to find
        return _Reader(text, path, ("source_id", "target_id")).read(parse(text, path))


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the SADFace JSON file *path*."""
    return loads(read_text(path), path=path)


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as a SADFace document: ``edges``, ``metadata``, ``nodes`` and ``resources``."""
    content = json.dumps(
        [amap.title, [(claim.id, claim.text) for claim in amap.claims], [r.id for r in amap.relations]]
    )
    document_id = uuid.uuid5(_NAMESPACE, content)

    def node_id(id: str) -> str:
        return id if _is_uuid(id) else str(uuid.uuid5(document_id, f"node\n{id}"))

    def edge_id(id: str) -> str:
        return str(uuid.uuid5(document_id, f"edge\n{id}"))

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for claim in amap.claims:
        own = {} if _is_uuid(claim.id) else {"id": claim.id}
        atom = {"id": node_id(claim.id), "metadata": _node_metadata(own), "sources": [], "text": claim.text}
        nodes.append(atom | {"type": "atom"})
    for relation in amap.relations:
        node, origins, target = _relation_node(relation)
        if not _is_uuid(relation.id):
            node["metadata"][_OWN] = {"id": relation.id} | node["metadata"].get(_OWN, {})
        node = {"id": node_id(relation.id)} | node  # keys in the order the library's sorted output has them
        nodes.append(node)
        for number, origin in enumerate(origins):
            edges.append(
                {"id": edge_id(f"{relation.id}<{number}"), "source_id": node_id(origin), "target_id": node["id"]}
            )
        edges.append({"id": edge_id(f"{relation.id}>"), "source_id": node["id"], "target_id": node_id(target)})
    date = amap.date or ""
    created = f"{date}{'-01' * (2 - date.count('-'))}T00:00:00" if date else ""
    core = {
        "analyst_email": "",
        "analyst_name": amap.author or "",
        "created": created,
        "description": amap.description or "",
        "edited": created,
        "id": str(document_id),
        "notes": "",
        "title": amap.title or "",
        "version": _VERSION,
    }
    metadata: dict[str, Any] = {"core": core}
    if any(_OWN in node["metadata"] for node in nodes):
        # The sadface library's validator wants each block named in a node's metadata at the top as well.
        metadata[_OWN] = {}
    document = {"edges": edges, "metadata": metadata, "nodes": nodes, "resources": []}
    return dumps_by_line(document)


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as SADFace JSON, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


def _is_uuid(id: str) -> bool:
    """Tell whether *id* is a UUID written as the sadface library writes one (lowercase, hyphenated)."""
    try:
        return str(uuid.UUID(id)) == id
    except ValueError:
        return False


def _node_metadata(own: dict[str, Any]) -> dict[str, Any]:
    return {"core": {}, _OWN: own} if own else {"core": {}}


def _relation_node(relation: Relation) -> tuple[dict[str, Any], tuple[str, ...], str]:
    """Return the node for *relation* (without its id), the ids its edges come from, and the id they point at."""
    own: dict[str, Any] = {}
    if isinstance(relation, Support):
        type, name = "inference", relation.label or "support"
        if name in _DEFAULTS and name != REPHRASE:  # a label that is a kind's name would change the kind
            name, own = "support", {"label": relation.label}
        origins, target = relation.premises, relation.conclusion
    elif isinstance(relation, SkepticalResponse):
        type, name, own = "conflict", "attack", {"stance": relation.stance}
        origins, target = (relation.response,), relation.target
    else:  # a conflict's name is its kind (attack, disagree, defeat): a label goes in the metadata
        type, name = "conflict", "attack"
        if relation.label is not None:
            own = {"label": relation.label}
        origins, target = (relation.attacker,), relation.target
    return {"metadata": _node_metadata(own), "name": name, "type": type}, origins, target


# ------------------------------------------------------------------- reading


class _Reader(GraphReader):
    """Turn a parsed SADFace document into a map, reporting what does not fit as load problems."""

    def read(self, document: Any) -> ArgumentMap:
        if not isinstance(document, dict):
            self.fail("expected a SADFace document (an object with 'nodes' and 'edges')", ())
        for name in ("nodes", "edges"):
            if not isinstance(document.get(name, []), list):
                self.fail(f"'{name}' must be an array", (name,))
        given = document.get("metadata")
        metadata: dict[str, Any] = given if isinstance(given, dict) else {}
        core = metadata.get("core")
        if not isinstance(core, dict):
            core = document  # SADFace 0.1 keeps the analyst, the dates and the id at the top
        try:
            amap = ArgumentMap(**_metadata(core))
        except ArgmapError as error:
            self.fail(str(error), ("metadata", "core") if core is not document else ())
        nodes = self.nodes(document.get("nodes", []))
        self.edges(document.get("edges", []), nodes)
        nodes = {node.id: node for node in nodes.values()}  # edges name the file's ids; relations, the map's
        for node in list(nodes.values()):
            if node.name.startswith("disagree ") and not node.incoming:
                _mutual(node, nodes)
        claims = [node for node in nodes.values() if node.type == "I"]
        if not claims:
            self.warn("empty-file", "the document holds no atoms, so the map has no claims")
        for node in claims:
            try:
                amap.add(Claim(node.text, id=node.id))
            except ArgmapError as error:
                self.fail(str(error), ("nodes", node.number))
        add_relations(amap, nodes, self.warn, lambda message, node: self.fail(message, ("nodes", node.number)))
        amap.load_problems = self.problems
        return amap

    def nodes(self, items: list[Any]) -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        ids: dict[str, str] = {}  # each node's id in the file, by the id its element has in the map
        for number, item in enumerate(items):
            where = ("nodes", number)
            if not isinstance(item, dict):
                self.fail("a node must be an object", where)
            kind = item.get("type")
            if kind not in _NODE_TYPES:
                held = " (a Cytoscape export keeps it under 'data': not SADFace)" if "data" in item else ""
                self.fail(
                    f"a SADFace node's 'type' must be one of {', '.join(_NODE_TYPES)}{held}",
                    (*where, "type") if "type" in item else where,
                )
            file_id = self.identifier(item, "id", where)
            metadata = item.get("metadata")
            metadata = metadata if isinstance(metadata, dict) else {}
            own: dict[str, Any] = metadata[_OWN] if isinstance(metadata.get(_OWN), dict) else {}
            kept = own.get("id")
            id: str = kept if isinstance(kept, str) and kept else file_id
            if kind == "atom":
                text = item.get("text")
                if not isinstance(text, str):
                    self.fail("an atom needs a 'text' string", (*where, "text"))
                node = Node(id, "I", f"atom {file_id}", number, text=text)
            else:
                name = item.get("name", {"inference": "support", "conflict": "attack"}.get(kind))
                if not isinstance(name, str):
                    self.fail(f"a {kind} needs a 'name' string (support, conflict, ...)", (*where, "name"))
                node = _relation_node_read(id, f"{name} {kind} {file_id}", kind, name, own or metadata, number)
            if file_id in nodes or id in ids:
                self.warn("unsupported-relation", f"two nodes have id {file_id}; the second was left out")
                continue
            nodes[file_id] = node
            ids[id] = file_id
        return nodes


def _mutual(node: Node, nodes: dict[str, Node]) -> None:
    """Read a ``disagree`` conflict that points at two atoms (the library's ``build_disagreement``) as two rebuttals.

    The two claims disagree with each other: each rebuts the other. The
    first rebuttal keeps the node's id; the second is the id with ``/back``.
    """
    if len(node.outgoing) != 2:
        return
    first, second = node.outgoing
    if first.type != "I" or second.type != "I" or f"{node.id}/back" in nodes:
        return
    back = Node(f"{node.id}/back", "CA", f"{node.name} (from its second claim)", node.number, label=node.label)
    node.incoming, node.outgoing = [first], [second]
    back.incoming, back.outgoing = [second], [first]
    nodes[back.id] = back


def _relation_node_read(id: str, called: str, kind: str, name: str, details: dict[str, Any], number: int) -> Node:
    """Return the graph node for a scheme, inference or conflict node: its type from its kind or its name."""
    if kind == "inference":
        type = "MA" if name == REPHRASE else "RA"
    elif kind == "conflict":
        type = "CA"
    else:
        type = _DEFAULTS.get(name, "RA")  # any other scheme name is an inference scheme's
    stance = details.get("stance") if type == "CA" and details.get("stance") in STANCES else None
    label = details.get("label") if name in _DEFAULTS else name
    return Node(
        id, type, called, number, label=label if isinstance(label, str) and label.strip() else None, stance=stance
    )


def _metadata(core: dict[str, Any]) -> dict[str, str]:
    """Return the map's title, description, author and date from a SADFace core metadata block.

    The analyst's notes, which the map has no field for, follow the
    description; the analyst is the map's author, unless it is the sadface
    library's placeholder, "A User".
    """
    found: dict[str, str] = {}
    title = core.get("title")
    if isinstance(title, str) and title.strip():
        found["title"] = title
    about = [core.get(name) for name in ("description", "notes")]
    description = "\n\n".join(text for text in about if isinstance(text, str) and text.strip())
    if description:
        found["description"] = description
    analyst = core.get("analyst_name")
    if isinstance(analyst, str) and analyst.strip() and analyst != "A User":
        found["author"] = analyst
    created = core.get("created")
    if isinstance(created, str) and _DATE.match(created):
        found["date"] = created[:10]
    return found


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]|\Z)")  # \d as the model has it
