"""Resuming: the paused session at the top of the home screen is read ahead, and used only
while its file is unchanged; every step screen can be found."""

from __future__ import annotations

import os

from accord.domain.model import Step
from accord.ui.screens.base import SessionScreen
from accord.ui.screens.home import START_SCAN_DELAY, HomeScreen
from accord.ui.screens.steps import SCREENS, screen_for_step


def test_every_step_has_its_screen():
    for step in Step:
        assert isinstance(screen_for_step(step), SessionScreen)
    assert type(screen_for_step(Step.TALK)).__name__ == "TalkScreen"
    assert type(screen_for_step(Step.DONE)).__name__ == "DoneScreen"
    assert all(step in SCREENS for step in Step if step != Step.SETUP)


async def home(app, pilot):
    await pilot.pause()
    if not isinstance(app.screen, HomeScreen):
        await pilot.press("enter")
    await pilot.pause(START_SCAN_DELAY + 0.1)  # the reading ahead starts after this
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_resume_uses_the_session_read_ahead(app_factory, store, paused_factory):
    session = paused_factory(topic="Bins")
    store.save(session)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await home(app, pilot)
        kept = app._read_ahead
        assert kept is not None and kept[0] == session.id
        await pilot.press("r")
        await pilot.pause()
        assert app.session is kept[2]
        assert app.session.topic == "Bins"
    assert store.load(session.id).status.value != "paused"  # the resume was saved


async def test_a_file_changed_after_reading_ahead_is_read_again(app_factory, store,
                                                                paused_factory):
    session = paused_factory(topic="Bins")
    path = store.save(session)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await home(app, pilot)
        assert app._read_ahead is not None
        path.write_text(path.read_text(encoding="utf-8").replace('"Bins"', '"Bins and bags"'),
                        encoding="utf-8")
        os.utime(path, (1_600_000_000, 1_600_000_000))
        await pilot.press("r")
        await pilot.pause()
        assert app.session.topic == "Bins and bags"
    saved = store.load(session.id)
    assert saved.topic == "Bins and bags" and saved.turns == session.turns


async def test_a_session_read_when_asked_for_is_warmed_for_its_first_save(
        app_factory, store, paused_factory, monkeypatch):
    from accord.storage.store import Store

    session = paused_factory(topic="Bins")
    path = store.save(session)
    warmed: list[str] = []
    warm = Store.warm

    def counting(self, read):
        warmed.append(read.id)
        return warm(self, read)

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await home(app, pilot)
        monkeypatch.setattr(Store, "warm", counting)
        os.utime(path, (1_600_000_000, 1_600_000_000))  # what was read ahead is stale now
        await pilot.press("r")
        await pilot.pause()
        assert app.session.topic == "Bins"
    # Read again on r, and its turns' text taken from the file, so the first save is quick.
    assert warmed == [session.id]


async def test_the_home_screen_shown_again_does_not_read_the_same_file_again(
        app_factory, store, paused_factory, monkeypatch):
    session = paused_factory(topic="Bins")
    path = store.save(session)
    os.utime(path, (1_600_000_000, 1_600_000_000))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await home(app, pilot)
        warmed = []
        real = app.store.warm
        monkeypatch.setattr(app.store, "warm", lambda s: warmed.append(s.id) or real(s))
        for _ in range(2):  # the home screen shows a scan again (as it does at start-up)
            app.screen.refresh_lists()
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert warmed == []
        assert app._read_ahead is not None and app._read_ahead[0] == session.id
        path.write_text(path.read_text(encoding="utf-8").replace('"Bins"', '"Bins and bags"'),
                        encoding="utf-8")
        os.utime(path, (1_600_000_100, 1_600_000_100))
        app.screen.refresh_lists()  # changed since: read again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert warmed == [session.id]
        await pilot.press("r")
        await pilot.pause()
        assert app.session.topic == "Bins and bags"
