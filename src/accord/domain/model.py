"""What every part of accord shares, as plain data: the steps of a session, its states and
layers, and what is kept between sessions (the couple, each partner's profile).

A session itself and everything said and decided in it are in :mod:`accord.domain.session`.
They are kept apart because the app needs only this module before a session is opened, and
making the session's many dataclasses takes longer than the rest of start-up's own work. Nothing
here knows about Textual, Rich or files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

SCHEMA_VERSION = 1

#: The two seats at the keyboard. Partner "a" is whoever was entered first at set-up.
PARTNER_IDS = ("a", "b")

#: How long a time-out lasts, at least and at most (in minutes). The least is the time a flooded
#: body needs to settle; the settings and the rules both keep to it.
MIN_TIMEOUT_MINUTES = 20
MAX_TIMEOUT_MINUTES = 24 * 60


class Step(StrEnum):
    """Where a session is in its flow, in order."""

    SETUP = "setup"
    PREPARE = "prepare"
    TALK = "talk"
    SORT = "sort"
    AGREE = "agree"
    CLOSE = "close"
    DONE = "done"
    # check-in
    APPRECIATE = "appreciate"
    REVIEW = "review"
    REFLECT = "reflect"
    PLAN = "plan"
    # repair
    FEELINGS = "feelings"
    ACCOUNTS = "accounts"
    TRIGGERS = "triggers"
    OWN = "own"
    DIFFERENTLY = "differently"


#: The steps of a negotiation, the session kind accord started with.
STEP_ORDER = (Step.SETUP, Step.PREPARE, Step.TALK, Step.SORT, Step.AGREE, Step.CLOSE, Step.DONE)

#: The kinds of session, and the steps each goes through, in order.
SESSION_KINDS = ("negotiation", "check-in", "repair")
KIND_STEPS: dict[str, tuple[Step, ...]] = {
    "negotiation": STEP_ORDER,
    "check-in": (Step.SETUP, Step.APPRECIATE, Step.REVIEW, Step.REFLECT, Step.TALK, Step.PLAN,
                 Step.CLOSE, Step.DONE),
    "repair": (Step.SETUP, Step.FEELINGS, Step.ACCOUNTS, Step.TRIGGERS, Step.OWN,
               Step.DIFFERENTLY, Step.CLOSE, Step.DONE),
}
#: Steps that may be passed over on the way forward, per kind.
KIND_SKIPPABLE: dict[str, frozenset[Step]] = {
    "negotiation": frozenset({Step.SETUP, Step.PREPARE, Step.SORT, Step.AGREE}),
    "check-in": frozenset({Step.SETUP, Step.REVIEW, Step.REFLECT, Step.TALK, Step.PLAN}),
    "repair": frozenset({Step.SETUP, Step.TRIGGERS, Step.OWN, Step.DIFFERENTLY}),
}
KIND_TITLES = {"negotiation": "Conversation", "check-in": "Check-in", "repair": "Repair"}


def steps_for(kind: str) -> tuple[Step, ...]:
    """The steps a session of this kind goes through, in order (unknown kinds: negotiation)."""
    return KIND_STEPS.get(kind, STEP_ORDER)


def skippable_for(kind: str) -> frozenset[Step]:
    return KIND_SKIPPABLE.get(kind, KIND_SKIPPABLE["negotiation"])

STEP_TITLES = {
    Step.SETUP: "Set up",
    Step.PREPARE: "Prepare",
    Step.TALK: "Talk",
    Step.SORT: "Sort",
    Step.AGREE: "Agree",
    Step.CLOSE: "Close",
    Step.DONE: "Done",
    Step.APPRECIATE: "Appreciate",
    Step.REVIEW: "Review",
    Step.REFLECT: "Reflect",
    Step.PLAN: "Plan",
    Step.FEELINGS: "Feelings",
    Step.ACCOUNTS: "Accounts",
    Step.TRIGGERS: "Triggers",
    Step.OWN: "Own",
    Step.DIFFERENTLY: "Differently",
}


class Status(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class Phase(StrEnum):
    """The three moments of one turn on the floor."""

    SPEAKING = "speaking"
    REFLECTING = "reflecting"
    CONFIRMING = "confirming"


class Landed(StrEnum):
    """How the speaker says a reflection landed."""

    YES = "yes"  # "that's it"
    PARTLY = "partly"  # "partly, there's more"
    NO = "no"  # "not quite"


class Layer(IntEnum):
    """The three layers every issue belongs to."""

    FOUNDATION = 1  # core needs and boundaries: acknowledged, never bargained
    TEMPERAMENT = 2  # who we are: understood, noted, not bargained
    NEGOTIABLE = 3  # roles, chores, schedules, money logistics: becomes agreements


LAYER_TITLES = {
    Layer.FOUNDATION: "Foundation",
    Layer.TEMPERAMENT: "Temperament",
    Layer.NEGOTIABLE: "Negotiable",
}


class AgreementStatus(StrEnum):
    DRAFT = "draft"  # being written, or not confirmed by both
    ACTIVE = "active"  # confirmed by both; being tried
    KEPT = "kept"
    RENEGOTIATING = "renegotiating"
    RETIRED = "retired"


@dataclass
class Boundary:
    """A line a partner draws. Without an enforcement it is only a preference."""

    text: str
    enforcement: str = ""

    @property
    def is_preference(self) -> bool:
        return not self.enforcement.strip()


#: What a review of an agreement can conclude.
REVIEW_OUTCOMES = ("kept", "adjusted", "retired")
#: Rhythms a ritual can have that accord can count with; any other text is kept as written.
RHYTHMS = ("daily", "weekly", "monthly")


@dataclass
class Profile:
    """Who one partner is, kept between sessions: what they need, where their lines are,
    and what helps them calm down in a time-out."""

    name: str
    core_needs: list[str] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    calming: str = ""


@dataclass
class Couple:
    """What accord remembers between sessions, so set-up is quick next time."""

    names: list[str] = field(default_factory=lambda: ["", ""])
    colors: list[str] = field(default_factory=lambda: ["#5fafd7", "#d7875f"])
    safety_notice_seen: bool = False
    schema: int = SCHEMA_VERSION
