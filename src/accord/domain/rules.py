"""The rules of a session: every change to a session goes through one of these functions.

Each function takes the session and the current time, checks the rule, and changes the
session in place; a broken rule raises :class:`RuleError` with a sentence a person can read.
Screens call these and then save; they never change a session's fields themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from accord.domain.model import (
    MAX_TIMEOUT_MINUTES,
    MIN_TIMEOUT_MINUTES,
    PARTNER_IDS,
    SESSION_KINDS,
    AgreementStatus,
    Boundary,
    Landed,
    Layer,
    Phase,
    Status,
    Step,
    skippable_for,
    steps_for,
)
from accord.domain.session import (
    Agreement,
    Floor,
    Issue,
    Option,
    Partner,
    Preparation,
    Reflection,
    Session,
    Settings,
    Statement,
    TimeOut,
    Turn,
)

MIN_TURN_SECONDS = 30
MAX_TURN_SECONDS = 30 * 60
DEFAULT_REVIEW_DAYS = 14
#: After this many reflections that did not land, the speaker may choose to move on.
TRIES_BEFORE_MOVING_ON = 2
SKIPPABLE_STEPS = frozenset({Step.SETUP, Step.PREPARE, Step.SORT, Step.AGREE})

DEFAULT_COLORS = {"a": "#5fafd7", "b": "#d7875f"}
#: In a renegotiation, the issue made from the agreement being renegotiated.
SEEDED_ISSUE_ID = "i1"


class RuleError(ValueError):
    """A change the session rules do not allow; the message is written for the couple."""


def new_id(now: datetime) -> str:
    """A file-safe id that sorts by time and never comes from anything a person typed."""
    import secrets  # here: it loads hashlib and OpenSSL, which starting the app does not need

    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def _touch(session: Session, now: datetime) -> None:
    session.updated = now


def _clean(text: str) -> str:
    return text.strip()


# -- set up ------------------------------------------------------------------------------


def new_session(
    now: datetime,
    names: tuple[str, str],
    topic: str,
    *,
    colors: tuple[str, str] | None = None,
    fighting_for: tuple[str, str] = ("", ""),
    settings: Settings | None = None,
    starter: str = "a",
    kind: str = "negotiation",
) -> Session:
    """Start a session at the *prepare* step with both partners and the topic filled in.

    Other kinds start at their first step after set-up (see :func:`steps_for`)."""
    names = (_clean(names[0]), _clean(names[1]))
    if not names[0] or not names[1]:
        raise RuleError("Both partners need a name.")
    if names[0].casefold() == names[1].casefold():
        raise RuleError("The two names need to be different, so it's clear whose turn it is.")
    if not _clean(topic):
        raise RuleError("Name the topic in a few words, so you both know what this is about.")
    if starter not in PARTNER_IDS:
        raise RuleError("Choose who speaks first.")
    if kind not in SESSION_KINDS:
        raise ValueError(f"unknown session kind {kind!r}")
    settings = settings or Settings()
    check_turn_seconds(settings.turn_seconds)
    check_timeout_minutes(settings.timeout_minutes)
    colors = colors or (DEFAULT_COLORS["a"], DEFAULT_COLORS["b"])
    partners = {
        pid: Partner(name=names[i], color=colors[i], fighting_for=_clean(fighting_for[i]))
        for i, pid in enumerate(PARTNER_IDS)
    }
    return Session(
        id=new_id(now),
        created=now,
        updated=now,
        partners=partners,
        topic=_clean(topic),
        kind=kind,
        settings=settings,
        step=steps_for(kind)[1],
        preparation={pid: Preparation() for pid in PARTNER_IDS},
        floor=Floor(holder=starter, phase=Phase.SPEAKING),
    )


def check_turn_seconds(seconds: int) -> None:
    if not MIN_TURN_SECONDS <= seconds <= MAX_TURN_SECONDS:
        raise RuleError(
            f"A turn can be from {MIN_TURN_SECONDS} seconds to {MAX_TURN_SECONDS // 60} minutes."
        )


def check_timeout_minutes(minutes: int) -> None:
    if minutes < MIN_TIMEOUT_MINUTES:
        raise RuleError(
            f"A time-out lasts at least {MIN_TIMEOUT_MINUTES} minutes: that is how long a "
            "flooded body takes to calm down."
        )
    if minutes > MAX_TIMEOUT_MINUTES:
        raise RuleError("A time-out lasts at most 24 hours, so nothing is left hanging.")


# -- moving between steps ----------------------------------------------------------------


def next_step(step: Step, kind: str = "negotiation") -> Step:
    """The step after ``step`` in a session of this kind (its last step stays put)."""
    order = steps_for(kind)
    index = order.index(step)
    return order[min(index + 1, len(order) - 1)]


#: Checks run before a session of a kind leaves a step going forward: each gives the reason
#: it is not ready yet, or None. Kinds other than negotiation register theirs here.
STEP_GATES: dict[tuple[str, Step], Callable[[Session], str | None]] = {}


def go_to_step(session: Session, step: Step, now: datetime) -> None:
    """Move the session to ``step``; talk and close can never be skipped on the way forward."""
    if session.status == Status.CLOSED:
        raise RuleError("This session is closed.")
    if step == Step.DONE:
        raise RuleError("A session ends by closing it, after both confirm the agreements.")
    order, skippable = steps_for(session.kind), skippable_for(session.kind)
    if step not in order:
        raise RuleError(f"A {session.kind} session has no {step.value} step.")
    current = order.index(session.step)
    target = order.index(step)
    for skipped in order[current + 1 : target]:
        if skipped not in skippable:
            raise RuleError(f"The {skipped.value} step can't be skipped.")
    if session.kind != "negotiation":
        # The check-in and repair modules register their gates when first imported.
        from accord.domain import checkin, repair  # noqa: F401
    gate = STEP_GATES.get((session.kind, session.step))
    if target > current and gate is not None:
        reason = gate(session)
        if reason:
            raise RuleError(reason)
    if session.step == Step.TALK and step != Step.TALK:
        _stop_clock(session.floor, now)
    session.step = step
    if step == Step.TALK:
        session.floor.since = now
        session.floor.turn_started = session.floor.turn_started or now
    _touch(session, now)


# -- prepare -----------------------------------------------------------------------------


def set_preparation(session: Session, pid: str, need: str, boundaries: list[tuple[str, str]],
                    now: datetime) -> None:
    """Record what a partner needs here and the boundaries they bring (text, enforcement)."""
    prep = session.preparation.setdefault(pid, Preparation())
    prep.need = _clean(need)
    prep.boundaries = [
        Boundary(text=_clean(text), enforcement=_clean(enforcement))
        for text, enforcement in boundaries
        if _clean(text)
    ]
    _touch(session, now)


# -- talk: the floor ---------------------------------------------------------------------


def _stop_clock(floor: Floor, now: datetime) -> None:
    floor.banked = floor.elapsed(now)
    floor.since = None


def _restart_clock(floor: Floor, phase: Phase, now: datetime) -> None:
    floor.phase = phase
    floor.since = now
    floor.banked = 0
    floor.draft = ""


def _require_talk(session: Session, phase: Phase) -> None:
    if session.step != Step.TALK:
        raise RuleError("That belongs to the talk step.")
    if session.active_timeout is not None:
        raise RuleError("You're in a time-out. Rest first; the conversation will wait.")
    if session.floor.phase != phase:
        raise RuleError(f"Right now the floor is {session.floor.phase.value}, not {phase.value}.")


def save_draft(session: Session, text: str, now: datetime) -> None:
    session.floor.draft = text
    _touch(session, now)


def yield_floor(session: Session, text: str, now: datetime, analysis: dict | None = None) -> None:
    """The speaker has said their piece; the listener now reflects it back."""
    _require_talk(session, Phase.SPEAKING)
    text = _clean(text)
    if not text:
        raise RuleError("Type what you said, or its gist, before handing over.")
    seconds = session.floor.elapsed(now)
    turn = session.current_turn
    if turn is None:
        turn = Turn(speaker=session.floor.holder, started=session.floor.turn_started or now)
        session.turns.append(turn)
    turn.statements.append(Statement(text=text, at=now, seconds=seconds, analysis=analysis or {}))
    _restart_clock(session.floor, Phase.REFLECTING, now)
    _touch(session, now)


def reflect(session: Session, text: str, now: datetime, *, said_aloud: bool = False) -> None:
    """The listener's reflection, typed or said aloud; the speaker says whether it landed."""
    _require_talk(session, Phase.REFLECTING)
    text = _clean(text)
    if not text and not said_aloud:
        raise RuleError("Type your reflection, or say it aloud and mark it as said.")
    turn = session.current_turn
    assert turn is not None, "a reflecting floor always has a turn"
    turn.reflections.append(Reflection(text=text, at=now, said_aloud=said_aloud))
    _restart_clock(session.floor, Phase.CONFIRMING, now)
    _touch(session, now)


def answer(session: Session, landed: Landed, now: datetime) -> None:
    """The speaker answers the reflection: the floor passes only when it landed."""
    _require_talk(session, Phase.CONFIRMING)
    turn = session.current_turn
    assert turn is not None and turn.reflections, "a confirming floor always has a reflection"
    turn.reflections[-1].landed = landed
    if landed == Landed.YES:
        _pass_floor(session, now)
    elif landed == Landed.PARTLY:
        _restart_clock(session.floor, Phase.SPEAKING, now)  # "is there more?" - there is
    else:
        _restart_clock(session.floor, Phase.REFLECTING, now)  # try again
    _touch(session, now)


def can_move_on(session: Session) -> bool:
    """After two tries that did not land, the speaker may choose to let the floor pass."""
    turn = session.current_turn
    if turn is None or session.floor.phase == Phase.SPEAKING:
        return False
    misses = [r for r in turn.reflections if r.landed in (Landed.NO, Landed.PARTLY)]
    return len(misses) >= TRIES_BEFORE_MOVING_ON


def move_on(session: Session, now: datetime) -> None:
    if session.step != Step.TALK or not can_move_on(session):
        raise RuleError("The floor passes when the speaker feels heard (or after two tries).")
    _pass_floor(session, now)
    _touch(session, now)


def _pass_floor(session: Session, now: datetime) -> None:
    turn = session.current_turn
    if turn is not None:
        turn.passed = now
    session.floor.holder = session.other(session.floor.holder)
    session.floor.turn_started = now
    _restart_clock(session.floor, Phase.SPEAKING, now)


# -- time-outs ---------------------------------------------------------------------------


def call_timeout(session: Session, by: str, minutes: int, now: datetime) -> TimeOut:
    """Either partner may stop everything; nobody gets a last word."""
    if by not in PARTNER_IDS:
        raise RuleError("Say who is calling the time-out.")
    if session.active_timeout is not None:
        raise RuleError("A time-out is already running.")
    check_timeout_minutes(minutes)
    if session.step == Step.TALK:
        _stop_clock(session.floor, now)
    timeout = TimeOut(called_by=by, called_at=now, planned_return=now + timedelta(minutes=minutes))
    session.timeouts.append(timeout)
    _touch(session, now)
    return timeout


def extend_timeout(session: Session, minutes: int, now: datetime) -> None:
    """Coming back at the agreed time, either may ask for a specific amount of extra time."""
    timeout = session.active_timeout
    if timeout is None:
        raise RuleError("There is no time-out to extend.")
    if minutes < 1:
        raise RuleError("Ask for at least one more minute.")
    new_return = max(timeout.planned_return, now) + timedelta(minutes=minutes)
    if new_return - timeout.called_at > timedelta(minutes=MAX_TIMEOUT_MINUTES):
        raise RuleError("A time-out lasts at most 24 hours in all.")
    timeout.planned_return = new_return
    timeout.extra_minutes += minutes
    _touch(session, now)


def end_timeout(session: Session, now: datetime, *, pause_session: bool = False) -> None:
    """Back together: resume now, or pause the session to come back to it later."""
    timeout = session.active_timeout
    if timeout is None:
        raise RuleError("There is no time-out running.")
    timeout.actual_return = now
    timeout.outcome = "paused" if pause_session else "resumed"
    if pause_session:
        pause(session, now)
    elif session.step == Step.TALK:
        session.floor.since = now
    _touch(session, now)


# -- pause and resume --------------------------------------------------------------------


def pause(session: Session, now: datetime) -> None:
    if session.status == Status.CLOSED:
        return
    if session.step == Step.TALK and session.floor.since is not None:
        _stop_clock(session.floor, now)
    session.status = Status.PAUSED
    session.paused_at = now
    _touch(session, now)


def resume(session: Session, now: datetime) -> None:
    if session.status == Status.CLOSED:
        raise RuleError("This session is closed; its agreements are in the review.")
    session.status = Status.ACTIVE
    session.paused_at = None
    if session.step == Step.TALK and session.active_timeout is None:
        session.floor.since = now
    _touch(session, now)


# -- sort --------------------------------------------------------------------------------


def _next_issue_id(session: Session) -> str:
    used = {i.id for i in session.issues}
    n = len(session.issues) + 1
    while f"i{n}" in used:
        n += 1
    return f"i{n}"


def add_issue(session: Session, title: str, now: datetime, *, layer: Layer | None = None,
              suggested: bool = False) -> Issue:
    title = _clean(title)
    if not title:
        raise RuleError("Give the issue a few words.")
    if any(i.title.casefold() == title.casefold() for i in session.issues):
        raise RuleError("That issue is already on the list.")
    issue = Issue(id=_next_issue_id(session), title=title, layer=layer, suggested=suggested)
    session.issues.append(issue)
    _touch(session, now)
    return issue


def rename_issue(session: Session, issue_id: str, title: str, now: datetime) -> None:
    title = _clean(title)
    if not title:
        raise RuleError("Give the issue a few words.")
    issue = session.issue(issue_id)
    issue.title = title
    issue.suggested = False  # now it is in their own words
    _touch(session, now)


def remove_issue(session: Session, issue_id: str, now: datetime) -> None:
    if session.seeded_from and issue_id == SEEDED_ISSUE_ID:
        raise RuleError("This is the agreement you came to renegotiate; it stays on the list.")
    if session.agreements_for(issue_id):
        raise RuleError("This issue has agreements; remove those first.")
    session.issues = [i for i in session.issues if i.id != issue_id]
    _touch(session, now)


def set_layer(session: Session, issue_id: str, layer: Layer, now: datetime) -> None:
    issue = session.issue(issue_id)
    if layer != Layer.NEGOTIABLE and session.agreements_for(issue_id):
        raise RuleError(
            "This issue already has agreements. Only negotiable issues have agreements; "
            "remove them first if it belongs in another layer."
        )
    issue.layer = Layer(layer)
    issue.suggested = False  # they have made it their own
    _touch(session, now)


def set_note(session: Session, issue_id: str, note: str, now: datetime) -> None:
    session.issue(issue_id).note = _clean(note)
    _touch(session, now)


def why_not_negotiable(layer: Layer | None) -> str | None:
    """Why an issue in this layer cannot become an agreement, or None if it can."""
    if layer == Layer.FOUNDATION:
        return (
            "This is a core need or boundary. It is acknowledged, not bargained over: "
            "trading it away would only breed resentment."
        )
    if layer == Layer.TEMPERAMENT:
        return (
            "This is about who you each are. It is met with curiosity and a note on how "
            "you'll work with it, not bargained over."
        )
    if layer is None:
        return "Place this issue in a layer first."
    return None


# -- agree -------------------------------------------------------------------------------


def add_option(session: Session, issue_id: str, by: str, text: str, now: datetime) -> Option:
    """A brainstormed idea: anything goes, nothing is judged yet."""
    text = _clean(text)
    if not text:
        raise RuleError("Type the idea first.")
    option = Option(by=by, text=text)
    session.issue(issue_id).options.append(option)
    _touch(session, now)
    return option


def add_agreement(
    session: Session,
    issue_id: str,
    what: str,
    now: datetime,
    *,
    who: str = "",
    when: str = "",
    starts: date | None = None,
    review_on: date | None = None,
    success: str = "",
) -> Agreement:
    """Draft an agreement for a negotiable issue. Both partners confirm it at close."""
    issue = session.issue(issue_id)
    reason = why_not_negotiable(issue.layer)
    if reason:
        raise RuleError(reason)
    what = _clean(what)
    if not what:
        raise RuleError("Say what you agree to do.")
    today = now.date()
    starts = starts or today
    review_on = review_on or starts + timedelta(days=DEFAULT_REVIEW_DAYS)
    if review_on < starts:
        raise RuleError("The review date comes after the start.")
    used = {a.id for a in session.agreements}
    n = len(session.agreements) + 1
    while f"{session.id}-a{n}" in used:
        n += 1
    agreement = Agreement(
        id=f"{session.id}-a{n}",
        issue_id=issue_id,
        what=what,
        who=_clean(who),
        when=_clean(when),
        starts=starts,
        review_on=review_on,
        success=_clean(success),
    )
    session.agreements.append(agreement)
    _touch(session, now)
    return agreement


def agreement(session: Session, agreement_id: str) -> Agreement:
    for item in session.agreements:
        if item.id == agreement_id:
            return item
    raise KeyError(agreement_id)


def edit_agreement(session: Session, agreement_id: str, now: datetime, **fields) -> None:
    """Change an agreement's wording; any confirmation is cleared, since the text changed."""
    item = agreement(session, agreement_id)
    for key, value in fields.items():
        if key not in {"what", "who", "when", "starts", "review_on", "success"}:
            raise KeyError(key)
        setattr(item, key, _clean(value) if isinstance(value, str) else value)
    if not item.what:
        raise RuleError("Say what you agree to do.")
    if item.starts and item.review_on and item.review_on < item.starts:
        raise RuleError("The review date comes after the start.")
    item.confirmed_by = []
    _touch(session, now)


def remove_agreement(session: Session, agreement_id: str, now: datetime) -> None:
    session.agreements = [a for a in session.agreements if a.id != agreement_id]
    _touch(session, now)


# -- close -------------------------------------------------------------------------------


def confirm(
    session: Session, agreement_id: str, pid: str, now: datetime, *, yes: bool = True
) -> None:
    """One partner confirms (or takes back) one agreement. Each confirms for themselves."""
    if pid not in PARTNER_IDS:
        raise KeyError(pid)
    item = agreement(session, agreement_id)
    if yes and pid not in item.confirmed_by:
        item.confirmed_by.append(pid)
    elif not yes and pid in item.confirmed_by:
        item.confirmed_by.remove(pid)
    _touch(session, now)


def set_appreciation(session: Session, pid: str, text: str, now: datetime) -> None:
    text = _clean(text)
    if text:
        session.appreciations[pid] = text
    else:
        session.appreciations.pop(pid, None)
    _touch(session, now)


def close_session(session: Session, now: datetime) -> list[Agreement]:
    """Close the session. Only agreements both confirmed become agreed; returns those."""
    if session.step != Step.CLOSE:
        raise RuleError("A session closes from the close step.")
    if session.active_timeout is not None:
        raise RuleError("Finish the time-out first.")
    agreed = []
    for item in session.agreements:
        if item.confirmed_by_both:
            item.status = AgreementStatus.ACTIVE
            agreed.append(item)
        else:
            item.status = AgreementStatus.DRAFT
    if not session.settings.keep_transcript:
        for turn in session.turns:
            for statement in turn.statements:
                statement.text = ""
                statement.analysis = {}
            for reflection in turn.reflections:
                reflection.text = ""
        # What a check-in or repair heard is part of the transcript too.
        session.meaningful, session.friction, session.repair = {}, {}, {}
        session.transcript_removed = True
    session.floor.draft = ""
    session.step = Step.DONE
    session.status = Status.CLOSED
    session.closed_at = now
    session.paused_at = None
    _touch(session, now)
    return agreed
