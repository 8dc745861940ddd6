"""One convention for every renderer's options: one options value, or the same options as keywords, never both."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, evaluate, load
from argmap.errors import OptionError
from argmap.render import DotOptions, HtmlOptions, OutlineOptions, outline, to_dot, to_graphviz, to_html
from argmap.render.dot import DIRECTIONS, GROUPINGS, shape, shapes
from argmap.render.outline import STYLES, outline_lines
from tests.conftest import ROOT
from tests.strategies import maps
from tests.test_render_html import stub_svg

README = ROOT / "examples" / "readme.py"


def _some(**choices: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Return a strategy for a dict holding any subset of *choices*, each drawn from its strategy."""
    return st.fixed_dictionaries({}, optional=choices)


DOT_KEYWORDS = _some(
    direction=st.sampled_from(DIRECTIONS),
    wrap=st.none() | st.integers(8, 80),
    attributions=st.booleans(),
    legend=st.booleans(),
    group_by=st.sampled_from(GROUPINGS),
    title=st.booleans(),
    quotes=st.booleans(),
    size=st.none() | st.just("8,10"),
    dpi=st.none() | st.integers(36, 1200),
    stagger=st.integers(1, 4),
    fold=st.sampled_from([0, 2, 3]),
)
OUTLINE_KEYWORDS = _some(style=st.sampled_from(STYLES), width=st.integers(20, 120))


@settings(max_examples=40, deadline=None)
@given(maps(max_claims=6, max_relations=8), DOT_KEYWORDS)
def test_the_diagram_is_the_same_given_keywords_or_the_options_value(
    amap: ArgumentMap, keywords: dict[str, Any]
) -> None:
    """to_dot, to_graphviz, shape and shapes give the same for keywords as for DotOptions made of them."""
    options = DotOptions(**keywords)
    assert to_dot(amap, **keywords) == to_dot(amap, options)
    assert to_graphviz(amap, **keywords).source == to_graphviz(amap, options).source
    assert shape(amap, **keywords) == shape(amap, options)
    assert shapes(amap, **keywords) == shapes(amap, options)


@settings(max_examples=40, deadline=None)
@given(maps(max_claims=6, max_relations=8), OUTLINE_KEYWORDS, st.booleans())
def test_the_outline_is_the_same_given_keywords_or_the_options_value(
    amap: ArgumentMap, keywords: dict[str, Any], rooted: bool
) -> None:
    """Outline and outline_lines give the same for keywords as for OutlineOptions made of them, a root included."""
    if rooted and amap.claims:
        keywords = {**keywords, "root": amap.claims[-1].id}
    options = OutlineOptions(**keywords)
    assert outline(amap, **keywords) == outline(amap, options)
    assert outline(amap, **keywords).style == outline(amap, options).style
    assert outline_lines(amap, **keywords) == outline_lines(amap, options)


@settings(max_examples=25, deadline=None)
@given(maps(max_claims=6, max_relations=8), _some(legend=st.booleans(), semantics=st.sampled_from(["grounded"])))
def test_the_page_is_the_same_given_keywords_or_the_options_value(amap: ArgumentMap, keywords: dict[str, Any]) -> None:
    """to_html gives the same page for keywords as for HtmlOptions made of them, verdicts and diagram included."""
    keywords = {**keywords, "verdicts": evaluate(amap).verdicts, "diagram": DotOptions(direction="LR")}
    svg = stub_svg(amap)
    assert to_html(amap, svg=svg, **keywords) == to_html(amap, HtmlOptions(**keywords), svg=svg)


def test_keywords_are_checked_as_the_options_value_checks_them() -> None:
    """A keyword out of range is the OptionError DotOptions gives; no keywords at all is the default drawing."""
    amap = load(README)
    with pytest.raises(OptionError, match=r"DotOptions\.direction must be one of"):
        to_dot(amap, direction="sideways")
    with pytest.raises(OptionError, match=r"OutlineOptions\.width must be"):
        outline(amap, width=5)
    assert to_dot(amap) == to_dot(amap, DotOptions()) == to_dot(amap, None)


@pytest.mark.parametrize(
    ("render", "options", "keyword"),
    [
        (lambda amap, *a, **k: to_dot(amap, *a, **k), DotOptions(), {"direction": "LR"}),
        (lambda amap, *a, **k: to_graphviz(amap, *a, **k), DotOptions(), {"legend": False}),
        (lambda amap, *a, **k: outline(amap, *a, **k), OutlineOptions(), {"width": 60}),
        (lambda amap, *a, **k: outline_lines(amap, *a, **k), OutlineOptions(), {"style": "ascii"}),
        (lambda amap, *a, **k: to_html(amap, *a, svg=stub_svg(amap), **k), HtmlOptions(), {"legend": False}),
    ],
    ids=["to_dot", "to_graphviz", "outline", "outline_lines", "to_html"],
)
def test_an_options_value_and_keywords_together_is_an_option_error(
    render: Any, options: object, keyword: dict[str, Any]
) -> None:
    """Both forms at once would leave one of them ignored: the error says which was given and how to combine them."""
    amap = load(README)
    name = type(options).__name__
    with pytest.raises(
        OptionError, match=rf"takes {name} or keyword options, not both: got a {name} and \w+="
    ) as error:
        render(amap, options, **keyword)
    assert "attrs.evolve" in str(error.value)
    assert "\n" not in str(error.value)


def test_an_unknown_keyword_is_a_type_error_that_lists_the_options() -> None:
    """A misspelt option is refused, as Python refuses a misspelt argument, naming the options there are."""
    amap = load(README)
    with pytest.raises(TypeError, match=r"to_dot\(\) got an unexpected keyword argument 'colour'; its options are "):
        to_dot(amap, colour="red")
    with pytest.raises(TypeError, match=r"'wdith'.*width"):
        outline(amap, wdith=60)


def test_a_value_that_is_no_options_value_is_an_option_error() -> None:
    """to_dot(m, "LR") names what it takes, instead of failing on an attribute deep inside."""
    amap = load(README)
    with pytest.raises(OptionError, match=r"to_dot\(\) takes DotOptions or keyword options, got 'LR'"):
        to_dot(amap, "LR")  # type: ignore[arg-type]
    with pytest.raises(OptionError, match=r"to_html\(\) takes HtmlOptions"):
        to_html(amap, DotOptions(), svg=stub_svg(amap))  # type: ignore[arg-type]


def test_the_old_positional_outline_still_works_and_warns() -> None:
    """outline(m, "ascii", 60, root) gives what the keywords give, with a DeprecationWarning that says what to write."""
    amap = load(README)
    root = amap.claims[0].id
    with pytest.warns(DeprecationWarning, match=r"outline\(m, style='ascii'\)"):
        old = outline(amap, "ascii", 60, root)
    assert old == outline(amap, style="ascii", width=60, root=root)
    with pytest.warns(DeprecationWarning, match=r"outline_lines\(m, style='markdown'\)"):
        lines = outline_lines(amap, "markdown", width=40)
    assert lines == outline_lines(amap, style="markdown", width=40)
    with (
        pytest.warns(DeprecationWarning, match="deprecated"),
        pytest.raises(TypeError, match="multiple values for argument 'width'"),
    ):
        outline(amap, "ascii", 60, width=70)
    with pytest.raises(TypeError, match="give the rest as keywords"):
        outline(amap, OutlineOptions(), 60)
