"""The second corpus (../shared/corpus/external): every AIF and SADFace file there loads, speakers are all found.

For AIF, the claims given a speaker are counted per file against the
locutions that name one (a participant, or a ``Name: words`` text), and the
relations left out for a locution at one end are counted against the file's
edges. For SADFace, the documents the ``sadface`` library wrote are read, and
what argmap writes of them passes that library's reader. Skipped, saying why,
where the corpus is not beside the checkout.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats import aif, sadface
from tests.conftest import CORPUS

EXTERNAL = CORPUS / "external"

pytestmark = pytest.mark.corpus


def files(folder: str) -> list[Path]:
    """Return the JSON files under one folder of the external corpus, or an empty list where it is absent."""
    return sorted((EXTERNAL / folder).rglob("*.json")) if (EXTERNAL / folder).is_dir() else []


def named(paths: list[Path]) -> list[Any]:
    """Return *paths* as pytest parameters named by their place in the corpus, or one skip where there are none."""
    if not paths:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"the external corpus is absent ({EXTERNAL})"))]
    return [pytest.param(path, id=str(path.relative_to(EXTERNAL))) for path in paths]


def names_a_speaker(text: str) -> bool:
    """Tell whether a locution's text starts with a speaker's name and a colon (one to six words before it)."""
    head, colon, words = text.partition(":")
    return bool(colon) and 1 <= len(head.split()) <= 6 and bool(words.strip())


def expected_counts(document: dict[str, Any]) -> tuple[int, int]:
    """Return how many I-nodes a speaking locution is anchored to, and how many relation ends are locutions."""
    nodeset = document["AIF"] if isinstance(document.get("AIF"), dict) else document
    nodes = {str(node["nodeID"]): node for node in nodeset["nodes"]}
    people = {
        str(item.get("participantID")) for item in nodeset.get("participants") or document.get("participants") or []
    }
    spoken = {str(item["nodeID"]) for item in nodeset.get("locutions", []) if str(item.get("personID")) in people}
    incoming: dict[str, list[str]] = defaultdict(list)
    ends = 0
    for edge in nodeset.get("edges", []):
        origin, target = nodes.get(str(edge["fromID"])), nodes.get(str(edge["toID"]))
        incoming[str(edge["toID"])].append(str(edge["fromID"]))
        if origin and target:
            types = {origin["type"], target["type"]}
            ends += "L" in types and bool(types & {"RA", "CA"})
    attributed = 0
    for id, node in nodes.items():
        if node["type"] != "I":
            continue
        locutions = [
            origin
            for anchor in incoming[id]
            if nodes.get(anchor, {}).get("type") == "YA"
            for origin in incoming[anchor]
            if nodes.get(origin, {}).get("type") == "L"
        ]
        attributed += any(origin in spoken or names_a_speaker(nodes[origin].get("text", "")) for origin in locutions)
    return attributed, ends


@pytest.mark.parametrize("path", named(files("aif")))
def test_every_aif_file_loads_and_every_named_speaker_is_kept(path: Path) -> None:
    """Each nodeset loads; claims with a speaker match the locutions naming one; locution ends are warned of."""
    amap = argmap.load(path, "aif")
    attributed, ends = expected_counts(json.loads(path.read_text(encoding="utf-8")))
    assert sum(claim.attribution is not None for claim in amap.claims) == attributed
    warned = [p for p in amap.load_problems if p.code == "dialogue-link" and " L node " in f" {p.message}"]
    assert len([p for p in warned if p.message.startswith(("RA node", "CA node"))]) == ends
    assert aif.loads(aif.dumps(amap)).claims == amap.claims


def test_the_dialam_maps_give_every_claim_its_speaker() -> None:
    """The DialAM-2024 evaluation maps: 81 claims, each from a `Name: words` locution, all 81 with a speaker."""
    paths = files("aif/dialam-2024-shared-task")
    if not paths:
        pytest.skip(f"the external corpus is absent ({EXTERNAL})")
    maps = [aif.load(path) for path in paths]
    assert sum(len(amap.claims) for amap in maps) == 81
    assert sum(claim.attribution is not None for amap in maps for claim in amap.claims) == 81
    nodeset = EXTERNAL / "aif/knowcomp-dialam2024/train/nodeset20500.json"
    said = aif.load(nodeset).claim_for("665269").attribution
    assert said is not None
    assert said.source.name == "Tony Danker"


SADFACE = [path for path in files("sadface") if not any(part.startswith("negative") for part in path.parts)]


@pytest.mark.parametrize("path", named(SADFACE))
def test_every_sadface_file_loads_and_what_argmap_writes_passes_the_library(path: Path) -> None:
    """Each SADFace document (0.1, 0.2, the library's README examples) loads; our SADFace of it, the library reads."""
    library = pytest.importorskip("sadface", reason="the sadface library is a dev dependency")
    amap = argmap.load(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    atoms = [node for node in document["nodes"] if node["type"] == "atom"]
    assert sorted(claim.text for claim in amap.claims) == sorted(node["text"] for node in atoms)
    relations = [node for node in document["nodes"] if node["type"] != "atom"]
    assert len(amap.relations) == len(relations)
    assert amap.load_problems == ([] if atoms else amap.load_problems)
    written = json.loads(sadface.dumps(amap))
    library.reset()
    library.set_doc(written)
    assert sorted(atom["text"] for atom in library.list_atoms()) == sorted(c.text for c in amap.claims)
    _, problems = library.verify(written)
    tolerated = {f"Metadata contains the invalid key: {key}" for key in ("title", "description", "notes")}
    tolerated.add("Node 'type' not of supported SADFace node type")  # the library writes these itself
    assert set(problems) <= tolerated
    assert sadface.loads(library.prettyprint(written)) == amap


def test_a_cytoscape_export_is_refused_naming_what_was_expected() -> None:
    """MonkeyPuzzle's Cytoscape JSON is not SADFace: one error naming the formats argmap reads."""
    path = EXTERNAL / "sadface/MonkeyPuzzle/negative-not-sadface/cyto.json"
    if not path.is_file():
        pytest.skip(f"the external corpus is absent ({path})")
    with pytest.raises(argmap.FormatError, match=r"expected argmap JSON .* or a SADFace document"):
        argmap.load(path)


def test_the_2017_and_2018_documents_keep_their_analyst_and_date() -> None:
    """SADFace 0.1 keeps the analyst and dates at the top level; the map's author and date come from there."""
    for version in ("2017-07-11", "2018-04-13"):
        path = EXTERNAL / f"sadface/SADFace/{version}/examples/hangback/data.json"
        if not path.is_file():
            pytest.skip(f"the external corpus is absent ({path})")
        amap = argmap.load(path)
        assert (amap.author, amap.date) == ("Simon Wells", "2017-07-11")
        assert Counter(type(relation).__name__ for relation in amap.relations) == {"Support": 1, "Rebuttal": 1}
