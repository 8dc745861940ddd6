"""Write a map as Argdown the way people write it, so that argmap reads back exactly the map written.

A claim is a statement ``[title]: text #tag {data}``, defined once, with the
relations it starts indented under it (``+>``, ``->``, ``_>``, ``><``); a
claim whose id is written ``<Title>`` is a sketched argument, ``<Title>:
text``. A support with one premise and no label is a relation ``+>``; one
with linked premises, a label, a title of its own, or something attacking
it is a premise-conclusion structure under its title, ``-- label --`` for its
inference rule; supports ``X - 1``, ..., ``X`` chained by their conclusions
are one multi-step reconstruction ``<X>``, as Argdown names its steps.
Texts are escaped only where Argdown would read them otherwise, and the
claims whose ids Argdown would give them anyway (``Untitled 1``, ...) are
written untitled.

What Argdown has no syntax for goes into the data Argdown keeps with each
statement: the attribution (``proponent``, ``via``, ``medium``, ``quote``,
``date``, ``url``), ``qualifier``, ``note``, ``document``, an attack's label
and a skeptical response's stance (``attacks``); sources and documents go
into the front matter. Elements are written in the map's order, so that the
order comes back too.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterator
from typing import Any

from argmap.formats import _argdown_text as text_reading
from argmap.formats._argdown_layout import Layout
from argmap.formats._argdown_syntax import SECTION_SEPARATOR
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

__all__ = ["dumps", "following"]


def dumps(amap: ArgumentMap) -> str:
    """Return *amap* as Argdown text."""
    return "".join(_Writer(amap).text()).rstrip("\n") + "\n"


def following(amap: ArgumentMap, layout: Layout) -> tuple[str, bool] | None:
    """Return *amap* as Argdown written as *layout* records, and whether that is the file unchanged.

    A paragraph of the file is kept as written where the map still holds
    every claim first named in it and every relation it states, unchanged;
    the front matter where the map's metadata, documents and sources are
    those read. What else the map holds is written the default way after the
    paragraphs kept. ``None`` where no paragraph is kept. The caller reads
    the result back (unless unchanged): an edit can change what a kept
    paragraph means in its new company.
    """
    head_kept = (
        amap.metadata == dict(layout.metadata) and amap.documents == layout.documents and amap.sources == layout.sources
    )
    if head_kept and amap.claims == layout.claims and amap.relations == layout.relations:
        return layout.text.rstrip("\n") + "\n", not layout.repaired
    claims = {claim.id: claim for claim in amap.claims}
    relations = {relation.id: relation for relation in amap.relations}
    head, paragraphs = layout.paragraphs()
    kept = [
        paragraph
        for paragraph in paragraphs
        if all(claims.get(claim.id) == claim for claim in paragraph.claims)
        and all(relations.get(relation.id) == relation for relation in paragraph.relations)
    ]
    if not any(paragraph.claims or paragraph.relations for paragraph in kept):
        return None
    kept_claims = {claim.id for paragraph in kept for claim in paragraph.claims}
    kept_relations = {relation.id for paragraph in kept for relation in paragraph.relations}
    writer = _Writer(amap)
    writer.claims = [claim for claim in amap.claims if claim.id not in kept_claims]
    writer.defined = set(kept_claims)
    for id, title in layout.titles.items():
        if id in kept_claims or id in kept_relations:
            writer.titles[id] = title
            writer.used.add(title)
    numbers = [int(found[1]) for id in kept_claims | kept_relations if (found := _NUMBERED.fullmatch(id))]
    writer.untitled = max(numbers, default=0)
    writer.section = kept[-1].section
    head = head if head_kept else "".join(writer.front_matter())
    body = "".join(paragraph.text for paragraph in kept)
    try:
        rest = "".join(writer.body([r for r in amap.relations if r.id not in kept_relations and writer.writable(r)]))
    except _Stuck:
        return None
    if rest:
        body = body.rstrip("\n") + "\n\n" + rest.lstrip("\n")
    return (head + body).rstrip("\n") + "\n", False


class _Stuck(Exception):
    """A relation cannot be written: it names a claim that is neither written nor to be written."""


# A title Argdown reads back as written: printable, single spaces, none of the brackets that end it or open
# data, and not starting with "-" (Argdown reads "[-" as no reference).
_STATEMENT_TITLE = re.compile(r"[^\s\[\]{}<>\-](?:[^\[\]{}<>\n\r\t]*[^\s\[\]{}<>])?")
_SKETCHED = re.compile(r"<([^\s\[\]{}<>\-_+!](?:[^\[\]{}<>\n\r\t]*[^\s\[\]{}<>])?)>")
# An argument's title: "<" must not open "<_", "<+", "<-" (relations at a line's start) or "<!--".
_ARGUMENT_TITLE = re.compile(r"[^\s\[\]{}<>\-_+!](?:[^\[\]{}<>\n\r\t]*[^\s\[\]{}<>])?")
# Titles Argdown's parser fails on: it looks titles up in plain JavaScript objects, which hold these already.
_RESERVED = frozenset(
    [
        "constructor",
        "__proto__",
        "toString",
        "toLocaleString",
        "valueOf",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
    ]
)
_UNTITLED = re.compile(r"Untitled (\d+)")
_NUMBERED = re.compile(r"Untitled (\d+)(?: - \d+)?")  # an untitled statement or reconstruction, or a step of one
# The data keys argmap writes itself, and those it reads as an inference's premises (a conclusion's
# "uses" or "from"); an element's own data with one of them goes under "data".
_KNOWN_KEYS = frozenset(
    {"id", "text", "tags", "qualifier", "note", "document", "section", "proponent", "via", "medium", "quote"}
    | {"date", "url", "attacks", "data", "label", "kind", "stance", "target", "further_attributions", "uses", "from"}
)
_TAG_WORD = re.compile(r"[A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
_TAG_TEXT = re.compile(r"[^()\s](?:[^()\n\r]*[^()\s])?")
# A YAML scalar written plain: it reads back as this string in flow and block context alike.
_PLAIN = re.compile(r"[A-Za-z\u00a0-\ud7ff][\w.'!?()&+@/ -]*(?<! )")
_YAML_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])
# YAML double-quoted escapes for what must not appear raw: the quote and backslash, braces (which would end
# Argdown's data block), = and / (front matter and comments), and what YAML cannot hold raw.
_YAML_ESCAPES = {'"': '\\"', "\\": "\\\\", "{": "\\x7b", "}": "\\x7d", "/": "\\x2f", "=": "\\x3d"}
# What a text escapes: syntax wherever it stands (escape, data, tag, emphasis, brackets of links and
# references), and, at the start of a line, what would open a relation, list, heading or number.
_SPECIAL = re.compile(r"([.:])\S+?\1")
_COMMENT = re.compile(r"//|/\*|<!--")
_SYNTAX = re.compile(r"[\\{}\[\]<>#*_/=(]|([.:])\S+?\1")  # where a text may hold what Argdown reads as syntax
_RULES = re.compile(r"[^\W_][\w' ]*(?:, [^\W_][\w' ]*)*(?<! )")  # inference rules as people write them
_INCLUDE = "@include("
"""What opens an include: Argdown replaces each ``@include(...)`` of a file before reading it, wherever it stands."""
_AT_START = re.compile(r"[+\-]|><|#+ |\d+\.\s|\d+\.$|\(\d+\)")  # relations, headings, lists, numbers


def _yaml(value: Any) -> str:
    """Return *value* (a JSON value: text, a number, a boolean, null, a list or a mapping) as one line of YAML."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_yaml_key(key)}: {_yaml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        written = repr(value)  # YAML reads a float only with a point, and an exponent only with its sign
        return written if "." in written or "e" not in written else written.replace("e", ".0e")
    if _plain(value) or _iso_date(value):
        return str(value)
    quoted = "".join(_yaml_character(character) for character in value).replace(_INCLUDE, "\\x40include(")
    return '"' + re.sub("-(?=-)|(?<=-)-", r"\\x2d", quoted) + '"'  # no "--": it would end an inference


def _yaml_key(key: str) -> str:
    """Return a mapping key as YAML reads it back as this string."""
    return key if re.fullmatch(r"[A-Za-z_][\w-]*", key) and key.lower() not in _YAML_WORDS else _yaml(key)


def _plain(value: str) -> bool:
    """Tell whether YAML reads *value* back as this string when written without quotes."""
    return (
        _PLAIN.fullmatch(value) is not None
        and value.lower() not in _YAML_WORDS
        and "--" not in value
        and ": " not in value
        and " #" not in value
        and "//" not in value
        and "/*" not in value
        and _INCLUDE not in value
    )


def _iso_date(value: str) -> bool:
    """Tell whether *value* is a year, a month or a day that YAML reads back, plain, as the same date."""
    if not value.isascii():
        return False
    if re.fullmatch(r"[1-9][0-9]{3}(-[0-9]{2})?", value):
        return not value.endswith("-00") and int(value[5:] or 1) <= 12
    try:
        return datetime.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _yaml_character(character: str) -> str:
    escape = _YAML_ESCAPES.get(character)
    if escape is not None:
        return escape
    if character.isprintable() and character not in "\u2028\u2029\ufeff":
        return character
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _display(text: str) -> str:
    """Return the text as Argdown can show it: one line, single spaces, printable characters."""
    shown = "".join(c if c.isprintable() or c.isspace() else "\ufffd" for c in text)
    return " ".join(shown.split())


def _escaped(text: str, *, line_start: bool) -> str:
    """Return *text* escaped only where Argdown would read it otherwise; checked by reading it back.

    Escaped are the backslash; ``{``, ``[`` and ``<`` (data, links,
    references: what follows on the line may close them); a ``#`` that would
    open a tag; ``*`` and ``_`` (emphasis); comment openers; ``===``; a
    shortcode such as ``.A.`` (``C.I.A.`` is none: Argdown reads ``.I.``
    first, as text); and at the start of a line what would open a relation,
    a list, a heading or a number. Anything the reading back finds otherwise
    gets every punctuation character escaped.
    """
    out = []
    position = 0
    while position < len(text):
        character = text[position]
        following = text[position + 1 : position + 2]
        special = _SPECIAL.match(text, position) if character in ".:" else None
        if special is not None and not text_reading.is_shortcode(special[0]) and not _COMMENT.search(special[0]):
            out.append(special[0])  # Argdown keeps it as written, whatever it holds
            position = special.end()
            continue
        if (
            character in "\\*_{[<"
            or special is not None
            or (character == "#" and (following == "(" or _TAG_WORD.match(following) is not None))
            or (position == 0 and line_start and _AT_START.match(text))
            or (character == "/" and following in ("/", "*"))
            or (character == "=" and text.startswith("===", position))
            or (character == "(" and text.endswith(_INCLUDE[:-1], 0, position))
        ):
            out.append("\\" + character)
        else:
            out.append(character)
        position += 1
    written = "".join(out)
    if written == text and not _SYNTAX.search(text):
        return text  # nothing Argdown reads as syntax: no need to read it back
    if text_reading.read_text(written) == (text, [], {}):
        return written
    return "".join(f"\\{c}" if not c.isalnum() and not c.isspace() else c for c in text)


class _Writer:
    """Write a map as Argdown: front matter, then claims and relations interleaved in the map's order."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.titles: dict[str, str] = {}  # element id -> the title written (with its brackets)
        self.used = {f"{o}{name}{c}" for name in _RESERVED for o, c in ("[]", "<>")}  # titles taken, with brackets
        self.defined: set[str] = set()  # claims written so far
        self.untitled = 0  # untitled statements written so far: Argdown numbers them
        self.open: str | None = None  # the claim whose line the next relation may stand under
        self.section: str | None = None  # the heading the claims written now stand under
        self.claims = list(amap.claims)
        self.next_claim = 0
        attacked = {relation.target for relation in amap.relations if not isinstance(relation, (Support, Rebuttal))}
        self.structured = {
            support.id
            for support in amap.supports
            if len(support.premises) > 1
            or support.label is not None
            or support.id != default_id(support)
            or support.id in attacked
            or support.conclusion in support.premises
            or support.text is not None
            or support.tags
            or support.data
        }
        self.details = self.attack_details()
        self.chains = self.multi_step(attacked)
        self.members = {  # claims a premise-conclusion structure names: statements, never sketched arguments
            id
            for support in amap.supports
            if support.id in self.structured
            for id in (*support.premises, support.conclusion)
        }

    def text(self) -> Iterator[str]:
        yield from self.front_matter()
        if not self.claims:
            yield "# An empty map\n"  # Argdown refuses a document with nothing in it; a heading alone it reads
            return
        yield from self.body([relation for relation in self.amap.relations if self.writable(relation)])

    def body(self, relations: list[Relation]) -> Iterator[str]:
        """Write the claims still to write and *relations*, interleaved in the map's order."""
        position = 0
        while position < len(relations) or self.next_claim < len(self.claims):
            steps = self.steps(relations, position)
            if steps and self.ready_steps(steps) and self.now(relations, position, steps):
                yield from self.structure(steps)
                position += len(steps)
            elif not steps and position < len(relations) and self.ready(relations[position]):
                yield from self.relation(relations[position])
                position += 1
            elif self.next_claim < len(self.claims):
                yield from self.block(self.claims[self.next_claim])
            else:
                raise _Stuck(relations[position].id)

    # -- the front matter

    def front_matter(self) -> Iterator[str]:
        amap = self.amap
        fields: dict[str, Any] = dict(amap.metadata)
        if amap.documents:
            fields["documents"] = [_without_none(_document_fields(d)) for d in amap.documents]
        if amap.sources:
            fields["sources"] = [_without_none(_source_fields(source)) for source in amap.sources]
        if not fields:
            return
        yield "===\n"
        for name, value in fields.items():
            if isinstance(value, list):
                yield f"{name}:\n" + "".join(f"  - {_yaml(item)}\n" for item in value)
            else:
                yield f"{name}: {_yaml(value)}\n"
        yield "===\n\n"

    # -- titles

    def title(self, id: str) -> str:
        """Return how a claim is referred to: ``[id]``, ``<Title>`` for a sketched argument, or a safe title."""
        known = self.titles.get(id)
        if known is not None:
            return known
        sketched = _SKETCHED.fullmatch(id)
        if sketched and _single_spaced(sketched[1]) and id not in self.used and id not in self.members:
            title = id
        elif _STATEMENT_TITLE.fullmatch(id) and _single_spaced(id) and f"[{id}]" not in self.used:
            title = f"[{id}]"
        else:
            title = self.unique("[", _safe(id), "]")
        self.used.add(title)
        self.titles[id] = title
        return title

    def argument_title(self, support: Support) -> str:
        """Return the ``<Title>`` a premise-conclusion structure is written under."""
        known = self.titles.get(support.id)
        if known is not None:
            return known
        id = support.id
        if _ARGUMENT_TITLE.fullmatch(id) and _single_spaced(id) and f"<{id}>" not in self.used:
            title = f"<{id}>"
        else:
            title = self.unique("<", _safe(id), ">")
        self.used.add(title)
        self.titles[id] = title
        return title

    def unique(self, opening: str, base: str, closing: str) -> str:
        title, number = f"{opening}{base}{closing}", 2
        while title in self.used:
            title, number = f"{opening}{base}-{number}{closing}", number + 1
        return title

    # -- claims

    def block(self, claim: Claim) -> Iterator[str]:
        """Write a claim's definition as a paragraph of its own; relations it starts may follow under it."""
        if self.open is not None:
            yield "\n"
        if _heading(claim.section) and claim.section != self.section:
            yield from self.headings(str(claim.section))
        elif claim.section is None and self.section is not None:
            yield "# Ungrouped {isGroup: false}\n\n"  # what follows belongs to no section
            self.section = None
        yield self.definition(claim) + "\n"
        self.open = claim.id

    def definition(self, claim: Claim, *, numbered: bool = False) -> str:
        """Return the claim's definition, and count it as defined: ``[title]: text #tags {data}``."""
        self.next_claim += 1
        self.defined.add(claim.id)
        data: dict[str, Any] = {}
        untitled = _UNTITLED.fullmatch(claim.id)
        shown = _display(claim.text)
        if untitled and int(untitled[1]) == self.untitled + 1 and shown:
            self.untitled += 1
            self.titles[claim.id] = f"[{claim.id}]"
            self.used.add(f"[{claim.id}]")
            opening = ""
        else:
            title = self.title(claim.id)
            if (title if title.startswith("<") else title[1:-1]) != claim.id:  # the id the reader will take from it
                data["id"] = claim.id
            opening = f"{title}: "
        if shown != claim.text:
            data["text"] = claim.text
        tags = _tags(claim.tags, data)
        if claim.attribution is not None:
            data |= _attribution_fields(claim.attribution)
        if claim.further_attributions:
            data["further_attributions"] = [_attribution_fields(a) for a in claim.further_attributions]
        for name in ("qualifier", "note", "document"):
            if getattr(claim, name) is not None:
                data[name] = getattr(claim, name)
        if claim.section != self.section:
            data["section"] = claim.section  # a section no heading can name
        if claim.id in self.details:
            data["attacks"] = self.details[claim.id]
        data |= _own_data(claim.data, data)
        text = _escaped(shown, line_start=not opening and not numbered) if shown else ""
        suffix = f" {_yaml(data)}" if data else ""
        return f"{opening}{text}{tags}{suffix}".strip()

    def headings(self, section: str) -> Iterator[str]:
        """Write the headings that open *section* where the open one ends: those of its path not open already."""
        titles = section.split(SECTION_SEPARATOR)
        open_titles = self.section.split(SECTION_SEPARATOR) if self.section is not None else []
        same = 0
        while same < min(len(titles), len(open_titles)) - (len(titles) <= len(open_titles)) and (
            titles[same] == open_titles[same]
        ):
            same += 1
        for level, title in enumerate(titles[same:], same + 1):
            yield f"{'#' * level} {_escaped(title, line_start=False)}\n\n"
        self.section = section

    def reference(self, id: str) -> str:
        """Return the claim as a relation or a premise refers to it."""
        return self.title(id)

    # -- relations

    def writable(self, relation: Relation) -> bool:
        """Tell whether Argdown can draw *relation*: an attack's target must be a claim or a support."""
        if isinstance(relation, (Support, Rebuttal)):
            return True
        return isinstance(self.amap[relation.target], (Claim, Support))

    def multi_step(self, attacked: set[str]) -> dict[str, tuple[Support, ...]]:
        """Return the supports to write as one multi-step reconstruction, by the id of the first step.

        They are the steps Argdown reads from one: ``X - 1``, ``X - 2``, ...,
        ``X``, each step's first premise the conclusion before it, no claim
        named twice, nothing attacking an earlier step, and only the last
        with a description, tags or data (the argument's).
        """
        by_id = {support.id: support for support in self.amap.supports if support.id in self.structured}
        found: dict[str, tuple[Support, ...]] = {}
        for last in by_id.values():
            earlier: list[Support] = []
            while (step := by_id.get(f"{last.id} - {len(earlier) + 1}")) is not None:
                earlier.append(step)
            chain = (*earlier, last)
            if not earlier or any(s.id in attacked or s.text is not None or s.tags or s.data for s in earlier):
                continue
            if any(after.premises[0] != before.conclusion for before, after in itertools.pairwise(chain)):
                continue
            members = _chain_members(chain)
            if len(set(members)) == len(members):
                found[chain[0].id] = chain
        return found

    def steps(self, relations: list[Relation], position: int) -> tuple[Support, ...]:
        """Return the supports the structure at *position* writes: one, several steps, or none (no structure)."""
        relation = relations[position] if position < len(relations) else None
        if not (isinstance(relation, Support) and relation.id in self.structured):
            return ()
        chain = self.chains.get(relation.id)
        if chain and [r.id for r in relations[position : position + len(chain)]] == [s.id for s in chain]:
            return chain
        return (relation,)

    def ready_steps(self, steps: tuple[Support, ...]) -> bool:
        """Tell whether a structure can be written now: the claims it defines are next, under their heading."""
        upcoming = self.next_claim
        section = self.section
        for id in dict.fromkeys(_chain_members(steps)):
            if id in self.defined:
                continue
            claim = self.claims[upcoming] if upcoming < len(self.claims) else None
            if claim is not None and upcoming == self.next_claim and _heading(claim.section):
                section = claim.section  # the structure opens the heading of the first claim it defines
            if claim is not None and claim.id == id and _may_stand_under(claim, section):
                upcoming += 1  # defined inline, in the map's order, under the heading it belongs to
                continue
            return False
        return True

    def ready(self, relation: Relation) -> bool:
        """Tell whether *relation*, no structure, can be written now without naming a claim before its definition."""
        ends = [relation.response] if isinstance(relation, SkepticalResponse) else []
        if isinstance(relation, Support):
            ends += [*relation.premises, relation.conclusion]
        elif isinstance(relation, (Rebuttal, Undercut)):
            ends.append(relation.attacker)
        target = getattr(relation, "target", None)
        if target is not None and isinstance(self.amap[target], Claim):
            ends.append(target)
        return all(id in self.defined for id in ends)

    def now(self, relations: list[Relation], position: int, steps: tuple[Support, ...]) -> bool:
        """Tell whether to write the structure of *steps*, at *position*, before the next claim.

        A premise-conclusion structure waits for the claims after it, unless
        it defines the next one or the next relation starts from it.
        """
        if self.next_claim == len(self.claims):
            return True
        upcoming = self.claims[self.next_claim].id
        if upcoming in _chain_members(steps):
            return True
        following = relations[position + len(steps)] if position + len(steps) < len(relations) else None
        return following is not None and upcoming in _origins(following)

    def relation(self, relation: Relation) -> Iterator[str]:
        if isinstance(relation, Support):
            origin, token, target = relation.premises[0], "+>", self.reference(relation.conclusion)
        else:
            origin = relation.response if isinstance(relation, SkepticalResponse) else relation.attacker
            attacked = self.amap[relation.target]
            if isinstance(attacked, Support):
                target = self.argument_title(attacked)
                attack = isinstance(relation, SkepticalResponse) or relation.label == "attack"
                token = "->" if attack else "_>"
            else:
                target = self.reference(attacked.id)
                label = relation.label if isinstance(relation, Rebuttal) else None
                token = {"undercut": "_>", "contradictory": "><"}.get(label or "", "->")
        if self.open != origin:
            yield f"\n{self.reference(origin)}\n"
            self.open = origin
        yield f"  {token} {target}\n"

    def structure(self, steps: tuple[Support, ...]) -> Iterator[str]:
        """Write supports as one premise-conclusion structure under the last one's title, description, tags, data.

        Several steps are written as Argdown's multi-step reconstruction: each
        step's premises after the conclusion before it, its inference, its
        conclusion.
        """
        support = steps[-1]
        title = self.argument_title(support)
        described = _display(support.text or "")
        data: dict[str, Any] = {}
        if support.text is not None and described != support.text:
            data["text"] = support.text
        tags = _tags(support.tags, data)
        data |= _own_data(support.data, data)
        text = f": {_escaped(described, line_start=False)}" if described else ""  # Argdown wants text after ":"
        suffix = f" {_yaml(data)}" if data else ""
        members = _chain_members(steps)
        first = next((id for id in members if id not in self.defined), None)
        section = self.claims[self.next_claim].section if first is not None else None
        if first is not None and _heading(section) and section != self.section:
            yield "\n"
            yield from self.headings(str(section))
        yield f"\n{title}{text}{tags}{suffix}\n\n"
        self.open = None
        conclusions = {len(_chain_members(steps[: n + 1])): (n, step) for n, step in enumerate(steps)}
        for number, id in enumerate(members, 1):
            if number in conclusions:
                step_number, step = conclusions[number]
                name = title[1:-1] if step is support else f"{title[1:-1]} - {step_number + 1}"
                yield self.inference(step, name)
            if id in self.defined:
                yield f"({number}) {self.reference(id)}\n"
            else:
                yield f"({number}) {self.definition(self.claims[self.next_claim], numbered=True)}\n"
        yield "\n"

    def inference(self, support: Support, name: str) -> str:
        """Return the inference of *support*, which Argdown names *name*: its rule, or its data."""
        data: dict[str, str] = {}
        if name != support.id:
            data["id"] = support.id
        label = support.label
        if label is not None and not data and _rules(label):
            return f"-- {label} --\n"
        if label is not None:
            data["label"] = label
        return f"--\n{_yaml(data)}\n--\n" if data else "----\n"

    def attack_details(self) -> dict[str, list[dict[str, str]]]:
        """Return, for each attacking claim, the details of its attacks that Argdown's relations cannot carry."""
        found: dict[str, list[dict[str, str]]] = {}
        needed: set[str] = set()
        for relation in self.amap.relations:
            if isinstance(relation, Support) or not self.writable(relation):
                continue
            origin = relation.response if isinstance(relation, SkepticalResponse) else relation.attacker
            entry = {"target": relation.target}
            if isinstance(relation, SkepticalResponse):
                entry |= {"kind": "skeptical_response", "stance": relation.stance}
                needed.add(origin)
            else:
                entry["kind"] = "rebuttal" if isinstance(relation, Rebuttal) else "undercut"
                shown = {"undercut", "contradictory"} if isinstance(relation, Rebuttal) else {"attack"}
                if relation.label is not None and relation.label not in shown:
                    entry["label"] = relation.label
                    needed.add(origin)
            if relation.id != default_id(relation):
                entry["id"] = relation.id
                needed.add(origin)
            found.setdefault(origin, []).append(entry)
        return {origin: entries for origin, entries in found.items() if origin in needed}


def _tags(tags: tuple[str, ...], data: dict[str, Any]) -> str:
    """Return *tags* as written after a text (`` #word #(two words)``); where one cannot be, put them in *data*."""
    if all(_TAG_TEXT.fullmatch(tag) and tag.isprintable() for tag in tags):
        return "".join(f" #{tag}" if _TAG_WORD.fullmatch(tag) else f" #({tag})" for tag in tags)
    data["tags"] = list(tags)
    return ""


def _own_data(own: dict[str, Any], written: dict[str, Any]) -> dict[str, Any]:
    """Return an element's own data as written beside argmap's: under ``data`` where a key is argmap's."""
    if not own:
        return {}
    if any(key in _KNOWN_KEYS or key in written for key in own):
        return {"data": own}
    return dict(own)


def _chain_members(steps: tuple[Support, ...]) -> list[str]:
    """Return the claims a structure of *steps* numbers, in order.

    The first step's premises and conclusion, then each further step's
    premises after its first (the conclusion before it) and its conclusion.
    """
    members = list(dict.fromkeys(steps[0].premises))
    members.append(steps[0].conclusion)
    for step in steps[1:]:
        members += [*step.premises[1:], step.conclusion]
    return members


def _origins(relation: Relation) -> tuple[str, ...]:
    """Return the claims a relation is written under: a support's premises, an attack's attacker."""
    if isinstance(relation, Support):
        return relation.premises
    return (relation.response,) if isinstance(relation, SkepticalResponse) else (relation.attacker,)


def _may_stand_under(claim: Claim, section: str | None) -> bool:
    """Tell whether *claim* can be defined under the heading of *section* (its own, or in its data)."""
    return claim.section == section or (claim.section is not None and not _heading(claim.section))


def _heading(section: str | None) -> bool:
    """Tell whether headings can name *section*: one line of text, each title in its path a heading's."""
    if section is None or not _single_spaced(section) or section == "Ungrouped":
        return False
    return all(title and _single_spaced(title) for title in section.split(SECTION_SEPARATOR))


def _single_spaced(title: str) -> bool:
    """Tell whether *title* can stand as written in brackets or after ``#``: one line, single spaces, no include."""
    return " ".join(title.split()) == title and title.isprintable() and _INCLUDE not in title


def _safe(id: str) -> str:
    """Return a readable title for an id Argdown cannot hold as a title."""
    return "-".join(re.findall(r"[^\W_]+", id)) or "element"  # starts with a letter or digit: safe everywhere


def _rules(label: str) -> bool:
    """Tell whether *label* reads back as written between ``--`` and ``--``: rules, comma and space apart."""
    if not _RULES.fullmatch(label):
        return False
    read = text_reading.read_text(f"{label} ")
    if read is None:
        return False
    text, tags, data = read
    rules = [rule.strip() for rule in text.split(",") if rule.strip()]
    return ", ".join(rules) == label and not tags and not data


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if value is not None}


def _document_fields(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "author": document.author,
        "publication": document.publication,
        "date": document.date,
        "url": document.url,
    }


def _source_fields(source: Source) -> dict[str, Any]:
    fields = {"id": source.id, "name": source.name, "kind": source.kind}
    return fields | {"affiliation": source.affiliation, "url": source.url}


def _attribution_fields(attribution: Attribution) -> dict[str, Any]:
    fields: dict[str, Any] = {"proponent": attribution.source.id}
    if attribution.via:
        fields["via"] = [source.id for source in attribution.via]
    for name in ("medium", "quote", "date", "url"):
        if getattr(attribution, name) is not None:
            fields[name] = getattr(attribution, name)
    return fields
