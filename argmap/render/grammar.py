r"""The visual grammar: how each element of a map is drawn, shared by the diagram and its legend.

- a claim is a rounded box, its text wrapped to a set width, its qualifier in
  italics and its attribution in a smaller, muted line under it
  ("— Jeremy Scahill (The Nation) · tweet", each step of a chain its own "via");
- a main conclusion (a claim that supports, attacks and answers nothing) has
  bold text, a heavier border and a tinted fill;
- a support is a solid blue arrow with a filled head; a linked support joins
  its premises at one junction dot before its arrow;
- a rebuttal is a heavier vermilion line ending in a bar (⊣);
- an undercut is a rebuttal's line ending in its bar on the junction dot of the support it attacks;
- a skeptical response is a dashed purple line with an open head, labelled
  "? sarcasm", "? doubt": it contests, but asserts no counter-claim; one that answers an
  inference ends on the support's line past its junction dot, so that it
  never meets an undercut of the same support;
- under evaluation, a relation that falls is dotted and marked ✗ at its
  head, one that the map leaves open is dashed and marked ○.

Colours come from the Okabe-Ito palette, which readers with any common
colour-vision deficiency can tell apart, and colour is never the only
signal: each kind of relation also differs in line, head or label, and a
:class:`ClaimStyle` that sets a colour must also set a border style or a badge.

>>> claim_label(Claim("Drones fly on."), wrap=36, attributions=True, main=False)
'Drones fly on.<BR ALIGN="LEFT"/>'
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Literal, TypeAlias, get_args

import attrs

from argmap.errors import OptionError
from argmap.evaluate import STATUSES
from argmap.model import Claim, Rebuttal, Relation, SkepticalResponse, Support, Undercut
from argmap.render._quoting import html, wrap

__all__ = [
    "ARROWHEADS",
    "BORDER_STYLES",
    "BR",
    "EDGE_STYLES",
    "LABEL_COLOURS",
    "PALETTE",
    "RELATION_COLOURS",
    "RELATION_VERDICTS",
    "BorderStyle",
    "ClaimStyle",
    "claim_attributes",
    "claim_label",
    "lines",
    "relation_verdict",
]

BorderStyle: TypeAlias = Literal["solid", "dashed", "dotted", "bold"]
"""How a claim's border is drawn."""

BORDER_STYLES: tuple[BorderStyle, ...] = get_args(BorderStyle)


class _Palette(dict[str, str]):
    """The palette: a dict that still answers to the old name of the skeptical responses' colour, with a warning."""

    def __missing__(self, key: str) -> str:
        if key == "doubt":
            warnings.warn('PALETTE["doubt"] is now PALETTE["skeptical_response"]', DeprecationWarning, stacklevel=2)
            return self["skeptical_response"]
        raise KeyError(key)


PALETTE: dict[str, str] = _Palette(
    {
        "support": "#0072B2",  # Okabe-Ito blue
        "attack": "#D55E00",  # Okabe-Ito vermilion: rebuttals and undercuts
        "skeptical_response": "#CC79A7",  # Okabe-Ito reddish purple
        "text": "#1A1A1A",
        "muted": "#595959",  # attributions, qualifiers, frames: 7:1 against white
        "border": "#4D4D4D",
        "fill": "#FFFFFF",
        "conclusion": "#E3EEF8",  # a tint of the support blue
        "frame": "#F5F5F5",
    }
)
"""The colours of the visual grammar, by role."""

RELATION_COLOURS: dict[type[Relation], str] = {
    Support: PALETTE["support"],
    Rebuttal: PALETTE["attack"],
    Undercut: PALETTE["attack"],
    SkepticalResponse: PALETTE["skeptical_response"],
}

LABEL_COLOURS: dict[type[Relation], str] = {
    Support: PALETTE["support"],  # 5.2:1 against white
    Rebuttal: "#B34700",  # the vermilion, darkened to 5.5:1: the line's own 3.9:1 is too light for text
    Undercut: "#B34700",
    SkepticalResponse: "#A04D82",  # the purple, darkened from 3.1:1 to 5.4:1
}
"""The colour of each relation's label: its line's hue, dark enough for text to pass WCAG AA (4.5:1)."""
"""The colour of each kind of relation's line and label."""

EDGE_STYLES: dict[type[Relation], str] = {
    Support: f'color="{PALETTE["support"]}", penwidth=1.5',
    Rebuttal: f'color="{PALETTE["attack"]}", penwidth=2.5',
    Undercut: f'color="{PALETTE["attack"]}", penwidth=2.5',
    SkepticalResponse: f'color="{PALETTE["skeptical_response"]}", penwidth=1.8, style=dashed',
}
"""The DOT attributes of each kind of relation's line, but for its head."""

ARROWHEADS: dict[type[Relation], str] = {
    Support: "normal",
    Rebuttal: "tee",
    Undercut: "tee",
    SkepticalResponse: "onormal",
}
"""The head each kind of relation's line ends in: filled, bar, open."""

RELATION_VERDICTS: dict[str, tuple[str, str, str]] = {
    entry.name: (line, entry.mark, entry.meaning)
    for entry, line in ((STATUSES["rejected"], "dotted"), (STATUSES["undecided"], "dashed"))
}
"""How an evaluated relation that does not stand is drawn: its line style, the mark at its head, a word for it.

An accepted relation is drawn as usual. Line style and mark both say it, so
that it reads in grey print; a skeptical response, dashed anyway, is told by its mark.
"""

BR = '<BR ALIGN="LEFT"/>'
"""A line break in an HTML-like label that left-aligns the line before it."""

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[A-Za-z][A-Za-z0-9]*")


def _colour(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _COLOUR.fullmatch(value)):
        raise OptionError(f"ClaimStyle.{attribute.name} must be a colour such as '#009E73' or 'white', got {value!r}")


def _border_style(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in BORDER_STYLES:
        raise OptionError(f"ClaimStyle.border_style must be one of {', '.join(BORDER_STYLES)}, got {value!r}")


def _badge(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise OptionError(f"ClaimStyle.badge must be a non-empty string or None, got {value!r}")


@attrs.frozen
class ClaimStyle:
    """How one claim is drawn apart from the rest: what a claim-style hook returns.

    Colour is never the only signal, for readers who cannot tell the colours
    apart and for print in grey: a style that sets a colour must also set a
    border style or a badge.

    Args:
        fill: the box's fill colour, as ``#RRGGBB`` or a colour name.
        border: the border's colour.
        border_style: one of :data:`BORDER_STYLES`.
        badge: a short text drawn in bold above the claim's text, such as ``"✓ accepted"``.

    >>> ClaimStyle(fill="#CCE5D9", badge="✓ accepted").badge
    '✓ accepted'
    """

    fill: str | None = attrs.field(default=None, validator=_colour)
    border: str | None = attrs.field(default=None, validator=_colour)
    border_style: BorderStyle | None = attrs.field(default=None, validator=_border_style)
    badge: str | None = attrs.field(default=None, validator=_badge)

    def __attrs_post_init__(self) -> None:
        if (self.fill or self.border) and not (self.border_style or self.badge):
            raise OptionError(
                "a ClaimStyle that sets a colour must also set a border_style or a badge: "
                "colour is never the only signal"
            )


def lines(text: str, width: int) -> str:
    """Return *text* wrapped to *width* and escaped, its lines joined by left-aligned breaks."""
    # One escape for the whole text: escaping neither adds nor takes a new line.
    return html("\n".join(wrap(text, width))).replace("\n", BR)


def claim_label(
    claim: Claim, *, wrap: int, attributions: bool, main: bool, badge: str | None = None, quotes: bool = False
) -> str:
    """Return the HTML-like label of *claim*: its badge, text, qualifier, quote and attribution, each left-aligned.

    Args:
        claim: the claim to draw.
        wrap: how many characters a line of its text holds; the smaller
            qualifier, quote and attribution lines hold a little more.
        attributions: whether to show who said it.
        main: whether it is a main conclusion (its text is bold).
        badge: the badge of its :class:`ClaimStyle`, if any.
        quotes: whether to show the speaker's exact words, where they differ from the text.
    """
    text = lines(claim.text, wrap)
    label = f"<B>{text}</B>{BR}" if main else text + BR
    if badge is not None:
        label = f'<FONT POINT-SIZE="10"><B>{html(badge)}</B></FONT>{BR}{label}'
    if claim.qualifier is not None:
        qualifier = lines(f"[{claim.qualifier}]", wrap + wrap // 5)
        label += f'<FONT POINT-SIZE="11" COLOR="{PALETTE["muted"]}"><I>{qualifier}</I></FONT>{BR}'
    said_by = claim.attributions
    for attribution in said_by if quotes else ():
        if attribution.quote is not None and attribution.quote != claim.text:
            quote = lines(f"“{attribution.quote}”", wrap + wrap // 5)
            label += f'<FONT POINT-SIZE="11" COLOR="{PALETTE["text"]}"><I>{quote}</I></FONT>{BR}'
    for attribution in said_by if attributions else ():  # each party who said it, a line of its own
        said = lines(f"— {attribution.line()}", wrap + wrap // 4)
        label += f'<FONT POINT-SIZE="10" COLOR="{PALETTE["muted"]}">{said}</FONT>{BR}'
    return label


MAIN_PEN = 2.5
"""The border width of a main conclusion; a status style's border never makes it lighter."""


def claim_attributes(style: ClaimStyle | None, main: bool) -> str:
    """Return the node attributes, after its label, that set a claim apart: main conclusion, hook style.

    A main conclusion keeps its heavier border under any style: a bold style
    makes it heavier still, a dashed or dotted one keeps its width.
    """
    attributes = f', penwidth={MAIN_PEN}, fillcolor="{PALETTE["conclusion"]}"' if main else ""
    if style is None:
        return attributes
    if style.fill is not None:
        attributes += f', fillcolor="{style.fill}"'
    if style.border is not None:
        attributes += f', color="{style.border}"'
    if style.border_style == "bold":  # Graphviz's bold is a 2-point pen, lighter than a main conclusion's
        attributes += f", penwidth={MAIN_PEN + 1 if main else 2}"
    elif style.border_style is not None:
        attributes += f', style="rounded,filled,{style.border_style}"'
    return attributes


def relation_verdict(status: str | None) -> str:
    """Return the edge attributes that mark a relation's verdict: ``""`` for one that stands, or has none."""
    if status not in RELATION_VERDICTS:
        return ""
    line, mark, _ = RELATION_VERDICTS[status]
    return (
        f", style={line}, headlabel=<<B>{mark}</B>>, labelfontsize=13,"
        f' labelfontcolor="{PALETTE["text"]}", labeldistance=1.6'
    )
