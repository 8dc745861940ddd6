"""Claims and the four relations, from David Dayen's post on the Shamsi base."""

from argmap import ArgumentMap, Source

dayen = Source("David Dayen", kind="person")
mcclatchy = Source("McClatchy", kind="publication")
officials = Source("U.S. officials", kind="official")

m = ArgumentMap(title="The Shamsi drone base", author="David Dayen")

# A claim, with a stable id derived from its text (or given with id=).
talk = m.claim("The Pakistanis are all talk.", by=dayen, id="all-talk")

# A support: two premises that work together make one linked argument.
strikes = m.claim("CIA drone strikes from Pakistan are still occurring.", by=officials, via=mcclatchy)
cooperation = m.claim("The strikes continue with Pakistani cooperation.", by=officials, via=mcclatchy)
linked = m.support([strikes, cooperation], talk, label="evidence")

# A rebuttal: a claim against a claim. The builder makes new claims from text.
consumption = m.rebut(
    "The talk could be for U.S. domestic consumption; the relationship is really more fraught.", talk, by=dayen
)
m.rebut(
    "It is hard to pretend that drone attacks don't exist, and they have not slowed.", consumption.attacker, by=dayen
)

# An undercut: a claim against the inference, not against its premises.
coerced = m.undercut("Cooperation with strikes may say little about what Pakistan intends.", linked, by=dayen)

# A skeptical response: a named party contests a claim, without asserting the contrary.
response = m.skeptical_response(
    "Is anyone sure the minister was not serious?", talk, by=Source("A reader"), stance="question"
)

assert [claim.id for claim in m.main_conclusions()] == ["all-talk"]
assert m.supporters(talk) == (linked,)
assert m.attackers(talk) == (consumption,)
assert m.attackers(linked) == (coerced,)
assert m.skeptical_responses_to(talk) == (response,)
