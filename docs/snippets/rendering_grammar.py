"""A small map with every element of the visual grammar, drawn in docs/rendering.md."""

from argmap import ArgumentMap, Source

nyt = Source("The New York Times", kind="publication")
official = Source("A Pakistani official", kind="official")
dawn = Source("Dawn", kind="publication", affiliation="Pakistani newspaper")
dayen = Source("David Dayen", affiliation="FDL")
scahill = Source("Jeremy Scahill", affiliation="The Nation")

m = ArgumentMap(title="The visual grammar", description="Every kind of element, drawn once.")
collapse = m.claim("The U.S.-Pakistani relationship may be teetering on collapse.", by=nyt, medium="report")
demands = m.claim(
    "Kayani asked 335 C.I.A. officers to leave Pakistan.",
    by=nyt,
    qualifier="U.S. officials have not confirmed the report",
)
m.support(demands, collapse)  # a support: one premise
affair = m.support(  # a linked support: the premises work together
    [
        m.claim("Pakistan arrested C.I.A. contractor Raymond Davis.", by=nyt),
        m.claim("We were bypassed.", by=official, via=dawn, medium="interview"),
    ],
    demands,
    label="proximate cause",
)
m.undercut("An arrest in January need not explain a demand in April.", affair, by=dayen, medium="blog")
talk = m.claim("The Pakistanis are all talk.", by=dayen, medium="blog")
m.rebut(talk, collapse)  # a rebuttal: a claim against a claim
m.skeptical_response(  # a skeptical response: it contests, but asserts no counter-claim
    "PK tells US it must sharply reduce the number of times its operatives get caught.",
    demands,
    by=scahill,
    medium="tweet",
    stance="sarcasm",
)

MAP = m
