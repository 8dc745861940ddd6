"""Any map as Python builder code, written as a person would write it, and back."""

from argmap import ArgumentMap, Source, dumps, loads

m = ArgumentMap(title="The Shamsi drone base")
official = Source("A U.S. official familiar with the matter", kind="official", id="us-official")
not_vacated = m.claim("That base is neither vacated nor being vacated.", by=official, id="not-vacated")
m.rebut("The base is being vacated.", not_vacated)
m.support(m.claim("A second U.S. official confirmed it.", by=Source("A second U.S. official")), not_vacated)

code = dumps(m, "python")
print(code)
written = '''"""The Shamsi drone base"""

from argmap import ArgumentMap, Source

us_official = Source("A U.S. official familiar with the matter", kind="official", id="us-official")
second_us_official = Source("A second U.S. official")

m = ArgumentMap(title="The Shamsi drone base")
not_vacated = m.claim("That base is neither vacated nor being vacated.", by=us_official, id="not-vacated")
m.rebut("The base is being vacated.", not_vacated)
second_us_official_confirmed = m.claim("A second U.S. official confirmed it.", by=second_us_official)
m.support(second_us_official_confirmed, not_vacated)

MAP = m
'''
assert code == written
assert loads(code, "python") == m
