"""What the blame rules find, for the tests of blame."""

from __future__ import annotations

from accord.language import analyze


def kinds(text: str) -> set[str]:
    """Kinds of blame found in ``text``."""
    return {b.kind for b in analyze(text).blame}


def rule_kinds(text: str) -> set[str]:
    """Kinds found by the rules (the learned model's "tone" left out)."""
    return kinds(text) - {"tone"}
