"""Shared pieces for the language tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def again_ranker():
    """A tiny learned model whose blame weight sits on 'again' (and against 'lovely')."""
    from accord.language import learned

    return learned.Ranker({
        "needs": ["rest"], "need_bias": [0.0], "need_weights": {}, "need_min": 0.1,
        "need_rel": 0.1, "max_needs": 3, "blame_bias": -1.0,
        "blame_weights": {"w:again": 3.0, "w:lovely": -1.0}, "blame_threshold": 0.7,
    })
