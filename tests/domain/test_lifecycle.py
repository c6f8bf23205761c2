"""Agreements over time: status transitions, reviews, renegotiation links, due dates, rituals."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import T0

from accord.domain import lifecycle, rules
from accord.domain.model import STEP_ORDER, AgreementStatus, Layer, Status, Step, steps_for
from accord.domain.rules import SEEDED_ISSUE_ID, RuleError
from accord.domain.session import Agreement, Review

S = AgreementStatus
DAY = T0.date()


def closed(session_factory):
    s = session_factory()
    first, second = s.agreed
    return s, first, second


# -- transitions -------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "allowed"), [
    (S.DRAFT, S.ACTIVE, True),
    (S.DRAFT, S.KEPT, False),
    (S.ACTIVE, S.KEPT, True),
    (S.ACTIVE, S.RETIRED, True),
    (S.ACTIVE, S.RENEGOTIATING, True),
    (S.ACTIVE, S.DRAFT, False),
    (S.KEPT, S.KEPT, True),
    (S.KEPT, S.RENEGOTIATING, True),
    (S.RENEGOTIATING, S.KEPT, False),
    (S.RENEGOTIATING, S.RETIRED, True),
    (S.RENEGOTIATING, S.ACTIVE, True),
    (S.RETIRED, S.KEPT, False),
    (S.RETIRED, S.ACTIVE, False),
    (S.RETIRED, S.RENEGOTIATING, False),
])
def test_transition_table(old, new, allowed):
    assert lifecycle.can_change(old, new) is allowed


def test_every_status_has_a_transition_entry():
    assert set(lifecycle.TRANSITIONS) == set(S)


def test_mark_kept_adds_a_review_and_moves_the_review_date(session_factory):
    s, first, _ = closed(session_factory)
    today = date(2024, 5, 15)
    lifecycle.mark_kept(s, first.id, today, "  Worked every day  ")
    assert first.status == S.KEPT
    assert first.reviews == [Review(on=today, outcome="kept", note="Worked every day")]
    assert first.review_on == today + timedelta(days=lifecycle.KEPT_REVIEW_DAYS)
    lifecycle.mark_kept(s, first.id, date(2024, 6, 20), next_review=date(2024, 9, 1))
    assert [r.on for r in first.reviews] == [today, date(2024, 6, 20)]  # added, not rewritten
    assert first.review_on == date(2024, 9, 1)


def test_mark_kept_with_a_datetime_touches_the_session(session_factory):
    s, first, _ = closed(session_factory)
    later = T0 + timedelta(days=20)
    lifecycle.mark_kept(s, first.id, later)
    assert s.updated == later
    assert first.reviews[0].on == later.date()


def test_next_review_must_be_after_today(session_factory):
    s, first, _ = closed(session_factory)
    with pytest.raises(RuleError, match="after today"):
        lifecycle.mark_kept(s, first.id, DAY, next_review=DAY)
    assert first.reviews == [] and first.status == S.ACTIVE


def test_retire_needs_a_reason_and_is_final(session_factory):
    s, first, _ = closed(session_factory)
    with pytest.raises(RuleError, match="why"):
        lifecycle.retire(s, first.id, DAY, "   ")
    lifecycle.retire(s, first.id, DAY, "We bought a dishwasher")
    assert first.status == S.RETIRED
    assert first.reviews[-1] == Review(on=DAY, outcome="retired", note="We bought a dishwasher")
    with pytest.raises(RuleError, match="retired"):
        lifecycle.mark_kept(s, first.id, DAY)
    with pytest.raises(RuleError, match="retired"):
        lifecycle.start_renegotiation(s, first.id, T0)
    assert len(first.reviews) == 1


def test_a_draft_cannot_be_reviewed(session_factory):
    s = session_factory()
    draft = next(a for a in s.agreements if a.status == S.DRAFT)
    with pytest.raises(RuleError, match="never confirmed"):
        lifecycle.mark_kept(s, draft.id, DAY)


# -- renegotiation -----------------------------------------------------------------------


def test_start_renegotiation_seeds_a_new_session(session_factory):
    s, first, _ = closed(session_factory)
    now = T0 + timedelta(days=14)
    new = lifecycle.start_renegotiation(s, first.id, now, why="Weekdays are too much")
    assert first.status == S.RENEGOTIATING
    assert first.reviews == [Review(on=now.date(), outcome="adjusted",
                                    note="Weekdays are too much")]
    assert new.kind == "negotiation" and new.step == Step.PREPARE
    assert new.seeded_from == first.id
    assert new.id != s.id and new.created == now
    assert [p.name for p in new.partners.values()] == ["Sam", "Alex"]
    assert new.topic == "Who does the dishes"  # the issue the agreement settled
    seeded = lifecycle.seeded_issue(new)
    assert seeded is not None and seeded.id == SEEDED_ISSUE_ID
    assert seeded.title == first.what and seeded.layer == Layer.NEGOTIABLE
    with pytest.raises(RuleError, match="renegotiate"):
        rules.remove_issue(new, seeded.id, now)


def _agree_on_seed(new, now, what="Sam washes up Mon-Wed"):
    rules.go_to_step(new, Step.TALK, now)
    rules.go_to_step(new, Step.AGREE, now)
    item = rules.add_agreement(new, SEEDED_ISSUE_ID, what, now)
    rules.go_to_step(new, Step.CLOSE, now)
    for pid in ("a", "b"):
        rules.confirm(new, item.id, pid, now)
    rules.close_session(new, now)
    return item


def test_renegotiation_links_old_and_new_both_ways(session_factory):
    s, first, _ = closed(session_factory)
    now = T0 + timedelta(days=14)
    new = lifecycle.start_renegotiation(s, first.id, now)
    item = _agree_on_seed(new, now + timedelta(hours=1))
    linked = lifecycle.finish_renegotiation(s, new, now + timedelta(hours=2))
    assert linked is item
    assert first.status == S.RETIRED
    assert first.replaced_by == item.id and item.replaces == first.id
    assert item.status == S.ACTIVE
    chain = lifecycle.lineage([s, new], item.id)
    assert [a.id for _s, a in chain] == [first.id, item.id]
    assert lifecycle.lineage([s, new], first.id) == chain
    assert lifecycle.owner_session_id(item.id) == new.id
    assert lifecycle.owner_session_id(first.id) == s.id


def test_link_replacement_refuses_unrelated_sessions(session_factory):
    s, first, second = closed(session_factory)
    other = session_factory(topic="Other")
    with pytest.raises(RuleError, match="did not start"):
        lifecycle.link_replacement(s, first.id, other, other.agreed[0].id, DAY)
    assert first.replaced_by == "" and first.status == S.ACTIVE


def test_renegotiation_with_nothing_agreed_leaves_the_old_one_waiting(session_factory):
    s, first, _ = closed(session_factory)
    new = lifecycle.start_renegotiation(s, first.id, T0)
    rules.go_to_step(new, Step.TALK, T0)
    rules.go_to_step(new, Step.CLOSE, T0)
    rules.close_session(new, T0)
    assert lifecycle.finish_renegotiation(s, new, T0) is None
    assert first.status == S.RENEGOTIATING
    lifecycle.cancel_renegotiation(s, first.id, DAY)
    assert first.status == S.ACTIVE
    assert [r.outcome for r in first.reviews] == ["adjusted"]  # history stays


# -- due ---------------------------------------------------------------------------------


def test_due_and_upcoming(session_factory):
    s, first, second = closed(session_factory)
    # first: review 14 days after 2024-05-01; second: review 2024-05-10
    assert first.review_on == date(2024, 5, 15) and second.review_on == date(2024, 5, 10)
    due, upcoming = lifecycle.due([s], date(2024, 5, 1))
    assert due == [] and [d.agreement for d in upcoming] == [second, first]
    due, upcoming = lifecycle.due([s], date(2024, 5, 10))
    assert [d.agreement for d in due] == [second] and [d.agreement for d in upcoming] == [first]
    assert due[0].session is s and due[0].on == date(2024, 5, 10)
    due, upcoming = lifecycle.due([s], date(2024, 4, 1))
    assert due == [] and upcoming == []  # further away than two weeks
    lifecycle.retire(s, second.id, DAY, "Done")
    due, _ = lifecycle.due([s], date(2024, 6, 1))
    assert [d.agreement for d in due] == [first]  # retired ones are never due


def test_kept_agreement_is_no_longer_due(session_factory):
    s, first, _ = closed(session_factory)
    lifecycle.mark_kept(s, first.id, date(2024, 5, 15))
    due, upcoming = lifecycle.due([s], date(2024, 5, 15))
    assert first not in [d.agreement for d in due + upcoming]


# -- rituals -----------------------------------------------------------------------------


def ritual(rhythm, starts, status=S.ACTIVE):
    return Agreement(id="x-a1", issue_id="i1", what="Walk", kind="ritual", rhythm=rhythm,
                     starts=starts, status=status)


@pytest.mark.parametrize(("rhythm", "starts", "today", "expected"), [
    ("daily", date(2024, 5, 1), date(2024, 5, 9), date(2024, 5, 9)),
    ("weekly", date(2024, 5, 1), date(2024, 5, 1), date(2024, 5, 1)),
    ("weekly", date(2024, 5, 1), date(2024, 5, 2), date(2024, 5, 8)),
    ("Weekly", date(2024, 5, 1), date(2024, 5, 8), date(2024, 5, 8)),
    ("weekly", date(2024, 5, 10), date(2024, 5, 2), date(2024, 5, 10)),
    ("monthly", date(2024, 1, 31), date(2024, 2, 2), date(2024, 2, 29)),
    ("monthly", date(2024, 1, 31), date(2024, 3, 1), date(2024, 3, 31)),
    ("monthly", date(2024, 1, 15), date(2024, 1, 16), date(2024, 2, 15)),
    ("monthly", date(2024, 12, 15), date(2024, 12, 16), date(2025, 1, 15)),
    ("first Sunday", date(2024, 1, 1), date(2024, 5, 1), None),
])
def test_next_occurrence(rhythm, starts, today, expected):
    assert lifecycle.next_occurrence(ritual(rhythm, starts), today) == expected


def test_retired_rituals_and_plain_agreements_have_no_next_occurrence():
    assert lifecycle.next_occurrence(ritual("daily", DAY, S.RETIRED), DAY) is None
    plain = ritual("daily", DAY)
    plain.kind = "agreement"
    assert lifecycle.next_occurrence(plain, DAY) is None


def test_checkin_date_after():
    assert lifecycle.checkin_date_after(date(2024, 5, 1)) == date(2024, 5, 8)
    assert lifecycle.checkin_date_after(date(2024, 1, 31), "monthly") == date(2024, 2, 29)


# -- step order per kind -----------------------------------------------------------------


def test_negotiation_keeps_its_step_order():
    assert steps_for("negotiation") == STEP_ORDER == (
        Step.SETUP, Step.PREPARE, Step.TALK, Step.SORT, Step.AGREE, Step.CLOSE, Step.DONE)
    assert rules.next_step(Step.TALK) == Step.SORT
    assert rules.next_step(Step.APPRECIATE, "check-in") == Step.REVIEW
    assert rules.next_step(Step.DIFFERENTLY, "repair") == Step.CLOSE
    assert rules.next_step(Step.DONE, "repair") == Step.DONE


def test_a_kind_has_only_its_own_steps():
    s = rules.new_session(T0, ("Sam", "Alex"), "Dishes")
    with pytest.raises(RuleError, match="no feelings step"):
        rules.go_to_step(s, Step.FEELINGS, T0)
    assert s.step == Step.PREPARE and s.status == Status.ACTIVE


def test_next_checkin_is_from_the_latest_closed_checkin():
    from accord.domain import checkin

    sessions = []
    for n, planned in enumerate((date(2024, 5, 8), date(2024, 5, 15))):
        now = T0 + timedelta(days=n)
        c = checkin.new_checkin(now, ("Sam", "Alex"))
        rules.set_appreciation(c, "a", "Thanks", now)
        rules.set_appreciation(c, "b", "Thanks too", now)
        rules.go_to_step(c, Step.PLAN, now)
        checkin.set_next_checkin(c, planned, now)
        rules.go_to_step(c, Step.CLOSE, now)
        rules.close_session(c, now)
        sessions.append(c)
    assert lifecycle.next_checkin(reversed(sessions)) == date(2024, 5, 15)
    assert lifecycle.next_checkin([]) is None


def test_dates_are_plain(session_factory):
    s, first, _ = closed(session_factory)
    lifecycle.mark_kept(s, first.id, datetime(2024, 5, 20, 9, 0, tzinfo=T0.tzinfo))
    assert type(first.reviews[0].on) is date


@settings(max_examples=200, deadline=None)
@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       ahead=st.integers(min_value=0, max_value=4000),
       rhythm=st.sampled_from(["daily", "weekly", "monthly"]))
def test_next_occurrence_is_the_first_rhythm_day_from_today(start, ahead, rhythm):
    today = start + timedelta(days=ahead)
    found = lifecycle.next_occurrence(ritual(rhythm, start), today)
    assert found is not None and found >= today
    if rhythm == "daily":
        assert found == today
    elif rhythm == "weekly":
        assert (found - start).days % 7 == 0 and (found - today).days < 7
    else:
        last = calendar.monthrange(found.year, found.month)[1]
        assert found.day == min(start.day, last)
        assert (found - today).days <= 31
