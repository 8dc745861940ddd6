"""Shared test settings: hypothesis profiles, and where the real corpus lives."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
"""The project root."""

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,  # CI machines stall now and then; speed is measured in benchmarks/, not here
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
