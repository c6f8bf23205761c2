"""Sarcasm that shows only in where its words sit (language/sarcasm.py): praise opening a
complaint, a closing tag, a retort opened by "oh", one rule for the partner and another for
the speaker, a name turned into a verdict, a pet name thrown back; and a few fixed jabs
(a role refused, "don't bother apologising", "his whole personality", "maybe if you").
Each shape has look-alikes meant plainly: plans shared out, thanks, a real apology, a day."""

from __future__ import annotations

import pytest
from tests.language.rules_found import rule_kinds

from accord.language import analyze
from accord.language.engine import lexicon
from accord.language.sarcasm import find_sarcasm
from accord.language.text import tokenize


@pytest.mark.parametrize(
    "text",
    [
        # praise opening a complaint
        "Cool, so your gym gets three evenings and I get the washing up.",
        "Lovely, so you booked the flights without asking me?",
        "Nice, so your mum decides where we live and I don't get a say?",
        "Great, another Christmas with your brother. Can't wait.",
        "Wow, he actually emptied the bin. Only took a week.",
        # a closing tag
        "You promised you'd be back by nine and it's midnight. Got it.",
        "She spent the holiday money on shoes and told me after. Why not.",
        "you said you'd fix the shower in march. good times",
        # retorts opened by "oh"
        "Oh I'm sorry, did my crying spoil your film?",
        "Oh I'm SORRY, I forgot your football comes first.",
        "Oh yes, because your job is the only one that matters.",
        "oh you're BUSY? you've been on the sofa since four",
        "Oh I'm 'overreacting'? You sulked for a week over a parking ticket.",
        # one rule for the partner, another for the speaker
        "So you get a night out every Friday and I get to stay in with the baby.",
        "His brother gets a birthday party and I get a text.",
        # a name as a verdict, a pet name thrown back
        "Typical Marcus, promises the moon and forgets by Tuesday.",
        "Classic Jo. Late again.",
        "Don't 'sweetheart' me. You knew I needed the car.",
        # fixed jabs
        "I'm not your maid. Wash your own plate.",
        "Don't bother apologising, you don't mean it.",
        "Being late is his whole personality.",
        "Maybe if you listened we wouldn't be in this mess.",
        "Why is it that your mates can ring at midnight but my mum can't call at seven?",
        "Funny how your back only hurts when there's hoovering to do.",
        "Sweet of you to finally text back. Only took six hours.",
        "Yeah because his golf is more important than the rent.",
        # the partner's word in quotes, to mock it
        "Another 'team meeting' that ends at the pub.",
        "Your idea of 'tidying' is shoving it all in a drawer.",
        "She calls it 'budgeting' when she goes through my receipts.",
        "Your 'jokes' are just digs with a smile.",
        # more fixed jabs
        "Remind me again why your mum has a key?",
        "Imagine having a husband who actually plans a date.",
        "Apparently my feelings are optional.",
        "Am I your cleaner now?",
        "He has the nerve to call me lazy.",
        "She's the queen of the silent treatment.",
        "You just wait for me to finish so you can argue.",
        "Thanks for the vote of confidence.",
        "Thanks for making me look stupid at the party.",
        "Did I ask for your opinion on my hair?",
        "You booked it without me. Great planning, Sam.",
        "He forgot the school play. Real funny.",
        "You sold the car. Glad I was consulted.",
        "Do I even get a say in where we live?",
        "Great, another 'quick drink' with the lads.",
        "Sure, leave your shoes in the hall again.",
        "Thanks for telling your sister about our money trouble.",
        "Cheers for telling everyone at work I'm pregnant.",
        "Your promises mean nothing.",
        "Always your mates.",
        "His phone gets more attention than I do.",
        "You're the only person I know who can burn toast in a microwave.",
        "I'm so sorry my job is inconvenient for your golf.",
        "She'd rather scroll than talk to me.",
        "He drives like a maniac.",
        "Must be tiring, being right about everything.",
        "You want me to move away from my family so you can be near yours. Sounds fair, right?",
        "Maybe if you didn't hide your phone I wouldn't check it.",
        "Wow, you remembered the bins. Only a week late.",
        "Oh good, another 'short' meeting on a Saturday.",
        "Grand, so I'm meant to read your mind now.",
        "So the darts is more important to you than my birthday. Good to know.",
        "Her opinion always counts more than mine.",
        "Do you actually care, or do you just like being right?",
        "You'd forget our anniversary if the bank didn't send a reminder.",
        "Enjoy your little weekend. Don't bother calling.",
        "Thanks a million for making me the bad guy again.",
        "Hope the match was worth it.",
        "Congratulations on being so perfect.",
        "Not everything is about your mother.",
    ],
)
def test_flags(text: str) -> None:
    assert "contempt" in rule_kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        # plans and agreements shared out
        "Great, so you'll pick up the kids on Monday and I'll cook.",
        "Perfect, so you'll book the table and I'll sort the babysitter?",
        "Cool, so you'll do bath time and I get the dishes, deal.",
        "Great, so when you're back from Leeds we can sit down and plan it.",
        "He gets the car on Mondays and I get it on Fridays.",
        "You get the kids on Saturday and I get them on Sunday, that's what we agreed.",
        # a listener checking what they heard
        "Cool, so you're saying you felt left out when I went to the pub?",
        # praise and good news meant
        "Nice, so your sister is coming after all? I'm really pleased.",
        "Lovely. You made my favourite tonight.",
        "Amazing, you got the job! I knew you would.",
        "Wow, you remembered! That means a lot.",
        "Great, another weekend away with you. Thank you for booking it.",
        # real apologies and plain questions
        "Oh, I'm sorry, I didn't know your mum was ill.",
        "Oh you're home early? I didn't expect you till six.",
        "Oh, you want to come too? That would be nice.",
        "Oh you mean the BBQ on Saturday? Yes, I'll come.",
        # a closing word that is not a jab
        "We talked it through last night. Got it.",
        "You said you'd call your mum first. Noted, I'll wait.",
        # a day, a station, a worry
        "Typical Monday. Everything went wrong at work and I'm wiped.",
        "Classic FM was on all evening and we danced in the kitchen.",
        "Don't worry about me, I'm fine.",
        "I don't bother her when she's working from home.",
        "Funny how things work out, we met at a bus stop.",
        # quotes that are not mockery
        "Half your family still introduces me as your 'friend'.",
        "We call it 'date night' and it's the best part of the week.",
        "I waited for you to finish your call so we could talk.",
        "I can see you waiting for me to finish so you can talk about yours.",
        "Thank you for making me feel so welcome at your parents'.",
        "Must be exhausting, looking after your dad every weekend.",
        "Great planning. We're all set for Saturday.",
        "You were really supportive when Dad was ill.",
        "Thanks for telling me, I know that was hard to say.",
        "Can I say something without you getting defensive? I miss you.",
        "I'm a grown man and I still get nervous at the dentist.",
        "I've never once checked his phone.",
        "You never once made me feel it was my fault.",
        "My husband said nothing at the time, and we talked about it later.",
        "Sure, you can have the car on Saturday.",
        "When you check your phone while I talk, I feel like I'm talking to a wall.",
        "I didn't expect a medal, but a thank you would have been nice.",
        "Wow, you remembered! I can't believe it.",
        "Enjoy your little sister's party, give her my love.",
        "Hope the interview was worth the trip.",
        "He talks to me like I'm a child sometimes and it hurts.",
    ],
)
def test_does_not_flag(text: str) -> None:
    assert rule_kinds(text) == set(), text


def test_a_quoted_jab_is_not_the_speakers() -> None:
    # the speaker reports what the partner said; the words are not aimed by the speaker
    assert rule_kinds("He texted me 'Cool, so your mum gets a say and I get nothing'.") == set()


def test_spans_name_the_words() -> None:
    text = "Cool, so your friends get the fun version of you and I get the grumpy one."
    tokens = tokenize(text)
    spans = find_sarcasm(text, tokens, lexicon().sarcasm)
    assert spans, text
    start, end = spans[0]
    assert text[tokens[start].start : tokens[end - 1].end].startswith("Cool, so")


def test_coaching_hint_offers_an_i_statement_for_sarcasm() -> None:
    from accord.language import coaching_hint

    hint = coaching_hint(analyze("Cool, so you get a night out and I get the washing up."))
    assert hint and "I feel" in hint
