"""Jabs that fixed phrases and shapes missed in the blind batches 70-75, and idioms that
change what a feeling word means ("shame you couldn't come", "must be exhausting").

Each jab is written here fresh (not copied from the benchmark), and each has a look-alike
meant plainly that must stay unflagged."""

from __future__ import annotations

import pytest
from tests.language.rules_found import rule_kinds

from accord.language import analyze


@pytest.mark.parametrize(
    "text",
    [
        # a closing tag after a complaint about the partner
        "You skipped my sister's birthday for a golf lesson. Says it all really.",
        "You told everyone at dinner about my debt. Hilarious.",
        "So you only want to talk when you need a lift. Convenient.",
        "You left me to clear up after your friends. Class act.",
        "You said you'd stop drinking and you had six pints. What did you expect?",
        "Your mum's late and it's traffic; I'm late and I'm rude. Nice double standard.",
        "you only say sorry when you've had a few. very healthy.",
        # fixed jabs
        "Funny how your phone always dies when I call.",
        "I'm 'bad with money'? Says the woman with three store cards.",
        "Oh, so now you want to talk about it.",
        "Nobody with half a brain lends money to a man they met on holiday.",
        "Sure, book the trip. It's not like I have a job or anything.",
        "Congratulations, you finally noticed the bins.",
        "You rewrote my email again. Just say I'm useless and be done with it.",
        "You act like texting your ex at midnight is fine and I'm the crazy one.",
        "You spent the savings on a drone. That's your idea of planning?",
        "Yes dear, I'm sure this shortcut will be the one that works.",
        "Go to the match. I'll just sit here with the baby.",
        "You booked your parents for Christmas again. Do I get a say in anything?",
        # an absolute about something that stopped
        "You never hold my hand anymore unless someone's watching.",
    ],
)
def test_flags(text: str) -> None:
    assert rule_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "It's a big deal to me that we go to the wedding together.",
        "Not a big deal, I just wanted you to know the results came back.",
        "I'm not asking you to get over it. I'm asking what would help.",
        "It says it all about how tired we both are that we forgot.",
        "That film was hilarious, thank you for taking me.",
        "He never touched me in anger, not once.",
        "It's funny, we met at a bus stop.",
        "Just say you're sorry and we can start again.",
        "Yes, dear friends of ours are coming on Sunday.",
        "What's your idea of a good weekend? I'd like to plan one.",
    ],
)
def test_does_not_flag(text: str) -> None:
    assert rule_kinds(text) == set(), text


@pytest.mark.parametrize("text", ["You never", "he never.", "You never, ever", "She never any"])
def test_an_absolute_at_the_very_end_is_read_without_error(text: str) -> None:
    assert "absolute" in rule_kinds(text)


# -- feelings -------------------------------------------------------------------------------


def feelings(text: str) -> list[str]:
    return list(analyze(text).feelings)


def test_an_apology_carries_guilt() -> None:
    found = feelings("I'm sorry I shouted at you this morning.")
    assert found[0] == "sorry" and "guilty" in found


def test_fear_of_saying_something_is_fear_first() -> None:
    found = feelings("I'm scared to tell him I want to go back to work.")
    assert found[:2] == ["scared", "anxious"]


def test_excited_is_named_as_said() -> None:
    assert feelings("I'm excited about the new flat.")[0] == "excited"


def test_shame_as_pity_is_not_the_speakers_shame() -> None:
    found = feelings("Lovely dinner. Shame you couldn't put your phone down for an hour.")
    assert "ashamed" not in found
    assert "ashamed" in feelings("I feel shame about how I spoke to you.")


def test_hating_what_one_does_is_shame() -> None:
    assert "ashamed" in feelings("I hate that I check your phone when you're asleep.")
    # having to do something is not shame
    assert "ashamed" not in feelings("I hate that I have to ask you three times.")


@pytest.mark.parametrize(
    "text",
    [
        "Must be exhausting, being the only one who's always right.",
        "That must have been so scary for you.",
    ],
)
def test_a_feeling_supposed_of_the_partner_is_not_the_speakers(text: str) -> None:
    a = analyze(text)
    assert not {"exhausted", "tired", "scared", "afraid"} & set(a.stated_feelings), text


def test_the_speaker_may_still_say_it_of_themselves() -> None:
    said = analyze("I must be so exhausted, I forgot the school pickup.")
    assert "exhausted" in said.stated_feelings
