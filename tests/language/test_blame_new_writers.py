"""Blame as newer writers phrase it: superlative put-downs, being treated as staff or a thing,
coming second to a hobby, mock politeness and sarcasm, rhetorical jabs, "doesn't even cover
it". Each class has guards: a quoted word, a feeling about oneself, a request, praise, "we"."""

from __future__ import annotations

import pytest
from tests.language.rules_found import rule_kinds

from accord.language import analyze, coaching_hint


@pytest.mark.parametrize(
    "text, kind",
    [
        # superlative put-downs
        ("Honestly she is the most stubborn person alive.", "character"),
        ("my husband is the least affectionate man on the planet", "character"),
        ("He's forty and the most boring human I have ever met.", "character"),
        # the speaker comes second to a thing
        ("You care more about your phone than about me.", "character"),
        ("I come a distant second to his golf clubs.", "character"),
        ("he's married to that xbox, not me", "character"),
        ("You married your job.", "character"),
        # treated as staff or a thing
        ("You said 'out'. Like I'm your landlady.", "character"),
        ("your family treats me like the hired help and you just sit there", "character"),
        ("She books everything and tells me after, like my opinion is decoration.", "character"),
        ("Stop acting like my job is a hobby.", "character"),
        ("and then you act like I'm the bad guy for asking", "character"),
        # insult said with "doesn't even cover it", "to the bone"
        ("Lazy doesn't even begin to cover it.", "contempt"),
        ("selfish doesnt even cover it", "contempt"),
        ("Selfish to the bone, that man.", "character"),
        # mock politeness and sarcasm
        ("Oh no, don't get up. I'll carry it all in myself.", "contempt"),
        ("Ninety minutes late and dinner's in the bin. Cheers for that.", "contempt"),
        ("Why would you ask me, I only live here.", "contempt"),
        ("Nice to know I'm just a good story to your friends.", "contempt"),
        ("Funny how that works.", "contempt"),
        ("You put it in the machine. Truly heroic work.", "contempt"),
        ("Real husband material, that one.", "contempt"),
        ("Go and meet your ex for lunch. I'm sure it's completely innocent.", "contempt"),
        # rhetorical jabs and put-downs
        ("You call that tidying? A toddler would do a better job.", "contempt"),
        ("What exactly did you think you'd find in my bag?", "contempt"),
        ("I don't know why I bother telling you anything.", "contempt"),
        ("Sort yourself out before you lecture me.", "contempt"),
        # new wordings of "you never" / "you don't care"
        ("You've been home all week and you haven't lifted a finger.", "character"),
        ("You just do whatever's easier for you.", "character"),
        ("you don't listen, you just wait to talk", "character"),
        ("You don't get to make fun of my faith and call it banter.", "character"),
        ("Like every promise you make, that lasted a week.", "character"),
        ("he drove like a maniac the whole way home", "character"),
    ],
)
def test_new_wordings_are_blame(text: str, kind: str) -> None:
    assert kind in rule_kinds(text), analyze(text).blame


@pytest.mark.parametrize(
    "text",
    [
        # a quoted insult or phrase is the partner's word, not the speaker's attack
        "He said I was 'the most stubborn person alive' and laughed.",
        'She calls it "cheers for that" when I do the bins.',
        # praise with a superlative
        "My husband is the most patient man alive.",
        "She is the most caring person on earth.",
        # a feeling about oneself
        "I feel like my opinion doesn't count when we plan trips.",
        "I care more about us than about the money.",
        # a request
        "I'm asking you calmly to stop calling me 'sweetheart' when we disagree.",
        "Could you stop treating the spare room like storage?",
        # "we" and the speaker
        "We both drive like maniacs when we're late.",
        "I haven't lifted a finger in the garden this year, I know.",
        "nobody asked me to stop seeing my friends, it just happened",
    ],
)
def test_guards_are_not_blame(text: str) -> None:
    assert rule_kinds(text) == set(), analyze(text).blame


@pytest.mark.parametrize(
    "text",
    [
        "Honestly she is the most stubborn person alive.",
        "Oh no, don't get up. I'll carry it all in myself.",
        "You said 'out'. Like I'm your landlady.",
        "Lazy doesn't even begin to cover it.",
    ],
)
def test_new_kinds_get_a_kind_hint(text: str) -> None:
    hint = coaching_hint(analyze(text))
    assert hint is not None
    assert "You could try" in hint
    lowered = hint.lower()
    for harsh in ("stop", "wrong", "don't say", "must"):
        assert harsh not in lowered
