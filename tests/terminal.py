"""Run a command with its stderr on a pseudo-terminal, as a user's shell would, to see what it shows there."""

from __future__ import annotations

import os
import pty
import subprocess

__all__ = ["on_terminal"]


def on_terminal(command: list[str], columns: int = 100) -> tuple[int, str]:
    """Run *command* with stderr on a terminal of *columns* columns; return its exit code and what it showed."""
    controller, terminal = pty.openpty()
    try:
        completed = subprocess.run(
            command,
            stdout=subprocess.PIPE,
            stderr=terminal,
            check=False,
            env={**os.environ, "COLUMNS": str(columns), "TERM": "xterm"},
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    return completed.returncode, shown.decode("utf-8", "replace")
