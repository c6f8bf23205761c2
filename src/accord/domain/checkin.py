"""The rules of a check-in: a short, regular session between hard conversations.

Steps (see :func:`accord.domain.model.steps_for`): appreciate (one each, required) → review
the agreements that are due → reflect (what felt meaningful, where the friction was) → an
optional talk on the floor, exactly as in a negotiation → plan (the next check-in, any
ritual) → close. Appreciations use :func:`accord.domain.rules.set_appreciation`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from accord.domain import lifecycle, rules
from accord.domain.model import PARTNER_IDS, REVIEW_OUTCOMES, Layer, Status, Step
from accord.domain.rules import RuleError
from accord.domain.session import Agreement, Session, Settings

KIND = "check-in"
DEFAULT_TOPIC = "Check-in"
#: The issue every ritual agreed in a session belongs to.
RITUALS_ISSUE_TITLE = "Rituals"


def new_checkin(now: datetime, names: tuple[str, str], topic: str = DEFAULT_TOPIC, *,
                colors: tuple[str, str] | None = None,
                settings: Settings | None = None) -> Session:
    """A check-in session, starting at the appreciate step."""
    return rules.new_session(now, names, topic or DEFAULT_TOPIC, colors=colors,
                             settings=settings, kind=KIND)


def _require(session: Session) -> None:
    if session.kind != KIND:
        raise RuleError("That belongs to a check-in.")
    if session.status == Status.CLOSED:
        raise RuleError("This session is closed.")


def _appreciated(session: Session) -> str | None:
    if all(session.appreciations.get(pid, "").strip() for pid in PARTNER_IDS):
        return None
    return "One appreciation from each of you first. Something small counts."


rules.STEP_GATES[(KIND, Step.APPRECIATE)] = _appreciated


def to_review(checkin: Session, sessions: Iterable[Session],
              today: date | datetime) -> list[lifecycle.Due]:
    """The agreements due for review that this check-in has not reviewed yet."""
    now_due, _upcoming = lifecycle.due(sessions, today)
    return [d for d in now_due if d.agreement.id not in checkin.reviewed]


def record_review(checkin: Session, owner: Session, agreement_id: str, outcome: str,
                  now: datetime, note: str = "") -> Session | None:
    """Review one agreement during the check-in; ``owner`` is the session it belongs to.

    ``kept`` marks it kept (``note`` is optional), ``retired`` retires it (``note`` says why)
    and ``adjusted`` starts its renegotiation: the new session is returned, paused, for the
    caller to save and for the couple to resume when they are ready. The check-in remembers
    each outcome in ``reviewed``. Save both ``owner`` and ``checkin`` afterwards."""
    _require(checkin)
    if outcome not in REVIEW_OUTCOMES:
        raise ValueError(f"unknown review outcome {outcome!r}")
    new = None
    if outcome == "kept":
        lifecycle.mark_kept(owner, agreement_id, now, note)
    elif outcome == "retired":
        lifecycle.retire(owner, agreement_id, now, note)
    else:
        new = lifecycle.start_renegotiation(owner, agreement_id, now, why=note)
        rules.pause(new, now)
    checkin.reviewed[agreement_id] = outcome
    checkin.updated = now
    return new


def _set(table: dict[str, str], session: Session, pid: str, text: str, now: datetime) -> None:
    _require(session)
    if pid not in PARTNER_IDS:
        raise KeyError(pid)
    text = text.strip()
    if text:
        table[pid] = text
    else:
        table.pop(pid, None)
    session.updated = now


def set_meaningful(session: Session, pid: str, text: str, now: datetime) -> None:
    """What felt most meaningful to this partner since last time (empty clears it)."""
    _set(session.meaningful, session, pid, text, now)


def set_friction(session: Session, pid: str, text: str, now: datetime) -> None:
    """Where this partner felt friction, and what they would adjust (empty clears it)."""
    _set(session.friction, session, pid, text, now)


def set_next_checkin(session: Session, day: date | None, now: datetime) -> None:
    """Plan the next check-in (None: not planned yet)."""
    _require(session)
    if day is not None and day <= now.date():
        raise RuleError("Pick a day after today for the next check-in.")
    session.next_checkin = day
    session.updated = now


def add_ritual(session: Session, what: str, rhythm: str, now: datetime, *, who: str = "",
               when: str = "", starts: date | None = None,
               review_on: date | None = None) -> Agreement:
    """A ritual — a weekly walk, a morning intention — is an agreement with a rhythm.

    ``rhythm`` is daily, weekly, monthly, or free text ("first Sunday of the month"). It is
    drafted under a negotiable "Rituals" issue and confirmed by both at close, like any
    agreement."""
    if session.status == Status.CLOSED:
        raise RuleError("This session is closed.")
    rhythm = rhythm.strip()
    if not rhythm:
        raise RuleError("Say how often: daily, weekly, monthly, or in your own words.")
    rhythm = lifecycle.known_rhythm(rhythm) or rhythm
    issue = next((i for i in session.issues if i.title == RITUALS_ISSUE_TITLE
                  and i.layer == Layer.NEGOTIABLE), None)
    if issue is None:
        issue = rules.add_issue(session, RITUALS_ISSUE_TITLE, now, layer=Layer.NEGOTIABLE)
    item = rules.add_agreement(session, issue.id, what, now, who=who, when=when,
                               starts=starts, review_on=review_on)
    item.kind = "ritual"
    item.rhythm = rhythm
    return item


def rituals(session: Session) -> list[Agreement]:
    return [a for a in session.agreements if a.kind == "ritual"]
