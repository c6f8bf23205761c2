"""Rendering a session turn by turn gives exactly the text tomli_w gives for the whole file."""

from __future__ import annotations

import copy
import tomllib

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.storage.test_codec_property import sessions, statements, turns

from accord.storage.codec import session_to_dict
from accord.storage.render import TurnCache, render_session


def plain(session) -> str:
    return tomli_w.dumps(session_to_dict(session), multiline_strings=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_same_text_as_tomli_w(session):
    text = render_session(session, TurnCache())
    assert text == plain(session)
    assert tomllib.loads(text) == tomllib.loads(plain(session))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sessions(), min_size=2, max_size=4))
def test_one_cache_across_different_sessions(many):
    """Text kept for one session's turns is never reused for another's different turns."""
    cache = TurnCache()
    for session in many:
        assert render_session(session, cache) == plain(session)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.lists(turns, min_size=1, max_size=3), statements, st.data())
def test_changes_between_saves(session, more, statement, data):
    """A session saved again after turns are added, changed or removed: no stale turn text."""
    cache = TurnCache()
    assert render_session(session, cache) == plain(session)
    session = copy.deepcopy(session)
    session.turns.extend(more)
    assert render_session(session, cache) == plain(session)
    changed = data.draw(st.integers(min_value=0, max_value=len(session.turns) - 1))
    session.turns[changed].statements.append(statement)
    assert render_session(session, cache) == plain(session)
    session.turns[changed].statements[-1].text += " and more"
    assert render_session(session, cache) == plain(session)
    del session.turns[data.draw(st.integers(min_value=0, max_value=len(session.turns) - 1))]
    assert render_session(session, cache) == plain(session)
    session.turns.clear()
    assert render_session(session, cache) == plain(session)


def test_store_writes_the_same_file(store, session_factory):
    session = session_factory()
    path = store.save(session)
    assert path.read_text(encoding="utf-8") == plain(session)
    assert store.load(session.id) == session
