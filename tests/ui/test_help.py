"""Help answers "what do we do now?" for the moment you are in, and never hides the time-out."""

from __future__ import annotations

from pathlib import Path

from accord.guide import STEP_HELP
from accord.ui.screens.notices import HelpScreen
from accord.ui.screens.talk import TalkScreen
from accord.ui.screens.timeout import TimeoutRequest
from tests.snapshots.scenes import build_app


async def test_help_follows_the_moment_and_the_time_out_still_works(tmp_path):
    app = build_app("talk", tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.topic == "talk.speaking"
        assert ("Ctrl+S", "Hand over") in help_screen.keys
        text = str(help_screen.query_one("Static").render())
        assert STEP_HELP["talk.speaking"][:40] in text
        assert "Ctrl+T" in text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutRequest)
        assert not any(isinstance(s, HelpScreen) for s in app.screen_stack)


def test_every_screen_has_its_own_help():
    from tests.snapshots.scenes import SCENES

    topics = {"home", "setup", "prepare", "talk.speaking", "talk.reflecting", "talk.confirming",
              "sort", "agree", "close", "done", "agreements", "timeout", "settings"}
    assert topics <= set(STEP_HELP)
    assert len(SCENES) >= 20
    assert all(len(text) < 400 for text in STEP_HELP.values())


async def test_help_from_the_palette_and_by_question_mark(tmp_path):
    app = build_app("sort", Path(tmp_path / "data"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.topic == "sort"
        await pilot.press("escape")
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Foundation", "Temperament", "Negotiable", "Add", "Remove", "Time-out"} <= titles
