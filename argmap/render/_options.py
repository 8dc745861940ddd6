"""How to draw a map as a diagram: :class:`DotOptions`, one frozen value, and the choices it takes.

Kept apart from the renderer so that every module of the diagram (the
lines, the legend, the parts of a big map) can read it without importing
one another; :mod:`argmap.render.dot` is where users find it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeAlias, TypeVar, get_args

import attrs

from argmap.errors import OptionError
from argmap.model import Claim, Relation
from argmap.render.grammar import ClaimStyle

__all__ = ["DIRECTIONS", "GROUPINGS", "MARGIN", "PAGES", "Direction", "DotOptions", "GroupBy", "Page", "options_from"]

Direction: TypeAlias = Literal["auto", "BT", "TB", "LR", "RL"]
"""Where arrows point: ``BT`` (bottom to top) puts conclusions at the top; ``auto`` chooses what fits a page.

See :mod:`argmap.render.shape` for how ``auto`` chooses.
"""

Page: TypeAlias = Literal["a4", "letter", "a3"]
"""A paper size to fit a drawing on: see :data:`PAGES`."""

PAGES: dict[str, tuple[float, float]] = {"a4": (8.27, 11.69), "letter": (8.5, 11.0), "a3": (11.69, 16.54)}
"""Each paper size, portrait, in inches (the unit of Graphviz's ``size``)."""

MARGIN = 0.4
"""The blank margin, in inches, on each side of a drawing fitted to a page."""

GroupBy: TypeAlias = Literal["none", "source", "tag", "document", "section"]
"""What to frame together: the claims of one source, of one (first) tag, of one document of a merged map, or of
one section (an Argdown heading)."""

DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
GROUPINGS: tuple[GroupBy, ...] = get_args(GroupBy)


def _one_of(choices: tuple[str, ...]) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise OptionError(f"DotOptions.{attribute.name} must be one of {', '.join(choices)}, got {value!r}")

    return check


def _wrap_width(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "wrap":
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 8 <= value <= 400:
        raise OptionError(f"DotOptions.wrap must be a whole number of characters from 8 to 400, got {value!r}")


def _hook(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        of = "a Claim" if attribute.name == "claim_style" else "a Relation"
        raise OptionError(f"DotOptions.{attribute.name} must be a function of {of}, or None, got {value!r}")


_SIZE = re.compile(r"\d+(\.\d+)?,\d+(\.\d+)?!?\Z")


def _size(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _SIZE.match(value)):
        raise OptionError(
            f"DotOptions.size must be a width and height in inches as Graphviz takes them, such as '8,10'"
            f" (or '8,10!' to scale up as well as down), got {value!r}"
        )


def _dpi(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 36 <= value <= 1200):
        raise OptionError(f"DotOptions.dpi must be a whole number of dots per inch from 36 to 1200, got {value!r}")


def _page(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in PAGES:
        raise OptionError(f"DotOptions.page must be one of {', '.join(PAGES)}, got {value!r}")
    if value is not None and getattr(instance, "size", None) is not None:
        raise OptionError("DotOptions.page and DotOptions.size both say how big to draw: give one of them")


def _fold(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value == 1:
        raise OptionError(f"DotOptions.fold must be 0 (no folding) or a whole number of ranks from 2, got {value!r}")


def _stagger(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 20:
        raise OptionError(f"DotOptions.stagger must be a whole number of ranks from 1 to 20, got {value!r}")


def _focus(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise OptionError(f"DotOptions.focus must be the id of a claim, or None, got {value!r}")


def _to_frozenset(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _to_tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _entries(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    entries = value if isinstance(value, tuple) else (value,)
    for entry in entries:
        if not (
            isinstance(entry, tuple)
            and len(entry) == 2
            and isinstance(entry[0], str)
            and entry[0].strip()
            and isinstance(entry[1], ClaimStyle)
        ):
            raise OptionError(f"DotOptions.extra_legend must hold (label, ClaimStyle) pairs, got {entry!r}")


@attrs.frozen
class DotOptions:
    """How to draw a map: one value, so that a drawing can be described, compared and reused.

    Args:
        direction: where arrows point, one of :data:`DIRECTIONS`; ``BT``
            puts conclusions at the top; ``auto`` (the default) chooses
            ``BT`` or ``LR``, and may stagger a claim's many reasons, so that
            the drawing fits a page (:mod:`argmap.render.shape`).
        wrap: how many characters a line of claim text holds; ``None`` (the
            default) for 36, which ``auto`` direction may narrow or widen to fit a page.
        attributions: whether to show who said each claim.
        legend: whether to draw a legend of the kinds of element the map uses.
        group_by: one of :data:`GROUPINGS`: frame together the claims of one
            source, of one (first) tag, of one document of a merged map, or of
            one section.
        title: whether to draw the map's title, author, publication and date above it.
        claim_style: the per-claim style hook: a function given each claim
            that returns a :class:`~argmap.render.grammar.ClaimStyle` to draw
            it with, or ``None`` to draw it as usual. Evaluation uses it to
            mark claims accepted, rejected or undecided.
        extra_legend: what the hook's styles mean, as ``(label, ClaimStyle)``
            pairs, each drawn in the legend as a sample claim.
        focus: the id of a claim to draw highlighted, with a double border:
            the centre of a neighbourhood (``argmap render --focus``).
        main_conclusions: the ids of the claims to draw as main conclusions;
            by default the map's own. A part of a bigger map passes the whole
            map's, so that a claim whose conclusion was left out is not drawn as one.
        quotes: whether to draw each claim's quote (the speaker's exact
            words) under its text, where it differs from the text.
        relation_status: the per-relation status hook: a function given each
            relation that returns ``"accepted"``, ``"rejected"`` or
            ``"undecided"``, or ``None``; a rejected relation is drawn dotted
            and marked ✗, an undecided one dashed and marked ○
            (:data:`~argmap.render.grammar.RELATION_VERDICTS`).
        size: the most the drawing may measure, ``"width,height"`` in inches
            as Graphviz's ``size`` takes it: a bigger drawing is scaled down
            to fit; ``"8,10!"`` scales a smaller one up too.
        page: a paper size, one of :data:`PAGES`: the drawing is scaled down
            to fit inside its :data:`MARGIN`, the page turned to landscape
            when the drawing is wider than high.
        dpi: the resolution of a PNG, in dots per inch (Graphviz's default is 96).
        stagger: over how many ranks to spread the reasons of a claim that
            has many that nothing else points at, as Graphviz's ``unflatten -l``
            does; 1 for none. ``auto`` direction chooses it.
        fold: how many ranks each column of a deep map holds when its ranks
            are folded into columns side by side, down one and up the next
            (rows, left to right); 0 for none. ``auto`` direction chooses it
            for a map too deep to fit a page otherwise, such as a long chain.

    >>> DotOptions(direction="LR", group_by="source").group_by
    'source'
    """

    direction: Direction = attrs.field(default="auto", validator=_one_of(DIRECTIONS))
    wrap: int | None = attrs.field(default=None, validator=_wrap_width)
    attributions: bool = True
    legend: bool = True
    group_by: GroupBy = attrs.field(default="none", validator=_one_of(GROUPINGS))
    title: bool = True
    claim_style: Callable[[Claim], ClaimStyle | None] | None = attrs.field(default=None, validator=_hook)
    extra_legend: tuple[tuple[str, ClaimStyle], ...] = attrs.field(default=(), converter=_to_tuple, validator=_entries)
    focus: str | None = attrs.field(default=None, validator=_focus)
    main_conclusions: frozenset[str] | None = attrs.field(default=None, converter=_to_frozenset)
    quotes: bool = False
    relation_status: Callable[[Relation], str | None] | None = attrs.field(default=None, validator=_hook)
    size: str | None = attrs.field(default=None, validator=_size)
    page: Page | None = attrs.field(default=None, validator=_page)
    dpi: int | None = attrs.field(default=None, validator=_dpi)
    stagger: int = attrs.field(default=1, validator=_stagger)
    fold: int = attrs.field(default=0, validator=_fold)


Options = TypeVar("Options")


def options_from(
    kind: type[Options], options: Options | None, keywords: Mapping[str, Any], renderer: str, default: Options
) -> Options:
    """Return the options a renderer was given: one *kind* value, or keywords that make one, or *default*.

    Every renderer takes its options the same way: ``to_dot(m, DotOptions(direction="LR"))``
    or ``to_dot(m, direction="LR")``, never both.

    Raises:
        OptionError: *options* is not a *kind*, or both it and *keywords* were given.
        TypeError: a keyword names no field of *kind*.
    """
    if options is not None and not isinstance(options, kind):
        raise OptionError(f"{renderer}() takes {kind.__name__} or keyword options, got {options!r}")
    if not keywords:
        return default if options is None else options
    if options is not None:
        given = ", ".join(f"{key}=" for key in keywords)
        raise OptionError(
            f"{renderer}() takes {kind.__name__} or keyword options, not both: got a {kind.__name__} and {given}"
            f" (use attrs.evolve(options, ...) to change some)"
        )
    fields = [field.alias or field.name for field in attrs.fields(kind)]  # type: ignore[arg-type]
    unknown = [key for key in keywords if key not in fields]
    if unknown:
        raise TypeError(
            f"{renderer}() got an unexpected keyword argument {unknown[0]!r}; its options are {', '.join(fields)}"
        )
    return kind(**keywords)
