"""Which claims stand: evaluate a map, then read each verdict and its reason."""

from argmap import ArgumentMap, evaluate

m = ArgumentMap(title="The Shamsi base, in brief")
talk = m.claim("The Pakistanis are all talk.", id="all-talk")
strikes = m.claim("CIA drone strikes from Pakistan are still occurring.", id="strikes")
cooperation = m.claim("The strikes continue with Pakistani cooperation.", id="cooperation")
evidence = m.support([strikes, cooperation], talk)  # linked: both premises are needed

consumption = m.claim("The talk is for U.S. domestic consumption.", id="consumption")
undeniable = m.claim("It is hard to pretend that drone attacks don't exist.", id="undeniable")
m.rebut(consumption, talk)
m.rebut(undeniable, consumption)
willing = m.claim("Is anyone sure the cooperation is willing?", id="willing")
m.skeptical_response(willing, cooperation, stance="question")

result = evaluate(m)  # grounded semantics: the one skeptical answer
for claim in m.claims:
    print(f"{claim.id:12} {result[claim].reason}")
# all-talk     undecided: its support rests on [cooperation], which is undecided
# strikes      accepted: nothing on the map challenges it
# cooperation  undecided: answered skeptically by [willing], neither upheld nor dismissed
# consumption  rejected: rebutted by [undeniable], which stands
# undeniable   accepted: nothing on the map challenges it
# willing      undecided: it responds skeptically to [cooperation], and neither side prevails

assert result.status(consumption) == "rejected"  # rebutted, by a claim that stands
assert result.status(cooperation) == "undecided"  # answered skeptically: contested, not refuted
assert result[evidence].because == ("cooperation",)

# Preferred semantics: a believer's view and a skeptic's view.
views = evaluate(m, "preferred")
assert sorted(view["cooperation"].status for view in views.views) == ["accepted", "rejected"]
assert all(view["cooperation"].status == view["all-talk"].status for view in views.views)
assert views.credulous(talk)  # accepted in the believer's view,
assert not views.skeptical(talk)  # not in the skeptic's

# An undercut: the premises may hold, yet not support the conclusion.
m.undercut(m.claim("Cooperation may say little about what Pakistan intends.", id="intent"), evidence)
assert evaluate(m)[talk].reason == "rejected: its support is undercut by [intent], which stands"
