"""One set of rules, made cheap: each element class's own __init__ accepts and refuses what the plain attrs one did."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap import model
from argmap.errors import InvalidElementError
from argmap.model import MEDIA, STANCES, Attribution, Source
from tests import plain_model
from tests.strategies import dates, identifiers, texts

_SPEAKER = Source("A speaker")
_OTHER = Source("Another speaker", kind="publication")
_SAID = Attribution(_SPEAKER, medium="article")
_ALSO = Attribution(_OTHER, quote="Exact words.")

_ODD = st.sampled_from([None, 5, 1.5, b"bytes", ["a list"], ("a", "tuple"), {"a": "dict"}, True])
_TEXTS = st.one_of(texts, st.sampled_from(["", " ", "\n\t", "\x00", "a\nb"]), _ODD)
_IDS = st.one_of(identifiers, st.sampled_from(["", " a", "a ", "a\nb", "a\tb", "a\x00b", "a b"]), _ODD)
_TAGS = st.one_of(
    st.lists(st.sampled_from(["x", "y", " x", "x ", "", "\n", "تگ"]), max_size=3).flatmap(
        lambda tags: st.sampled_from([tags, tuple(tags), iter(tags)])
    ),
    st.sampled_from(["x", "", " x"]),
    st.just(5),
)
_DATA: st.SearchStrategy[Any] = st.sampled_from(
    [{}, {"credence": 0.7}, {"a": [1, {"b": None}]}, [], False, None, {"x": float("nan")}, {1: 2}]
)
_REFERENCES = st.one_of(_IDS, st.lists(_IDS, max_size=3).flatmap(lambda ids: st.sampled_from([ids, tuple(ids)])))


def _optional(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), values)


_KEYWORDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "Attribution": {
        "via": st.sampled_from([(), _OTHER, [_OTHER], (_OTHER, _SPEAKER), ["not a source"], "x"]),
        "medium": st.one_of(st.sampled_from(MEDIA), st.sampled_from(["pigeon", "", "Article"]), _ODD),
        "quote": _TEXTS,
        "date": st.one_of(dates, st.sampled_from(["yesterday", "2011-4", ""]), _ODD),
        "url": _TEXTS,
    },
    "Claim": {
        "attribution": st.sampled_from([None, _SAID, "said", _SPEAKER]),
        "further_attributions": st.sampled_from([(), (_ALSO,), [_ALSO], _ALSO, (_SAID,), (_ALSO, _ALSO), ["x"]]),
        "qualifier": _TEXTS,
        "tags": _TAGS,
        "note": _TEXTS,
        "document": _IDS,
        "section": _TEXTS,
        "data": _DATA,
        "id": _IDS,
    },
    "Support": {"label": _TEXTS, "text": _TEXTS, "tags": _TAGS, "data": _DATA, "id": _IDS},
    "Rebuttal": {"label": _TEXTS, "id": _IDS},
    "Undercut": {"label": _TEXTS, "id": _IDS},
    "SkepticalResponse": {
        "stance": st.one_of(st.sampled_from(STANCES), st.sampled_from(["glee", ""]), _ODD),
        "id": _IDS,
    },
}
_POSITIONAL: dict[str, tuple[st.SearchStrategy[Any], ...]] = {
    "Attribution": (st.sampled_from([_SPEAKER, _OTHER, "a speaker", None]),),
    "Claim": (_TEXTS,),
    "Support": (_REFERENCES, _IDS),
    "Rebuttal": (_IDS, _IDS),
    "Undercut": (_IDS, _IDS),
    "SkepticalResponse": (_IDS, _IDS),
}


@st.composite
def _calls(draw: st.DrawFn) -> tuple[str, list[Any], dict[str, Any]]:
    """Draw a class and the arguments of one call to it, valid or not."""
    name = draw(st.sampled_from(sorted(_KEYWORDS)))
    arguments = [draw(strategy) for strategy in _POSITIONAL[name]]
    keywords = {key: draw(values) for key, values in _KEYWORDS[name].items() if draw(st.booleans())}
    return name, arguments, keywords


def _outcome(make: Callable[[], Any]) -> tuple[Any, ...]:
    """Return what a call made (its fields), or the class and message of what it raised."""
    try:
        made = make()
    except Exception as error:  # what is raised is what is compared
        return (type(error), str(error))
    return ("made", attrs.astuple(made, recurse=False))


@settings(max_examples=1000)
@given(_calls())
@example(("Support", ["node", "node"], {"tags": iter(["x"])}))  # an iterator read by both classes
def test_each_element_class_accepts_and_refuses_what_the_plain_attrs_class_did(
    call: tuple[str, list[Any], dict[str, Any]],
) -> None:
    """The same fields from the same arguments, or the same error with the same message.

    Where the plain class derived an id before checking the fields it is made
    of, a field of the wrong type failed in the derivation (a TypeError or an
    AttributeError); the element now names the field instead (an
    InvalidElementError).
    """
    name, arguments, keywords = call
    # An iterator is read once: each class gets a fresh one over the same values.
    iterated = {key for key, value in keywords.items() if isinstance(value, Iterator)}
    values = {key: list(value) if key in iterated else value for key, value in keywords.items()}

    def given_keywords() -> dict[str, Any]:
        return {key: iter(value) if key in iterated else value for key, value in values.items()}

    expected = _outcome(lambda: getattr(plain_model, name)(*arguments, **given_keywords()))
    got = _outcome(lambda: getattr(model, name)(*arguments, **given_keywords()))
    if expected[0] in (TypeError, AttributeError) and got[0] is InvalidElementError:
        return
    assert got == expected
