"""Property: any session the model can hold is written and read back unchanged."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.domain.model import (
    PARTNER_IDS,
    REVIEW_OUTCOMES,
    SESSION_KINDS,
    AgreementStatus,
    Boundary,
    Landed,
    Layer,
    Phase,
    Status,
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
    RepairNotes,
    Review,
    Session,
    Settings,
    Statement,
    TimeOut,
    Turn,
)
from accord.storage.codec import SESSION_ID, session_from_dict, session_to_dict

# Text as people type it, including control characters; Windows line endings are stored as
# "\n" (see test_codec), so they are broken up here.
text = st.text(max_size=40).map(lambda s: s.replace("\r\n", "\r \n"))
pid = st.sampled_from(PARTNER_IDS)
offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2200, 1, 1), timezones=offsets
).map(lambda moment: moment.replace(microsecond=0))
days = st.dates()
counts = st.integers(min_value=0, max_value=2**31)
scalars = st.one_of(text, st.integers(min_value=-(2**63), max_value=2**63 - 1), st.booleans())
analysis = st.dictionaries(text, st.one_of(scalars, st.lists(scalars, max_size=4)), max_size=4)

partners = st.builds(Partner, name=text, color=text, fighting_for=text)
statements = st.builds(Statement, text=text, at=moments, seconds=counts, analysis=analysis)
reflections = st.builds(Reflection, text=text, at=moments, said_aloud=st.booleans(),
                        landed=st.none() | st.sampled_from(Landed))
turns = st.builds(
    Turn, speaker=pid, started=moments, passed=st.none() | moments,
    statements=st.lists(statements, max_size=3), reflections=st.lists(reflections, max_size=3),
)
timeouts = st.builds(
    TimeOut, called_by=pid, called_at=moments, planned_return=moments,
    actual_return=st.none() | moments, extra_minutes=counts,
    outcome=st.sampled_from(["", "resumed", "paused"]),
)
preparations = st.builds(
    Preparation, need=text,
    boundaries=st.lists(st.builds(Boundary, text=text, enforcement=text), max_size=3),
)
floors = st.builds(Floor, holder=pid, phase=st.sampled_from(Phase), since=st.none() | moments,
                   banked=counts, draft=text)

reviews = st.builds(Review, on=days, outcome=st.sampled_from(REVIEW_OUTCOMES), note=text)
repair_notes = st.builds(RepairNotes, feelings=text, account=text, reflected=text,
                         trigger=text, owns=text, differently=text)


@st.composite
def sessions(draw) -> Session:
    issues = [
        draw(st.builds(
            Issue, id=st.just(f"i{n}"), title=text, layer=st.none() | st.sampled_from(Layer),
            note=text, suggested=st.booleans(),
            options=st.lists(st.builds(Option, by=pid, text=text), max_size=3),
        ))
        for n in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    agreements = []
    if issues:
        for n in range(draw(st.integers(min_value=0, max_value=3))):
            agreements.append(draw(st.builds(
                Agreement, id=st.just(f"a{n}"), issue_id=st.sampled_from([i.id for i in issues]),
                what=text, who=text, when=text, starts=st.none() | days,
                review_on=st.none() | days, success=text,
                confirmed_by=st.lists(pid, max_size=2, unique=True),
                status=st.sampled_from(AgreementStatus),
                reviews=st.lists(reviews, max_size=2), replaces=text, replaced_by=text,
                kind=st.sampled_from(["agreement", "ritual"]), rhythm=text,
            )))
    kind = draw(st.sampled_from(SESSION_KINDS))
    return Session(
        id=draw(st.from_regex(SESSION_ID, fullmatch=True)),
        created=draw(moments),
        updated=draw(moments),
        partners={"a": draw(partners), "b": draw(partners)},
        topic=draw(text),
        kind=kind,
        status=draw(st.sampled_from(Status)),
        step=draw(st.sampled_from(steps_for(kind))),
        settings=draw(st.builds(Settings, turn_seconds=counts, timeout_minutes=counts,
                                keep_transcript=st.booleans())),
        preparation=draw(st.dictionaries(pid, preparations, max_size=2)),
        floor=draw(floors),
        turns=draw(st.lists(turns, max_size=3)),
        timeouts=draw(st.lists(timeouts, max_size=2)),
        issues=issues,
        agreements=agreements,
        appreciations=draw(st.dictionaries(pid, text, max_size=2)),
        transcript_removed=draw(st.booleans()),
        paused_at=draw(st.none() | moments),
        closed_at=draw(st.none() | moments),
        seeded_from=draw(text),
        meaningful=draw(st.dictionaries(pid, text, max_size=2)),
        friction=draw(st.dictionaries(pid, text, max_size=2)),
        next_checkin=draw(st.none() | days),
        reviewed=draw(st.dictionaries(text, st.sampled_from(REVIEW_OUTCOMES), max_size=2)),
        repair=draw(st.dictionaries(pid, repair_notes, max_size=2)),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_session_survives_toml(session):
    written = tomli_w.dumps(session_to_dict(session), multiline_strings=True)
    assert session_from_dict(tomllib.loads(written)) == session
