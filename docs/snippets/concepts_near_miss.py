"""Near misses: a text that nearly names a claim is refused, with the claim it probably meant."""

from argmap import ArgumentMap, Source, UnknownClaimError

dayen = Source("David Dayen", kind="person")
mcclatchy = Source("McClatchy", kind="publication")

m = ArgumentMap(title="The Shamsi drone base", author="David Dayen")
talk = m.claim("The Pakistanis are all talk.", by=dayen, id="all-talk")
going_on = m.claim("Drone strikes have not slowed down.", by=dayen, id="not-slowed")

# The full stop is missing: without the check, this would quietly make a second claim.
try:
    m.support("Drone strikes continue, with Pakistani cooperation.", "The Pakistanis are all talk")
except UnknownClaimError as error:
    print(error)
# no claim has id or text 'The Pakistanis are all talk'; did you mean [all-talk] 'The Pakistanis are all talk.'? If it
# is a new claim, call claim() first or pass new=True
assert len(m.claims) == 2  # a refused call changes nothing

m.support("Drone strikes continue, with Pakistani cooperation.", talk)

# One letter apart, the opposite claim: say that it is new.
m.rebut("Drone strikes have now slowed down.", going_on, new=True, by=mcclatchy)

# A one-word sentence is a claim's text; a lower-case word naming nothing is a mistyped id.
m.skeptical_response("Really?", talk, by=Source("A reader"), stance="question")
try:
    m.support("strikes", talk)
except UnknownClaimError as error:
    print(error)
# no claim has id 'strikes'; to add a one-word claim, call claim('strikes') first or pass new=True

assert m.near_miss("the pakistanis are ALL TALK") == talk
assert [claim.text for claim in m.claims][2:] == [
    "Drone strikes continue, with Pakistani cooperation.",
    "Drone strikes have now slowed down.",
    "Really?",
]
