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


# Words that rules look around (before and after): every short sequence of them must be read
# without error, the end of the statement included ("You never" once ran off the end).
EDGE_WORDS = (
    "you he she i we never always ever not no don't must be been have so anymore any more "
    "just sorry thanks oh cool typical classic another your my me him her like if when but "
    "and , . ? ! ' \" shame hate scared funny says look yes dear idea of".split()
)


def test_every_short_sequence_of_rule_words_is_read_without_error() -> None:
    for first in EDGE_WORDS:
        for second in EDGE_WORDS:
            for text in (
                f"{first} {second}", f"you {first} {second} you",
                # praise read earlier in the statement arms the checks that look ahead
                f"She never forgets my birthday and always makes me laugh. {first} {second}",
            ):
                a = analyze(text)
                assert set(a.needs) <= set(NEED_IDS), text


def test_the_app_reads_a_failing_statement_as_saying_nothing(monkeypatch) -> None:
    from accord.language import analyze_safely, engine

    def broken(text: str):
        raise IndexError("a rule ran off the end")

    monkeypatch.setattr(engine, "_lexicon_analysis", broken)
    a = analyze_safely("You never")
    assert a.feelings == () and a.needs == () and not a.has_blame
    assert "need" in reflection_prompt(a, "Sam")  # the open prompt
