"""Shared test settings: hypothesis profiles, where the real corpus lives, and the browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from tests.browser import launch

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
"""The project root."""

CORPUS = Path(os.environ.get("ARGMAP_CORPUS") or ROOT.parent / "shared" / "corpus")
"""The real files from public corpora and tools (never copied into the repository); ARGMAP_CORPUS moves it."""


def corpus_file(*parts: str) -> Path:
    """Return a file of the real corpus, or skip the test, with the reason, where the corpus is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"the real corpus is not beside this checkout ({path} is absent)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Return one headless Chromium for the whole session: Playwright's sync API drives one at a time."""
    yield from launch()


settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,  # CI machines stall now and then; speed is measured in benchmarks/, not here
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
