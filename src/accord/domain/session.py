"""A session and everything said and decided in it, as plain data.

These dataclasses are what a session *is*: storage turns them into TOML and back, the rules
in :mod:`accord.domain.rules` change them, and the screens only display them. Nothing here
knows about Textual, Rich or files. The names they share with what lives between sessions
(steps, layers, the couple, profiles) are in :mod:`accord.domain.model`, which the app needs
before any session is opened: this module is loaded only once one is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime

from accord.domain.model import (
    PARTNER_IDS,
    SCHEMA_VERSION,
    AgreementStatus,
    Boundary,
    Landed,
    Layer,
    Phase,
    Status,
    Step,
    steps_for,
)


@dataclass
class Partner:
    name: str
    color: str
    fighting_for: str = ""


@dataclass
class Settings:
    turn_seconds: int = 120
    timeout_minutes: int = 20
    keep_transcript: bool = True


@dataclass
class Preparation:
    need: str = ""
    boundaries: list[Boundary] = field(default_factory=list)


@dataclass
class Statement:
    """What the speaker said (or the gist they typed) before yielding the floor."""

    text: str
    at: datetime
    seconds: int = 0
    analysis: dict = field(default_factory=dict)


@dataclass
class Reflection:
    """The listener's reflection and how it landed with the speaker."""

    text: str
    at: datetime
    said_aloud: bool = False
    landed: Landed | None = None


@dataclass
class Turn:
    """One partner's time holding the floor: what they said, and every try at reflecting it."""

    speaker: str
    started: datetime
    statements: list[Statement] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    passed: datetime | None = None

    @property
    def seconds(self) -> int:
        return sum(s.seconds for s in self.statements)


@dataclass
class Floor:
    """Who holds the floor right now, and what they are doing with it."""

    holder: str = "a"
    phase: Phase = Phase.SPEAKING
    since: datetime | None = None  # when the clock last started for this phase; None while paused
    banked: int = 0  # seconds already spent in this phase before a pause or time-out
    draft: str = ""  # text typed but not yet yielded or submitted
    turn_started: datetime | None = None  # when the current holder was given the floor

    def elapsed(self, now: datetime) -> int:
        """Seconds spent in the current phase, not counting pauses and time-outs."""
        running = int((now - self.since).total_seconds()) if self.since else 0
        return self.banked + max(0, running)


@dataclass
class TimeOut:
    called_by: str
    called_at: datetime
    planned_return: datetime
    actual_return: datetime | None = None
    extra_minutes: int = 0
    outcome: str = ""  # "resumed" or "paused" once it is over


@dataclass
class Issue:
    id: str
    title: str
    layer: Layer | None = None
    note: str = ""  # layer two: how we'll work with this; layer one: what is acknowledged
    suggested: bool = False
    options: list[Option] = field(default_factory=list)


@dataclass
class Option:
    by: str
    text: str


@dataclass
class Review:
    """One look back at an agreement: kept, adjusted (renegotiated) or retired."""

    on: date
    outcome: str
    note: str = ""


@dataclass
class Agreement:
    id: str
    issue_id: str
    what: str
    who: str = ""
    when: str = ""
    starts: date | None = None
    review_on: date | None = None
    success: str = ""  # how we'll know it works
    confirmed_by: list[str] = field(default_factory=list)
    status: AgreementStatus = AgreementStatus.DRAFT
    reviews: list[Review] = field(default_factory=list)  # only ever added to
    replaces: str = ""  # the agreement this one replaced after a renegotiation
    replaced_by: str = ""  # the agreement that replaced this one
    kind: str = "agreement"  # or "ritual": something done together, in a rhythm
    rhythm: str = ""  # rituals: daily, weekly, monthly, or free text

    @property
    def confirmed_by_both(self) -> bool:
        return all(p in self.confirmed_by for p in PARTNER_IDS)


@dataclass
class RepairNotes:
    """One partner's side of a repair session."""

    feelings: str = ""  # how they felt, feeling words only
    account: str = ""  # their own account of what happened
    reflected: str = ""  # the other partner's reflection of that account
    trigger: str = ""  # what set them off
    owns: str = ""  # what they own and regret
    differently: str = ""  # one thing they will do differently next time


#: What each partner writes in a repair session: the fields of RepairNotes, in order.
REPAIR_FIELDS = tuple(notes_field.name for notes_field in fields(RepairNotes))


@dataclass
class Session:
    id: str
    created: datetime
    updated: datetime
    partners: dict[str, Partner]
    topic: str = ""
    kind: str = "negotiation"
    status: Status = Status.ACTIVE
    step: Step = Step.SETUP
    settings: Settings = field(default_factory=Settings)
    preparation: dict[str, Preparation] = field(default_factory=dict)
    floor: Floor = field(default_factory=Floor)
    turns: list[Turn] = field(default_factory=list)
    timeouts: list[TimeOut] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    appreciations: dict[str, str] = field(default_factory=dict)
    transcript_removed: bool = False
    paused_at: datetime | None = None
    closed_at: datetime | None = None
    schema: int = SCHEMA_VERSION
    seeded_from: str = ""  # a renegotiation: the agreement it starts from
    # check-in
    meaningful: dict[str, str] = field(default_factory=dict)
    friction: dict[str, str] = field(default_factory=dict)
    next_checkin: date | None = None
    reviewed: dict[str, str] = field(default_factory=dict)  # agreement id -> review outcome
    # repair
    repair: dict[str, RepairNotes] = field(default_factory=dict)

    # -- small derived views, used by screens, CLI and summaries alike --

    def name(self, pid: str) -> str:
        return self.partners[pid].name

    def other(self, pid: str) -> str:
        return "b" if pid == "a" else "a"

    @property
    def steps(self) -> tuple[Step, ...]:
        """This session's steps, in order."""
        return steps_for(self.kind)

    @property
    def current_turn(self) -> Turn | None:
        """The turn in progress (not yet passed), if any."""
        if self.turns and self.turns[-1].passed is None:
            return self.turns[-1]
        return None

    @property
    def active_timeout(self) -> TimeOut | None:
        if self.timeouts and self.timeouts[-1].actual_return is None:
            return self.timeouts[-1]
        return None

    def talk_seconds(self) -> dict[str, int]:
        totals = {pid: 0 for pid in PARTNER_IDS}
        for turn in self.turns:
            totals[turn.speaker] += turn.seconds
        return totals

    def issue(self, issue_id: str) -> Issue:
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(issue_id)

    def agreements_for(self, issue_id: str) -> list[Agreement]:
        return [a for a in self.agreements if a.issue_id == issue_id]

    @property
    def negotiable_issues(self) -> list[Issue]:
        return [i for i in self.issues if i.layer == Layer.NEGOTIABLE]

    @property
    def agreed(self) -> list[Agreement]:
        """Agreements both partners confirmed."""
        return [a for a in self.agreements if a.status != AgreementStatus.DRAFT]
