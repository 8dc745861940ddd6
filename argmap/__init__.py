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

# Imported for what it does: it registers how each value below shows itself in a notebook.
from argmap import jupyter  # noqa: F401
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
from argmap.formats import dump, dumps, load, loads
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
