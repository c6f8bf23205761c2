"""Check-in and repair sessions, step by step with the real rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.conftest import T0

from accord.domain import checkin, lifecycle, repair, rules
from accord.domain.model import AgreementStatus, Landed, Status, Step
from accord.domain.rules import RuleError
from accord.domain.session import Settings

NAMES = ("Sam", "Alex")


# -- check-in ----------------------------------------------------------------------------


def test_checkin_starts_at_appreciate_and_needs_one_appreciation_each():
    c = checkin.new_checkin(T0, NAMES)
    assert c.kind == "check-in" and c.step == Step.APPRECIATE and c.topic == "Check-in"
    rules.set_appreciation(c, "a", "You made tea.", T0)
    with pytest.raises(RuleError, match="One appreciation from each"):
        rules.go_to_step(c, Step.REVIEW, T0)
    rules.set_appreciation(c, "b", "You listened.", T0)
    rules.go_to_step(c, Step.REVIEW, T0)
    assert c.step == Step.REVIEW


def test_checkin_cannot_skip_appreciations_or_close():
    c = checkin.new_checkin(T0, NAMES)
    with pytest.raises(RuleError):
        rules.go_to_step(c, Step.PLAN, T0)
    for pid in "ab":
        rules.set_appreciation(c, pid, "Thanks", T0)
    rules.go_to_step(c, Step.PLAN, T0)  # review, reflect and talk may be skipped
    with pytest.raises(RuleError):
        rules.go_to_step(c, Step.DONE, T0)


def test_full_checkin(session_factory):
    old = session_factory()
    first, second = old.agreed
    now = T0 + timedelta(days=15)  # both reviews are due
    c = checkin.new_checkin(now, NAMES)
    for pid, text in (("a", "The Sunday walk"), ("b", "Tea in bed")):
        rules.set_appreciation(c, pid, text, now)
    rules.go_to_step(c, Step.REVIEW, now)
    due = checkin.to_review(c, [old], now)
    assert [d.agreement for d in due] == [second, first]
    assert checkin.record_review(c, old, second.id, "kept", now, "Nice") is None
    renegotiation = checkin.record_review(c, old, first.id, "adjusted", now, "Too much")
    assert renegotiation is not None and renegotiation.status == Status.PAUSED
    assert renegotiation.seeded_from == first.id
    assert c.reviewed == {second.id: "kept", first.id: "adjusted"}
    assert second.status == AgreementStatus.KEPT and first.status == AgreementStatus.RENEGOTIATING
    assert checkin.to_review(c, [old], now) == []

    rules.go_to_step(c, Step.REFLECT, now)
    checkin.set_meaningful(c, "a", "  Our talk on Friday ", now)
    checkin.set_friction(c, "b", "Mornings are rushed", now)
    checkin.set_friction(c, "a", "", now)
    assert c.meaningful == {"a": "Our talk on Friday"}
    assert c.friction == {"b": "Mornings are rushed"}

    rules.go_to_step(c, Step.TALK, now)  # one issue through the floor, as in a negotiation
    rules.yield_floor(c, "I'd like slower mornings.", now + timedelta(minutes=1))
    rules.reflect(c, "You want slower mornings.", now + timedelta(minutes=2))
    rules.answer(c, Landed.YES, now + timedelta(minutes=3))

    rules.go_to_step(c, Step.PLAN, now + timedelta(minutes=5))
    with pytest.raises(RuleError, match="after today"):
        checkin.set_next_checkin(c, now.date(), now)
    checkin.set_next_checkin(c, lifecycle.checkin_date_after(now.date()), now)
    walk = checkin.add_ritual(c, "A walk after dinner", "Weekly", now, who="both")
    note = checkin.add_ritual(c, "A morning intention", "each workday", now)
    assert walk.kind == "ritual" and walk.rhythm == "weekly"
    assert note.rhythm == "each workday"
    assert walk.issue_id == note.issue_id  # one "Rituals" issue
    with pytest.raises(RuleError, match="how often"):
        checkin.add_ritual(c, "Something", " ", now)

    rules.go_to_step(c, Step.CLOSE, now + timedelta(minutes=6))
    for pid in "ab":
        rules.confirm(c, walk.id, pid, now)
    agreed = rules.close_session(c, now + timedelta(minutes=7))
    assert agreed == [walk] and c.status == Status.CLOSED
    assert checkin.rituals(c) == [walk, note]
    assert lifecycle.next_occurrence(walk, now.date() + timedelta(days=3)) == \
        now.date() + timedelta(days=7)
    with pytest.raises(RuleError, match="closed"):
        checkin.set_meaningful(c, "a", "late", now)


def test_checkin_rules_refuse_other_kinds(session_factory):
    s = session_factory(closed=False)
    with pytest.raises(RuleError, match="check-in"):
        checkin.set_meaningful(s, "a", "x", T0)


# -- repair ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hurt because you left", "angry since you said that", "sad when you walked out",
    "Upset cuz of the noise", "hurt that you laughed",
])
def test_feelings_with_reasons_get_a_gentle_hint(text):
    assert repair.feelings_hint(text) == repair.FEELINGS_ONLY


@pytest.mark.parametrize("text", ["hurt, lonely", "scared and small", "Tired. Sad."])
def test_plain_feelings_pass(text):
    assert repair.feelings_hint(text) is None


def test_full_repair():
    r = repair.new_repair(T0, NAMES, "Saturday's argument about the party")
    assert r.kind == "repair" and r.step == Step.FEELINGS
    with pytest.raises(RuleError, match="without the because"):
        repair.set_repair(r, "a", "feelings", "hurt because you left", T0)
    assert r.repair.get("a") is None or r.repair["a"].feelings == ""
    repair.set_repair(r, "a", "feelings", "hurt, lonely", T0)
    with pytest.raises(RuleError, match="feeling"):
        rules.go_to_step(r, Step.ACCOUNTS, T0)
    repair.set_repair(r, "b", "feelings", "embarrassed", T0)
    rules.go_to_step(r, Step.ACCOUNTS, T0)

    repair.set_repair(r, "a", "account", "I felt left alone at the party.", T0)
    repair.set_repair(r, "b", "account", "I thought you were fine.", T0)
    repair.set_repair(r, "b", "reflected", "You thought I was fine.", T0)
    with pytest.raises(RuleError, match="Reflect"):
        rules.go_to_step(r, Step.TRIGGERS, T0)
    repair.set_repair(r, "a", "reflected", "You felt left alone.", T0)
    rules.go_to_step(r, Step.TRIGGERS, T0)
    repair.set_repair(r, "a", "trigger", "Being left in a crowd", T0)
    rules.go_to_step(r, Step.OWN, T0)
    repair.set_repair(r, "b", "owns", "I didn't check in with you.", T0)
    rules.go_to_step(r, Step.DIFFERENTLY, T0)
    repair.set_repair(r, "b", "differently", "Check in with Sam every hour at parties", T0)
    with pytest.raises(RuleError, match="first"):
        repair.differently_to_agreement(r, "a", T0)
    item = repair.differently_to_agreement(r, "b", T0)
    assert repair.differently_to_agreement(r, "b", T0) is item
    assert item.who == "Alex" and item.what == "Check in with Sam every hour at parties"
    assert r.issue(item.issue_id).layer == 3

    rules.go_to_step(r, Step.CLOSE, T0)
    for pid in "ab":
        rules.confirm(r, item.id, pid, T0)
    assert rules.close_session(r, T0 + timedelta(hours=1)) == [item]
    assert r.repair["a"].trigger == "Being left in a crowd"
    assert r.repair["b"].owns == "I didn't check in with you."
    with pytest.raises(KeyError):
        repair.set_repair(repair.new_repair(T0, NAMES, "x"), "a", "nonsense", "x", T0)


def test_repair_accounts_cannot_be_skipped():
    r = repair.new_repair(T0, NAMES, "The party")
    for pid in "ab":
        repair.set_repair(r, pid, "feelings", "sad", T0)
    with pytest.raises(RuleError, match="accounts step can't be skipped"):
        rules.go_to_step(r, Step.OWN, T0)


def test_kinds_are_checked():
    with pytest.raises(ValueError):
        rules.new_session(T0, NAMES, "x", kind="brunch")
    assert checkin.new_checkin(T0, NAMES).next_checkin is None
    assert lifecycle.checkin_date_after(date(2024, 5, 1)) == date(2024, 5, 8)


def test_where_we_left_off_names_the_kind_and_step():
    from accord.domain.summary import where_we_left_off

    c = checkin.new_checkin(T0, NAMES)
    rules.pause(c, T0)
    assert where_we_left_off(c) == "Check-in: sharing appreciations."
    r = repair.new_repair(T0, NAMES, "The party")
    assert where_we_left_off(r) == "Repair: naming how each of you felt."


def test_without_a_transcript_only_agreements_and_appreciations_stay():
    r = repair.new_repair(T0, NAMES, "The party", settings=Settings(keep_transcript=False))
    for pid in "ab":
        repair.set_repair(r, pid, "feelings", "sad", T0)
    repair.set_repair(r, "a", "differently", "Call when I'm late", T0)
    item = repair.differently_to_agreement(r, "a", T0)
    rules.go_to_step(r, Step.ACCOUNTS, T0)
    for pid in "ab":
        repair.set_repair(r, pid, "account", "what happened", T0)
        repair.set_repair(r, pid, "reflected", "what you heard", T0)
    rules.go_to_step(r, Step.CLOSE, T0)
    for pid in "ab":
        rules.confirm(r, item.id, pid, T0)
    rules.set_appreciation(r, "a", "Thanks", T0)
    rules.close_session(r, T0)
    assert r.repair == {} and r.transcript_removed
    assert r.agreed == [item] and r.appreciations == {"a": "Thanks"}
    c = checkin.new_checkin(T0, NAMES, settings=Settings(keep_transcript=False))
    for pid in "ab":
        rules.set_appreciation(c, pid, "Thanks", T0)
    checkin.set_meaningful(c, "a", "The walk", T0)
    checkin.set_friction(c, "b", "Mornings", T0)
    rules.go_to_step(c, Step.CLOSE, T0)
    rules.close_session(c, T0)
    assert c.meaningful == {} and c.friction == {}
