"""ICCMA's calling convention, so that the competition's harness and scripts can run argmap.

::

    python -m argmap.semantics.iccma --problems
    python -m argmap.semantics.iccma -p DC-PR -f framework.af -a 3

The 2023 interface: ``-p`` names the problem as TASK-SEMANTICS, ``-f`` the
framework file (ICCMA 2023's ``.af``; ``.apx`` and ``.tgf`` too, by name or
content, or ``-fo``), ``-a`` the argument DC and DS ask about, and
``--problems`` prints the problems supported. The answers are printed
exactly as ICCMA 2023's rules ask, and nothing else is printed on standard
output:

- SE: ``w`` and the extension's arguments (``w 1 2 5``), or ``NO`` when
  there is none;
- DC: ``YES`` and, on the next line, a ``w`` line of an extension that
  holds the argument, or ``NO``;
- DS: ``NO`` and a ``w`` line of an extension that lacks the argument, or
  ``YES``;
- CE (of ICCMA 2019 and 2021, not 2023): the number of extensions;
- EE (likewise): one ``w`` line per extension, each printed as it is found.

Bad input is one line on standard error and exit code 2; Ctrl-C exits 130,
after whatever was printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import version

from argmap.errors import ArgmapError
from argmap.semantics import formats, tasks
from argmap.semantics.extensions import Semantics, labellings
from argmap.semantics.framework import IN, Framework

__all__ = ["PROBLEMS", "SEMANTICS_CODES", "main"]

SEMANTICS_CODES: dict[str, Semantics] = {"CO": "complete", "PR": "preferred", "ST": "stable", "GR": "grounded"}
"""ICCMA's two-letter names of the semantics argmap computes."""

PROBLEMS = tuple(f"{task}-{code}" for task in ("SE", "DC", "DS", "CE", "EE") for code in SEMANTICS_CODES)
"""Every problem argmap answers, as ICCMA names them: TASK-SEMANTICS."""


def _witness(framework: Framework, extension: frozenset[str]) -> str:
    """Return ICCMA's certificate line: ``w`` and the arguments, in the framework's order."""
    index = framework.index
    return "w" + "".join(" " + name for name in sorted(extension, key=index.__getitem__))


def _answer(framework: Framework, task: str, semantics: Semantics, argument: str | None) -> None:
    """Print the answer to *task* in ICCMA's format, flushing each line as it comes."""
    if task == "EE":
        for labelling in labellings(framework, semantics):
            print("w" + "".join(" " + name for name in labelling.arguments_labelled(IN)), flush=True)
        return
    if task == "CE":
        print(tasks.count(framework, semantics))
        return
    if task == "SE":
        found = tasks.some_extension(framework, semantics)
        print("NO" if found is None else _witness(framework, found))
        return
    assert argument is not None  # checked by main()
    if task == "DC":
        shown = tasks.credulous_witness(framework, argument, semantics)
        print("NO" if shown is None else f"YES\n{_witness(framework, shown)}")
    else:
        shown = tasks.skeptical_counterexample(framework, argument, semantics)
        print("YES" if shown is None else f"NO\n{_witness(framework, shown)}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m argmap.semantics.iccma",
        description="Answer an ICCMA problem about an abstract argumentation framework, as ICCMA 2023 asks.",
    )
    parser.add_argument("-p", "--problem", help="the problem, TASK-SEMANTICS: " + ", ".join(PROBLEMS))
    parser.add_argument("-f", "--file", help="the framework: an ICCMA .af file (or .apx, .tgf)")
    parser.add_argument("-fo", "--format", choices=sorted(formats.FORMATS), help="the file's format, if not by name")
    parser.add_argument("-a", "--argument", help="the argument DC and DS ask about")
    parser.add_argument("--problems", action="store_true", help="print the problems supported, and exit")
    parser.add_argument("--formats", action="store_true", help="print the file formats read, and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ICCMA interface on *argv* (the command line by default); return the exit code."""
    parser = _parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the solver interface since ICCMA 2015: no arguments, its name and version
        print(f"argmap {version('argmap')}\nThe argmap developers")
        return 0
    options = parser.parse_args(arguments)
    if options.problems:
        print("[" + ",".join(PROBLEMS) + "]")
        return 0
    if options.formats:
        print("[" + ",".join(sorted(formats.FORMATS)) + "]")
        return 0
    problem = (options.problem or "").upper()
    if problem not in PROBLEMS:
        parser.exit(2, f"{parser.prog}: error: -p takes one of {', '.join(PROBLEMS)}; got {options.problem!r}\n")
    task, code = problem.split("-")
    if options.file is None:
        parser.exit(2, f"{parser.prog}: error: -f names the framework file\n")
    if task in ("DC", "DS") and options.argument is None:
        parser.exit(2, f"{parser.prog}: error: {problem} asks about one argument: name it with -a\n")
    try:
        framework = formats.load(options.file, options.format)
        _answer(framework, task, SEMANTICS_CODES[code], options.argument)
    except (ArgmapError, OSError) as error:
        sys.stdout.flush()
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    except KeyboardInterrupt:
        sys.stdout.flush()
        print(f"{parser.prog}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
