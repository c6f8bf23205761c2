"""Blame as later writers phrased it: the speaker reduced to a role ("done being your nanny"),
mock apologies, "more than you X me", one rule for the partner and another for the speaker,
"every row ends with you ...", "his idea of help is", treating shared things as their own,
"the man is clueless", and short sarcastic praise. Each has guards: about oneself, "we",
a quote, a real apology, praise."""

from __future__ import annotations

import pytest
from tests.language.rules_found import rule_kinds

from accord.language import analyze, coaching_hint


@pytest.mark.parametrize(
    "text",
    [
        # the speaker reduced to a role
        "I'm tired of being your babysitter. Wash your own mugs.",
        "She's out every weekend and I'm basically a single dad.",
        "I cook, I clean, I pay. I'm basically furniture in this flat.",
        # mock apologies
        "Like sorry I had a shower without asking, officer.",
        "Sorry I exist, clearly.",
        # "more than you X me"
        "You message your brother more than you message me.",
        "I get more warmth out of the radiator than out of you.",
        # one rule for the partner, another for the speaker
        "Your mates get your Saturdays and I get the leftovers.",
        "Apparently the cat gets a vote and I don't.",
        "So your feelings are facts and mine are drama.",
        # "every row ends with you ..."
        "Every row ends with you storming off to the car.",
        "Every argument ends with me apologising for something he did.",
        "Every party ends the same way, with him asleep on someone's sofa.",
        # "his idea of ...", shared things treated as their own
        "His idea of a compromise is doing it his way slowly.",
        "He thinks sharing the cooking means he makes toast on Sundays.",
        "She treats the car like it's hers alone.",
        "He acts like the joint account is his pocket money.",
        # the man is clueless
        "The man is clueless about anything to do with the kids.",
        "useless man, honestly",
        # short sarcastic praise and tags
        "She goes out four nights a week. Lucky me.",
        "Golf on our anniversary. Priorities, I guess.",
        "Wow. Great apology.",
        "Nice. Real nice.",
        "He bought a jet ski and I can't buy shoes. Make it make sense.",
        "Or would that kill you?",
        "Course you forgot.",
    ],
)
def test_flags(text: str) -> None:
    assert "contempt" in rule_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        # a role the speaker chooses, or said about oneself
        "I'm not your maid, but I'm happy to help on Sundays.",
        "I love being your wife.",
        "I'm a single mum and my boyfriend is wonderful with my kids.",
        # a real apology
        "I'm sorry I forgot your birthday. I feel awful.",
        "Sorry I was late, the train stopped.",
        # comparisons that are not about the speaker being neglected
        "You earn more than me and that's fine.",
        "I love you more than anything.",
        "It hurts when you call your sister more than you call me.",
        # "gets" without a contrast against the speaker, or someone else's mum
        "Her mum gets the card and I get a thank you, which is fair.",
        "He gets home at six.",
        # "every ..." about us both, or a sad ending the speaker tells plainly
        "Every argument ends with us both crying.",
        "Every conversation about money ends with her crying and me feeling bad.",
        # ideas and thoughts that are not put-downs
        "His idea of a perfect weekend is a long walk.",
        "He thinks helping means doing what I ask, and I want him to notice for himself.",
        "She treats me like a queen.",
        # "man" not aimed at the partner, praise
        "The man at the garage was really helpful.",
        "Lucky for me he was home early.",
        "What a nice apology, thank you.",
        # quoted
        "He said 'lucky me' when he won the raffle.",
    ],
)
def test_does_not_flag(text: str) -> None:
    assert "contempt" not in rule_kinds(text), text


@pytest.mark.parametrize("text", [
    "He talks to me like I'm a child who can't be trusted with a card. Every time, lucky me.",
    "lucky me, another weekend alone",
])
def test_praise_inside_mockery_is_not_a_stated_feeling(text: str) -> None:
    a = analyze(text)
    assert "contempt" in a.blame_kinds
    assert not {"grateful", "thankful"} & set(a.feelings), a.feelings
    assert "grateful" not in coaching_hint(a)


def test_praise_said_plainly_is_still_stated() -> None:
    a = analyze("I feel so lucky to have you")
    assert a.stated_feelings[:1] == ("grateful",)
    assert not a.blame
