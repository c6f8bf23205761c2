"""The app as the command line starts it: files are written from a background thread."""

from __future__ import annotations

from accord.ui.app import make_app
from accord.ui.screens.talk import TalkScreen
from tests.ui.helpers import only_session, start_session, type_text


async def test_background_saves_reach_the_file(data_dir, clock):
    app = make_app(data_dir, clock=clock, save_in_background=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        await pilot.press("ctrl+n")  # past prepare
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        await type_text(pilot, "I feel rushed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.flush_saves(timeout=10)
        saved = only_session(data_dir)
        assert saved["turns"][0]["statements"][0]["text"] == "I feel rushed"
        await pilot.press("ctrl+q")
    assert app.flush_saves(timeout=10)
    assert only_session(data_dir)["status"] == "paused"


async def test_a_failed_background_save_is_retried(data_dir, clock, monkeypatch):
    app = make_app(data_dir, clock=clock, save_in_background=True)
    real_commit = app.store.commit
    broken = [True]

    def commit(path, data):
        if broken[0]:
            raise OSError(28, "No space left on device")
        real_commit(path, data)

    monkeypatch.setattr(app.store, "commit", commit)
    app._writer._commit = commit
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        assert app.flush_saves(timeout=10)
        await pilot.pause()
        assert app._unsaved
        assert not list(data_dir.glob("*.session.toml"))
        broken[0] = False
        app._retry_save()
        assert app.flush_saves(timeout=10)
        await pilot.pause()
        assert not app._unsaved
        assert only_session(data_dir)["topic"] == "the dishes"


async def test_a_long_history_is_listed_from_the_background(data_dir, clock):
    """More session files than BACKGROUND_SCAN_FILES: home appears, then the list follows."""
    from datetime import timedelta

    from accord.domain.model import Couple
    from accord.storage.store import Store
    from accord.ui.screens.home import BACKGROUND_SCAN_FILES, HomeScreen
    from tests.conftest import build_paused

    store = Store(data_dir)
    store.save_couple(Couple(names=["Kim", "Lee"], safety_notice_seen=True))
    for n in range(BACKGROUND_SCAN_FILES + 1):
        store.save(build_paused(topic=f"Topic {n}", start=clock() + timedelta(minutes=n)))
    app = make_app(data_dir, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.refresh_lists()  # asked again while reading: read once more afterwards
        app.screen.refresh_lists()
        for _ in range(2):
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert not app.screen._scanning
        paused = app.screen.query_one("#paused")
        assert paused.option_count == BACKGROUND_SCAN_FILES + 1
        assert paused.get_option_at_index(0).id == store.scan().sessions[0].id
