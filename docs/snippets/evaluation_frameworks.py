"""Abstract frameworks on their own: semantics, labellings, acceptance, and ICCMA / TGF files."""

import tempfile
from pathlib import Path

from argmap.semantics import Framework, credulous, grounded, labellings, preferred, skeptical, stable
from argmap.semantics.formats import af, dump, load

# Floating reinstatement: a and b attack each other, both attack c, and c attacks d.
framework = Framework(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])

assert grounded(framework) == frozenset()  # grounded semantics commits to nothing here
assert sorted(sorted(extension) for extension in preferred(framework)) == [["a", "d"], ["b", "d"]]
assert skeptical(framework, "d", "preferred")  # d is in every preferred extension
assert credulous(framework, "a", "preferred")  # a is in one of them,
assert not skeptical(framework, "a", "preferred")  # not in both

for labelling in labellings(framework, "preferred"):
    print(dict(labelling))
# {'a': 'in', 'b': 'out', 'c': 'out', 'd': 'in'}   (or the mirror image, b in and a out)

odd = Framework(["x", "y", "z"], [("x", "y"), ("y", "z"), ("z", "x")])
assert list(stable(odd)) == []  # an odd cycle has no stable extension

# Frameworks go to and from ICCMA's .af files (arguments numbered 1..N) and TGF.
print(af.dumps(Framework(["1", "2", "3"], [("1", "2"), ("2", "3")])), end="")
# p af 3
# 1 2
# 2 3
with tempfile.TemporaryDirectory() as folder:
    written = dump(framework, Path(folder) / "floating.tgf")
    assert load(written) == framework
