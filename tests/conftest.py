"""Shared fixtures: every test gets its own data folder and never sees the user's real files."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from accord.domain import rules
from accord.domain.model import Landed, Layer, Step
from accord.domain.session import Session
from accord.storage.store import Store

#: A fixed moment with a non-UTC offset, so time zones are exercised by default.
T0 = datetime(2024, 5, 1, 20, 0, 0, tzinfo=timezone(timedelta(hours=2)))


@pytest.fixture(autouse=True)
def _unfreeze_after():
    """The app sets what it keeps for good aside from the garbage collector (gc.freeze); in
    the test process that would keep earlier tests' apps too, so it is undone after each."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point accord (and anything that asks platformdirs) at folders inside tmp_path."""
    data = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ACCORD_DATA_DIR", str(data))
    monkeypatch.delenv("ACCORD_CONFIG_DIR", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    return data


@pytest.fixture
def store(isolated_data: Path) -> Store:
    return Store(isolated_data)


def build_session(
    names: tuple[str, str] = ("Sam", "Alex"),
    topic: str = "The dishes",
    *,
    start: datetime = T0,
    closed: bool = True,
    text: str = "I feel tired when the sink is full; I need rest.",
) -> Session:
    """A session taken through every step with the real rules: prepare, talk with a
    reflection that misses and one that lands, a time-out, sorting into all three layers,
    two agreements confirmed by both and one draft, appreciations, and (optionally) close."""
    t = start
    s = rules.new_session(t, names, topic, fighting_for=("a calm evening", ""))
    rules.set_preparation(s, "a", "rest", [("no shouting", "I leave the room"), ("tea", "")], t)
    rules.go_to_step(s, Step.TALK, t + timedelta(minutes=1))
    rules.yield_floor(s, text, t + timedelta(minutes=2),
                      analysis={"feelings": ["tired"], "needs": ["rest"], "score": 2,
                                "absolute": False})
    rules.reflect(s, "You are tired.", t + timedelta(minutes=3))
    rules.answer(s, Landed.PARTLY, t + timedelta(minutes=4))
    rules.yield_floor(s, "And I need help.", t + timedelta(minutes=5))
    rules.reflect(s, "", t + timedelta(minutes=6), said_aloud=True)
    rules.answer(s, Landed.YES, t + timedelta(minutes=7))
    rules.call_timeout(s, "b", 20, t + timedelta(minutes=8))
    rules.extend_timeout(s, 5, t + timedelta(minutes=28))
    rules.end_timeout(s, t + timedelta(minutes=34))
    rules.yield_floor(s, "I want us to share it.", t + timedelta(minutes=36))
    rules.go_to_step(s, Step.SORT, t + timedelta(minutes=40))
    safety = rules.add_issue(s, "Feeling safe to speak", t + timedelta(minutes=41))
    rules.set_layer(s, safety.id, Layer.FOUNDATION, t + timedelta(minutes=41))
    pace = rules.add_issue(s, "Different pace in the evening", t + timedelta(minutes=42),
                           suggested=True)
    rules.set_layer(s, pace.id, Layer.TEMPERAMENT, t + timedelta(minutes=42))
    rules.set_note(s, pace.id, "Alex rests first, then we talk.", t + timedelta(minutes=42))
    dishes = rules.add_issue(s, "Who does the dishes", t + timedelta(minutes=43),
                             layer=Layer.NEGOTIABLE)
    rules.add_issue(s, "Not placed yet", t + timedelta(minutes=43))
    rules.go_to_step(s, Step.AGREE, t + timedelta(minutes=44))
    rules.add_option(s, dishes.id, "a", "A rota on the fridge", t + timedelta(minutes=45))
    rules.add_option(s, dishes.id, "b", "Paper plates forever", t + timedelta(minutes=45))
    first = rules.add_agreement(s, dishes.id, f"{names[0]} washes up on weekdays",
                                t + timedelta(minutes=46), who=names[0], when="weekdays",
                                success="The sink is empty at bedtime")
    second = rules.add_agreement(s, dishes.id, "We dry together on Sundays",
                                 t + timedelta(minutes=47), who="both", when="Sundays",
                                 starts=date(2024, 5, 5), review_on=date(2024, 5, 10))
    draft = rules.add_agreement(s, dishes.id, "Buy a dishwasher", t + timedelta(minutes=48))
    rules.go_to_step(s, Step.CLOSE, t + timedelta(minutes=50))
    for agreement in (first, second):
        rules.confirm(s, agreement.id, "a", t + timedelta(minutes=51))
        rules.confirm(s, agreement.id, "b", t + timedelta(minutes=51))
    rules.confirm(s, draft.id, "a", t + timedelta(minutes=51))
    rules.set_appreciation(s, "a", "Thank you for staying.", t + timedelta(minutes=52))
    rules.set_appreciation(s, "b", "You listened.", t + timedelta(minutes=52))
    if closed:
        rules.close_session(s, t + timedelta(minutes=53))
    return s


def build_paused(names: tuple[str, str] = ("Kim", "Lee"), topic: str = "Money",
                 start: datetime = T0) -> Session:
    """A session paused mid-talk, with a draft typed and the listener reflecting."""
    s = rules.new_session(start, names, topic, starter="b")
    rules.go_to_step(s, Step.TALK, start + timedelta(minutes=1))
    rules.yield_floor(s, "I worry about the rent.", start + timedelta(minutes=2))
    rules.save_draft(s, "You worry ab", start + timedelta(minutes=3))
    rules.pause(s, start + timedelta(minutes=4))
    return s


def pretend_schema_version(monkeypatch: pytest.MonkeyPatch, version: int) -> None:
    """This accord's schema version, in every module that writes, reads or compares it."""
    from accord.storage import codec, codec_parts, couple_codec
    from accord.storage import store as store_module

    for module in (codec, codec_parts, couple_codec, store_module):
        monkeypatch.setattr(module, "SCHEMA_VERSION", version)


@pytest.fixture
def session_factory() -> Callable[..., Session]:
    return build_session


@pytest.fixture
def paused_factory() -> Callable[..., Session]:
    return build_paused
