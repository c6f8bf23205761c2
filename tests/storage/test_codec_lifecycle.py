"""New fields for agreements over time, check-ins, repairs and profiles: written, read back,
checked with located errors; old files without them still load."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest
import tomli_w
from tests.conftest import T0

from accord.domain import checkin, lifecycle, repair, rules
from accord.domain.model import Boundary, Profile, Step
from accord.storage.codec import SchemaError, session_from_dict, session_to_dict
from accord.storage.couple_codec import profiles_from_dict, profiles_to_dict
from accord.storage.store import Store, UnreadableFile


def round_trip(session):
    data = tomllib.loads(tomli_w.dumps(session_to_dict(session), multiline_strings=True))
    return data, session_from_dict(data)


def test_reviews_links_and_rituals_round_trip(session_factory):
    old = session_factory()
    first, second = old.agreed
    lifecycle.mark_kept(old, second.id, date(2024, 5, 10), "Easy")
    new = lifecycle.start_renegotiation(old, first.id, T0 + timedelta(days=14), why="Too much")
    data, back = round_trip(old)
    assert back == old
    assert data["agreements"][1]["reviews"] == [
        {"on": date(2024, 5, 10), "outcome": "kept", "note": "Easy"}]
    assert data["agreements"][0]["status"] == "renegotiating"
    data, back = round_trip(new)
    assert back == new and data["seeded_from"] == first.id


def test_default_new_fields_are_left_out(session_factory):
    data, _ = round_trip(session_factory())
    for key in ("seeded_from", "meaningful", "friction", "next_checkin", "reviewed", "repair"):
        assert key not in data
    for item in data["agreements"]:
        for key in ("reviews", "replaces", "replaced_by", "kind", "rhythm"):
            assert key not in item


def test_a_checkin_round_trips():
    c = checkin.new_checkin(T0, ("Sam", "Alex"))
    for pid in "ab":
        rules.set_appreciation(c, pid, "Thanks", T0)
    rules.go_to_step(c, Step.REFLECT, T0)
    checkin.set_meaningful(c, "a", "The walk", T0)
    checkin.set_friction(c, "b", "Mornings", T0)
    checkin.set_next_checkin(c, date(2024, 5, 8), T0)
    checkin.add_ritual(c, "Walk", "weekly", T0)
    c.reviewed["20240401-100000-abcd-a1"] = "kept"
    data, back = round_trip(c)
    assert back == c
    assert data["kind"] == "check-in" and data["step"] == "reflect"
    assert data["next_checkin"] == date(2024, 5, 8)
    assert data["agreements"][0]["kind"] == "ritual"
    assert data["agreements"][0]["rhythm"] == "weekly"


def test_a_repair_round_trips():
    r = repair.new_repair(T0, ("Sam", "Alex"), "The party")
    repair.set_repair(r, "a", "feelings", "hurt", T0)
    repair.set_repair(r, "b", "differently", "Call if late", T0)
    data, back = round_trip(r)
    assert back == r
    assert data["repair"] == {"a": {"feelings": "hurt"}, "b": {"differently": "Call if late"}}


def test_new_fields_are_checked_with_locations(session_factory):
    data = session_to_dict(session_factory())
    data["kind"] = "chek-in"
    data["meaningful"] = {"c": "x"}
    data["next_checkin"] = "soon"
    data["reviewed"] = {"x-a1": "kep"}
    data["repair"] = {"a": {"feelings": 3, "mood": "x"}}
    data["agreements"][0]["reviews"] = [{"on": "yesterday", "outcome": "kept", "nte": "x"}]
    data["agreements"][0]["kind"] = "habit"
    data["agreements"][1]["replaces"] = 7
    with pytest.raises(SchemaError) as caught:
        session_from_dict(data)
    problems = caught.value.problems
    assert ("kind: unknown value 'chek-in'; expected one of negotiation, check-in, repair "
            "(did you mean 'check-in'?)") in problems
    assert "meaningful.c: unknown partner; expected 'a' or 'b'" in problems
    assert "next_checkin: expected date (like 2024-05-01), found text" in problems
    assert any(p.startswith("reviewed.x-a1: unknown value 'kep'") for p in problems)
    assert "repair.a.feelings: expected text, found integer" in problems
    assert "repair.a.mood: unknown key" in problems
    assert "agreements[0].reviews[0].on: expected date (like 2024-05-01), found text" in problems
    assert "agreements[0].reviews[0].nte: unknown key (did you mean 'note'?)" in problems
    assert any(p.startswith("agreements[0].kind: unknown value 'habit'") for p in problems)
    assert "agreements[1].replaces: expected text, found integer" in problems


def test_a_step_must_belong_to_the_kind(session_factory):
    data = session_to_dict(session_factory())
    data["step"] = "feelings"
    with pytest.raises(SchemaError, match="step: unknown value 'feelings'; expected one of "
                                          "setup, prepare, talk, sort, agree, close, done"):
        session_from_dict(data)
    data["kind"] = "repair"
    assert session_from_dict(data).step == Step.FEELINGS


def test_an_old_file_without_new_fields_loads(session_factory):
    data = session_to_dict(session_factory())
    del data["kind"]
    session = session_from_dict(data)
    assert session.kind == "negotiation" and session.repair == {}
    assert all(a.reviews == [] and a.kind == "agreement" for a in session.agreements)


# -- profiles ----------------------------------------------------------------------------


PROFILES = [
    Profile("Sam", ["rest after work", "honesty"],
            [Boundary("no shouting", "I leave the room"), Boundary("tidy desk")], "a walk"),
    Profile("Alex", [], [], ""),
]


def test_profiles_round_trip_and_drop_empty_fields():
    data = tomllib.loads(tomli_w.dumps(profiles_to_dict(PROFILES)))
    assert data["profiles"][1] == {"name": "Alex"}
    assert data["profiles"][0]["boundaries"][1] == {"text": "tidy desk"}
    assert profiles_from_dict(data) == PROFILES
    assert profiles_from_dict({"schema": 1}) == []


def test_bad_profiles_are_reported_with_locations():
    data = profiles_to_dict(PROFILES)
    data["profiles"][0]["core_needs"] = ["rest", 3]
    data["profiles"][0]["boundaries"][0]["enforce"] = "x"
    data["profiles"][1]["name"] = "sam"
    data["profiles"][1]["calm"] = "tea"
    with pytest.raises(SchemaError) as caught:
        profiles_from_dict(data)
    assert sorted(caught.value.problems) == [
        "profiles[0].boundaries[0].enforce: unknown key (did you mean 'enforcement'?)",
        "profiles[0].core_needs: expected a list of text, found integer in it",
        "profiles[1].calm: unknown key (did you mean 'calming'?)",
        "profiles[1].name: 'sam' has another profile too",
    ]


def test_store_saves_profiles_privately_and_never_overwrites_a_bad_file(store):
    assert store.load_profiles() == []
    path = store.save_profiles(PROFILES)
    assert path.name == "profiles.toml" and path.stat().st_mode & 0o777 == 0o600
    assert Store(store.root).load_profiles() == PROFILES
    path.write_text("schema = 1\nprofiles = 3\n", encoding="utf-8")
    fresh = Store(store.root)
    with pytest.raises(UnreadableFile, match="profiles.toml"):
        fresh.load_profiles()
    with pytest.raises(UnreadableFile, match="not overwritten"):
        fresh.save_profiles(PROFILES)
    assert path.read_text(encoding="utf-8") == "schema = 1\nprofiles = 3\n"
