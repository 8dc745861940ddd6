"""SADFace, the Simple Argument Description Format: JSON documents of atoms and schemes, read and written.

Atoms become claims. Scheme nodes named ``support`` become supports (several
premises into one scheme make a linked support; any other scheme name is an
inference scheme, kept as the support's label), ``conflict`` (or ``attack``)
rebuttals, or undercuts where they point at another scheme, and ``rephrase``
supports labelled ``"rephrase"``, as in AIF. The document's ``metadata.core``
gives the map's title, description and date. Relation nodes that lack an end
are left out and reported as load problems, as for AIF.

argmap writes its own details where SADFace leaves room for them, in the
``metadata`` block of a scheme node: a rebuttal's or undercut's label, and
the stance of a skeptical response (written as a conflict).

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

from pathlib import Path
from typing import Any

from argmap._atomic import write_atomic
from argmap.errors import ArgmapError
from argmap.formats._graph import REPHRASE, GraphReader, Node, add_relations
from argmap.formats._json import dumps_by_line, parse, read_text
from argmap.map import ArgumentMap
from argmap.model import STANCES, Claim, Relation, SkepticalResponse, Support

__all__ = ["dump", "dumps", "load", "loads"]

_VERSION = "0.2"
_TYPES = {"support": "RA", "conflict": "CA", "attack": "CA", REPHRASE: "MA"}
"""The scheme names with a meaning of their own, and the AIF type each stands for."""


def loads(text: str, *, path: str | Path | None = None) -> ArgumentMap:
    """Return the map in the SADFace JSON *text*.

    Raises:
        FormatError: the text is not JSON, or not shaped like a SADFace document.
    """
    return _Reader(text, path, ("source_id", "target_id")).read(parse(text, path))


def load(path: str | Path) -> ArgumentMap:
    """Return the map stored in the SADFace JSON file *path*."""
    return loads(read_text(path), path=path)


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as a SADFace document: ``metadata``, ``nodes``, ``edges`` and ``resources``."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for claim in amap.claims:
        nodes.append({"id": claim.id, "metadata": {}, "sources": [], "text": claim.text, "type": "atom"})
    for relation in amap.relations:
        node, origins, target = _scheme(relation)
        nodes.append(node)
        for number, origin in enumerate(origins):
            edges.append({"id": f"{relation.id}<{number}", "source_id": origin, "target_id": relation.id})
        edges.append({"id": f"{relation.id}>", "source_id": relation.id, "target_id": target})
    date = amap.date or ""
    created = f"{date}{'-01' * (2 - date.count('-'))}T00:00:00" if date else ""
    core = {
        "analyst_email": "",
        "analyst_name": "",
        "created": created,
        "description": amap.description or "",
        "edited": created,
        "id": "",
        "notes": "",
        "title": amap.title or "",
        "version": _VERSION,
    }
    document = {"edges": edges, "metadata": {"core": core}, "nodes": nodes, "resources": []}
    return dumps_by_line(document)


def dump(amap: ArgumentMap, path: str | Path) -> Path:
    """Write *amap* to *path* as SADFace JSON, atomically, and return the path."""
    return write_atomic(path, dumps(amap))


def _scheme(relation: Relation) -> tuple[dict[str, Any], tuple[str, ...], str]:
    """Return the scheme node for *relation*, the ids its edges come from, and the id they point at."""
    metadata: dict[str, Any] = {}
    if isinstance(relation, Support):
        name = relation.label or "support"
        if name in _TYPES and name != REPHRASE:  # a label that is a kind's name would change the kind
            name, metadata = "support", {"label": relation.label}
        origins, target = relation.premises, relation.conclusion
    elif isinstance(relation, SkepticalResponse):
        name, metadata = "conflict", {"stance": relation.stance}
        origins, target = (relation.response,), relation.target
    else:
        name = "conflict"
        if relation.label is not None:
            metadata = {"label": relation.label}
        origins, target = (relation.attacker,), relation.target
    return {"id": relation.id, "metadata": metadata, "name": name, "type": "scheme"}, origins, target


# ------------------------------------------------------------------- reading


class _Reader(GraphReader):
    """Turn a parsed SADFace document into a map, reporting what does not fit as load problems."""

    def read(self, document: Any) -> ArgumentMap:
        if not isinstance(document, dict):
            self.fail("expected a SADFace document (an object with 'nodes' and 'edges')", ())
        for name in ("nodes", "edges"):
            if not isinstance(document.get(name, []), list):
                self.fail(f"'{name}' must be an array", (name,))
        core = document.get("metadata", {}).get("core", {}) if isinstance(document.get("metadata"), dict) else {}
        try:
            amap = ArgumentMap(**_metadata(core if isinstance(core, dict) else {}))
        except ArgmapError as error:
            self.fail(str(error), ("metadata", "core"))
        nodes = self.nodes(document.get("nodes", []))
        self.edges(document.get("edges", []), nodes)
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
        for number, item in enumerate(items):
            where = ("nodes", number)
            if not isinstance(item, dict):
                self.fail("a node must be an object", where)
            id = self.identifier(item, "id", where)
            kind = item.get("type")
            if kind == "atom":
                text = item.get("text")
                if not isinstance(text, str):
                    self.fail("an atom needs a 'text' string", (*where, "text"))
                node = Node(id, "I", f"atom {id}", number, text=text)
            elif kind == "scheme":
                name = item.get("name")
                if not isinstance(name, str):
                    self.fail("a scheme needs a 'name' string (support, conflict, ...)", (*where, "name"))
                metadata = item.get("metadata")
                node = _scheme_node(id, name, metadata if isinstance(metadata, dict) else {}, number)
            else:
                self.fail("a node's 'type' must be 'atom' or 'scheme'", (*where, "type"))
            if id in nodes:
                self.warn("unsupported-relation", f"two nodes have id {id}; the second was left out")
                continue
            nodes[id] = node
        return nodes


def _scheme_node(id: str, name: str, metadata: dict[str, Any], number: int) -> Node:
    kind = _TYPES.get(name, "RA")  # any other name is an inference scheme's
    stance = metadata.get("stance") if kind == "CA" and metadata.get("stance") in STANCES else None
    label = metadata.get("label") if name in _TYPES else name
    return Node(
        id,
        kind,
        f"{name} scheme {id}",
        number,
        label=label if isinstance(label, str) and label.strip() else None,
        stance=stance,
    )


def _metadata(core: dict[str, Any]) -> dict[str, str]:
    """Return the map's title, description and date from a SADFace ``metadata.core`` block.

    The analyst's notes, which the map has no field for, follow the description.
    """
    found: dict[str, str] = {}
    title = core.get("title")
    if isinstance(title, str) and title.strip():
        found["title"] = title
    about = [core.get(name) for name in ("description", "notes")]
    description = "\n\n".join(text for text in about if isinstance(text, str) and text.strip())
    if description:
        found["description"] = description
    created = core.get("created")
    if isinstance(created, str) and len(created) >= 10 and created[4] == "-" and created[7] == "-":
        found["date"] = created[:10]
    return found
