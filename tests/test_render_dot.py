"""The DOT renderer: golden files for the examples, the visual grammar, options, the style hook, hostile text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Document, Source, load
from argmap.engine import pipe
from argmap.errors import OptionError
from argmap.render import ClaimStyle, DotOptions, to_dot, to_graphviz
from argmap.render._quoting import displayed, html, node_id
from argmap.render.dot import DIRECTIONS, GROUPINGS
from argmap.render.grammar import BORDER_STYLES, BR, PALETTE
from tests.conftest import ROOT
from tests.drawing import claim_nodes, drawn_claim_text, graphviz_name
from tests.golden import GOLDEN, assert_golden, example_paths
from tests.strategies import HOSTILE_TEXTS, maps, texts

styles = st.builds(
    ClaimStyle,
    fill=st.sampled_from(["#CCE5D9", "white", None]),
    border=st.sampled_from(["#009E73", None]),
    border_style=st.sampled_from(BORDER_STYLES),
    badge=st.one_of(st.none(), texts),
)


@st.composite
def options(draw: st.DrawFn) -> DotOptions:
    """Draw rendering options, sometimes with a claim-style hook whose badges are hostile texts."""
    hook_styles = draw(st.lists(styles, max_size=3))

    def hook(claim: Claim) -> ClaimStyle | None:
        return hook_styles[len(claim.id) % len(hook_styles)] if hook_styles else None

    return DotOptions(
        direction=draw(st.sampled_from(DIRECTIONS)),
        wrap=draw(st.integers(8, 60)),
        attributions=draw(st.booleans()),
        legend=draw(st.booleans()),
        group_by=draw(st.sampled_from(GROUPINGS)),
        title=draw(st.booleans()),
        claim_style=hook if hook_styles else None,
        extra_legend=[(draw(texts), style) for style in hook_styles],
        quotes=draw(st.booleans()),
        stagger=draw(st.integers(1, 4)),
        relation_status=draw(
            st.sampled_from([None, lambda relation: ("accepted", "rejected", "undecided")[len(relation.id) % 3]])
        ),
    )


# ------------------------------------------------------------------ the examples


@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_example_dot_is_current(path: Path) -> None:
    """The DOT of each example matches its golden file exactly (ARGMAP_REGENERATE_GOLDEN=1 rewrites them)."""
    assert_golden(f"{path.stem}.dot", to_dot(load(path)))


@pytest.mark.dot
@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_graphviz_draws_each_golden_dot_with_every_claim(path: Path) -> None:
    """Graphviz accepts each golden DOT file and draws the text of every claim of the example."""
    svg = pipe((GOLDEN / f"{path.stem}.dot").read_text(encoding="utf-8"), "svg")
    drawn = drawn_claim_text(svg)
    for claim in load(path).claims:
        assert drawn[graphviz_name(claim.id)] == "".join(claim.text.split())


# ------------------------------------------------------------------ hostile maps


@pytest.mark.dot
@given(maps(), options())
def test_graphviz_accepts_every_dot_and_draws_each_claim_text_intact(amap: ArgumentMap, chosen: DotOptions) -> None:
    """Whatever the texts and options, Graphviz reads the DOT and draws every claim's text, character for character.

    Graphviz's SVG is read back as XML: each claim's node is found by its
    name, carries the id :func:`node_id` gives it and the class ``claim``
    (the HTML page finds it by them), and the lines drawn at the claim font
    size are joined. White space is left out of the comparison, as wrapping turns spaces and new lines
    into line breaks; every other character must come back, in order, except
    those XML cannot carry, which are drawn as visible stand-ins.
    (-Tjson and -Txdot were the other candidates; they escape backslashes one
    way in Graphviz 2.43 and another in graphviz-pure, so the same drawing
    reads back two ways there, while SVG's XML is unambiguous.)
    """
    svg = pipe(to_dot(amap, chosen), "svg")
    drawn = drawn_claim_text(svg)
    nodes = claim_nodes(svg)
    for claim in amap.claims:
        assert drawn[graphviz_name(claim.id)] == displayed("".join(claim.text.split()))
        assert nodes[node_id(claim.id)] == graphviz_name(claim.id)  # the HTML page finds the node by this id
    assert len(nodes) == len(amap.claims)


def html_labels(source: str) -> list[str]:
    """Return the body of every HTML-like label in *source*, found as Graphviz finds it: by balanced ``<`` ``>``."""
    bodies = []
    for match in re.finditer(r"label=<", source):
        depth, position = 1, match.end()
        while depth:
            depth += {"<": 1, ">": -1}.get(source[position], 0)
            position += 1
        bodies.append(source[match.end() : position - 1])
    return bodies


_MARKUP = re.compile(r'</?(B|I)>|<FONT( POINT-SIZE="\d+")?( COLOR="#[0-9A-F]{6}")?>|</FONT>|<BR ALIGN="LEFT"/>')


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_cannot_break_out_of_its_label(text: str) -> None:
    """Each hostile text stays text: with argmap's own markup taken out, no quote, bracket or lone backslash is left."""
    m = ArgumentMap(title=text)
    m.claim(text, id="x", qualifier=text, by=Source(text, affiliation=text), tags=[text.strip()])
    source = to_dot(m, DotOptions(group_by="tag"))
    labels = html_labels(source)
    assert sum(html(text.split()[0]) in label for label in labels) >= 3  # the title, the frame, the claim
    for label in labels:
        rest = _MARKUP.sub("", label)
        assert not set(rest) & set('<>"\n'), rest
        assert "\\" not in rest.replace("\\\\", ""), rest  # every backslash doubled: drawn, never read as \N
    assert source.count('"x" [label=<') == 1


@pytest.mark.parametrize("id", ["node", "edge", "graph", "-2.5", "1", 'a "q" b', "a\\", "<b>", "x:y", "%3"])
def test_ids_that_look_like_dot_are_names(id: str) -> None:
    """Keywords, numbers, quotes and trailing backslashes as ids are quoted names, and each is one node."""
    m = ArgumentMap()
    m.support(m.claim("A premise.", id=id), m.claim("A conclusion.", id="c"))
    source = to_dot(m, DotOptions(legend=False, title=False))
    quoted = '"' + graphviz_name(id).replace('"', '\\"') + '"'
    assert f"\t{quoted} [label=<" in source
    assert f'\t{quoted} -> "c" [' in source


@pytest.mark.dot
@pytest.mark.parametrize("id", ["&#9;", "&#1;", "a&amp;b", "&lt;", "R&D"])
def test_ids_that_look_like_entities_keep_their_node_in_svg(id: str) -> None:
    """Graphviz's SVG leaves an entity in a name as it is; argmap's names spell & out, so the SVG stays well-formed."""
    m = ArgumentMap()
    m.claim("A claim.", id=id)
    svg = pipe(to_dot(m, DotOptions(legend=False, title=False)), "svg")
    assert claim_nodes(svg) == {node_id(id): graphviz_name(id)}


# ------------------------------------------------------------------ the grammar


def edge_lines(source: str, head: str) -> list[str]:
    """Return the lines of *source* that draw an edge into the node named *head*."""
    return [line.strip() for line in source.splitlines() if f'-> "{head}"' in line]


def sample_map() -> ArgumentMap:
    """Return a small map with every kind of element: a linked support, its undercut, a rebuttal, a response."""
    m = ArgumentMap(title="Drones", author="A. Writer", publication="The Wire", date="2011-04-11")
    nyt = Source("The New York Times", kind="publication")
    m.claim("The alliance may collapse.", id="collapse", by=nyt)
    m.claim("Kayani asked officers to leave.", id="kayani", qualifier="not confirmed", tags=["news"])
    m.claim("Davis was arrested.", id="davis", by=Source("An official", kind="official"), via=[nyt], tags=["news"])
    linked = m.support(["kayani", "davis"], "collapse", label="proximate cause", id="linked")
    m.rebut(m.claim("Strikes continue.", id="strikes"), "collapse")
    m.undercut(m.claim("Cooperation says little.", id="little"), linked)
    m.skeptical_response(m.claim("Sure they did.", id="sure", by=Source("Jeremy Scahill")), "kayani", stance="sarcasm")
    return m


def test_each_relation_kind_is_drawn_in_its_own_line_and_head() -> None:
    """Support, rebuttal and skeptical response differ in colour and also in head or line, so colour is not needed."""
    source = to_dot(sample_map(), DotOptions(legend=False))
    (rebuttal,) = [line for line in edge_lines(source, "collapse") if line.startswith('"strikes"')]
    assert f'color="{PALETTE["attack"]}"' in rebuttal
    assert "arrowhead=tee" in rebuttal
    (response,) = edge_lines(source, "kayani")
    assert f'color="{PALETTE["skeptical_response"]}"' in response
    assert "style=dashed" in response
    assert "arrowhead=onormal" in response
    assert "? sarcasm" in response


def test_linked_support_joins_premises_at_one_junction_that_undercuts_attack() -> None:
    """The premises of a linked support meet at a junction; one arrow leaves it; the undercut ends on it."""
    source = to_dot(sample_map(), DotOptions(legend=False))
    assert '"linked" [shape=point' in source
    into = edge_lines(source, "linked")
    assert sorted(line.split(" ->")[0] for line in into) == ['"davis"', '"kayani"', '"little"']
    assert all("arrowhead=none" in line for line in into if not line.startswith('"little"'))
    (undercut,) = [line for line in into if line.startswith('"little"')]
    assert "arrowhead=tee" in undercut
    (support,) = [line for line in edge_lines(source, "collapse") if line.startswith('"linked"')]
    assert "arrowhead=normal" in support
    assert "proximate cause" in support


def test_a_single_premise_support_is_one_arrow_unless_it_is_attacked() -> None:
    """A plain support is a direct arrow; answered skeptically, it gets a junction for the response to end on."""
    m = ArgumentMap()
    support = m.support(m.claim("A premise.", id="p"), m.claim("A conclusion.", id="c"))
    assert '"p" -> "c" [' in to_dot(m)
    m.skeptical_response("Really?", support)
    source = to_dot(m)
    assert '"p" -> "c" [' not in source
    assert f'"p" -> "{support.id}" [' in source


def test_claims_show_text_qualifier_and_attribution_with_its_chain() -> None:
    """A claim's label holds its text, its qualifier in italics and a muted attribution line with via."""
    source = to_dot(sample_map(), DotOptions(legend=False))
    assert "<I>[not confirmed]</I>" in source
    assert "— An official, via The New York Times" in source.replace(BR, " ")
    no_attributions = to_dot(sample_map(), DotOptions(legend=False, attributions=False))
    assert "—" not in no_attributions


def test_main_conclusions_stand_out() -> None:
    """Claims where the argument ends are bold, heavier-bordered and tinted; others, lone ones too, are not."""
    source = to_dot(sample_map(), DotOptions(legend=False))
    (collapse,) = [line for line in source.splitlines() if line.startswith('\t"collapse" [label')]
    assert "<B>The alliance may collapse.</B>" in collapse.replace(BR, " ")
    assert "penwidth=2.5" in collapse
    assert 'class="claim main"' in collapse  # the page keeps its border heavier under status colours
    (davis,) = [line for line in source.splitlines() if line.startswith('\t"davis" [label')]
    assert "<B>" not in davis
    assert "penwidth" not in davis
    m = sample_map()
    m.claim("Background: the alliance is old.", id="background")
    (background,) = [line for line in to_dot(m).splitlines() if line.startswith('\t"background" [label')]
    assert "<B>" not in background  # connected to nothing: context, not where the argument ends


def test_text_is_wrapped_to_the_width_asked() -> None:
    """Claim text breaks into left-aligned lines no longer than the wrap width."""
    m = ArgumentMap()
    m.claim("one two three four five six seven eight nine ten", id="x")
    source = to_dot(m, DotOptions(wrap=10, legend=False))
    assert 'one two<BR ALIGN="LEFT"/>three four<BR ALIGN="LEFT"/>five six<BR ALIGN="LEFT"/>' in source


@pytest.mark.parametrize("direction", [direction for direction in DIRECTIONS if direction != "auto"])
def test_direction_sets_where_arrows_point(direction: str) -> None:
    """The direction option is Graphviz's rankdir, and a direction asked for always wins."""
    assert f"rankdir={direction}," in to_dot(sample_map(), DotOptions(direction=direction))  # type: ignore[arg-type]


def test_auto_direction_draws_a_small_map_conclusions_on_top_and_a_wide_one_left_to_right() -> None:
    """Auto keeps bottom to top where it fits, and turns a claim with a dozen reasons left to right."""
    assert "rankdir=BT," in to_dot(sample_map())
    m = ArgumentMap()
    conclusion = m.claim("Talks fail.")
    for number in range(12):
        m.support(f"Reason number {number} for the talks to fail, in a few more words.", conclusion)
    assert "rankdir=LR," in to_dot(m)
    assert "rankdir=BT," in to_dot(m, DotOptions(direction="BT"))


def test_title_and_byline_are_drawn_unless_turned_off() -> None:
    """The map's title, author, publication and date head the diagram."""
    assert "<B>Drones</B>" in to_dot(sample_map())
    assert "A. Writer · The Wire · 2011-04-11" in to_dot(sample_map())
    same = ArgumentMap(title="Drones", author="The Atlantic Wire", publication="The Atlantic Wire")
    assert ">The Atlantic Wire</FONT>" in to_dot(same)  # named once
    assert "Drones" not in to_dot(sample_map(), DotOptions(title=False))


def cluster_members(source: str) -> dict[str, list[str]]:
    """Return each frame's label and the claim ids drawn in it."""
    frames: dict[str, list[str]] = {}
    for block in re.findall(r'subgraph "cluster_\d+" \{\n(.*?)\n\t\}', source, re.S):
        label = re.search(r"label=<(.*?)>, labelloc", block)
        assert label is not None
        frames[label.group(1)] = re.findall(r'^\t\t"([^"]+)" \[label', block, re.M)
    return frames


def test_group_by_source_and_tag_frame_the_claims() -> None:
    """Grouping by source frames each source's claims; by tag, each first tag's; unframed claims stay outside."""
    by_source = cluster_members(to_dot(sample_map(), DotOptions(group_by="source")))
    assert by_source == {"The New York Times": ["collapse"], "An official": ["davis"], "Jeremy Scahill": ["sure"]}
    assert cluster_members(to_dot(sample_map(), DotOptions(group_by="tag"))) == {"news": ["kayani", "davis"]}
    assert cluster_members(to_dot(sample_map())) == {}


def test_group_by_document_frames_each_document_of_a_merged_map() -> None:
    """A merged map framed by document shows each document's title and details around its claims."""
    m = ArgumentMap()
    m.add(Document("wire", title="Pakistan asks the CIA to leave", author="The Atlantic Wire"))
    m.add(Document("dayen", title="The Shamsi base"))
    m.claim("A claim of the Wire.", id="a", document="wire")
    m.claim("A claim of Dayen's.", id="b", document="dayen")
    m.claim("A cross-link by the mapper.", id="c")
    frames = cluster_members(to_dot(m, DotOptions(group_by="document")))
    assert frames == {"Pakistan asks the CIA to leave (The Atlantic Wire)": ["a"], "The Shamsi base": ["b"]}


# ------------------------------------------------------------------ the legend and the hook


def test_legend_shows_only_the_kinds_the_map_uses() -> None:
    """The legend names each kind of relation the map has, and no other; it can be left out."""
    full = legend_of(to_dot(sample_map()))
    for name in ("linked support", "rebuttal", "undercut", "? sarcasm (skeptical response)"):
        assert f"</FONT> {name}" in full or f"</FONT> <I>{name}" in full
    assert "</FONT> support" not in full  # every support of the sample is linked
    assert "main conclusion" in full
    m = ArgumentMap()
    m.support("A premise here.", m.claim("A conclusion here."))
    only_support = legend_of(to_dot(m))
    assert "</FONT> support" in only_support
    assert "rebuttal" not in only_support
    assert "skeptical" not in only_support
    assert "labelloc=b" not in to_dot(m, DotOptions(legend=False))
    lone = ArgumentMap()
    lone.claim("A claim connected to nothing.")
    lone.skeptical_response("Sarcastic?", lone.claim("Another one."), stance="sarcasm")
    said = legend_of(to_dot(lone))
    assert "? sarcasm (skeptical response)" in said
    assert "? doubt" not in said
    m.claim("Background, connected to nothing.")
    assert "main conclusion" in legend_of(to_dot(m))
    nothing = ArgumentMap()
    nothing.claim("Alone.")
    assert "Legend" not in to_dot(nothing)  # no relation, no main conclusion: nothing to explain


def legend_of(source: str) -> str:
    """Return the legend table in *source*: the graph label at its foot."""
    (line,) = [line for line in source.splitlines() if "labelloc=b, labeljust=l" in line and "Legend" in line]
    return line


def test_claim_style_hook_styles_claims_and_its_legend_says_what_styles_mean() -> None:
    """The hook's style fills, borders and badges the claims it returns one for; extra_legend explains them."""
    accepted = ClaimStyle(fill="#CCE5D9", border="#009E73", border_style="bold", badge="✓ accepted")
    rejected = ClaimStyle(fill="#F6D5C3", border_style="dashed", badge="✗ rejected")

    def status(claim: Claim) -> ClaimStyle | None:
        return {"collapse": accepted, "strikes": rejected}.get(claim.id)

    source = to_dot(
        sample_map(),
        DotOptions(claim_style=status, extra_legend=[("accepted: it stands", accepted), ("rejected", rejected)]),
    )
    (collapse,) = [line for line in source.splitlines() if line.startswith('\t"collapse" [label')]
    assert collapse.startswith('\t"collapse" [label=<<FONT POINT-SIZE="10"><B>✓ accepted</B></FONT>')
    assert 'fillcolor="#CCE5D9", color="#009E73", penwidth=3.5' in collapse  # a main conclusion: heavier still
    (strikes,) = [line for line in source.splitlines() if line.startswith('\t"strikes" [label')]
    assert 'style="rounded,filled,dashed"' in strikes
    (davis,) = [line for line in source.splitlines() if line.startswith('\t"davis" [label')]
    assert "fillcolor" not in davis
    legend = legend_of(source)
    assert "accepted: it stands" in legend
    assert "✗ rejected" in legend


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ClaimStyle(fill="#CCE5D9"), "colour is never the only signal"),
        (lambda: ClaimStyle(fill="red; evil", badge="x"), "must be a colour"),
        (lambda: ClaimStyle(border_style="wavy"), "border_style must be one of"),  # type: ignore[arg-type]
        (lambda: ClaimStyle(badge=" "), "badge must be a non-empty string"),
        (lambda: DotOptions(direction="up"), "direction must be one of auto, BT, TB, LR, RL"),  # type: ignore[arg-type]
        (lambda: DotOptions(size="8x10"), "size must be a width and height in inches"),
        (lambda: DotOptions(page="a5"), "page must be one of a4, letter, a3"),  # type: ignore[arg-type]
        (lambda: DotOptions(size="8,10", page="a4"), "give one of them"),
        (lambda: DotOptions(dpi=5000), "dpi must be a whole number"),
        (lambda: DotOptions(stagger=0), "stagger must be a whole number"),
        (lambda: DotOptions(relation_status=3), "relation_status must be a function of a Relation"),  # type: ignore[arg-type]
        (lambda: DotOptions(group_by="colour"), "group_by must be one of"),  # type: ignore[arg-type]
        (lambda: DotOptions(wrap=2), "wrap must be a whole number"),
        (lambda: DotOptions(claim_style="red"), "claim_style must be a function"),  # type: ignore[arg-type]
        (lambda: DotOptions(extra_legend=[("x", "red")]), "extra_legend must hold"),
    ],
)
def test_bad_options_are_refused_with_a_clear_error(build: object, message: str) -> None:
    """Options and styles are checked when built: each mistake is an OptionError saying what is allowed."""
    assert callable(build)
    with pytest.raises(OptionError, match=re.escape(message)):
        build()


def test_a_hook_returning_something_else_is_refused() -> None:
    """A hook that returns anything but a ClaimStyle or None is an OptionError naming the claim."""
    with pytest.raises(OptionError, match="'collapse', not a ClaimStyle"):
        to_dot(sample_map(), DotOptions(claim_style=lambda claim: "red"))  # type: ignore[arg-type,return-value]


# ------------------------------------------------------------------ the graphviz package


def test_to_graphviz_is_the_same_source_as_to_dot() -> None:
    """to_graphviz wraps exactly the text to_dot builds, and attributes added to it come after argmap's."""
    m = sample_map()
    graph = to_graphviz(m, DotOptions(group_by="source"))
    assert graph.source == to_dot(m, DotOptions(group_by="source"))
    graph.attr(rankdir="LR")
    assert graph.source.endswith("\trankdir=LR\n}\n")


def test_the_renderer_and_the_command_line_do_not_import_graphviz_until_asked() -> None:
    """Importing the CLI or the renderer leaves the graphviz package (and the engine) unloaded, for a quick start."""
    code = (
        "import sys, argmap.cli, argmap.render; "
        "print(sorted(m for m in ('graphviz', 'argmap.engine', 'argmap.render') if m in sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert completed.stdout.strip() == "['argmap.render']"


def test_the_palette_still_answers_to_the_old_name_of_the_skeptical_responses_colour() -> None:
    """PALETTE["doubt"] gives the skeptical responses' colour, with a DeprecationWarning; other unknown keys fail."""
    with pytest.warns(DeprecationWarning, match="skeptical_response"):
        assert PALETTE["doubt"] == PALETTE["skeptical_response"]
    with pytest.raises(KeyError):
        PALETTE["no-such-role"]


def test_the_renderers_plumbing_stays_inside_render_and_dot_and_its_legend_do_not_import_each_other() -> None:
    """No module outside argmap.render imports a private module of it; _legend needs nothing from dot, nor _options."""
    import ast

    package = ROOT / "argmap"

    def imported(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        return found | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}

    for path in package.rglob("*.py"):
        if path.parent != package / "render":
            private = {name for name in imported(path) if name.startswith("argmap.render._")}
            assert not private, f"{path.relative_to(ROOT)} imports {private}"
    for module in ("_legend", "_options"):
        assert "argmap.render.dot" not in imported(package / "render" / f"{module}.py")
    import argmap.render.dot

    public = argmap.render.dot.__all__
    assert not {"part_dot", "part_body", "legend_dot", "legend_lines", "heading", "defaults"} & set(public)
