"""SADFace: both real documents load, round trips keep what SADFace carries, and another reader reads ours."""

from __future__ import annotations

import json
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
            relations.append(("doubt", relation.id, relation.response, relation.target, relation.stance))
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
        ('{"nodes": [{"id": "a", "type": "argument"}]}', 1, 32, "'type' must be one of atom, scheme, inference, conflict"),
        ('{"nodes": [], "edges": [{"source_id": ""}]}', 1, 39, "'source_id' must be a non-empty string"),
    ],
)
def test_malformed_documents_name_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """A file that is not a SADFace document is a FormatError at the offending place."""
    with pytest.raises(FormatError) as caught:
        sadface.loads(text, path="x.sadface.json")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message
