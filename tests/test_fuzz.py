"""Fuzzing every reader: mutated valid files give a map or a FormatError with a position, in bounded time and memory.

Each reader gets valid files (written by argmap itself from the README's
example map, and small frameworks) and hypothesis mutates them: truncation,
byte flips, a field's value swapped for one of another type (in every field
of the JSON formats), numbers too long for Python, NaN and Infinity, NUL and
other control characters, deep nesting, and CR or CRLF line ends. Whatever
comes out, the reader returns a map (or framework) or raises a
:class:`~argmap.FormatError` that names a line; nothing else escapes, no
input takes more than a few seconds or a few dozen megabytes, and a
conversion that fails writes nothing.

The default run is short (about a hundred inputs a reader, a few seconds
each); ``ARGMAP_FUZZ=long`` runs thousands per reader::

    ARGMAP_FUZZ=long .venv/bin/pytest tests/test_fuzz.py

Python maps are not fuzzed here: they are code, run as written, and a
mutated program may loop forever by design.
"""

from __future__ import annotations

import functools
import json
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmap
from argmap import ArgumentMap, Attribution, FormatError, Source
from argmap.cli import app
from argmap.formats import FORMATS, native
from argmap.semantics import Framework
from argmap.semantics import formats as framework_formats
from benchmarks.generate import kialo as generated_kialo
from tests.conftest import ROOT
from tests.test_formats_kialo import HAND_WRITTEN  # multi-line claims, escapes, a link, claims used twice

LONG = os.environ.get("ARGMAP_FUZZ") == "long"
FUZZ = settings(
    max_examples=5_000 if LONG else 120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    database=None,  # a fuzz run explores; a failure prints the input that reproduces it
)

SECONDS = 5.0
"""The most one input may take to read: a hang or a quadratic blow-up shows as many times this."""

MEGABYTES = 64
"""The most memory one input may take to read (inputs are a few kilobytes)."""

SPECIAL = [
    "",
    "\x00",
    "\x1b[2J",
    "\x9b",
    "\r",
    "\r\n",
    "\u202e",
    "\ufeff",
    "NaN",
    "Infinity",
    "-Infinity",
    "9" * 5_000,
    "-" + "1" * 4_400,
    "1e999",
    "[" * 3_000,
    "{" * 3_000,
    '"',
    "\\",
    "}",
    "]",
    ",",
    ":",
    "p af 10000000000",
    "#",
    "{",
    "[",
    "<",
    ">",
    "//",
    "/*",
    "<!--",
    "@include(x)",
    "\ud800",
]
"""Text inserted at random places: controls, numbers JSON or Python refuse, openers without closers, syntax."""

SWAPS: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    1e308,
    "",
    " ",
    "x",
    "\x00",
    "\x1b[31m",
    [],
    {},
    [None],
    {"": None},
    "__NAN__",
    "__HUGE__",
    "__DEEP__",
]
"""Values put in place of a field's value in the JSON formats; the markers become raw JSON text afterwards."""


@functools.cache
def seed_map() -> ArgumentMap:
    """Return the README's example map: claims, sources, attributions, supports, attacks, a skeptical response."""
    return argmap.load(ROOT / "examples" / "readme.py")


@functools.cache
def seeds(format: str) -> tuple[str, ...]:
    """Return valid texts in *format* to mutate."""
    if format == "af":
        return ("p af 4\n# a comment\n1 2\n2 1\n1 3\n3 4\n", "p af 1\n", "p af 3\n1 2\n2 3\n3 1\n")
    if format == "tgf":
        return ("a Alpha\nb\nc\n#\na b\nb c label\nc a\n", "x\n#\n")
    if format == "kialo":  # a tree of pros and cons: the README's map has linked supports, which Kialo cannot hold
        return (HAND_WRITTEN, generated_kialo(40, seed=3), argmap.dumps(argmap.loads(HAND_WRITTEN, "kialo"), "kialo"))
    amap = seed_map()
    small = ArgumentMap(title="Small", date="2024-05")
    reporter, speaker = Source("A reporter", kind="publication"), Source("An official", kind="official")
    said = Attribution(speaker, via=(reporter,), medium="interview", quote="We said so.", date="2024-05-01")
    premise = small.claim("A premise.", id="p", by=said, tags=("fact", "checked"), qualifier="probably")
    support = small.support(premise, small.claim("A conclusion.", id="c", note="A note."))
    small.rebut(small.claim("An objection.", id="o"), "c", label="counter-example")
    small.undercut("o", support)
    small.skeptical_response("c", small.claim("Really?", id="q"), stance="question")
    return (argmap.dumps(amap, format), argmap.dumps(small, format))


def json_paths(document: Any) -> list[tuple[str | int, ...]]:
    """Return the place of every value in a JSON document, the document itself first."""
    found: list[tuple[str | int, ...]] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        where, value = stack.pop()
        found.append(where)
        if isinstance(value, dict):
            stack.extend(((*where, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*where, number), item) for number, item in enumerate(value))
    return found


def swapped(text: str, where: tuple[str | int, ...], value: Any) -> str:
    """Return JSON *text* with the value at *where* replaced by *value* (markers become NaN, a huge number, nesting)."""
    document = json.loads(text)
    if not where:
        document = value
    else:
        parent = document
        for step in where[:-1]:
            parent = parent[step]
        parent[where[-1]] = value
    written = json.dumps(document, ensure_ascii=False)
    return (
        written.replace('"__NAN__"', "NaN")
        .replace('"__HUGE__"', "9" * 5_000)
        .replace('"__DEEP__"', "[" * 5_000 + "]" * 5_000)
    )


@st.composite
def mutated(draw: st.DrawFn, format: str) -> str:
    """Draw a valid text in *format* and one to three mutations of it."""
    text = draw(st.sampled_from(seeds(format)))
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["truncate", "flip", "insert", "insert", "line ends", "swap", "swap"]))
        if how == "swap" and format in ("native", "aif", "sadface"):
            try:
                paths = json_paths(json.loads(text))
                text = swapped(text, draw(st.sampled_from(paths)), draw(st.sampled_from(SWAPS)))
            except (ValueError, RecursionError):
                continue  # an earlier mutation broke the JSON: nothing to swap in
        elif how == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif how == "flip" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + chr(draw(st.integers(0, 0x2FF))) + text[at + 1 :]
        elif how == "line ends":
            text = text.replace("\n", draw(st.sampled_from(["\r", "\r\n", "\n\n", ""])))
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(SPECIAL)) + text[at:]
    return text


def read_within_bounds(read: Callable[[], object]) -> object:
    """Return what *read* returns (or the FormatError it raises), asserting it took bounded time and memory."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        return read()
    except FormatError as error:
        return error
    finally:
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        assert took < SECONDS, f"reading took {took:.1f} s"
        assert peak < MEGABYTES, f"reading took {peak:.0f} MB"


def check_outcome(outcome: object, expected: type) -> None:
    """Assert that *outcome* is a map or framework, or a FormatError naming a line."""
    if isinstance(outcome, FormatError):
        assert outcome.line is not None, f"no position in: {outcome}"
    else:
        assert isinstance(outcome, expected), outcome


def nothing_written_on_failure(text: str, suffix: str, tmp: Path) -> None:
    """Run `argmap convert` on *text*: on failure, exit 2, one line on stderr, and no output file."""
    source = tmp / f"input{suffix}"
    source.write_bytes(text.encode("utf-8", "surrogatepass"))
    target = tmp / "out.json"
    target.unlink(missing_ok=True)
    result = CliRunner().invoke(app, ["convert", str(source), "-o", str(target)])
    if result.exit_code != 0:
        assert result.exit_code == 2, result.output
        assert not target.exists()
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


SCHEMA = json.loads(native.SCHEMA.read_text(encoding="utf-8"))

MAP_FORMATS = {
    "native": ".json",
    "aif": ".aif.json",
    "sadface": ".sadface.json",
    "argdown": ".argdown",
    "kialo": ".kialo.txt",
}


def fuzz_map_reader(format: str, tmp_path: Path, text: str) -> None:
    """Read one mutated text in *format* through the library, then convert it through the CLI."""
    outcome = read_within_bounds(lambda: argmap.loads(text, format))
    check_outcome(outcome, ArgumentMap)
    if format == "native" and isinstance(outcome, ArgumentMap):
        jsonschema.validate(json.loads(text), SCHEMA)  # what the reader accepts, its schema accepts
    if isinstance(outcome, FormatError):
        nothing_written_on_failure(text, MAP_FORMATS[format], tmp_path)


@pytest.mark.parametrize("format", ["native", "aif", "sadface"])
def test_json_readers_survive_mutation(format: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Native, AIF and SADFace readers: a map or a FormatError with a position, for every mutation."""
    tmp = tmp_path_factory.mktemp(format)

    @FUZZ
    @given(mutated(format))
    def run(text: str) -> None:
        fuzz_map_reader(format, tmp, text)

    run()


@pytest.mark.parametrize("format", ["argdown", "kialo"])
def test_the_text_readers_survive_mutation(format: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Argdown and Kialo: a map or a FormatError with a position, for every mutation."""
    tmp = tmp_path_factory.mktemp(format)

    @FUZZ
    @given(mutated(format))
    def run(text: str) -> None:
        fuzz_map_reader(format, tmp, text)

    run()


@pytest.mark.parametrize("format", ["af", "tgf"])
def test_framework_readers_survive_mutation(format: str) -> None:
    """ICCMA .af and TGF readers: a framework or a FormatError with a position, for every mutation."""

    @FUZZ
    @given(mutated(format))
    def run(text: str) -> None:
        outcome = read_within_bounds(lambda: framework_formats.loads(text, format))
        check_outcome(outcome, Framework)

    run()


def placed(text: str) -> list[str]:
    """Return *text* with each special text put at its start, its middle and its end."""
    middle = len(text) // 2
    return [
        variant
        for special in SPECIAL
        for variant in (special + text, text[:middle] + special + text[middle:], text + special)
    ]


def sweep(format: str, read: Callable[[str], object], expected: type) -> None:
    """Read every seed of *format* with every special text at its start, middle and end, and check each outcome."""
    for seed in seeds(format):
        for text in placed(seed):
            check_outcome(read_within_bounds(lambda text=text: read(text)), expected)  # type: ignore[misc]


@pytest.mark.parametrize("format", ["native", "aif", "sadface"])
def test_every_special_text_in_every_json_reader(format: str) -> None:
    """Not left to chance: each special text (NUL, NaN, a 5,000-digit number, 3,000 brackets, ...) in three places."""
    sweep(format, lambda text: argmap.loads(text, format), ArgumentMap)


@pytest.mark.parametrize("format", ["af", "tgf"])
def test_every_special_text_in_every_framework_reader(format: str) -> None:
    """The same sweep for the framework readers."""
    sweep(format, lambda text: framework_formats.loads(text, format), Framework)


@pytest.mark.parametrize("format", ["argdown", "kialo"])
def test_every_special_text_in_the_text_readers(format: str) -> None:
    """The same sweep for Argdown and Kialo."""
    sweep(format, lambda text: argmap.loads(text, format), ArgumentMap)


def test_every_map_format_has_a_fuzz_target() -> None:
    """A new reader is fuzzed from its first day: every registered map format but Python's (code, run as written)."""
    assert set(MAP_FORMATS) == set(FORMATS) - {"python"}
    assert set(MAP_FORMATS) == {format for format in MAP_FORMATS if seeds(format)}
