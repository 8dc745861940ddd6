"""An `argmap ... --watch` process for the tests: started as a user starts it, its stderr read as it comes."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

__all__ = ["ARGMAP", "RENDERED", "Watching"]

ARGMAP = Path(sys.executable).parent / "argmap"
"""The installed command."""

RENDERED = r"^\d\d:\d\d:\d\d wrote (\S+) \(\d+\.\d\d s\)$"
"""The line a watch prints for each render."""


class Watching:
    """An `argmap ... --watch` process, its stderr read line by line as it comes."""

    def __init__(self, arguments: list[str], folder: Path) -> None:
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        self.process = subprocess.Popen(
            [str(ARGMAP), *arguments],
            cwd=folder,
            env=environment,  # as a user runs it: Python caches bytecode
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert self.process.stderr is not None
        self._reader = threading.Thread(target=self._read, args=(self.process.stderr,), daemon=True)
        self._reader.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str, timeout: float = 15.0) -> re.Match[str]:
        """Return the match of the next line that matches *pattern*, failing after *timeout* seconds."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line matched {pattern!r} in {timeout} s; saw {self.seen}") from None
            self.seen.append(line)
            found = re.search(pattern, line)
            if found:
                return found

    def interrupt(self) -> int:
        """Send Ctrl-C's signal and return the exit code."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=15)

    def terminate(self) -> int:
        """Send SIGTERM (``kill``) and return the exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=15)

    def stop(self) -> None:
        """Kill the process if it still runs, and close its pipes."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
