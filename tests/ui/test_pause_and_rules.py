"""Pausing and resuming in a new app, the layer rule in the UI, and names shown literally."""

from __future__ import annotations

from accord.domain.model import Layer, Status
from accord.ui.screens.agree import AgreeScreen
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.sort import SortScreen
from accord.ui.screens.talk import TalkScreen
from accord.ui.screens.timeout import TimeoutScreen
from tests.ui.helpers import only_session, start_session, type_text


async def to_talk(pilot, names=("Sam", "Alex")) -> None:
    await start_session(pilot, names=names)
    await pilot.press("ctrl+n")  # past prepare
    await pilot.pause()
    assert isinstance(pilot.app.screen, TalkScreen)


async def test_pause_mid_talk_and_resume_in_a_new_app(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_talk(pilot)
        await type_text(pilot, "I miss you")
        await pilot.press("ctrl+s")  # Sam yields; Alex is reflecting
        await type_text(pilot, "You miss")  # Alex, mid-sentence
        await pilot.press("f3")  # pause
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    saved = only_session(data_dir)
    assert saved["status"] == "paused"
    assert saved["floor"] == saved["floor"] | {"holder": "a", "phase": "reflecting",
                                               "draft": "You miss"}

    clock.advance(hours=3)
    again = app_factory()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
        await pilot.press("r")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, TalkScreen)
        assert again.session.floor.holder == "a"
        assert again.session.floor.phase == "reflecting"
        assert screen.editor_text() == "You miss"
        assert "I miss you" in str(screen.query_one("#context").render())
        assert again.session.status == Status.ACTIVE


async def test_resume_from_the_command_line_id(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test() as pilot:
        await to_talk(pilot)
        await pilot.press("ctrl+q")  # quitting pauses
    saved = only_session(data_dir)
    assert saved["status"] == "paused"
    again = app_factory(resume=saved["id"])
    async with again.run_test() as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TalkScreen)


async def test_a_time_out_survives_quitting(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test() as pilot:
        await to_talk(pilot)
        await pilot.press("ctrl+t", "1")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutScreen)
        await pilot.press("ctrl+q")
    saved = only_session(data_dir)
    assert saved["status"] == "paused"
    assert "actual_return" not in saved["timeouts"][0]
    clock.advance(minutes=5)
    again = app_factory(resume=saved["id"])
    async with again.run_test() as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TimeoutScreen)
        assert again.screen.remaining() == 15 * 60
        assert again.session.status == Status.ACTIVE
        clock.advance(minutes=15)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(again.screen, TalkScreen)
    resumed = only_session(data_dir)
    assert resumed["status"] == "active"
    assert resumed["timeouts"][0]["outcome"] == "resumed"


async def test_a_layer_one_issue_cannot_become_an_agreement(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_talk(pilot)
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        while app.session.issues:
            await pilot.press("x")
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "Being spoken to with respect")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        detail = str(app.screen.query_one("#detail").render())
        assert "not bargained" in detail
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)
        assert app.screen.query_one("#agree-issues").option_count == 0
        await pilot.press("ctrl+g")  # try to write an agreement anyway
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)
    saved = only_session(data_dir)
    assert saved["issues"][0]["layer"] == Layer.FOUNDATION
    assert "agreements" not in saved or saved["agreements"] == []


async def test_names_with_markup_show_their_brackets(app_factory, data_dir):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await to_talk(pilot, names=("[bold]Sam", "Alex[/]"))
        banner = app.screen.query_one("#banner").render()
        assert "[BOLD]SAM" in str(banner)
        balance = str(app.screen.query_one("#balance").render())
        assert "[bold]Sam" in balance and "Alex[/]" in balance
    assert only_session(data_dir)["partners"]["a"]["name"] == "[bold]Sam"
