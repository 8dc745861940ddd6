"""How an evaluation shows in a rendering: a style and a mark for each status.

The diagram colours each claim by its status through the renderer's
claim-style hook, and says in the legend what each style means; the outline
writes the status and its reason under each claim. Colour is never the only
signal: each status also has its own border style and badge.

>>> STATUS_STYLES["rejected"].badge
'✗ rejected'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from argmap.model import Claim
from argmap.render.grammar import ClaimStyle

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation, Status
    from argmap.render.dot import DotOptions

__all__ = ["STATUS_MARKS", "STATUS_STYLES", "by_status", "status_legend", "status_line"]

STATUS_STYLES: dict[Status, ClaimStyle] = {
    "accepted": ClaimStyle(fill="#D9EFE6", border="#009E73", border_style="bold", badge="✓ accepted"),
    "rejected": ClaimStyle(fill="#F8DCCB", border="#D55E00", border_style="dashed", badge="✗ rejected"),
    "undecided": ClaimStyle(fill="#FFF3CC", border="#A87300", border_style="dotted", badge="○ undecided"),
}
"""The diagram's style for each status (Okabe-Ito green, vermilion and orange, each with a border style and a badge)."""

STATUS_MARKS: dict[Status, tuple[str, str]] = {
    "accepted": ("✓", "[+]"),
    "rejected": ("✗", "[x]"),
    "undecided": ("○", "[ ]"),
}
"""The outline's mark for each status: in Unicode, and in ASCII."""

_MEANINGS: dict[Status, str] = {
    "accepted": "It stands: whatever attacks it falls.",
    "rejected": "It falls: an attack on it stands.",
    "undecided": "Open: the map does not settle it.",
}


def by_status(evaluation: Evaluation, options: DotOptions | None = None) -> DotOptions:
    """Return diagram options that colour each claim by its status in *evaluation*, with a legend that says how.

    Args:
        evaluation: what :func:`argmap.evaluate` returned for the map to draw.
        options: the other options to keep; the defaults when ``None``.
    """
    import attrs

    from argmap.render.dot import DotOptions

    def style(claim: Claim) -> ClaimStyle | None:
        return STATUS_STYLES[evaluation.status(claim.id)] if claim.id in evaluation.verdicts else None

    return attrs.evolve(options or DotOptions(), claim_style=style, extra_legend=status_legend(evaluation))


def status_legend(evaluation: Evaluation) -> tuple[tuple[str, ClaimStyle], ...]:
    """Return the legend entries that say what each status style means, naming the semantics."""
    return tuple(
        (f"{meaning} ({evaluation.semantics} semantics)", STATUS_STYLES[status])
        for status, meaning in _MEANINGS.items()
    )


def status_line(evaluation: Evaluation, *, ascii: bool = False) -> Callable[[Claim], str | None]:
    """Return the outline's status hook: each claim's mark and the reason for its verdict."""

    def line(claim: Claim) -> str | None:
        verdict = evaluation.verdicts.get(claim.id)
        if verdict is None:
            return None
        mark = STATUS_MARKS[verdict.status][1 if ascii else 0]
        return f"{mark} {verdict.reason}"

    return line
