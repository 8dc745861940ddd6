"""Reading back what Graphviz drew: the text of each node of an SVG by node name, and the claims' node ids."""

from __future__ import annotations

from xml.etree import ElementTree

__all__ = ["CLAIM_FONT_SIZE", "claim_nodes", "drawn_claim_text", "graphviz_name"]

_SVG = "{http://www.w3.org/2000/svg}"

CLAIM_FONT_SIZE = "13.00"
"""The node font size, at which claim text is drawn; qualifier, attribution and badge are smaller."""


def drawn_claim_text(svg: bytes | str) -> dict[str, str]:
    """Return, for each node of an SVG drawn by Graphviz, its name and the text drawn at the claim font size.

    White space is dropped: wrapping moves it, and nothing else may change.
    """
    found = {}
    for group in ElementTree.fromstring(svg).iter(f"{_SVG}g"):
        if "node" not in (group.get("class") or "").split():
            continue
        title = group.find(f"{_SVG}title")
        assert title is not None
        lines = [text.text or "" for text in group.iter(f"{_SVG}text") if text.get("font-size") == CLAIM_FONT_SIZE]
        found[title.text or ""] = "".join("".join(lines).split())
    return found


def claim_nodes(svg: bytes | str) -> dict[str, str]:
    """Return, for each node of an SVG that has the class ``claim``, its ``id`` and the name Graphviz gave it."""
    found = {}
    for group in ElementTree.fromstring(svg).iter(f"{_SVG}g"):
        if "claim" in (group.get("class") or "").split():
            title = group.find(f"{_SVG}title")
            assert title is not None
            found[group.get("id") or ""] = title.text or ""
    return found


def graphviz_name(id: str) -> str:
    """Return the name Graphviz gives the node of claim *id*: it keeps the doubled backslashes of a quoted name.

    An id that starts with % gets a leading space (Graphviz keeps such names for itself).
    """
    return (" " + id if id.startswith("%") else id).replace("\\", "\\\\")
