"""A single chain of 30 claims, each the one reason for the next: too deep to fit a page either way, so folded.

docs/rendering.md draws it to show how ``--direction auto`` folds a deep, narrow map into columns.
"""

from argmap import ArgumentMap

m = ArgumentMap(title="Why the depot contract ends: thirty steps")
claim = m.claim("The council ends the depot contract this year.")
for step in range(1, 30):
    reason = m.claim(f"Step {step}: the report on the depot shows the cost of diesel at night.")
    m.support(reason, claim)
    claim = reason
MAP = m
