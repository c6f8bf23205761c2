"""A session open in one accord is locked: a second accord is told, and never writes to it."""

from __future__ import annotations

import sys
import time
import tomllib

import pytest

from accord.cli.main import main
from accord.storage.lock import SessionLock, is_locked, lock_path
from accord.ui.app import make_app
from tests.reliability.crash import SETTLE, TOPIC, play, step_index
from tests.reliability.pty_app import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fcntl and a pty")


def test_a_lock_is_exclusive_and_released(tmp_path):
    first = SessionLock(lock_path(tmp_path, "20261121-120000-abcd"))
    assert first.acquire()
    assert is_locked(tmp_path, "20261121-120000-abcd")
    assert not SessionLock(lock_path(tmp_path, "20261121-120000-abcd")).acquire()
    assert oct(lock_path(tmp_path, "20261121-120000-abcd").stat().st_mode & 0o777) == "0o600"
    first.release()
    assert not is_locked(tmp_path, "20261121-120000-abcd")


def test_no_lock_file_is_left_behind(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    lock = SessionLock(lock_path(folder, "20261121-120000-abcd"))
    assert lock.acquire()
    assert lock.path.exists()
    lock.release()
    assert not is_locked(folder, "20261121-120000-abcd")
    assert list(folder.iterdir()) == []


def test_a_lock_on_a_file_removed_meanwhile_is_not_held(tmp_path, monkeypatch):
    """The holder removes the file as it lets go; whoever opened that file just before and
    then got its lock holds a lock on nothing, so they take the new file's lock instead."""
    import fcntl

    import accord.storage.lock as lock_module

    path = lock_path(tmp_path, "20261121-120000-abcd")
    holder = SessionLock(path)
    assert holder.acquire()
    real_flock = fcntl.flock
    calls = []

    def flock(fd, op):
        calls.append(op)
        if len(calls) == 1:  # the first try: the holder lets go between open and flock
            monkeypatch.setattr(lock_module.fcntl, "flock", real_flock)
            holder.release()
            monkeypatch.setattr(lock_module.fcntl, "flock", flock)
        return real_flock(fd, op)

    monkeypatch.setattr(lock_module.fcntl, "flock", flock)
    taker = SessionLock(path)
    assert taker.acquire()
    assert len(calls) == 2  # locked the removed file, saw it was gone, locked the new one
    monkeypatch.setattr(lock_module.fcntl, "flock", real_flock)
    assert path.exists() and not SessionLock(path).acquire()
    taker.release()
    assert not path.exists()


def test_a_leftover_lock_file_from_a_crash_is_taken_and_then_removed(tmp_path):
    path = lock_path(tmp_path, "20261121-120000-abcd")
    path.write_bytes(b"")
    lock = SessionLock(path)
    assert lock.acquire()
    lock.release()
    assert not path.exists()


async def test_the_app_only_shows_a_session_open_elsewhere(isolated_data, paused_factory, store):
    from accord.ui.screens.readonly import ReadOnlyScreen

    data_dir = isolated_data
    session = paused_factory()
    store.save(session)
    before = store.session_path(session.id).read_bytes()
    other = SessionLock(lock_path(data_dir, session.id))
    assert other.acquire()  # another accord has it open
    try:
        app = make_app(data_dir)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.open_session(session.id)
            await pilot.pause()
            assert app.session is None  # not opened: shown to read
            assert isinstance(app.screen, ReadOnlyScreen)
            assert "another accord window" in str(app.screen.query_one("#readonly-title")
                                                  .render())
    finally:
        other.release()
    assert store.session_path(session.id).read_bytes() == before


def test_two_accords_on_one_session(tmp_path):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)]) as first:
        assert first.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(first, folder, 0, step_index("speak-1"))
        (path,) = folder.glob("*.session.toml")
        session_id = path.name.split(".")[0]
        before = path.read_bytes(), path.stat().st_mtime_ns
        # A second accord, from the command line: told clearly, and shown it to read.
        with Terminal(["resume", session_id, "--data-dir", str(folder)]) as second:
            assert second.wait_for("read only here", timeout=30, since_mark=False)
            assert second.wait_for(f"{TOPIC}  Conversation · started", timeout=10,
                                   since_mark=False)
            second.mark()
            second.press("escape")
            assert second.wait_for("Paused sessions", timeout=20)
            second.press("ctrl+q")
            assert second.wait(timeout=20) == 0
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        # The first goes on as if nothing happened.
        first.mark()
        first.type("still mine")
        first.press("ctrl+s")
        assert first.wait_for("reflecting", timeout=20)
        first.press("ctrl+q")
        assert first.wait(timeout=20) == 0
    assert not is_locked(folder, session_id)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["turns"][0]["statements"][0]["text"] == "still mine"
    assert saved["status"] == "paused"


def test_resume_says_clearly_that_it_opens_read_only(tmp_path, capsys, monkeypatch,
                                                     paused_factory):
    """`accord resume` in a second terminal: the clear message, then the app (read-only)."""
    import accord.cli.main as cli
    from accord.storage.store import Store

    session = paused_factory()
    Store(tmp_path).save(session)
    launched = []
    monkeypatch.setattr(cli, "_launch", lambda folder, resume=None: launched.append(resume) or 0)
    other = SessionLock(lock_path(tmp_path, session.id))
    assert other.acquire()
    try:
        assert main(["resume", "--data-dir", str(tmp_path)]) == 0
        assert "another accord window" in capsys.readouterr().err
        assert main(["resume", session.id, "--data-dir", str(tmp_path)]) == 0
        assert "read only" in capsys.readouterr().err
    finally:
        other.release()
    assert launched == [session.id, session.id]
    assert main(["resume", session.id, "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""  # not open anywhere: nothing to say
