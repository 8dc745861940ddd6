"""check(): problems as data, not exceptions."""

from argmap import ArgumentMap, Source, check

m = ArgumentMap()
m.claim("Drone strikes continue.", by=Source("U.S. officials", kind="official"), id="strikes")
m.claim("The Pakistanis are all talk.", id="talk")
m.support("strikes", "talk")
m.support("talk", "strikes")  # circular: each is the other's reason

for problem in check(m):
    print(problem)
# warning: 2 claims support each other in a circle: strikes → talk → strikes [support-cycle]
# warning: claim 'talk' has no source, though the map names sources [unattributed-claim]

assert [problem.code for problem in check(m)] == ["support-cycle", "unattributed-claim"]
