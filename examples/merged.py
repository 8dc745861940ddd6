"""Both articles in one map: Pakistan's demands, the Shamsi base, and what the strikes show.

The two maps are merged as they are, then linked where one article bears on
the other: Mukhtar's demand about Shamsi is a further sign of the strain the
Times reports, and McClatchy's report that the strikes go on with Pakistani
cooperation bears out Kalsoom Lakhani, one of the skeptics who doubt that
Pakistan's demands will reduce the C.I.A.'s presence.
"""

from dayen_shamsi_base import MAP as DAYEN
from wire_cia_drawdown import MAP as WIRE

from argmap import merge

m = merge(
    WIRE,
    DAYEN,
    title="Pakistan, the CIA and the drones",
    description="The Atlantic Wire's round-up and David Dayen's post, read together.",
)

# Mukhtar's demand parallels Kayani's: one more sign that the relationship is under strain.
m.support(DAYEN.claim_for("mukhtar-demand"), WIRE.claim_for("collapse"), label="a parallel demand")

# Strikes continuing with Pakistani cooperation bear out Lakhani's doubt that the U.S. will stop them.
m.support(DAYEN.claim_for("strikes-continue"), WIRE.claim_for("lakhani-doubt"), label="bears out")

MAP = m
