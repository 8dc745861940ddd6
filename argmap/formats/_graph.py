"""Shared help for graph formats (AIF, SADFace): turn relation nodes into supports, rebuttals and undercuts.

Both formats draw an argument as a graph in which claims and relations are
nodes: a relation node takes its premises (or attacker) from incoming edges
and points at its conclusion (or target). The format modules read their
files into :class:`Node` values with AIF's types (``I``, ``RA``, ``CA``,
``MA``) and leave the rest here, so that both report the same traps, in the
same words, as load problems.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from argmap.errors import ArgmapError, FormatError
from argmap.formats._json import field_name, locate
from argmap.map import ArgumentMap
from argmap.model import Rebuttal, Relation, SkepticalResponse, Stance, Support, Undercut
from argmap.problems import Problem

__all__ = ["DIALOGUE", "REPHRASE", "GraphReader", "Node", "Where", "add_relations"]

REPHRASE = "rephrase"
"""The label of a support read from a rephrase (AIF MA) node; a support so labelled is written as one."""

DIALOGUE = frozenset({"L", "YA", "TA"})
"""AIF's node types for locutions and dialogue moves: not claims, not relations."""

_RELATIONS = frozenset({"RA", "CA", "MA"})


class Node:
    """One node of a graph file, as read: the AIF type it stands for and what its relation would carry.

    Args:
        id: the node's id, as a string.
        type: ``I`` (a claim), ``RA`` (a support), ``CA`` (an attack), ``MA`` (a rephrase), or another type.
        name: how messages name the node ("conflict scheme 45199aa0"); ``None`` for "CA node 2188".
        number: its place in the file's node list, for errors.
        text: the node's text (a claim's, or a locution's).
        label: the label its relation takes.
        stance: for an attack that argmap wrote for a skeptical response, its stance.
    """

    __slots__ = ("_name", "id", "incoming", "label", "number", "outgoing", "stance", "text", "type")

    def __init__(
        self,
        id: str,
        type: str,
        name: str | None,
        number: int,
        *,
        text: str = "",
        label: str | None = None,
        stance: Stance | None = None,
    ) -> None:
        self.id = id
        self.type = type
        self._name = name
        self.number = number
        self.text = text
        self.label = label
        self.stance = stance
        self.incoming: list[Node] = []
        self.outgoing: list[Node] = []

    @property
    def name(self) -> str:
        """Return how messages name the node; ``None`` given, "<type> node <id>", spelt only when a message needs it."""
        return self._name if self._name is not None else f"{self.type} node {self.id}"

    def __str__(self) -> str:
        return self.name


Where = tuple[str | int, ...]
"""A field's place in a JSON document: keys and indexes from the top."""


class GraphReader:
    """What the AIF and SADFace readers share: errors at a field's line and column, load problems, edges.

    Args:
        text: the JSON text, to find where a field is.
        path: the file it came from, named in errors.
        edge_ends: the names an edge gives its two ends (``fromID``/``toID`` in AIF).
    """

    def __init__(self, text: str, path: str | Path | None, edge_ends: tuple[str, str]) -> None:
        self.text = text
        self.path = path
        self.edge_ends = edge_ends
        self.problems: list[Problem] = []
        self.where: Where = ()  # where the nodeset sits in the document

    def fail(self, message: str, where: Where) -> NoReturn:
        """Raise a FormatError at the field *where*."""
        position = locate(self.text, where)
        line, column = position if position else (None, None)
        raise FormatError(message, path=self.path, line=line, column=column, field=field_name(where))

    def warn(self, code: str, message: str, elements: tuple[str, ...] = ()) -> None:
        """Record a load problem."""
        self.problems.append(Problem("warning", code, message, elements))

    def identifier(self, item: dict[str, Any], name: str, where: Where) -> str:
        """Return an id field as a string; AIF files write some ids as integers."""
        value = item.get(name)
        if value.__class__ is str and value and not value[0].isspace() and not value[-1].isspace():
            return value  # the usual case, decided without a copy
        spelled = str(value)
        if isinstance(value, bool) or not isinstance(value, (str, int)) or spelled != spelled.strip() or not spelled:
            self.fail(f"'{name}' must be a non-empty string or an integer", (*where, name))
        return spelled

    def edges(self, items: list[Any], nodes: dict[str, Node]) -> None:
        """Link the nodes as the edges say; an edge naming a node the file lacks is a load problem."""
        origin_name, target_name = self.edge_ends
        node_named = nodes.get
        for number, item in enumerate(items):
            if item.__class__ is not dict:
                self.fail("an edge must be an object", (*self.where, "edges", number))
            # A string that names a node is an id already read and checked: the usual case, taken as it is.
            origin_id, target_id = item.get(origin_name), item.get(target_name)
            origin = node_named(origin_id) if origin_id.__class__ is str else None
            target = node_named(target_id) if target_id.__class__ is str else None
            if origin is None or target is None:
                where = (*self.where, "edges", number)
                origin = nodes.get(self.identifier(item, origin_name, where))
                target = nodes.get(self.identifier(item, target_name, where))
            if origin is None or target is None:
                missing = item[origin_name] if origin is None else item[target_name]
                message = f"edge {number + 1} names node {missing}, which the file does not have"
                self.warn("incomplete-relation", message)
                continue
            origin.outgoing.append(target)
            target.incoming.append(origin)


Warn = Callable[[str, str, tuple[str, ...]], None]
"""Record a load problem: its code, its message and the ids of the elements involved."""


def add_relations(amap: ArgumentMap, nodes: dict[str, Node], warn: Warn, fail: Callable[[str, Node], NoReturn]) -> None:
    """Add a relation to *amap* for each relation node that makes sense, each after the relation it attacks.

    Args:
        amap: the map, which holds the claims already.
        nodes: every node of the file, by id, with their edges.
        warn: records a load problem.
        fail: raises a FormatError for a node the map refuses (a relation id taken twice, say).
    """
    waiting: dict[str, list[tuple[Node, Relation]]] = {}
    for node in nodes.values():
        if node.type not in _RELATIONS:
            if node.type not in DIALOGUE and node.type != "I":
                warn("unsupported-relation", f"{node} has no counterpart in argmap; left out", ())
            continue
        try:
            relation = _relation(node, warn)
        except ArgmapError as error:  # an id or label the model refuses (a control character, say)
            fail(str(error), node)
        if relation is None:
            continue
        target = nodes[relation.conclusion if isinstance(relation, Support) else relation.target]
        if target.type != "I" and target.id not in amap:
            waiting.setdefault(target.id, []).append((node, relation))
            continue
        queue = [(node, relation)]  # adding a relation frees the attacks on it that wait
        while queue:
            node, relation = queue.pop()
            try:
                amap.add(relation)
            except ArgmapError as error:
                fail(str(error), node)
            queue.extend(waiting.pop(relation.id, []))
    for target_id, pending in waiting.items():
        for node, _ in pending:
            warn("incomplete-relation", f"{node} attacks {nodes[target_id]}, which could not be loaded; left out", ())


def _relation(node: Node, warn: Warn) -> Relation | None:
    """Return the relation *node* stands for, or ``None`` (with a load problem) where it lacks an end."""
    premises: list[str] = []
    for origin in node.incoming:
        if origin.type == "I":
            if origin.id not in premises:  # a premise linked twice is still one premise
                premises.append(origin.id)
        elif origin.type not in ("YA", "CA"):  # YA anchors the relation in the dialogue; CA attacks it
            _link_ignored(node, origin, "takes", " as a premise", warn)
    attack = node.type == "CA"
    allowed = ("I", "RA", "CA", "MA") if attack else ("I",)
    targets = []
    for target in node.outgoing:
        if target.type in allowed:
            targets.append(target)
        else:
            _link_ignored(node, target, "points at", "", warn)
    if not premises:
        what = "attacker" if attack else "premise"
        warn("incomplete-relation", f"{node} has no {what} among the claims of the file; left out", ())
        return None
    if not targets:
        end = "target" if attack else "conclusion"
        warn("incomplete-relation", f"{node} has no {end} in the file; left out", tuple(premises))
        return None
    if len(targets) > 1:
        others = ", ".join(str(target) for target in targets[1:])
        message = f"{node} points at {len(targets)} nodes; kept the first ({targets[0]}) and left out {others}"
        warn("unsupported-relation", message, tuple(premises))
    target_id = targets[0].id
    if not attack:
        label = REPHRASE if node.type == "MA" else node.label
        return Support(premises, target_id, label=label, id=node.id)
    if len(premises) > 1:
        others = ", ".join(premises[1:])
        kept = premises[0]
        message = f"{node} has {len(premises)} attackers; an argmap attack has one: kept {kept}, left out {others}"
        warn("unsupported-relation", message, tuple(premises))
    if node.stance is not None:
        return SkepticalResponse(premises[0], target_id, stance=node.stance, id=node.id)
    if targets[0].type == "I":
        return Rebuttal(premises[0], target_id, label=node.label, id=node.id)
    return Undercut(premises[0], target_id, label=node.label, id=node.id)


def _link_ignored(node: Node, other: Node, verb: str, role: str, warn: Warn) -> None:
    code = "dialogue-link" if other.type in DIALOGUE else "unsupported-relation"
    warn(code, f"{node} {verb} {other}{role}, which is not a claim; that link was ignored", ())
