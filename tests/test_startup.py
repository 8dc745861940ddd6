"""Start-up: `import argmap` and `argmap render -f dot` import what they use, and every public name still resolves."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import dump, load
from argmap.render import to_dot
from benchmarks.generate import build, thesis_plan
from tests.conftest import ROOT

HEAVY = (
    "argmap.jupyter",
    "argmap.drawing",
    "argmap.engine",
    "argmap.formats",
    "argmap.render",
    "argmap.render.html",
    "argmap.render.outline",
)
"""What a program that builds, checks and evaluates maps never needs: drawing, notebooks, file formats."""

NOT_FOR_DOT = (
    "argmap.jupyter",
    "argmap.render.html",
    "argmap.render.layout",
    "argmap.render.status",
    "argmap.parts",
    "concurrent.futures",
    "rich",
    "xml.etree.ElementTree",
    "hashlib",
)
"""What writing one map's DOT never needs: the page, the layout of big maps, evaluation colours, threads, progress."""


def run_python(code: str) -> str:
    """Return what *code* prints, run by a fresh Python (this process has imported everything already)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout


def test_importing_argmap_leaves_drawing_notebooks_and_formats_unimported() -> None:
    """`import argmap` gives the whole public API, yet imports none of the drawing, notebook or format modules."""
    loaded = json.loads(
        run_python(f"import json, sys, argmap; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    )
    assert loaded == []


def test_every_public_name_resolves_in_a_fresh_process_to_its_home_modules_object() -> None:
    """Each name of argmap.__all__, looked up first thing, is the object its module defines; dir() lists them all."""
    code = (
        "import importlib, json, argmap\n"
        "found = {}\n"
        "for name in argmap.__all__:\n"
        "    value = getattr(argmap, name)\n"
        "    home = importlib.import_module(value.__module__)\n"
        "    found[name] = [value.__module__, getattr(home, name) is value]\n"
        "print(json.dumps({'found': found, 'dir': sorted(set(argmap.__all__) - set(dir(argmap)))}))\n"
    )
    answer = json.loads(run_python(code))
    assert answer["dir"] == []
    assert sorted(answer["found"]) == sorted(argmap.__all__)
    assert all(same for _, same in answer["found"].values()), answer["found"]
    assert answer["found"]["load"][0] == "argmap.formats"
    assert answer["found"]["outline"][0] == "argmap.render.outline"


def test_star_import_gives_every_public_name() -> None:
    """`from argmap import *` binds the names imported on first use too."""
    names = json.loads(run_python("import json\nfrom argmap import *\nprint(json.dumps(sorted(dir())))"))
    assert set(argmap.__all__) <= set(names)


def test_the_functions_named_as_their_modules_stay_functions() -> None:
    """argmap.check, argmap.evaluate and argmap.merge are the functions, even once every module is imported."""
    code = (
        "import argmap, argmap.check, argmap.evaluate, argmap.merge, argmap.jupyter, argmap.render\n"
        "from argmap import check, evaluate, merge\n"
        "print([callable(f) and type(f).__name__ for f in (check, evaluate, merge, argmap.outline)])\n"
    )
    assert run_python(code).strip() == "['function', 'function', 'function', 'function']"


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name argmap does not have raises AttributeError, as any module's does, naming it."""
    with pytest.raises(AttributeError, match="no_such_name"):
        argmap.no_such_name  # noqa: B018  # the lookup is what is tested


def test_a_value_shown_first_brings_the_notebook_display_in() -> None:
    """The notebook display is registered when a first value is shown, not at import: an evaluation shows its table."""
    code = (
        "import sys, argmap\n"
        "m = argmap.ArgumentMap()\n"
        "m.rebut('Talks go on.', m.claim('Talks fail.'))\n"
        "before = 'argmap.jupyter' in sys.modules\n"
        "shown = argmap.evaluate(m)._repr_mimebundle_()\n"
        "print(before, sorted(shown), '<table' in shown['text/html'], 'argmap.jupyter' in sys.modules)\n"
    )
    assert run_python(code).split() == ["False", "['text/html',", "'text/plain']", "True", "True"]


def test_the_page_renderer_is_imported_on_first_use_from_argmap_render() -> None:
    """argmap.render gives to_html and HtmlOptions without importing the page until one is asked for."""
    code = (
        "import sys, argmap.render\n"
        "before = 'argmap.render.html' in sys.modules\n"
        "from argmap.render import HtmlOptions, to_html\n"
        "import argmap.render.html as page\n"
        "print(before, to_html is page.to_html, HtmlOptions is page.HtmlOptions, 'to_html' in dir(argmap.render))\n"
    )
    assert run_python(code).split() == ["False", "True", "True", "True"]


def test_render_dot_imports_no_page_layout_or_threads_and_writes_the_same_dot(tmp_path: Path) -> None:
    """The real `argmap render -f dot` (Python's import log) imports none of NOT_FOR_DOT, and writes to_dot's text."""
    source = tmp_path / "thesis.json"
    dump(build(thesis_plan(120)), source)
    target = tmp_path / "thesis.dot"
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "argmap",
        "render",
        str(source),
        "-f",
        "dot",
        "-o",
        str(target),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "argmap.render.dot" in imported  # the log is read right
    assert sorted(imported & set(NOT_FOR_DOT)) == []
    assert target.read_text(encoding="utf-8") == to_dot(load(source))


def test_importlib_finds_the_lazy_names_home() -> None:
    """The modules named in argmap's table of names imported on first use exist and define those names."""
    later = vars(argmap)["_LATER"]
    assert set(later) <= set(argmap.__all__)
    assert all(hasattr(importlib.import_module(home), name) for name, home in later.items())
