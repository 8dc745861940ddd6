"""Near misses: find the claim a text was probably meant to name, without scanning the map.

A reference such as ``"Traffic is slow"`` where the map says ``"Traffic is
slow."`` would otherwise quietly become a second claim. Two texts are a near
miss when they are equal after :func:`normalised` (case, runs of white space
and final punctuation ignored), or when their normalised forms are within a
small edit distance: none below 10 characters ("Bad." and "Sad." are
different claims), 1 from 10 characters, 2 from 20, and only between texts
with the same numbers ("335 officers" and "336 officers" are different
claims, not a typo).

Finding the edit-distance candidates must not cost a pass over the map, as a
builder call is made once per element of maps with 100,000 claims. The index
splits each normalised text of length *L* with budget *k* into ``2k + 1``
pieces. *k* edits break at most *k* pieces, so a text within the budget
shares at least ``k + 1`` of them, each at most *k* places from where it was;
it is therefore in at least one of the ``k + 1`` shortest lists of claims
sharing a piece. A lookup is about a hundred dictionary probes whatever the
size of the map, and only those few candidates have their distance computed.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["NearMisses", "normalised"]

_FINAL_PUNCTUATION = ".,;:!?…"
_NUMBER = re.compile(r"\d+")


def normalised(text: str) -> str:
    """Return *text* case-folded, its white space collapsed and its final punctuation dropped.

    >>> normalised("  Traffic  is SLOW. ")
    'traffic is slow'
    """
    return " ".join(text.casefold().split()).rstrip(_FINAL_PUNCTUATION).rstrip()


def _budget(length: int) -> int:
    """Return how many edits still make a near miss of a normalised text of *length* characters."""
    return 0 if length < 10 else 1 if length < 20 else 2


_LAYOUTS: dict[int, tuple[tuple[int, int], ...]] = {}


def _pieces(length: int) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) of the ``2 * budget + 1`` nearly equal pieces of a text of *length*."""
    layout = _LAYOUTS.get(length)
    if layout is None:
        count = 2 * _budget(length) + 1
        bounds = [length * n // count for n in range(count + 1)]
        layout = _LAYOUTS[length] = tuple(itertools.pairwise(bounds))
    return layout


def _distance(first: str, second: str, limit: int) -> int:
    """Return the edit distance of two texts, or ``limit + 1`` as soon as it is sure to exceed *limit*.

    The common start and end are set aside first, so near misses cost little;
    then only the cells within *limit* of the diagonal are computed.
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    start = 0
    while start < len(first) and start < len(second) and first[start] == second[start]:
        start += 1
    end = 0
    while end < len(first) - start and end < len(second) - start and first[-1 - end] == second[-1 - end]:
        end += 1
    first, second = first[start : len(first) - end], second[start : len(second) - end]
    if not first or not second:
        return min(max(len(first), len(second)), limit + 1)
    beyond = limit + 1
    previous = [column if column <= limit else beyond for column in range(len(second) + 1)]
    for row in range(1, len(first) + 1):
        low, high = max(1, row - limit), min(len(second), row + limit)
        current = [beyond] * (len(second) + 1)
        current[0] = row if row <= limit else beyond
        letter = first[row - 1]
        for column in range(low, high + 1):
            current[column] = min(
                previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (letter != second[column - 1])
            )
        if min(current[low - 1 : high + 1]) > limit:
            return beyond
        previous = current
    return min(previous[-1], beyond)


class NearMisses:
    """An index of claim texts that answers "which claim did this text nearly name?" in constant time."""

    def __init__(self) -> None:
        # Hashes of normalised texts, not the texts: the claims keep their texts, the index only what it must.
        self._first: dict[int, str] = {}  # hash of a normalised text -> id of the first claim with it
        self._texts: dict[str, tuple[str, int]] = {}  # claim id -> its text and when it was added
        # The hash of (length, piece number, text of the piece, the text's numbers) -> the id of the claim
        # with that piece there, or a list of them. Hashes and bare ids keep 100,000 claims' 500,000 pieces
        # small; two pieces with one hash only make one more candidate, which its distance rules out.
        self._pieces: dict[int, str | list[str]] = {}

    def add(self, text: str, id: str) -> None:
        """Index the claim *id* with *text*."""
        key = normalised(text)
        self._first.setdefault(hash(key), id)
        self._texts[id] = (text, len(self._texts))
        length = len(key)
        if length >= 10:
            numbers = ",".join(_NUMBER.findall(key))
            pieces = self._pieces
            for number, (start, end) in enumerate(_pieces(length)):
                piece = hash((length, number, key[start:end], numbers))
                found = pieces.get(piece)
                if found is None:
                    pieces[piece] = id
                elif isinstance(found, str):
                    pieces[piece] = [found, id]
                else:
                    found.append(id)

    def find(self, text: str) -> str | None:
        """Return the id of the claim *text* nearly names (the closest, then the first written), or ``None``."""
        key = normalised(text)
        exact = self._first.get(hash(key))
        if exact is not None and normalised(self._texts[exact][0]) == key:
            return exact
        size = len(key)
        numbers = ",".join(_NUMBER.findall(key))
        best: tuple[int, int, str] | None = None
        for length in range(max(10, size - 2), size + 3):
            budget = _budget(length)
            if abs(length - size) > budget:
                continue
            pieces: list[list[str]] = []
            for number, (start, end) in enumerate(_pieces(length)):
                found: list[str] = []
                for shift in range(max(-budget, -start), min(budget, size - end) + 1):
                    ids = self._pieces.get(hash((length, number, key[start + shift : end + shift], numbers)))
                    if ids is not None:
                        found += [ids] if isinstance(ids, str) else ids
                pieces.append(found)
            pieces.sort(key=len)
            for id in {id for found in pieces[: budget + 1] for id in found}:
                other, order = self._texts[id]
                distance = _distance(key, normalised(other), budget)
                if distance <= budget and (best is None or (distance, order) < best[:2]):
                    best = (distance, order, id)
        return None if best is None else best[2]
