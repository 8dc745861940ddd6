"""The native JSON format: exact round trips, the shipped schema, and errors that say where."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, FormatError, Source
from argmap.formats import native
from tests.strategies import maps

SCHEMA = json.loads(native.SCHEMA.read_text(encoding="utf-8"))


@given(maps())
def test_round_trip_is_exact(amap: ArgumentMap) -> None:
    """loads(dumps(m)) == m, and dumping again gives the same text."""
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap
    assert native.dumps(again) == text


@given(maps())
def test_output_validates_against_the_shipped_schema(amap: ArgumentMap) -> None:
    """Everything we write is valid under argmap-1.schema.json."""
    jsonschema.validate(json.loads(native.dumps(amap)), SCHEMA)


def test_the_schema_is_itself_valid_and_documents_the_version() -> None:
    """The shipped schema is a valid JSON Schema and pins the format marker."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["format"]["const"] == native.FORMAT


def test_files_round_trip_through_the_top_level_functions(tmp_path: Path) -> None:
    """argmap.dump and argmap.load pick the native format for .json and keep the map."""
    m = ArgumentMap(title="Shamsi", date="2011-06-30")
    m.claim("That base is neither vacated nor being vacated.", by=Source("A U.S. official", kind="official"))
    path = argmap.dump(m, tmp_path / "shamsi.json")
    assert argmap.load(path) == m
    assert argmap.loads(argmap.dumps(m)) == m
    assert path.read_text(encoding="utf-8").startswith('{\n  "format": "argmap/1",')


def test_relation_ids_are_written_only_where_they_differ_from_the_derived_one() -> None:
    """A derived relation id is left out of the file and derived again on reading."""
    m = ArgumentMap()
    m.support(m.claim("A premise here.", id="p"), m.claim("A conclusion here.", id="c"))
    m.rebut("p", "c", id="named")
    relations = json.loads(native.dumps(m))["relations"]
    assert "id" not in relations[0]
    assert relations[1]["id"] == "named"


def error_for(text: str) -> FormatError:
    """Return the FormatError that reading *text* raises."""
    with pytest.raises(FormatError) as caught:
        native.loads(text, path="map.json")
    return caught.value


def test_invalid_json_names_line_and_column() -> None:
    """A syntax error gives the file, line and column."""
    error = error_for('{\n  "format": "argmap/1",\n  "claims": [,]\n}')
    assert (error.path, error.line, error.column) == ("map.json", 3, 14)
    assert str(error).startswith("map.json:3:14: invalid JSON")


@pytest.mark.parametrize(
    ("text", "line", "column", "field", "message"),
    [
        ('{"format": "argmap/2"}', 1, 12, "format", "expected format 'argmap/1'"),
        ("[]", 1, 1, "the document", "expected an object, got an array"),
        ('{"format": "argmap/1",\n "claim": []}', 2, 2, "claim", "unknown field 'claim'"),
        ('{"format": "argmap/1", "claims": [\n  {"id": "a"}\n]}', 2, 3, "claims[0]", "missing field 'text'"),
        ('{"format": "argmap/1", "claims": [\n  {"id": "a", "text": 5}]}', 2, 23, "claims[0].text", "must be a string"),
        ('{"format": "argmap/1", "claims": [\n  {"id": "a", "text": " "}]}', 2, 3, "claims[0]", "Claim.text"),
        (
            '{"format": "argmap/1", "claims": [{"id": "a", "text": "t",\n "attribution": {"source": "nyt"}}]}',
            2,
            28,
            "claims[0].attribution.source",
            "no source has id 'nyt'",
        ),
        (
            '{"format": "argmap/1", "claims": [{"id": "a", "text": "t"}],\n'
            ' "relations": [{"kind": "support", "premises": ["a"], "conclusion": "ghost"}]}',
            2,
            16,
            "relations[0]",
            "'ghost'",
        ),
        (
            '{"format": "argmap/1", "relations": [{"kind": "endorsement"}]}',
            1,
            47,
            "relations[0].kind",
            "unknown relation kind 'endorsement'",
        ),
        (
            '{"format": "argmap/1", "claims": [{"id": "a", "text": "t"}, {"id": "a", "text": "u"}]}',
            1,
            61,
            "claims[1]",
            "already has a claim with id 'a'",
        ),
    ],
)
def test_malformed_documents_name_the_field_line_and_column(
    text: str, line: int, column: int, field: str, message: str
) -> None:
    """Each kind of mistake is reported at the offending field, with its line and column."""
    error = error_for(text)
    assert (error.line, error.column, error.field) == (line, column, field)
    assert message in error.message


def test_deeply_nested_json_is_an_error_not_a_crash() -> None:
    """Nesting deep enough to exhaust the parser's recursion is reported as a FormatError."""
    error = error_for("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in error.message


def test_a_missing_or_unreadable_file_is_a_format_error(tmp_path: Path) -> None:
    """Reading a file that is not there, or not UTF-8, says so with the path."""
    with pytest.raises(FormatError, match="no such file"):
        native.load(tmp_path / "missing.json")
    (tmp_path / "latin1.json").write_bytes(b'{"format": "argmap/1", "title": "caf\xe9"}')
    with pytest.raises(FormatError, match=r"latin1.json:1:37: is not UTF-8"):
        native.load(tmp_path / "latin1.json")


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final rename fails, the previous file is intact and no temporary file remains."""
    path = tmp_path / "map.json"
    path.write_text("old contents", encoding="utf-8")
    m = ArgumentMap(title="new")

    def broken_replace(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        native.dump(m, path)
    assert path.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    """A missing output folder is an OSError naming the folder, and nothing is created."""
    with pytest.raises(FileNotFoundError, match="no such folder"):
        native.dump(ArgumentMap(), tmp_path / "nowhere" / "map.json")
    assert list(tmp_path.iterdir()) == []


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.sampled_from(["", " ", "x", "doubt"]),
    lambda children: st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2),
    max_leaves=4,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Return the path of every value inside a parsed JSON document."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@settings(max_examples=400)
@given(maps(max_claims=4, max_relations=4), st.data())
def test_the_quick_reader_accepts_only_what_the_careful_reader_accepts(amap: ArgumentMap, data: st.DataObject) -> None:
    """After one change to a valid document, the fast path refuses it or reads what the careful reader reads."""
    document = json.loads(native.dumps(amap))
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = data.draw(st.none() | _JSON_VALUES)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(_JSON_VALUES)
    else:
        parent.append(data.draw(_JSON_VALUES))
    text = json.dumps(document)
    try:
        quick = native._read_quickly(json.loads(text))
    except Exception:  # refusing is always allowed: the careful reader then decides
        return
    assert native._Reader(text, None).read(json.loads(text)) == quick


@pytest.mark.parametrize("field", ["via", "tags"])
def test_empty_via_and_tags_are_read_and_valid_under_the_schema(field: str) -> None:
    """`via: []` and `tags: []` mean none: the reader takes them, and now the shipped schema does too."""
    document = {
        "format": "argmap/1",
        "sources": [{"id": "s", "name": "A speaker"}],
        "claims": [{"id": "a", "text": "A claim.", "attribution": {"source": "s"}}],
    }
    if field == "via":
        document["claims"][0]["attribution"]["via"] = []  # type: ignore[index]
    else:
        document["claims"][0]["tags"] = []  # type: ignore[index]
    amap = native.loads(json.dumps(document))
    (claim,) = amap.claims
    assert claim.tags == ()
    assert claim.attribution is not None
    assert claim.attribution.via == ()
    jsonschema.validate(document, SCHEMA)


def test_a_file_naming_a_skeptical_response_by_its_old_derived_id_still_reads() -> None:
    """Skeptical responses written without an id once had "doubt:response>target"; a file naming one so still reads."""
    old = {
        "format": "argmap/1",
        "claims": [
            {"id": "fewer", "text": "Pakistan's demands will reduce the C.I.A. presence."},
            {"id": "tweet", "text": "PK tells US to reduce the times its operatives get caught."},
            {"id": "spin", "text": "Sarcasm is no argument."},
            {"id": "really", "text": "Is it, though?"},
        ],
        "relations": [
            {"kind": "skeptical_response", "response": "tweet", "target": "fewer", "stance": "sarcasm"},
            {"kind": "undercut", "attacker": "spin", "target": "doubt:tweet>fewer"},
            {"kind": "skeptical_response", "response": "really", "target": "doubt:tweet>fewer"},
        ],
    }
    amap = native.loads(json.dumps(old))
    (response, second), (undercut,) = amap.skeptical_responses, amap.undercuts
    assert response.id == "skeptical-response:tweet>fewer"
    assert undercut.target == second.target == response.id
    assert second.id == "skeptical-response:really>skeptical-response:tweet>fewer"
    assert native.loads(native.dumps(amap)) == amap
