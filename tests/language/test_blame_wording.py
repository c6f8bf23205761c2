"""Blame as people write it about a partner (third round): forum and British names and
insults, "does sod all", "someone who never", a closing "every weekend.", AGAIN in capitals,
"ur the worst", childish comparisons, indifference, arrogance, sarcasm, comparisons with
others, dismissals; and the guards that keep ordinary sentences with the same words out."""

from __future__ import annotations

import pytest
from tests.language.rules_found import kinds

from accord.language import analyze, coaching_hint
from accord.language.text import tokenize


def found(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in analyze(text).blame]


@pytest.mark.parametrize(
    "text, kind",
    [
        # names and insults, British and American, as typed
        ("he's a lazy sod", "character"),
        ("he's a right prat when he's had a drink", "character"),
        ("he's a useless git", "character"),
        ("absolute muppet, he forgot the kids at school", "character"),
        ("she's a cheapskate", "character"),
        ("he's so tight, he split the bill for my birthday dinner", "character"),
        ("Why are you so defensive all the time", "character"),
        ("you're being completely unreasonable", "character"),
        ("my wife is so dismissive of anything I say", "character"),
        ("He's a textbook narcissist", "character"),
        ("He's a walking red flag", "character"),
        ("My fianc\u00e9 is a lazy, entitled slob.", "character"),
        ("My OH is useless with money", "character"),
        ("this guy is a clown", "character"),
        ("I married a liar", "character"),
        ("I'm living with a slob", "character"),
        ("You're overreacting, it was a joke", "character"),
        ("Why do you have to be so difficult about everything", "character"),
        # "ur" / "your" for "you're"
        ("ur the worst at listening", "character"),
        ("your such a liar", "character"),
        # childish, compared
        ("he's like a toddler when he's hungry", "character"),
        ("it's like living with a teenager", "character"),
        ("I have three kids, four if you count my husband", "character"),
        ("she throws a tantrum if she doesn't get her way", "character"),
        ("He's got the emotional maturity of a 12 year old", "character"),
        ("He's a grown ass man and he still can't book his own dentist", "character"),
        # indifference
        ("She literally cannot be bothered with anything I care about", "character"),
        ("he can't be arsed to ring his own mother", "character"),
        ("he makes zero effort with my family", "character"),
        ("He has zero respect for my time", "character"),
        # comparisons
        ("you sound exactly like your dad right now", "character"),
        ("why can't you be more like your brother", "character"),
        ("even my ex remembered my birthday", "character"),
        ("you're worse than the kids", "character"),
        ("Men are all the same", "character"),
        # arrogance
        ("she thinks the world revolves around her", "character"),
        ("he thinks he's always right", "character"),
        ("my bf thinks he's God's gift", "character"),
        # absolutes
        ("she does sod all around the flat", "absolute"),
        ("my boyfriend does jack shit around the house", "absolute"),
        ("She literally doesn't do anything all day", "absolute"),
        ("I'm done explaining myself to someone who never listens", "absolute"),
        ("he makes plans and tells me after. every weekend.", "absolute"),
        ("he promises to change and does the same thing the next month, every month",
         "absolute"),
        ("you told your sister AGAIN", "absolute"),
        ("all she cares about is her phone", "absolute"),
        ("She nags me about every little thing", "absolute"),
        ("he has an excuse for everything", "absolute"),
        ("my other half never listens", "absolute"),
        # sarcasm and contempt
        ("Oh sorry, am I boring you?", "contempt"),
        ("sorry, did I interrupt your game?", "contempt"),
        ("Great parenting there, letting them eat sweets for dinner", "contempt"),
        ("husband of the year, everyone", "contempt"),
        ("oh don't worry about me, I'll just do everything myself", "contempt"),
        ("never mind me, I only cook and clean", "contempt"),
        ("my so-called husband didn't even show up", "contempt"),
        ("apparently I'm the bad guy for wanting some help", "contempt"),
        ("so apparently it's my fault he missed the train", "contempt"),
        ("were you raised in a barn?", "contempt"),
        ("What are you, five?", "contempt"),
        ("use your brain for once", "contempt"),
        ("it's not rocket science, the bin goes out on tuesday", "contempt"),
        ("some of us actually have to work", "contempt"),
        ("not that you would notice", "contempt"),
        ("He expects a medal for doing the bare minimum", "contempt"),
        ("I'm sick and tired of his crap", "contempt"),
        ("Wow. Just wow.", "contempt"),
        ("not my problem, sort it out yourself", "contempt"),
        ("How dare you speak to me like that", "contempt"),
        ("Look what you've done", "contempt"),
        ("just piss off and leave me alone", "contempt"),
        ("he's doing his share now \U0001f644", "contempt"),
        ("he's such a big help /s", "contempt"),
        ("You treat this house like a hotel.", "contempt"),
        # what others would have done
        ("anyone else would have called an ambulance", "attunement"),
        ("most husbands would have offered", "attunement"),
        ("a normal boyfriend would have checked on me", "attunement"),
        ("you'd think a grown man could work a washing machine", "attunement"),
        ("you knew how much it meant to me and you went anyway", "attunement"),
        ("he knew full well I needed the car", "attunement"),
    ],
)
def test_blame_as_people_write_it(text: str, kind: str) -> None:
    assert kind in kinds(text), (text, found(text))


@pytest.mark.parametrize(
    "text",
    [
        # the same words, not aimed at the partner
        "Money is tight since he lost his job and we're both scared",
        "he's tight with his brother",
        "He's been having a difficult time at work",
        "I felt like such a fool for crying in front of his parents",
        "He's a fool for football but I love that about him",
        "Sod it, we booked the holiday anyway",
        "Apparently I snore, which explains a lot",
        "Apparently the boiler needs replacing and we can't afford it",
        "Our son is a toddler and he throws a tantrum every bedtime",
        "It's like living with a ghost since the baby came, we're both so tired",
        "He sounds like his dad when he laughs and it's adorable",
        "Even my mum said we make a lovely couple",
        "Most husbands would be nervous meeting her family, and he was too",
        "Not that he would ever hurt me, but he scares me when he drinks",
        "Look what he made me for our anniversary!",
        "he told me to fuck off and I cried",
        "What a waste of a weekend. He spent the entire thing on the couch.",
        "She forgets things when she's stressed, it's not her fault",
        "He's tired all the time since the new job",
        "he's hopeless at remembering dates but he always makes it up to me",
        "My boyfriend is always so patient with me",
        # a wish for someone who always ...
        "I want to be with someone who always tells me the truth",
        "I need a partner who never gives up on us",
        # habits told plainly, every day
        "he works late every day this month and I miss him",
        "He goes running every morning. Every single day.",
        "I cook, he cleans, every single day, it works for us",
        "I LOVE him so much",
        # the speaker about themselves
        "I think I was overreacting last night",
        "I'm the useless one when it comes to cooking",
        "my OH and I are doing so much better since counselling",
        "my other half surprised me with breakfast",
    ],
)
def test_same_words_not_blame(text: str) -> None:
    a = analyze(text)
    assert not a.has_blame, found(text)


def test_your_before_words_that_never_follow_a_possessive_reads_you_are() -> None:
    assert [t.word for t in tokenize("ur the worst")] == ["you", "are", "the", "worst"]
    assert [t.word for t in tokenize("Your a liar")][:3] == ["you", "are", "a"]
    assert [t.word for t in tokenize("your so called friend")][0] == "your"
    assert [t.word for t in tokenize("I love your smile")][2] == "your"


def test_my_oh_and_my_other_half_are_the_partner() -> None:
    assert [t.word for t in tokenize("my OH is")] == ["my", "partner", "is"]
    assert [t.word for t in tokenize("oh my oh my")] == ["oh", "my", "oh", "my"]
    toks = tokenize("my other half never")
    assert [t.word for t in toks] == ["my", "partner", "never"]
    assert (toks[1].start, toks[1].end) == (3, 13)


def test_accents_are_read_without_them() -> None:
    assert [t.word for t in tokenize("my fianc\u00e9")] == ["my", "fiance"]


def test_new_spans_point_at_the_words() -> None:
    assert ("absolute", "every weekend") in found(
        "he makes plans and tells me after. every weekend.")
    assert ("absolute", "AGAIN") in found("You forgot to pick her up from school. AGAIN.")
    assert ("contempt", "What are you, five") in found("What are you, five?")
    assert ("contempt", "\U0001f644") in found("he's doing his share now \U0001f644")


@pytest.mark.parametrize(
    "text",
    ["she does sod all around the flat", "Great parenting there",
     "anyone else would have called an ambulance", "he's a lazy sod"],
)
def test_new_blame_gets_a_coaching_hint(text: str) -> None:
    assert coaching_hint(analyze(text))


def test_never_for_one_night_told_with_worry_is_not_blame() -> None:
    assert not analyze("you never texted and I was scared something happened").has_blame
    assert not analyze("he never came home last night and I was worried sick").has_blame
    # a habit is still an absolute, worry or not
    assert analyze("you never text me back and it makes me so angry").has_blame
    assert analyze("he never helps and I am worried about money").has_blame


def test_a_tone_span_is_the_clauses_that_carry_the_weight(again_ranker) -> None:

    rk = again_ranker
    tokens = tokenize("It was lovely, then you forgot again, and we went home")
    i, j = rk.tone_span(tokens)
    assert [t.word for t in tokens[i:j]] == ["then", "you", "forgot", "again"]
    # one clause: the whole sentence
    tokens = tokenize("you forgot again")
    assert rk.tone_span(tokens) == (0, 3)


def test_an_insult_as_a_sentence_of_its_own() -> None:
    assert "character" in kinds("You forgot my birthday. Useless.")
    assert "character" in kinds("So selfish.")
    assert not analyze("I was so stupid. Stupid.").has_blame
    assert not analyze("I'm tired. Lazy Sunday.").has_blame


def test_husbands_with_s_reads_husband_is_before_an_insult() -> None:
    assert "character" in kinds("my husband's useless")
    assert not analyze("my husband's mother is lovely").has_blame


def test_everything_turned_into_a_fight() -> None:
    assert "absolute" in kinds("he turns everything into a fight")
    assert not analyze("He turned everything around for us").has_blame


@pytest.mark.parametrize(
    "text",
    [
        "wow, thanks for the support",
        "Oh, great, another weekend at his mum's",
        "he's about as useful as a chocolate teapot",
        "he couldn't organise a piss up in a brewery",
        "he wouldn't know romance if it smacked him in the face",
        "Could you be any more selfish?",
        "Are you completely incapable of shutting a cupboard?",
        "Nobody else would put up with you",
        "she's so up herself since the promotion",
        "he's on that bloody phone morning noon and night",
    ],
)
def test_idioms_and_openers_cut_off_by_a_comma(text: str) -> None:
    assert analyze(text).has_blame, text


def test_an_opener_joins_the_clause_after_its_comma() -> None:
    toks = tokenize("wow, thanks for that. Well, I never")
    assert toks[0].clause == toks[1].clause
    assert toks[4].clause == toks[5].clause
    # only a one-word opener at the start of a clause
    toks = tokenize("he was fine, thanks")
    assert toks[2].clause != toks[3].clause
    # "they text all day every day": about them, not an absolute aimed at the partner
    assert not analyze("his best friend is a woman and they text all day every day").has_blame


@pytest.mark.parametrize(
    "text",
    [
        "do you think the dishes wash themselves?",
        "the bins don't empty themselves",
        "who do you think is going to clean this up",
        "Since when do you care?",
        "oh so now you care",
        "you think I'm made of money?",
        "get off your high horse",
        "Very funny.",
        "he doesn't have a romantic bone in his body",
    ],
)
def test_rhetorical_sarcasm(text: str) -> None:
    assert "contempt" in kinds(text), found(text)


def test_things_that_do_themselves_are_fine() -> None:
    assert not analyze("the kettle switches itself off").has_blame
    assert not analyze("I think the cut will heal itself").has_blame


def test_does_not_do_anything() -> None:
    assert "absolute" in kinds("He doesn't do anything.")
    assert "absolute" in kinds("she doesnt do a thing to help")
    assert not analyze("he didn't do anything wrong").has_blame


def test_more_names_for_a_partner_who_acts_like_a_child() -> None:
    assert "character" in kinds("she behaves like a spoilt child")
    assert "character" in kinds("My husband is a walking disaster")
    assert not analyze("the party was a disaster").has_blame


@pytest.mark.parametrize(
    "text",
    [
        "My husband acts like changing a nappy is brain surgery",
        "she makes a drama out of absolutely everything",
        "honestly it's like he was raised by a pack of wolves",
        "Honestly, what is the point of you?",
        "He's the king of excuses",
        "I swear he has selective deafness when it comes to chores",
        "My bf would rather die than admit he's wrong",
        "He just lies on the sofa like a beached whale all weekend",
        "Would it physically hurt you to say thank you?",
        "Oh look, he's finally off his phone, call the newspapers",
        "Ten years and he still doesn't know how I take my tea",
        "she's got a real knack for making everything about her",
        "fine, I'll do it myself as usual",
        "a grown man who still can't cook",
    ],
)
def test_idioms_of_a_third_set(text: str) -> None:
    assert analyze(text).has_blame, text


@pytest.mark.parametrize(
    "text",
    [
        "He's king of the barbecue and I love it",
        "Would it hurt him if I told him the truth?",
        "Ten years and he still makes me laugh every day",
        "Golf every weekend is his thing and I'm fine with it",
    ],
)
def test_idioms_of_a_third_set_not_blame(text: str) -> None:
    a = analyze(text)
    assert not a.has_blame, found(text)
    assert not a.safety
