"""The crash test's quick mode: a few SIGKILLs at random moments, nothing lost.

The full run (200 kills) is ``python -m tests.reliability.crash --full --report``.
"""

from __future__ import annotations

import sys

import pytest

from tests.reliability.crash import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_a_few_random_kills_lose_nothing():
    figures = run(kills=5, seed=21)
    assert figures.kills == 5
    assert figures.unreadable_files == 0, figures.problems
    assert figures.steps_lost == 0, figures.problems
    assert figures.resumes_wrong_screen == 0, figures.problems
    assert figures.stuck == 0, figures.problems
