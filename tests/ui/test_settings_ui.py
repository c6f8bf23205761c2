"""Settings reach the app: keys, defaults for set-up, the theme, and problems reported."""

from __future__ import annotations

import tomllib

from accord.ui.app import make_app
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.setup import SetupScreen
from accord.ui.screens.timeout import TimeoutRequest
from tests.ui.helpers import FakeClock


def write(folder, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(text, encoding="utf-8")


async def test_keymap_and_defaults_from_the_file(tmp_path, data_dir):
    config = tmp_path / "config"
    write(config, 'turn_minutes = 4\ntimeout_minutes = 25\nkeep_transcript = false\n'
                  '[keymap]\n"accord.timeout" = "f9"\n"home.new" = "s"\n')
    app = make_app(data_dir, clock=FakeClock(), config_dir=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # past the welcome
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#turn").value == "4"
        assert app.screen.query_one("#timeout").value == "25"
        assert app.screen.query_one("#keep").value is False
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutRequest)
        assert app.screen.query_one("#minutes").value == "25"


async def test_bad_settings_are_reported_and_the_app_still_runs(tmp_path, data_dir):
    config = tmp_path / "config"
    write(config, 'them = "light"\n')
    app = make_app(data_dir, clock=FakeClock(), config_dir=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("did you mean 'theme'" in m for m in messages), messages
        assert app.theme == "accord-dark"


async def test_the_theme_is_chosen_in_settings_and_remembered(tmp_path, data_dir):
    config = tmp_path / "config"
    app = make_app(data_dir, clock=FakeClock(), config_dir=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.click("#theme-light")
        await pilot.pause()
        assert app.theme == "accord-light"
    saved = tomllib.loads((config / "settings.toml").read_text(encoding="utf-8"))
    assert saved == {"theme": "light"}
    again = make_app(data_dir, clock=FakeClock(), config_dir=config)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "accord-light"


async def test_first_run_remembers_names_and_colours(data_dir, tmp_path):
    app = make_app(data_dir, clock=FakeClock(), config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#name-a").focus()
        await pilot.press("tab", "right")  # Robin's colour: the next one along not Jo's
        app.screen.query_one("#name-a").focus()
        await pilot.press(*"Robin", "enter")
        await pilot.press(*"[Jo]")
        await pilot.click("#close")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    couple = tomllib.loads(next(data_dir.glob("couple*.toml")).read_text(encoding="utf-8"))
    assert couple["names"] == ["Robin", "[Jo]"]
    assert couple["safety_notice_seen"] is True
    colours = couple.get("colours") or couple.get("colors")
    assert colours == ["#23968a", "#d0702c"]  # Teal, over Jo's Orange: never the same


async def test_the_palette_offers_the_screen_actions_and_the_time_out(tmp_path, data_dir):
    app = make_app(data_dir, clock=FakeClock(), config_dir=tmp_path / "config")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"New session", "Resume", "Agreements", "Time-out", "Help",
                "Safety notice", "Settings", "Use the light theme"} <= set(titles)


async def test_no_color_is_respected(tmp_path, data_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir, clock=FakeClock(), config_dir=tmp_path / "config")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.no_color
        assert any(type(f).__name__ in ("Monochrome", "NoColor") for f in app._filters)
