"""The session rules, without any screen: floor passing, time-outs, layers, confirmation."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from accord.domain import rules
from accord.domain.model import AgreementStatus, Landed, Layer, Phase, Status, Step
from accord.domain.session import Settings
from accord.domain.summary import where_we_left_off

T0 = datetime(2026, 3, 2, 19, 30, tzinfo=timezone(timedelta(hours=-5)))


def at(minutes: float = 0, seconds: float = 0) -> datetime:
    return T0 + timedelta(minutes=minutes, seconds=seconds)


@pytest.fixture
def talking():
    session = rules.new_session(T0, ("Sam", "Alex"), "weekends")
    rules.go_to_step(session, Step.TALK, T0)
    return session


# -- set up ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names, topic, message",
    [
        (("", "Alex"), "money", "Both partners need a name"),
        (("Sam", "  "), "money", "Both partners need a name"),
        (("Sam", "sam"), "money", "different"),
        (("Sam", "Alex"), "   ", "topic"),
    ],
)
def test_set_up_refuses_what_would_confuse(names, topic, message):
    with pytest.raises(rules.RuleError, match=message):
        rules.new_session(T0, names, topic)


def test_set_up_starts_at_prepare_with_the_chosen_starter():
    session = rules.new_session(T0, (" Sam ", "Alex"), " money ", starter="b")
    assert session.step == Step.PREPARE
    assert session.floor.holder == "b"
    assert session.name("a") == "Sam" and session.topic == "money"
    assert session.settings.turn_seconds == 120 and session.settings.timeout_minutes == 20


@pytest.mark.parametrize("minutes", [0, 19, 24 * 60 + 1])
def test_time_out_length_must_be_between_twenty_minutes_and_a_day(minutes):
    with pytest.raises(rules.RuleError):
        rules.new_session(T0, ("Sam", "Alex"), "x", settings=Settings(timeout_minutes=minutes))


def test_ids_never_come_from_typed_text():
    session = rules.new_session(T0, ("Sam", "Alex"), "../../etc/passwd")
    assert "/" not in session.id and ".." not in session.id
    assert session.id.startswith("20260302-193000-")


# -- steps -------------------------------------------------------------------------------


def test_talk_and_close_cannot_be_skipped():
    session = rules.new_session(T0, ("Sam", "Alex"), "x")
    with pytest.raises(rules.RuleError, match="talk"):
        rules.go_to_step(session, Step.SORT, T0)
    rules.go_to_step(session, Step.TALK, T0)
    rules.go_to_step(session, Step.CLOSE, T0)  # sort and agree may be skipped
    assert session.step == Step.CLOSE
    with pytest.raises(rules.RuleError):
        rules.go_to_step(session, Step.DONE, T0)


# -- the floor ---------------------------------------------------------------------------


def test_the_floor_passes_only_when_the_reflection_landed(talking):
    rules.yield_floor(talking, "I feel lonely on Sundays", at(1))
    assert talking.floor.phase == Phase.REFLECTING
    rules.reflect(talking, "You feel lonely", at(2))
    rules.answer(talking, Landed.NO, at(3))
    assert (talking.floor.holder, talking.floor.phase) == ("a", Phase.REFLECTING)
    rules.reflect(talking, "You miss time with me on Sundays", at(4))
    rules.answer(talking, Landed.PARTLY, at(5))
    assert (talking.floor.holder, talking.floor.phase) == ("a", Phase.SPEAKING)
    rules.yield_floor(talking, "And I need us to plan one thing together", at(6))
    rules.reflect(talking, "", at(7), said_aloud=True)
    rules.answer(talking, Landed.YES, at(8))
    assert (talking.floor.holder, talking.floor.phase) == ("b", Phase.SPEAKING)
    turn = talking.turns[0]
    assert [s.text for s in turn.statements] == [
        "I feel lonely on Sundays", "And I need us to plan one thing together"]
    assert [r.landed for r in turn.reflections] == [Landed.NO, Landed.PARTLY, Landed.YES]
    assert turn.passed == at(8)
    rules.yield_floor(talking, "I'd like that too", at(9))
    assert talking.turns[1].started == at(8)  # the moment the floor passed


def test_speaking_time_counts_only_the_speaker_and_not_the_time_out(talking):
    rules.call_timeout(talking, "b", 20, at(1))  # a minute into Sam's turn
    rules.end_timeout(talking, at(25))
    rules.yield_floor(talking, "I want a quiet morning", at(25, 30))
    assert talking.turns[0].statements[0].seconds == 90
    assert talking.turns[0].started == T0  # the turn began before the time-out
    assert talking.talk_seconds() == {"a": 90, "b": 0}


def test_the_speaker_may_move_on_only_after_two_tries(talking):
    rules.yield_floor(talking, "I need more sleep", at(1))
    rules.reflect(talking, "You are angry", at(2))
    assert not rules.can_move_on(talking)
    rules.answer(talking, Landed.NO, at(3))
    with pytest.raises(rules.RuleError):
        rules.move_on(talking, at(3))
    rules.reflect(talking, "You are upset", at(4))
    rules.answer(talking, Landed.NO, at(5))
    assert rules.can_move_on(talking)
    rules.move_on(talking, at(6))
    assert talking.floor.holder == "b"


def test_yielding_needs_words_and_the_right_phase(talking):
    with pytest.raises(rules.RuleError):
        rules.yield_floor(talking, "   ", at(1))
    with pytest.raises(rules.RuleError):
        rules.reflect(talking, "you feel", at(1))
    with pytest.raises(rules.RuleError):
        rules.answer(talking, Landed.YES, at(1))
    rules.yield_floor(talking, "I feel tired", at(1))
    with pytest.raises(rules.RuleError, match="say it aloud"):
        rules.reflect(talking, "", at(2))


# -- time-outs ---------------------------------------------------------------------------


def test_a_time_out_is_recorded_and_nobody_talks_during_it(talking):
    timeout = rules.call_timeout(talking, "a", 30, at(2))
    assert timeout.planned_return == at(32)
    with pytest.raises(rules.RuleError, match="time-out"):
        rules.yield_floor(talking, "one last thing", at(3))
    with pytest.raises(rules.RuleError, match="already"):
        rules.call_timeout(talking, "b", 20, at(3))
    rules.extend_timeout(talking, 15, at(32))
    assert timeout.planned_return == at(47) and timeout.extra_minutes == 15
    rules.end_timeout(talking, at(47), pause_session=True)
    assert timeout.actual_return == at(47) and timeout.outcome == "paused"
    assert talking.status == Status.PAUSED


@pytest.mark.parametrize("minutes", [5, 19, 24 * 60 + 1])
def test_time_out_bounds(talking, minutes):
    with pytest.raises(rules.RuleError):
        rules.call_timeout(talking, "a", minutes, T0)


def test_extra_time_cannot_stretch_a_time_out_past_a_day(talking):
    rules.call_timeout(talking, "a", 23 * 60, T0)
    with pytest.raises(rules.RuleError, match="24 hours"):
        rules.extend_timeout(talking, 61, at(23 * 60))
    rules.extend_timeout(talking, 60, at(23 * 60))


# -- pause and resume --------------------------------------------------------------------


def test_pause_and_resume_keep_the_floor_and_the_clock(talking):
    rules.save_draft(talking, "half a thought", at(0, 30))
    rules.pause(talking, at(1))
    assert talking.status == Status.PAUSED and talking.floor.banked == 60
    rules.resume(talking, at(600))
    assert talking.status == Status.ACTIVE
    assert talking.floor.elapsed(at(600, 10)) == 70
    assert talking.floor.draft == "half a thought"
    assert "Sam has the floor" in where_we_left_off(talking)


# -- layers and agreements ---------------------------------------------------------------


def sorted_session():
    session = rules.new_session(T0, ("Sam", "Alex"), "home")
    rules.go_to_step(session, Step.TALK, T0)
    rules.go_to_step(session, Step.SORT, T0)
    core = rules.add_issue(session, "Feeling safe to speak", T0)
    way = rules.add_issue(session, "Early bird and night owl", T0)
    chores = rules.add_issue(session, "Laundry", T0)
    rules.set_layer(session, core.id, Layer.FOUNDATION, T0)
    rules.set_layer(session, way.id, Layer.TEMPERAMENT, T0)
    rules.set_layer(session, chores.id, Layer.NEGOTIABLE, T0)
    return session, core, way, chores


@pytest.mark.parametrize("which", ["core", "way"])
def test_only_negotiable_issues_become_agreements(which):
    session, core, way, _ = sorted_session()
    issue = {"core": core, "way": way}[which]
    with pytest.raises(rules.RuleError, match="not bargained"):
        rules.add_agreement(session, issue.id, "Sam will stop needing this", T0)
    assert session.agreements == []


def test_an_issue_with_agreements_cannot_leave_the_negotiable_layer():
    session, _, _, chores = sorted_session()
    rules.add_agreement(session, chores.id, "Alex folds on Sundays", T0)
    with pytest.raises(rules.RuleError):
        rules.set_layer(session, chores.id, Layer.FOUNDATION, T0)
    with pytest.raises(rules.RuleError):
        rules.remove_issue(session, chores.id, T0)


def test_duplicate_issues_are_refused_whatever_the_case():
    session, *_ = sorted_session()
    with pytest.raises(rules.RuleError, match="already"):
        rules.add_issue(session, "laundry", T0)


def test_agreement_defaults_review_in_two_weeks():
    session, _, _, chores = sorted_session()
    item = rules.add_agreement(session, chores.id, "Alex folds on Sundays", T0)
    assert item.starts == date(2026, 3, 2)
    assert item.review_on == date(2026, 3, 16)
    with pytest.raises(rules.RuleError, match="after the start"):
        rules.add_agreement(session, chores.id, "x", T0, starts=date(2026, 3, 10),
                            review_on=date(2026, 3, 9))


def test_editing_an_agreement_clears_its_confirmations():
    session, _, _, chores = sorted_session()
    item = rules.add_agreement(session, chores.id, "Alex folds on Sundays", T0)
    rules.confirm(session, item.id, "a", T0)
    rules.confirm(session, item.id, "b", T0)
    assert item.confirmed_by_both
    rules.edit_agreement(session, item.id, T0, what="Alex folds on Saturdays")
    assert item.confirmed_by == []


def test_only_what_both_confirmed_is_agreed_at_close():
    session, _, _, chores = sorted_session()
    both = rules.add_agreement(session, chores.id, "Alex folds on Sundays", T0)
    one = rules.add_agreement(session, chores.id, "Sam irons shirts", T0)
    rules.confirm(session, both.id, "a", T0)
    rules.confirm(session, both.id, "b", T0)
    rules.confirm(session, one.id, "a", T0)
    rules.confirm(session, one.id, "b", T0)
    rules.confirm(session, one.id, "b", T0, yes=False)  # Alex takes it back
    with pytest.raises(rules.RuleError, match="close step"):
        rules.close_session(session, at(5))
    rules.go_to_step(session, Step.CLOSE, at(5))
    agreed = rules.close_session(session, at(6))
    assert agreed == [both]
    assert both.status == AgreementStatus.ACTIVE
    assert one.status == AgreementStatus.DRAFT
    assert session.status == Status.CLOSED and session.step == Step.DONE
    assert session.agreed == [both]


def test_closing_without_the_transcript_keeps_only_the_agreements(talking):
    talking.settings.keep_transcript = False
    rules.yield_floor(talking, "I feel unseen", at(1))
    rules.reflect(talking, "You feel unseen", at(2))
    rules.answer(talking, Landed.YES, at(3))
    rules.go_to_step(talking, Step.CLOSE, at(4))
    rules.close_session(talking, at(5))
    statement = talking.turns[0].statements[0]
    assert statement.text == "" and statement.seconds == 60
    assert talking.turns[0].reflections[0].text == ""
    assert talking.transcript_removed


def test_plural_counts():
    from accord.domain.summary import plural

    assert [plural(n, "turn") for n in (0, 1, 2)] == ["0 turns", "1 turn", "2 turns"]
