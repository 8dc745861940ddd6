"""Merging two maps about the same events, then linking them."""

from argmap import ArgumentMap, Source, merge

nyt = Source("The New York Times", kind="publication")
ft = Source("Financial Times", kind="publication")

wire = ArgumentMap(title="Pakistan asks the CIA to leave", author="The Atlantic Wire")
kayani = wire.claim("Kayani asked 335 C.I.A. officers and Special Operations forces to leave.", by=nyt)

dayen = ArgumentMap(title="The Shamsi drone base", author="David Dayen")
mukhtar = dayen.claim("Defense Minister Mukhtar demanded that the U.S. leave the Shamsi air base.", by=ft)

both = merge(wire, dayen, title="Pakistan and the drone war")
both.support(mukhtar, kayani, label="parallel demand")  # a cross-link between the articles

assert [document.id for document in both.documents] == ["pakistan-asks-the-cia", "shamsi-drone-base"]
assert [claim.document for claim in both.claims] == ["pakistan-asks-the-cia", "shamsi-drone-base"]
assert len(both.relations) == 1
