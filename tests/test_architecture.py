"""The package's layers hold: imports go down only, and private names stay in their package.

The layers themselves are import-linter's contract in pyproject.toml (`make test`
runs `lint-imports`); these tests check what that contract cannot say, and that
docs/architecture.md shows the same layers as the contract.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "argmap"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_of(path: Path) -> str:
    """Return the package a module file belongs to (a package's __init__ belongs to itself)."""
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _imported(tree: ast.Module) -> list[tuple[int, str]]:
    """Return (line, dotted name) for every name imported from argmap, as ``module.name``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("argmap")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("argmap"):
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _private_owner(dotted: str) -> str | None:
    """Return the package whose private name *dotted* reaches into, or None when every part is public.

    A private module belongs to the package it sits in; a private name in a
    module belongs to that module's package, so siblings may share it.
    """
    parts = dotted.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            owner = parts[:index]
            while owner and not (ROOT.joinpath(*owner) / "__init__.py").is_file():
                owner.pop()
            return ".".join(owner)
    return None


def private_imports_across_packages() -> list[str]:
    """Return each import of a private name by a module outside the package that owns it."""
    crossings = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = _package_of(path)
        for line, dotted in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            owner = _private_owner(dotted)
            if owner is not None and not (importer == owner or importer.startswith(owner + ".")):
                crossings.append(f"{path.relative_to(ROOT)}:{line}: {dotted}")
    return crossings


def test_no_module_imports_another_package_s_private_names() -> None:
    """A private name (leading underscore) is imported only within its own package and the packages inside it."""
    assert private_imports_across_packages() == []


def test_the_private_name_rule_knows_whose_name_it_is() -> None:
    """A private module is its package's; so is a module's private function; a public name is no one's."""
    assert _private_owner("argmap.render._wrap.visible") == "argmap.render"
    assert _private_owner("argmap.semantics.extensions._grow") == "argmap.semantics"
    assert _private_owner("argmap._io.read_text") == "argmap"
    assert _private_owner("argmap.render.dot.to_dot") is None


def contract_layers() -> list[str]:
    """Return the layers of the import-linter contract over the whole package, top first."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in contracts if c["type"] == "layers" and "containers" not in c]  # not one inside a package
    return [str(layer) for layer in contract["layers"]]


def test_every_module_of_the_package_has_a_layer() -> None:
    """Each module and subpackage directly under argmap/ sits in a layer, so none escapes the contract."""
    named = {name.strip() for layer in contract_layers() for name in layer.split("|")}
    modules = {
        f"argmap.{path.stem if path.is_file() else path.name}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem not in {"__init__", "__main__"}) or (path / "__init__.py").is_file()
    }
    assert modules - named == set()
    assert named - modules == set()


def test_the_architecture_page_shows_the_contract_s_layers() -> None:
    """docs/architecture.md lists the same layers, in the same order, as the contract that make test enforces."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \d+ \| (.+?) \|", page, re.M)
    shown = [" | ".join(re.findall(r"`(argmap[\w.]*)`", row)) for row in rows]
    assert shown == [layer.replace(" ", "").replace("|", " | ") for layer in contract_layers()]
