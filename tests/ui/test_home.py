"""The home screen: unreadable files reported, paused sessions listed, the safety notice once."""

from __future__ import annotations

from accord.ui.screens.home import START_SCAN_DELAY, HomeScreen
from accord.ui.screens.notices import WelcomeScreen


async def test_an_unreadable_file_is_named_with_its_reason_and_left_alone(app_factory, data_dir,
                                                                          store, paused_factory):
    store.save(paused_factory(topic="Bedtimes"))
    broken = data_dir / "20260101-000000-dead.session.toml"
    broken.write_text("schema = 1\ntopic = [unclosed\n", encoding="utf-8")
    before = broken.read_bytes()
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, WelcomeScreen):
            await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        problems = str(app.screen.query_one("#problems").render())
        assert "20260101-000000-dead.session.toml" in problems
        assert "line 2" in problems  # the reason, with where the file goes wrong
        paused = app.screen.query_one("#paused")
        assert paused.option_count == 1
        assert "Bedtimes" in str(paused.get_option_at_index(0).prompt)
    assert broken.read_bytes() == before


async def test_the_full_safety_notice_shows_on_first_run_only(app_factory, data_dir):
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    again = app_factory()
    async with again.run_test() as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        assert "afraid" in str(again.screen.query_one("#safety-line").render())


async def test_first_run_starts_in_the_name_field_and_keeps_the_names(app_factory, store):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#name-a")
        await pilot.press(*"Rosa", "enter")
        assert app.focused is app.screen.query_one("#name-b")  # Enter moves on, not out
        await pilot.press(*"Ben")
        await pilot.click("#close")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.load_couple().names == ["Rosa", "Ben"]


async def test_a_long_history_is_read_after_the_home_screen_appears(app_factory, store,
                                                                    paused_factory, monkeypatch):
    from accord.ui import history

    monkeypatch.setattr(history, "BACKGROUND_SCAN_FILES", 2)  # three files count as "long" here
    for topic in ("Bins", "Holidays", "Weekends"):
        store.save(paused_factory(topic=topic))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, WelcomeScreen):
            await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        await pilot.pause(START_SCAN_DELAY + 0.1)  # the reading starts after this
        await app.workers.wait_for_complete()
        await pilot.pause()
        paused = app.screen.query_one("#paused")
        topics = {str(paused.get_option_at_index(i).prompt).split("  ")[0]
                  for i in range(paused.option_count)}
        assert topics == {"Bins", "Holidays", "Weekends"}


async def test_no_collection_runs_while_a_long_history_is_read(app_factory, store,
                                                              paused_factory, monkeypatch):
    """With thousands of sessions, collections while their summaries were being made held the
    screen in the middle of key presses: the collector is off while the thread reads them,
    back on after, and what was read is set aside."""
    import gc

    from accord.storage.index import Index
    from accord.ui import history

    monkeypatch.setattr(history, "BACKGROUND_SCAN_FILES", 2)
    for topic in ("Bins", "Holidays", "Weekends"):
        store.save(paused_factory(topic=topic))
    seen = []
    real = Index.scan

    def watched(index):
        seen.append(gc.isenabled())
        return real(index)

    monkeypatch.setattr(Index, "scan", watched)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, WelcomeScreen):
            await pilot.press("enter")
        await pilot.pause(START_SCAN_DELAY + 0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen and not any(seen)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0


async def test_at_80x24_the_paused_session_is_in_view_under_the_agreements_due(
        app_factory, store, paused_factory):
    """Many agreements due must not push the session r resumes off the screen."""
    from datetime import timedelta

    from tests.conftest import build_session
    from tests.ui.helpers import START

    for days in (30, 25, 20):  # four confirmed agreements each, all due by now
        store.save(build_session(topic=f"Topic {days}", start=START - timedelta(days=days)))
    store.save(paused_factory(topic="Bins"))
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if isinstance(app.screen, WelcomeScreen):
            await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#due-list").option_count >= 6
        paused = app.screen.query_one("#paused")
        first_row = paused.content_region.y  # where the first paused session's lines start
        assert "Bins" in str(paused.get_option_at_index(0).prompt)
        shown_until = app.screen.query_one("#home").content_region.bottom  # inside its padding
        assert first_row + 2 <= shown_until  # both its lines


async def test_a_loose_folder_is_reported_after_the_welcome_not_over_the_names(app_factory,
                                                                                data_dir):
    data_dir.mkdir()
    data_dir.chmod(0o755)  # others may read it
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(1.0)  # well past the check's delay
        assert isinstance(app.screen, WelcomeScreen)
        assert not [n for n in app._notifications if n.title == "Private?"]
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.1)
            if [n for n in app._notifications if n.title == "Private?"]:
                break
        assert [n for n in app._notifications if n.title == "Private?"]
