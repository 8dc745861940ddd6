"""A Kialo discussion export read as a map, and written back."""

from argmap import dumps, loads

export = """\
Discussion Title: Should cities ban cars?

1. Cities should ban cars.
1.1. Pro: Cars pollute the air \\(see [the WHO](https://who.int/air)\\).
Cities breathe again without them.
1.1.1. Con: Electric cars do not.
1.2. Con: -> See 1.1.1.
"""

m = loads(export, "kialo")
print([claim.text for claim in m.claims])
print([relation.id for relation in m.relations])
print(m.claims[1].note)  # the link's address
print(dumps(m, "kialo"))
