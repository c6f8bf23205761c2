"""Short descriptions of a session for people: where it stopped, and how it went."""

from __future__ import annotations

from accord.domain.model import STEP_TITLES, Phase, Status, Step
from accord.domain.session import Session


def minutes_and_seconds(seconds: int) -> str:
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def plural(count: int, word: str) -> str:
    """``1 turn``, ``3 turns``: English plurals for the few nouns accord counts."""
    return f"{count} {word}{'' if count == 1 else 's'}"


#: Where a check-in or repair stopped, step by step.
KIND_STEP_WHERE = {
    Step.APPRECIATE: "Check-in: sharing appreciations.",
    Step.REVIEW: "Check-in: reviewing the agreements that are due.",
    Step.REFLECT: "Check-in: what felt meaningful, and where the friction was.",
    Step.PLAN: "Check-in: planning the next check-in and any rituals.",
    Step.FEELINGS: "Repair: naming how each of you felt.",
    Step.ACCOUNTS: "Repair: each telling what happened, and reflecting it back.",
    Step.TRIGGERS: "Repair: what set each of you off.",
    Step.OWN: "Repair: what each of you owns.",
    Step.DIFFERENTLY: "Repair: one thing each of you will do differently.",
}


def where_we_left_off(session: Session) -> str:
    """One or two sentences that help the couple pick up the thread."""
    step = STEP_TITLES[session.step]
    if session.status == Status.CLOSED:
        return "Closed."
    if session.active_timeout is not None:
        timeout = session.active_timeout
        return (
            f"In a time-out called by {session.name(timeout.called_by)}, "
            f"planned to end at {timeout.planned_return:%H:%M on %a %d %b}."
        )
    if session.step == Step.TALK:
        holder = session.name(session.floor.holder)
        listener = session.name(session.other(session.floor.holder))
        doing = {
            Phase.SPEAKING: f"{holder} has the floor and is speaking",
            Phase.REFLECTING: f"{listener} is reflecting back what {holder} said",
            Phase.CONFIRMING: f"{holder} is saying whether {listener}'s reflection landed",
        }[session.floor.phase]
        return f"Talk: {doing}. {plural(len(session.turns), 'turn')} so far."
    if session.step == Step.SORT:
        placed = sum(1 for i in session.issues if i.layer is not None)
        return f"Sort: {placed} of {len(session.issues)} issues placed in a layer."
    if session.step == Step.AGREE:
        return f"Agree: {len(session.agreements)} agreement drafts so far."
    if session.step == Step.CLOSE:
        both = sum(1 for a in session.agreements if a.confirmed_by_both)
        return f"Close: {both} of {len(session.agreements)} agreements confirmed by both."
    if session.step in KIND_STEP_WHERE:
        return KIND_STEP_WHERE[session.step]
    return f"{step}."


def status_label(session: Session) -> str:
    if session.status == Status.PAUSED:
        return "paused"
    return session.status.value


def talk_balance(session: Session) -> str:
    totals = session.talk_seconds()
    return "  ".join(
        f"{session.name(pid)} {minutes_and_seconds(secs)}" for pid, secs in totals.items()
    )
