"""Sessions to plain TOML-ready dicts and back, with strict checking.

Writing drops what TOML cannot hold (``None``) and optional fields that are empty, but always
writes ``schema``. Reading checks every field's type, every enum value and every key, collects
*all* problems with where they are (``turns[3].statements[0].text: expected text, found
integer``) and raises one :class:`SchemaError` (the checks are in
:mod:`accord.storage.codec_parts`; couple.toml and profiles.toml are read by
:mod:`accord.storage.couple_codec`). The layout is described in docs/data-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from accord.domain.model import (
    REVIEW_OUTCOMES,
    SCHEMA_VERSION,
    SESSION_KINDS,
    AgreementStatus,
    Landed,
    Layer,
    Phase,
    Status,
    Step,
    steps_for,
)
from accord.domain.session import (
    REPAIR_FIELDS,
    Agreement,
    Floor,
    Issue,
    Option,
    Partner,
    Preparation,
    Reflection,
    RepairNotes,
    Review,
    Session,
    Settings,
    Statement,
    TimeOut,
    Turn,
)
from accord.storage.codec_parts import (
    SESSION_ID,
    SchemaError,
    _Bad,
    _bool,
    _boundaries_to_list,
    _count,
    _date,
    _datetime,
    _enum,
    _expected,
    _free_table,
    _kind,
    _partner_id,
    _partner_list,
    _read_boundaries,
    _Reader,
    _suggest,
    _text,
    _upgraded,
)

#: Upgrades of a session file, one step each: ``UPGRADES[n]`` turns a schema-``n`` dict into a
#: schema-``n + 1`` dict. Applied in order to files older than :data:`SCHEMA_VERSION`.
UPGRADES: dict[int, Callable[[dict], dict]] = {}


# -- writing -----------------------------------------------------------------------------


def _dt(value: datetime) -> datetime:
    """An offset date-time at whole seconds; a naive time is taken as local time."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.replace(microsecond=0) if value.microsecond else value


def _clean_free(value: Any) -> Any:
    """Free-form data (a statement's analysis) without the ``None`` TOML cannot hold."""
    if isinstance(value, dict):
        return {str(k): _clean_free(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_clean_free(v) for v in value if v is not None]
    return value


def _partner_to_dict(partner: Partner) -> dict:
    out: dict[str, Any] = {"name": partner.name, "color": partner.color}
    if partner.fighting_for:
        out["fighting_for"] = partner.fighting_for
    return out


def _preparation_to_dict(prep: Preparation) -> dict:
    out: dict[str, Any] = {}
    if prep.need:
        out["need"] = prep.need
    if prep.boundaries:
        out["boundaries"] = _boundaries_to_list(prep.boundaries)
    return out


def _floor_to_dict(floor: Floor) -> dict:
    out: dict[str, Any] = {"holder": floor.holder, "phase": floor.phase.value}
    if floor.since is not None:
        out["since"] = _dt(floor.since)
    out["banked"] = floor.banked
    if floor.turn_started is not None:
        out["turn_started"] = _dt(floor.turn_started)
    if floor.draft:
        out["draft"] = floor.draft
    return out


def _statement_to_dict(statement: Statement) -> dict:
    out: dict[str, Any] = {
        "text": statement.text,
        "at": _dt(statement.at),
        "seconds": statement.seconds,
    }
    if statement.analysis:
        out["analysis"] = _clean_free(statement.analysis)
    return out


def _reflection_to_dict(reflection: Reflection) -> dict:
    out: dict[str, Any] = {
        "text": reflection.text,
        "at": _dt(reflection.at),
        "said_aloud": reflection.said_aloud,
    }
    if reflection.landed is not None:
        out["landed"] = reflection.landed.value
    return out


def _turn_to_dict(turn: Turn) -> dict:
    out: dict[str, Any] = {"speaker": turn.speaker, "started": _dt(turn.started)}
    if turn.passed is not None:
        out["passed"] = _dt(turn.passed)
    if turn.statements:
        out["statements"] = [_statement_to_dict(s) for s in turn.statements]
    if turn.reflections:
        out["reflections"] = [_reflection_to_dict(r) for r in turn.reflections]
    return out


def _timeout_to_dict(timeout: TimeOut) -> dict:
    out: dict[str, Any] = {
        "called_by": timeout.called_by,
        "called_at": _dt(timeout.called_at),
        "planned_return": _dt(timeout.planned_return),
    }
    if timeout.actual_return is not None:
        out["actual_return"] = _dt(timeout.actual_return)
    out["extra_minutes"] = timeout.extra_minutes
    if timeout.outcome:
        out["outcome"] = timeout.outcome
    return out


def _issue_to_dict(issue: Issue) -> dict:
    out: dict[str, Any] = {"id": issue.id, "title": issue.title}
    if issue.layer is not None:
        out["layer"] = int(issue.layer)
    if issue.note:
        out["note"] = issue.note
    out["suggested"] = issue.suggested
    if issue.options:
        out["options"] = [{"by": o.by, "text": o.text} for o in issue.options]
    return out


def _agreement_to_dict(agreement: Agreement) -> dict:
    out: dict[str, Any] = {
        "id": agreement.id,
        "issue_id": agreement.issue_id,
        "what": agreement.what,
    }
    if agreement.who:
        out["who"] = agreement.who
    if agreement.when:
        out["when"] = agreement.when
    if agreement.starts is not None:
        out["starts"] = agreement.starts
    if agreement.review_on is not None:
        out["review_on"] = agreement.review_on
    if agreement.success:
        out["success"] = agreement.success
    out["status"] = agreement.status.value
    if agreement.confirmed_by:
        out["confirmed_by"] = list(agreement.confirmed_by)
    if agreement.kind != "agreement":
        out["kind"] = agreement.kind
    if agreement.rhythm:
        out["rhythm"] = agreement.rhythm
    if agreement.replaces:
        out["replaces"] = agreement.replaces
    if agreement.replaced_by:
        out["replaced_by"] = agreement.replaced_by
    if agreement.reviews:
        out["reviews"] = [_review_to_dict(r) for r in agreement.reviews]
    return out


def _review_to_dict(review: Review) -> dict:
    out: dict[str, Any] = {"on": review.on, "outcome": review.outcome}
    if review.note:
        out["note"] = review.note
    return out


def _repair_to_dict(notes: RepairNotes) -> dict:
    return {key: value for key, value in vars(notes).items() if value}


def session_to_dict(session: Session) -> dict:
    """A dict ready for ``tomli_w.dumps``, in the order a person reads the file."""
    s = session
    out: dict[str, Any] = {"schema": SCHEMA_VERSION, "id": s.id, "kind": s.kind,
                           "status": s.status.value, "step": s.step.value}
    if s.topic:
        out["topic"] = s.topic
    out["created"] = _dt(s.created)
    out["updated"] = _dt(s.updated)
    if s.paused_at is not None:
        out["paused_at"] = _dt(s.paused_at)
    if s.closed_at is not None:
        out["closed_at"] = _dt(s.closed_at)
    out["transcript_removed"] = s.transcript_removed
    out["partners"] = {pid: _partner_to_dict(p) for pid, p in s.partners.items()}
    out["settings"] = {
        "turn_seconds": s.settings.turn_seconds,
        "timeout_minutes": s.settings.timeout_minutes,
        "keep_transcript": s.settings.keep_transcript,
    }
    if s.preparation:
        out["preparation"] = {pid: _preparation_to_dict(p) for pid, p in s.preparation.items()}
    out["floor"] = _floor_to_dict(s.floor)
    if s.turns:
        out["turns"] = [_turn_to_dict(t) for t in s.turns]
    if s.timeouts:
        out["timeouts"] = [_timeout_to_dict(t) for t in s.timeouts]
    if s.issues:
        out["issues"] = [_issue_to_dict(i) for i in s.issues]
    if s.agreements:
        out["agreements"] = [_agreement_to_dict(a) for a in s.agreements]
    if s.appreciations:
        out["appreciations"] = dict(s.appreciations)
    if s.seeded_from:
        out["seeded_from"] = s.seeded_from
    for key in ("meaningful", "friction", "reviewed"):
        if getattr(s, key):
            out[key] = dict(getattr(s, key))
    if s.next_checkin is not None:
        out["next_checkin"] = s.next_checkin
    if s.repair:
        out["repair"] = {pid: _repair_to_dict(n) for pid, n in s.repair.items()}
    return out


# -- reading -----------------------------------------------------------------------------


def _session_id(value: Any) -> str:
    value = _text(value)
    if not SESSION_ID.fullmatch(value):
        raise _Bad(f"{value!r} is not a session id (letters, digits and '-' only)")
    return value


_STEP, _STATUS, _PHASE = _enum(Step), _enum(Status), _enum(Phase)


def _steps_of(kind: str) -> Callable[[Any], Step]:
    """A step of a session of ``kind``; the message lists only that kind's steps."""
    order = steps_for(kind)
    choices = [step.value for step in order]

    def check(value: Any) -> Step:
        if type(value) is not str:
            raise _expected("one of " + ", ".join(choices), value)
        if value not in choices:
            raise _Bad(f"unknown value {value!r}; expected one of {', '.join(choices)}"
                       + _suggest(value, choices))
        return Step(value)

    return check
_LANDED, _AGREEMENT_STATUS, _LAYER = _enum(Landed), _enum(AgreementStatus), _enum(Layer)


_PARTNER_KEYS = ("name", "color", "fighting_for")
_SETTINGS_KEYS = ("turn_seconds", "timeout_minutes", "keep_transcript")
_PREPARATION_KEYS = ("need", "boundaries")

_FLOOR_KEYS = ("holder", "phase", "since", "banked", "draft", "turn_started")
_TURN_KEYS = ("speaker", "started", "passed", "statements", "reflections")
_STATEMENT_KEYS = ("text", "at", "seconds", "analysis")
_REFLECTION_KEYS = ("text", "at", "said_aloud", "landed")
_TIMEOUT_KEYS = ("called_by", "called_at", "planned_return", "actual_return", "extra_minutes",
                 "outcome")
_ISSUE_KEYS = ("id", "title", "layer", "note", "suggested", "options")
_OPTION_KEYS = ("by", "text")
_AGREEMENT_KEYS = ("id", "issue_id", "what", "who", "when", "starts", "review_on", "success",
                   "status", "confirmed_by", "kind", "rhythm", "replaces", "replaced_by",
                   "reviews")
_REVIEW_KEYS = ("on", "outcome", "note")
_REPAIR_KEYS = REPAIR_FIELDS
_SESSION_KEYS = (
    "schema", "id", "kind", "status", "step", "topic", "created", "updated", "paused_at",
    "closed_at", "transcript_removed", "partners", "settings", "preparation", "floor", "turns",
    "timeouts", "issues", "agreements", "appreciations", "seeded_from", "meaningful",
    "friction", "reviewed", "next_checkin", "repair",
)


def _read_partner(r: _Reader, value: Any, where: str) -> Partner | None:
    d = r.table(value, where, _PARTNER_KEYS)
    if d is None:
        return None
    return Partner(
        name=r.field(d, where, "name", _text),
        color=r.field(d, where, "color", _text),
        fighting_for=r.field(d, where, "fighting_for", _text, ""),
    )


def _read_settings(r: _Reader, d: dict) -> Settings:
    defaults = Settings()
    table = r.table(d.get("settings", {}), "settings", _SETTINGS_KEYS)
    if table is None:
        return defaults
    return Settings(
        turn_seconds=r.field(table, "settings", "turn_seconds", _count, defaults.turn_seconds),
        timeout_minutes=r.field(table, "settings", "timeout_minutes", _count,
                                defaults.timeout_minutes),
        keep_transcript=r.field(table, "settings", "keep_transcript", _bool,
                                defaults.keep_transcript),
    )


def _read_preparation(r: _Reader, value: Any, where: str) -> Preparation | None:
    d = r.table(value, where, _PREPARATION_KEYS)
    if d is None:
        return None
    return Preparation(need=r.field(d, where, "need", _text, ""),
                       boundaries=_read_boundaries(r, d, where))


def _read_floor(r: _Reader, d: dict) -> Floor:
    table = r.table(d.get("floor", {}), "floor", _FLOOR_KEYS)
    if table is None:
        return Floor()
    w = "floor"
    return Floor(
        holder=r.field(table, w, "holder", _partner_id, "a"),
        phase=r.field(table, w, "phase", _PHASE, Phase.SPEAKING),
        since=r.field(table, w, "since", _datetime, None),
        banked=r.field(table, w, "banked", _count, 0),
        draft=r.field(table, w, "draft", _text, ""),
        turn_started=r.field(table, w, "turn_started", _datetime, None),
    )


def _read_turn(r: _Reader, value: Any, where: str) -> Turn | None:
    d = r.table(value, where, _TURN_KEYS)
    if d is None:
        return None
    statements = []
    for here, item in r.items(d, where, "statements"):
        s = r.table(item, here, _STATEMENT_KEYS)
        if s is not None:
            statements.append(Statement(
                text=r.field(s, here, "text", _text),
                at=r.field(s, here, "at", _datetime),
                seconds=r.field(s, here, "seconds", _count, 0),
                analysis=r.field(s, here, "analysis", _free_table, {}),
            ))
    reflections = []
    for here, item in r.items(d, where, "reflections"):
        f = r.table(item, here, _REFLECTION_KEYS)
        if f is not None:
            reflections.append(Reflection(
                text=r.field(f, here, "text", _text),
                at=r.field(f, here, "at", _datetime),
                said_aloud=r.field(f, here, "said_aloud", _bool, False),
                landed=r.field(f, here, "landed", _LANDED, None),
            ))
    return Turn(
        speaker=r.field(d, where, "speaker", _partner_id),
        started=r.field(d, where, "started", _datetime),
        statements=statements,
        reflections=reflections,
        passed=r.field(d, where, "passed", _datetime, None),
    )


def _outcome(value: Any) -> str:
    value = _text(value)
    if value not in ("", "resumed", "paused"):
        raise _Bad(f"unknown value {value!r}; expected resumed or paused"
                   + _suggest(value, ("resumed", "paused")))
    return value


def _read_timeout(r: _Reader, value: Any, where: str) -> TimeOut | None:
    d = r.table(value, where, _TIMEOUT_KEYS)
    if d is None:
        return None
    return TimeOut(
        called_by=r.field(d, where, "called_by", _partner_id),
        called_at=r.field(d, where, "called_at", _datetime),
        planned_return=r.field(d, where, "planned_return", _datetime),
        actual_return=r.field(d, where, "actual_return", _datetime, None),
        extra_minutes=r.field(d, where, "extra_minutes", _count, 0),
        outcome=r.field(d, where, "outcome", _outcome, ""),
    )


def _read_issue(r: _Reader, value: Any, where: str) -> Issue | None:
    d = r.table(value, where, _ISSUE_KEYS)
    if d is None:
        return None
    options = []
    for here, item in r.items(d, where, "options"):
        o = r.table(item, here, _OPTION_KEYS)
        if o is not None:
            options.append(Option(by=r.field(o, here, "by", _partner_id),
                                  text=r.field(o, here, "text", _text)))
    return Issue(
        id=r.field(d, where, "id", _text),
        title=r.field(d, where, "title", _text),
        layer=r.field(d, where, "layer", _LAYER, None),
        note=r.field(d, where, "note", _text, ""),
        suggested=r.field(d, where, "suggested", _bool, False),
        options=options,
    )


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        value = _text(value)
        if value not in choices:
            raise _Bad(f"unknown value {value!r}; expected one of {', '.join(choices)}"
                       + _suggest(value, choices))
        return value

    return check


_AGREEMENT_KIND = _choice(("agreement", "ritual"))
_REVIEW_OUTCOME = _choice(REVIEW_OUTCOMES)
_SESSION_KIND = _choice(SESSION_KINDS)


def _read_review(r: _Reader, value: Any, where: str) -> Review | None:
    d = r.table(value, where, _REVIEW_KEYS)
    if d is None:
        return None
    return Review(on=r.field(d, where, "on", _date),
                  outcome=r.field(d, where, "outcome", _REVIEW_OUTCOME),
                  note=r.field(d, where, "note", _text, ""))


def _read_agreement(r: _Reader, value: Any, where: str) -> Agreement | None:
    d = r.table(value, where, _AGREEMENT_KEYS)
    if d is None:
        return None
    reviews = [_read_review(r, v, w) for w, v in r.items(d, where, "reviews")]
    return Agreement(
        id=r.field(d, where, "id", _text),
        issue_id=r.field(d, where, "issue_id", _text),
        what=r.field(d, where, "what", _text),
        who=r.field(d, where, "who", _text, ""),
        when=r.field(d, where, "when", _text, ""),
        starts=r.field(d, where, "starts", _date, None),
        review_on=r.field(d, where, "review_on", _date, None),
        success=r.field(d, where, "success", _text, ""),
        confirmed_by=r.field(d, where, "confirmed_by", _partner_list, []),
        status=r.field(d, where, "status", _AGREEMENT_STATUS, AgreementStatus.DRAFT),
        reviews=[v for v in reviews if v is not None],
        replaces=r.field(d, where, "replaces", _text, ""),
        replaced_by=r.field(d, where, "replaced_by", _text, ""),
        kind=r.field(d, where, "kind", _AGREEMENT_KIND, "agreement"),
        rhythm=r.field(d, where, "rhythm", _text, ""),
    )


def _read_texts_by_partner(r: _Reader, data: dict, key: str) -> dict[str, str]:
    out = {}
    for pid, value in r.by_partner(data, "", key, required=False):
        try:
            out[pid] = _text(value)
        except _Bad as bad:
            r.problem(f"{key}.{pid}", str(bad))
    return out


def _read_reviewed(r: _Reader, data: dict) -> dict[str, str]:
    value = data.get("reviewed", {})
    if not isinstance(value, dict):
        r.problem("reviewed", f"expected table, found {_kind(value)}")
        return {}
    out = {}
    for key, outcome in value.items():
        try:
            out[key] = _REVIEW_OUTCOME(outcome)
        except _Bad as bad:
            r.problem(f"reviewed.{key}", str(bad))
    return out


def _read_repair(r: _Reader, data: dict) -> dict[str, RepairNotes]:
    out = {}
    for pid, value in r.by_partner(data, "", "repair", required=False):
        here = f"repair.{pid}"
        d = r.table(value, here, _REPAIR_KEYS)
        if d is not None:
            out[pid] = RepairNotes(**{k: r.field(d, here, k, _text, "") for k in _REPAIR_KEYS})
    return out


def session_from_dict(data: dict) -> Session:
    """Build a session from a parsed file, or raise :class:`SchemaError` listing every problem."""
    data = _upgraded(data, UPGRADES)
    r = _Reader()
    r.table(data, "", _SESSION_KEYS)

    partners = {}
    for pid, value in r.by_partner(data, "", "partners", required=True):
        partner = _read_partner(r, value, f"partners.{pid}")
        if partner is not None:
            partners[pid] = partner
    preparation = {}
    for pid, value in r.by_partner(data, "", "preparation", required=False):
        prep = _read_preparation(r, value, f"preparation.{pid}")
        if prep is not None:
            preparation[pid] = prep
    appreciations = _read_texts_by_partner(r, data, "appreciations")

    turns = [_read_turn(r, v, w) for w, v in r.items(data, "", "turns")]
    timeouts = [_read_timeout(r, v, w) for w, v in r.items(data, "", "timeouts")]
    issues = [_read_issue(r, v, w) for w, v in r.items(data, "", "issues")]
    agreements = [_read_agreement(r, v, w) for w, v in r.items(data, "", "agreements")]
    kind = r.field(data, "", "kind", _SESSION_KIND, "negotiation")

    session = Session(
        id=r.field(data, "", "id", _session_id),
        created=r.field(data, "", "created", _datetime),
        updated=r.field(data, "", "updated", _datetime),
        partners=partners,
        topic=r.field(data, "", "topic", _text, ""),
        kind=kind,
        status=r.field(data, "", "status", _STATUS, Status.ACTIVE),
        step=r.field(data, "", "step", _steps_of(kind), Step.SETUP),
        settings=_read_settings(r, data),
        preparation=preparation,
        floor=_read_floor(r, data),
        turns=[t for t in turns if t is not None],
        timeouts=[t for t in timeouts if t is not None],
        issues=[i for i in issues if i is not None],
        agreements=[a for a in agreements if a is not None],
        appreciations=appreciations,
        transcript_removed=r.field(data, "", "transcript_removed", _bool, False),
        paused_at=r.field(data, "", "paused_at", _datetime, None),
        closed_at=r.field(data, "", "closed_at", _datetime, None),
        schema=SCHEMA_VERSION,
        seeded_from=r.field(data, "", "seeded_from", _text, ""),
        meaningful=_read_texts_by_partner(r, data, "meaningful"),
        friction=_read_texts_by_partner(r, data, "friction"),
        next_checkin=r.field(data, "", "next_checkin", _date, None),
        reviewed=_read_reviewed(r, data),
        repair=_read_repair(r, data),
    )
    _check_references(r, issues, agreements)
    if r.problems:
        raise SchemaError(r.problems)
    return session


def _check_references(r: _Reader, issues: list[Issue | None],
                      agreements: list[Agreement | None]) -> None:
    """Ids are unique, and every agreement belongs to an issue in the same file."""
    issue_ids: set[str] = set()
    for i, issue in enumerate(issues):
        if issue is not None and issue.id is not None:
            if issue.id in issue_ids:
                r.problem(f"issues[{i}].id", f"{issue.id!r} is used by another issue too")
            issue_ids.add(issue.id)
    agreement_ids: set[str] = set()
    for i, agreement in enumerate(agreements):
        if agreement is None:
            continue
        if agreement.id is not None:
            if agreement.id in agreement_ids:
                r.problem(f"agreements[{i}].id",
                          f"{agreement.id!r} is used by another agreement too")
            agreement_ids.add(agreement.id)
        if agreement.issue_id is not None and agreement.issue_id not in issue_ids:
            r.problem(f"agreements[{i}].issue_id", f"no issue has the id {agreement.issue_id!r}")


# -- profiles ----------------------------------------------------------------------------


