"""Every code snippet in docs/ is included from a file, and every such file runs."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = ROOT / "docs"
_INCLUDE = re.compile(r"<!-- include: (?P<path>\S+) -->\n```(?P<language>\w+)\n(?P<body>.*?)```", re.S)
_BLOCK = re.compile(r"^```python$", re.M)


def included() -> list[tuple[Path, Path, str]]:
    """Return (page, included file, the page's copy) for every include marker in docs/."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        for match in _INCLUDE.finditer(page.read_text(encoding="utf-8")):
            found.append((page, ROOT / match["path"], match["body"]))
    return found


def test_every_python_block_in_the_docs_is_an_include() -> None:
    """No page pastes Python by hand: each block sits under an include marker, so the tests run it."""
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        blocks = len(_BLOCK.findall(text))
        includes = sum(1 for match in _INCLUDE.finditer(text) if match["language"] == "python")
        assert blocks == includes, f"{page.name}: {blocks - includes} Python block(s) not included from a file"


@pytest.mark.parametrize(("page", "path", "body"), included(), ids=lambda value: getattr(value, "name", ""))
def test_included_snippets_are_current_and_run(page: Path, path: Path, body: str) -> None:
    """The copy in the page equals the file (run `python docs/include.py` to refresh), and the file runs."""
    assert path.read_text(encoding="utf-8") == body, f"{page.name} has a stale copy of {path.name}"
    if path.suffix == ".py":
        runpy.run_path(str(path), run_name="__main__")


_LINK = re.compile(r"\]\((?P<target>[^)\s#]+)(#[^)]*)?\)")


def test_relative_links_and_images_in_the_docs_exist() -> None:
    """Every relative link or image in README.md and docs/*.md points at a file or folder that exists."""
    for page in [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]:
        for match in _LINK.finditer(page.read_text(encoding="utf-8")):
            target = match["target"]
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"


def test_cli_reference_is_generated_from_the_app() -> None:
    """docs/reference/cli.md is what docs/cli_reference.py writes (run it to refresh the page)."""
    reference = runpy.run_path(str(DOCS / "cli_reference.py"))["reference"]
    assert (DOCS / "reference" / "cli.md").read_text(encoding="utf-8") == reference()


def test_every_page_is_in_the_site_navigation() -> None:
    """Each Markdown page under docs/ is reachable from mkdocs.yml's nav, so none is built but hidden."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted(DOCS.rglob("*.md")):
        relative = page.relative_to(DOCS).as_posix()
        assert f" {relative}" in nav, f"{relative} is not in mkdocs.yml's nav"
