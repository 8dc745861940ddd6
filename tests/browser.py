"""A real browser for the tests: Debian's Chromium, headless, driven by Playwright; or a clear reason to skip.

Playwright is told to use the system's Chromium (``chromium``, or the
program ``ARGMAP_CHROMIUM`` names), never a browser of its own: ``playwright
install`` downloads one, which CI cannot. Set ``ARGMAP_CHROMIUM`` to an empty
string to run the suite as on a machine without Chromium. Under CI (``CI`` set)
a missing Chromium fails the browser tests instead of skipping them, since
``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["CHROMIUM_ARGUMENTS", "Visit", "chromium", "launch", "until", "visit"]

CHROMIUM_ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Chromium's switches for tests: headless, and no connection of its own to the network (there is none here)."""

_INSTALL = "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"


def chromium() -> tuple[str | None, str]:
    """Return the Chromium program to drive, or ``None`` and why there is none."""
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen is not None:
        if chosen and Path(chosen).is_file():
            return chosen, ""
        return None, f"ARGMAP_CHROMIUM={chosen!r} names no Chromium program; {_INSTALL} and unset it"
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found, "" if found else f"no Chromium on PATH: {_INSTALL}"


def launch() -> Iterator[Browser]:
    """Yield a headless Chromium for a test session, or skip the test, saying why, where there is none."""
    program, why = chromium()
    if program is None:
        if os.environ.get("CI"):
            pytest.fail(f"the browser tests need Chromium in CI: {why}")
        pytest.skip(f"browser tests skipped: {why}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev extra installs it
        pytest.skip("browser tests skipped: Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=program, args=CHROMIUM_ARGUMENTS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@attrs.define
class Visit:
    """A page open in the browser, and what it did: console messages, errors, requests, dialogs."""

    page: Page
    console: list[str] = attrs.Factory(list)
    errors: list[str] = attrs.Factory(list)
    requests: list[str] = attrs.Factory(list)
    dialogs: list[str] = attrs.Factory(list)

    @property
    def complaints(self) -> list[str]:
        """Return the console's errors and warnings and the page's uncaught errors."""
        return self.console + self.errors


def visit(browser: Browser, url: str, *, width: int = 1280, height: int = 800) -> Visit:
    """Open *url* in a fresh browser context of the given size and record what the page does."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    seen = Visit(page)
    page.on(
        "console",
        lambda message: (
            seen.console.append(f"{message.type}: {message.text}") if message.type in ("error", "warning") else None
        ),
    )
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("request", lambda request: seen.requests.append(request.url))

    def dialog(opened: object) -> None:
        seen.dialogs.append(getattr(opened, "message", ""))
        opened.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", dialog)
    page.goto(url)
    return seen


def until(page: Page, function: str, *, timeout: float = 10.0) -> object:
    """Return what the JavaScript *function* gives once it gives something true, polling; fail after *timeout* s.

    Playwright's own ``wait_for_function`` evaluates strings with ``eval``,
    which the page's Content Security Policy rightly refuses. A page that
    reloads while asked is asked again.
    """
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(function)
        except Error as error:  # the page reloaded while being asked: ask the new one
            if "context was destroyed" not in str(error):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {function}")
        page.wait_for_timeout(50)
