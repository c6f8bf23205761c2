"""A session open in another accord: shown here to read, and never written, locked or changed."""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from accord.domain import rules
from accord.domain.model import Couple, Step
from accord.storage.index import INDEX_FILE
from accord.storage.lock import SessionLock, is_locked, lock_path
from accord.storage.store import Store
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.notices import HelpScreen
from accord.ui.screens.readonly import ReadOnlyScreen
from accord.ui.screens.timeout import TimeoutRequest
from tests.conftest import T0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fcntl")

#: Names that are markup, and a colour that is not a colour: shown literally, never obeyed.
NAMES = ("[bold]Sam[/bold]", "Alex")


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder, with its bytes and modification time; not the summary index,
    which the home screen keeps up to date on its own (a copy of the files, never the truth),
    nor the lock files, which come and go with the other window's lock."""
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())
            if path.name != INDEX_FILE and not path.name.endswith(".lock")}


def screen_text(screen: ReadOnlyScreen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(".line"))


@pytest.fixture
def open_elsewhere(store, session_factory):
    """A session another accord has open: saved, and its lock held (as that accord would)."""
    session = session_factory(NAMES, "The [link=x]dishes[/link]", closed=False)
    session.partners["b"].color = "not a colour"
    rules.pause(session, T0 + timedelta(hours=1))
    store.save(session)
    store.save_couple(Couple(names=list(NAMES), safety_notice_seen=True))
    other = SessionLock(lock_path(store.root, session.id))
    assert other.acquire()
    yield session, other
    other.release()


async def test_it_opens_read_only_and_nothing_is_ever_written(app_factory, data_dir,
                                                              open_elsewhere):
    session, other = open_elsewhere
    before = folder_state(data_dir)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("r")  # resume the highlighted paused session
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadOnlyScreen)
        assert app.session is None and app._lock is None
        banner = str(screen.query_one("#readonly-title").render())
        assert "another accord window" in banner and "read only" in banner
        text = screen_text(screen)
        for shown in ("The [link=x]dishes[/link]", "[bold]Sam[/bold] & Alex", "Step: Close",
                      "I feel tired when the sink is full; I need rest.",
                      "Alex heard: You are tired.", "partly, there's more", "(said aloud)",
                      "Foundation", "Feeling safe to speak", "Alex rests first, then we talk.",
                      "Not placed yet", "Buy a dishwasher", "confirmed by [bold]Sam[/bold]"):
            assert shown in text, shown
        # Every key that changes something on a session screen, and typing: nothing happens.
        await pilot.press("down", "pagedown", "end", "home", "a", "n", "x", "1", "2", "3",
                          "ctrl+s", "ctrl+n", "ctrl+o", "f3", "enter", "tab", "enter", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReadOnlyScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "only read it" in str(app.screen.query_one("Static").render())
        await pilot.press("escape", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutRequest)  # a time-out is still one key away
        await pilot.press("escape")
        await pilot.pause()
        screen.look_again()  # what the poll does: the other window still has it
        assert not screen.freed
        assert not screen.query_one("#readonly-freed").display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert folder_state(data_dir) == before  # not a byte, not a modification time
    assert other.held and is_locked(data_dir, session.id)  # the lock is still the other's
    assert not SessionLock(lock_path(data_dir, session.id)).acquire()


async def test_once_the_other_window_lets_go_it_offers_to_open_it(app_factory, data_dir,
                                                                 open_elsewhere):
    session, other = open_elsewhere
    app = app_factory(resume=session.id)  # as `accord resume ID` in a second terminal
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadOnlyScreen)
        before = folder_state(data_dir)
        # The other window writes (a new issue) while this one reads: the view follows it.
        elsewhere = Store(data_dir)
        changed = elsewhere.load(session.id)
        rules.add_issue(changed, "Phones at dinner", T0 + timedelta(hours=2))
        elsewhere.save(changed)
        os.utime(elsewhere.session_path(session.id), ns=(1, 1))  # surely a new mtime
        written = folder_state(data_dir)
        assert written != before
        screen.look_again()
        await pilot.pause()
        assert "Phones at dinner" in screen_text(screen)
        assert folder_state(data_dir) == written
        assert not screen.freed
        # Nothing offered yet, so r does nothing.
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen and app.session is None
        other.release()  # the other window pauses or closes
        screen.look_again()
        await pilot.pause()
        assert screen.freed and screen.query_one("#readonly-freed").display
        assert "no longer open anywhere else" in str(screen.query_one("#readonly-title").render())
        assert folder_state(data_dir) == written  # offering wrote nothing
        await pilot.press("r")  # only now, because it was asked for
        await pilot.pause()
        assert app.session is not None and app.session.id == session.id
        assert app.session.step == Step.CLOSE
        assert app._lock is not None and app._lock.held
        assert not isinstance(app.screen, ReadOnlyScreen)
        assert "Phones at dinner" in [issue.title for issue in app.session.issues]
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not is_locked(data_dir, session.id)


async def test_words_not_kept_are_not_shown(app_factory, store, session_factory):
    session = session_factory(closed=False)
    session.settings.keep_transcript = False
    store.save(session)
    store.save_couple(Couple(safety_notice_seen=True))
    other = SessionLock(lock_path(store.root, session.id))
    assert other.acquire()
    try:
        app = app_factory(resume=session.id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = screen_text(app.screen)
            assert "What was said is not kept in this session: 2 turns." in text
            assert "sink is full" not in text and "You are tired" not in text
    finally:
        other.release()
