"""The phrase matcher: the words that start a pattern are remembered per word, and what it
finds is the same the first time a word is met and every time after."""

from __future__ import annotations

import pytest

from accord.language import matcher
from accord.language.matcher import Matcher
from accord.language.text import tokenize


def _matches(m: Matcher, text: str) -> list[tuple[object, int, int]]:
    return sorted(m.find(tokenize(text)), key=repr)


def _matcher() -> Matcher:
    m = Matcher()
    m.add("feel ignored", "ignored")
    m.add("frustrat*", "frustrated")
    m.add("you never ... listen", "never")
    return m


TEXT = "I feel ignored and frustrated when you never really listen to me"


def test_patterns_are_found_the_first_time_and_again() -> None:
    m = _matcher()
    first = _matches(m, TEXT)
    assert {p for p, _i, _j in first} == {"ignored", "frustrated", "never"}
    assert _matches(m, TEXT) == first


def test_a_pattern_added_after_a_search_is_found() -> None:
    m = _matcher()
    assert not any(p == "lonely" for p, _i, _j in m.find(tokenize("I feel so lonely")))
    m.add("lonel*", "lonely")
    assert any(p == "lonely" for p, _i, _j in m.find(tokenize("I feel so lonely")))


def test_forgetting_remembered_words_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _matches(_matcher(), TEXT)
    monkeypatch.setattr(matcher, "_STARTS_KEPT", 2)
    m = _matcher()
    assert _matches(m, TEXT) == expected
    assert _matches(m, TEXT) == expected
    assert len(m._starts) <= 2
