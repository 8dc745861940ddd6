"""Sources and attributions: who said it, via whom, in what medium, in what words."""

from argmap import ArgumentMap, Attribution, Source

official = Source("A Pakistani official", kind="official")
dawn = Source("Dawn", kind="publication", affiliation="Pakistani newspaper")

m = ArgumentMap(title="Pakistan asks the CIA to leave")
bypassed = m.claim(
    "The U.S. bypassed the usual procedure for informing Pakistan about operatives like Davis.",
    by=official,
    via=dawn,  # the official told Dawn; the Wire read it there
    medium="article",
    quote=(
        "in this case, and in hundreds of other similar cases, the whole procedure was set aside and we were bypassed."
    ),
)

assert bypassed.attribution is not None
assert bypassed.attribution.via == (dawn,)
assert isinstance(bypassed.attribution, Attribution)
assert str(bypassed.attribution) == "A Pakistani official, via Dawn (Pakistani newspaper) · article"
assert m.claims_by(dawn, via=True) == (bypassed,)
