"""The claim-style hook: draw some claims apart, and say in the legend what the styles mean."""

from pathlib import Path

from argmap import Claim, load
from argmap.render import ClaimStyle, DotOptions, to_dot

m = load(Path(__file__).resolve().parents[2] / "examples" / "readme.py")

# Which claims stand, as an evaluation would say it (here written by hand).
status = {
    "us-pakistani-relationship-may-be-teetering": "accepted",
    "pakistans-demands-will-reduce-the-cia": "undecided",
}

# Colour is never the only signal: each style also has a badge, and a border style where it helps.
STYLES = {
    "accepted": ClaimStyle(fill="#D9EFE6", border="#009E73", border_style="bold", badge="✓ accepted"),
    "rejected": ClaimStyle(fill="#F8DCCB", border="#D55E00", border_style="dashed", badge="✗ rejected"),
    "undecided": ClaimStyle(fill="#FFF3CC", border="#E69F00", border_style="dotted", badge="○ undecided"),
}


def by_status(claim: Claim) -> ClaimStyle | None:
    """Return the style of the claim's status, or None to draw it as usual."""
    return STYLES.get(status.get(claim.id, ""))


OPTIONS = DotOptions(
    claim_style=by_status,
    extra_legend=(
        ("It stands.", STYLES["accepted"]),
        ("An attack on it stands.", STYLES["rejected"]),
        ("Neither is settled.", STYLES["undecided"]),
    ),
)
MAP = m

source = to_dot(m, OPTIONS)
assert "✓ accepted" in source
