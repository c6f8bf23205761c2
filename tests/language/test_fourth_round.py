"""Fourth round of wording: blame classes seen in forum posts and mid-argument speech
(scare-quoted excuses, "basically a teenager", "has no loyalty" with an adverb, negative
superlatives, "would rather ... than ... with me", "never matters to you", verbs of mockery
before "everything", sarcastic fame, "of course your ex gets"), feelings people name without
a feeling word (guilt after one's own slip, ambivalence, relief, gratitude, looking forward),
and the guards that keep kind and reported sentences out."""

from __future__ import annotations

import pytest
from tests.language.rules_found import kinds

from accord.language import analyze
from accord.language.engine import lexicon_found


@pytest.mark.parametrize(
    "text, kind",
    [
        # an excuse or effort in scare quotes, said of the partner
        ('she "forgot" to pay the gas bill, third month running', "contempt"),
        ('and of course my husband was "too busy" to ring his own mother', "contempt"),
        ('you "tried" to fold the laundry, I can see that', "contempt"),
        # grown partner compared to a child without "like"
        ("he's basically a toddler with a credit card", "character"),
        ("honestly she is practically a teenager about money", "character"),
        # "has no ..." with an adverb in between
        ("he honestly has zero tact", "character"),
        ("she clearly has no shame", "character"),
        # negative superlatives with an adverb
        ("my fiance is genuinely the grumpiest man in Yorkshire", "character"),
        # the partner's own needs put first, everyone else pushed out
        ("he acts like he's the only adult who works in this house", "character"),
        ("you'd rather watch the match than talk to me", "character"),
        # what the speaker wants never matters
        ("my opinion never matters to him", "absolute"),
        ("Everything is a joke to you, even this.", "absolute"),
        # verbs of mockery before "everything"
        ("she mocks everything I wear", "absolute"),
        ("he dismisses everything I suggest", "absolute"),
        # sarcastic fame and favour
        ("He hung up one towel. Somebody call the local paper.", "contempt"),
        ("Of course his mates get a reply in two minutes.", "contempt"),
        ("Posting my messages to the group chat. So classy.", "contempt"),
        ("he mansplains my own degree to me", "contempt"),
        ("You said you'd be home by six. Funny that.", "contempt"),
        ("Really mature, walking out mid-sentence.", "contempt"),
        ("Nothing I need ever counts with him.", "contempt"),
        ("she truly has no tact", "character"),
    ],
)
def test_new_blame_classes(text: str, kind: str) -> None:
    assert kind in kinds(text), analyze(text).blame


@pytest.mark.parametrize(
    "text",
    [
        # kindness, not the attunement trap
        "she put the bins out without me asking, what a star",
        "he booked the dentist for me without me asking",
        # "never" about harm that did not happen
        "he has never laid a hand on me, it's the shouting that scares me",
        "she's never once touched me in anger",
        # quotes that are someone's words, not a jab
        "he texted 'running late' and I was fine with it",
        "my mum says he \"tries\" his best",
        'he says I\'m "too sensitive" about it',
        "my wife has been 'working late' a lot and I don't know what to think",
        # the speaker, "we", praise and a verb that only looks like a name
        "I'm basically a teenager when it comes to tidying",
        "we'd rather stay in than go to the party",
        "my husband is genuinely the kindest man alive",
        "when you joke about my accent with your friends I feel small",
        "of course your mum is welcome for Christmas",
        "my niece is really mature for nine",
        "nothing I say ever matters, that's how it feels at work",
    ],
)
def test_guards_hold(text: str) -> None:
    assert analyze(text).blame == (), analyze(text).blame


@pytest.mark.parametrize(
    "text, feeling",
    [
        ("I snapped at him over the washing up and I can't stop replaying it", "guilty"),
        ("I lied to her about the credit card and now I have to tell her", "guilty"),
        ("I said something really nasty to him this morning", "guilty"),
        ("I really want to apologise to her properly", "guilty"),
        ("I'm having second thoughts about the move", "torn"),
        ("part of me wants to stay and part of me wants to go", "torn"),
        ("I feel so much better after talking to you", "relieved"),
        ("honestly I can't wait for our trip", "excited"),
        ("thanks for listening, it means a lot", "grateful"),
        ("it wasn't what I'd hoped for our anniversary", "disappointed"),
        ("I'm still a bit raw about what he said", "hurt"),
        ("I don't know what to believe anymore", "confused"),
        ("I haven't had a single evening to myself in weeks", "tired"),
    ],
)
def test_new_feeling_classes(text: str, feeling: str) -> None:
    assert feeling in analyze(text).feelings, analyze(text).feelings


def test_a_kindness_done_unasked_reads_as_thanks() -> None:
    a = analyze("he cleaned the whole kitchen without me asking, I could have cried")
    assert a.blame == ()


def test_calling_the_partner_a_keeper_is_praise() -> None:
    assert analyze("she's a keeper").blame == ()


@pytest.mark.parametrize(
    "text, situation",
    [
        ("he keeps explaining my own field to me", "talked down to about what I know"),
        ("please don't speak to me like I'm thick", "talked down to about what I know"),
        ("you corrected me in front of my sister", "talked down to about what I know"),
        ("give me the keys, you're in no state to drive", "not safe to drive"),
        ("can we sort out which nights each of us does bedtime", "sharing out the nights"),
        ("I need half an hour to myself when I get in", "time to land after work"),
        ("let's book a date night, no kids and no phones", "something just for fun"),
    ],
)
def test_new_situations(text: str, situation: str) -> None:
    _tokens, found = lexicon_found(text)
    assert situation in found["situations"], found["situations"]


def test_a_new_situation_reaches_the_needs() -> None:
    assert "safety" in analyze("put the keys down, I'm not getting in the car with you").needs


def test_counting_broken_promises_is_contempt() -> None:
    assert "contempt" in kinds("You said never again. That was four final chances ago.")
    assert analyze("Three weekends ago we had a lovely time away.").blame == ()


@pytest.mark.parametrize(
    "text",
    [
        "I want to help my brother out, I really do, but I can't lend him more",
        "I don't want to hurt her but I don't want to stay either",
        "I want to go to the reunion but I also want a quiet weekend",
    ],
)
def test_two_wants_pulling_apart_are_torn(text: str) -> None:
    assert "torn" in analyze(text).feelings, analyze(text).feelings


@pytest.mark.parametrize(
    "text",
    ["I want you to text me but you never do", "I want to see the film but it's sold out"],
)
def test_a_request_or_a_snag_is_not_torn(text: str) -> None:
    assert "torn" not in analyze(text).feelings, analyze(text).feelings


def test_lying_about_everything_is_felt_as_betrayal() -> None:
    assert "betrayed" in analyze("she'll lie about anything to get out of trouble").feelings
