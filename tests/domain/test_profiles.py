"""Needs and boundaries profiles: matching issues for Sort, and feeding Prepare."""

from __future__ import annotations

import pytest

from accord.domain import profiles
from accord.domain.model import Boundary, Layer, Profile
from accord.domain.rules import RuleError
from accord.domain.session import Preparation

SAM = Profile("Sam", ["rest after work", "honesty"],
              [Boundary("no shouting", "I leave the room")], "a walk")
ALEX = Profile("Alex", ["time with friends"], [Boundary("my phone is private")], "")


@pytest.mark.parametrize(("title", "expected"), [
    ("Shouting during arguments", [("Sam", "boundary", "no shouting")]),
    ("Resting when I get home", [("Sam", "need", "rest after work")]),
    ("Reading my phone", [("Alex", "boundary", "my phone is private")]),
    ("Weekends with friends", [("Alex", "need", "time with friends")]),
    ("Who does the dishes", []),
    ("", []),
])
def test_matches(title, expected):
    found = profiles.matches(title, [SAM, ALEX])
    assert [(m.name, m.kind, m.text) for m in found] == expected


def test_suggest_layer_one_only_for_a_match():
    assert profiles.suggest_layer("No more shouting", [SAM]) == Layer.FOUNDATION
    assert profiles.suggest_layer("The dishes", [SAM]) is None


def test_common_words_do_not_match():
    assert profiles.matches("What we want to do about the time", [SAM]) == []


def test_make_profile_tidies_and_needs_a_name():
    p = profiles.make_profile(" Sam ", ["rest", "", "Rest", "honesty"],
                              [("no shouting", " I leave "), ("", "x"), ("No shouting", "")],
                              " tea ")
    assert p == Profile("Sam", ["rest", "honesty"], [Boundary("no shouting", "I leave")], "tea")
    with pytest.raises(RuleError):
        profiles.make_profile("  ")


def test_put_and_find_profiles():
    found = profiles.put_profile([SAM, ALEX], Profile("sam", ["quiet"]))
    assert [p.name for p in found] == ["Alex", "sam"]
    assert profiles.profile_for(found, "SAM ").core_needs == ["quiet"]
    assert profiles.profile_for(found, "Kim") is None


def test_prepare_starts_from_the_profile_and_can_update_it():
    prep = profiles.preparation_from(SAM)
    assert prep.need == "rest after work; honesty"
    assert prep.boundaries == SAM.boundaries and prep.boundaries[0] is not SAM.boundaries[0]
    assert profiles.preparation_from(None) == Preparation()
    updated = profiles.update_from_preparation(
        SAM, Preparation("honesty; to be asked first", [Boundary("no phones at dinner", "")]))
    assert updated.core_needs == ["rest after work", "honesty", "to be asked first"]
    assert [b.text for b in updated.boundaries] == ["no shouting", "no phones at dinner"]
    assert updated.boundaries[1].is_preference
