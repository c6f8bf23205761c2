"""The agreements list's search, filter, order and history text, without starting the app."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from accord.domain import lifecycle
from accord.ui.screens.agreement_review import history_lines, review_note
from accord.ui.screens.agreements import all_entries, filtered, how_often, short_date
from tests.conftest import T0, build_session


def test_search_filter_and_order():
    dishes = build_session(topic="The dishes")
    money = build_session(("Kim", "Lee"), "Money", start=T0 + timedelta(days=3))
    entries = all_entries([money, dishes])
    # Drafts are left out; soonest review first.
    assert len(entries) == 4
    reviews = [e.review_on for e in entries]
    assert reviews == sorted(reviews)
    assert [e.what for e in filtered(entries, "all", "kim washes")] == [
        "Kim washes up on weekdays"]
    assert filtered(entries, "all", "MONEY sundays")[0].session_id == money.id
    assert filtered(entries, "all", "lee")[0].session_id == money.id  # names count too
    assert filtered(entries, "kept", "") == []
    first = entries[0]
    owner = next(s for s in (money, dishes) if s.id == first.session_id)
    lifecycle.mark_kept(owner, first.agreement_id, T0 + timedelta(days=20), "good")
    entries = all_entries([money, dishes])
    assert [e.agreement_id for e in filtered(entries, "kept", "")] == [first.agreement_id]
    assert len(filtered(entries, "active", "")) == 3


def test_dates_and_history_in_words():
    today = date(2026, 11, 21)
    assert short_date(date(2026, 12, 1), today) == "01 Dec"
    assert short_date(date(2025, 12, 1), today) == "01 Dec 25"
    assert short_date(None, today) == ""
    session = build_session()
    item = session.agreed[0]
    item.review_on = today - timedelta(days=1)
    assert review_note(item, today).endswith("due now")
    item.review_on = today + timedelta(days=3)
    assert review_note(item, today).endswith("in 3 days")
    lifecycle.retire(session, item.id, datetime(2026, 11, 21, 9, 0, tzinfo=T0.tzinfo),
                     "[b]moved[/b] house")
    text = str(history_lines(session, item, {}))
    assert "Agreed by both" in text and "Retired" in text
    assert "[b]moved[/b] house" in text  # what they typed is shown as typed
    assert how_often({"kind": "ritual", "rhythm": "weekly", "when": "mornings"}) == "weekly"
    assert how_often({"kind": "", "rhythm": "", "when": "mornings"}) == "mornings"
