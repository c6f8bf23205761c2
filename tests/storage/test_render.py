"""Rendering a session turn by turn gives exactly the text tomli_w gives for the whole file."""

from __future__ import annotations

import copy
import tomllib

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.storage.test_codec_property import moments, sessions, statements, turns

from accord.domain.model import Landed
from accord.domain.session import Reflection
from accord.storage.codec import session_to_dict
from accord.storage.render import TurnCache, _snapshot, render_session


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


def _in_place_changes(turn, data):
    """Change ``turn`` in place in one of the ways code could: a field, a nested statement or
    reflection, the analysis dict or a list inside it, the order of a list."""
    choice = data.draw(st.integers(min_value=0, max_value=8))
    if choice == 0:
        turn.passed = None if turn.passed is not None else turn.started
    elif choice == 1:
        turn.started = data.draw(moments)
    elif choice == 2:
        turn.speaker = "b" if turn.speaker == "a" else "a"
    elif choice == 3 and turn.statements:
        turn.statements[-1].text += data.draw(st.text(min_size=1, max_size=5))
    elif choice == 4 and turn.statements:
        analysis = turn.statements[0].analysis
        lists = [value for value in analysis.values() if isinstance(value, list)]
        if lists:
            lists[0].append("more")  # a list inside the analysis, changed in place
        else:
            analysis["added"] = 1
    elif choice == 5 and turn.reflections:
        turn.reflections[0].landed = Landed.NO if turn.reflections[0].landed else Landed.YES
    elif choice == 6 and turn.reflections:
        turn.reflections[-1].said_aloud = not turn.reflections[-1].said_aloud
    elif choice == 7 and len(turn.statements) > 1:
        turn.statements.reverse()
    else:
        turn.reflections.append(Reflection(text="again", at=turn.started))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.data())
def test_turns_changed_in_place_are_rendered_again(session, data):
    """The kept copy of each turn shares only immutable values with it: a turn kept earlier and
    then changed in place (any field, nested list or dict, more than once) is rendered again."""
    if not session.turns:
        session.turns.append(data.draw(turns))
    cache = TurnCache()
    assert render_session(session, cache) == plain(session)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        index = data.draw(st.integers(min_value=0, max_value=len(session.turns) - 1))
        _in_place_changes(session.turns[index], data)
        assert render_session(session, cache) == plain(session)


def _mutable_parts(value, found):
    if isinstance(value, list | tuple):
        if isinstance(value, list):
            found.append(value)
        for item in value:
            _mutable_parts(item, found)
    elif isinstance(value, dict):
        found.append(value)
        for item in value.values():
            _mutable_parts(item, found)
    elif hasattr(value, "__dataclass_fields__"):
        found.append(value)
        for item in vars(value).values():
            _mutable_parts(item, found)
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turns)
def test_kept_copy_shares_nothing_that_can_change(turn):
    copied = _snapshot(turn)
    assert copied == turn
    live = {id(part) for part in _mutable_parts(turn, [])}
    assert not any(id(part) in live for part in _mutable_parts(copied, []))
