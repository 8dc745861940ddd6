"""Near misses: a reference that nearly names a claim is refused with "did you mean", found without a scan."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Source, UnknownClaimError
from argmap._near_miss import NearMisses, _budget, _distance, normalised


@pytest.fixture
def amap() -> ArgumentMap:
    """A congestion-charge argument with a claim titled by id, as in the Argdown example."""
    m = ArgumentMap()
    m.claim("Traffic is slow.", id="jams")
    m.claim("The city should introduce a congestion charge.", id="charge")
    return m


def test_a_near_miss_is_refused_with_the_claim_meant(amap: ArgumentMap) -> None:
    """The issue's example: the missing full stop is caught, and the error names the claim meant."""
    before = amap.copy()
    with pytest.raises(UnknownClaimError, match=r"did you mean \[jams\] 'Traffic is slow.'\?"):
        amap.support("Traffic is slow", "charge")
    assert amap == before


@pytest.mark.parametrize(
    "text",
    [
        "traffic is slow.",  # case
        "Traffic  is\nslow.",  # white space
        "Traffic is slow!",  # final punctuation
        "Trafic is slow.",  # one typo in a text of 15 characters
        "The city should introduce a congestoin charge.",  # two edits in a longer one
        "The city should introduce congestion charge.",
    ],
)
def test_what_counts_as_a_near_miss(amap: ArgumentMap, text: str) -> None:
    """Case, white space, final punctuation and a typo or two all name an existing claim."""
    with pytest.raises(UnknownClaimError, match="did you mean"):
        amap.rebut(text, "jams" if "city" in text else "charge")


@pytest.mark.parametrize(
    "text",
    [
        "Traffic is fast.",  # 3 edits: a different claim
        "Traffic was slow.",  # 2 edits in 15 characters
        "The city should introduce 2 congestion charges.",  # other numbers: not a typo
        "Really?",  # a one-word sentence is a claim text, not a mistyped id
        "Nonsense.",
    ],
)
def test_what_is_a_new_claim(amap: ArgumentMap, text: str) -> None:
    """Texts further off, and one-word sentences, become new claims."""
    response = amap.skeptical_response(text, "jams")
    assert amap[response.response].text == text  # type: ignore[union-attr]


def test_short_texts_need_to_be_equal_to_be_near() -> None:
    """Under 10 characters, one letter makes another claim: "Bad." and "Sad." are two."""
    m = ArgumentMap()
    m.claim("Bad.")
    m.support("Sad.", "Bad.")
    with pytest.raises(UnknownClaimError, match=r"did you mean \[bad\] 'Bad.'"):
        m.support("bad!", "sad")


def test_the_caller_can_say_a_text_is_new(amap: ArgumentMap) -> None:
    """claim() first, or new=True, makes the near miss a claim of its own."""
    amap.support(amap.claim("Traffic is slow"), "charge")
    amap.rebut("traffic is slow!", "charge", new=True, by=Source("A driver"))
    amap.support(["Trafic is slow.", "Buses are late."], "charge", new=True)
    assert [claim.text for claim in amap.claims][2:] == [
        "Traffic is slow",
        "traffic is slow!",
        "Trafic is slow.",
        "Buses are late.",
    ]


def test_mistyped_ids_are_still_refused(amap: ArgumentMap) -> None:
    """A lower-case word naming nothing is a mistyped id; new=True makes it a one-word claim."""
    with pytest.raises(UnknownClaimError, match="no claim has id 'jmas'"):
        amap.support("jmas", "charge")
    assert amap.support("jmas", "charge", new=True).premises == ("jmas",)


def test_claim_for_suggests_the_claim_meant(amap: ArgumentMap) -> None:
    """claim_for never creates a claim; its error carries the same suggestion."""
    with pytest.raises(UnknownClaimError, match=r"did you mean \[charge\]"):
        amap.claim_for("the city should introduce a congestion charge")
    assert amap.near_miss("TRAFFIC IS SLOW") == amap["jams"]
    assert amap.near_miss("Something else entirely.") is None


def test_claims_added_after_a_lookup_are_found_too(amap: ArgumentMap) -> None:
    """The index catches up with claims written after it was first used, and is rebuilt after an edit."""
    assert amap.near_miss("Buses are late") is None
    amap.claim("Buses are late.", id="buses")
    assert amap.near_miss("Buses are late") == amap["buses"]
    amap.replace("buses", text="Trams are late.")
    assert amap.near_miss("Buses are late") is None
    assert amap.near_miss("trams are late") == amap["buses"]


def _closest(texts: list[str], query: str) -> int | None:
    """Return the index of the text *query* nearly matches, by scanning them all."""
    key = normalised(query)
    found = []
    for n, text in enumerate(texts):
        other = normalised(text)
        budget = _budget(len(other))
        if other == key:
            found.append((0, n))
        elif re.findall(r"\d+", other) == re.findall(r"\d+", key) and _distance(key, other, budget) <= budget:
            found.append((_distance(key, other, budget), n))
    return min(found)[1] if found else None


_near_texts = st.text(st.sampled_from("ab c.!A12"), max_size=26)


@given(st.lists(_near_texts, max_size=30), _near_texts)
def test_the_index_finds_what_a_scan_finds(texts: list[str], query: str) -> None:
    """The pieces index answers exactly as comparing the query with every claim would."""
    index = NearMisses()
    for n, text in enumerate(texts):
        index.add(text, str(n))
    expected = _closest(texts, query)
    assert index.find(query) == (None if expected is None else str(expected))


@given(st.lists(_near_texts, min_size=1, max_size=10), st.data())
def test_every_small_edit_is_found(texts: list[str], data: st.DataObject) -> None:
    """A text edited within its budget (substitutions, insertions, deletions) is found."""
    target = data.draw(st.sampled_from(texts))
    key = normalised(target)
    edits = data.draw(st.integers(0, _budget(len(key))))
    edited = key
    for _ in range(edits):
        place = data.draw(st.integers(0, len(edited)))
        kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        letter = data.draw(st.sampled_from("xyz"))
        if kind == "insert":
            edited = edited[:place] + letter + edited[place:]
        elif edited and place < len(edited):
            edited = edited[:place] + (letter if kind == "replace" else "") + edited[place + 1 :]
    index = NearMisses()
    for n, text in enumerate(texts):
        index.add(text, str(n))
    if normalised(edited) != edited:  # the edit made a text that normalises otherwise (a space left at the end)
        return
    if re.findall(r"\d+", edited) != re.findall(r"\d+", key):  # other numbers make another claim
        return
    assert index.find(edited) is not None


def _levenshtein(first: str, second: str) -> int:
    """Return the edit distance, the textbook way."""
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (letter != other)))
        previous = current
    return previous[-1]


@given(_near_texts, _near_texts, st.integers(0, 3))
def test_the_bounded_distance_is_the_edit_distance_up_to_its_limit(first: str, second: str, limit: int) -> None:
    """Setting the common ends aside and staying near the diagonal changes no answer within the limit."""
    assert _distance(first, second, limit) == min(_levenshtein(first, second), limit + 1)
