"""Argdown: exact round trips, the real Argdown parser reads what we write, and the real examples import."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, FormatError, Rebuttal, Source, Support, check
from argmap.formats import _argdown_syntax as syntax
from argmap.formats import argdown
from tests.argdown_reference import from_argdown, from_map, relation_keys
from tests.conftest import corpus_file
from tests.strategies import maps, texts

ARGDOWN = shutil.which("argdown")
needs_argdown = pytest.mark.skipif(
    ARGDOWN is None or shutil.which("node") is None,
    reason="the Argdown parser (npm's @argdown/cli, on node) is not installed; .ci/run installs it",
)
EXAMPLES = [
    "Populism-Core-Argument-Argdown-Example",
    "argdown-primer",
    "greenspan-schefczyk_hardwrap",
    "legalisation-softdrugs",
    "semmelweis_betz",
    "state-censorship",
    "veggie_debate",
]


@given(maps())
def test_round_trip_is_exact(amap: ArgumentMap) -> None:
    """Native -> Argdown -> native gives the same map: every claim, relation, attribution, tag and id."""
    text = argdown.dumps(amap)
    assert argdown.loads(text) == amap
    assert argdown.dumps(argdown.loads(text)) == text


def argdown_json(folder: Path, *texts: str) -> list[dict[str, Any]]:
    """Return what the real Argdown parser reads in each of *texts*: its `argdown json` export (one run for all)."""
    for number, text in enumerate(texts):
        (folder / f"map{number}.argdown").write_text(text, encoding="utf-8")
    assert ARGDOWN is not None
    command = [ARGDOWN, "json", str(folder / "*.argdown"), str(folder / "json")]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Invalid Argdown syntax" not in completed.stdout + completed.stderr
    return [json.loads((folder / "json" / f"map{n}.json").read_text(encoding="utf-8")) for n in range(len(texts))]


def implied(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    """Return the attacks Argdown leaves out as implied: on an argument, by a claim attacking one of its premises.

    Argdown also draws one relation where two of the same kind join the same
    ends (a rebuttal and a skeptical response, say); the projection compares sets.
    """
    projected = from_map(amap, {"statements": {}, "arguments": {}, "relations": []})["relations"]
    supports = {support.id: support for support in amap.supports}
    return {
        ("attack", origin, target)
        for kind, origin, target in projected
        if kind == "attack" and target in supports
        if any(("attack", origin, premise) in projected for premise in supports[target].premises)
    }


def self_attacks(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    """Return the attacks check() calls self-attacks, which Argdown's parser keeps only at times."""
    found: set[tuple[str, str, str]] = set()
    for problem in check(amap):
        if problem.code == "self-attack":
            found |= relation_keys(amap, amap[problem.elements[1]])  # type: ignore[arg-type]  # a relation
    return found


@needs_argdown
@settings(
    max_examples=3,
    phases=[Phase.generate],  # each example runs node: no shrinking, the failing batch is reported as it is
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(batch=st.lists(maps(max_claims=6, max_relations=8), min_size=15, max_size=15))
def test_the_real_argdown_parser_reads_the_same_statements_and_relations(
    batch: list[ArgumentMap], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`argdown json` on our export gives the map's statements, texts, inferences and relations, end by end."""
    exported = argdown_json(tmp_path_factory.mktemp("argdown"), *(argdown.dumps(amap) for amap in batch))
    for amap, read in zip(batch, exported, strict=True):
        reading, expected = from_argdown(read), from_map(amap, read)
        reading["relations"] -= self_attacks(amap)
        expected["relations"] -= self_attacks(amap) | implied(amap)
        assert reading == expected, argdown.dumps(amap)


@needs_argdown
def test_the_real_parser_reads_attribution_as_data(tmp_path: Path) -> None:
    """Attribution travels as the statement's YAML data, which Argdown keeps: who said it, in what words."""
    m = ArgumentMap(title="Pakistan asks the CIA to leave")
    scahill = Source("Jeremy Scahill", affiliation="The Nation")
    fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence.", id="fewer")
    m.skeptical_response(
        "PK tells US it must reduce the times its operatives get caught.", fewer, by=scahill, medium="tweet"
    )
    (exported,) = argdown_json(tmp_path, argdown.dumps(m))
    (responding,) = [s for s in exported["statements"].values() if "data" in s]
    assert responding["data"]["proponent"] == "jeremy-scahill"
    assert responding["data"]["medium"] == "tweet"
    assert responding["data"]["attacks"] == [{"target": "fewer", "kind": "skeptical_response", "stance": "doubt"}]


def counts(exported: dict[str, Any]) -> tuple[int, int, int]:
    """Return Argdown's statement, argument and relation counts."""
    return len(exported["statements"]), len(exported["arguments"]), len(exported["relations"])


def map_counts(amap: ArgumentMap, exported: dict[str, Any]) -> tuple[int, int, int]:
    """Return the same counts read off the map: reconstructions are supports, sketched arguments claims."""
    reconstructed = {title for title, argument in exported["arguments"].items() if argument.get("pcs")}
    inferences = {
        title: sum(1 for member in argument["pcs"] if "inference" in member)
        for title, argument in exported["arguments"].items()
        if title in reconstructed
    }
    own = set(reconstructed) | {f"{title} - {n}" for title, total in inferences.items() for n in range(1, total)}
    supports = [s for s in amap.supports if s.id in own]
    sketched = len(exported["arguments"]) - len(reconstructed)
    statements = len(amap.claims) - sketched
    relations = len(amap.relations) - len(supports)
    return statements, len({s.id for s in supports if s.id in reconstructed}) + sketched, relations


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", ["legalisation-softdrugs", "Populism-Core-Argument-Argdown-Example", "semmelweis_betz"]
)
def test_counts_match_argdowns_own_json(name: str) -> None:
    """For the three examples with Argdown's JSON beside them, statements, arguments and relations match it."""
    exported = json.loads(corpus_file("argdown-json", f"{name}.json").read_text(encoding="utf-8"))
    amap = argmap.load(corpus_file("argdown", f"{name}.argdown"))
    assert map_counts(amap, exported) == counts(exported)
    assert {claim.id for claim in amap.claims} >= set(exported["statements"])


@pytest.mark.corpus
@needs_argdown
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_imports_as_the_real_parser_reads_it(name: str, tmp_path: Path) -> None:
    """Each real example imports; its counts match those of `argdown json` run on it now."""
    path = corpus_file("argdown", f"{name}.argdown")
    (exported,) = argdown_json(tmp_path, path.read_text(encoding="utf-8"))
    amap = argmap.load(path)
    assert map_counts(amap, exported) == counts(exported)


@pytest.mark.corpus
def test_the_semmelweis_example_reads_as_a_user_expects() -> None:
    """Front matter, headings as sections, contrary hypotheses as rebuttals, reconstructions as linked supports."""
    amap = argmap.load(corpus_file("argdown", "semmelweis_betz.argdown"))
    assert amap.author == "Gregor Betz"
    assert amap.date == "2018-10-19"  # written 19/10/2018
    hypothesis = amap.claim_for("Epidemic Influence Hypothesis")
    assert hypothesis.text == "The outbreak of childbed fever is controlled by epidemic influences."
    assert (hypothesis.tags, hypothesis.section) == (("H1",), "Three Rival Hypotheses")
    assert Rebuttal("Epidemic Influence Hypothesis", "Rough Examination Hypothesis") in amap.rebuttals
    exposition = amap["Epidemic Exposition 1"]
    assert isinstance(exposition, Support)
    assert exposition.premises[:2] == ("Epidemic Influence Hypothesis", "Difference in Exposure")
    assert exposition.conclusion == "Difference Between Divisions"
    assert [p.code for p in amap.load_problems] == []


@pytest.mark.corpus
def test_sketched_arguments_become_claims_and_undercuts_stay_visible() -> None:
    """legalisation-softdrugs has no reconstructions: arguments are claims `<title>`, undercuts labelled rebuttals."""
    amap = argmap.load(corpus_file("argdown", "legalisation-softdrugs.argdown"))
    assert amap.claim_for("<No harm, no ban>").text.startswith("The role of legislation is to protect society")
    assert amap.claim_for("<No harm, no ban>").tags == ("pro",)
    assert Counter(r.label for r in amap.rebuttals)["undercut"] == 2
    assert [claim.id for claim in amap.main_conclusions()] == ["Legalisation of Soft Drugs"]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("[Title]:\n\n[Other]: text", 1, 9, "[Title]: must be followed by its text"),
        ("  + [x]", 1, 3, "a relation needs a statement or an argument above it"),
        ("[a]: text\n  +", 2, 1, "'+' must be followed by a statement or an argument"),
        ("<A>\n\n(1) [p]: P.\n----\n\n[x]: y", 4, 1, "must be followed by its conclusion"),
        ("[a]: text {key: [unclosed}", 1, 26, "invalid YAML data"),
        ("[a]: text\n  more {key: [1,\n  2, }", 3, 6, "invalid YAML data"),
        ("===\ntitle: x\n", 1, 1, "front matter opened with === is never closed"),
        ("[a]: text /* never closed", 1, 11, "comment opened with /* is never closed"),
        ("(1) [p]: P.\n--\nrule", 2, 1, "never closed with --"),
    ],
)
def test_syntax_errors_carry_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Each kind of syntax error is a FormatError at its line and column."""
    with pytest.raises(FormatError) as caught:
        argdown.loads(text, path="map.argdown")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"map.argdown:{line}:{column}: ")


def test_an_empty_document_is_a_warning() -> None:
    """A document with nothing but prose headings is an empty map and an empty-file warning."""
    amap = argdown.loads("# Nothing here\n")
    assert [p.code for p in check(amap)] == ["empty-file"]


@st.composite
def maps_with_hostile_tags(draw: st.DrawFn) -> ArgumentMap:
    """Draw a map whose claims carry tags with comment openers, URLs, line breaks and brackets, and sections."""
    amap = draw(maps(max_claims=5, max_relations=5))
    tag = st.one_of(texts, st.sampled_from(["see http://x.org/a", "a /* b", "c <!-- d", "e */ f", "two\nlines", "x)"]))
    section = st.one_of(st.none(), st.sampled_from(["Main question", "Ungrouped", "Two\nlines"]), texts)
    tagged = ArgumentMap(**amap.metadata)
    for document in amap.documents:
        tagged.add(document)
    for source in amap.sources:
        tagged.add(source)
    for claim in amap.claims:
        tags = [t.strip() for t in draw(st.lists(tag, max_size=3, unique=True)) if t.strip()]
        tagged.add(attrs.evolve(claim, tags=list(dict.fromkeys(tags)), section=draw(section)))
    for relation in amap.relations:
        tagged.add(relation)
    return tagged


@pytest.mark.parametrize("id", ["0>", "<0", "a>b", "<Jams", "Jams>"])
def test_an_id_with_an_angle_bracket_round_trips(id: str) -> None:
    """An id that cannot be a title is kept in the data even when its title differs from it only by a bracket.

    Hypothesis found `0>` written as `[0]` and read back as `0`.
    """
    amap = ArgumentMap()
    amap.claim("He said leave and left", id=id)
    assert [claim.id for claim in argdown.loads(argdown.dumps(amap)).claims] == [id]


INCLUDES = ["@include(x)", "see @include(notes.argdown) here", "@include(", "a @include(b"]
"""Texts holding what Argdown reads as an include before it reads anything else, wherever it stands in the file."""


def _with_include(text: str) -> ArgumentMap:
    """Return a map with *text* in each place the writer writes text: statement, heading, tag, title, data, source."""
    amap = ArgumentMap(title=text, description=text)
    said = Source(text, affiliation=text)
    amap.claim(f"He said {text} and left.", id="said", by=said, quote=text, tags=[text], section=text)
    amap.claim("Another claim.", id=text, data={text: [text], "k": text})
    amap.support("Another claim.", "said", label=text)
    amap.claim("A closing ) on its own.", id="closing")
    return amap


@pytest.mark.parametrize("text", INCLUDES)
def test_text_holding_an_include_round_trips_and_includes_nothing(text: str) -> None:
    """`@include(...)` in any text is written so that no reader takes it for an include, and comes back as it was.

    Argdown replaces every `@include(...)` of a file before reading it, even inside data or a later line's `)`;
    hypothesis found a data value `["@include("]` refused on reading with "@include needs the including file's path".
    """
    amap = _with_include(text)
    written = argdown.dumps(amap)
    assert syntax._INCLUDE.search(written) is None
    assert argdown.loads(written) == amap


@needs_argdown
def test_the_real_parser_reads_text_holding_an_include_as_text(tmp_path: Path) -> None:
    """What Argdown itself reads from such a file holds the text as written, with nothing included."""
    (exported,) = argdown_json(tmp_path, argdown.dumps(_with_include("see @include(notes.argdown) here")))
    assert "He said see @include(notes.argdown) here and left." in [
        statement["members"][0]["text"].strip() for statement in exported["statements"].values() if statement["members"]
    ]


@given(maps_with_hostile_tags())
def test_hostile_tags_round_trip_exactly(amap: ArgumentMap) -> None:
    """A tag holding //, /*, <!--, a line break or a bracket comes back whole, and so does everything after it.

    Sections come back too: as headings where one can name them, in the data otherwise.
    """
    assert argdown.loads(argdown.dumps(amap)) == amap


@needs_argdown
def test_the_real_parser_reads_a_tag_with_a_url_as_one_tag(tmp_path: Path) -> None:
    """`#(see http://x)` is one tag for Argdown too: the // inside it is no comment."""
    m = ArgumentMap()
    m.add(argmap.Claim("One.", tags=["see http://x.org/a"], id="one"))
    (exported,) = argdown_json(tmp_path, argdown.dumps(m))
    assert exported["statements"]["one"]["tags"] == ["see http://x.org/a"]
    assert argdown.loads(argdown.dumps(m)) == m


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_hand_written_file_comes_back_unchanged() -> None:
    """The hand-written examples/congestion.argdown is written back as it was, whitespace aside.

    It has front matter, a heading, tags, sketched arguments, a reconstruction
    with ``-- by analogy --`` and an undercut.
    """
    path = Path(__file__).resolve().parent.parent / "examples" / "congestion.argdown"
    amap = argmap.load(path)
    assert _words(argdown.dumps(amap)) == _words(path.read_text(encoding="utf-8"))
    assert {claim.section for claim in amap.claims} == {"Main question"}
    assert amap["Stockholm"] == Support(["Untitled 1", "Untitled 2"], "Cut", label="by analogy", id="Stockholm")


@st.composite
def idiomatic_documents(draw: st.DrawFn) -> str:
    """Draw an Argdown document as people write it.

    Front matter, headings, titled and untitled statements with tags, sketched
    arguments, relations under the claim that starts them, reconstructions with
    rules, undercuts.
    """
    word = st.sampled_from(["traffic", "fares", "shops", "rush-hour", "London", "9 km/h", "a fifth", "Oslo's"])
    sentence = st.lists(word, min_size=1, max_size=5).map(lambda words: " ".join(words).capitalize() + ".")
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["===", f"title: {draw(st.sampled_from(['Congestion', 'The charge']))}", "===", ""]
    statements: list[str] = []  # references of statements (premises must be statements)
    claims: list[str] = []  # references of every claim
    untitled = 0
    for number in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 4)) == 0:
            lines += [f"# Part {number}", ""]
        kind = draw(st.sampled_from(["statement", "argument", "untitled"]))
        tags = "".join(f" #{tag}" for tag in draw(st.lists(st.sampled_from(["pro", "con", "fact"]), unique=True)))
        if kind == "untitled":
            untitled += 1
            reference = f"[Untitled {untitled}]"
            lines.append(f"{draw(sentence)}{tags}")
        else:
            reference = f"[S{number}]" if kind == "statement" else f"<A{number}>"
            lines.append(f"{reference}: {draw(sentence)}{tags}")
        for target in draw(st.lists(st.sampled_from(claims), max_size=2, unique=True)) if claims else []:
            lines.append(f"  {draw(st.sampled_from(['+>', '->', '_>', '><']))} {target}")
        lines.append("")
        claims.append(reference)
        if kind != "argument":
            statements.append(reference)
    if draw(st.booleans()) and statements:
        # A reconstruction names earlier statements and defines new ones where they first appear, as people do.
        members: list[str] = draw(st.lists(st.sampled_from(statements), unique=True, max_size=3))
        members += draw(st.lists(st.sampled_from(["new", "untitled"]), min_size=2 - min(len(members), 2), max_size=2))
        lines += ["<Reconstruction>", ""]
        for number, member in enumerate(draw(st.permutations(members)), 1):
            if number == len(members):
                lines.append(draw(st.sampled_from(["----", "-- by analogy --", "-- modus ponens --"])))
            if member == "new":
                lines.append(f"({number}) [P{number}]: {draw(sentence)}")
            elif member == "untitled":
                untitled += 1
                lines.append(f"({number}) {draw(sentence)}")
            else:
                lines.append(f"({number}) {member}")
        lines.append("")
        if draw(st.booleans()):
            lines += [claims[0], "  _> <Reconstruction>", ""]
    return "\n".join(lines)


def as_written_in_argdown(text: str) -> dict[str, Any]:
    """Return what an Argdown document says, whatever its layout.

    Front matter, statements with their text, tags and section, arguments with
    their text and premise-conclusion structure, and every relation.
    """
    document = syntax.parse(text)
    return {
        "front matter": document.front_matter,
        "statements": {t: (s.text, s.tags, s.data, s.section) for t, s in document.statements.items()},
        "arguments": {
            title: (a.text, a.tags, a.section, a.pcs, [(i.premises, i.rules, i.conclusion) for i in a.inferences])
            for title, a in document.arguments.items()
        },
        "relations": sorted((r.kind, r.origin.title, r.target.title, r.step is None) for r in document.relations),
    }


@given(idiomatic_documents())
def test_idiomatic_argdown_comes_back_as_written(text: str) -> None:
    """Argdown -> argmap -> Argdown says what the document says, for documents written as people do.

    Whitespace and the order of definitions aside: a statement may come back
    defined inside the reconstruction that uses it.
    """
    assert as_written_in_argdown(argdown.dumps(argdown.loads(text))) == as_written_in_argdown(text)


@needs_argdown
def test_ids_argdowns_parser_fails_on_are_written_under_other_titles(tmp_path: Path) -> None:
    """A claim whose id is "constructor" or "<toString>" (names that fail Argdown's parser) is read by it too."""
    m = ArgumentMap()
    m.add(argmap.Claim("One.", id="constructor"))
    m.add(argmap.Claim("Two.", id="<toString>"))
    m.rebut("<toString>", "constructor")
    (exported,) = argdown_json(tmp_path, argdown.dumps(m))
    assert from_argdown(exported) == from_map(m, exported)
    assert argdown.loads(argdown.dumps(m)) == m


def test_a_file_written_before_skeptical_response_was_the_kind_still_reads() -> None:
    """Argmap once wrote a skeptical response's kind as "doubt" in the attacker's data: such a file reads the same."""
    old = (
        "[fewer]: The demands will reduce the C.I.A. presence.\n\n"
        "[caught-less]: They will get caught less. {attacks: [{target: fewer, kind: doubt, stance: sarcasm}]}\n"
        "  -> [fewer]\n"
    )
    (response,) = argdown.loads(old).skeptical_responses
    assert (response.response, response.target, response.stance) == ("caught-less", "fewer", "sarcasm")
    assert argdown.loads(old) == argdown.loads(old.replace("kind: doubt", "kind: skeptical_response"))
