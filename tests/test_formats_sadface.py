"""SADFace: both real documents load, round trips keep what SADFace carries, and another reader reads ours."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, FormatError, Rebuttal, SkepticalResponse, Support, check
from argmap.formats import sadface
from tests.conftest import corpus_file
from tests.strategies import maps


@pytest.mark.corpus
def test_the_hangback_example_loads_with_its_metadata() -> None:
    """Four atoms, a linked support and a conflict; the core metadata gives title, date and description."""
    amap = argmap.load(corpus_file("sadface", "data.json"))  # plain .json: the content tells it is SADFace
    assert len(amap.claims) == 4
    (support,) = amap.supports
    assert len(support.premises) == 2  # two atoms into one support scheme: a linked support
    assert amap.claim_for(support.conclusion).text.startswith("The 'Hang Back' campaign video should not")
    (rebuttal,) = amap.rebuttals
    assert amap.claim_for(rebuttal.attacker).text.startswith("Road users have a responsibility")
    assert (amap.title, amap.date) == ("Hangback Example", "2019-04-22")
    assert amap.description is not None
    assert amap.description.startswith("An example SADFace document")
    assert amap.description.endswith("has much more argumenative content.")  # the analyst's notes are kept
    assert check(amap) == []


@pytest.mark.corpus
def test_the_empty_document_is_a_clear_warning() -> None:
    """minimal.json has no nodes: an empty map and one warning, not an error."""
    amap = argmap.load(corpus_file("sadface", "minimal.json"))
    assert amap.claims == ()
    assert [(p.severity, p.code) for p in check(amap)] == [("warning", "empty-file")]


def kept(amap: ArgumentMap) -> dict[str, Any]:
    """Return what SADFace carries of *amap*, as docs/formats.md states it."""
    date = amap.date
    if date is not None:
        date += "-01" * (2 - date.count("-"))  # a year or a month reads back as its first day
    relations: list[tuple[Any, ...]] = []
    for relation in amap.relations:
        if isinstance(relation, Support):
            relations.append(("support", relation.id, relation.premises, relation.conclusion, relation.label))
        elif isinstance(relation, SkepticalResponse):
            relations.append(("skeptical_response", relation.id, relation.response, relation.target, relation.stance))
        else:
            kind = "rebuttal" if isinstance(relation, Rebuttal) else "undercut"
            relations.append((kind, relation.id, relation.attacker, relation.target, relation.label))
    return {
        "title": amap.title,
        "author": amap.author,
        "description": amap.description,
        "date": date,
        "claims": [(claim.id, claim.text) for claim in amap.claims],
        "relations": relations,
    }


@given(maps())
def test_round_trip_keeps_what_sadface_carries(amap: ArgumentMap) -> None:
    """Native -> SADFace -> native keeps claims and every relation; it loses what docs/formats.md lists."""
    back = sadface.loads(sadface.dumps(amap))
    assert kept(back) == kept(amap)
    assert (back.publication, back.url, back.documents, back.sources) == (None, None, (), ())
    assert all((c.attribution, c.qualifier, c.tags, c.note) == (None, None, (), None) for c in back.claims)
    assert back.load_problems == []


def test_labels_that_name_a_kind_keep_the_kind() -> None:
    """A support labelled "conflict" stays a support; "rephrase" is the rephrase scheme, as in AIF."""
    m = ArgumentMap()
    m.support(m.claim("A premise.", id="p"), m.claim("A conclusion.", id="c"), label="conflict", id="s")
    m.support("c", "p", label="rephrase", id="r")
    m.rebut("p", "c", label="counter-example")
    document = json.loads(sadface.dumps(m))
    assert [node.get("name") for node in document["nodes"][2:]] == ["support", "rephrase", "attack"]
    assert document["nodes"][4]["metadata"]["argmap"]["label"] == "counter-example"
    assert sadface.loads(sadface.dumps(m)) == m


def test_an_independent_reader_loads_what_we_write() -> None:
    """The SADFace loader of arguebuf reads our output: the same atoms, scheme nodes and edges."""
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (the independent reader) needs Python 3.11+")
    m = ArgumentMap(title="Hang back", date="2019-04-22")
    campaign = m.claim("The campaign was wrong.")
    m.support(["Cyclists were blamed.", "Drivers were not."], campaign)
    m.rebut("Road users must be vigilant.", "Cyclists were blamed.")
    document = json.loads(sadface.dumps(m))
    graph = arguebuf.load.sadface(document)
    assert sorted(atom.plain_text for atom in graph.atom_nodes.values()) == sorted(c.text for c in m.claims)
    schemes = [node for node in document["nodes"] if node["type"] != "atom"]
    assert set(graph.scheme_nodes) == {node["id"] for node in schemes}
    assert len(graph.edges) == 5
    kinds = [type(graph.scheme_nodes[node["id"]].scheme).__name__ for node in schemes]
    assert kinds == ["Support", "Attack"]
    assert graph.userdata["title"] == "Hang back"


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ('{"nodes": [\n {"id": "a", "type": "atom"}]}', 2, 2, "an atom needs a 'text' string"),
        ('{"nodes": [{"id": "s", "type": "scheme"}]}', 1, 12, "a scheme needs a 'name'"),
        ('{"nodes": [{"id": "", "type": "atom", "text": "x"}]}', 1, 19, "'id' must be a non-empty string"),
        (
            '{"nodes": [{"id": "a", "type": "argument"}]}',
            1,
            32,
            "'type' must be one of atom, scheme, inference, conflict",
        ),
        ('{"nodes": [], "edges": [{"source_id": ""}]}', 1, 39, "'source_id' must be a non-empty string"),
    ],
)
def test_malformed_documents_name_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """A file that is not a SADFace document is a FormatError at the offending place."""
    with pytest.raises(FormatError) as caught:
        sadface.loads(text, path="x.sadface.json")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message


def library() -> Any:
    """Return the sadface reference library, fresh (it keeps one document in a module global)."""
    module = pytest.importorskip("sadface", reason="the sadface library is a dev dependency")
    module.reset()
    module.initialise()
    return module


def test_a_document_the_sadface_library_writes_is_read() -> None:
    """What the sadface library 0.5.4 writes (inference, conflict nodes) reads: claims, a linked support, a rebuttal."""
    sf = library()
    sf.set_title("Treasure")
    sf.set_description("Why every moment counts.")
    sf.set_analyst("Inigo Montoya")
    sf.set_created("2020-06-25T09:40:20")
    argument = sf.build_argument(
        con_text="You should treasure every moment", prem_text=["You will die", "Life is short"]
    )
    objection = sf.add_atom("You might live forever")
    conflict = sf.add_conflict("attack")
    sf.add_edge(objection["id"], conflict["id"])  # attacker -> conflict -> target, as SADFace's examples draw it
    sf.add_edge(conflict["id"], argument["conclusion"]["id"])
    amap = sadface.loads(sf.export_json())
    assert (amap.title, amap.description, amap.author, amap.date) == (
        "Treasure",
        "Why every moment counts.",
        "Inigo Montoya",
        "2020-06-25",
    )
    (support,) = amap.supports
    assert support.conclusion == argument["conclusion"]["id"]
    assert sorted(support.premises) == sorted(argument["premises"])
    assert support.label is None  # "support" names the kind, not a scheme
    (rebuttal,) = amap.rebuttals
    assert (rebuttal.attacker, rebuttal.target) == (objection["id"], argument["conclusion"]["id"])
    assert amap.load_problems == []


def test_a_version_0_1_document_keeps_its_top_level_analyst_and_dates() -> None:
    """SADFace 0.1 keeps the analyst, dates and id at the top, not in metadata.core; they are read from there."""
    document = {
        "analyst_email": "ada@example.org",
        "analyst_name": "Ada Lovelace",
        "created": "2017-07-11T16:32:36",
        "edited": "2017-07-12T10:00:00",
        "id": "94a975db-25ae-4d25-93cc-1c07c932e2f8",
        "metadata": {},
        "nodes": [
            {"id": "a", "metadata": {}, "sources": [], "text": "The engine computes.", "type": "atom"},
            {"id": "b", "metadata": {}, "sources": [], "text": "The engine is useful.", "type": "atom"},
            {"id": "s", "name": "support", "type": "scheme"},
        ],
        "edges": [{"id": "e1", "source_id": "a", "target_id": "s"}, {"id": "e2", "source_id": "s", "target_id": "b"}],
        "resources": [],
    }
    amap = argmap.loads(json.dumps(document), "sadface")
    assert (amap.author, amap.date) == ("Ada Lovelace", "2017-07-11")
    assert [(s.premises, s.conclusion) for s in amap.supports] == [(("a",), "b")]


def test_what_argmap_writes_the_sadface_library_reads_and_validates() -> None:
    """Our output: UUIDs everywhere, a document id, no null metadata; the library lists it, draws it, validates it.

    The library's validator also faults what the library itself writes (its
    inference and conflict node types, the title and description its own
    setters put in the core block); our document has no problem beyond those.
    """
    sf = library()
    m = ArgumentMap(title="Hang back", description="A campaign.", author="Simon Wells", date="2019-04-22")
    campaign = m.claim("The campaign was wrong.", id="campaign")
    support = m.support(["Cyclists were blamed.", "Drivers were not."], campaign, label="Argument from example")
    m.rebut("Road users must be vigilant.", "campaign", label="counter-example")
    m.undercut("Blame is not the point.", support)
    m.skeptical_response("campaign", m.claim("Was it, though?", id="doubt"), stance="question")
    document = json.loads(sadface.dumps(m))
    ids = [item["id"] for item in document["nodes"] + document["edges"]] + [document["metadata"]["core"]["id"]]
    assert all(str(uuid.UUID(id)) == id for id in ids)
    assert len(set(ids)) == len(ids)
    assert "null" not in json.dumps(document["nodes"])

    sf.set_doc(document)
    assert sorted(atom["text"] for atom in sf.list_atoms()) == sorted(claim.text for claim in m.claims)
    assert len(sf.list_inferences()) == 1
    assert len(sf.list_conflict()) == 3
    assert (sf.get_title(), sf.get_description(), sf.get_analyst()) == ("Hang back", "A campaign.", "Simon Wells")
    drawn = sf.export_dot()
    assert all(f'"{edge["source_id"]}" -> "{edge["target_id"]}"' in drawn for edge in document["edges"])

    _, problems = sf.verify(document)
    own = library()  # the same map, built with the library's own functions
    own.set_title("Hang back")
    own.set_description("A campaign.")
    own.add_notes("")  # the core block's notes, which arguebuf's reader requires
    built = own.build_argument(con_text="The campaign was wrong.", prem_text=["Cyclists were blamed."])
    conflict = own.add_conflict("attack")
    own.add_edge(own.add_atom("Road users must be vigilant.")["id"], conflict["id"])
    own.add_edge(conflict["id"], built["conclusion"]["id"])
    _, theirs = own.verify(own.get_document())
    assert set(problems) <= set(theirs), set(problems) - set(theirs)

    assert sadface.loads(own.prettyprint(document)) == m  # through the library's own writer and back: exact


def test_the_round_trip_through_sadface_keeps_ids_that_are_uuids() -> None:
    """A document read from the library and written again keeps its UUIDs as node ids, without copies in metadata."""
    sf = library()
    sf.build_argument(con_text="A conclusion.", prem_text=["A premise."])
    first = sadface.loads(sf.export_json())
    document = json.loads(sadface.dumps(first))
    assert {node["id"] for node in document["nodes"] if node["type"] == "atom"} == {c.id for c in first.claims}
    assert all("argmap" not in node["metadata"] for node in document["nodes"] if node["type"] == "atom")
    assert sadface.loads(sadface.dumps(first)) == first


def test_a_json_that_is_not_sadface_names_what_was_expected(tmp_path: Path) -> None:
    """A Cytoscape export (nodes and edges under 'data') is refused saying what argmap reads, not 'missing format'."""
    cytoscape = {
        "nodes": [{"data": {"id": "a1", "content": "Every person dies", "type": "atom"}, "classes": "atom-label"}],
        "edges": [{"data": {"id": "a1s1", "source": "a1", "target": "s1"}}],
    }
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(cytoscape), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        argmap.load(path)
    assert "missing field 'format'" not in str(caught.value)
    assert "expected argmap JSON" in caught.value.message
    assert "SADFace document" in caught.value.message
    with pytest.raises(FormatError, match="a Cytoscape export keeps it under 'data': not SADFace"):
        sadface.loads(json.dumps(cytoscape))


def test_an_argmap_id_the_model_refuses_is_a_format_error_at_the_node() -> None:
    """A blank id in a node's argmap metadata is a FormatError at that node, not a traceback (found by fuzzing)."""
    document = json.loads(sadface.dumps(_small_map()))
    document["nodes"][-1]["metadata"]["argmap"] = {"id": " "}
    with pytest.raises(FormatError, match="must be a non-empty string of printable characters") as caught:
        sadface.loads(json.dumps(document, indent=1), path="map.sadface.json")
    assert caught.value.field == f"nodes[{len(document['nodes']) - 1}]"
    assert caught.value.line is not None


def _small_map() -> ArgumentMap:
    m = ArgumentMap()
    m.support(m.claim("A premise.", id="p"), m.claim("A conclusion.", id="c"))
    return m


def test_a_disagreement_the_library_writes_is_two_rebuttals() -> None:
    """`build_disagreement` points one `disagree` conflict at two atoms: each claim rebuts the other."""
    sf = library()
    made = sf.build_disagreement(arg_text="Taxes should rise.", disagreement_text="Taxes should fall.")
    amap = sadface.loads(sf.export_json())
    first, second = made["argument_1"]["id"], made["argument_2"]["id"]
    assert {(r.attacker, r.target) for r in amap.rebuttals} == {(first, second), (second, first)}
    assert amap.load_problems == []
    assert sadface.loads(sadface.dumps(amap)) == amap
