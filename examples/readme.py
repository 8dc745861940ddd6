"""The README's example: a corner of the first article, written in code."""

from argmap import ArgumentMap, Source

nyt = Source("The New York Times", kind="publication")
scahill = Source("Jeremy Scahill", kind="person", affiliation="The Nation")

m = ArgumentMap(title="Pakistan asks the CIA to leave", author="The Atlantic Wire")
collapse = m.claim("The U.S.-Pakistani relationship may be teetering on collapse.", by=nyt)
demand = m.claim(
    "Kayani asked 335 C.I.A. officers to leave Pakistan.",
    by=nyt,
    qualifier="U.S. officials have not confirmed the report",
)
m.support(demand, collapse)  # also m.support([p1, p2], c) for a linked argument
fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence in the country.")
m.skeptical_response(
    "PK tells US it must sharply reduce the number of times its operatives get caught.",
    fewer,
    by=scahill,
    medium="tweet",
    stance="sarcasm",
)

MAP = m
