"""ICCMA's tasks from Python: one extension, acceptance with its witness, the count, a lazy enumeration."""

from itertools import islice
from pathlib import Path

from argmap.semantics import Framework, credulous_witness, skeptical_counterexample
from argmap.semantics.formats import load

# Floating reinstatement, read from ASPARTIX's format: a and b attack each other, both attack c, c attacks d.
framework = load(Path(__file__).with_name("floating.apx"))

one = framework.some_extension("preferred")  # SE: one extension, not all of them
assert one is not None  # None only where there is none (stable semantics)
print(sorted(one))
# ['a', 'd']
assert framework.skeptical("d", "preferred")  # DS: d is in every preferred extension...
assert not framework.skeptical("d", "complete")  # ...but not in the grounded one, the least complete
assert framework.credulous("a")  # DC: a is in some preferred extension,
assert not framework.credulous("c")  # c in none
assert framework.count("complete") == 3  # CE: {}, {a, d}, {b, d}

# The answers come with the extension that shows them, as ICCMA asks for certificates.
assert credulous_witness(framework, "b", "stable") == frozenset("bd")  # holds b
assert skeptical_counterexample(framework, "a", "preferred") == frozenset("bd")  # lacks a
assert skeptical_counterexample(framework, "d", "preferred") is None  # no extension lacks d

# EE is lazy: 2**20 preferred extensions, of which only the first three are ever built.
pairs = Framework(
    [f"{side}{n}" for n in range(20) for side in "xy"],
    [(f"x{n}", f"y{n}") for n in range(20)] + [(f"y{n}", f"x{n}") for n in range(20)],
)
first = list(islice(pairs.extensions("preferred"), 3))
assert len(first) == 3
assert all(len(extension) == 20 for extension in first)
# Whether x0 is accepted is one question, answered at once; the enumeration would be a million answers.
assert pairs.credulous("x0")
assert not pairs.skeptical("x0")
