"""The word lists loaded in the background are set aside from the garbage collector, which
would otherwise look through all of them again in the middle of a key press."""

from __future__ import annotations

import gc


async def test_the_loaded_word_lists_are_set_aside(app_factory):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        gc.unfreeze()
        before = gc.get_freeze_count()
        app.warm_up_language()
        await app.workers.wait_for_complete()
        assert gc.get_freeze_count() > before


async def test_no_collection_runs_while_the_word_lists_load(app_factory, monkeypatch):
    """A collection while the lists are being made held the screen for 60-125 ms."""
    from accord import language

    seen = []
    real = language.warm_up

    def watched() -> None:
        seen.append(gc.isenabled())
        real()
        seen.append(gc.isenabled())

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        monkeypatch.setattr(language, "warm_up", watched)
        assert gc.isenabled()
        app.warm_up_language()
        await app.workers.wait_for_complete()
        assert seen == [False, False]
        assert gc.isenabled()  # and on again after


async def test_the_word_lists_wait_for_a_session(app_factory, store, paused_factory,
                                                 monkeypatch):
    """The home screen and the history do not need them: they load once a session opens
    (loading them under the agreements review slowed its first paint)."""
    from accord import language
    from accord.ui.screens.home import HomeScreen

    calls = []
    monkeypatch.setattr(language, "warm_up", lambda: calls.append("warm"))
    session = paused_factory(topic="Bins")
    store.save(session)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("enter")
        await pilot.pause(1.5)  # past the old one-second delay: still nothing loaded
        await app.workers.wait_for_complete()
        assert calls == []
        await pilot.press("r")
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
        assert calls == ["warm"]
        app.warm_up_language()  # once only
        await app.workers.wait_for_complete()
        assert calls == ["warm"]
