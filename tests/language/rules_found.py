"""What the blame rules find, for tests that check the rules alone."""

from __future__ import annotations

from accord.language import analyze


def rule_kinds(text: str) -> set[str]:
    """Kinds found by the rules (the learned model's "tone" left out)."""
    return {b.kind for b in analyze(text).blame} - {"tone"}
