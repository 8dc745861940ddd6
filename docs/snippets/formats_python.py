"""Any map as Python builder code, and back."""

from argmap import ArgumentMap, dumps, loads

m = ArgumentMap(title="Shamsi")
m.rebut("The base is being vacated.", m.claim("That base is neither vacated nor being vacated.", id="not-vacated"))

code = dumps(m, "python")
print(code)
assert loads(code, "python") == m
