"""Start-up: work that can wait is done after the first screen, and still done."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import types
from datetime import timedelta

from accord.cli.main import main
from accord.domain.model import Couple
from accord.ui import history
from accord.ui.screens.home import HomeScreen

from ..conftest import T0


async def test_the_garbage_collector_is_back_on_once_the_first_screen_is_drawn(app_factory):
    app = app_factory()
    gc.disable()  # as the command line does while the app starts
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


def test_the_command_line_turns_it_back_on_even_if_the_app_never_draws(monkeypatch, tmp_path):
    class App:
        def run(self):
            assert not gc.isenabled()  # off while starting

    module = types.ModuleType("accord.ui.app")
    module.make_app = lambda data_dir, *, resume=None: App()
    monkeypatch.setitem(sys.modules, "accord.ui.app", module)
    try:
        assert main(["--data-dir", str(tmp_path / "data")]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


PLAIN_ACCORD_PROBE = """
import gc, sys, types
from accord.cli.main import main
early = [m for m in ("accord.domain.model", "accord.storage.store", "argparse") if m in sys.modules]
class App:
    def run(self):
        pass
def make_app(data_dir, *, resume=None):
    import accord.storage.store
    seen.append(gc.isenabled())
    seen.extend(m for m in ("argparse", "tomllib", "tomli_w") if m in sys.modules)
    return App()
seen = []
module = types.ModuleType("accord.ui.app")
module.make_app = make_app
sys.modules["accord.ui.app"] = module
assert main([]) == 0
print(early, seen)
"""


def test_plain_accord_loads_the_data_with_the_collector_held_off_and_builds_no_parser(tmp_path):
    """`accord` as people open it: the model and the store are imported by the app, once the
    garbage collector is held off; no argument parser is built, and with no files yet nothing
    reads or writes TOML."""
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_ACCORD_PROBE], capture_output=True, text=True, check=True,
        env={**os.environ, "ACCORD_DATA_DIR": str(tmp_path / "data"),
             "ACCORD_CONFIG_DIR": str(tmp_path / "config")},
    )
    assert result.stdout.strip() == "[] [False]"


async def test_the_home_lists_are_read_once_at_start_up(app_factory, store, paused_factory,
                                                        monkeypatch):
    store.save_couple(Couple(names=["Sam", "Alex"], safety_notice_seen=True))
    store.save(paused_factory(topic="Bins"))
    scans = []
    real_scan = history.scan
    monkeypatch.setattr(history, "scan", lambda app: scans.append(1) or real_scan(app))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Bins" in str(app.screen.query_one("#paused").get_option_at_index(0).prompt)
    assert len(scans) == 1


async def test_resuming_on_a_first_run_shows_the_welcome_then_the_session(app_factory, store,
                                                                          paused_factory):
    from accord.ui.screens.base import SessionScreen
    from accord.ui.screens.notices import WelcomeScreen

    session = paused_factory(topic="Bins")
    store.save(session)  # a folder with a session but no couple file: the welcome comes first
    app = app_factory(resume=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")  # no names typed: go on
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.session is not None and app.session.topic == "Bins"
        assert any(isinstance(screen, HomeScreen) for screen in app.screen_stack)


FIRST_SCREEN_PROBE = """
import asyncio, sys
from pathlib import Path
from accord.ui.app import make_app

app = make_app(Path(sys.argv[1]))

async def first_screen():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        loaded = [m for m in ("accord.domain.session", "accord.domain.rules",
                              "accord.storage.codec", "accord.storage.render",
                              "accord.storage.index") if m in sys.modules]
        print(type(app.screen).__name__, loaded)

asyncio.run(first_screen())
"""


def first_screen(folder) -> str:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_PROBE, str(folder)], capture_output=True,
        text=True, check=True,
        env={**os.environ, "ACCORD_CONFIG_DIR": str(folder / "config")},
    )
    return result.stdout.strip()


def test_the_welcome_is_drawn_without_loading_sessions_rules_or_their_files(tmp_path):
    """Making a session's dataclasses is most of accord's own start-up work: a first run does
    without them (and without the rules, the session codec and the renderer) until needed."""
    assert first_screen(tmp_path / "data") == "WelcomeScreen []"


def test_a_long_history_is_read_after_the_home_screen_is_drawn(store, paused_factory):
    """With more sessions than are read before the first screen, the home screen is drawn with
    the couple's file alone; the index (and every session class with it) comes in the
    background scan that follows."""
    store.save_couple(Couple(names=["Sam", "Alex"], safety_notice_seen=True))
    for number in range(history.BACKGROUND_SCAN_FILES + 1):  # one a minute: ids differ
        store.save(paused_factory(topic=f"Topic {number}", start=T0 + timedelta(minutes=number)))
    assert first_screen(store.root) == "HomeScreen []"
