"""Driving the real app by keys, the way a couple would."""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

START = datetime(2026, 11, 21, 20, 0, 0, tzinfo=timezone(timedelta(hours=1)))


class FakeClock:
    """A clock the test moves by hand, so turn timers and time-outs are exact."""

    def __init__(self, start: datetime = START) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


def saved_sessions(data_dir: Path) -> list[dict]:
    return [
        tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(data_dir.glob("*.session.toml"))
    ]


def only_session(data_dir: Path) -> dict:
    sessions = saved_sessions(data_dir)
    assert len(sessions) == 1, f"expected one session file, found {len(sessions)}"
    return sessions[0]


async def start_session(pilot, names=("Sam", "Alex"), topic="the dishes") -> None:
    """From a fresh app: past the welcome, through set-up, into prepare."""
    from accord.ui.screens.home import HomeScreen
    from accord.ui.screens.notices import WelcomeScreen

    await pilot.pause()
    if isinstance(pilot.app.screen, WelcomeScreen):
        await pilot.press("enter")
    assert isinstance(pilot.app.screen, HomeScreen)
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    for widget_id, value in (("name-a", names[0]), ("name-b", names[1]), ("topic", topic)):
        screen.query_one(f"#{widget_id}").focus()
        await pilot.press("ctrl+a", "ctrl+k")  # clear whatever was remembered
        await type_text(pilot, value)
    await pilot.press("ctrl+n")
    await pilot.pause()
