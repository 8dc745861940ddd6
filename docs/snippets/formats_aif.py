"""Writing a map as AIF, reading it back, and what a real nodeset's traps look like."""

import json

from argmap import ArgumentMap, Source, check, dumps, loads

m = ArgumentMap(title="The Shamsi drone base")
official = Source("A U.S. official", kind="official")
base = m.claim("That base is neither vacated nor being vacated.", by=official, id="base")
support = m.support(m.claim("Drones still fly from Shamsi.", id="drones"), base, label="Expert Opinion")
m.rebut(m.claim("The base was handed back.", id="handed"), base)
m.undercut(m.claim("Officials often spin.", id="spin"), support)

text = dumps(m, "aif")
print(text)
back = loads(text, "aif")
assert [claim.text for claim in back.claims] == [claim.text for claim in m.claims]
assert back.supports[0].label == "Expert Opinion"
assert back.claims[0].source == Source("A U.S. official")  # AIF keeps the speaker's name, not the kind

# A slice of a debate: the RA node has a premise but no conclusion. It is left out, and said so.
nodeset = {
    "nodes": [
        {"nodeID": "1", "text": "Tax the rich.", "type": "I"},
        {"nodeID": "2", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}],
    "locutions": [],
}
for problem in check(loads(json.dumps(nodeset), "aif")):
    print(problem)
