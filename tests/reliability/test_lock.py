"""A session open in one accord is locked: a second accord is told, and never writes to it."""

from __future__ import annotations

import sys
import time
import tomllib

import pytest

from accord.cli.main import main
from accord.storage.lock import SessionLock, is_locked, lock_path
from accord.ui.app import make_app
from tests.reliability.crash import SETTLE, play, step_index
from tests.reliability.pty_app import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fcntl and a pty")


def test_a_lock_is_exclusive_and_released(tmp_path):
    first = SessionLock(lock_path(tmp_path, "20261121-120000-abcd"))
    assert first.acquire()
    assert is_locked(tmp_path, "20261121-120000-abcd")
    assert not SessionLock(lock_path(tmp_path, "20261121-120000-abcd")).acquire()
    first.release()
    assert not is_locked(tmp_path, "20261121-120000-abcd")
    assert oct(lock_path(tmp_path, "20261121-120000-abcd").stat().st_mode & 0o777) == "0o600"


async def test_the_app_will_not_open_a_session_open_elsewhere(isolated_data, paused_factory, store):
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
            assert app.session is None
            assert any("another accord window" in str(n.message)
                       for n in app._notifications)
    finally:
        other.release()
    assert store.session_path(session.id).read_bytes() == before


def test_two_accords_on_one_session(tmp_path, capsys):
    folder = tmp_path / "data"
    with Terminal(["--data-dir", str(folder)]) as first:
        assert first.wait_for("read this", timeout=30)
        time.sleep(SETTLE)
        play(first, folder, 0, step_index("speak-1"))
        (path,) = folder.glob("*.session.toml")
        session_id = path.name.split(".")[0]
        # A second accord, from the command line: told clearly, exits non-zero.
        assert main(["resume", "--data-dir", str(folder)]) == 1
        assert "another accord window" in capsys.readouterr().err
        with Terminal(["resume", session_id, "--data-dir", str(folder)]) as second:
            assert second.wait_for("another accord window", timeout=30, since_mark=False)
            assert second.wait(timeout=20) == 1
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
