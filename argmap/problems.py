"""Problems as data: what :func:`argmap.check` and the file readers report, with a stable code each.

A leaf: it imports nothing of argmap's but the notebook hook, so the map,
the checks and the format readers can all build and hold problems without
importing each other. Every code argmap reports is listed in :data:`CODES`
with what it means, in one place.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from argmap._display import Bundle, MimeTypes, Printer, bundle, pretty

__all__ = ["CODES", "Problem", "Problems", "Severity"]

Severity: TypeAlias = Literal["error", "warning"]
"""How sure a problem is: ``"error"`` for what is almost surely a mistake, ``"warning"`` for what may be meant."""

CODES: dict[str, str] = {
    # Found in the map by argmap.check:
    "self-support": "a claim is among the premises of its own support",
    "self-attack": "a claim rebuts, undercuts or responds skeptically to something it takes part in itself",
    "support-cycle": "claims support each other in a circle",
    "orphan-claim": "a claim is connected to nothing",
    "unattributed-claim": "a claim has no source in a map that names sources",
    "undercut-target-not-support": "an undercut attacks something other than a support",
    "skeptical-response-target": "a skeptical response answers something other than a claim or a support",
    "duplicate-text": "two claims have the same text",
    # Found while reading a file made elsewhere (see ArgumentMap.load_problems):
    "empty-file": "the file holds no claims",
    "lenient-syntax": "the file holds syntax its own tool refuses or reads otherwise; argmap read it leniently",
    "incomplete-relation": "a relation in the file lacks a premise or attacker, or a conclusion or target; left out",
    "unsupported-relation": "the file holds a relation argmap cannot represent; it was left out or simplified",
    "dialogue-link": "a relation in the file links to a locution or a dialogue move, not a claim; link ignored",
}
"""Every problem code argmap reports, with what it means."""


@attrs.frozen
class Problem:
    """One problem found in a map.

    Args:
        severity: ``"error"`` for what is almost surely a mistake, ``"warning"`` for what may be meant.
        code: one of :data:`CODES`.
        message: a sentence a user can act on.
        elements: the ids of the claims and relations involved.
    """

    severity: Severity
    code: str
    message: str
    elements: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} [{self.code}]"


class Problems(list[Problem]):
    """The problems :func:`argmap.check` found: a list, that a notebook shows as a table of severities and codes."""

    __slots__ = ()

    def _repr_mimebundle_(self, include: MimeTypes = None, exclude: MimeTypes = None) -> Bundle:
        """Show the problems in a notebook as a table (see :mod:`argmap.jupyter`)."""
        return bundle(self, include, exclude)

    def _repr_pretty_(self, printer: Printer, cycle: bool) -> None:
        """Show the problems in IPython as a summary line and a line each."""
        pretty(self, printer)
