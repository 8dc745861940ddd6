"""Writing a map as Argdown, reading it back exactly, and importing Argdown written by hand."""

from argmap import ArgumentMap, Source, dumps, loads

m = ArgumentMap(title="Pakistan asks the CIA to leave")
scahill = Source("Jeremy Scahill", affiliation="The Nation")
fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence.", id="fewer", tags=["news"])
demand = m.claim("Kayani asked 335 C.I.A. officers to leave.", id="demand", qualifier="not confirmed")
m.support(demand, fewer, id="demand-reduces")
m.doubt(fewer, "PK tells US it must reduce the times its operatives get caught.", by=scahill, stance="sarcasm")

text = dumps(m, "argdown")
print(text)
assert loads(text, "argdown") == m  # the round trip is exact

handwritten = """
# Rival hypotheses

[Epidemic]: Childbed fever is controlled by epidemic influences. #H1
  -> [Cadavers]: Childbed fever is controlled by cadaveric contamination. #H3

<Washing>

(1) Washing hands removes cadaveric matter.
(2) Fever falls when students wash their hands.
----
(3) [Cadavers]
"""
imported = loads(handwritten, "argdown")
for claim in imported.claims:
    print(claim.id, "|", claim.text, "|", claim.tags)
for relation in imported.relations:
    print(relation)
