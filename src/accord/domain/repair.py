"""The rules of a repair session: going back over a fight that already happened, calmly.

Steps (see :func:`accord.domain.model.steps_for`): feelings (feeling words only, from each)
→ accounts (each tells what happened for them; the other reflects it back; both accounts are
valid) → triggers → what each owns → one thing each will do differently, which can become a
layer-three agreement → close (confirm those, as in any session).
"""

from __future__ import annotations

import re
from datetime import datetime

from accord.domain import rules
from accord.domain.model import PARTNER_IDS, Layer, Status, Step
from accord.domain.rules import RuleError
from accord.domain.session import REPAIR_FIELDS, Agreement, RepairNotes, Session, Settings

KIND = "repair"

#: What the feelings step says when the feeling comes with its reasons.
FEELINGS_ONLY = (
    "Just the feeling for now, without the because. What happened has its own step next."
)
_REASON = re.compile(
    r"\b(because|becuase|cause|'cause|cos|coz|cuz|since|as you|when you|after you|"
    r"you made me|that you|the way you)\b",
    re.IGNORECASE,
)


def new_repair(now: datetime, names: tuple[str, str], topic: str, *,
               colors: tuple[str, str] | None = None, settings: Settings | None = None,
               starter: str = "a") -> Session:
    """A repair session about ``topic`` (the fight, in a few words), at the feelings step."""
    return rules.new_session(now, names, topic, colors=colors, settings=settings,
                             starter=starter, kind=KIND)


def feelings_hint(text: str) -> str | None:
    """A gentle nudge when a feeling comes with its reasons ("because", "when you"...)."""
    return FEELINGS_ONLY if _REASON.search(text) else None


def notes(session: Session, pid: str) -> RepairNotes:
    if pid not in PARTNER_IDS:
        raise KeyError(pid)
    return session.repair.setdefault(pid, RepairNotes())


def set_repair(session: Session, pid: str, field: str, text: str, now: datetime) -> None:
    """Record one part of a partner's side: ``field`` is one of :data:`REPAIR_FIELDS`.

    ``reflected`` is the *other* partner's reflection of ``pid``'s account. Feelings that
    come with a "because" are refused with :data:`FEELINGS_ONLY`."""
    if session.kind != KIND:
        raise RuleError("That belongs to a repair session.")
    if session.status == Status.CLOSED:
        raise RuleError("This session is closed.")
    if field not in REPAIR_FIELDS:
        raise KeyError(field)
    text = text.strip()
    if field == "feelings" and feelings_hint(text):
        raise RuleError(FEELINGS_ONLY)
    setattr(notes(session, pid), field, text)
    session.updated = now


def _missing(session: Session, field: str) -> list[str]:
    return [pid for pid in PARTNER_IDS
            if not getattr(session.repair.get(pid, RepairNotes()), field).strip()]


def _feelings_ready(session: Session) -> str | None:
    if _missing(session, "feelings"):
        return "Each of you names a feeling first, even just one word."
    return None


def _accounts_ready(session: Session) -> str | None:
    if _missing(session, "account"):
        return "Each of you tells what happened for you before moving on."
    if _missing(session, "reflected"):
        return "Reflect each other's account back before moving on; both accounts are valid."
    return None


rules.STEP_GATES[(KIND, Step.FEELINGS)] = _feelings_ready
rules.STEP_GATES[(KIND, Step.ACCOUNTS)] = _accounts_ready


def differently_to_agreement(session: Session, pid: str, now: datetime) -> Agreement:
    """Turn what ``pid`` will do differently into a draft agreement (layer three), to be
    confirmed by both at close. Doing it twice gives the same agreement."""
    if session.kind != KIND:
        raise RuleError("That belongs to a repair session.")
    text = notes(session, pid).differently.strip()
    if not text:
        raise RuleError("Write the one thing you'll do differently first.")
    issue = next((i for i in session.issues if i.title.casefold() == text.casefold()), None)
    if issue is None:
        issue = rules.add_issue(session, text, now, layer=Layer.NEGOTIABLE)
    elif issue.layer != Layer.NEGOTIABLE:
        rules.set_layer(session, issue.id, Layer.NEGOTIABLE, now)
    for existing in session.agreements_for(issue.id):
        if existing.what == text:
            return existing
    return rules.add_agreement(session, issue.id, text, now, who=session.name(pid))
