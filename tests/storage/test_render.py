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


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), statements, st.data())
def test_turn_text_taken_from_the_file_is_what_rendering_gives(session, statement, data):
    """A cache primed from a file's text holds exactly each turn's rendered block, or is
    refused; later saves after a change still give tomli_w's text."""
    text = plain(session)
    cache = TurnCache()
    if cache.prime(session, text):
        fresh = TurnCache()
        render_session(session, fresh)
        assert [e[1] for e in cache._entries] == [e[1] for e in fresh._entries]
    assert render_session(session, cache) == text
    if session.turns:
        session = copy.deepcopy(session)
        changed = data.draw(st.integers(min_value=0, max_value=len(session.turns) - 1))
        session.turns[changed].statements.append(statement)
        assert render_session(session, cache) == plain(session)


def test_a_turn_that_looks_like_a_block_header_is_never_split(session_factory):
    session = session_factory()
    assert len(session.turns) >= 2
    cache = TurnCache()
    assert cache.prime(session, plain(session))
    session.turns[0].statements[0].text = "first line\n[[turns]]\nnot a real turn"
    cache = TurnCache()
    assert not cache.prime(session, plain(session))
    assert render_session(session, cache) == plain(session)
    assert not TurnCache().prime(session, "speaker = 1\n")  # another file's text


def test_store_warm_reuses_the_file_and_saves_the_same(store, session_factory):
    from accord.storage.store import Store

    session = session_factory()
    first = store.save(session)
    assert TurnCache().prime(session, first.read_text(encoding="utf-8"))
    other = Store(store.root)
    loaded = other.load(session.id)
    other.warm(loaded)
    assert len(other._turns[1]._entries) == len(loaded.turns)
    loaded.turns[-1].statements[0].text += " (changed)"
    path = other.save(loaded)
    assert path.read_text(encoding="utf-8") == plain(loaded)
