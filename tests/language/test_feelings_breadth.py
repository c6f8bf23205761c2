"""Feelings in everyday words: idioms, regional words, a feeling shown by what was done,
guilt and thanks said without the feeling word, and the guesses behind an attack."""

from __future__ import annotations

import pytest

from accord.language import analyze, reflection_prompt


def stated(text: str) -> list[str]:
    return list(analyze(text).stated_feelings)


# ------------------------------------------------------------------ everyday words and idioms


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("It's been weighing on me for weeks.", "worried"),
        ("The little voice in my head keeps getting louder.", "worried"),
        ("I'm hanging by a thread with the baby and work.", "overwhelmed"),
        ("I'm barely holding it together since the move.", "overwhelmed"),
        ("Honestly I'm on my last nerve with the noise.", "annoyed"),
        ("I'm a bit miffed he forgot.", "annoyed"),
        ("I get cross and then I feel bad.", "angry"),
        ("I'm in bits about it.", "upset"),
        ("I'm actually shaking, that was our deposit.", "upset"),
        ("I was cringing the whole dinner.", "embarrassed"),
        ("Lying to my parents for him feels gross.", "uncomfortable"),
        ("When he laughs at my accent I feel so small.", "hurt"),
        ("I'm stoked about the trip.", "happy"),
        ("Best weekend in ages, just the two of us.", "happy"),
        ("Small win: he put the bins out without a reminder.", "happy"),
        ("I'm a bit thrown by it, to be honest.", "shocked"),
        ("I was taken aback when she said it.", "shocked"),
        ("It was the calmest week we've had.", "relieved"),
        ("I'm dead on my feet by Thursday.", "exhausted"),
        ("I can't keep doing both jobs and all the cooking.", "exhausted"),
        ("I'm just lost, I thought we wanted the same thing.", "confused"),
        ("I'm homesick and he doesn't see it.", "homesick"),
        ("I'm so homesick since we moved.", "sad"),
        ("I miss home more than I tell him.", "lonely"),
        ("My heart is heavy on my heart lately.", "sad"),
        ("I'm rattling around this house on my own.", "lonely"),
    ],
)
def test_everyday_feeling_words_are_stated(text: str, feeling: str) -> None:
    assert feeling in stated(text)


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("I'm not homesick at all.", "homesick"),
        ("It's not weighing on me, honestly.", "worried"),
        ("I'm not cross with you.", "angry"),
        ("I'm not in bits about it.", "upset"),
        ("I don't feel small when you say that.", "hurt"),
        ("I wasn't thrown by it.", "shocked"),
        ("I'm not gutted.", "hurt"),
        ("I'm not fed up.", "frustrated"),
    ],
)
def test_negated_everyday_feelings_are_not_stated(text: str, feeling: str) -> None:
    assert feeling not in analyze(text).feelings


@pytest.mark.parametrize(
    "text",
    [
        "We threw out the old sofa and the cushions were thrown away too.",
        "The work was done in a day.",
        "He made up a story about the car.",
        "She came out of nowhere on the bike.",
    ],
)
def test_plain_uses_of_idiom_words_give_no_feeling(text: str) -> None:
    found = analyze(text)
    assert "shocked" not in found.stated_feelings
    assert "exhausted" not in found.stated_feelings
    assert "happy" not in found.stated_feelings


# ------------------------------------------------------------------ guilt and thanks in deeds


@pytest.mark.parametrize(
    "text",
    [
        "I don't deserve her, she does so much.",
        "I think I owe Lee an apology.",
        "I'm rubbish at saying sorry.",
        "Since the funeral I've been short with you.",
        "I know I shouldn't have read it.",
        "I think I hurt her when I said no.",
        "I'm not doing it to hurt you and I hate that it does.",
    ],
)
def test_guilt_without_the_word_guilty(text: str) -> None:
    assert "guilty" in stated(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't think I've ever told her how much that means.",
        "I noticed, and it carried me.",
        "I've never felt so held.",
        "I don't think I've said thank you.",
        "He cooked all week and I never said thank you properly.",
    ],
)
def test_thanks_without_the_word_grateful(text: str) -> None:
    assert "grateful" in stated(text)


def test_a_deserved_partner_is_not_guilt() -> None:
    assert "guilty" not in stated("He deserves better than a rushed dinner.")


# ------------------------------------------------------------------ guesses behind blame


def test_an_attack_guess_includes_anger() -> None:
    found = analyze("You're a selfish idiot and everyone knows it.")
    assert not found.stated_feelings
    assert "angry" in found.feelings


def test_sarcasm_guess_includes_resentment() -> None:
    found = analyze("Oh brilliant, another work thing on a Saturday night. What a surprise.")
    assert not found.stated_feelings
    assert "resentful" in found.feelings


def test_a_guess_is_never_stated_with_confidence() -> None:
    found = analyze("You're a selfish idiot and everyone knows it.")
    prompt = reflection_prompt(found)
    assert "It sounds like you feel" not in prompt
