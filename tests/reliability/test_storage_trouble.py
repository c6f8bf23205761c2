"""A full disk, a read-only or vanished folder mid-session: told, kept in memory, retried.

The test runner may be root, for whom a read-only folder is still writable, so the failure is
made where the bytes are written: ``write_atomic`` raises the error the system would.
"""

from __future__ import annotations

import errno
import shutil
import socket
import tomllib

import pytest

from accord.cli.main import main
from accord.storage import store as store_module
from accord.storage.privacy import loose_permissions
from accord.ui.app import make_app
from accord.ui.screens.prepare import PrepareScreen
from accord.ui.screens.talk import TalkScreen
from tests.ui.helpers import FakeClock, start_session, type_text


def _saved(folder) -> dict:
    (path,) = folder.glob("*.session.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
async def test_saving_fails_mid_session_then_works_again(isolated_data, monkeypatch, code):
    folder = isolated_data
    app = make_app(folder, clock=FakeClock())
    real_write = store_module.write_atomic
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        assert isinstance(app.screen, PrepareScreen)

        def broken(path, data):
            raise OSError(code, "the disk says no")

        monkeypatch.setattr(store_module, "write_atomic", broken)
        await pilot.press("ctrl+n")  # on to talk: this save fails
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert any("Could not save" in m for m in _messages(app))
        await type_text(pilot, "I feel tired")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _saved(folder)["step"] == "prepare"  # the old file, untouched
        # Quitting now would lose this: accord stays open and says so.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any("Not saved yet" in m for m in _messages(app))
        # The disk is back: the next retry writes everything.
        monkeypatch.setattr(store_module, "write_atomic", real_write)
        app._retry_save()
        await pilot.pause()
        saved = _saved(folder)
        assert saved["turns"][0]["statements"][0]["text"] == "I feel tired"
        assert any("Nothing was lost" in m for m in _messages(app))


async def test_the_data_folder_vanishes_mid_session(isolated_data):
    folder = isolated_data
    app = make_app(folder, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        shutil.rmtree(folder)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
    assert _saved(folder)["step"] == "talk"  # made again, and written


def test_cli_reports_a_folder_it_cannot_use(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code = main(["sessions", "--data-dir", str(not_a_folder)])
    assert code != 0
    assert "accord" in capsys.readouterr().err


async def test_the_app_opens_no_socket_and_writes_only_its_folder(isolated_data, monkeypatch,
                                                                  tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("accord tried to open a network socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    app = make_app(isolated_data, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "I feel tired")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert _saved(isolated_data)["turns"]
    # HOME and the XDG folders point inside tmp_path: nothing may appear outside the data folder.
    outside = [p for p in tmp_path.rglob("*") if isolated_data not in (p, *p.parents)]
    assert all(p.is_dir() for p in outside), [str(p) for p in outside if not p.is_dir()]


def test_loose_permissions_are_found(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / "couple.toml").write_text('schema = 1\nnames = ["A", "B"]\n')
    (folder / "couple.toml").chmod(0o644)
    warnings = loose_permissions(folder)
    assert len(warnings) == 1  # one short note, not one per problem
    assert "chmod 700" in warnings[0] and "chmod 600" in warnings[0]
    assert "1 file in it" in warnings[0]
    folder.chmod(0o700)
    (folder / "couple.toml").chmod(0o600)
    assert loose_permissions(folder) == []


async def test_the_app_warns_about_a_folder_others_can_read(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    app = make_app(folder, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # a first run: the check waits until the welcome is closed
        # The check runs just after the home screen is drawn, in a thread.
        for _ in range(50):
            if any("chmod 700" in m for m in _messages(app)):
                break
            await pilot.pause(0.1)
            await app.workers.wait_for_complete()
        assert any("chmod 700" in m for m in _messages(app))


def test_saved_files_and_new_folders_are_private(store, session_factory):
    path = store.save(session_factory())
    assert path.stat().st_mode & 0o777 == 0o600
    assert store.root.stat().st_mode & 0o777 == 0o700
