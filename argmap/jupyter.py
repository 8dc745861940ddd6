"""Notebook display: how maps, evaluations, outlines, problems and frameworks show themselves in Jupyter.

In a notebook, a value on the last line of a cell shows itself:

- an :class:`~argmap.map.ArgumentMap` as its diagram (SVG), laid out by
  Graphviz only then, with the same engines the CLI tries (the system
  ``dot``, then ``graphviz-pure``); without either, one line says why;
- an :class:`~argmap.evaluate.Evaluation` as a table of claims and
  relations with status and reason; a :func:`~argmap.check.check` result
  as a table of severities, codes and messages; an
  :func:`~argmap.render.outline.outline` as Markdown (``markdown`` style)
  or as text; a :class:`~argmap.semantics.Framework` as its size and, when
  small, a drawing;
- :func:`page` gives the interactive page, and :func:`diagram` a diagram
  with options (coloured by an evaluation, say).

Big values stay quick to show: a table shows its first :data:`ROWS` rows,
an outline its first :data:`OUTLINE_LINES` lines, and a map of more than
:data:`DIAGRAM_LIMIT` claims is not drawn unless asked, each saying so.

How it is wired: showing a map takes Graphviz (:mod:`argmap.drawing`,
over :mod:`argmap.engine`), which sits above the core, and the core imports
nothing above itself. So each core type's ``_repr_mimebundle_`` asks the
leaf hook :func:`argmap._display.bundle`, and this module, above the
drawing, registers there how each type is shown. ``argmap/__init__.py``
has the hook import it when a first value is shown
(:func:`argmap._display.register_later`), not at ``import argmap``: it
brings the renderers of the page and the outline, which a program that
shows nothing, and ``argmap render -f dot``, never need. It never imports
IPython, and the drawing, which brings ``subprocess``, threads,
``concurrent.futures`` and ``logging`` (19 ms over the 94 ms of
``import argmap``, the least of 15 runs of ``python -X importtime``), is
imported by the three functions that run Graphviz, when a first diagram is
shown: a deferred import for start-up time, not to dodge a cycle (this
module sits above the drawing).

The page is embedded as an ``<iframe srcdoc=...>`` sandboxed to run its
own scripts only (no same-origin access): the whole page travels inside
the notebook's output, so a saved notebook shows it offline, and two pages
in one notebook share no script, style or id.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import islice
from typing import TYPE_CHECKING

import attrs

from argmap._display import Bundle, MimeTypes, bundle
from argmap.check import Problem, Problems
from argmap.errors import EngineError, EngineNotFoundError, OptionError
from argmap.evaluate import STATUSES, Evaluation, Status
from argmap.map import ArgumentMap
from argmap.model import Claim, Rebuttal, Relation, SkepticalResponse, Support, Undercut
from argmap.render.dot import DotOptions
from argmap.render.framework import framework_dot
from argmap.render.html import HtmlOptions
from argmap.render.outline import Outline
from argmap.render.status import by_status
from argmap.semantics import Framework

if TYPE_CHECKING:
    from argmap.engine import EngineName

__all__ = [
    "DIAGRAM_LIMIT",
    "FRAMEWORK_LIMIT",
    "OUTLINE_LINES",
    "PAGE_HEIGHT",
    "ROWS",
    "Diagram",
    "Page",
    "diagram",
    "page",
]

DIAGRAM_LIMIT = 1_000
"""The most claims a map shown in a cell is drawn with: above it, one line says how to draw it anyway.

Up to this size Graphviz lays a map out whole in a few seconds (see
:mod:`argmap.render.layout`); a bigger one takes longer and is unreadable
at a notebook's width.
"""

ROWS = 50
"""The rows a table of verdicts or problems shows; a note says how many more there are."""

OUTLINE_LINES = 200
"""The lines of an outline a cell shows; a note says how many more there are."""

FRAMEWORK_LIMIT = 60
"""The most arguments a framework shown in a cell is drawn with; a bigger one shows its size only."""

PAGE_HEIGHT = 640
"""The height, in CSS pixels, of the frame an interactive page is shown in."""

_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
_KINDS: dict[type[Relation], str] = {
    Support: "support",
    Rebuttal: "rebuttal",
    Undercut: "undercut",
    SkepticalResponse: "skeptical response",
}
_TABLE_STYLE = "border-collapse:collapse;text-align:left;vertical-align:top"
_CELL_STYLE = "text-align:left;vertical-align:top;padding:2px 8px"


def diagram(
    amap: ArgumentMap,
    options: DotOptions | None = None,
    *,
    evaluation: Evaluation | None = None,
    engine: EngineName = "auto",
    limit: int | None = DIAGRAM_LIMIT,
) -> Diagram:
    """Return *amap*'s diagram, to show in a notebook; Graphviz lays it out only when it is shown.

    Args:
        amap: the map.
        options: how to draw it (:class:`~argmap.render.dot.DotOptions`).
        evaluation: colour each claim by its status in this evaluation of *amap*.
        engine: which Graphviz program to run, as for the CLI's ``--engine``.
        limit: draw no map of more claims than this (``None``: draw any,
            a big one in packed parts, as ``argmap render`` does).
    """
    if evaluation is not None:
        options = by_status(evaluation, options)
    return Diagram(amap, options, engine=engine, limit=limit)


def page(
    amap: ArgumentMap,
    options: HtmlOptions | None = None,
    *,
    evaluation: Evaluation | None = None,
    engine: EngineName = "auto",
    limit: int | None = DIAGRAM_LIMIT,
    height: int = PAGE_HEIGHT,
) -> Page:
    """Return *amap*'s interactive page, to show in a notebook; Graphviz lays it out only when it is shown.

    The page is the one ``argmap render -f html`` writes: pan, zoom, search,
    and each claim's sources in a side panel.

    Args:
        amap: the map.
        options: how to make the page (:class:`~argmap.render.html.HtmlOptions`).
        evaluation: show each claim's status and reason from this evaluation of *amap*.
        engine: which Graphviz program to run.
        limit: draw no map of more claims than this (``None``: draw any).
        height: the height of the frame, in CSS pixels.

    Raises:
        OptionError: the evaluation (or the options' verdicts) judges an element the map does not have.
    """
    options = options or HtmlOptions()
    if evaluation is not None:
        options = attrs.evolve(options, verdicts=evaluation.verdicts, semantics=evaluation.semantics)
    for id in options.verdicts or ():
        if id not in amap:  # said now, not in a traceback when the page is shown
            raise OptionError(f"the evaluation judges {id!r}, which is no claim or relation of this map")
    return Page(amap, options, engine=engine, limit=limit, height=height)


class Diagram:
    """A map's diagram as a notebook shows it (see :func:`diagram`).

    Diagram and :class:`Page` are plain classes: an attrs class costs
    half a millisecond to define, paid by every first value shown.

    Args:
        amap: the map.
        options: how to draw it.
        engine: which Graphviz program to run.
        limit: draw no map of more claims than this (``None``: any).
    """

    __slots__ = ("amap", "engine", "limit", "options")

    def __init__(
        self,
        amap: ArgumentMap,
        options: DotOptions | None = None,
        *,
        engine: EngineName = "auto",
        limit: int | None = DIAGRAM_LIMIT,
    ) -> None:
        self.amap = amap
        self.options = options or DotOptions()
        self.engine: EngineName = engine
        self.limit = limit

    def __repr__(self) -> str:
        return f"<diagram of {self.amap!r}>"

    @property
    def svg(self) -> str:
        """Return the diagram as SVG, laying it out now.

        Raises:
            EngineNotFoundError, EngineError: as :func:`argmap.drawing.draw` does.
        """
        from argmap.drawing import draw  # not at import: see the module's docstring

        return draw(self.amap, "svg", options=self.options, engine=self.engine).decode("utf-8")

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        text = repr(self.amap)
        refusal = _refusal(self.amap, self.limit, "draw")
        if refusal is not None:
            return {"text/plain": f"{text}: {refusal}"}
        if not _wanted("image/svg+xml", include, exclude):
            return {"text/plain": text}
        try:
            return {"image/svg+xml": self.svg, "text/plain": text}
        except (EngineNotFoundError, EngineError) as error:
            return {"text/plain": f"{text}: no diagram: {error}"}


class Page:
    """A map's interactive page as a notebook shows it: in a sandboxed frame (see :func:`page`).

    Args:
        amap: the map.
        options: how to make the page.
        engine: which Graphviz program to run.
        limit: draw no map of more claims than this (``None``: any).
        height: the height of the frame, in CSS pixels.
    """

    __slots__ = ("amap", "engine", "height", "limit", "options")

    def __init__(
        self,
        amap: ArgumentMap,
        options: HtmlOptions | None = None,
        *,
        engine: EngineName = "auto",
        limit: int | None = DIAGRAM_LIMIT,
        height: int = PAGE_HEIGHT,
    ) -> None:
        self.amap = amap
        self.options = options or HtmlOptions()
        self.engine: EngineName = engine
        self.limit = limit
        self.height = height

    def __repr__(self) -> str:
        return f"<page of {self.amap!r}>"

    @property
    def html(self) -> str:
        """Return the page, a whole HTML document, laying the diagram out now.

        Raises:
            EngineNotFoundError, EngineError: as :func:`argmap.drawing.draw` does.
        """
        from argmap.drawing import draw  # not at import: see the module's docstring

        return draw(self.amap, "html", options=self.options, engine=self.engine).decode("utf-8")

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        text = repr(self)
        refusal = _refusal(self.amap, self.limit, "make a page of")
        if refusal is not None:
            return {"text/plain": f"{text}: {refusal}"}
        if not _wanted("text/html", include, exclude):
            return {"text/plain": text}
        try:
            document = self.html
        except (EngineNotFoundError, EngineError) as error:
            return {"text/plain": f"{text}: no page: {error}"}
        title = escape(self.amap.title or "Argument map")
        frame = (
            f'<iframe title="{title}" sandbox="{_SANDBOX}" referrerpolicy="no-referrer" '
            f'style="width:100%;height:{self.height}px;border:1px solid #ccc" '
            f'srcdoc="{escape(document)}"></iframe>'
        )
        return {"text/html": frame, "text/plain": text}


def _refusal(amap: ArgumentMap, limit: int | None, verb: str) -> str | None:
    """Return why *amap* is not drawn in a cell (empty, or too big), or ``None`` when it is."""
    claims = len(amap.claims)
    if claims == 0:
        return "an empty map, nothing to draw"
    if limit is not None and claims > limit:
        return (
            f"not drawn, as it has more than {limit:,} claims: argmap.jupyter.diagram(m, limit=None) "
            f"would {verb} it all, or draw a part with argmap render --focus"
        )
    return None


def _wanted(mime: str, include: MimeTypes, exclude: MimeTypes) -> bool:
    """Tell whether a front end wants *mime*: asked for (or no list given) and not refused."""
    return (include is None or mime in include) and (exclude is None or mime not in exclude)


# ------------------------------------------------------------ the core's values


@bundle.register(ArgumentMap)  # by class, not annotation: no type hints evaluated at import
def _map(amap: ArgumentMap, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    return Diagram(amap)._repr_mimebundle_(include, exclude)


@bundle.register(Evaluation)  # by class, not annotation: no type hints evaluated at import
def _evaluation(evaluation: Evaluation, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    text = repr(evaluation)
    if not _wanted("text/html", include, exclude):
        return {"text/plain": text}
    rows = [_verdict_row(evaluation, id) for id in islice(evaluation.verdicts, ROWS)]
    table = _table(
        escape(text[1:-1]),
        ["id", "claim or relation", "status", "reason"],
        rows,
        len(evaluation.verdicts),
        "evaluation.verdicts holds every verdict",
    )
    return {"text/html": table, "text/plain": text}


def _verdict_row(evaluation: Evaluation, id: str) -> list[tuple[str, str]]:
    verdict = evaluation.verdicts[id]
    element = evaluation.elements.get(id)
    if isinstance(element, Claim):
        what = escape(element.text)
    elif element is not None:
        what = f"<em>{_KINDS[type(element)]}</em>"
    else:
        what = ""
    return [
        (f"<code>{escape(id)}</code>", ""),
        (what, ""),
        (escape(STATUSES[verdict.status].badge), f"background:{STATUSES[verdict.status].fill};white-space:nowrap"),
        (escape(_after_status(verdict.reason, verdict.status)), "min-width:14em"),
    ]


def _after_status(reason: str, status: Status) -> str:
    """Return *reason* without the status it starts with, which the table shows beside it."""
    return reason[len(status) :].lstrip(": ") if reason.startswith(status) else reason


@bundle.register(Problems)  # by class, not annotation: no type hints evaluated at import
def _problems(problems: Problems, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    text = _problems_text(problems)
    if not _wanted("text/html", include, exclude):
        return {"text/plain": text}
    if not problems:
        return {"text/html": "<p>No problems found.</p>", "text/plain": text}
    rows = [_problem_row(problem) for problem in islice(problems, ROWS)]
    table = _table(
        escape(text.partition("\n")[0]),
        ["severity", "code", "message", "elements"],
        rows,
        len(problems),
        "the list holds every problem",
    )
    return {"text/html": table, "text/plain": text}


def _problems_text(problems: Sequence[Problem]) -> str:
    """Return a summary line, then each problem on a line of its own, the first :data:`ROWS` of them."""
    if not problems:
        return "No problems found."
    errors = sum(problem.severity == "error" for problem in problems)
    counts = [_plural(errors, "error"), _plural(len(problems) - errors, "warning")]
    lines = [f"{_plural(len(problems), 'problem')}: {', '.join(counts)}"]
    lines.extend(str(problem) for problem in islice(problems, ROWS))
    if len(problems) > ROWS:
        lines.append(f"… and {len(problems) - ROWS:,} more")
    return "\n".join(lines)


def _problem_row(problem: Problem) -> list[tuple[str, str]]:
    weight = "font-weight:bold" if problem.severity == "error" else ""
    return [
        (escape(problem.severity), weight),
        (f"<code>{escape(problem.code)}</code>", ""),
        (escape(problem.message), ""),
        (", ".join(f"<code>{escape(id)}</code>" for id in problem.elements), ""),
    ]


@bundle.register(Outline)  # by class, not annotation: no type hints evaluated at import
def _outline(outline: Outline, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    lines = outline.splitlines()
    shown = "\n".join(lines[:OUTLINE_LINES]) + "\n"
    if len(lines) > OUTLINE_LINES:
        more = f"{len(lines) - OUTLINE_LINES:,} more lines; print() the outline to see them all"
        shown += f"\n*… {more}.*\n" if outline.style == "markdown" else f"… {more}\n"
    if outline.style == "markdown" and _wanted("text/markdown", include, exclude):
        return {"text/markdown": shown, "text/plain": shown}
    return {"text/plain": shown}


@bundle.register(Framework)  # by class, not annotation: no type hints evaluated at import
def _framework(framework: Framework, include: MimeTypes, exclude: MimeTypes) -> Bundle:
    text = repr(framework)
    if len(framework) > FRAMEWORK_LIMIT:
        return {"text/plain": f"{text}: not drawn, as it has more than {FRAMEWORK_LIMIT} arguments"}
    if not len(framework) or not _wanted("image/svg+xml", include, exclude):
        return {"text/plain": text}
    from argmap.engine import pipe  # not at import: see the module's docstring

    try:
        svg = pipe(framework_dot(framework), "svg").decode("utf-8")
    except (EngineNotFoundError, EngineError) as error:
        return {"text/plain": f"{text}: no drawing: {error}"}
    return {"image/svg+xml": svg, "text/plain": text}


# ------------------------------------------------------------------- tables


_SORT = escape(
    "(function(th){var body=th.closest('table').tBodies[0],i=th.cellIndex,"
    "up=th.getAttribute('data-sorted')!=='up';th.setAttribute('data-sorted',up?'up':'down');"
    "Array.prototype.slice.call(body.rows).sort(function(a,b){"
    "var order=a.cells[i].textContent.localeCompare(b.cells[i].textContent,undefined,{numeric:true});"
    "return up?order:-order}).forEach(function(row){body.appendChild(row)})})(this)"
)
"""Sorts a table by the column whose heading is clicked, again to reverse: inline, so it touches no other
output, and only where the front end runs a trusted output's handlers (an untrusted notebook strips it)."""


def _table(caption: str, headings: list[str], rows: list[list[tuple[str, str]]], total: int, where: str) -> str:
    """Return an HTML table with *caption*; each cell is (HTML, CSS); a note says when rows were left out."""
    head = "".join(
        f'<th style="{_CELL_STYLE};cursor:pointer" title="Sort by {heading}" onclick="{_SORT}">{heading}</th>'
        for heading in headings
    )
    body = "".join(
        "<tr>" + "".join(f'<td style="{_CELL_STYLE};{style}">{cell}</td>' for cell, style in row) + "</tr>"
        for row in rows
    )
    note = ""
    if total > len(rows):
        note = f"<p><em>Showing the first {len(rows):,} of {total:,} rows; {escape(where)}.</em></p>"
    return (
        f'<table style="{_TABLE_STYLE}"><caption style="text-align:left">{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
