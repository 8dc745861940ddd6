"""Tests for argmap.problems: the one place problems, severities and codes are defined."""

from __future__ import annotations

import sys

import argmap
import argmap.check  # the module, which argmap's function of the same name hides
from argmap.problems import CODES, Problem, Problems


def test_a_problem_reads_as_severity_message_and_code() -> None:
    """A problem printed says how sure it is, what is wrong and its code, on one line."""
    problem = Problem("warning", "orphan-claim", "claim 'a' is connected to nothing", ("a",))
    assert str(problem) == "warning: claim 'a' is connected to nothing [orphan-claim]"


def test_every_code_has_a_one_line_meaning() -> None:
    """Each code is lower-case words joined by hyphens, with a meaning of one line."""
    for code, meaning in CODES.items():
        assert code == code.lower()
        assert " " not in code
        assert meaning
        assert "\n" not in meaning


def test_the_names_stay_importable_where_users_found_them() -> None:
    """The package and argmap.check name the very objects argmap.problems defines."""
    assert argmap.Problem is Problem
    check_module = sys.modules["argmap.check"]
    assert check_module.Problem is Problem
    assert check_module.Problems is Problems
    assert check_module.CODES is CODES


def test_check_returns_problems() -> None:
    """The check function returns a Problems list, whatever the map holds."""
    assert isinstance(argmap.check(argmap.ArgumentMap()), Problems)
