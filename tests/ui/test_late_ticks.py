"""A clock tick that was already due when its screen went away must not crash the app.

A screen's timers stop only once the screen has been removed, which happens a moment after
it leaves the screen stack; a tick due in that moment still runs. The crash test found this:
coming back from a time-out, the time-out screen's countdown ticked once more, found no
time-out running, and the app stopped with an AssertionError (docs/reliability.md).
"""

from __future__ import annotations

from accord.ui.screens.home import HomeScreen
from accord.ui.screens.modals import Confirm
from accord.ui.screens.talk import TalkScreen
from accord.ui.screens.timeout import TimeoutScreen
from tests.ui.helpers import only_session, start_session


async def to_talk(pilot) -> TalkScreen:
    await start_session(pilot)
    await pilot.press("ctrl+n")  # past prepare
    await pilot.pause()
    assert isinstance(pilot.app.screen, TalkScreen)
    return pilot.app.screen


async def test_a_late_countdown_tick_after_coming_back_is_harmless(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_talk(pilot)
        await pilot.press("ctrl+t", "1")
        await pilot.pause()
        timeout = app.screen
        assert isinstance(timeout, TimeoutScreen)
        clock.advance(minutes=5)
        await pilot.press("r")  # early: "come back now anyway?"
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert timeout not in app.screen_stack
        timeout.tick()  # the tick that was already due
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TalkScreen)
    assert only_session(data_dir)["timeouts"][0]["outcome"] == "resumed"


async def test_a_late_talk_tick_after_pausing_is_harmless(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        talk = await to_talk(pilot)
        await pilot.press(*"half a sentence")
        await pilot.press("f3")  # pause: home, and no session open
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.session is None
        talk.tick()
        talk.save_draft()
        talk.coach()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)
    saved = only_session(data_dir)
    assert saved["status"] == "paused" and saved["floor"]["draft"] == "half a sentence"
