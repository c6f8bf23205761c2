"""The learned feelings guess: it only adds guesses, never states a feeling, and stays out
of the way when two feelings are stated."""

from __future__ import annotations

import pytest

from accord.language import analyze, learned_feelings, reflection_prompt
from accord.language.engine import _found, lexicon_found


@pytest.fixture
def lonely_model(monkeypatch):
    """A tiny model that guesses 'lonely' from the word 'calgary' (and nothing else)."""
    model = learned_feelings.FeelingsModel({
        "feelings": ["lonely", "angry"], "bias": [-3.0, -3.0],
        "weights": {"w:calgary": [[0, 5.0]]}, "threshold": 0.5,
    })
    monkeypatch.setattr(learned_feelings, "model", lambda: model)
    return model


def test_merge_puts_guesses_after_the_stated_feelings() -> None:
    merged = learned_feelings.merge(("hurt", "frustrated", "sad"), ("hurt",), ["lonely"])
    assert merged[:2] == ("hurt", "lonely")
    assert len(merged) <= learned_feelings.MAX_FEELINGS


def test_merge_leaves_two_stated_feelings_alone() -> None:
    feelings = ("hurt", "sad", "lonely")
    assert learned_feelings.merge(feelings, ("hurt", "sad"), ["angry"]) == feelings


def test_merge_without_guesses_changes_nothing() -> None:
    assert learned_feelings.merge(("frustrated", "hurt"), (), []) == ("frustrated", "hurt")


def test_a_learned_guess_is_added_but_never_stated(lonely_model) -> None:
    text = "We moved to Calgary for his job and he goes out with his team every night."
    found = analyze(text)
    assert "lonely" in found.feelings
    assert "lonely" not in found.stated_feelings


def test_below_the_threshold_nothing_is_added(lonely_model) -> None:
    found = analyze("We moved to Leeds for his job and he goes out with his team every night.")
    assert "lonely" not in found.feelings or "lonely" in found.stated_feelings


def test_the_prompt_offers_a_learned_guess_only_as_a_guess(lonely_model) -> None:
    found = analyze("We moved to Calgary for his job. He says give it time.")
    prompt = reflection_prompt(found)
    assert "It sounds like you feel" not in prompt
    if found.feelings and found.feelings[0] == "lonely":
        assert "guessing" in prompt


def test_stated_feelings_are_not_displaced(lonely_model) -> None:
    found = analyze("I'm so angry and hurt that we moved to Calgary.")
    assert found.stated_feelings[:2] == found.feelings[:2]
    assert "lonely" not in found.feelings[:2]


def test_probabilities_follow_the_weights(lonely_model) -> None:
    tokens, found = lexicon_found("Calgary in winter")
    from accord.language.learned import features

    probs = lonely_model.probs(features(tokens, found))
    assert probs["lonely"] > 0.5 > probs["angry"]
    assert lonely_model.guesses(features(tokens, found)) == ["lonely"]
    assert _found(analyze("Calgary"))["stated_feelings"] == ()


@pytest.mark.parametrize(
    "data",
    [
        {"feelings": ["sad"], "bias": [], "weights": {}, "threshold": 0.5},
        {"feelings": ["sad"], "bias": [0.0], "weights": {"w:x": [[3, 1.0]]}, "threshold": 0.5},
        {"feelings": ["sad"], "bias": [0.0], "weights": {}},
        {"feelings": ["sad"], "bias": [0.0], "weights": {}, "threshold": 1.0},
    ],
)
def test_a_broken_weights_file_is_refused(data) -> None:
    with pytest.raises((ValueError, KeyError)):
        learned_feelings.FeelingsModel(data)


def test_the_shipped_model_loads() -> None:
    model = learned_feelings.model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert model.feelings


def test_without_a_model_the_lexicon_feelings_stand(monkeypatch) -> None:
    text = "You're a selfish idiot and everyone knows it."
    monkeypatch.setattr(learned_feelings, "model", lambda: None)
    found = analyze(text)
    assert found.feelings
    assert not found.stated_feelings


@pytest.mark.parametrize("text", ["I'm not gutted.", "I'm not fed up, honestly.",
                                  "I don't feel small when you say that."])
def test_a_denied_feeling_gets_no_learned_guess(text: str) -> None:
    base = learned_feelings.model
    found = analyze(text)
    learned_feelings.model = lambda: None
    try:
        assert found.feelings == analyze(text).feelings
    finally:
        learned_feelings.model = base


def test_the_guesses_keep_the_mood_of_the_likeliest(monkeypatch) -> None:
    """Praise guessed as 'grateful' gets no 'frustrated' beside it (and the other way)."""
    model = learned_feelings.FeelingsModel({
        "feelings": ["grateful", "frustrated"], "bias": [-3.0, -3.0],
        "weights": {"w:calgary": [[0, 6.0], [1, 5.0]], "w:leeds": [[0, 5.0], [1, 6.0]]},
        "threshold": 0.5,
    })
    monkeypatch.setattr(learned_feelings, "model", lambda: model)
    warm = analyze("She drove me all the way to Calgary for the interview.")
    assert "grateful" in warm.feelings and "frustrated" not in warm.feelings[:2]
    cold = analyze("She drove me all the way to Leeds for the interview.")
    assert "frustrated" in cold.feelings and "grateful" not in cold.feelings
