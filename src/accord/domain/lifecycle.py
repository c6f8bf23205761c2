"""Agreements over time: reviews, retiring, renegotiating, what is due, rituals' rhythms.

An agreement is an experiment. After its session closes it is *active*; at a review the couple
marks it *kept*, *retires* it, or *renegotiates* it in a new session seeded with it, whose
agreement then *replaces* it (both point to each other). Every review is added to the
agreement's history; nothing in that history is ever changed or removed.

Like :mod:`accord.domain.rules`, these functions change sessions in place and raise
:class:`~accord.domain.rules.RuleError` with a sentence for the couple when a change is not
allowed. Functions that take ``today`` accept a date, or a datetime (then the session's
``updated`` time is set to it too).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from accord.domain import rules
from accord.domain.model import RHYTHMS, AgreementStatus, Layer, Status
from accord.domain.rules import SEEDED_ISSUE_ID, RuleError
from accord.domain.session import Agreement, Issue, Review, Session

T = TypeVar("T")

S = AgreementStatus

#: Which status an agreement may move to from each status.
TRANSITIONS: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    S.DRAFT: frozenset({S.ACTIVE}),
    S.ACTIVE: frozenset({S.KEPT, S.RENEGOTIATING, S.RETIRED}),
    S.KEPT: frozenset({S.KEPT, S.RENEGOTIATING, S.RETIRED}),
    S.RENEGOTIATING: frozenset({S.ACTIVE, S.RETIRED}),
    S.RETIRED: frozenset(),
}

#: After an agreement is marked kept, its next review is this far away unless chosen.
KEPT_REVIEW_DAYS = 28
#: How far ahead the home screen looks for reviews coming up.
UPCOMING_DAYS = 14
#: Statuses whose review date counts: the agreement is still being lived.
REVIEWABLE = frozenset({S.ACTIVE, S.KEPT})

_WHY_NOT = {
    S.DRAFT: "This agreement was never confirmed by both of you, so there is nothing to review.",
    S.RETIRED: "This agreement is retired; its history stays as it is.",
    S.RENEGOTIATING: "This agreement is being renegotiated; finish or cancel that first.",
}


def can_change(old: AgreementStatus, new: AgreementStatus) -> bool:
    return new in TRANSITIONS[old]


def check_transition(item: Agreement, new: AgreementStatus) -> None:
    """Raise :class:`RuleError` if ``item`` may not move to ``new``."""
    if can_change(item.status, new):
        return
    raise RuleError(_WHY_NOT.get(item.status, f"An agreement that is {item.status.value} "
                                               f"can't become {new.value}."))


def _day(today: date | datetime) -> date:
    return today.date() if isinstance(today, datetime) else today


def _touch(session: Session, today: date | datetime) -> None:
    if isinstance(today, datetime):
        session.updated = today


def owner_session_id(agreement_id: str) -> str:
    """The id of the session an agreement belongs to (agreement ids start with it)."""
    head, sep, tail = agreement_id.rpartition("-")
    if not sep or not head or not tail.startswith("a"):
        raise ValueError(f"{agreement_id!r} is not an agreement id")
    return head


def find(sessions: Iterable[Session], agreement_id: str) -> tuple[Session, Agreement]:
    """The session holding an agreement, and the agreement; KeyError if none does."""
    for session in sessions:
        for item in session.agreements:
            if item.id == agreement_id:
                return session, item
    raise KeyError(agreement_id)


# -- reviews -----------------------------------------------------------------------------


def mark_kept(session: Session, agreement_id: str, today: date | datetime, note: str = "",
              *, next_review: date | None = None) -> Agreement:
    """It works: add a *kept* review and set the next review date (default: in four weeks)."""
    item = rules.agreement(session, agreement_id)
    check_transition(item, S.KEPT)
    day = _day(today)
    next_review = next_review or day + timedelta(days=KEPT_REVIEW_DAYS)
    if next_review <= day:
        raise RuleError("Choose a next review date after today.")
    item.reviews.append(Review(on=day, outcome="kept", note=note.strip()))
    item.status = S.KEPT
    item.review_on = next_review
    _touch(session, today)
    return item


def retire(session: Session, agreement_id: str, today: date | datetime, why: str) -> Agreement:
    """It has done its work, or it doesn't fit any more: add a *retired* review with why."""
    item = rules.agreement(session, agreement_id)
    check_transition(item, S.RETIRED)
    why = why.strip()
    if not why:
        raise RuleError("Say in a few words why you're retiring it; future you will thank you.")
    item.reviews.append(Review(on=_day(today), outcome="retired", note=why))
    item.status = S.RETIRED
    _touch(session, today)
    return item


# -- renegotiation -----------------------------------------------------------------------


def start_renegotiation(old_session: Session, agreement_id: str, now: datetime, *,
                        why: str = "", topic: str = "") -> Session:
    """A new negotiation seeded with the agreement as its first, negotiable issue.

    The old agreement gets an *adjusted* review and the status *renegotiating*; the new
    session (returned, not yet saved) starts at the prepare step with the same partners and
    settings. The topic defaults to the issue the old agreement settled."""
    item = rules.agreement(old_session, agreement_id)
    check_transition(item, S.RENEGOTIATING)
    if not topic.strip():
        try:
            topic = old_session.issue(item.issue_id).title
        except KeyError:
            topic = item.what
    names = (old_session.name("a"), old_session.name("b"))
    colors = (old_session.partners["a"].color, old_session.partners["b"].color)
    settings = type(old_session.settings)(**vars(old_session.settings))
    new = rules.new_session(now, names, topic, colors=colors, settings=settings)
    new.seeded_from = item.id
    seeded = Issue(id=SEEDED_ISSUE_ID, title=item.what, layer=Layer.NEGOTIABLE)
    new.issues.append(seeded)
    item.reviews.append(Review(on=now.date(), outcome="adjusted", note=why.strip()))
    item.status = S.RENEGOTIATING
    _touch(old_session, now)
    return new


def seeded_issue(session: Session) -> Issue | None:
    """In a renegotiation, the issue made from the agreement being renegotiated."""
    if not session.seeded_from:
        return None
    try:
        return session.issue(SEEDED_ISSUE_ID)
    except KeyError:
        return None


def cancel_renegotiation(old_session: Session, agreement_id: str,
                         today: date | datetime) -> Agreement:
    """The renegotiation was dropped: the old agreement is active again, as it was."""
    item = rules.agreement(old_session, agreement_id)
    if item.status != S.RENEGOTIATING:
        raise RuleError("This agreement is not being renegotiated.")
    item.status = S.ACTIVE
    _touch(old_session, today)
    return item


def link_replacement(old_session: Session, old_id: str, new_session: Session, new_id: str,
                     today: date | datetime) -> None:
    """The renegotiation agreed ``new_id``: it replaces ``old_id``, which is retired."""
    old = rules.agreement(old_session, old_id)
    new = rules.agreement(new_session, new_id)
    if new_session.seeded_from != old_id:
        raise RuleError("That session did not start from this agreement.")
    if old.status != S.RENEGOTIATING:
        raise RuleError("This agreement is not being renegotiated.")
    if new.status not in REVIEWABLE:
        raise RuleError("The new agreement needs to be confirmed by both of you first.")
    old.status = S.RETIRED
    old.replaced_by = new.id
    new.replaces = old.id
    _touch(old_session, today)
    _touch(new_session, today)


def finish_renegotiation(old_session: Session, new_session: Session,
                         today: date | datetime) -> Agreement | None:
    """After a renegotiation closes: link its first agreed agreement for the seeded issue
    as the replacement. Returns it, or None if nothing was agreed for it (the old agreement
    then stays *renegotiating*; :func:`cancel_renegotiation` makes it active again)."""
    issue = seeded_issue(new_session)
    if issue is None:
        return None
    agreed = [a for a in new_session.agreements_for(issue.id) if a.status in REVIEWABLE]
    if not agreed:
        return None
    link_replacement(old_session, new_session.seeded_from, new_session, agreed[0].id, today)
    for other in agreed[1:]:
        other.replaces = new_session.seeded_from
    return agreed[0]


def lineage(sessions: Iterable[Session], agreement_id: str) -> list[tuple[Session, Agreement]]:
    """Every version of an agreement, oldest first, following replaces / replaced_by."""
    sessions = list(sessions)
    by_id = {a.id: (s, a) for s in sessions for a in s.agreements}
    if agreement_id not in by_id:
        raise KeyError(agreement_id)
    first = agreement_id
    seen = {first}
    while by_id[first][1].replaces in by_id and by_id[first][1].replaces not in seen:
        first = by_id[first][1].replaces
        seen.add(first)
    chain, current, seen = [], first, set()
    while current in by_id and current not in seen:
        seen.add(current)
        chain.append(by_id[current])
        current = by_id[current][1].replaced_by
    return chain


# -- what is due -------------------------------------------------------------------------


@dataclass
class Due:
    """An agreement with a date: a review that is due or coming up."""

    session: Session
    agreement: Agreement
    on: date


def due(sessions: Iterable[Session], today: date | datetime,
        upcoming_days: int = UPCOMING_DAYS) -> tuple[list[Due], list[Due]]:
    """Agreements whose review date has come (``due``), and those within ``upcoming_days``
    (``upcoming``), each soonest first. Only active and kept agreements count."""
    day = _day(today)
    dated = (Due(session, item, item.review_on) for session in sessions
             for item in session.agreements
             if item.status in REVIEWABLE and item.review_on is not None)
    return split_due(dated, lambda d: (d.on, d.agreement.id), day,
                     day + timedelta(days=upcoming_days))


def split_due(items: Iterable[T], when: Callable[[T], tuple], today: Any,
              horizon: Any) -> tuple[list[T], list[T]]:
    """Dated items split into those whose day has come and those up to ``horizon``, each
    soonest first. ``when`` gives an item's (day, id); days may be dates or ISO strings, as
    long as ``today`` and ``horizon`` are the same kind (ISO dates sort as the days do)."""
    now_due: list[T] = []
    upcoming: list[T] = []
    for item in items:
        day = when(item)[0]
        if day <= today:
            now_due.append(item)
        elif day <= horizon:
            upcoming.append(item)
    now_due.sort(key=when)
    upcoming.sort(key=when)
    return now_due, upcoming


def next_checkin(sessions: Iterable[Session]) -> date | None:
    """The check-in date the couple planned at their latest closed check-in, if any."""
    closed = [s for s in sessions
              if s.kind == "check-in" and s.status == Status.CLOSED and s.closed_at]
    if not closed:
        return None
    return max(closed, key=lambda s: s.closed_at).next_checkin


# -- rituals -----------------------------------------------------------------------------


def known_rhythm(rhythm: str) -> str | None:
    """``daily``, ``weekly`` or ``monthly`` if the rhythm is one of those, else None."""
    word = rhythm.strip().casefold()
    return word if word in RHYTHMS else None


def _add_months(day: date, months: int, anchor_day: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(anchor_day, calendar.monthrange(year, month)[1]))


def next_occurrence(item: Agreement, today: date | datetime) -> date | None:
    """The next day (today or later) a ritual happens, counted from its start; None when
    its rhythm is free text, or it is not a ritual that is still being lived."""
    rhythm = known_rhythm(item.rhythm)
    if item.kind != "ritual" or rhythm is None or item.status not in REVIEWABLE:
        return None
    day = _day(today)
    start = item.starts or day
    if start >= day:
        return start
    if rhythm == "daily":
        return day
    if rhythm == "weekly":
        return start + timedelta(days=-(-(day - start).days // 7) * 7)
    months = (day.year - start.year) * 12 + day.month - start.month
    candidate = _add_months(start, months, start.day)
    if candidate < day:
        candidate = _add_months(start, months + 1, start.day)
    return candidate


def checkin_date_after(day: date, rhythm: str = "weekly") -> date:
    """A suggested next check-in: a week (or a month) after ``day``."""
    if known_rhythm(rhythm) == "monthly":
        return _add_months(day, 1, day.day)
    return day + timedelta(days=7)



# -- forgetting a session ----------------------------------------------------------------


def stripped(session: Session) -> Session | None:
    """What is left of a session once it is forgotten: only its confirmed agreements (with
    their history and links), the issues they settle, the partners' names and the topic.
    Everything said, prepared, noted or appreciated is gone. None if nothing was confirmed."""
    kept = [a for a in session.agreements if a.status != S.DRAFT]
    if not kept:
        return None
    issue_ids = {a.issue_id for a in kept}
    return Session(
        id=session.id,
        created=session.created,
        updated=session.updated,
        partners={pid: type(p)(name=p.name, color=p.color) for pid, p in session.partners.items()},
        topic=session.topic,
        kind=session.kind,
        status=Status.CLOSED,
        step=session.steps[-1],
        settings=type(session.settings)(keep_transcript=False),
        issues=[Issue(id=i.id, title=i.title, layer=i.layer)
                for i in session.issues if i.id in issue_ids],
        agreements=[replace(a, reviews=list(a.reviews), confirmed_by=list(a.confirmed_by))
                    for a in kept],
        transcript_removed=True,
        closed_at=session.closed_at or session.updated,
        seeded_from=session.seeded_from,
    )
