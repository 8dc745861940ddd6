"""How an evaluation shows in a rendering: a style and a mark for each status.

The marks, words and colours come from the one table of statuses,
:data:`argmap.evaluate.STATUSES`; this module adds only what a diagram
needs beyond it (a border style for each).

The diagram colours each claim by its status through the renderer's
claim-style hook, draws a relation that falls dotted and marked ✗ and one
left open dashed and marked ○ through its relation-status hook, and says in
the legend what each style means; the outline writes the status and its
reason under each claim, and the mark of a relation that does not stand
beside it. Colour is never the only signal: each status also has its own
border style and badge.

>>> STATUS_STYLES["rejected"].badge
'✗ rejected'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from argmap.evaluate import STATUSES, Evaluation, Status
from argmap.model import Claim, Relation
from argmap.render.dot import DotOptions
from argmap.render.grammar import BorderStyle, ClaimStyle

__all__ = ["STATUS_MARKS", "STATUS_STYLES", "by_status", "relation_mark", "status_legend", "status_line"]

_BORDERS: dict[Status, BorderStyle] = {"accepted": "bold", "rejected": "dashed", "undecided": "dotted"}

STATUS_STYLES: dict[Status, ClaimStyle] = {
    status: ClaimStyle(fill=entry.fill, border=entry.colour, border_style=_BORDERS[status], badge=entry.badge)
    for status, entry in STATUSES.items()
}
"""The diagram's style for each status: its colours, badge and a border style of its own."""

STATUS_MARKS: dict[Status, tuple[str, str]] = {
    status: (entry.mark, entry.ascii_mark) for status, entry in STATUSES.items()
}
"""The outline's mark for each status: in Unicode, and in ASCII."""


def by_status(
    evaluation: Evaluation, options: DotOptions | None = None, *, claims: Iterable[str] | None = None
) -> DotOptions:
    """Return diagram options that draw claims and relations by their status in *evaluation*, and a legend to say so.

    Args:
        evaluation: what :func:`argmap.evaluate` returned for the map to draw.
        options: the other options to keep; the defaults when ``None``.
        claims: the ids of the claims drawn, so that the legend lists only
            their statuses; all three when ``None``.
    """

    def style(claim: Claim) -> ClaimStyle | None:
        return STATUS_STYLES[evaluation.status(claim.id)] if claim.id in evaluation.verdicts else None

    def status(relation: Relation) -> str | None:
        verdict = evaluation.verdicts.get(relation.id)
        return None if verdict is None else verdict.status

    return attrs.evolve(
        options or DotOptions(),
        claim_style=style,
        relation_status=status,
        extra_legend=status_legend(evaluation, claims),
    )


def status_legend(evaluation: Evaluation, claims: Iterable[str] | None = None) -> tuple[tuple[str, ClaimStyle], ...]:
    """Return the legend entries that say what each status style means, the last naming the semantics.

    Args:
        evaluation: the evaluation drawn.
        claims: the ids of the claims drawn: only the statuses they have are
            listed; all three when ``None``.
    """
    if claims is None:
        present = list(STATUSES)
    else:
        found = {evaluation.verdicts[id].status for id in claims if id in evaluation.verdicts}
        present = [status for status in STATUSES if status in found]
    return tuple(
        (
            STATUSES[status].meaning + (f" ({evaluation.semantics} semantics)" if status == present[-1] else ""),
            STATUS_STYLES[status],
        )
        for status in present
    )


def relation_mark(evaluation: Evaluation, *, ascii: bool = False) -> Callable[[Relation], str | None]:
    """Return the outline's relation hook: the mark and status of a relation that does not stand, else ``None``."""

    def mark(relation: Relation) -> str | None:
        verdict = evaluation.verdicts.get(relation.id)
        if verdict is None or verdict.status == "accepted":
            return None
        entry = STATUSES[verdict.status]
        return f"{entry.ascii_mark if ascii else entry.mark} {verdict.status}"

    return mark


def status_line(evaluation: Evaluation, *, ascii: bool = False) -> Callable[[Claim], str | None]:
    """Return the outline's status hook: each claim's mark and the reason for its verdict."""

    def line(claim: Claim) -> str | None:
        verdict = evaluation.verdicts.get(claim.id)
        if verdict is None:
            return None
        entry = STATUSES[verdict.status]
        return f"{entry.ascii_mark if ascii else entry.mark} {verdict.reason}"

    return line
