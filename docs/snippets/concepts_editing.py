"""Editing a map of the Atlantic Wire's article: remove, replace, rename, and two claims declared one."""

from pathlib import Path

from argmap import ArgumentMap, ElementInUseError, InvalidElementError, Source, load, merge

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
wire = load(EXAMPLES / "wire_cia_drawdown.py")

# Remove: what depends on a claim is refused, or taken along with cascade=True.
try:
    wire.remove("68-billion")
except ElementInUseError as error:
    print(error)
# cannot remove claim '68-billion': support 'support:68-billion>economic-toll', skeptical response
# 'skeptical-response:figure-unexplained>68-billion', support
# 'support:security-over-commerce+fuel-and-industry>68-billion' depend on it; remove them first, or pass cascade=True
removed = wire.remove("68-billion", cascade=True)
assert [element.id for element in removed][:2] == ["68-billion", "support:68-billion>economic-toll"]
assert wire.claim_for("figure-unexplained")  # the claims that were joined to it stay, for check() to report

# Replace: correct what a claim says or who said it; its id, place and relations stay.
leave = wire.claim_for("leave")
confirmed = wire.replace(leave, qualifier=None, by=Source("U.S. officials", kind="official"))
assert confirmed.qualifier is None
assert wire.supporters("kayani-demands")[0].premises == ("leave",)

# Rename: relations follow, and ids derived from their ends are derived again.
wire.rename("kayani-demands", "demands")
assert [support.id for support in wire.supporters("demands")][:2] == [
    "support:leave>demands",
    "support:end-drone-strikes>demands",
]

# Same: two mappers wrote Dayen's conclusion in their own words; merging them declares the two claims one.
dayen = Source("David Dayen", kind="person")
dilemma = ArgumentMap(title="The Shamsi drone base: the dilemma")
talk = dilemma.claim("The Pakistanis are all talk.", by=dayen, medium="blog", id="all-talk")
dilemma.support(dilemma.claim("Drone strikes are still occurring, with Pakistani cooperation."), talk)
double_game = ArgumentMap(title="The Shamsi drone base: the double game")
just_talk = double_game.claim("Pakistan's demand is just talk.")
double_game.support(double_game.claim("The defense minister is playing a double game.", by=dayen), just_talk)

both = merge(dilemma, double_game, same=[(talk, just_talk)])
assert [claim.id for claim in both.main_conclusions()] == ["all-talk"]
assert len(both.supporters(talk)) == 2  # the relations of both
assert both.claim_for(just_talk) == both.claim_for(talk)  # and what named either names the one

# A claim said by two parties keeps both: "officials and analysts said". The first stays `attribution`.
brennan = wire.claim("The U.S. will not stop its drone strikes.", by=Source("John Brennan", kind="official"))
said = wire.same("lakhani-doubt", brennan)
assert [attribution.source.name for attribution in said.attributions] == ["Kalsoom Lakhani", "John Brennan"]
assert said.source == said.attribution.source == said.attributions[0].source  # type: ignore[union-attr]

# Two different qualifiers are still refused: a claim holds one hedge.
hedged = wire.claim("The base may be vacated.", qualifier="reportedly")
try:
    wire.same(hedged, wire.claim("The base will be vacated soon.", qualifier="officials say"))
except InvalidElementError as error:
    print(error)
# cannot make claim 'base-will-be-vacated-soon' one with claim 'base-may-be-vacated': their qualifiers differ
# ('reportedly'; 'officials say') and a claim holds one; make them agree first with
# replace('base-will-be-vacated-soon', qualifier=...)
