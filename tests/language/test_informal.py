"""Rules for informal, real-world phrasing: abbreviations, situations with no feeling word,
sarcasm, praise that looks like an absolute, reported insults."""

from __future__ import annotations

import pytest
from tests.language.rules_found import kinds

from accord.language import analyze
from accord.language.engine import lexicon
from accord.language.text import tokenize


def words(text: str) -> list[str]:
    return [t.word for t in tokenize(text)]


def top3(text: str) -> set[str]:
    return set(analyze(text).needs[:3])


# ------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my DH", ["my", "husband"]),
        ("my dw", ["my", "wife"]),
        ("hubs and wifey", ["husband", "and", "wife"]),
        ("tbh", ["to", "be", "honest"]),
        ("everytime", ["every", "time"]),
        ("kinda", ["kind", "of"]),
        ("my mates", ["my", "friends"]),
        ("angery and exhuasted", ["angry", "and", "exhausted"]),
        ("a nappy", ["a", "diaper"]),
    ],
)
def test_abbreviations_and_misspellings_are_normalised(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_my_so_is_the_partner_but_my_so_called_friend_is_not() -> None:
    assert words("my SO flirts") == ["my", "partner", "flirts"]
    assert words("my so called friend") == ["my", "so", "called", "friend"]


def test_emphasis_with_full_stops_stays_one_phrase() -> None:
    toks = tokenize("i have to ask. every. single. time.")
    assert [t.word for t in toks][-3:] == ["every", "single", "time"]
    assert len({t.sent for t in toks}) == 1
    # spans still point at what was typed
    text = "ask. every. single. time."
    assert [text[t.start : t.end] for t in tokenize(text)] == ["ask", "every", "single", "time"]


def test_ordinary_short_sentences_are_not_joined() -> None:
    toks = tokenize("He left. I cried.")
    assert len({t.sent for t in toks}) == 2


# ------------------------------------------------------------------ situations


def test_situations_lexicon_loads_with_known_needs() -> None:
    lx = lexicon()
    situations = [e for e in lx.entries if e.kind == "situation"]
    assert len(situations) >= 20
    assert all(e.needs and e.feelings for e in situations)


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("it's all in my head, the appointments, the birthdays, bin day", {"fairness", "support"}),
        ("i pay for everything and he doesnt have a job", {"fairness", "support"}),
        ("she wants my location on so she knows where i am", {"trust", "autonomy"}),
        ("my wife treats me like one of the kids", {"respect", "competence"}),
        ("it's 3am, she's still not home and her phone is off", {"reassurance"}),
        ("i keep saying yes to stuff just to keep the peace", {"autonomy"}),
        ("at home he barely says two words to me", {"connection"}),
        ("he said i was being needy", {"acceptance"}),
        ("my in laws have a key and let themselves in", {"space"}),
        ("my wife doesn't want me to go on the stag do", {"autonomy"}),
        ("she told her sister before she told me, i found out from her", {"honesty"}),
    ],
)
def test_situations_with_no_feeling_word_point_at_needs(text: str, needs: set[str]) -> None:
    assert needs <= top3(text), analyze(text).need_scores


def test_situation_feelings_are_guesses_not_stated() -> None:
    a = analyze("i pay for everything and he doesnt have a job")
    assert a.stated_feelings == ()
    assert "resentful" in a.feelings


def test_negated_situation_is_dropped() -> None:
    assert "trust" not in analyze("he doesn't track my location").needs[:1]
    assert "autonomy" not in analyze("he doesn't track my location").needs


def test_judged_label_wins_over_the_word_inside_it() -> None:
    # "needy" alone would point at space; reported about the speaker it is about acceptance
    a = analyze("he said i was being needy")
    assert "acceptance" in a.needs[:2]
    assert "space" not in a.needs
    assert "smothered" not in a.faux
    assert not a.has_blame


def test_feelings_someone_else_expects_are_not_stated() -> None:
    a = analyze("he thinks i should be grateful")
    assert "grateful" not in a.stated_feelings
    b = analyze("she says i am jealous")
    assert "jealous" not in b.stated_feelings
    assert "grateful" in analyze("I feel grateful for you").stated_feelings


def test_spent_means_tired_only_when_said_of_oneself() -> None:
    assert "exhausted" not in analyze("You spent our holiday money on a bike").feelings
    assert "exhausted" in analyze("I'm completely spent").feelings


def test_sick_of_is_not_about_health() -> None:
    assert "health" not in analyze("I'm sick of making excuses for him").topics
    assert "health" in analyze("the kids are sick and he won't take a day off").topics


def test_spends_is_about_money_only_with_money_words() -> None:
    assert "money" not in analyze("he spends every weekend at his mum's").topics
    assert "money" in analyze("he spends money without telling me").topics


def test_later_topics_weigh_less_than_the_first() -> None:
    a = analyze(
        "He's always late. Dinner reservations, my sister's wedding, picking up the kids."
    )
    assert a.topics[0] == "lateness"
    assert "predictability" in a.needs[:3]


# ------------------------------------------------------------------ blame


@pytest.mark.parametrize(
    "text",
    [
        "ur so lazy its unreal",
        "my bf literally does nothing around the house",
        "My husband criticises everything I do",
        "Nothing is ever good enough",
        "you literally cannot go one day without criticising me",
        "She rolls her eyes whenever I talk about my job",
        "can u just tell me the truth for once",
        "its not about the dishes, its that i have to ask. every. single. time.",
        "are you serious right now?",
        "Are you serious? You forgot her again?",
        "is it too much to ask that you text me",
        "Oh sure, because you're SO busy",
        "must be nice",
        "I swear he has selective hearing",
        "honestly what do you even do all day",
        "what's the point of talking to you",
        "If you actually cared you'd have remembered",
        "why do u always have to make everything about you",
        "He's so tight with money it's embarrassing",
        "Every single time we argue she threatens to leave",
    ],
)
def test_informal_blame_is_found(text: str) -> None:
    assert analyze(text).has_blame, text


@pytest.mark.parametrize(
    "text",
    [
        "every time we visit his parents his mum brings up my weight and he just sits there",
        "your lazy brother came round again",
        "he is so tight with his mates",
        "are you serious about moving? that's amazing",
        "he takes it seriously",
        "my mum always says he's lazy",
        "i'm not saying he's useless",
        "i used to think he was selfish",
        "he never forgets my birthday",
        "she has never once cheated",
        "he always makes me laugh",
        "you always know how to cheer me up",
        "he never hit me",
        "He says he'll stop drinking",
        "our sex life is basically dead and he gets weird about it",
        "I always leave my stuff everywhere",
        "we never go out anymore",
        'he said "you are so lazy" and walked off',
    ],
)
def test_not_blame(text: str) -> None:
    a = analyze(text)
    assert not a.has_blame, [(b.kind, b.text) for b in a.blame]


def test_the_speaker_own_judgement_is_still_blame() -> None:
    assert analyze("I think you're selfish").has_blame


def test_praise_does_not_hide_a_real_absolute() -> None:
    assert analyze("you never listen").has_blame
    assert analyze("you always make me feel stupid").has_blame


# ------------------------------------------------------------------ missed things (lack = true)


@pytest.mark.parametrize(
    ("missed", "present", "need"),
    [
        ("he never asks how i am", "he asks how i am", "consideration"),
        ("he never takes my side", "he takes my side", "support"),
        ("she never wants to go anywhere", "we go anywhere we like", "fun"),
        ("i have no privacy", "we respect each other's privacy", "space"),
        ("my boyfriend won't tell his parents about me", "he told his parents about me",
         "acceptance"),
    ],
)
def test_a_missed_thing_counts_only_when_missing(missed: str, present: str, need: str) -> None:
    assert need in analyze(missed).needs[:3], analyze(missed).need_scores
    assert need not in analyze(present).needs[:1]


def test_never_home_is_about_connection() -> None:
    # connection and consideration both fit; the ranker trained on batches 1-17 puts
    # consideration first by a little
    assert "connection" in analyze("he's never home").needs[:2]


def test_taken_for_a_side_is_about_support() -> None:
    assert "support" in analyze("he lets his mother walk all over me").needs[:3]


def test_intimidation_opens_the_safety_notice() -> None:
    assert analyze("when he's angry he stands really close and blocks the door").safety
    assert not analyze("he stands close to the door at parties").safety


def test_reported_i_is_not_the_subject_of_a_trailing_absolute() -> None:
    assert analyze("he says i'm too sensitive every time i bring something up").has_blame
    assert not analyze("i'm anxious every time she goes out").has_blame


def test_everything_after_a_preposition_is_an_absolute_about_the_partner() -> None:
    assert analyze("she picks at everything I do").has_blame
    assert analyze("he complains about everything").has_blame
    assert not analyze("I complain about everything, I know").has_blame


def test_sarcastic_oh_wait_and_lmao_are_contempt() -> None:
    assert "contempt" in kinds("Thanks for letting me know. Oh wait, you didn't.")
    assert "contempt" in kinds("lmao he really said he'd have helped if I'd asked")
    assert not analyze("oh wait, I forgot the keys").has_blame


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("My husband volunteered us to host Christmas without even mentioning it", "consideration"),
        ("he told me I'd let myself go after the baby", "acceptance"),
        ("when we go to parties he disappears and leaves me standing on my own", "support"),
        ("three days of silence is not space, it's punishment", "connection"),
        ("She keeps threatening to take the kids and leave", "reassurance"),
        ("we never get any time as a couple anymore", "connection"),
        pytest.param(
            "he's always on at me about the house", "acceptance",
            marks=pytest.mark.xfail(strict=True, reason=(
                "the ranker trained on batches 1-75 puts respect, fairness and support first"
                " (acceptance 4th, though the word lists score it highest)"
            )),
        ),
    ],
)
def test_more_situations(text: str, need: str) -> None:
    assert need in analyze(text).needs[:3], analyze(text).need_scores
