"""What the sort step suggests: from the talk, and from the topic the couple named."""

from __future__ import annotations

from datetime import timedelta

from accord.domain import rules
from accord.domain.model import Step
from accord.ui.screens.sort import suggest_into

from ..conftest import T0


def _talked(topic: str, said: str):
    s = rules.new_session(T0, ("Sam", "Alex"), topic)
    rules.go_to_step(s, Step.TALK, T0 + timedelta(minutes=1))
    rules.yield_floor(s, said, T0 + timedelta(minutes=2))
    rules.go_to_step(s, Step.SORT, T0 + timedelta(minutes=3))
    return s


def test_the_topic_they_named_is_among_the_suggestions() -> None:
    s = _talked("Money and the credit card", "I'm exhausted and I need a night off.")
    suggest_into(s, T0 + timedelta(minutes=4))
    titles = [i.title for i in s.issues]
    assert "How we handle money" in titles
    assert all(i.suggested for i in s.issues)


def test_a_topic_with_nothing_to_suggest_adds_nothing_of_its_own() -> None:
    said = "I'm exhausted and I need a night off."
    with_topic = _talked("Tuesday", said)
    without = _talked("x", said)
    suggest_into(with_topic, T0 + timedelta(minutes=4))
    suggest_into(without, T0 + timedelta(minutes=4))
    assert [i.title for i in with_topic.issues] == [i.title for i in without.issues]
    assert with_topic.issues  # the talk itself still suggests something
