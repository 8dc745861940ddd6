"""The native JSON format: exact round trips, the shipped schema, and errors that say where."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgumentMap, FormatError, Rebuttal, SkepticalResponse, Source, Support, Undercut
from argmap.formats import native
from argmap.formats._json import dumps_by_line, parse
from tests.json_paths import json_paths, parent_of
from tests.strategies import dates, identifiers, maps, texts

SCHEMA = json.loads(native.SCHEMA.read_text(encoding="utf-8"))


@given(maps())
def test_round_trip_is_exact(amap: ArgumentMap) -> None:
    """loads(dumps(m)) == m, and dumping again gives the same text."""
    text = native.dumps(amap)
    again = native.loads(text)
    assert again == amap
    assert _streamed(text) == amap  # read item by item, never parsed whole
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


@settings(max_examples=400)
@given(maps(max_claims=4, max_relations=4), st.data())
def test_the_quick_reader_accepts_only_what_the_careful_reader_accepts(amap: ArgumentMap, data: st.DataObject) -> None:
    """After one change to a valid document, the fast path refuses it or reads what the careful reader reads."""
    document = json.loads(native.dumps(amap))
    path = data.draw(st.sampled_from(json_paths(document)[1:]))
    parent = parent_of(document, path)
    action = data.draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = data.draw(st.none() | _JSON_VALUES)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8))] = data.draw(_JSON_VALUES)
    else:
        parent.append(data.draw(_JSON_VALUES))
    writers: list[Callable[[Any], str]] = [json.dumps, dumps_by_line, functools.partial(json.dumps, indent="\t")]
    text = data.draw(st.sampled_from(writers))(document)
    readers: list[Callable[[], ArgumentMap]] = [
        lambda: native._read_quickly(*native._parts(json.loads(text))),
        lambda: _streamed(text),
    ]
    for quickly in readers:
        try:
            quick = quickly()
        except Exception:  # refusing is always allowed: the careful reader then decides
            continue
        assert native._Reader(text, None).read(json.loads(text)) == quick


def _streamed(text: str) -> ArgumentMap:
    """Read *text* item by item, as :func:`native.loads` does first."""
    return native._read_quickly(*native._Stream(text).parts())


_SMALL = '{"format": "argmap/1", "title": "T", "claims": [{"id": "a", "text": "A."}], "relations": []}'


@pytest.mark.parametrize(
    "text",
    [
        _SMALL,
        _SMALL.replace(", ", ",\n\t "),
        '{"title": "T", "format": "argmap/1", "claims": [{"id": "a", "text": "A."}]}',
        '{"claims": [{"id": "a", "text": "A."}], "format": "argmap/1"}',  # arrays first: read whole
        '{"format": "argmap/1", "title": "T", "title": "U"}',  # a repeated field: the last one counts
        '{"format": "argmap/1", "claims": [], "claims": [{"id": "a", "text": "A."}]}',
        '{"format": "argmap/1", "relations": [], "claims": []}',
        '{"format": "argmap/1"}',
        '{"format": "argmap/1", "claims": [{"id": "a", "text": "A."},]}',  # malformed from here on
        '{"format": "argmap/1", "claims": [{"id": "a", "text": "A."}],}',
        '{"format": "argmap/1", "claims": [{"id": "a", "text": "A."}]} {}',
        '{"format": "argmap/1", "claims": [{"id": "a", "text": "A.", "n": NaN}]}',
        '{"format": "argmap/1", "claims": [{"id": "a", "text": "A."}]',
        '{"format": "argmap/1" "claims": []}',
        '{"format": "argmap/1", "claims": 3}',
        "{}",
        "[]",
    ],
)
def test_reading_item_by_item_gives_what_reading_whole_gives(text: str) -> None:
    """Whatever the layout or the fault, loads gives the map, or the error, that parsing the text whole gives."""
    try:
        expected: ArgumentMap | str = native._Reader(text, None).read(parse(text))
    except FormatError as error:
        expected = str(error)
    try:
        got: ArgumentMap | str = native.loads(text)
    except FormatError as error:
        got = str(error)
    assert got == expected


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


# One set of rules: the builder and the native reader refuse the same elements, with the same error.

_BAD_TEXTS = ("", " ", "\n\t")
_BAD_IDS = ("", " a", "a ", "a\nb", "a\tb", "a\x00b")
_TAKEN_IDS = ("a", "b", "s", "speaker")  # the ids of the map the element is added to
_REFERENCES = st.sampled_from(("a", "b", "s", "nope", *_BAD_IDS[:3]))


def _texts_and_bad_ones() -> st.SearchStrategy[str]:
    return st.sampled_from(_BAD_TEXTS) | texts


def _ids_and_bad_ones() -> st.SearchStrategy[str]:
    return st.sampled_from((*_BAD_IDS, *_TAKEN_IDS)) | identifiers


_ELEMENTS = st.one_of(
    st.tuples(
        st.just("claim"),
        st.fixed_dictionaries(
            {"id": _ids_and_bad_ones(), "text": _texts_and_bad_ones()},
            optional={
                "qualifier": _texts_and_bad_ones(),
                "note": _texts_and_bad_ones(),
                "section": _texts_and_bad_ones(),
                "document": _ids_and_bad_ones(),
                "tags": st.lists(st.sampled_from(("x", "y", " x", "x ", "", "\n")), max_size=3),
                "attribution": st.fixed_dictionaries(
                    {"source": st.just("speaker")},
                    optional={
                        "via": st.lists(st.just("speaker"), max_size=2),
                        "medium": st.sampled_from(("article", "tweet", "pigeon", "", "Article")),
                        "quote": _texts_and_bad_ones(),
                        "date": st.sampled_from(("2011", "2011-04-11", "2011-4", "yesterday", "")) | dates,
                        "url": _texts_and_bad_ones(),
                    },
                ),
            },
        ),
    ),
    st.tuples(
        st.just("source"),
        st.fixed_dictionaries(
            {"id": st.sampled_from(_BAD_IDS) | identifiers.filter(lambda name: name not in _TAKEN_IDS)},
            optional={
                "name": _texts_and_bad_ones(),
                "kind": st.sampled_from(("person", "publication", "alien", "")),
                "affiliation": _texts_and_bad_ones(),
                "url": _texts_and_bad_ones(),
            },
        ).filter(lambda fields: "name" in fields),
    ),
    st.tuples(
        st.just("support"),
        st.fixed_dictionaries(
            {"premises": st.lists(_REFERENCES, max_size=3), "conclusion": _REFERENCES},
            optional={"label": _texts_and_bad_ones(), "id": _ids_and_bad_ones()},
        ),
    ),
    st.tuples(
        st.sampled_from(("rebuttal", "undercut")),
        st.fixed_dictionaries(
            {"attacker": _REFERENCES, "target": _REFERENCES},
            optional={"label": _texts_and_bad_ones(), "id": _ids_and_bad_ones()},
        ),
    ),
    st.tuples(
        st.just("skeptical_response"),
        st.fixed_dictionaries(
            {"response": _REFERENCES, "target": _REFERENCES},
            optional={"stance": st.sampled_from(("doubt", "sarcasm", "glee", "")), "id": _ids_and_bad_ones()},
        ),
    ),
)
"""An element in native JSON fields, valid or not: bad texts and ids, taken ids, unknown references."""


def _base() -> ArgumentMap:
    """Return the map every element is added to: a source, two claims and a support between them."""
    amap = ArgumentMap()
    speaker = amap.add(Source("A speaker", id="speaker"))
    first = amap.claim("The first claim.", id="a", by=speaker)
    second = amap.claim("The second claim.", id="b")
    amap.support(first, second, id="s")
    return amap


def _built(amap: ArgumentMap, kind: str, fields: dict[str, Any]) -> None:
    """Add the element to *amap* as a user's code would: a builder method where one fits, else ``add``."""
    claims, relations = {c.id for c in amap.claims}, {r.id for r in amap.relations}
    options = {"id": fields["id"]} if "id" in fields else {}
    if kind == "claim":
        said = dict(fields.get("attribution", {}))
        if said:
            sources = {source.id: source for source in amap.sources}
            said["by"] = sources[said.pop("source")]
            said["via"] = tuple(sources[id] for id in said.get("via", ()))
        extra = {name: fields[name] for name in ("qualifier", "note", "section", "document", "tags") if name in fields}
        amap.claim(fields["text"], id=fields["id"], **extra, **said)
    elif kind == "source":
        amap.add(Source(**fields))
    elif kind == "support":
        premises, conclusion, label = fields["premises"], fields["conclusion"], fields.get("label")
        if {*premises, conclusion} <= claims:
            amap.support(premises, conclusion, label=label, **options)
        else:  # the builder would read an unknown reference as the text of a new claim: add it as built
            amap.add(Support(premises, conclusion, label=label, **options))
    elif kind in ("rebuttal", "undercut"):
        attacker, target, label = fields["attacker"], fields["target"], fields.get("label")
        if kind == "rebuttal" and {attacker, target} <= claims:
            amap.rebut(attacker, target, label=label, **options)
        elif kind == "undercut" and attacker in claims and target in relations:
            amap.undercut(attacker, target, label=label, **options)
        else:
            amap.add((Rebuttal if kind == "rebuttal" else Undercut)(attacker, target, label=label, **options))
    else:
        response, target, stance = fields["response"], fields["target"], fields.get("stance", "doubt")
        if response in claims and target in claims | relations:
            amap.skeptical_response(response, target, stance=stance, **options)
        else:
            amap.add(SkepticalResponse(response, target, stance=stance, **options))


@settings(max_examples=500)
@given(_ELEMENTS)
@example(("claim", {"id": "s", "text": "A claim under the id of a support."}))
@example(("support", {"premises": ["a", "nope"], "conclusion": "b"}))
@example(("claim", {"id": "c", "text": "A claim.", "tags": ["x", "x"], "attribution": {"source": "speaker"}}))
def test_the_builder_and_the_native_reader_refuse_the_same_elements(element: tuple[str, dict[str, Any]]) -> None:
    """Each element either both accept, giving equal maps, or both refuse, with one error class and message.

    The builder raises the model's or the map's error; the reader a
    FormatError with that message, caused by that error, at the element's
    place in the file. (A file also has rules of its own, such as a source
    listed twice; those are not element rules, and are not drawn here.)
    """
    kind, fields = element
    built = _base()
    refused: ArgmapError | None = None
    try:
        _built(built, kind, fields)
    except ArgmapError as error:
        refused = error
    document = json.loads(native.dumps(_base()))
    if kind in ("claim", "source"):
        document[f"{kind}s"].append(fields)
    else:
        document["relations"].append({"kind": kind, **fields})
    text = dumps_by_line(document)  # one element to a line, as argmap writes files
    if refused is None:
        assert native.loads(text) == built
        return
    message = str(refused)
    where = "claims" if kind == "claim" else "sources" if kind == "source" else "relations"
    if kind == "claim" and message == f"the map already has a relation with id {fields['id']!r}":
        # A file lists claims before relations: the clash is met, and named, at the relation.
        message, where = f"the map already has a claim with id {fields['id']!r}", "relations"
    with pytest.raises(FormatError) as raised:
        native.loads(text)
    assert raised.value.message == message
    assert type(raised.value.__cause__) is type(refused)
    assert raised.value.field is not None
    assert raised.value.field.startswith(f"{where}[")
