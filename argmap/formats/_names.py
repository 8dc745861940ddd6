"""Shared help for formats that name speakers by name only (AIF, Argdown): one source per name, ids unique."""

from __future__ import annotations

from argmap.model import Source, readable_id

__all__ = ["source_named"]


def source_named(name: str, sources: dict[str, Source]) -> Source:
    """Return the source called *name*, made and remembered in *sources* (by name) the first time.

    Its id is derived from the name, with a number added where two names give the same id.
    """
    known = sources.get(name)
    if known is None:
        taken = {source.id for source in sources.values()}
        base = readable_id(name, words=8, limit=60)
        id, n = base, 2
        while id in taken:
            id, n = f"{base}-{n}", n + 1
        known = sources[name] = Source(name, id=id)
    return known
