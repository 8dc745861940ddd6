"""Text outlines of a map: each main conclusion, and under it what supports, rebuts, undercuts or answers it.

An outline is the map read top down, as a reader of the article would tell it:
the conclusion, then its reasons, the reasons' reasons, the objections and the
skeptical responses, each with who said it. One marker per relation kind:

====== =================================================================
``+``  a support: the claim below is a reason for the one above
``&``  one premise of a linked support (premises that work only together)
``-``  a rebuttal: the claim below says the one above is false
``~``  an undercut: the claim below attacks the inference just above it
``?``  a skeptical response: a named party contests it, with its stance
====== =================================================================

Three styles: ``tree`` (Unicode box drawing, for terminals), ``ascii`` (the
same drawn with ``|-- ``), ``markdown`` (headings and nested lists that render
on GitHub). Every claim is written once; where the argument reaches it again,
the outline says ``see [id]``. Claims that no main conclusion reaches (their
relations run in a circle) follow at the end, so every claim appears.

>>> from argmap import ArgumentMap, Source
>>> m = ArgumentMap()
>>> talk = m.claim("The Pakistanis are all talk.", by=Source("David Dayen"), id="all-talk")
>>> _ = m.support("Drone strikes are still occurring.", talk)
>>> _ = m.skeptical_response("Is the minister not serious?", talk, stance="question")
>>> print(outline(m), end="")
The Pakistanis are all talk. [all-talk]
— David Dayen
├── + Drone strikes are still occurring. [drone-strikes-are-still-occurring]
└── ? (question) Is the minister not serious? [is-the-minister-not-serious]
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, NamedTuple, TypeAlias, get_args

import attrs

from argmap._display import Bundle, MimeTypes, Printer, bundle, pretty
from argmap._io import paused_gc
from argmap.errors import OptionError
from argmap.map import ArgumentMap
from argmap.model import Attribution, Claim, Rebuttal, Relation, SkepticalResponse, Support, Undercut, endpoints
from argmap.render._options import options_from
from argmap.render._wrap import columns, isolate, narrow, visible, wrap, wrap_narrow

__all__ = [
    "MARKERS",
    "MAX_DEPTH",
    "MIN_WIDTH",
    "STYLES",
    "Line",
    "Outline",
    "OutlineOptions",
    "Role",
    "Span",
    "Style",
    "outline",
    "outline_lines",
    "visible",
]

Style: TypeAlias = Literal["tree", "ascii", "markdown"]
"""How an outline is drawn: Unicode box drawing, ASCII, or Markdown."""

STYLES: tuple[Style, ...] = get_args(Style)

Role: TypeAlias = Literal[
    "tree",
    "markup",
    "support",
    "premise",
    "rebuttal",
    "undercut",
    "skeptical_response",
    "label",
    "conclusion",
    "text",
    "id",
    "reference",
    "qualifier",
    "attribution",
    "quote",
    "title",
    "byline",
    "note",
    "status",
]
"""What a piece of an outline line is, so that a terminal can colour it: a marker, a claim's text, an id, ..."""

Span: TypeAlias = tuple[Role, str]
"""A piece of a line and its role."""

MARKERS: dict[Role, str] = {"support": "+", "premise": "&", "rebuttal": "-", "undercut": "~", "skeptical_response": "?"}
"""The marker of each relation kind, the same in every style."""

MIN_WIDTH = 20
"""The narrowest outline allowed, in columns."""

MAX_DEPTH = 12
"""How deep a claim may sit before what lies under it continues in a section of its own.

Deeper indentation would leave no room for text and make the outline of a
long chain grow with the square of its length; past this depth the outline
says ``continued below under [id]`` and picks the thread up again at the left margin.
"""

_MIN_TEXT = 20  # columns left for text, however deep a line is indented
_KIND_NAMES: dict[type[Relation], str] = {
    Support: "support",
    Rebuttal: "rebuttal",
    Undercut: "undercut",
    SkepticalResponse: "skeptical response",
}
_KIND_ORDER: dict[type[Relation], int] = {Support: 0, Rebuttal: 1, Undercut: 2, SkepticalResponse: 3}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$])")
# What would start a block where a wrapped line begins: a list, a heading, a quote, a setext underline.
_MARKED: dict[Role, str] = {role: f"{marker} " for role, marker in MARKERS.items()}  # a marker and its space
_MARKED_MARKDOWN: dict[Role, str] = {role: f"`{marker}` " for role, marker in MARKERS.items()}
_NOTHING: list[Any] = []  # never added to
_MARKDOWN_LINE_START = re.compile(r"\A( {0,3}\d{0,9})([-+=#>.)])")  # CommonMark allows three spaces before one


def _one_of_styles(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in STYLES:
        raise OptionError(f"OutlineOptions.style must be one of {', '.join(STYLES)}, got {value!r}")


def _wide_enough(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < MIN_WIDTH:
        raise OptionError(f"OutlineOptions.width must be a whole number of at least {MIN_WIDTH}, got {value!r}")


def _claim_or_reference(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, (Claim, str)):
        raise OptionError(f"OutlineOptions.root must be a claim, its id or its text, got {value!r}")


@attrs.frozen
class OutlineOptions:
    """How to outline a map.

    Args:
        style: one of :data:`STYLES`: ``tree``, ``ascii`` or ``markdown``.
        width: the column at which text wraps (at least :data:`MIN_WIDTH`).
            Width changes only where lines break, never what the outline holds;
            deep lines keep at least 20 columns for text even past the width.
        root: outline only the claims under this one (a claim, its id or its text).
        status: a hook that gives a line to write under a claim, or ``None`` for
            none: how an evaluation shows each claim's verdict
            (:func:`argmap.render.status.status_line`).
        marks: a hook that gives a mark to write beside a relation's marker,
            or ``None``: how an evaluation shows a relation that falls or is
            left open, "(✗ rejected)" (:func:`argmap.render.status.relation_mark`).
    """

    style: Style = attrs.field(default="tree", validator=_one_of_styles)
    width: int = attrs.field(default=88, validator=_wide_enough)
    root: Claim | str | None = attrs.field(default=None, validator=_claim_or_reference)
    status: Callable[[Claim], str | None] | None = attrs.field(default=None, kw_only=True)
    marks: Callable[[Relation], str | None] | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Line:
    """One line of an outline, split into spans that each have a role.

    Attributes:
        prefix: the tree drawing, list syntax and marker before the text.
        content: the text of the line.
        continued: whether the line carries on the content of the line before,
            wrapped: joining the contents of a line and its continuations
            with single spaces gives the unwrapped content.
    """

    prefix: tuple[Span, ...]
    content: tuple[Span, ...]
    continued: bool = False

    def __str__(self) -> str:
        return "".join(text for _, text in self.prefix) + "".join(text for _, text in self.content)


class Outline(str):
    """An outline's text, which knows its style: a notebook shows a ``markdown`` one as Markdown, others as text.

    It is a ``str`` in every other way (``print`` it, save it, compare it).

    Args:
        text: the outline.
        style: the style it was written in.
    """

    style: Style

    def __new__(cls, text: str, style: Style = "tree") -> Outline:
        """Return *text* as an outline in *style*."""
        made = super().__new__(cls, text)
        made.style = style
        return made

    def __getnewargs__(self) -> tuple[str, Style]:  # type: ignore[override]  # pickle and copy keep the style
        return (str(self), self.style)

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the outline in a notebook as Markdown or text (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)

    def _repr_pretty_(self, printer: Printer, cycle: bool) -> None:
        """Show the outline in IPython as itself, not as a quoted string."""
        pretty(self, printer)


def outline(
    amap: ArgumentMap, options: OutlineOptions | Style | None = None, *positional: Any, **keywords: Any
) -> Outline:
    """Return the outline of *amap*: every main conclusion and what bears on it, as text (an :class:`Outline`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> _ = m.rebut(m.claim("Talks resumed."), "Talks fail.")
    >>> print(outline(m, style="ascii", width=40), end="")
    Talks fail. [talks-fail]
    `-- - Talks resumed. [talks-resumed]
    >>> outline(m, style="ascii", width=40) == outline(m, OutlineOptions(style="ascii", width=40))
    True

    Args:
        amap: the map.
        options: how to outline it, as one :class:`OutlineOptions` value;
        **keywords: or the same options as keywords: ``style`` (``tree``,
            ``ascii`` or ``markdown``), ``width`` (the column at which text
            wraps), ``root`` (outline only the subtree under this claim),
            ``status`` and ``marks`` (hooks that write an evaluation's verdicts,
            :func:`argmap.render.status.status_line` and
            :func:`~argmap.render.status.relation_mark`).
        *positional: the old form, ``outline(m, style, width, root)``, still
            works, with a :class:`DeprecationWarning`.

    Raises:
        OptionError: an unknown style, a width below :data:`MIN_WIDTH`, or
            both *options* and keywords.
        UnknownClaimError: *root* names no claim of the map.
    """
    chosen = _options(options, positional, keywords, "outline")
    with paused_gc():  # what the outliner keeps (its index, its lines) stays until it is done: nothing to collect
        texts = _Outliner(amap, chosen, spans=False).texts
    assert texts is not None
    if texts:
        texts.append("")  # the last line's newline, without copying the whole text again to add it
    return Outline("\n".join(texts), chosen.style)


def outline_lines(
    amap: ArgumentMap, options: OutlineOptions | Style | None = None, *positional: Any, **keywords: Any
) -> list[Line]:
    """Return the outline of *amap* as lines of spans with roles, for a terminal to colour.

    ``outline(...)`` is these lines joined; the arguments are the same.
    """
    chosen = _options(options, positional, keywords, "outline_lines")
    with paused_gc():
        return _Outliner(amap, chosen).lines


_DEFAULTS = OutlineOptions()
_POSITIONAL = ("style", "width", "root")


def _options(
    options: OutlineOptions | Style | None, positional: tuple[Any, ...], keywords: dict[str, Any], renderer: str
) -> OutlineOptions:
    """Return the options an outline was asked for, the old positional ``(style, width, root)`` among them."""
    if isinstance(options, str):
        warnings.warn(
            f"{renderer}(m, style, width, root) is deprecated: give keywords, {renderer}(m, style={options!r}),"
            " or an OutlineOptions",
            DeprecationWarning,
            stacklevel=3,
        )
        if len(positional) > len(_POSITIONAL) - 1:
            raise TypeError(f"{renderer}() takes at most style, width and root by position, got {len(positional) + 1}")
        given = dict(
            zip(_POSITIONAL, (options, *positional), strict=False)
        )  # fewer values than names: the rest default
        twice = sorted(given.keys() & keywords.keys())
        if twice:
            raise TypeError(f"{renderer}() got multiple values for argument {twice[0]!r}")
        return options_from(OutlineOptions, None, {**given, **keywords}, renderer, _DEFAULTS)
    if positional:
        raise TypeError(f"{renderer}() takes the map and one OutlineOptions by position; give the rest as keywords")
    return options_from(OutlineOptions, options, keywords, renderer, _DEFAULTS)


@attrs.frozen
class _Glyphs:
    branch: str  # the connector of a child with siblings after it
    last: str  # the connector of the last child
    pipe: str  # the indentation under a child with siblings after it
    blank: str  # the indentation under the last child
    stem: str  # under a marker, reaching down to the children
    dash: str  # before an attribution
    dot: str  # between the parts of an attribution
    quotes: tuple[str, str]
    ellipsis: str


_GLYPHS: dict[Style, _Glyphs] = {
    "tree": _Glyphs("├── ", "└── ", "│   ", "    ", "│ ", "— ", " · ", ("“", "”"), "…"),
    "ascii": _Glyphs("|-- ", "`-- ", "|   ", "    ", "| ", "-- ", "; ", ('"', '"'), "..."),
    "markdown": _Glyphs("- ", "- ", "  ", "  ", "", "— ", " · ", ("“", "”"), "…"),
}


class _Node(NamedTuple):
    """A place in the outline, waiting on the stack to be written."""

    kind: Literal["claim", "group", "more"]
    claim: str | None  # the claim written here (None for a linked support's group)
    relation: Relation | None  # the relation that brings the node here; what targets it is shown under the node
    role: Role | None  # the marker; None at the left margin
    label: str | None
    prefix: str  # the indentation shared with the node's siblings
    last: bool  # whether no sibling follows
    depth: int


_TextNode: TypeAlias = tuple[str, "str | None", "Relation | None", "Role | None", "str | None", str, bool, int]
"""A :class:`_Node` as a plain tuple, for the text walk (:meth:`_Outliner._walk_texts`): made in one step, no call."""

_Template: TypeAlias = tuple[str, "str | None", Relation, Role, "str | None"]
"""What a relation shows under what it points at: its node's first five fields (:meth:`_Outliner._templates`)."""


class _Outliner:
    """Walk a map from its main conclusions, without recursion, writing lines as it goes."""

    def __init__(self, amap: ArgumentMap, options: OutlineOptions, *, spans: bool = True) -> None:
        self.amap = amap
        self.claims = {claim.id: claim for claim in amap.claims}
        # The span path reads what points at each claim as relations, the text path as what each shows there.
        self.into = self._index(amap) if spans else {}
        self.templates = {} if spans else self._templates(amap, self.claims)
        self.width = options.width
        self.glyphs = _GLYPHS[options.style]
        self.markdown = options.style == "markdown"
        self.status = options.status
        self.marks = options.marks
        self.lines: list[Line] = []  # with spans
        self.texts: list[str] | None = None if spans else []  # without: lines of text (some several, joined)
        self.written: set[str] = set()
        self._rooms: dict[str, int] = {}
        self._attributions: dict[tuple[Any, ...], tuple[Role, str, bool]] = {}
        self._narrow_quotes = narrow("".join(self.glyphs.quotes))
        self.deferred: deque[tuple[_Node, list[Relation]]] = deque()
        self.deferred_texts: deque[tuple[str, list[_Template]]] = deque()
        root = None if options.root is None else amap.claim_for(options.root)  # fail before writing anything
        self._title()
        roots: Iterable[str] = (
            (root.id,) if root is not None else itertools.chain([c.id for c in amap.main_conclusions()], self._rest())
        )
        if spans:
            for claim in roots:
                self._block(self._root(claim))
        else:
            self._walk_texts(roots)
        if not amap.claims:
            self._separate()
            self._note("This map has no claims.")

    def _rest(self) -> Iterator[str]:
        """Yield the claims that no main conclusion reached, once those before are written, after a note."""
        noted = False
        for claim in self.amap.claims:
            if claim.id in self.written:
                continue
            if not noted:
                self._separate()
                self._note("In a cycle, under no main conclusion:")
                noted = True
            yield claim.id

    # ------------------------------------------------------------- structure

    def _root(self, claim: str) -> _Node:
        return _Node("claim", claim, None, None, None, "", True, 0)

    def _block(self, node: _Node) -> None:
        """Write the tree under *node*, then whatever in it was too deep to write in place."""
        self._separate()
        self._walk([node])
        while self.deferred:
            host, relations = self.deferred.popleft()
            self._separate()
            self._continued(host, relations)

    def _walk(self, stack: list[_Node]) -> None:
        while stack:
            node = stack.pop()
            stack.extend(reversed(self._write(node)))

    def _walk_texts(self, roots: Iterable[str]) -> None:
        """Write the tree under each of *roots* as :meth:`_block` does, as text: ``outline()`` needs no spans.

        The lines :meth:`_write` and :meth:`_head` make, byte for byte, from
        what each relation shows under what it points at (:meth:`_templates`)
        and the room for text by depth (:meth:`_room_table`); nodes are plain
        tuples in :class:`_Node`'s order, made without a call each. A line
        that needs its spans after all (an escape, an isolate) is cut into them.
        """
        texts = self.texts
        assert texts is not None
        claims, into, written, marks, status = self.claims, self.templates, self.written, self.marks, self.status
        glyphs, markdown, width = self.glyphs, self.markdown, self.width
        branch, last_branch, pipe, blank, stem = glyphs.branch, glyphs.last, glyphs.pipe, glyphs.blank, glyphs.stem
        markers = _MARKED_MARKDOWN if markdown else _MARKED
        end = "\\" if markdown else ""  # what ends each line of a node's block but its last
        margin = width - 1 if markdown else width  # the room at the left margin
        spare = 1 if markdown else 0  # a first line keeps no column for an escape: it starts after its prefix
        firsts, rests, leaves = self._room_table
        text_of, ident, details_of, emit, spans_of = self._text, self._id, self._details, self._emit_text, self._spans
        children_of, deferred, append = self._children, self.deferred_texts, texts.append
        starts_block = _MARKDOWN_LINE_START.match
        nothing: list[_Template] = _NOTHING
        for root in roots:
            if texts:
                append("")  # as _separate()
            stack: list[_TextNode] = [("claim", root, None, None, None, "", True, 0)]
            while True:
                pop, push, put = stack.pop, stack.extend, stack.append
                while stack:
                    node = pop()
                    kind, name, relation, role, label, prefix, last, depth = node
                    details: list[tuple[Role, str, bool]] = _NOTHING
                    if kind == "claim":
                        assert name is not None
                        templates = into.get(relation.id, nothing) if relation is not None else nothing
                        if name not in written:
                            written.add(name)
                            own = into.get(name)
                            if own:
                                templates = templates + own if templates else own
                            claim = claims[name]
                            text: str | None = claim.text
                            assert text is not None
                            if markdown or not (text.isascii() and text.isprintable()):
                                text = text_of(text)
                            head = (
                                f"{text} {ident(name)}"
                                if markdown or not (name.isascii() and name.isprintable())
                                else f"{text} [{name}]"
                            )
                            if status is not None or claim.attribution is not None or claim.qualifier is not None:
                                details = details_of(claim)
                        else:
                            text = None
                            head = f"see {ident(name)}"
                    elif kind == "group":
                        assert isinstance(relation, Support)
                        templates = into.get(relation.id, nothing)
                        text, head = None, "linked support:"
                    else:  # a line that says where a thread continues
                        self._write(_Node._make(node))
                        continue
                    more = kind == "group" or bool(templates)
                    if label is not None:
                        head = f"({text_of(label)}) {head}"
                    under = prefix + (blank if last else pipe) if depth else ""  # the prefix of the children
                    if depth == 0:  # at the left margin, as _head writes it
                        if markdown:
                            if head.isascii() or isolate(head) == head:
                                append("## " + head)
                            else:
                                self._emit([("markup", "## ")], [], spans_of(_Node._make(node), text, ""), reflow=False)
                            if details:
                                append("")
                        else:
                            details = [("conclusion", head, False), *details]
                        for number, (part, line, known) in enumerate(details, 1):
                            ending = end if number < len(details) else ""
                            if not emit("", "", line + ending, margin, margin, known):
                                self._emit(
                                    [],
                                    [],
                                    [(part, line), ("markup", ending)]
                                    if number > 1 or markdown
                                    else spans_of(_Node._make(node), text, ""),
                                )
                        if markdown and more:
                            append("")
                    else:
                        assert role is not None
                        room = rests[depth] if more else leaves[depth]
                        if markdown:
                            first, rest = prefix + "- " + markers[role], prefix + "  "
                        else:
                            first = prefix + (last_branch if last else branch) + markers[role]
                            rest = under + (stem if more else "  ")
                        line = head + end if details else head
                        if not line.isascii():
                            if not emit(first, rest, line, firsts[depth], room, False):
                                self._emit_spans(first, rest, spans_of(_Node._make(node), text, end if details else ""))
                        elif len(line) <= firsts[depth]:  # one line, as _emit_text writes it
                            append(first + line)
                        else:  # as _emit_text writes it, without its checks for text that is not ASCII
                            pieces = wrap_narrow(line, room, firsts[depth])
                            if markdown and any(map(starts_block, pieces[1:])):
                                self._emit_spans(first, rest, spans_of(_Node._make(node), text, end if details else ""))
                            else:
                                append(first + ("\n" + rest).join(pieces))
                        for number, (part, line, known) in enumerate(details, 1):
                            ending = end if number < len(details) else ""
                            if known and len(line) < room:  # one line, as it is (a column to spare for the ending)
                                append(rest + line + ending)
                            elif not emit(rest, rest, line + ending, room + spare, room, known):
                                self._emit_spans(rest, rest, [(part, line), ("markup", ending)])
                    if not more:
                        continue
                    if kind == "group":
                        assert isinstance(relation, Support)
                        push(children_of(relation.premises, templates, under, depth + 1))
                    elif depth >= MAX_DEPTH:
                        assert name is not None
                        deferred.append((name, templates))
                        put(("more", name, None, None, None, under, True, depth + 1))
                    elif marks is None:  # the children, last first for the stack, each made in one step
                        put(templates[-1] + (under, True, depth + 1))
                        if len(templates) > 1:
                            tail = (under, False, depth + 1)
                            push([template + tail for template in templates[-2::-1]])
                    else:
                        push(children_of((), templates, under, depth + 1))
                if not deferred:
                    break
                host, templates = deferred.popleft()
                if texts:
                    append("")  # as _separate()
                self._continued_head(host)
                stack = children_of((), templates, "", 1)

    def _children(self, premises: Sequence[str], templates: list[_Template], under: str, depth: int) -> list[_TextNode]:
        """Return the text walk's nodes for *premises*, then *templates*, with their marks, last first for the stack."""
        marks = self.marks
        children: list[_TextNode] = [
            ("claim", premise, None, "premise", None, under, False, depth) for premise in premises
        ]
        for kind, origin, relation, role, label in templates:
            mark = marks(relation) if marks is not None else None
            if mark:
                label = f"{label}, {mark}" if label else mark
            children.append((kind, origin, relation, role, label, under, False, depth))
        final = children[-1]
        children[-1] = (final[0], final[1], final[2], final[3], final[4], under, True, depth)
        children.reverse()
        return children

    @functools.cached_property
    def _room_table(self) -> tuple[list[int], list[int], list[int]]:
        """Return the room for text by depth: on a node's first line, on the rest with children, and without.

        A node's prefixes take as many columns at one depth whatever its place:
        the glyphs that draw a tree are each as wide as their alternatives, and
        the markers as wide as one another.
        """
        glyphs, markdown = self.glyphs, self.markdown
        marker = (_MARKED_MARKDOWN if markdown else _MARKED)["support"]
        firsts, rests, leaves = [self.width], [self.width], [self.width]  # depth 0 is written as _head writes it
        for depth in range(1, MAX_DEPTH + 3):
            prefix = glyphs.pipe * (depth - 1)
            if markdown:
                firsts.append(self._room(prefix + "- " + marker))
                rests.append(self._room(prefix + "  ") - 1)  # a column for an escape
                leaves.append(rests[-1])
            else:
                firsts.append(self._room(prefix + glyphs.branch + marker))
                rests.append(self._room(prefix + glyphs.pipe + glyphs.stem))
                leaves.append(self._room(prefix + glyphs.pipe + "  "))
        return firsts, rests, leaves

    def _spans(self, node: _Node, text: str | None, ending: str) -> list[Span]:
        """Return the spans of *node*'s first line as :meth:`_write` makes them, *text* its claim's if new."""
        spans = self._label(node.label)
        if node.kind == "group":
            spans.append(("label", "linked support:"))
        elif text is None:
            spans.append(("reference", f"see {self._id(node.claim)}"))
        else:
            spans += [("text", text), ("markup", " "), ("id", self._id(node.claim))]
        if ending:
            spans.append(("markup", ending))
        return spans

    def _write(self, node: _Node) -> list[_Node]:
        """Write *node*'s lines and return its children, in order."""
        if node.kind == "more":
            self._head(node, [("reference", f"{self.glyphs.ellipsis} continued below under {self._id(node.claim)}")])
            return []
        if node.kind == "group":
            assert isinstance(node.relation, Support)
            relations = list(self.into.get(node.relation.id, ()))
            self._head(node, [*self._label(node.label), ("label", "linked support:")], has_children=True)
            premises = [
                _Node("claim", premise, None, "premise", None, self._child_prefix(node), False, node.depth + 1)
                for premise in node.relation.premises
            ]
            return self._last_marked(premises + [self._child(relation, node) for relation in relations])
        assert node.claim is not None
        relations = []
        if node.relation is not None:
            relations += self.into.get(node.relation.id, ())
        new = node.claim not in self.written
        if new:
            self.written.add(node.claim)
            relations += self.into.get(node.claim, ())
        claim = self.claims[node.claim]
        if new:
            role: Role = "conclusion" if node.depth == 0 else "text"
            head = [
                *self._label(node.label),
                (role, self._text(claim.text)),
                ("markup", " "),
                ("id", self._id(claim.id)),
            ]
        else:
            head = [*self._label(node.label), ("reference", f"see {self._id(claim.id)}")]
        details = [[(part, line)] for part, line, _ in self._details(claim)] if new else []
        self._head(node, head, has_children=bool(relations), details=details)
        if not relations:
            return []
        if node.depth >= MAX_DEPTH:
            self.deferred.append((node, relations))
            return [_Node("more", node.claim, None, None, None, self._child_prefix(node), True, node.depth + 1)]
        return self._last_marked([self._child(relation, node) for relation in relations])

    def _continued(self, host: _Node, relations: list[Relation]) -> None:
        """Write the children of *host*, which sat too deep, as a tree of their own."""
        assert host.claim is not None
        self._continued_head(host.claim)
        top = host._replace(prefix="", last=True, depth=0)
        self._walk(list(reversed(self._last_marked([self._child(relation, top) for relation in relations]))))

    def _continued_head(self, host: str) -> None:
        """Write the line that opens the section where the children of the claim *host*, too deep, continue."""
        text = f"{self.glyphs.ellipsis} {self._id(host)} continued"
        if self.markdown:
            self._emit([("markup", "## ")], [], [("reference", text)], reflow=False)
            self._blank()
        else:
            self._emit([], [], [("reference", text)])

    def _child(self, relation: Relation, host: _Node) -> _Node:
        """Return the node that shows *relation* under *host*."""
        prefix = self._child_prefix(host)
        depth = host.depth + 1
        mark = self.marks(relation) if self.marks is not None else None
        if isinstance(relation, Support) and len(relation.premises) > 1:
            label = ", ".join(part for part in (relation.label, mark) if part) or None
            return _Node("group", None, relation, "support", label, prefix, False, depth)
        origins, target = endpoints(relation)
        role: Role
        if isinstance(relation, Support):
            role, label = "support", relation.label
        elif isinstance(relation, Rebuttal):
            role, label = "rebuttal", relation.label
        elif isinstance(relation, Undercut):
            role, label = "undercut", relation.label
        else:
            role, label = "skeptical_response", relation.stance
        aim = self._aim(relation, target, host)
        if aim or mark:
            label = ", ".join(part for part in (label, aim, mark) if part)
        return _Node("claim", origins[0], relation, role, label or None, prefix, False, depth)

    def _aim(self, relation: Relation, target: str, host: _Node) -> str | None:
        """Say what *relation* is aimed at, where its place under *host* leaves it unclear."""
        aimed = self.claims.get(target) or self.amap[target]
        if isinstance(aimed, Claim):
            return "on the claim" if isinstance(relation, Undercut) else None
        if host.kind == "group":
            return None  # the group is the support it targets
        if isinstance(relation, Undercut) and isinstance(aimed, Support):
            return None  # what an undercut is for
        return f"on the {_KIND_NAMES[type(aimed)]}"

    @staticmethod
    def _index(amap: ArgumentMap) -> dict[str, list[Relation]]:
        """Return what points at each claim or relation, by id.

        Supports, rebuttals, undercuts, skeptical responses, each kind in map
        order, as :meth:`ArgumentMap.incoming` gives them; indexed in one pass,
        rather than asked of the map and sorted for each claim written.
        """
        into: defaultdict[str, list[Relation]] = defaultdict(list)
        for kind in (amap.supports, amap.rebuttals, amap.undercuts, amap.skeptical_responses):
            for relation in kind:
                into[endpoints(relation)[1]].append(relation)
        return into

    @staticmethod
    def _templates(amap: ArgumentMap, claims: dict[str, Claim]) -> dict[str, list[_Template]]:
        """Return what each relation shows under what it points at, by the id of what it points at.

        In the order of :meth:`_index`; each is the start of the node that
        :meth:`_child` makes for it, without marks: a linked support's group,
        or the claim the relation brings, its marker and its label, with what
        it is aimed at where its place leaves that unclear (:meth:`_aim`).
        What is aimed at a linked support is shown under its group, where
        that is clear.
        """
        into: defaultdict[str, list[_Template]] = defaultdict(list)

        def label_of(label: str | None, target: str, undercut: bool) -> str | None:
            if target in claims:
                aim = "on the claim" if undercut else None
            else:
                aimed = amap[target]
                assert not isinstance(aimed, Claim)  # a claim would be in claims
                if isinstance(aimed, Support) and (undercut or len(aimed.premises) > 1):
                    aim = None  # what an undercut is for; a linked support is the group the relation sits under
                else:
                    aim = f"on the {_KIND_NAMES[type(aimed)]}"
            return (f"{label}, {aim}" if label else aim) if aim else label or None

        # Supports and rebuttals of a claim, most of a map, without a call each.
        for support in amap.supports:
            target, premises = support.conclusion, support.premises
            if len(premises) > 1:  # a linked support: a group of its own
                into[target].append(("group", None, support, "support", support.label or None))
            elif target in claims:
                into[target].append(("claim", premises[0], support, "support", support.label or None))
            else:
                into[target].append(("claim", premises[0], support, "support", label_of(support.label, target, False)))
        for rebuttal in amap.rebuttals:
            target = rebuttal.target
            label = rebuttal.label or None if target in claims else label_of(rebuttal.label, target, False)
            into[target].append(("claim", rebuttal.attacker, rebuttal, "rebuttal", label))
        for undercut in amap.undercuts:
            target = undercut.target
            into[target].append(
                ("claim", undercut.attacker, undercut, "undercut", label_of(undercut.label, target, True))
            )
        for response in amap.skeptical_responses:
            target = response.target
            label = response.stance or None if target in claims else label_of(response.stance, target, False)
            into[target].append(("claim", response.response, response, "skeptical_response", label))
        return into

    @staticmethod
    def _last_marked(nodes: list[_Node]) -> list[_Node]:
        if nodes:
            nodes[-1] = nodes[-1]._replace(last=True)
        return nodes

    def _child_prefix(self, node: _Node) -> str:
        if node.depth == 0:
            return ""
        return node.prefix + (self.glyphs.blank if node.last else self.glyphs.pipe)

    # ---------------------------------------------------------------- lines

    def _head(
        self, node: _Node, content: list[Span], *, has_children: bool = False, details: Sequence[list[Span]] = ()
    ) -> None:
        """Write a node's first line and its details (qualifier, attribution, quote)."""
        glyphs = self.glyphs
        if node.depth == 0:
            if self.markdown:
                self._emit([("markup", "## ")], [], content, reflow=False)
                if details:
                    self._blank()
                    self._paragraph([], [], details)
                if has_children:
                    self._blank()
            else:
                for line in (content, *details):
                    self._emit([], [], line)
            return
        connector = glyphs.last if node.last else glyphs.branch
        first: list[Span] = (
            [("tree", node.prefix + connector)] if not self.markdown else [("markup", node.prefix + "- ")]
        )
        if node.role is not None:
            marker = MARKERS[node.role]
            first.append((node.role, f"`{marker}`" if self.markdown else marker))
            first.append(("tree", " "))
        under = node.prefix + (glyphs.blank if node.last else glyphs.pipe)
        if self.markdown:
            rest: list[Span] = [("markup", node.prefix + "  ")]
        elif node.role is not None:
            rest = [("tree", under + (glyphs.stem if has_children else "  "))]
        else:
            rest = [("tree", under)]
        self._paragraph(first, rest, (content, *details))

    def _paragraph(self, first: list[Span], rest: list[Span], lines: Sequence[list[Span]]) -> None:
        """Write *lines* as one block: in Markdown joined by hard line breaks."""
        for number, content in enumerate(lines):
            if self.markdown and number < len(lines) - 1:
                content = [*content, ("markup", "\\")]
            self._emit(first if number == 0 else rest, rest, content)

    def _details(self, claim: Claim) -> list[tuple[Role, str, bool]]:
        """Return the lines under a claim's text: its status, qualifier, attributions and quotes.

        Each with its role and whether it is known to take one column a
        character and to hold no right-to-left letter (see :meth:`_emit_text`).
        """
        details: list[tuple[Role, str, bool]] = []
        said = self.status(claim) if self.status is not None else None
        if said is not None:
            details.append(("status", self._text(said), False))
        if claim.qualifier is not None:
            details.append(("qualifier", "qualifier: " + self._text(claim.qualifier), False))
        attributions = self._attributions
        for attribution in claim.attributions:  # each party who said it, its own line and quote
            # Claims often share one attribution (a map interns them), and their speaker, chain, medium and date
            # where they quote differently: each line is written out once.
            key = (attribution.source, attribution.via, attribution.medium, attribution.date)
            line = attributions.get(key)
            if line is None:
                line = attributions[key] = self._attribution(attribution)
            details.append(line)
            quote = attribution.quote
            if quote is not None and quote != claim.text:
                opening, closing = self.glyphs.quotes
                quote = self._text(quote)
                details.append(("quote", opening + quote + closing, quote.isascii() and self._narrow_quotes))
        return details

    def _attribution(self, attribution: Attribution) -> tuple[Role, str, bool]:
        """Return the line that names who said a claim, as :meth:`_details` gives it."""
        line = self.glyphs.dash + self._text(attribution.line(self.glyphs.dot))
        return ("attribution", line, line.isascii() or (narrow(line) and isolate(line) == line))

    def _title(self) -> None:
        amap = self.amap
        parts = (amap.author, amap.publication if amap.publication != amap.author else None, amap.date)
        byline = [self._text(part) for part in parts if part is not None]
        if amap.title is not None:
            if self.markdown:
                self._emit([("markup", "# ")], [], [("title", self._text(amap.title, heading=True))], reflow=False)
            else:
                self._emit([], [], [("title", self._text(amap.title))])
        if byline:
            if self.markdown and amap.title is not None:
                self._blank()
            self._emit([], [], [("byline", self.glyphs.dot.join(byline))])

    def _note(self, text: str) -> None:
        self._emit([], [], [("note", f"*{text}*" if self.markdown else text)])

    def _label(self, label: str | None) -> list[Span]:
        return [] if label is None else [("label", f"({self._text(label)})"), ("markup", " ")]

    def _id(self, id: str | None) -> str:
        return f"[{self._text(id or '')}]" if not self.markdown else f"\\[{self._text(id or '')}\\]"

    def _text(self, text: str, *, heading: bool = False) -> str:
        """Return *text* from the map as the outline shows it: visible, and escaped for Markdown."""
        shown = visible(text)
        if self.markdown:
            shown = _MARKDOWN_SPECIAL.sub(r"\\\1", shown)
            if heading:
                shown = shown.replace("#", "\\#")
        return shown

    def _separate(self) -> None:
        if self.lines or self.texts:
            self._blank()

    def _blank(self) -> None:
        if self.texts is None:
            self.lines.append(Line((), ()))
        else:
            self.texts.append("")

    def _emit(self, first: list[Span], rest: list[Span], content: list[Span], *, reflow: bool = True) -> None:
        """Write one logical line, wrapped to the width, continuation lines aligned under its text."""
        text = "".join([piece for _, piece in content])
        first_text, rest_text = "".join([piece for _, piece in first]), "".join([piece for _, piece in rest])
        if not reflow:
            pieces = [text]
        else:
            room = self._room(rest_text)
            if self.markdown:
                room -= 1  # keep a column for the backslash that may escape the start of a continuation line
            first_room = self._room(first_text) - (1 if self.markdown and not first else 0)  # room for the escape
            pieces = wrap(text, room, first_room)
        start = 0
        texts = self.texts
        if texts is None:
            for number, piece in enumerate(pieces):
                self.lines.append(self._line(first, rest, content, pieces, number, start))
                start += len(piece) + 1
            return
        # Text alone: a piece with no right-to-left letters is its line's text as it stands (its spans would
        # only be cut from it, each isolated as it is, and joined again), unless a Markdown escape may fall
        # across two of its spans; the rest are cut into spans as outline_lines() does.
        for number, piece in enumerate(pieces):
            escaped = self.markdown and (number > 0 or not first) and _MARKDOWN_LINE_START.match(piece)
            if not escaped and (piece.isascii() or isolate(piece) == piece):
                texts.append((rest_text if number else first_text) + piece)
            else:
                texts.append(str(self._line(first, rest, content, pieces, number, start)))
            start += len(piece) + 1

    def _emit_text(self, first: str, rest: str, text: str, first_room: int, room: int, known: bool) -> bool:
        """Write one logical line as :meth:`_emit` does, from its prefixes, text and room; ``False`` if it needs spans.

        A line needs its spans where a Markdown escape or an isolate goes: a
        piece at the margin that would start a block, right-to-left letters.
        *known*: the text is known to take a column a character and to hold no
        right-to-left letter.
        """
        if known or text.isascii():
            pieces = wrap_narrow(text, room, first_room)
        elif isolate(text) != text:
            return False
        else:
            pieces = wrap(text, room, first_room)
        if self.markdown:
            for number, piece in enumerate(pieces):
                if (number or not first) and _MARKDOWN_LINE_START.match(piece):
                    return False
        texts = self.texts
        assert texts is not None
        texts.append(first + ("\n" + rest).join(pieces) if len(pieces) > 1 else first + pieces[0])
        return True

    def _emit_spans(self, first: str, rest: str, content: list[Span]) -> None:
        """Write one logical line as :meth:`_emit` does, after prefixes given as text."""
        self._emit([("tree", first)] if first else [], [("tree", rest)] if rest else [], content)

    def _line(
        self, first: list[Span], rest: list[Span], content: list[Span], pieces: list[str], number: int, start: int
    ) -> Line:
        """Return the line that holds *pieces[number]*, which starts at offset *start* of *content*'s text."""
        piece = pieces[number]
        spans = _slice(content, start, start + len(piece)) if len(pieces) > 1 else list(content)
        # A line that starts at the margin must not start a Markdown block: a list, a heading, a quote.
        if self.markdown and (number > 0 or not first) and spans:
            spans[0] = (spans[0][0], _MARKDOWN_LINE_START.sub(r"\1\\\2", spans[0][1], count=1))
        content_spans = tuple([(role, isolate(span_text)) for role, span_text in spans])
        return Line(tuple(rest) if number else tuple(first), content_spans, continued=number > 0)

    def _room(self, prefix: str) -> int:
        """Return the columns left for text after *prefix*; never fewer than 20."""
        room = self._rooms.get(prefix)
        if room is None:
            room = self._rooms[prefix] = max(_MIN_TEXT, self.width - columns(prefix))
        return room


def _slice(spans: list[Span], start: int, end: int) -> list[Span]:
    """Return the parts of *spans* between character offsets *start* and *end* of their joined text."""
    found: list[Span] = []
    offset = 0
    for role, text in spans:
        low, high = max(start, offset), min(end, offset + len(text))
        if low < high:
            found.append((role, text[low - offset : high - offset]))
        offset += len(text)
        if offset >= end:
            break
    return found
