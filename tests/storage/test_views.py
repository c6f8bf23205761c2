"""Rows for the CLI and the review screen."""

from __future__ import annotations

from datetime import timedelta

from accord.domain.summary import where_we_left_off
from accord.storage.views import agreement_rows, session_rows

AGREEMENT_KEYS = {"session", "topic", "what", "who", "when", "starts", "review_on", "success",
                  "status", "issue", "confirmed_by", "id", "kind", "rhythm", "replaces",
                  "replaced_by", "reviews", "session_kind"}


def test_agreement_rows_list_only_confirmed_agreements_soonest_review_first(
    session_factory, paused_factory
):
    closed = session_factory(names=("[b]Sam", "Alex"))
    rows = agreement_rows([paused_factory(), closed])
    assert [row["what"] for row in rows] == [
        "We dry together on Sundays", "[b]Sam washes up on weekdays",
    ]
    first = rows[0]
    assert set(first) == AGREEMENT_KEYS
    assert first == {
        "session": closed.id, "topic": "The dishes", "what": "We dry together on Sundays",
        "who": "both", "when": "Sundays", "starts": "2024-05-05", "review_on": "2024-05-10",
        "success": "", "status": "active", "issue": "Who does the dishes",
        "confirmed_by": ["[b]Sam", "Alex"], "id": closed.agreements[1].id,
        "kind": "agreement", "rhythm": "", "replaces": "", "replaced_by": "", "reviews": [],
        "session_kind": "negotiation",
    }
    assert rows[1]["review_on"] == "2024-05-15"  # two weeks after it starts, by default


def test_agreement_rows_sort_across_sessions_and_put_undated_last(session_factory):
    early = session_factory(topic="Early")
    late = session_factory(topic="Late", start=early.created - timedelta(days=30))
    late.agreements[0].review_on = None
    rows = agreement_rows([early, late])
    assert [row["review_on"] for row in rows] == [
        "2024-05-10", "2024-05-10", "2024-05-15", "",
    ]
    assert [row["topic"] for row in rows] == ["Late", "Early", "Early", "Late"]
    assert rows[-1]["topic"] == "Late"


def test_session_rows_describe_each_session(session_factory, paused_factory):
    paused = paused_factory()
    closed = session_factory()
    rows = session_rows([paused, closed])
    assert rows[0] == {
        "id": paused.id, "topic": "Money", "partners": ["Kim", "Lee"], "status": "paused",
        "step": "talk", "created": "2024-05-01T20:00:00+02:00",
        "updated": "2024-05-01T20:04:00+02:00", "where": where_we_left_off(paused),
        "agreements": 0, "kind": "negotiation",
    }
    assert "Kim is reflecting back what Lee said" in rows[0]["where"]
    assert rows[1]["agreements"] == 2
    assert rows[1]["where"] == "Closed."
