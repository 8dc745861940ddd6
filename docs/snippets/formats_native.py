"""Saving a map as argmap JSON and reading it back."""

import tempfile
from pathlib import Path

import argmap
from argmap import ArgumentMap, Source

m = ArgumentMap(title="The Shamsi drone base", author="David Dayen", date="2011-06-30")
official = Source("A U.S. official", kind="official")
m.claim(
    "U.S. personnel have not left Shamsi Air Base and there is no plan for them to do so.",
    by=official,
    via=Source("Reuters", kind="publication"),
    quote="That base is neither vacated nor being vacated.",
    id="not-vacated",
)

with tempfile.TemporaryDirectory() as folder:
    path = argmap.dump(m, Path(folder) / "shamsi.json")  # written atomically
    assert argmap.load(path) == m  # the round trip is exact
    print(path.read_text(encoding="utf-8"))
