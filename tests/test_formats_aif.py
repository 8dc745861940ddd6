"""AIF: every real nodeset loads with its counts, traps become warnings, and what we write loads elsewhere."""

from __future__ import annotations

import copy
import html
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, FormatError, Rebuttal, SkepticalResponse, Source, Support, Undercut, check
from argmap.formats import aif
from argmap.model import Claim, Relation
from tests.conftest import corpus_file
from tests.json_paths import json_paths, parent_of
from tests.strategies import maps

REPHRASE = "rephrase"
"""The label of a support read from an MA node, as docs/formats.md says."""

# Node counts by type, as corpus/SOURCES.md lists them: an oracle independent of our reader.
NODESETS = {
    "nodeset118.json": {"I": 4, "L": 1, "RA": 3, "YA": 1},
    "nodeset233.json": {"CA": 2, "I": 5, "RA": 1},
    "nodeset79.json": {"I": 13, "RA": 7},
    "nodeset9339.json": {"I": 2, "RA": 1},
    "nodeset8462.json": {},
    "nodeset8154.json": {"CA": 3, "I": 6},
    "nodeset7388.json": {"CA": 12, "I": 25, "RA": 1},
    "nodeset7903.json": {"CA": 110, "I": 212, "RA": 8},
    "nodeset23576.json": {"CA": 1, "I": 15, "L": 33, "MA": 2, "RA": 3, "TA": 15, "YA": 22},
    "nodeset23565.json": {"CA": 3, "I": 23, "L": 48, "MA": 8, "RA": 5, "TA": 23, "YA": 37},
    "nodeset25444.json": {"CA": 15, "I": 159, "L": 265, "MA": 61, "RA": 19, "TA": 178, "YA": 103},
    "nodeset10371.json": {"CA": 2, "I": 11, "L": 22, "RA": 3, "TA": 10, "YA": 16},
    "nodeset10311.json": {"CA": 5, "I": 9, "L": 20, "RA": 2, "TA": 8, "YA": 16},
    "nodeset9844.json": {"CA": 6, "I": 39, "L": 85, "MA": 4, "RA": 17, "TA": 35, "YA": 68},
    "nodeset10464.json": {"I": 127, "L": 293, "MA": 3, "RA": 36, "TA": 114, "YA": 177},
    "nodeset6365.json": {"CA": 2, "I": 5, "RA": 2},
    "nodeset6431.json": {"CA": 2, "I": 5, "RA": 2},
    "6064-original.json": {"I": 9, "L": 16, "RA": 5, "TA": 8, "YA": 14},
}

_LEFT_OUT = re.compile(r"^(RA|CA|MA) node (\S+) .*; left out$")


def kind_of(relation: Relation) -> str:
    """Return the AIF node type a relation is read from."""
    if isinstance(relation, Support):
        return "MA" if relation.label == REPHRASE else "RA"
    return "CA"


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "counts"), NODESETS.items())
def test_every_corpus_nodeset_loads_with_its_counts(name: str, counts: dict[str, int]) -> None:
    """Claims equal the I-nodes; each RA, CA and MA node is a relation of its kind, or a warning says it is left out."""
    path = corpus_file("aif", name)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert dict(Counter(node["type"] for node in raw["nodes"])) == counts  # the corpus is what SOURCES.md says
    amap = argmap.load(path)  # plain .json: the content tells it is AIF
    assert len(amap.claims) == counts.get("I", 0)
    left_out: Counter[str] = Counter()
    for problem in amap.load_problems:
        assert problem.severity == "warning"
        match = _LEFT_OUT.match(problem.message)
        if match:
            left_out[match[1]] += 1
    loaded = Counter(kind_of(relation) for relation in amap.relations)
    for kind in ("RA", "CA", "MA"):
        assert loaded[kind] + left_out[kind] == counts.get(kind, 0), kind
    assert check(amap)[: len(amap.load_problems)] == amap.load_problems


@pytest.mark.corpus
def test_the_traps_are_warnings_that_say_what_was_left_out() -> None:
    """An empty nodeset, relations missing an end, links to locutions and supports of inferences are all reported."""
    empty = argmap.load(corpus_file("aif", "nodeset8462.json"))
    assert [p.code for p in check(empty)] == ["empty-file"]
    messages = {p.message for p in argmap.load(corpus_file("aif", "nodeset25444.json")).load_problems}
    assert "MA node 1007743 has no conclusion in the file; left out" in messages
    assert "RA node 1007782 has no conclusion in the file; left out" in messages
    qt30 = argmap.load(corpus_file("aif", "nodeset23565.json"))
    codes = Counter(p.code for p in qt30.load_problems)
    assert codes["dialogue-link"] == 1  # a CA node fed by a TA (transition) node
    assert any("has 2 attackers" in p.message for p in qt30.load_problems)
    us2016 = argmap.load(corpus_file("aif", "nodeset9844.json"))
    assert any(p.message.startswith("RA node 190017 has no premise") for p in us2016.load_problems)


@pytest.mark.corpus
def test_undercuts_and_attacks_on_attacks_from_the_microtexts() -> None:
    """CA into RA is an undercut of the support; CA into CA an undercut of the rebuttal, which check() reports."""
    amap = argmap.load(corpus_file("aif", "nodeset6365.json"))
    undercuts = {u.id: u for u in amap.undercuts}
    assert isinstance(amap[undercuts["119968"].target], Support)
    assert isinstance(amap[undercuts["119969"].target], Undercut)
    assert "undercut-target-not-support" in [p.code for p in check(amap)]
    six = argmap.load(corpus_file("aif", "nodeset6431.json"))
    assert [type(r).__name__ for r in six.relations].count("Rebuttal") == 1


@pytest.mark.corpus
def test_locutions_give_speakers_and_quotes() -> None:
    """QT30's `Speaker : words` locutions become attributions; the words that differ from the claim are the quote."""
    amap = argmap.load(corpus_file("aif", "nodeset23576.json"))
    claim = amap.claim_for("804011")
    assert claim.text == "Andrew Bowie just mentioned they're investing billions and billions in the North East"
    assert claim.attribution is not None
    assert claim.attribution.source.name == "AudienceMember 20211028QT29"
    assert claim.attribution.quote == "Andrew just mentioned they're investing billions and billions in the North East"
    assert amap.claim_for("804090").source == Source("Andrew Bowie")
    assert Counter(s.label for s in amap.supports)[REPHRASE] == 2


@pytest.mark.corpus
def test_html_entities_are_decoded_and_scheme_names_kept() -> None:
    """IAC text holds HTML entities; Araucaria keeps the scheme name in `scheme`, OVA in the text."""
    iac = argmap.load(corpus_file("aif", "nodeset7903.json"))
    raw = corpus_file("aif", "nodeset7903.json").read_text(encoding="utf-8")
    assert "&#" in raw
    assert not any("&#" in claim.text for claim in iac.claims)
    assert any("\u201c" in claim.text and "\u2014" in claim.text for claim in iac.claims)
    assert {s.label for s in argmap.load(corpus_file("aif", "nodeset79.json")).supports} == {
        "Example",
        "VerbalClassification",
        None,
    }
    assert argmap.load(corpus_file("aif", "nodeset9339.json")).supports[0].label == "Expert Opinion"
    assert {s.label for s in argmap.load(corpus_file("aif", "nodeset6365.json")).supports} == {None}


def test_integer_ids_ova_blocks_and_participants() -> None:
    """Integer ids read as strings; OVA's AIF block and participants name the speaker."""
    document = {
        "AIF": {
            "nodes": [
                {"nodeID": 1, "text": "Tax the rich.", "type": "I"},
                {"nodeID": 2, "text": "Inequality grows.", "type": "I"},
                {"nodeID": 3, "text": "Default Inference", "type": "RA"},
                {"nodeID": 4, "text": "Bob : Inequality grows, I tell you.", "type": "L"},
                {"nodeID": 5, "text": "Asserting", "type": "YA"},
                {"nodeID": 6, "text": "Default Preference", "type": "PA"},
            ],
            "edges": [
                {"edgeID": 1, "fromID": 2, "toID": 3},
                {"edgeID": 2, "fromID": 3, "toID": 1},
                {"edgeID": 3, "fromID": 4, "toID": 5},
                {"edgeID": 4, "fromID": 5, "toID": 2},
            ],
            "locutions": [{"nodeID": 4, "personID": 7}],
            "participants": [{"participantID": 7, "firstname": "Bob", "surname": "Marley"}],
        },
        "OVA": {"firstname": "ignored"},
    }
    amap = aif.loads(json.dumps(document))
    assert [c.id for c in amap.claims] == ["1", "2"]
    assert amap.supports == (Support(["2"], "1", id="3"),)
    assert amap.claim_for("2").source == Source("Bob Marley")
    assert [p.code for p in amap.load_problems] == ["unsupported-relation"]  # the preference


@given(maps())
def test_round_trip_keeps_what_aif_carries_and_nothing_is_invented(amap: ArgumentMap) -> None:
    """Native -> AIF -> native keeps claims, relations, speakers, quotes, urls; it loses what docs/formats.md lists."""
    text = aif.dumps(amap)
    back = aif.loads(text)
    assert kept(back) == kept(amap)
    assert back.load_problems == []
    # The documented losses: nothing of them comes back, nothing else is missing.
    assert back.metadata == {}
    assert back.documents == ()
    for claim in back.claims:
        assert (claim.qualifier, claim.tags, claim.note, claim.document) == (None, (), None, None)
        if claim.attribution is not None:
            assert (claim.attribution.via, claim.attribution.medium, claim.attribution.date) == ((), None, None)
    for source in back.sources:
        assert (source.kind, source.affiliation, source.url) == ("person", None, None)
    assert aif.dumps(aif.loads(aif.dumps(back))) == aif.dumps(back)  # after one trip, nothing more changes


def kept(amap: ArgumentMap) -> dict[str, Any]:
    """Return what AIF carries of *amap*, as docs/formats.md states it."""
    claims = []
    for claim in amap.claims:
        said = [
            (each.source.name, None if each.quote == claim.text else each.quote, each.url)
            for each in claim.attributions
        ]  # every party who said it, a locution each; what AIF drops of two may make them one
        claims.append((claim.id, claim.text, list(dict.fromkeys(said))))
    relations: list[tuple[Any, ...]] = []
    for relation in amap.relations:
        if isinstance(relation, SkepticalResponse):
            relations.append(("skeptical_response", relation.id, relation.response, relation.target, relation.stance))
            continue
        label = None if relation.label in aif_placeholders() else relation.label
        if isinstance(relation, Support):
            relations.append(("support", relation.id, relation.premises, relation.conclusion, label))
        else:
            kind = "rebuttal" if isinstance(relation, Rebuttal) else "undercut"
            relations.append((kind, relation.id, relation.attacker, relation.target, label))
    return {"claims": claims, "relations": relations}


def aif_placeholders() -> set[str]:
    """Return the labels AIF reads back as no label (docs/formats.md): the names tools give unnamed relation nodes."""
    return {"RA", "CA", "MA", "PA", "Default Inference", "Default Conflict", "Default Rephrase", "Default Preference"}


def test_a_placeholder_label_is_the_one_label_lost() -> None:
    """A support labelled with AIF's placeholder name reads back unlabelled; any other label survives."""
    m = ArgumentMap()
    m.support(m.claim("A premise.", id="p"), m.claim("A conclusion.", id="c"), label="Default Inference", id="s1")
    m.support("p", "c", label="Expert Opinion", id="s2")
    m.rebut("p", "c", label="CA", id="r")
    back = aif.loads(aif.dumps(m))
    assert [getattr(r, "label", None) for r in back.relations] == [None, "Expert Opinion", None]


def test_an_independent_reader_loads_what_we_write() -> None:
    """The AIF loader of arguebuf reads our output: the same atoms, one scheme node per relation, of the right kind."""
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf (the independent AIF reader) needs Python 3.11+")
    m = ArgumentMap(title="Shamsi")
    nyt = Source("The New York Times", kind="publication")
    base = m.claim('That base is "neither vacated nor being vacated" &amp; <b>', by=nyt, quote="Not vacated.")
    drones = m.claim("Drones still fly from Shamsi.", id="drones")
    support = m.support([drones, m.claim("Officials said so.")], base, label="Expert Opinion")
    m.rebut(m.claim("The base was handed back.", id="handed"), base)
    m.undercut("Officials often spin.", support)
    m.support("handed", "drones", label=REPHRASE)
    graph = arguebuf.load.aif(json.loads(aif.dumps(m)))
    assert sorted(html.unescape(atom.plain_text) for atom in graph.atom_nodes.values()) == sorted(
        claim.text for claim in m.claims
    )
    kinds = {id: type(node.scheme).__name__ for id, node in graph.scheme_nodes.items()}
    assert kinds == {
        support.id: "Support",
        m.rebuttals[0].id: "Attack",
        m.undercuts[0].id: "Attack",
        m.supports[1].id: "Rephrase",
    }
    assert {node.id for node in graph.outgoing_nodes(m.undercuts[0].id)} == {support.id}
    assert {node.id for node in graph.incoming_nodes(support.id)} == {*support.premises, m.undercuts[0].id}
    assert {node.id for node in graph.outgoing_nodes(support.id)} == {base.id}


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ('{"nodes": [\n  {"nodeID": "1", "text": "x"}\n]}', 2, 3, "a node needs a 'type'"),
        ('{"nodes": {"a": 1}}', 1, 11, "'nodes' must be an array"),
        ('{"nodes": [{"nodeID": null, "type": "I"}]}', 1, 23, "'nodeID' must be a non-empty string"),
        ('{"nodes": [], "edges": [\n 5]}', 2, 2, "an edge must be an object"),
        ("[1, 2]", 1, 1, "expected an AIF nodeset"),
        ('{"nodes": [,]}', 1, 12, "invalid JSON"),
    ],
)
def test_malformed_nodesets_name_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """A file that is not an AIF nodeset is a FormatError at the offending place."""
    with pytest.raises(FormatError) as caught:
        aif.loads(text, path="x.aif.json")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message


def test_dump_writes_atomically_and_the_suffix_picks_aif(tmp_path: Path) -> None:
    """argmap.dump to .aif.json writes AIF; argmap.load reads it back by name and by content."""
    m = ArgumentMap()
    m.rebut("It is safe.", "It is dangerous.")
    path = argmap.dump(m, tmp_path / "map.aif.json")
    assert "nodes" in json.loads(path.read_text(encoding="utf-8"))
    assert kept(argmap.load(path)) == kept(m)
    plain = tmp_path / "map.json"
    plain.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert kept(argmap.load(plain)) == kept(m)


def nodeset(*nodes: tuple[str, str, str], edges: tuple[tuple[str, str], ...] = ()) -> str:
    """Return AIF text for *nodes* (id, type, text) and *edges* (from, to)."""
    return json.dumps(
        {
            "nodes": [{"nodeID": id, "type": type, "text": text} for id, type, text in nodes],
            "edges": [{"edgeID": str(n), "fromID": a, "toID": b} for n, (a, b) in enumerate(edges)],
            "locutions": [],
        }
    )


def asserted(locution: str) -> Claim:
    """Return the claim of a nodeset where the L node *locution* asserts "the engine can compose music"."""
    text = nodeset(
        ("1", "I", "the engine can compose music"),
        ("2", "L", locution),
        ("3", "YA", "Asserting"),
        edges=(("2", "3"), ("3", "1")),
    )
    (claim,) = aif.loads(text).claims
    return claim


@pytest.mark.parametrize(
    ("locution", "speaker", "via", "quote"),
    [
        ("Ada Lovelace: I believe the engine can compose music.", "Ada Lovelace", (), "I believe"),
        ("Ada Lovelace : the engine can compose music", "Ada Lovelace", (), None),
        ("Moderator: Ada Lovelace: I believe the engine can compose music.", "Ada Lovelace", ("Moderator",), "I"),
        ("AudienceMember 20210912QT02: the engine can compose music", "AudienceMember 20210912QT02", (), None),
    ],
)
def test_a_locution_that_names_its_speaker_attributes_the_claim(
    locution: str, speaker: str, via: tuple[str, ...], quote: str | None
) -> None:
    """`Name: words` (DialAM, OVA) names the speaker as `Name : words` (AIFdb) does, nested reporters as via."""
    claim = asserted(locution)
    assert claim.attribution is not None
    assert claim.attribution.source.name == speaker
    assert tuple(source.name for source in claim.attribution.via) == via
    said = claim.attribution.quote
    assert (said is None) if quote is None else (said is not None and said.startswith(quote))


@pytest.mark.parametrize(
    "locution",
    ["the engine can compose music", "In the end, as one said: it can", "Asked twice, seven people said: yes"],
)
def test_a_colon_after_a_sentence_names_no_speaker(locution: str) -> None:
    """Only a name-like head (one to six words, no sentence punctuation) before the colon is taken for a speaker."""
    claim = asserted(locution)
    assert claim.attribution is None


def test_relations_with_a_locution_at_an_end_are_left_out_with_a_warning() -> None:
    """An RA whose premise is an L node and a CA whose target is one are left out, each with its warnings."""
    text = nodeset(
        ("1", "I", "A claim."),
        ("2", "L", "Ada : A claim."),
        ("3", "RA", "Default Inference"),
        ("4", "CA", "Default Conflict"),
        edges=(("2", "3"), ("3", "1"), ("1", "4"), ("4", "2")),
    )
    amap = aif.loads(text)
    assert amap.relations == ()
    codes = [problem.code for problem in amap.load_problems]
    assert codes.count("dialogue-link") == 2
    assert codes.count("incomplete-relation") == 2
    assert any("L node 2" in problem.message for problem in amap.load_problems)


def test_a_relation_node_id_the_model_refuses_is_a_format_error_at_the_node() -> None:
    """An RA node id with a control character is a FormatError at that node, not a traceback (found by fuzzing)."""
    text = nodeset(
        ("1", "I", "A premise."),
        ("2", "I", "A conclusion."),
        ("x\u0000", "RA", "Default Inference"),
        edges=(("1", "x\u0000"), ("x\u0000", "2")),
    )
    with pytest.raises(FormatError, match=r"Support\.id must be") as caught:
        aif.loads(text, path="map.aif.json")
    assert caught.value.line == 1
    assert caught.value.field == "nodes[2]"


@settings(max_examples=200)
@given(maps(max_claims=6, max_relations=6))
def test_the_quick_reader_reads_every_map_argmap_writes(amap: ArgumentMap) -> None:
    """What dumps writes is laid out as the quick reader expects, and it reads the map the careful reader reads."""
    text = aif.dumps(amap)
    careful = aif._Reader(text, None, ("fromID", "toID")).read(json.loads(text))
    assert aif._read_quickly(json.loads(text)) == careful
    assert careful.load_problems == []


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 2)
    | st.text(max_size=5)
    | st.sampled_from(["", " ", "I", "L", "YA", "RA", "CA", "MA", "TA", "Skeptical response", "x &amp; y"]),
    lambda children: st.lists(children, max_size=2) | st.dictionaries(st.text(max_size=3), children, max_size=2),
    max_leaves=4,
)


_CHANGES = ("field", "delete field", "add field", "delete item", "copy item", "move item", "swap items", "anywhere")


def _changed(document: dict[str, Any], ids: list[Any], data: st.DataObject) -> None:
    """Make one change to *document*, a node or an edge more often than not: a field, a copy, a move, a swap.

    *ids* are the node ids it was written with, so that a change may name another node.
    """
    action = data.draw(st.sampled_from(_CHANGES))
    items = document.get(data.draw(st.sampled_from(["nodes", "edges"])))
    if not isinstance(items, list) or not items or action == "anywhere":
        path = data.draw(st.sampled_from(json_paths(document)[1:]))
        parent_of(document, path)[path[-1]] = data.draw(_JSON_VALUES | st.sampled_from(ids))
        return
    place = data.draw(st.integers(0, len(items) - 1))
    item = items[place]
    other = data.draw(st.integers(0, len(items)))  # a second place, at most one past the end
    if action == "delete item":
        del items[place]
    elif action == "copy item":  # right after itself, or anywhere
        items.insert(data.draw(st.sampled_from([place + 1, other])), copy.deepcopy(item))
    elif action == "move item":
        items.insert(other, items.pop(place))
    elif action == "swap items" and other < len(items):
        items[place], items[other] = items[other], item
    elif isinstance(item, dict) and item and action in ("field", "delete field"):
        name = data.draw(st.sampled_from(sorted(item)))
        if action == "delete field":
            del item[name]
        else:
            others = [each.get(name) for each in items if isinstance(each, dict)]
            item[name] = data.draw(st.sampled_from(ids + others) | _JSON_VALUES)
    elif isinstance(item, dict) and action == "add field":
        name = data.draw(st.sampled_from(["scheme", "text", "type", "AIF"]) | st.text(max_size=8))
        item[name] = data.draw(_JSON_VALUES | st.sampled_from(ids))


@settings(max_examples=400)
@given(maps(max_claims=4, max_relations=4), st.data())
def test_the_quick_reader_accepts_only_what_the_careful_reader_reads_alike(
    amap: ArgumentMap, data: st.DataObject
) -> None:
    """After changes to what dumps wrote, the quick reader refuses them or reads what the careful reader reads."""
    document = json.loads(aif.dumps(amap))
    ids = [node["nodeID"] for node in document["nodes"]]
    for _ in range(data.draw(st.integers(1, 3))):
        _changed(document, ids, data)
    text = json.dumps(document)
    try:
        quick = aif._read_quickly(json.loads(text))
    except Exception:  # refusing is always allowed: the careful reader then decides
        return
    careful = aif._Reader(text, None, ("fromID", "toID")).read(json.loads(text))
    assert quick == careful
    assert [claim.attributions for claim in quick.claims] == [claim.attributions for claim in careful.claims]
    assert careful.load_problems == quick.load_problems == []
    assert aif.loads(text) == careful


def _small_nodeset() -> dict[str, Any]:
    """Return what dumps writes for three claims, two of them said by someone, a support, a rebuttal, an undercut."""
    m = ArgumentMap()
    a = m.claim("A.", id="a")
    b = m.claim("B.", id="b", by=Source("Ann"))
    c = m.claim("C.", id="c", by=Source("Bob"))
    support = m.support(b, a)
    m.rebut(c, a)
    m.undercut(c, support)
    document: dict[str, Any] = json.loads(aif.dumps(m))
    return document


def _edge(origin: str, target: str) -> dict[str, Any]:
    return {"edgeID": "99", "fromID": origin, "toID": target, "formEdgeID": None}


def _moved(items: list[Any], start: int, end: int, to: int) -> None:
    """Move items[start:end] to stand before items[to]."""
    moving = items[start:end]
    del items[start:end]
    items[to:to] = moving


def _one_id_for_two_locutions(document: dict[str, Any]) -> None:
    document["nodes"][5]["nodeID"] = document["edges"][2]["fromID"] = "L1"


def _undercut_first(document: dict[str, Any]) -> None:
    _moved(document["nodes"], 9, 10, 7)
    _moved(document["edges"], 8, 10, 4)


def _numeric_id(document: dict[str, Any]) -> None:
    document["nodes"][0]["nodeID"] = document["edges"][5]["toID"] = 7


def _locution_id(id: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        document["nodes"][3]["nodeID"] = document["edges"][0]["fromID"] = id

    return change


def _locution_and_anchor_swapped(document: dict[str, Any]) -> None:
    document["nodes"][3]["type"], document["nodes"][4]["type"] = "YA", "L"


# The change, and whether the quick reader takes it; nodes: a b c L1 YA2 L3 YA4 support rebuttal undercut.
_NEAR_MISSES = [
    pytest.param(lambda d: None, True, id="as written"),
    pytest.param(lambda d: d["nodes"][0].update(text="A &amp; B."), True, id="an entity in a claim"),
    pytest.param(lambda d: d["nodes"][7].update(note=1), True, id="a field of its own"),
    pytest.param(lambda d: d["edges"].insert(4, _edge("b", "support:b>a")), True, id="a premise linked twice"),
    pytest.param(lambda d: d["edges"].insert(5, _edge("b", "support:b>a")), True, id="a premise linked twice, apart"),
    pytest.param(lambda d: d["edges"].insert(6, _edge("c", "rebuttal:c>a")), True, id="an attacker linked twice"),
    pytest.param(lambda d: d["edges"].insert(5, _edge("c", "support:b>a")), True, id="a linked support"),
    pytest.param(lambda d: d["nodes"][3].update(text="Ann: B."), True, id="a speaker's name before a colon"),
    pytest.param(lambda d: d["nodes"][3].update(text="Ann : Said so."), True, id="a locution with a quote"),
    pytest.param(lambda d: d["nodes"][3].update(text="Annabel : B."), True, id="a longer name than the speaker's"),
    pytest.param(lambda d: d["nodes"][3].update(text="Ann"), True, id="a locution of the speaker's name alone"),
    pytest.param(lambda d: d["participants"].clear(), True, id="no participants"),
    pytest.param(lambda d: d["edges"][4].update(fromID="rebuttal:c>a"), False, id="a premise that is a relation"),
    pytest.param(lambda d: d["edges"][8].update(toID="rebuttal:c>a"), False, id="an attacker of another relation"),
    pytest.param(lambda d: d["edges"][0].update(toID="YA4"), False, id="a locution's edge at the other anchor"),
    pytest.param(_one_id_for_two_locutions, False, id="two locutions with one id"),
    pytest.param(lambda d: d["edges"].insert(7, _edge("b", "rebuttal:c>a")), False, id="an attack with two attackers"),
    pytest.param(lambda d: d["edges"].append(_edge("support:b>a", "c")), False, id="a second conclusion"),
    pytest.param(lambda d: d["edges"][5].update(toID="z"), False, id="an edge naming no node"),
    pytest.param(lambda d: d["edges"][4].update(fromID="YA2"), False, id="a premise that is an anchor"),
    pytest.param(lambda d: d["edges"][9].update(toID="YA2"), False, id="an attack on an anchor"),
    pytest.param(lambda d: d["edges"][9].update(toID="L1"), False, id="an attack on a locution"),
    pytest.param(lambda d: d["edges"][9].update(toID="z"), False, id="an attack on no node"),
    pytest.param(lambda d: d["nodes"][0].update(text=" "), False, id="a claim of blank text"),
    pytest.param(lambda d: _moved(d["nodes"], 2, 3, 7), False, id="a claim after the locutions"),
    pytest.param(lambda d: d["nodes"][7].update(type="TA"), False, id="a relation node of another type"),
    pytest.param(_undercut_first, False, id="an undercut before its support"),
    pytest.param(lambda d: d.update(AIF={"nodes": [], "edges": []}), False, id="an OVA block beside"),
    pytest.param(_numeric_id, False, id="a numeric id"),
    pytest.param(_locution_id(""), False, id="an empty locution id"),
    pytest.param(_locution_id(" L1"), False, id="a padded locution id"),
    pytest.param(lambda d: d["nodes"][4].update(text=None), False, id="an anchor's text null"),
    pytest.param(_locution_and_anchor_swapped, False, id="a locution typed as its anchor"),
    pytest.param(lambda d: d["edges"][0].update(fromID="a"), False, id="an anchor linked from a claim"),
    pytest.param(lambda d: d["edges"][1].update(fromID="L1"), False, id="a locution linked straight to its claim"),
    pytest.param(lambda d: d["edges"].pop(4), False, id="a support without premises"),
    pytest.param(lambda d: d["edges"][5].update(fromID="c"), False, id="a conclusion linked from another claim"),
]


@pytest.mark.parametrize(("change", "quick"), _NEAR_MISSES)
def test_near_misses_of_the_written_layout_read_as_the_careful_reader_reads_them(
    change: Callable[[dict[str, Any]], Any], quick: bool
) -> None:
    """A nodeset a step away from what dumps writes loads as the careful reader loads it: problems, or the error."""
    document = _small_nodeset()
    change(document)
    text = json.dumps(document)
    careful = _map_or_error(lambda: aif._Reader(text, None, ("fromID", "toID")).read(json.loads(text)))
    got = _map_or_error(lambda: aif.loads(text))
    assert got == careful
    if isinstance(got, ArgumentMap) and isinstance(careful, ArgumentMap):
        assert [claim.attributions for claim in got.claims] == [claim.attributions for claim in careful.claims]
        assert got.load_problems == careful.load_problems
    if quick:
        assert aif._read_quickly(json.loads(text)) == careful
    else:
        with pytest.raises((ValueError, LookupError, TypeError)):
            aif._read_quickly(json.loads(text))


def _map_or_error(read: Callable[[], ArgumentMap]) -> ArgumentMap | str:
    """Return what *read* reads, or the one line of the FormatError it raises."""
    try:
        return read()
    except FormatError as error:
        return str(error)
