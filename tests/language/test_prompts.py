"""Listener prompt, speaker coaching and issue suggestions."""

from __future__ import annotations

from accord.language import (
    NEED_LABELS,
    IssueSuggestion,
    analyze,
    coaching_hint,
    reflection_prompt,
    suggest_issues,
)


def test_reflection_names_feelings_and_needs_in_plain_words() -> None:
    a = analyze("I feel hurt and lonely when you don't ask how my day was.")
    p = reflection_prompt(a, "Sam")
    assert p.startswith("It sounds like you feel hurt and lonely")
    assert "connection" in p or "consideration" in p
    assert p.endswith("Did I get that? Is there more?")
    assert "_" not in p


def test_reflection_uses_need_labels() -> None:
    a = analyze("I don't feel heard.")
    p = reflection_prompt(a, "Sam")
    assert NEED_LABELS["to_be_heard"] in p
    assert "to_be_heard" not in p


def test_reflection_names_at_most_two_feelings_and_two_needs() -> None:
    a = analyze("I feel hurt, lonely, sad and exhausted and I need support, rest and space.")
    p = reflection_prompt(a, "Sam")
    assert p.count(" and ") <= 3
    assert "exhausted" not in p


def test_reflection_open_prompt_when_nothing_found() -> None:
    p = reflection_prompt(analyze("The train leaves at nine."), "Sam")
    assert "Sam" in p
    assert "what do you most need right now?" in p
    assert "It sounds like" not in p


def test_reflection_only_guesses_gently_when_feelings_are_not_stated() -> None:
    p = reflection_prompt(analyze("Who takes the bins out is never fair."), "Sam")
    assert "guessing" in p or "It sounds like you need" in p
    assert "It sounds like you feel" not in p


def test_reflection_is_short() -> None:
    p = reflection_prompt(analyze("I feel ignored and unappreciated and tired."), "Alex")
    assert len(p) < 200


def test_no_coaching_without_blame() -> None:
    assert coaching_hint(analyze("I feel lonely when you're on your phone.")) is None


def test_coaching_for_absolutes_offers_an_i_statement() -> None:
    hint = coaching_hint(analyze("You never help with the dishes."))
    assert hint is not None
    assert "I feel" in hint and "I need" in hint


def test_coaching_for_character_attack() -> None:
    hint = coaching_hint(analyze("You're so lazy."))
    assert hint is not None and "I feel" in hint


def test_coaching_for_attunement_suggests_a_request() -> None:
    hint = coaching_hint(analyze("You should have known I was upset."))
    assert hint is not None
    assert "request" in hint
    assert "what would you like them to do" in hint


def test_coaching_for_negative_request_suggests_a_positive_ask() -> None:
    hint = coaching_hint(analyze("Stop leaving your clothes on the floor."))
    assert hint is not None
    assert "instead" in hint


def test_coaching_for_vague_request_suggests_a_concrete_ask() -> None:
    hint = coaching_hint(analyze("I want you to care more."))
    assert hint is not None
    assert "concrete" in hint


def test_coaching_is_never_scolding() -> None:
    for text in ["You're an idiot.", "Whatever.", "You always do this.", "You should've known."]:
        hint = coaching_hint(analyze(text))
        assert hint is not None
        low = hint.lower()
        for word in ("wrong", "bad", "don't say", "stop", "must", "never say"):
            assert word not in low, (text, hint)
        assert len(hint) < 220


def test_suggest_issues_layers_and_titles() -> None:
    talk = [
        "You never help with the dishes and I do all the laundry.",
        "I'm the one who cleans the bathroom every week.",
        "When you called me stupid in front of your friends I felt humiliated.",
        "You lied about the credit card.",
    ]
    issues = suggest_issues(talk)
    assert issues and all(isinstance(i, IssueSuggestion) for i in issues)
    assert len(issues) <= 6
    titles = [i.title for i in issues]
    assert len(titles) == len(set(titles))
    by_title = {i.title: i.layer for i in issues}
    assert by_title.get("Who does which chores") == 3
    assert any(layer == 1 for layer in by_title.values())
    assert titles[0] == "Who does which chores"  # raised most often


def test_suggest_issues_puts_safety_first() -> None:
    issues = suggest_issues(["You never do the dishes.", "I'm scared of him when he drinks."])
    assert issues[0].layer == 1
    assert "safe" in issues[0].title.lower()


def test_suggest_issues_empty() -> None:
    assert suggest_issues([]) == []
    assert suggest_issues(["", "   "]) == []


def test_every_need_label_reads_for_the_speaker_and_the_listener():
    """The same label follows "you need" in the listener's prompt and "I need" in the
    speaker's coaching hint, so it may not speak to one of them ("… for yourself")."""
    import re

    from accord.language.engine import lexicon

    second_person = re.compile(r"\b(you|your|yours|yourself|my|me|myself)\b")
    for need, label in NEED_LABELS.items():
        assert not second_person.search(label), need
        assert lexicon().needs_meta[need]["label"] == label, need  # the two lists agree



def test_the_prompt_does_not_name_two_words_for_one_feeling() -> None:
    a = analyze("I'm scared we'll lose the flat.")
    assert {"scared", "afraid"} <= set(a.stated_feelings)  # both found ...
    prompt = reflection_prompt(a, "Sam")
    assert "feel scared," in prompt and "afraid" not in prompt  # ... one is said
    other = reflection_prompt(analyze("I'm scared about the mortgage and I'm exhausted."))
    assert "feel scared and exhausted" in other
