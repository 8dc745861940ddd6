"""Near misses: find the claim a text was probably meant to name, without scanning the map.

A reference such as ``"Traffic is slow"`` where the map says ``"Traffic is
slow."`` would otherwise quietly become a second claim. Two texts are a near
miss when they are equal after :func:`normalised` (case, runs of white space
and final punctuation ignored), or when their normalised forms are within a
small edit distance: none below 10 characters ("Bad." and "Sad." are
different claims), 1 from 10 characters, 2 from 20.

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

__all__ = ["NearMisses", "normalised"]

_FINAL_PUNCTUATION = ".,;:!?…"


def normalised(text: str) -> str:
    """Return *text* case-folded, its white space collapsed and its final punctuation dropped.

    >>> normalised("  Traffic  is SLOW. ")
    'traffic is slow'
    """
    return " ".join(text.casefold().split()).rstrip(_FINAL_PUNCTUATION).rstrip()


def _budget(length: int) -> int:
    """Return how many edits still make a near miss of a normalised text of *length* characters."""
    return 0 if length < 10 else 1 if length < 20 else 2


def _pieces(length: int, budget: int) -> list[tuple[int, int]]:
    """Return the (start, end) of the ``2 * budget + 1`` nearly equal pieces of a text of *length*."""
    count = 2 * budget + 1
    bounds = [length * n // count for n in range(count + 1)]
    return list(itertools.pairwise(bounds))


def _distance(first: str, second: str, limit: int) -> int:
    """Return the edit distance of two texts, or ``limit + 1`` as soon as it is sure to exceed *limit*."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, letter in enumerate(first, start=1):
        current = [row] + [0] * len(second)
        for column, other in enumerate(second, start=1):
            current[column] = min(
                previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (letter != other)
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class NearMisses:
    """An index of claim texts that answers "which claim did this text nearly name?" in constant time."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}  # normalised text -> id of the first claim with it
        self._keys: dict[str, tuple[str, int]] = {}  # claim id -> its normalised text and when it was added
        self._lists: dict[tuple[int, int, str], list[str]] = {}  # (length, piece, text of piece) -> claim ids

    def add(self, text: str, id: str) -> None:
        """Index the claim *id* with *text*."""
        key = normalised(text)
        self._first.setdefault(key, id)
        self._keys[id] = (key, len(self._keys))
        length = len(key)
        budget = _budget(length)
        if budget:
            lists = self._lists
            for number, (start, end) in enumerate(_pieces(length, budget)):
                piece = (length, number, key[start:end])
                found = lists.get(piece)
                if found is None:
                    lists[piece] = [id]
                else:
                    found.append(id)

    def find(self, text: str) -> str | None:
        """Return the id of the claim *text* nearly names (the closest, then the first written), or ``None``."""
        key = normalised(text)
        exact = self._first.get(key)
        if exact is not None:
            return exact
        size = len(key)
        best: tuple[int, int, str] | None = None
        for length in range(size - 2, size + 3):
            budget = _budget(length)
            if budget == 0 or abs(length - size) > budget:
                continue
            lists: list[list[str]] = []
            for number, (start, end) in enumerate(_pieces(length, budget)):
                found: list[str] = []
                for shift in range(-budget, budget + 1):
                    if start + shift >= 0 and end + shift <= size:
                        found += self._lists.get((length, number, key[start + shift : end + shift]), ())
                lists.append(found)
            lists.sort(key=len)
            for id in {id for found in lists[: budget + 1] for id in found}:
                other, number = self._keys[id]
                distance = _distance(key, other, budget)
                if distance <= budget and (best is None or (distance, number) < best[:2]):
                    best = (distance, number, id)
        return None if best is None else best[2]
