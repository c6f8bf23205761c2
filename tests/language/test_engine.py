"""Rules of the language engine (accord.language.analyze)."""

from __future__ import annotations

import dataclasses

import pytest
from tests.language.rules_found import kinds

from accord.language import NEED_IDS, Analysis, BlameSpan, Request, analyze

REQUIRED_NEEDS = (
    "connection consideration appreciation respect autonomy space rest support fairness "
    "honesty trust safety reassurance understanding to_be_heard intimacy fun order "
    "predictability shared_purpose acceptance competence"
).split()


def test_need_vocabulary_has_the_documented_ids() -> None:
    assert set(REQUIRED_NEEDS) <= set(NEED_IDS)
    assert len(NEED_IDS) == len(set(NEED_IDS))


def test_every_returned_need_is_in_the_vocabulary() -> None:
    for text in [
        "You never help with the dishes and I'm exhausted.",
        "I feel taken for granted and invisible.",
        "Your mother drops by without calling.",
        "He lied about the money.",
    ]:
        assert set(analyze(text).needs) <= set(NEED_IDS)


def test_analysis_is_a_frozen_dataclass() -> None:
    a = analyze("I feel hurt.")
    assert isinstance(a, Analysis)
    assert dataclasses.is_dataclass(a)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.feelings = ()  # type: ignore[misc]


# ----------------------------------------------------------------- feelings


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("I feel so lonely these days.", "lonely"),
        ("I'm really frustrated with how this went.", "frustrated"),
        ("Honestly I'm exhausted.", "exhausted"),
        ("I'm anxious about the bills.", "anxious"),
        ("I was furious when I found out.", "angry"),
        ("I feel overwhelmed by all of it.", "overwhelmed"),
        ("I'm torn about this.", "torn"),
        ("I get jealous when you text her.", "jealous"),
        ("I'm so embarassed.", "embarrassed"),  # misspelling
        ("I feel lonley.", "lonely"),  # misspelling
        ("im fustrated", "frustrated"),  # no apostrophe and a misspelling
        ("I'm knackered and fed up.", "exhausted"),  # British
    ],
)
def test_feeling_words(text: str, feeling: str) -> None:
    assert feeling in analyze(text).feelings


@pytest.mark.parametrize(
    ("text", "feelings", "need"),
    [
        ("I feel ignored.", {"hurt", "lonely"}, "consideration"),
        # "rejected" points at connection 0.9, acceptance 0.8 and intimacy 0.5 (feelings.toml);
        # the ranker puts intimacy, connection, reassurance first for turning away
        ("I feel rejected when you turn away from me.", {"hurt"}, "connection"),
        ("I feel criticized all the time.", {"hurt"}, "acceptance"),
        ("I feel abandoned.", {"lonely"}, "connection"),
        ("I feel taken for granted.", {"hurt", "resentful"}, "appreciation"),
        ("I feel invisible in this house.", {"lonely"}, "appreciation"),
        ("I feel unappreciated.", {"resentful"}, "appreciation"),
        ("I feel manipulated.", {"confused"}, "honesty"),
        ("I feel smothered.", {"trapped"}, "space"),
    ],
)
def test_faux_feelings_map_to_real_feelings_and_needs(
    text: str, feelings: set[str], need: str
) -> None:
    a = analyze(text)
    assert feelings <= set(a.feelings)
    assert need in a.needs[:3]
    # the faux word itself is not reported as a feeling
    assert not {"ignored", "rejected", "criticized", "abandoned", "invisible"} & set(a.feelings)


def test_faux_feelings_are_listed_as_such() -> None:
    assert "taken for granted" in analyze("I feel taken for granted.").faux


def test_feelings_of_the_partner_are_not_the_speakers() -> None:
    a = analyze("You're angry all the time.")
    assert "angry" not in a.stated_feelings


# ----------------------------------------------------------------- negation and hedges


def test_negated_feeling_is_dropped() -> None:
    a = analyze("I'm not angry, I'm hurt.")
    assert "angry" not in a.feelings
    assert "hurt" in a.feelings


def test_negation_without_apostrophe() -> None:
    assert "angry" not in analyze("im not angry").feelings


def test_not_just_is_not_a_denial() -> None:
    assert "angry" in analyze("I'm not just angry, I'm exhausted.").feelings


@pytest.mark.parametrize(
    "text",
    ["I don't feel heard.", "I dont feel heard", "I do not feel heard.", "I never feel heard."],
)
def test_unmet_need_when_negated(text: str) -> None:
    assert analyze(text).needs[0] == "to_be_heard"


def test_hedged_unmet_need() -> None:
    assert "respect" in analyze("I'm not sure I feel respected.").needs[:2]


def test_positive_state_without_negation_is_not_a_lack() -> None:
    met = analyze("I feel respected by you.")
    unmet = analyze("I don't feel respected by you.")
    assert met.stated_feelings == ()
    assert "hurt" in unmet.stated_feelings
    assert dict(unmet.need_scores)["respect"] > dict(met.need_scores).get("respect", 0.0)


def test_wished_for_state_is_a_need() -> None:
    assert analyze("I want to feel desired by you again.").needs[0] == "intimacy"


def test_not_happy_means_unhappy() -> None:
    a = analyze("I'm not happy that you invited them without asking.")
    assert "happy" not in a.feelings
    assert "unhappy" in a.feelings


# ----------------------------------------------------------------- needs from topics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You never ask how my day was.", {"consideration", "connection"}),
        ("You came home at 2am without a text.", {"consideration", "reassurance"}),
        ("I need some time alone after work.", {"space"}),
        ("You lied to me about the money.", {"honesty", "trust"}),
        ("Your phone is always face down and you hide your messages.", {"honesty", "trust"}),
        ("We haven't had sex in months.", {"intimacy"}),
        ("Your mother drops by without calling.", {"space", "respect"}),
        ("I can't sleep because you stay up gaming until two.", {"rest"}),
        ("I never get any help with the kids' bedtime.", {"support"}),
    ],
)
def test_needs_from_topics(text: str, expected: set[str]) -> None:
    assert expected <= set(analyze(text).needs[:3]), analyze(text).needs


def test_chores_point_at_fairness_support_and_order() -> None:
    # the issue: "chores and who does what -> fairness/support/order"
    top3 = set(analyze("Who does the dishes and the laundry is never discussed.").needs[:3])
    assert "fairness" in top3
    assert len(top3 & {"fairness", "support", "order"}) >= 2, top3


@pytest.mark.parametrize("text", [
    "I'm tired of being treated like a child who can't be trusted with a debit card",
    "he talks to me like I'm a child",
    "you treat me like one of the kids",
    "it's like living with a teenager",
    "she speaks to me as if I'm a naughty kid",
])
def test_a_partner_compared_to_a_child_is_not_the_children_topic(text: str) -> None:
    assert "kids" not in analyze(text).topics


@pytest.mark.parametrize(("text", "topic"), [
    ("I would like the kids in bed by eight", "kids"),
    ("we both like the kids' school", "kids"),
    ("it feels like I'm raising three kids on my own", "kids"),
    ("I'd like a dog", "pets"),
])
def test_like_as_a_verb_or_a_real_child_keeps_the_topic(text: str, topic: str) -> None:
    assert topic in analyze(text).topics


def test_topics_are_reported() -> None:
    a = analyze("You spent our savings and left the dishes in the sink.")
    assert {"money", "chores"} <= set(a.topics)


def test_needs_are_ranked_and_few() -> None:
    a = analyze("I feel lonely.")
    assert a.needs[0] == "connection"
    assert len(a.needs) <= 4


def test_no_needs_for_neutral_text() -> None:
    a = analyze("The meeting is at three.")
    assert a.needs == ()
    assert a.stated_feelings == ()


# ----------------------------------------------------------------- blame


@pytest.mark.parametrize(
    "text",
    [
        "You always leave your stuff everywhere.",
        "You never listen.",
        "He never listens to me.",
        "She always has to be right.",
        "My husband never helps.",
        "Every time you go out you come back late.",
        "Why can't you ever be on time?",
        "your always late",  # common misspelling of you're
        "You're on your phone all the time.",
    ],
)
def test_absolutes_aimed_at_partner(text: str) -> None:
    assert "absolute" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "We never go out anymore.",
        "I always feel tired on Mondays.",
        "I never know what time it is.",
        "My husband and I never agree on this.",
        "It always rains here.",
        "I feel lonely all the time.",
    ],
)
def test_absolutes_about_self_or_we_are_not_blame(text: str) -> None:
    assert not analyze(text).has_blame


@pytest.mark.parametrize(
    "text",
    [
        "You're so selfish.",
        "He's a liar.",
        "You are such a lazy slob.",
        "You idiot.",
        "That was so selfish of you.",
        "What's wrong with you?",
        "You don't care about anyone but yourself.",
        "You're just like your father.",
    ],
)
def test_character_attacks(text: str) -> None:
    assert "character" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        'He called me "lazy" in front of everyone.',
        "He called me lazy in front of everyone.",
        "She says I'm too sensitive.",
        "I feel stupid when you explain things like that.",
        "I'm being lazy today, I know.",
    ],
)
def test_quoted_or_self_insults_are_not_blame(text: str) -> None:
    assert "character" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Whatever.",
        "Yeah right, like you've ever cleaned anything.",
        "Oh please, grow up.",
        "That's pathetic.",
        "*rolls eyes* sure.",
        "Give me a break.",
    ],
)
def test_contempt(text: str) -> None:
    assert "contempt" in kinds(text)


def test_whatever_in_a_normal_sentence_is_not_contempt() -> None:
    assert "contempt" not in kinds("Whatever you decide is fine with me.")


def test_describing_partners_eye_roll_is_not_contempt_by_the_speaker() -> None:
    assert not analyze("It hurts when you roll your eyes while I'm talking.").has_blame


@pytest.mark.parametrize(
    "text",
    [
        "You should have known I was upset.",
        "You should've noticed.",
        "I shouldn't have to ask.",
        "I shouldnt have to ask you every time.",
        "Anyone could see I needed help.",
        "How could you not notice I was crying?",
        "He should have known.",
    ],
)
def test_attunement_trap(text: str) -> None:
    assert "attunement" in kinds(text)


def test_i_should_have_is_not_blame() -> None:
    assert not analyze("I should have asked you earlier.").has_blame


def test_blame_spans_point_into_the_text() -> None:
    text = "Honestly, you never help and you're so lazy."
    a = analyze(text)
    assert a.has_blame
    for b in a.blame:
        assert isinstance(b, BlameSpan)
        assert text[b.start : b.end] == b.text
        assert b.kind in {"absolute", "character", "contempt", "attunement"}
    assert {"absolute", "character"} <= {b.kind for b in a.blame}


def test_blame_in_quotes_is_not_blame() -> None:
    assert not analyze('She told me "you never listen" and walked off.').has_blame


# ----------------------------------------------------------------- requests


def test_concrete_positive_request() -> None:
    r = analyze("Could you text me when you're going to be more than half an hour late?").request
    assert isinstance(r, Request)
    assert r.positive and r.concrete
    assert r.text.startswith("Could you text me")


def test_negative_request() -> None:
    r = analyze("Stop leaving your clothes on the floor.").request
    assert r is not None
    assert not r.positive


def test_dont_request_is_negative() -> None:
    r = analyze("Please don't look at your phone during dinner.").request
    assert r is not None and not r.positive


def test_vague_request() -> None:
    r = analyze("I want you to care more.").request
    assert r is not None
    assert r.positive and not r.concrete


def test_request_with_a_day_is_concrete() -> None:
    r = analyze("I'd like you to do the grocery shopping on Saturdays.").request
    assert r is not None and r.concrete and r.positive


def test_no_request_in_a_plain_feeling() -> None:
    assert analyze("I feel sad today.").request is None


def test_wish_to_feel_is_not_a_request() -> None:
    assert analyze("I would like to feel closer to you.").request is None


# ----------------------------------------------------------------- safety


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared of him when he drinks.",
        "He hit me last week.",
        "She threatened to hurt me.",
        "I don't feel safe at home.",
        "I'm afraid of what he might do.",
        "He pushed me against the wall.",
        "I'm afraid he'll hurt me.",
        "im scared shell hit me again",
        "Honestly I'm scared that he is going to hit me.",
        "I'm afraid he might do something.",
        "She said she would kill me.",
    ],
)
def test_safety_language(text: str) -> None:
    assert analyze(text).safety


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared we're growing apart.",
        "He has never hit me.",
        "I feel safe with you.",
        "You never help with the dishes.",
        "Would it kill you to look at me when I talk?",
        "Like it would kill you to say thanks once.",
        "I'm afraid you'll be late again.",
        "I'm scared she'll leave me.",
        "He would never hurt me.",
        "I'm not afraid he will hurt me.",
    ],
)
def test_not_safety_language(text: str) -> None:
    assert not analyze(text).safety


# ----------------------------------------------------------------- to_dict and odd input


def test_to_dict_is_plain_and_has_no_none() -> None:
    import tomli_w

    a = analyze("You never text me. Could you text me by six tonight?")
    d = a.to_dict()

    def walk(v: object) -> None:
        assert v is not None
        if isinstance(v, dict):
            for k, x in v.items():
                assert isinstance(k, str)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        else:
            assert isinstance(v, str | int | bool | float)

    walk(d)
    assert d["has_blame"] is True
    assert d["request"]["concrete"] is True
    tomli_w.dumps({"analysis": d})  # must be writable as TOML


def test_to_dict_without_request_omits_it() -> None:
    assert "request" not in analyze("I feel sad.").to_dict()


@pytest.mark.parametrize("text", ["", "   ", "!!!", "😀😀", "a" * 5000, "'\"'\"", "\n\n"])
def test_odd_input_does_not_raise(text: str) -> None:
    a = analyze(text)
    assert isinstance(a, Analysis)


def test_curly_apostrophes() -> None:
    a = analyze("I don\u2019t feel heard and you\u2019re always on your phone.")
    assert a.needs[0] == "to_be_heard" or "to_be_heard" in a.needs
    assert "absolute" in {b.kind for b in a.blame}
