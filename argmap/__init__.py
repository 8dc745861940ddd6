"""argmap: map the reasoning of an article or a debate, check it, evaluate it, draw it.

The pipeline a map travels is build → check → (evaluate) → render / save:

>>> from argmap import ArgumentMap, Source, check, dumps, loads
>>> scahill = Source("Jeremy Scahill", affiliation="The Nation")
>>> m = ArgumentMap(title="Pakistan asks the CIA to leave")
>>> fewer = m.claim("Pakistan's demands will reduce the C.I.A. presence in the country.")
>>> response = m.skeptical_response(
...     "PK tells US it must sharply reduce the number of times its operatives get caught.",
...     fewer, by=scahill, medium="tweet", stance="sarcasm")
>>> [problem.code for problem in check(m)]
['unattributed-claim']
>>> loads(dumps(m)) == m
True
"""

from typing import TYPE_CHECKING

from argmap import _display

# The functions named as their modules are imported at once: importing a submodule sets the package's attribute of
# that name to the module, which would hide the function were it looked up lazily (``argmap.check``).
from argmap.check import check
from argmap.errors import (
    ArgmapError,
    DuplicateIdError,
    ElementInUseError,
    EngineError,
    EngineNotFoundError,
    FormatError,
    InvalidElementError,
    LimitError,
    OptionError,
    UnknownClaimError,
    UnknownElementError,
    UnknownFormatError,
)
from argmap.evaluate import Evaluation, Verdict, evaluate
from argmap.map import ArgumentMap
from argmap.merge import merge
from argmap.model import (
    Attribution,
    Claim,
    Document,
    Rebuttal,
    SkepticalResponse,
    Source,
    Support,
    Undercut,
)
from argmap.problems import Problem

if TYPE_CHECKING:  # imported on first use (__getattr__ below); named here for type checkers and readers
    from argmap.formats import dump, dumps, load, loads
    from argmap.render.outline import outline

__version__ = "0.1.0"

__all__ = [
    # building a map
    "ArgumentMap",
    "Attribution",
    "Claim",
    "Document",
    "Rebuttal",
    "SkepticalResponse",
    "Source",
    "Support",
    "Undercut",
    "merge",
    # checking it
    "Problem",
    "check",
    # evaluating it: which claims stand
    "Evaluation",
    "Verdict",
    "evaluate",
    # rendering it
    "outline",
    # saving and loading it
    "dump",
    "dumps",
    "load",
    "loads",
    # errors
    "ArgmapError",
    "DuplicateIdError",
    "ElementInUseError",
    "EngineError",
    "EngineNotFoundError",
    "FormatError",
    "InvalidElementError",
    "LimitError",
    "OptionError",
    "UnknownClaimError",
    "UnknownElementError",
    "UnknownFormatError",
]

_LATER = {
    "dump": "argmap.formats",
    "dumps": "argmap.formats",
    "load": "argmap.formats",
    "loads": "argmap.formats",
    "outline": "argmap.render.outline",
}
"""The public names imported when first asked for, and their modules.

The formats (JSON parsing, the registry) and the outline (its text
wrapping) are not needed to build or check a map, nor by most commands:
``argmap render -f dot`` needs one format and no outline.
"""


def __getattr__(name: str) -> object:
    """Return the public *name* whose module is imported on first use (PEP 562), and keep it."""
    home = _LATER.get(name)
    if home is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names beside the module's own, those imported on first use too."""
    return sorted({*globals(), *__all__})


def _show() -> None:
    """Import the module that registers how each value shows itself in a notebook (:mod:`argmap.jupyter`).

    It draws through Graphviz and renders pages, which the command line and
    most programs never need: it is imported when a first value is shown.
    """
    from argmap import jupyter  # noqa: F401


_display.register_later(_show)
