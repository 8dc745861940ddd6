"""The article examples encode every move of the articles, with the right source on each claim."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap, Claim, Rebuttal, SkepticalResponse, check, load
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def wire() -> ArgumentMap:
    """The Atlantic Wire's article as a map."""
    return load(EXAMPLES / "wire_cia_drawdown.py")


@pytest.fixture(scope="module")
def dayen() -> ArgumentMap:
    """David Dayen's post as a map."""
    return load(EXAMPLES / "dayen_shamsi_base.py")


@pytest.fixture(scope="module")
def merged() -> ArgumentMap:
    """Both articles merged and cross-linked."""
    return load(EXAMPLES / "merged.py")


def speaker(amap: ArgumentMap, id: str) -> str:
    """Return the name of the source of claim *id*."""
    claim = amap.claim_for(id)
    assert claim.source is not None, f"{id} has no source"
    return claim.source.name


def chain(amap: ArgumentMap, id: str) -> list[str]:
    """Return the names along the attribution of claim *id*: speaker first, then the via chain."""
    attribution = amap.claim_for(id).attribution
    assert attribution is not None
    return [source.name for source in attribution.sources]


def supported_by(amap: ArgumentMap, conclusion: str) -> set[str]:
    """Return the ids of every premise of every support of *conclusion*."""
    return {premise for support in amap.supporters(conclusion) for premise in support.premises}


def test_wire_main_claim_and_evidence(wire: ArgumentMap) -> None:
    """The Times' collapse claim is a main conclusion, supported by Kayani's three unconfirmed demands."""
    assert "collapse" in [claim.id for claim in wire.main_conclusions()]
    assert speaker(wire, "collapse") == "The New York Times"
    assert supported_by(wire, "collapse") == {"kayani-demands"}
    assert supported_by(wire, "kayani-demands") >= {"leave", "end-drone-strikes", "more-information"}
    assert "335" in wire.claim_for("leave").text
    for id in ("leave", "end-drone-strikes", "more-information"):
        assert wire.claim_for(id).qualifier == "U.S. officials have not confirmed the Times report"
    assert "background" in wire.claim_for("alliance").tags


def test_wire_proximate_cause_is_the_davis_affair_per_officials(wire: ArgumentMap) -> None:
    """The Davis affair, as officials told the Times, is the labelled proximate cause of the demands."""
    (support,) = [s for s in wire.supporters("kayani-demands") if s.label == "proximate cause"]
    assert support.premises == ("davis-affair",)
    assert chain(wire, "davis-affair") == ["Pakistani and American officials", "The New York Times"]
    assert supported_by(wire, "davis-affair") == {"blood-money", "protests"}
    assert '"blood money"' in wire.claim_for("blood-money").text


def test_wire_five_fundamental_reasons_each_with_its_sources(wire: ArgumentMap) -> None:
    """Each of the five reasons supports the unease, and each of its claims has its own attribution chain."""
    labels = {s.label for s in wire.supporters("unease")}
    assert labels == {
        "desire to protect the nuclear program",
        "anger over drone strikes",
        "sense of being left in the dark",
        "concern about the economic toll",
        "response to public opinion",
    }
    assert chain(wire, "nuclear") == ["A Pakistani official", "The New York Times"]
    assert chain(wire, "kayani-condemned") == ["The New York Times"]
    assert chain(wire, "wedge") == ["Andrea Mitchell"]
    wedge = wire.claim_for("wedge").attribution
    assert wedge is not None
    assert wedge.medium == "tweet"
    assert wedge.quote is not None
    assert wedge.quote.startswith("Pakistan sees Raymond Davis case as wedge")
    assert chain(wire, "bypassed") == ["A Pakistani official", "Dawn"]
    bypassed = wire.claim_for("bypassed").attribution
    assert bypassed is not None
    assert bypassed.quote is not None
    assert "we were bypassed" in bypassed.quote
    assert wire.source("pakistani-official-to-dawn") != wire.source("pakistani-official-to-the-times")
    assert chain(wire, "no-targeting-intelligence") == ["The New York Times"]
    assert chain(wire, "excluded-from-peace-talks") == ["The Guardian"]
    assert chain(wire, "68-billion") == ["Pakistani intelligence officials", "The Guardian"]
    assert chain(wire, "security-over-commerce") == ["Asif Ali Zardari", "The Guardian"]
    assert chain(wire, "criticized-and-destabilized") == ["Syed Shoaib Hasan"]
    assert wire.source("syed-shoaib-hasan").affiliation == "BBC"


def test_wire_guardian_figure_carries_the_articles_skeptical_response(wire: ArgumentMap) -> None:
    """The $68 billion estimate meets the article's own reservation, and Zardari explains it (a linked support)."""
    (response,) = wire.skeptical_responses_to("68-billion")
    assert response.stance == "reservation"
    assert speaker(wire, response.response) == "The Atlantic Wire"
    assert "does not say how" in wire.claim_for(response.response).text
    (explanation,) = wire.supporters("68-billion")
    assert set(explanation.premises) == {"security-over-commerce", "fuel-and-industry"}


def test_wire_skeptics_are_two_skeptical_responses_to_one_claim(wire: ArgumentMap) -> None:
    """Scahill's sarcastic tweet and Lakhani's doubt are skeptical responses on the same claim, not rebuttals."""
    responses = wire.skeptical_responses_to("fewer-cia")
    assert all(isinstance(r, SkepticalResponse) for r in responses)
    by_speaker = {speaker(wire, r.response): r for r in responses}
    assert set(by_speaker) == {"Jeremy Scahill", "Kalsoom Lakhani"}
    assert by_speaker["Jeremy Scahill"].stance == "sarcasm"
    scahill = wire.claim_for(by_speaker["Jeremy Scahill"].response)
    assert scahill.attribution is not None
    assert scahill.attribution.medium == "tweet"
    assert scahill.attribution.quote == (
        "You mean PK tells US it must sharply reduce the number of times its operatives get caught."
    )
    assert wire.source("jeremy-scahill").affiliation == "The Nation"
    assert wire.source("kalsoom-lakhani").affiliation == "Changing Up Pakistan"
    assert wire.attackers("fewer-cia") == ()


def test_dayen_demand_refusal_and_dilemma(dayen: ArgumentMap) -> None:
    """The FT's report of Mukhtar's demand and Reuters' refusal make the dilemma, settled as 'all talk'."""
    assert chain(dayen, "mukhtar-demand") == ["Financial Times"]
    assert "Ahmed Mukhtar" in dayen.claim_for("mukhtar-demand").text
    assert chain(dayen, "us-refuses") == ["U.S. officials", "Reuters"]
    not_vacated = dayen.claim_for("not-vacated").attribution
    assert not_vacated is not None
    assert not_vacated.quote == "That base is neither vacated nor being vacated."
    assert supported_by(dayen, "not-vacated") == {"second-official-confirms"}
    assert "did-not-know" in supported_by(dayen, "all-talk")
    (linked,) = dayen.supporters("dilemma")
    assert set(linked.premises) == {"mukhtar-demand", "us-refuses"}
    (because,) = [s for s in dayen.supporters("all-talk") if len(s.premises) == 2]
    assert set(because.premises) == {"dilemma", "strikes-continue"}
    assert chain(dayen, "strikes-continue") == ["U.S. officials", "McClatchy"]
    assert "35 extremist leaders" in dayen.claim_for("covert-cooperation-continues").text
    assert "visas" in dayen.claim_for("visible-programs-throttled").text


def test_dayen_double_game_counter_and_its_rebuttal(dayen: ArgumentMap) -> None:
    """The double-game reading is rebutted by the counter-consideration, which is itself rebutted."""
    (counter,) = dayen.attackers("double-game")
    assert isinstance(counter, Rebuttal)
    assert counter.attacker == "us-consumption"
    (answer,) = dayen.attackers("us-consumption")
    assert isinstance(answer, Rebuttal)
    assert answer.attacker == "drones-undeniable"


def test_dayen_afghanistan_conclusion_and_brennan(dayen: ArgumentMap) -> None:
    """The double game gives a reason for another base, which Brennan's remarks support; hence Afghanistan."""
    assert [c.id for c in dayen.main_conclusions()] == ["all-talk", "why-afghanistan"]
    assert supported_by(dayen, "why-afghanistan") == {"another-base"}
    assert supported_by(dayen, "another-base") == {
        "double-game",
        "drones-from-afghanistan",
        "precise-and-overwhelming-force",
    }
    brennan = dayen.claim_for("precise-and-overwhelming-force").attribution
    assert brennan is not None
    assert brennan.source.name == "John Brennan"
    assert brennan.quote is not None
    assert "precise and overwhelming force" in brennan.quote


def test_merged_map_links_the_articles(merged: ArgumentMap, wire: ArgumentMap, dayen: ArgumentMap) -> None:
    """The merged map holds both articles, one source list, and the two cross-links."""
    assert len(merged.claims) == len(wire.claims) + len(dayen.claims)
    assert [d.title for d in merged.documents] == [wire.title, dayen.title]
    assert len({s.id for s in merged.sources}) == len(merged.sources)
    assert merged.source("us-officials") == dayen.source("us-officials")
    cross = {
        (s.premises, s.conclusion, s.label) for s in merged.supports if s.label in ("a parallel demand", "bears out")
    }
    assert cross == {
        (("mukhtar-demand",), "collapse", "a parallel demand"),
        (("strikes-continue",), "lakhani-doubt", "bears out"),
    }
    assert {"collapse", "fewer-cia", "all-talk", "why-afghanistan"} <= {c.id for c in merged.main_conclusions()}
    documents = {claim.id: claim.document for claim in merged.claims}
    assert documents["collapse"] != documents["mukhtar-demand"]


@pytest.mark.parametrize("name", ["wire_cia_drawdown", "dayen_shamsi_base", "merged"])
def test_examples_have_no_errors_and_only_the_background_is_unconnected(name: str) -> None:
    """check() finds no errors; its only warning is the Wire's background claim, which argues nothing."""
    problems = check(load(EXAMPLES / f"{name}.py"))
    assert all(p.severity == "warning" for p in problems)
    assert {(p.code, p.elements) for p in problems} <= {("orphan-claim", ("alliance",))}


def test_every_claim_of_the_articles_is_attributed() -> None:
    """In the article maps, every claim names who made it."""
    for name in ("wire_cia_drawdown", "dayen_shamsi_base", "merged"):
        amap = load(EXAMPLES / f"{name}.py")
        assert all(isinstance(c, Claim) and c.attribution is not None for c in amap.claims), name
