"""Abstract argumentation: frameworks, their semantics, ICCMA's tasks, and the files that hold frameworks.

Dung's frameworks (1995) with grounded, complete, preferred and stable
semantics, as extensions and as labellings, and ICCMA's tasks: some
extension, credulous and skeptical acceptance with the extension that shows
it, the count, a lazy enumeration. argmap translates a map into such a
framework to tell which claims stand (:func:`argmap.evaluate`); this package
also works on its own, on frameworks read from ICCMA ``.af``, ASPARTIX
``.apx`` or TGF files, and answers ICCMA's calling convention
(``python -m argmap.semantics.iccma``).

>>> from argmap.semantics import Framework, grounded, preferred
>>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")])
>>> sorted(grounded(af))
[]
>>> sorted(sorted(extension) for extension in preferred(af))
[['a', 'c'], ['b']]
"""

from __future__ import annotations

from argmap.semantics.extensions import (
    SEMANTICS,
    Semantics,
    complete,
    extensions,
    known_semantics,
    labelling_of,
    labellings,
    preferred,
    stable,
)
from argmap.semantics.framework import Framework, Label, Labelling
from argmap.semantics.grounded import grounded, grounded_labelling
from argmap.semantics.tasks import (
    TASKS,
    Task,
    count,
    credulous,
    credulous_witness,
    skeptical,
    skeptical_counterexample,
    some_extension,
    some_labelling,
)

__all__ = [
    # frameworks
    "Framework",
    "Label",
    "Labelling",
    # semantics
    "SEMANTICS",
    "Semantics",
    "complete",
    "extensions",
    "grounded",
    "grounded_labelling",
    "known_semantics",
    "labelling_of",
    "labellings",
    "preferred",
    "stable",
    # ICCMA's tasks
    "TASKS",
    "Task",
    "count",
    "credulous",
    "credulous_witness",
    "skeptical",
    "skeptical_counterexample",
    "some_extension",
    "some_labelling",
]
