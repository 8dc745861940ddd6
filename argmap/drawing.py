"""Drawing a map: a map and options in, a diagram's bytes or files out; what the CLI and Python both call.

It prepares what to draw (:func:`prepare`: a claim's neighbourhood, the
statuses of an evaluation), plans a big map's layout
(:mod:`argmap.render.layout`), renders DOT with the pure
:mod:`argmap.render` functions, has :mod:`argmap.engine` run Graphviz on
it, and writes the files. Outputs are written atomically: a failure leaves
no file, or the old one; a split writes its several files all at the end.
The ``html`` format is argmap's interactive page: :func:`page` has
Graphviz lay the diagram out as SVG and hands it to the pure
:func:`argmap.render.html.to_html`.

Drawing one claim's neighbourhood, coloured by what stands under preferred
semantics, as ``argmap render --focus X --depth 2 --evaluate -s preferred`` does:

>>> from argmap import ArgumentMap
>>> m = ArgumentMap()
>>> c = m.claim("Talks fail.")
>>> _ = m.rebut("Talks go on.", c)
>>> drawn, options = prepare(m, focus="Talks fail.", depth=1, semantics="preferred")
>>> [claim.text for claim in drawn.claims], options.focus
(['Talks fail.', 'Talks go on.'], 'talks-fail')
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from argmap._io import write_all, write_atomic
from argmap.engine import DEFAULT_TIMEOUT, EngineName, can_pack, measured, pack, pipe
from argmap.errors import EngineError, OptionError
from argmap.formats import format_for, format_named
from argmap.map import ArgumentMap
from argmap.render.dot import MARGIN, PAGES, DotOptions, drawn_as_main, shapes, to_dot
from argmap.render.shape import AIM, ASPECT, Shape

if TYPE_CHECKING:
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import Drawing, LayoutOptions, Plan
    from argmap.semantics import Semantics

# Imported where first needed, not above: the page (argmap.render.html), the layout of a big map
# (argmap.render.layout), a focus (argmap.parts) and an evaluation's colours (argmap.render.status).
# `argmap render -f dot`, which writes the DOT of one map, needs none of them, and they cost a quarter of its
# start-up (docs/performance.md). A deferred import for start-up time, not to dodge a cycle: all sit below.

__all__ = ["DEPTH", "Rendered", "draw", "page", "prepare", "render", "render_files"]

DEPTH = 2
"""How many relation steps out from the focus claim are drawn by default."""


@attrs.frozen
class Rendered:
    """What :func:`render_files` wrote.

    Args:
        paths: the files written: the one asked for first, then a split's diagrams.
        summary: one sentence saying how the map was drawn when it was not
            drawn whole (see :class:`~argmap.render.layout.Plan`), else ``None``.
    """

    paths: tuple[Path, ...]
    summary: str | None


def prepare(
    amap: ArgumentMap,
    options: DotOptions | HtmlOptions | None = None,
    *,
    format: str = "svg",
    focus: str | None = None,
    depth: int = DEPTH,
    semantics: Semantics | None = None,
) -> tuple[ArgumentMap, DotOptions | HtmlOptions | None]:
    """Return what to draw of *amap* in *format*, and the options to draw it with.

    Args:
        amap: the map.
        options: how to draw it, as for :func:`render`.
        format: the format it will be drawn in: the ``html`` page colours
            claims itself (with a toggle) and gives the reasons, so it gets
            the verdicts; a diagram gets the statuses' styles.
        focus: draw only this claim (its id or exact text) and the claims
            within *depth* steps of it (:func:`~argmap.parts.neighbourhood`),
            the claim highlighted; the main conclusions stay those of the whole map.
        depth: with *focus*, how many relation steps out to draw.
        semantics: colour each claim by whether it stands under this
            semantics; the whole map decides what stands, drawn or not.

    Raises:
        UnknownClaimError: *focus* names no claim of the map.
        OptionError: *depth* is negative.
        OptionError: *semantics* is unknown.
    """
    if focus is None and semantics is None:
        return amap, options
    from argmap.render.html import HtmlOptions

    diagram = options.diagram if isinstance(options, HtmlOptions) else options or DotOptions()
    drawn = amap
    if focus is not None:
        from argmap.parts import neighbourhood

        centre = amap.claim_for(focus)
        drawn = neighbourhood(amap, centre, depth)
        main = frozenset(drawn_as_main(amap))  # the whole map's: a claim that leads on out of sight is none
        diagram = attrs.evolve(diagram, focus=centre.id, main_conclusions=main)
    page_options = options if isinstance(options, HtmlOptions) else HtmlOptions()
    if semantics is None:
        return drawn, attrs.evolve(page_options, diagram=diagram) if format == "html" else diagram
    from argmap.evaluate import evaluate
    from argmap.render.status import by_status

    evaluation = evaluate(amap, semantics)
    if format == "html":  # the page colours claims itself, with a toggle, and gives the reasons
        verdicts = {id: verdict for id, verdict in evaluation.verdicts.items() if id in drawn}
        return drawn, attrs.evolve(page_options, diagram=diagram, verdicts=verdicts, semantics=evaluation.semantics)
    return drawn, by_status(evaluation, diagram, claims=[claim.id for claim in drawn.claims])


def page(
    amap: ArgumentMap,
    options: HtmlOptions | None = None,
    *,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    focus: str | None = None,
    depth: int = DEPTH,
    semantics: Semantics | None = None,
) -> str:
    """Return the interactive HTML page of *amap*: Graphviz draws its SVG, :func:`~argmap.render.html.to_html` the rest.

    *focus*, *depth* and *semantics* are as for :func:`prepare`.

    Raises:
        EngineNotFoundError, EngineError: as for :func:`~argmap.engine.pipe`.
    """
    from argmap.render.html import HtmlOptions
    from argmap.render.layout import LayoutOptions

    options = options or HtmlOptions()
    # Laid out whole, in the shape that fits a page, as render() draws a map of its size.
    whole = LayoutOptions(layout="full")
    drawn = draw(
        amap,
        "html",
        options=options,
        engine=engine,
        timeout=timeout,
        layout=whole,
        focus=focus,
        depth=depth,
        semantics=semantics,
    )
    return drawn.decode("utf-8")


def render(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
    focus: str | None = None,
    depth: int = DEPTH,
    semantics: Semantics | None = None,
) -> Path:
    """Draw *amap* into the file *path*, atomically, and return the path.

    Args:
        amap: the map to draw.
        path: the file to write; its folder must exist.
        format: one of :data:`~argmap.formats.DIAGRAMS`; by default the one *path*'s suffix implies.
        options: how to draw it: :class:`~argmap.render.dot.DotOptions`, or
            for the ``html`` page :class:`~argmap.render.html.HtmlOptions`
            (DotOptions given for a page say how its diagram is drawn; a
            page's options given for a diagram, how the diagram is drawn).
        engine: which Graphviz program to run (see :func:`~argmap.engine.find_engine`).
        timeout: seconds each Graphviz program may run.
        layout: how to lay out a big map (:class:`~argmap.render.layout.LayoutOptions`);
            by default whole up to 1,000 claims, in packed parts up to 10,000,
            split into diagrams beside *path* above (see :func:`render_files`).
        focus: draw only this claim and its neighbours, as for :func:`prepare`.
        depth: with *focus*, how many relation steps out to draw.
        semantics: colour each claim by whether it stands under this semantics.

    Raises:
        FileNotFoundError: the folder of *path* does not exist (checked before Graphviz runs).
        EngineNotFoundError, EngineError: as for :func:`~argmap.engine.pipe`.
    """
    rendered = render_files(
        amap,
        path,
        format,
        options=options,
        engine=engine,
        timeout=timeout,
        layout=layout,
        focus=focus,
        depth=depth,
        semantics=semantics,
    )
    return rendered.paths[0]


def render_files(
    amap: ArgumentMap,
    path: str | Path,
    format: str | None = None,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
    advance: Callable[[int, int], None] | None = None,
    focus: str | None = None,
    depth: int = DEPTH,
    semantics: Semantics | None = None,
) -> Rendered:
    """Draw *amap* into *path*, and a split's diagrams beside it, and say what was done.

    A split writes its overview into *path* and its diagrams beside it, named
    ``{stem}-1{suffix}``, ``{stem}-2{suffix}``, ...; all files are written at
    the end, all or none: each is staged beside its place and only then are
    they moved into place, the overview last, so that an error (a full disk)
    or Ctrl-C leaves none of them.
    The ``dot`` format writes :func:`~argmap.render.dot.to_dot`'s whole
    graph, whatever the layout: there is no Graphviz to lay it out.

    Args:
        amap: the map to draw.
        path: the file to write (a split's overview); its folder must exist.
        format: one of :data:`~argmap.formats.DIAGRAMS`; by default the one *path*'s suffix implies.
        options: how to draw it, as for :func:`render`.
        engine: which Graphviz program to run (see :func:`~argmap.engine.find_engine`).
        timeout: seconds each Graphviz program may run.
        layout: how to lay out a big map (:class:`~argmap.render.layout.LayoutOptions`).
        advance: called with (drawings laid out, drawings in all) after each
            drawing is laid out, to show progress.
        focus: draw only this claim and its neighbours, as for :func:`prepare`.
        depth: with *focus*, how many relation steps out to draw.
        semantics: colour each claim by whether it stands under this semantics.

    Raises:
        As for :func:`render`; OptionError: a split asked of the ``html`` format.
    """
    format = format_named(format or format_for(path, "diagram"), "diagram").name
    target = Path(path)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(target.parent))
    amap, options = prepare(amap, options, format=format, focus=focus, depth=depth, semantics=semantics)
    if format == "dot":
        return Rendered((write_atomic(target, draw(amap, "dot", options=options)),), None)
    stem, suffix = target.stem, target.suffix
    planned, chosen = _plan(amap, format, options, engine, layout, stem=stem, suffix=suffix, files=True)
    drawn = []
    for number, drawing in enumerate(planned.drawings, start=1):
        drawn.append(_drawn(drawing, format, chosen, engine, timeout, whole=planned.layout == "full"))
        if advance is not None:
            advance(number, len(planned.drawings))
    files = [
        (target.with_name(f"{stem}{drawing.suffix}{suffix}"), data)
        for drawing, data in zip(planned.drawings, drawn, strict=True)
    ]
    write_all([*files[1:], files[0]])  # all or none, the overview last: it never links to a file not there
    return Rendered(tuple(path for path, _ in files), planned.summary)


def draw(
    amap: ArgumentMap,
    format: str,
    *,
    options: DotOptions | HtmlOptions | None = None,
    engine: EngineName = "auto",
    timeout: float = DEFAULT_TIMEOUT,
    layout: LayoutOptions | None = None,
    focus: str | None = None,
    depth: int = DEPTH,
    semantics: Semantics | None = None,
) -> bytes:
    """Return *amap* drawn in *format* as one drawing (a split is drawn ``fast``).

    *format* is one of :data:`~argmap.formats.DIAGRAMS`; the other arguments are as for :func:`render`.

    Raises:
        OptionError: *format* is unknown.
        EngineNotFoundError, EngineError: as for :func:`~argmap.engine.pipe`.
    """
    format_named(format, "diagram")
    amap, options = prepare(amap, options, format=format, focus=focus, depth=depth, semantics=semantics)
    if format == "dot":
        return to_dot(amap, _diagram_options(options)).encode("utf-8")
    planned, chosen = _plan(amap, format, options, engine, layout, stem="map", suffix=f".{format}", files=False)
    return _drawn(planned.drawings[0], format, chosen, engine, timeout, whole=planned.layout == "full")


def _diagram_options(options: DotOptions | HtmlOptions | None) -> DotOptions:
    if options is None:
        return DotOptions()
    return options if isinstance(options, DotOptions) else options.diagram  # else a page's options


def _plan(
    amap: ArgumentMap,
    format: str,
    options: DotOptions | HtmlOptions | None,
    engine: EngineName,
    layout: LayoutOptions | None,
    *,
    stem: str,
    suffix: str,
    files: bool,
) -> tuple[Plan, DotOptions | HtmlOptions]:
    """Return the plan of *amap*'s drawing in *format*, and the options to draw it with."""
    from argmap.render.layout import plan

    if format == "html":
        from argmap.render.html import HtmlOptions

        if not isinstance(options, HtmlOptions):
            options = HtmlOptions(diagram=options or DotOptions())
        if layout is not None and layout.layout == "split":
            raise OptionError("the html page draws one map; draw a big one with the fast layout, or a part with focus")
        return plan(amap, options.dot_options, layout, pack=can_pack(engine), files=False), options
    diagram = _diagram_options(options)
    return plan(amap, diagram, layout, stem=stem, suffix=suffix, pack=can_pack(engine), files=files), diagram


def _drawn(
    drawing: Drawing,
    format: str,
    options: DotOptions | HtmlOptions,
    engine: EngineName,
    timeout: float,
    *,
    whole: bool = False,
) -> bytes:
    """Return *drawing* drawn in *format*: laid out whole, or in parts that are then packed.

    A map laid out *whole* in the ``auto`` direction is measured once drawn,
    and drawn again in the next shape :func:`~argmap.render.dot.shapes`
    offers, up to :data:`_FITTING` times in all, while its width over height
    is outside :data:`~argmap.render.shape.ASPECT`.
    """
    shape = "svg" if format == "html" else format
    diagram = options if isinstance(options, DotOptions) else options.dot_options  # else a page's options
    if drawing.packed:
        data = pack(
            drawing.graphs,
            shape,
            heading=drawing.heading,
            staggered=drawing.staggered,
            engine=engine,
            timeout=timeout,
        )
    elif whole and diagram.direction == "auto":
        source, data = _fitting(drawing, shape, diagram, engine, timeout)
    else:
        source = drawing.graphs[0]
        data = pipe(source, shape, engine=engine, timeout=timeout, dpi=diagram.dpi)
    if diagram.page is not None and format != "html" and not drawing.packed:
        data = _on_page(source, data, format, diagram, engine, timeout)
    if format != "html":
        return data
    from argmap.render.html import HtmlOptions, to_html

    assert isinstance(options, HtmlOptions)
    return to_html(drawing.amap, options, svg=data.decode("utf-8")).encode("utf-8")


_FITTING = 3
"""How many shapes a whole map is drawn in at most, while the drawing does not fit :data:`~argmap.render.shape.ASPECT`.

The estimate is right the first time for about 29 maps in 30 (tests/test_render_shape.py, docs/performance.md).
"""


def _fitting(
    drawing: Drawing, format: str, options: DotOptions, engine: EngineName, timeout: float
) -> tuple[str, bytes]:
    """Return the DOT source and drawing of the first shape whose drawing fits, or of the one nearest to fitting.

    The first drawing is of the shape to_dot chose; the other candidates are
    worked out only after it misses (:func:`_candidates`), as most maps fit at
    once. After a miss, the next shape is the best of a direction not yet
    drawn, then the one whose estimate, corrected by how far the estimate of
    its direction was off, is nearest the middle of the rule.
    """
    centre = (AIM[0] * AIM[1]) ** 0.5
    off: dict[str, float] = {}  # by direction: the drawn aspect over the estimated one
    tried: list[tuple[float, str, bytes]] = []
    candidates: list[Shape] = []  # the shapes not yet drawn, once the first has missed
    for number in range(_FITTING):
        if number == 0:
            source = drawing.graphs[0]  # to_dot drew the first shape already
        elif not candidates:
            break
        else:
            untried = [shape for shape in candidates if shape.direction not in off] or candidates
            candidate = min(
                untried, key=lambda shape: abs(math.log(shape.aspect * off.get(shape.direction, 1.0) / centre))
            )
            candidates.remove(candidate)
            chosen = attrs.evolve(
                options,
                direction=candidate.direction,
                wrap=candidate.wrap,
                stagger=candidate.stagger,
                fold=candidate.fold,
            )
            source = to_dot(drawing.amap, chosen)
        try:
            data = pipe(source, format, engine=engine, timeout=timeout, dpi=options.dpi)
        except EngineError:
            if number == 0:
                candidate, candidates = _candidates(drawing, options)
            if (candidate.stagger == 1 and not candidate.fold) or not candidates:
                raise
            # Graphviz's concentrate=true, which staggering sets, fails on some graphs, and its spline router on
            # some folded ones ("lost edge"): the next shape
            continue
        size = measured(data, format)
        if size is None or not size[1]:
            return source, data
        aspect = size[0] / size[1]
        if ASPECT[0] <= aspect <= ASPECT[1]:
            return source, data
        if number == 0:
            candidate, candidates = _candidates(drawing, options)
        off[candidate.direction] = aspect / candidate.aspect
        tried.append((abs(math.log(aspect / centre)), source, data))
    if not tried:
        source = to_dot(drawing.amap, attrs.evolve(options, direction="BT", stagger=1, fold=0))
        return source, pipe(source, format, engine=engine, timeout=timeout, dpi=options.dpi)
    _, source, data = min(tried, key=lambda found: found[0])
    return source, data


def _candidates(drawing: Drawing, options: DotOptions) -> tuple[Shape, list[Shape]]:
    """Return the shape to_dot drew *drawing* in, and every other shape it may be drawn in, best first."""
    first, *others = shapes(drawing.amap, options)
    return first, others


def _on_page(source: str, data: bytes, format: str, options: DotOptions, engine: EngineName, timeout: float) -> bytes:
    """Return the drawing of *source* on a page exactly the size of ``options.page``: fitted, centred, not stretched.

    Graphviz makes the page the size of the drawing, whatever ``page`` says,
    so the drawing is scaled down into the paper less its margin (in the
    orientation of the drawing, *data*), measured, and given the margin that
    makes up the rest of the paper on each side.
    """
    assert options.page is not None
    if format == "dot":
        return data
    width, height = PAGES[options.page]
    drawn = measured(data, format)
    if drawn is not None and drawn[0] > drawn[1]:
        width, height = height, width
    end = source.rindex("}")  # a graph statement last in the root graph overrides those before it
    fitted = f'{source[:end]}\tgraph [size="{width - 2 * MARGIN:.3f},{height - 2 * MARGIN:.3f}", margin=0, pad=0]\n'
    size = measured(pipe(fitted + source[end:], "svg", engine=engine, timeout=timeout), "svg")
    if size is None:
        return data
    across, down = ((width * 72 - size[0]) / 144, (height * 72 - size[1]) / 144)
    placed = f'{fitted}\tgraph [margin="{max(across, 0.0):.4f},{max(down, 0.0):.4f}"]\n{source[end:]}'
    return pipe(placed, format, engine=engine, timeout=timeout, dpi=options.dpi)
