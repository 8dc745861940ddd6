"""An outline of David Dayen's argument: the conclusion on top, what bears on it below."""

from argmap import ArgumentMap, Source, outline

dayen = Source("David Dayen", kind="person")
officials = Source("U.S. officials", kind="official")
mcclatchy = Source("McClatchy", kind="publication")

m = ArgumentMap(title="The Shamsi drone base", author="David Dayen")
talk = m.claim("The Pakistanis are all talk.", by=dayen, medium="blog", qualifier="I suspect", id="all-talk")
strikes = m.claim(
    "The CIA is still launching drone strikes from a base in southwestern Pakistan.",
    by=officials,
    via=mcclatchy,
    quote="The CIA still is launching drone strikes against al Qaida",
    id="strikes-continue",
)
cooperation = m.claim("The strikes go on with Pakistani cooperation.", by=officials, via=mcclatchy, id="cooperation")
evidence = m.support([strikes, cooperation], talk, label="evidence")
m.undercut(m.claim("Cooperation may say little about what Pakistan intends.", id="intent"), evidence)
consumption = m.claim(
    "It could be for domestic consumption in the U.S.; the relationship is really more fraught.",
    by=dayen,
    id="us-consumption",
)
m.rebut(consumption, talk)
m.rebut(m.claim("It is hard to pretend that drone attacks don't exist.", by=dayen, id="undeniable"), consumption)
m.skeptical_response(
    m.claim("Was the minister not serious?", by=Source("A reader"), id="serious"), talk, stance="question"
)

OUTLINE = """\
The Shamsi drone base
David Dayen

The Pakistanis are all talk. [all-talk]
qualifier: I suspect
— David Dayen · blog
├── + (evidence) linked support:
│   ├── & The CIA is still launching drone strikes from a base in southwestern Pakistan.
│   │     [strikes-continue]
│   │     — U.S. officials, via McClatchy
│   │     “The CIA still is launching drone strikes against al Qaida”
│   ├── & The strikes go on with Pakistani cooperation. [cooperation]
│   │     — U.S. officials, via McClatchy
│   └── ~ Cooperation may say little about what Pakistan intends. [intent]
├── - It could be for domestic consumption in the U.S.; the relationship is really more
│   │ fraught. [us-consumption]
│   │ — David Dayen
│   └── - It is hard to pretend that drone attacks don't exist. [undeniable]
│         — David Dayen
└── ? (question) Was the minister not serious? [serious]
      — A reader
"""

assert outline(m) == OUTLINE
