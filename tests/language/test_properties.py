"""Properties that must hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.language import NEED_IDS, analyze, coaching_hint, reflection_prompt

WORDS = st.sampled_from(
    "you I he she we never always not don't dont feel hurt lonely ignored selfish whatever "
    "should have known stop please dishes phone late money sex \" ' . , ! ? lazy idiot "
    "scared hit safe heard respected my husband wife".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=300))
def test_analysis_is_consistent_for_any_text(text: str) -> None:
    a = analyze(text)
    assert set(a.needs) <= set(NEED_IDS)
    assert len(a.needs) == len(set(a.needs)) <= 4
    assert len(a.feelings) == len(set(a.feelings))
    assert set(a.stated_feelings) <= set(a.feelings)
    for b in a.blame:
        assert 0 <= b.start < b.end <= len(text)
        assert text[b.start : b.end] == b.text
    assert a.has_blame == bool(a.blame)
    p = reflection_prompt(a, "Sam")
    assert p and "_" not in p
    hint = coaching_hint(a)
    if a.has_blame:
        assert hint
    stack: list[object] = [a.to_dict()]
    while stack:
        v = stack.pop()
        assert v is not None
        if isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
