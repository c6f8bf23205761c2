"""The fuzz test's quick mode: 500 broken or hostile files, each loaded or refused cleanly.

The full run (12,000 cases) is ``python -m tests.reliability.fuzz --full --report``.
"""

from __future__ import annotations

from tests.reliability.fuzz import OUTCOMES, make_tests

test_session_values, test_session_bytes, test_couple = make_tests(500)


def test_every_case_ran():
    # Runs after the three fuzz tests above (pytest keeps file order).
    assert sum(OUTCOMES.values()) >= 450, OUTCOMES
    assert any(k.endswith("refused") for k in OUTCOMES)
    assert any(k.endswith("loaded") for k in OUTCOMES)
