"""The legend drawn into a diagram: one small table at its foot, naming only what the map uses.

It is a single HTML-like table, so that it takes no rank, edge or box among
the map's and adds one or two rows of small type: the kinds of relation the
map has, each drawn as a short run of its line and head in its colour; the
stances of its skeptical responses; a main conclusion's box if the map has
one; and, under evaluation, the statuses its claims have and what a fallen or
open relation looks like, in one row. :func:`legend` returns the table; the
DOT renderer makes it the graph's label, at the foot, left-aligned.
"""

from __future__ import annotations

import math
import re

from argmap.map import ArgumentMap
from argmap.model import Rebuttal, Relation, SkepticalResponse, Support, Undercut
from argmap.render._quoting import html
from argmap.render.grammar import LABEL_COLOURS, PALETTE, RELATION_VERDICTS, ClaimStyle

__all__ = ["legend", "size"]

_SIZE = 11
_LIGHT, _HEAVY, _DASHED, _DOTTED = "─", "━", "╌", "·"  # lines drawn in characters: light, heavy, dashed, dotted
_SAMPLES: dict[str, tuple[type[Relation], str, str]] = {
    # kind: (colour of, the line drawn in characters, the words)
    "support": (Support, f"{_LIGHT * 3}▶", "support"),
    "linked": (Support, f"⟩●{_LIGHT * 2}▶", "linked support"),
    "rebuttal": (Rebuttal, f"{_HEAVY * 3}┫", "rebuttal"),
    "undercut": (Undercut, f"{_HEAVY * 2}┫●", "undercut (on the dot of a support)"),
    "skeptical_response": (SkepticalResponse, f"{_DASHED * 3}▷", ""),
}


def _cell(text: str, *, align: str = "LEFT") -> str:
    return f'<TD ALIGN="{align}">{text}</TD>'


def _sample(kind: str) -> str:
    relation, drawn, _ = _SAMPLES[kind]
    return _cell(f'<FONT COLOR="{LABEL_COLOURS[relation]}">{drawn}</FONT>', align="RIGHT")


def _box(text: str, style: ClaimStyle | None, *, main: bool = False, plain: bool = False) -> str:
    """Return a cell drawn like a claim's box: its fill (*plain*: the plain one), border and border style."""
    tint = PALETTE["conclusion"] if main and not plain else PALETTE["fill"]
    fill = (style.fill if style is not None else None) or tint
    border = (style.border if style is not None else None) or PALETTE["border"]
    width = 2 if main or (style is not None and style.border_style == "bold") else 1
    line = style.border_style if style is not None and style.border_style in ("dashed", "dotted") else ""
    shape = "rounded," + line if line else "rounded"
    return (
        f'<TD BORDER="{width}" STYLE="{shape}" COLOR="{border}" BGCOLOR="{fill}" CELLPADDING="3">'
        f"{f'<B>{text}</B>' if main else text}</TD>"
    )


def _row(cells: list[str]) -> str:
    table = f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1" ALIGN="LEFT"><TR>{"".join(cells)}</TR></TABLE>'
    return f'<TR><TD ALIGN="LEFT">{table}</TD></TR>'


def _width(cells: list[str]) -> float:
    """Return the estimated width of *cells*, in points: their characters at 11 points, and each cell's padding."""
    text = re.sub(r"&[a-z#0-9]+;", "x", re.sub(r"<[^>]*>", "", "".join(cells)))
    return len(text) * _SIZE * 0.55 + len(cells) * 8


_GAP = "\u2003\u2003"  # two em spaces between entries of one line


def _lines(entries: list[str], limit: float) -> list[list[str]]:
    """Return *entries* (text) in lines no wider than *limit* (each line holds one at least)."""
    lines: list[list[str]] = []
    for entry in entries:
        if lines and _width([*lines[-1], entry]) > limit:
            lines.append([])
        if not lines:
            lines.append([])
        lines[-1].append(entry)
    return lines


def _flowed(entries: list[list[str]], limit: float, heading: list[str] | None = None) -> list[list[str]]:
    """Return *entries* in rows no wider than *limit* (each row holds one at least), after *heading*."""
    rows: list[list[str]] = [list(heading or [])]
    for entry in entries:
        if rows[-1] and _width(rows[-1]) + _width(entry) > limit:
            rows.append([])
        rows[-1] += entry
    return [row for row in rows if row]


def legend(
    amap: ArgumentMap,
    extra: tuple[tuple[str, ClaimStyle], ...] = (),
    *,
    main: bool,
    verdicts: frozenset[str] = frozenset(),
    width: float = math.inf,
) -> str:
    """Return the legend of *amap* as an HTML-like table; ``""`` when there is nothing to explain.

    Args:
        amap: the map drawn.
        extra: what a style hook's styles mean, as ``(label, ClaimStyle)`` pairs
            (:attr:`~argmap.render.dot.DotOptions.extra_legend`), each drawn as a sample claim.
        main: whether the drawing has a main conclusion.
        verdicts: the statuses of relations drawn apart (``rejected``, ``undecided``).
        width: how wide, in points, a row may grow before the next entry starts another;
            the hook's styles always share one row.
    """
    relations = amap.relations
    kinds = {type(relation) for relation in relations}
    used = [
        kind
        for kind, present in (
            ("support", any(isinstance(r, Support) and len(r.premises) == 1 for r in relations)),
            ("linked", any(isinstance(r, Support) and len(r.premises) > 1 for r in relations)),
            ("rebuttal", Rebuttal in kinds),
            ("undercut", Undercut in kinds),
            ("skeptical_response", SkepticalResponse in kinds),
        )
        if present
    ]
    first: list[str] = []  # text, not cells: Graphviz spreads a row's cells over the widest row's width
    for kind in used:
        words = _SAMPLES[kind][2]
        if kind == "skeptical_response":
            stances = dict.fromkeys(r.stance for r in relations if isinstance(r, SkepticalResponse))
            words = ", ".join(f"? {stance}" for stance in stances) + " (skeptical response)"
            words = f"<I>{html(words)}</I>"
        relation, drawn, _ = _SAMPLES[kind]
        first.append(f'<FONT COLOR="{LABEL_COLOURS[relation]}">{drawn}</FONT> {words}')
    styles: list[str] = []
    for label, style in extra:
        styles += [_box(html(style.badge or "claim"), style), _cell(html(label))]
    fallen: list[list[str]] = []
    for status in ("rejected", "undecided"):
        if status in verdicts:
            line, mark, word = RELATION_VERDICTS[status]
            drawn = (f"{_DOTTED} " * 4 if line == "dotted" else _DASHED * 3) + "▶"
            fallen.append(
                [
                    _cell(f'<FONT COLOR="{PALETTE["muted"]}">{drawn}</FONT> <B>{mark}</B>', align="RIGHT"),
                    _cell(f"relation {word}"),
                ]
            )
    if not first and not styles and not fallen:
        return ""
    heading = [_cell(f'<B><FONT COLOR="{PALETTE["muted"]}">Legend</FONT></B>')]
    if main:
        # Under a style hook (statuses) a main conclusion takes the hook's fill and keeps its heavier border:
        # the sample shows that border on the plain fill, not the tint the hook replaces.
        heading.append(_box("main conclusion", None, main=True, plain=bool(extra)))
    lines = [_cell(_GAP.join(line)) for line in _lines(first, width - _width(heading))]
    rows: list[list[str]] = [[*heading, lines[0]], *([line] for line in lines[1:])] if lines else [heading]
    if styles or fallen:
        rows += _flowed(fallen, width, styles)
    return (
        f'<FONT POINT-SIZE="{_SIZE}"><TABLE BORDER="1" STYLE="rounded" COLOR="{PALETTE["muted"]}" CELLBORDER="0"'
        f' CELLSPACING="0" CELLPADDING="2" BGCOLOR="{PALETTE["fill"]}">{"".join(map(_row, rows))}</TABLE></FONT>'
    )


def size(table: str) -> tuple[float, float]:
    """Return the estimated width and height of a legend table, in points."""
    rows = re.findall(r'<TR><TD ALIGN="LEFT"><TABLE[^>]*><TR>(.*?)</TR></TABLE>', table)
    return max((_width(re.findall(r"<TD.*?</TD>", row)) for row in rows), default=0.0), 24.0 * len(rows) + 8.0
