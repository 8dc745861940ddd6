"""Refresh the copies of included files in docs/*.md: `python docs/include.py`.

A page includes a file with a marker line followed by a fenced block::

    <!-- include: docs/snippets/concepts_sources.py -->
    ```python
    ...the file's text, kept current by this script...
    ```

A page shows a table the code holds with a marker line followed by the table
(up to the next blank line)::

    <!-- table: argmap.formats._carried:table -->
    | ... the Markdown that function returns ... |

tests/test_docs.py fails while a copy is stale, and runs every included Python file.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_INCLUDE = re.compile(r"(<!-- include: (?P<path>\S+) -->\n```(?P<language>\w+)\n)(?P<body>.*?)(```)", re.S)
_TABLE = re.compile(r"(<!-- table: (?P<module>[\w.]+):(?P<function>\w+) -->\n)(?:\|.*\n)*")


def _table(match: re.Match[str]) -> str:
    function = getattr(importlib.import_module(match["module"]), match["function"])
    return match[1] + str(function())


def refresh(page: Path) -> bool:
    """Rewrite *page* with current copies of its included files; return whether it changed."""
    text = page.read_text(encoding="utf-8")
    new = _INCLUDE.sub(lambda m: m[1] + (ROOT / m["path"]).read_text(encoding="utf-8") + m[5], text)
    new = _TABLE.sub(_table, new)
    if new != text:
        page.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    for page in sorted((ROOT / "docs").rglob("*.md")):
        if refresh(page):
            print(f"refreshed {page.relative_to(ROOT)}")
