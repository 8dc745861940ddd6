"""Many elements at once: builder calls inside ArgumentMap.building(), where the cyclic collector waits."""

from argmap import ArgumentMap, Source

rows = [(f"Resident {n}", f"The new bus lane saved me {n} minutes a day.") for n in range(1, 1001)]

m = ArgumentMap(title="A survey of the bus lane")
with m.building():  # every call is checked as anywhere else; the collector runs again after it
    thesis = m.claim("The bus lane was worth building.")
    for name, text in rows:
        m.support(m.claim(text, by=Source(name)), thesis)

assert len(m.claims) == 1001
assert len(m.supports) == 1000
