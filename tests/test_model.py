"""The typed core: elements validate themselves, derive readable ids, and stay frozen."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Attribution, Claim, InvalidElementError, Rebuttal, SkepticalResponse, Source, Support, Undercut
from argmap.model import Document, default_id, endpoints, readable_id
from tests.strategies import texts


def test_readable_id_keeps_the_first_words_without_punctuation() -> None:
    """An id derived from a claim reads as the start of the claim."""
    assert readable_id("The U.S.-Pakistani relationship may be teetering on collapse.") == (
        "us-pakistani-relationship-may-be-teetering"
    )
    assert readable_id("Pakistan's demands will reduce the C.I.A. presence.") == "pakistans-demands-will-reduce-the-cia"


def test_readable_id_keeps_other_scripts_and_falls_back_when_there_are_no_words() -> None:
    """Arabic text keeps its letters; text without letters or digits becomes 'claim'."""
    assert readable_id("باكستان تطلب") == "باكستان-تطلب"
    assert readable_id("?!…") == "claim"


@given(texts)
def test_readable_id_is_always_a_valid_id(text: str) -> None:
    """Whatever the text, the derived id is accepted as an id."""
    assert Claim(text).id == readable_id(text)


@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_readable_id_takes_a_faster_path_to_the_same_id_for_ascii_text(text: str) -> None:
    """ASCII text gives the id the general rule gives it (taken here behind a dash that is not ASCII)."""
    assert readable_id(text) == readable_id("\u2014 " + text)


def test_source_id_is_derived_from_the_name() -> None:
    """A source gets a stable id from its name, a leading article dropped."""
    assert Source("The New York Times", kind="publication").id == "new-york-times"
    assert Source("X", id="given").id == "given"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Source(""), "Source.name"),
        (lambda: Source("A", kind="alien"), "Source.kind"),  # type: ignore[arg-type]
        (lambda: Claim("   "), "Claim.text"),
        (lambda: Claim("ok", id=" padded"), "Claim.id"),
        (lambda: Claim("ok", id="tab\there"), "Claim.id"),
        (lambda: Claim("ok", tags=["a", "a"]), "Claim.tags"),
        (lambda: Claim("ok", attribution="NYT"), "Claim.attribution"),  # type: ignore[arg-type]
        (lambda: Attribution(Source("A"), medium="telegram"), "Attribution.medium"),  # type: ignore[arg-type]
        (lambda: Attribution(Source("A"), date="April 2011"), "Attribution.date"),
        (lambda: Attribution("A"), "Attribution.source"),  # type: ignore[arg-type]
        (lambda: Support([], "c"), "Support.premises"),
        (lambda: Support(["a", "a"], "c"), "Support.premises"),
        (lambda: SkepticalResponse("a", "b", stance="applause"), "SkepticalResponse.stance"),  # type: ignore[arg-type]
        (lambda: Document(""), "Document.id"),
    ],
)
def test_invalid_values_are_refused_with_the_field_named(build: object, field: str) -> None:
    """Building an element with a bad value raises InvalidElementError naming the field."""
    with pytest.raises(InvalidElementError, match=field.replace(".", r"\.")):
        build()  # type: ignore[operator]


def test_elements_are_frozen() -> None:
    """Elements cannot be changed after they are built; attrs.evolve makes a changed copy."""
    claim = Claim("Drone strikes continue.")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.text = "changed"  # type: ignore[misc]
    assert attrs.evolve(claim, qualifier="reportedly").qualifier == "reportedly"


def test_a_single_premise_or_tag_may_be_given_as_a_string() -> None:
    """Support(premise, conclusion) and tags="x" mean a one-element tuple."""
    assert Support("a", "c").premises == ("a",)
    assert Claim("t", tags="news").tags == ("news",)


def test_relation_ids_are_derived_from_their_ends() -> None:
    """Each relation kind derives a readable id from its kind and its ends."""
    assert Support(["a", "b"], "c").id == "support:a+b>c"
    assert Rebuttal("a", "c").id == "rebuttal:a>c"
    assert Undercut("a", "support:b>c").id == "undercut:a>support:b>c"
    assert SkepticalResponse("a", "c").id == "skeptical-response:a>c"
    for relation in (Support("a", "c", id="s1"), Rebuttal("a", "c", id="r1")):
        assert default_id(relation) != relation.id


def test_endpoints_give_origins_and_target_for_every_kind() -> None:
    """endpoints() lets code treat every relation kind alike."""
    assert endpoints(Support(["a", "b"], "c")) == (("a", "b"), "c")
    assert endpoints(Rebuttal("a", "c")) == (("a",), "c")
    assert endpoints(Undercut("a", "s")) == (("a",), "s")
    assert endpoints(SkepticalResponse("r", "t")) == (("r",), "t")


def test_attribution_reads_as_a_credit_line() -> None:
    """str(attribution) names the speaker, the via chain and the medium."""
    official = Source("A Pakistani official", kind="official")
    dawn = Source("Dawn", kind="publication")
    attribution = Attribution(official, via=[dawn], medium="article")
    assert str(attribution) == "A Pakistani official, via Dawn · article"
    assert attribution.sources == (official, dawn)
    assert str(Source("Jeremy Scahill", affiliation="The Nation")) == "Jeremy Scahill (The Nation)"
    assert Claim("x", attribution=attribution).source == official
    assert Claim("x").source is None


def test_an_attribution_chain_reads_one_way_a_comma_never_both_affiliation_and_step() -> None:
    """Each step of the chain gets its own "via" and an affiliation its brackets; medium and date follow."""
    economist = Source("An economist", affiliation="University of Riverton")
    radio, gazette = Source("Riverton Community Radio"), Source("The Riverton Gazette", affiliation="Riverton")
    attribution = Attribution(economist, via=[radio, gazette], medium="broadcast", date="2026-03")
    assert attribution.line() == (
        "An economist (University of Riverton), via Riverton Community Radio,"
        " via The Riverton Gazette (Riverton) · broadcast · 2026-03"
    )
    assert attribution.line("; ").endswith("(Riverton); broadcast; 2026-03")
