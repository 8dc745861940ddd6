r"""The interactive HTML page: the diagram to pan, zoom and search, and each claim's provenance one click away.

One self-contained file: the diagram's SVG inline, the map's data as JSON,
and a small script and style sheet of argmap's own (``html.js`` and
``html.css`` beside this module), all inline. It opens from disk in any
current browser and makes no network request: its Content Security Policy
allows no source but its own script and style, named by their hashes.

A pure renderer cannot lay a diagram out, since Graphviz is a program, so
where the other renderers take a map and options, :func:`to_html` also takes
the SVG Graphviz drew: ``to_html(m, options=None, *, svg)``.
:func:`argmap.drawing.page` is the one call that runs Graphviz and passes its
SVG on, and ``argmap render -f html`` calls that. The SVG must be drawn from
``to_dot(m, options.dot_options)``: each claim's node carries the id
:func:`~argmap.render._quoting.node_id` gives it, and that is how the page
finds it.

Text from the map reaches the page in three places, each escaped for its
context: the title and byline as HTML text, the diagram as the SVG Graphviz
wrote (its own escaping, checked here to hold no script, event handler or
link), and everything else as JSON in a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` written as ``\u003c`` and friends, so that
no ``</script>`` or ``<!--`` can appear in it. The script builds the side
panel with ``textContent`` only.

>>> from argmap import ArgumentMap
>>> m = ArgumentMap(title="</title><script>alert(1)</script>")
>>> page = to_html(m, svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><g id="graph0"/></svg>')
>>> "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
True
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any, Protocol
from xml.etree import ElementTree

import attrs

from argmap.errors import OptionError
from argmap.evaluate import STATUSES, Status
from argmap.map import ArgumentMap
from argmap.model import Attribution, Claim, Rebuttal, Relation, SkepticalResponse, Source, Support, Undercut, endpoints
from argmap.render._options import options_from
from argmap.render._quoting import displayed, node_id
from argmap.render.dot import DotOptions, drawn_as_main
from argmap.render.grammar import PALETTE

__all__ = ["STATUSES", "HtmlOptions", "Judged", "to_html"]


class Judged(Protocol):
    """What the page shows of an evaluated element: a status and its reason, as :class:`argmap.evaluate.Verdict` has."""

    @property
    def status(self) -> str:
        """Return one of :data:`STATUSES`."""

    @property
    def reason(self) -> str:
        """Return a sentence a reader can follow."""


def _verdicts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise OptionError(f"HtmlOptions.verdicts must map element ids to verdicts, got {value!r}")
    for id, verdict in value.items():
        status = getattr(verdict, "status", None)
        if status not in STATUSES or not isinstance(getattr(verdict, "reason", None), str):
            raise OptionError(
                f"HtmlOptions.verdicts[{id!r}] must have a status ({', '.join(STATUSES)}) and a reason, got {verdict!r}"
            )


def _diagram(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, DotOptions):
        raise OptionError(f"HtmlOptions.diagram must be DotOptions, got {value!r}")


@attrs.frozen
class HtmlOptions:
    """How to make the page.

    Args:
        diagram: how the diagram is drawn (:class:`~argmap.render.dot.DotOptions`);
            its legend is left out of the drawing, as the page has its own.
        legend: whether the page shows a legend of the kinds of element the map uses.
        verdicts: the status and reason of claims and relations, by id, such
            as ``evaluate(m).verdicts``: claims are coloured by status (a
            toggle hides the colours) and the side panel gives the reasons.
        semantics: the name of the semantics the verdicts come from, for the legend.

    >>> HtmlOptions().dot_options.legend
    False
    """

    diagram: DotOptions = attrs.field(factory=DotOptions, validator=_diagram)
    legend: bool = True
    verdicts: Mapping[str, Judged] | None = attrs.field(default=None, validator=_verdicts, hash=False)
    semantics: str | None = None

    @property
    def dot_options(self) -> DotOptions:
        """Return the options the page's diagram is drawn with: :attr:`diagram` without legend and title.

        The page shows both itself, in its own type: the legend over the
        diagram, the title and byline above it. With verdicts, a relation that
        falls or is left open is drawn so (dotted ✗, dashed ○), as in the diagram.
        """
        verdicts = self.verdicts
        if not verdicts or self.diagram.relation_status is not None:
            return attrs.evolve(self.diagram, legend=False, title=False)

        def status(relation: Relation) -> str | None:
            verdict = verdicts.get(relation.id)
            return None if verdict is None else verdict.status

        return attrs.evolve(self.diagram, legend=False, title=False, relation_status=status)


_DEFAULTS = HtmlOptions()
_HERE = Path(__file__).parent
_SAFE_ELEMENTS = frozenset(
    {"svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan", "defs"}
    | {"linearGradient", "radialGradient", "stop"}
)
_SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_KINDS: dict[type[Relation], str] = {
    Support: "support",
    Rebuttal: "rebuttal",
    Undercut: "undercut",
    SkepticalResponse: "skeptical_response",
}


@functools.cache
def _asset(name: str) -> str:
    """Return the text of a file shipped beside this module: the page's script or style sheet."""
    return (_HERE / name).read_text(encoding="utf-8")


def to_html(amap: ArgumentMap, options: HtmlOptions | None = None, *, svg: str, **keywords: Any) -> str:
    """Return the interactive HTML page of *amap*, its diagram the *svg* Graphviz drew.

    Args:
        amap: the map.
        options: how to make the page, as one :class:`HtmlOptions` value;
        **keywords: or the same options as keywords: ``to_html(m, svg=svg, verdicts=evaluate(m).verdicts)``.
        svg: the SVG Graphviz drew from ``to_dot(amap, options.dot_options)``;
            :func:`argmap.drawing.page` draws it and calls this function.

    Raises:
        OptionError: *svg* is not an SVG drawn from this map (not well-formed,
            without a claim's node, or holding a script, an event handler or
            a link), a verdict names no claim or relation of the map, or both
            *options* and keywords were given.
    """
    options = options_from(HtmlOptions, options, keywords, "to_html", _DEFAULTS)
    diagram = _inline(svg, amap)
    if options.verdicts is not None:
        for id in options.verdicts:
            if id not in amap:
                raise OptionError(f"HtmlOptions.verdicts names {id!r}, which is no claim or relation of the map")
    script, style = _asset("html.js"), _asset("html.css")
    policy = (
        f"default-src 'none'; script-src '{_hash(script)}'; style-src '{_hash(style)}'; "
        "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = amap.title or "Argument map"
    byline = " · ".join(dict.fromkeys(part for part in (amap.author, amap.publication, amap.date) if part))
    parts = [
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<meta name="generator" content="argmap">\n',
        f"<title>{_text(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        '<header class="bar">\n<div class="heading">\n',
        f'<h1 id="argmap-title">{_text(title)}</h1>\n',
        f'<p class="byline">{_text(byline)}</p>\n' if byline else "",
        f'<p class="description">{_text(amap.description)}</p>\n' if amap.description else "",
        "</div>\n",
        _CONTROLS,
        _STATUS_TOGGLE if options.verdicts else "",
        "</header>\n",
        '<main class="main">\n<div class="stage">\n',
        '<div id="argmap-view" class="view">\n',
        diagram,
        "</div>\n",
        _legend(amap, options) if options.legend else "",
        '<p id="argmap-alert" class="alert" role="alert" hidden></p>\n',
        "</div>\n",
        _PANEL,
        "</main>\n",
        '<noscript><p class="noscript">This page needs JavaScript for search, zoom and the side panel; '
        "the diagram above is complete without it.</p></noscript>\n",
        f'<script type="application/json" id="argmap-data">{_json(_data(amap, options))}</script>\n',
        f"<script>{script}</script>\n",
        "</body>\n</html>\n",
    ]
    return "".join(parts)


def _hash(text: str) -> str:
    """Return the Content Security Policy source that allows exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _text(text: str) -> str:
    """Return *text* escaped for HTML, characters no page should hold shown as visible stand-ins."""
    return escape(displayed(text), quote=True)


def _json(data: object) -> str:
    r"""Return *data* as JSON that cannot end or comment out the script block it sits in.

    ``ensure_ascii`` writes every non-ASCII character, U+2028 and U+2029
    among them, as ``\uXXXX``; ``<``, ``>`` and ``&`` are escaped the same
    way, so neither ``</script>`` nor ``<!--`` can appear.
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline(svg: str, amap: ArgumentMap) -> str:
    """Return *svg* ready to sit inside the page: checked, without its prolog, comments and tooltips."""
    if not isinstance(svg, str):
        raise OptionError(f"the svg must be the text Graphviz drew, got {type(svg).__name__}")
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as error:
        raise OptionError(f"the svg is not well-formed XML: {error}") from None
    if root.tag != f"{_SVG_NAMESPACE}svg":
        raise OptionError(f"the svg's root element is {root.tag}, not an SVG <svg>")
    ids = set()
    for element in root.iter():
        local = element.tag.rpartition("}")[2]
        if not element.tag.startswith(_SVG_NAMESPACE) or local not in _SAFE_ELEMENTS:
            raise OptionError(f"the svg holds a <{local}> element, which a diagram drawn by argmap never has")
        for attribute in element.attrib:
            name = attribute.rpartition("}")[2].lower()
            if name.startswith("on") or name == "href":
                raise OptionError(f"the svg has a {name} attribute, which a diagram drawn by argmap never has")
        ids.add(element.get("id"))
    for claim in amap.claims:
        if node_id(claim.id) not in ids:
            raise OptionError(
                f"the svg has no node for claim {claim.id!r}: draw it from to_dot(amap, options.dot_options)"
            )
    body = svg[svg.index("<svg") :]
    if "<![CDATA[" in body or "<?" in body:
        raise OptionError("the svg holds a CDATA section or processing instruction, which Graphviz never writes")
    return _TITLE.sub("", _COMMENT.sub("", body)).strip() + "\n"


def _drop_empty(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None and value != [] and value != ()}


def _source(source: Source) -> dict[str, Any]:
    return _drop_empty({"name": source.name, "kind": source.kind, "affiliation": source.affiliation, "url": source.url})


def _claim(claim: Claim) -> dict[str, Any]:
    fields: dict[str, Any] = {"id": claim.id, "node": node_id(claim.id), "text": claim.text}
    if claim.attribution is not None:
        fields["attribution"] = _attribution(claim.attribution)
        if claim.further_attributions:  # the other parties who said it, each shown as the first is
            fields["further"] = [_attribution(each) for each in claim.further_attributions]
    fields |= {"qualifier": claim.qualifier, "tags": list(claim.tags), "note": claim.note, "document": claim.document}
    return _drop_empty(fields)


def _attribution(attribution: Attribution) -> dict[str, Any]:
    return _drop_empty(
        {
            "said": attribution.line(),
            "source": attribution.source.id,
            "via": [source.id for source in attribution.via],
            "medium": attribution.medium,
            "quote": attribution.quote,
            "date": attribution.date,
            "url": attribution.url,
        }
    )


def _relation(relation: Relation) -> dict[str, Any]:
    origins, target = endpoints(relation)
    fields = {"id": relation.id, "kind": _KINDS[type(relation)], "from": list(origins), "to": target}
    if isinstance(relation, SkepticalResponse):
        fields["stance"] = relation.stance
    elif relation.label is not None:
        fields["label"] = relation.label
    return fields


def _data(amap: ArgumentMap, options: HtmlOptions) -> dict[str, Any]:
    """Return what the page's script needs, as plain data: the map, every source, the verdicts."""
    sources = {source.id: _source(source) for source in amap.sources}
    for claim in amap.claims:  # sources named only in an attribution
        for attribution in claim.attributions:
            for source in attribution.sources:
                sources.setdefault(source.id, _source(source))
    documents = {
        document.id: _drop_empty(
            {
                "title": document.title,
                "author": document.author,
                "publication": document.publication,
                "date": document.date,
                "url": document.url,
            }
        )
        for document in amap.documents
    }
    verdicts = marks = None
    if options.verdicts is not None:
        verdicts = {
            id: {"status": verdict.status, "reason": verdict.reason} for id, verdict in options.verdicts.items()
        }
        marks = {status: entry.mark for status, entry in STATUSES.items()}
    return _drop_empty(
        {
            "map": _drop_empty(amap.metadata),
            "claims": [_claim(claim) for claim in amap.claims],
            "relations": [_relation(relation) for relation in amap.relations],
            "sources": sources,
            "documents": documents,
            "verdicts": verdicts,
            "marks": marks,
            "semantics": options.semantics,
        }
    )


# ------------------------------------------------------------------ the page's fixed parts

_CONTROLS = """\
<div class="search" role="search">
<label for="argmap-search" class="visually-hidden">Search the claims</label>
<input id="argmap-search" type="search" placeholder="Search claims" autocomplete="off" \
aria-describedby="argmap-count">
<button type="button" id="argmap-previous" aria-label="Previous match" title="Previous match (Shift+Enter)">↑</button>
<button type="button" id="argmap-next" aria-label="Next match" title="Next match (Enter)">↓</button>
<span id="argmap-count" class="count" aria-live="polite"></span>
</div>
<div class="zoom" role="group" aria-label="Zoom">
<button type="button" id="argmap-zoom-out" aria-label="Zoom out" title="Zoom out (-)">&minus;</button>
<button type="button" id="argmap-zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
<button type="button" id="argmap-fit" title="Fit the whole map in view (0)">Fit</button>
</div>
"""

_STATUS_TOGGLE = """\
<label class="toggle"><input type="checkbox" id="argmap-statuses" checked> Status colours</label>
"""

_PANEL = """\
<aside id="argmap-panel" class="panel" aria-labelledby="argmap-panel-title" hidden>
<button type="button" id="argmap-close" class="close" aria-label="Close the panel (Esc)" \
title="Close (Esc)">&times;</button>
<div id="argmap-panel-body"></div>
</aside>
"""

_ARROW = '<polygon points="36,3 46,8 36,13" fill="{colour}"/>'
_OPEN_ARROW = '<polygon points="36,3.5 45,8 36,12.5" fill="#FFFFFF" stroke="{colour}" stroke-width="1.5"/>'
_BAR = '<line x1="45" y1="2" x2="45" y2="14" stroke="{colour}" stroke-width="2.5"/>'
_SAMPLES: dict[str, tuple[str, str]] = {
    "support": (
        '<line x1="2" y1="8" x2="37" y2="8" stroke="{support}" stroke-width="1.5"/>'
        + _ARROW.format(colour="{support}"),
        "support: a reason for the claim it points to",
    ),
    "linked": (
        '<line x1="2" y1="2" x2="20" y2="8" stroke="{support}" stroke-width="1.5"/>'
        '<line x1="2" y1="14" x2="20" y2="8" stroke="{support}" stroke-width="1.5"/>'
        '<circle cx="20" cy="8" r="3" fill="{support}"/>'
        '<line x1="20" y1="8" x2="37" y2="8" stroke="{support}" stroke-width="1.5"/>'
        + _ARROW.format(colour="{support}"),
        "linked support: premises that are a reason only together",
    ),
    "rebuttal": (
        '<line x1="2" y1="8" x2="44" y2="8" stroke="{attack}" stroke-width="2.5"/>' + _BAR.format(colour="{attack}"),
        "rebuttal: says the claim it points to is false",
    ),
    "undercut": (
        '<line x1="2" y1="4" x2="37" y2="4" stroke="{support}" stroke-width="1.5"/>'
        '<polygon points="36,0.5 44,4 36,7.5" fill="{support}"/><circle cx="20" cy="4" r="3" fill="{support}"/>'
        '<line x1="20" y1="16" x2="20" y2="8" stroke="{attack}" stroke-width="2.5"/>'
        '<line x1="15" y1="8.5" x2="25" y2="8.5" stroke="{attack}" stroke-width="2.5"/>',
        "undercut: says a reason does not support its conclusion",
    ),
    "skeptical_response": (
        '<line x1="2" y1="8" x2="36" y2="8" stroke="{skeptical_response}" stroke-width="1.8" stroke-dasharray="5 3"/>'
        + _OPEN_ARROW.format(colour="{skeptical_response}"),
        "skeptical response ({stances}): contests the claim without asserting its contrary",
    ),
}


def _legend(amap: ArgumentMap, options: HtmlOptions) -> str:
    """Return the page's legend, closed until opened: what the map uses, the statuses its claims have, the keys."""
    relations = amap.relations
    used = {_KINDS[type(relation)] for relation in relations}
    if any(len(support.premises) > 1 for support in amap.supports):
        used.add("linked")
    if not any(len(support.premises) == 1 for support in amap.supports):
        used.discard("support")
    rows = ['<li><span class="sample-claim">Claim</span> who said it, in smaller type beneath</li>']
    if drawn_as_main(amap):
        rows.append('<li><span class="sample-claim main">Main conclusion</span> where the argument ends</li>')
    colours = {name: PALETTE[name] for name in ("support", "attack", "skeptical_response")}
    stances = dict.fromkeys(relation.stance for relation in relations if isinstance(relation, SkepticalResponse))
    for kind, (drawing, meaning) in _SAMPLES.items():
        if kind in used:
            if kind == "skeptical_response":
                meaning = meaning.format(stances=", ".join(f"“? {stance}”" for stance in stances))
            sample = drawing.format(**colours)
            rows.append(
                f'<li><svg class="sample" viewBox="0 0 48 16" width="48" height="16" aria-hidden="true">{sample}</svg>'
                f" {escape(meaning)}</li>"
            )
    verdicts = options.verdicts or {}
    if verdicts:
        semantics = f" ({_text(options.semantics)} semantics)" if options.semantics else ""
        claims = {claim.id for claim in amap.claims}
        present = {verdict.status for id, verdict in verdicts.items() if id in claims}
        samples = " ".join(
            f'<span class="sample-claim status-{status}"><span class="badge">{entry.mark}</span> {status}</span>'
            f" {entry.meaning}"
            for status, entry in STATUSES.items()
            if status in present
        )
        rows.append(f'<li class="legend-heading">Status{semantics}</li>')
        rows.append(f'<li class="statuses">{samples}</li>')
        fallen = {verdict.status for id, verdict in verdicts.items() if id not in claims}
        for status, dashes in _RELATION_DASHES.items():
            if status in fallen:
                entry = STATUSES[status]
                rows.append(
                    '<li><svg class="sample" viewBox="0 0 48 16" width="48" height="16" aria-hidden="true">'
                    f'<line x1="2" y1="8" x2="37" y2="8" stroke="{PALETTE["muted"]}" stroke-width="1.5"'
                    f' stroke-dasharray="{dashes}"/>{_ARROW.format(colour=PALETTE["muted"])}</svg>'
                    f" <b>{entry.mark}</b> relation {entry.meaning}</li>"
                )
    return (
        '<details class="legend">\n<summary>Legend</summary>\n<ul>\n'
        + "\n".join(rows)
        + "\n</ul>\n"
        + '<p class="keys">Drag to move, wheel or pinch to zoom. <kbd>Tab</kbd> moves through the claims, '
        "<kbd>Enter</kbd> opens one, <kbd>Esc</kbd> closes it; <kbd>/</kbd> searches.</p>\n</details>\n"
    )


_RELATION_DASHES: dict[Status, str] = {"rejected": "1.5 2.5", "undecided": "5 3"}
"""How the page's legend draws a relation that falls (dotted) or is left open (dashed), as the diagram does."""
