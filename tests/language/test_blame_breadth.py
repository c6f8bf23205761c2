"""Blame rules added for breadth: sarcasm, rhetorical jabs, generalisations, names and insults
as people type them, and the things that look like blame but are not (quoted or taken-back
insults, praise, neutral traits, the partner's own words, wishes)."""

from __future__ import annotations

import pytest
from tests.language.rules_found import kinds

from accord.language import analyze, coaching_hint
from accord.language.text import tokenize


def spans(text: str) -> list[str]:
    return [b.text for b in analyze(text).blame]


# ------------------------------------------------------------------ found


@pytest.mark.parametrize(
    "text, kind",
    [
        # sarcasm
        ("of course you forgot the tickets", "contempt"),
        ("Nice of you to finally show up.", "contempt"),
        ("thanks for finally taking the bins out", "contempt"),
        ("Good to know your football matters more than my birthday.", "contempt"),
        ("Wow, you remembered to text. Should I throw a party?", "contempt"),
        ("cool cool cool so we're just not talking about it then", "contempt"),
        ("why would I expect anything else", "contempt"),
        ("thanks a lot for nothing", "contempt"),
        # rhetorical questions
        ("How hard is it to put a plate in the dishwasher.", "contempt"),
        ("is it really that difficult to rinse a bowl, he's 40", "contempt"),
        ("Does it ever occur to you that I might have plans too?", "contempt"),
        ("do you even care that I've been crying all night?", "contempt"),
        ("do u even listen to urself", "contempt"),
        ("when was the last time you actually cleaned the bathroom", "contempt"),
        ("would it kill you to say thank you", "contempt"),
        ("my husband acts like saying thank you would kill him", "contempt"),
        ("Honestly sometimes I wonder what I even see in you", "contempt"),
        ("u seriously think ur the only one who's tired?", "contempt"),
        ("she literally thinks she's the only one who does anything round here", "contempt"),
        ("Oh you're tired? Try doing nights with a newborn and then talk to me about tired.",
         "contempt"),
        ("so you're allowed to go out every weekend but I get a guilt trip?", "contempt"),
        ("he bought a puppy and guess who's doing the 6am walks", "contempt"),
        ("You had ONE thing to do today. One.", "contempt"),
        # generalisations and attacks on who the partner is
        ("you're the kind of person who has to be right about everything", "character"),
        ("he's the type who'll help anyone except his own wife", "character"),
        ("she is the type to hold a grudge", "character"),
        ("why are you like this", "character"),
        ("what is actually wrong with you", "character"),
        ("You can't be trusted with anything, can you", "character"),
        ("Stop acting like the victim", "character"),
        ("Can you stop being so dramatic for one second", "character"),
        ("Honestly? You're exhausting.", "character"),
        ("Honestly you're the laziest person I've ever met", "character"),
        ("he's a good dad but a rubbish husband", "character"),
        ("she's lovely but so lazy", "character"),
        ("honestly what a muppet, he booked the wrong month", "character"),
        ("honestly ur a joke", "character"),
        ("Your an idiot", "character"),
        ("you're a dickhead and everyone knows it", "character"),
        ("my husband is a lazy f***ing slob", "character"),
        ("i cant believe ur such a f*cking liar", "character"),
        ("my gf is sooo lazy", "character"),
        ("he's got no clue what I do all day", "character"),
        ("she always finds a way to make it my fault", "character"),
        # absolutes
        ("You'd forget your own head if it wasn't screwed on", "absolute"),
        ("why do you always have to have the last word", "absolute"),
        ("he forgets everything", "absolute"),
        ("She hovers over everything I do", "absolute"),
        ("you neverrr help", "absolute"),
        # attunement
        ("How many times do I have to tell you I don't like that nickname", "attunement"),
        ("anyone with half a brain would've checked the fuel", "attunement"),
        ("anyone with eyes could see I was struggling", "attunement"),
    ],
)
def test_blame_is_found(text: str, kind: str) -> None:
    assert kind in kinds(text), (text, [(b.kind, b.text) for b in analyze(text).blame])


# ------------------------------------------------------------------ not blame


@pytest.mark.parametrize(
    "text",
    [
        # quoted, reported, taken back
        "she told me 'you're useless' and I just stood there",
        "he keeps saying 'you're always late' when I'm two minutes behind",
        "I'm sorry I called you a selfish cow, I was angry and it wasn't true",
        "I don't think he's a bad person, he just doesn't notice when I'm struggling",
        "My brother says she's toxic but I don't see it.",
        # praise and neutral traits around always/never
        "I love that you always make me a coffee before work",
        "my girlfriend always asks before she borrows my stuff, which I really appreciate",
        "my gf always texts me good morning, honestly the best part of my day",
        "My husband always cooks on Sundays which is lovely.",
        "My boyfriend is always there when I need him",
        "He's always been a night owl and I'm up at 5",
        "tbf she's never been a morning person",
        # the partner's own words, the past, wishes
        "she said she never wanted a big wedding, so we're doing the registry office",
        "I wish he'd hold my hand when we walk, he used to all the time",
        "I wish you'd notice when I'm struggling without me having to ask",
        # ordinary uses of the new phrases
        "How hard is it to get a mortgage these days, I'm so worried.",
        "Guess who got the job! Me!",
        "I think we both need to stop whining and actually plan the budget.",
        "I'm trying to stop being so needy",
        "He would kill me if he found out I told you.",
        "Of course you can come with me to the scan.",
        "That was really nice of you to offer, thank you.",
        "When was the last time you saw your sister? I think she misses you.",
        "I'm not the only one who feels this way.",
        "She is a victim of her own upbringing, I feel for her.",
        "i'm so exhausted from being the only adult in this house",
    ],
)
def test_not_blame(text: str) -> None:
    a = analyze(text)
    assert not a.has_blame, [(b.kind, b.text) for b in a.blame]


def test_a_wish_does_not_hide_an_attunement_trap_said_plainly() -> None:
    assert "attunement" in kinds("you should have known without me having to ask")


def test_praise_elsewhere_does_not_excuse_never() -> None:
    # "praise around always" is for "always" words only
    assert analyze("I love him but he never listens").has_blame


def test_a_real_absolute_after_a_trait_is_still_blame() -> None:
    assert analyze("he's always on his phone").has_blame


# ------------------------------------------------------------------ spans for coaching


def test_spans_point_at_the_words_typed() -> None:
    assert spans("Nice of you to finally show up.") == ["Nice of you to finally"]
    assert spans("he's a good dad but a rubbish husband") == ["a rubbish"]
    assert spans("my husband is a lazy f***ing slob") == ["my husband is a lazy f***ing slob"]


@pytest.mark.parametrize(
    "text",
    ["of course you forgot the tickets", "why are you like this",
     "How many times do I have to tell you"],
)
def test_new_blame_gets_a_coaching_hint(text: str) -> None:
    hint = coaching_hint(analyze(text))
    assert hint


# ------------------------------------------------------------------ text


def test_cant_and_wont_read_like_cannot_and_will_not() -> None:
    for typed in ("you can't", "you cant", "you cannot"):
        assert [t.word for t in tokenize(typed)] == ["you", "can", "not"]
    assert [t.word for t in tokenize("he won't")] == ["he", "will", "not"]


def test_single_quotes_hold_words_with_apostrophes() -> None:
    toks = tokenize("she told me 'you're useless' and left")
    assert [t.word for t in toks if t.quoted] == ["you", "are", "useless"]
    # a plural possessive is not an opening quote
    toks = tokenize("another weekend at your parents'. Can't wait.")
    assert not any(t.quoted for t in toks)


def test_masked_profanity_is_read_as_the_word() -> None:
    words = [t.word for t in tokenize("a lazy f***ing a**hole, sh*t")]
    assert words == ["a", "lazy", "fucking", "asshole", "shit"]


def test_letters_typed_for_emphasis_are_collapsed() -> None:
    words = [t.word for t in tokenize("sooo lazy, neverrr, pleeease, cooool, reallly")]
    assert words == ["so", "lazy", "never", "please", "cool", "really"]


def test_kind_needs_only_when_nothing_else_points_at_a_need() -> None:
    # contempt alone: its kind adds respect
    assert "respect" in analyze("why are you like this").needs
    # an insult that says what is missing keeps its own needs first
    assert analyze("you're so lazy, I do all the chores").needs[0] in ("fairness", "support")


def test_a_verb_after_and_keeps_the_partner_as_subject() -> None:
    assert analyze("She's lovely to everyone else and then comes home and picks at everything "
                   "I do").has_blame
    assert analyze("she comes home and always goes straight to her phone").has_blame
    # one time, told as it happened, is not an absolute
    assert not analyze("she sent money to her brother and never told me").has_blame
    assert not analyze("he just sits there and says nothing").has_blame
    assert not analyze("I came home and always check on the kids").has_blame


@pytest.mark.parametrize(
    "text, kind",
    [
        ("she's on her phone literally every minute we're together", "absolute"),
        ("he brings it up every chance he gets", "absolute"),
        ("why must everything be a competition with you", "absolute"),
        ("why does everything have to be on your terms", "absolute"),
        ("My boyfriend is a compulsive liar.", "character"),
        ("he's a right idiot", "character"),
        ("You're so negative about everything, it's draining", "character"),
        ("she's so condescending", "character"),
        ("What a shock, the car's out of petrol again", "contempt"),
        ("ok mr perfect, tell me again how you'd have done it better", "contempt"),
        ("She thinks money grows on trees", "contempt"),
        ("Are you actually listening or just nodding?", "contempt"),
        ("You could at least pretend to care", "contempt"),
        ("lol ok so i'm the crazy one now. cool.", "contempt"),
        ("you shouldn't need a reminder on your phone to remember my birthday", "attunement"),
        ("he shouldn't have to be told to feed his own kids", "attunement"),
    ],
)
def test_more_blame_is_found(text: str, kind: str) -> None:
    assert kind in kinds(text), (text, [(b.kind, b.text) for b in analyze(text).blame])


@pytest.mark.parametrize(
    "text",
    [
        "my husband's mother has a key and walks in whenever she likes",
        "my wife works so hard and I worry she never gets to rest",
        "honestly i'm just tired of being the bad guy every time something goes wrong",
        "He goes to the gym every day at 6 and I love that for him",
        "He calls me every lunch break just to check where I am",
    ],
)
def test_more_not_blame(text: str) -> None:
    a = analyze(text)
    assert not a.has_blame, [(b.kind, b.text) for b in a.blame]
