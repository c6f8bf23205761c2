"""accord's language engine: feelings, needs and attacking language in what a partner says.

Pure Python, no network, no models: rule-based matching over TOML lexicons shipped in
``accord/language/lexicons``. See docs/language.md.

    >>> from accord.language import analyze, reflection_prompt
    >>> a = analyze("I feel so alone when you're on your phone all evening.")
    >>> a.feelings[0], a.needs[0]
    ('lonely', 'connection')

The submodules are imported on first use of a name (PEP 562), so ``import accord.language``
costs almost nothing; the lexicons are read on the first ``analyze()``.
"""

from __future__ import annotations

import importlib

__all__ = [
    "NEED_IDS",
    "NEED_LABELS",
    "NEED_MEANINGS",
    "Analysis",
    "BlameSpan",
    "IssueSuggestion",
    "Request",
    "analyze",
    "analyze_safely",
    "coaching_hint",
    "reflection_prompt",
    "suggest_issues",
]

_WHERE = {
    "NEED_IDS": "vocab",
    "NEED_LABELS": "vocab",
    "NEED_MEANINGS": "vocab",
    "Analysis": "engine",
    "BlameSpan": "engine",
    "Request": "engine",
    "analyze": "engine",
    "analyze_safely": "engine",
    "IssueSuggestion": "issues",
    "suggest_issues": "issues",
    "coaching_hint": "prompts",
    "reflection_prompt": "prompts",
}


def __getattr__(name: str) -> object:
    mod = _WHERE.get(name)
    if mod is None:
        raise AttributeError(f"module 'accord.language' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


def warm_up() -> None:
    """Load and compile the lexicons and the need weights now (e.g. in a background thread
    at app start)."""
    from .engine import lexicon
    from .learned import ranker
    from .learned_feelings import model

    lexicon()
    ranker()
    model()
