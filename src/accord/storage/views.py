"""Flat rows of sessions and agreements, shared by the command line and the review screen.

Every value is plain data (text, numbers, lists of text) so rows can be printed as a table,
dumped as JSON, or shown in a widget without knowing the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from accord.domain.model import PARTNER_IDS, AgreementStatus
from accord.domain.session import Session
from accord.domain.summary import where_we_left_off


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def agreement_rows(sessions: Iterable[Session]) -> list[dict]:
    """One row per agreement both partners confirmed (status other than draft), in every
    session, soonest review first; agreements without a review date come last."""
    rows = []
    for session in sessions:
        titles = {issue.id: issue.title for issue in session.issues}
        for item in session.agreements:
            if item.status == AgreementStatus.DRAFT:
                continue
            rows.append({
                "session": session.id,
                "topic": session.topic,
                "what": item.what,
                "who": item.who,
                "when": item.when,
                "starts": _iso(item.starts),
                "review_on": _iso(item.review_on),
                "success": item.success,
                "status": item.status.value,
                "issue": titles.get(item.issue_id, ""),
                "confirmed_by": [
                    session.partners[pid].name
                    for pid in item.confirmed_by
                    if pid in session.partners
                ],
                "id": item.id,
                "kind": item.kind,
                "rhythm": item.rhythm,
                "replaces": item.replaces,
                "replaced_by": item.replaced_by,
                "reviews": [
                    {"on": review.on.isoformat(), "outcome": review.outcome, "note": review.note}
                    for review in item.reviews
                ],
                "session_kind": session.kind,
            })
    rows.sort(key=lambda row: (row["review_on"] == "", row["review_on"], row["session"]))
    return rows


def session_rows(sessions: Iterable[Session]) -> list[dict]:
    """One row per session, in the order given (the store gives newest first)."""
    return [
        {
            "id": session.id,
            "topic": session.topic,
            "partners": [
                session.partners[pid].name for pid in PARTNER_IDS if pid in session.partners
            ],
            "status": session.status.value,
            "step": session.step.value,
            "created": session.created.isoformat(),
            "updated": session.updated.isoformat(),
            "where": where_we_left_off(session),
            "agreements": len(session.agreed),
            "kind": session.kind,
        }
        for session in sessions
    ]
