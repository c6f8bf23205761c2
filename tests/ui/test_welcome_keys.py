"""The first-run welcome by keys alone: names, colours, Enter-Enter to finish, and the couple
file it saves; text boxes that keep what is written when focused again."""

from __future__ import annotations

from accord.domain.model import Couple
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.notices import WelcomeScreen
from accord.ui.screens.setup import SetupScreen
from accord.ui.themes import DEFAULT_COLORS, PALETTE


async def test_names_and_colours_by_keys_then_enter_enter_finishes(app_factory, store):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("tab", "right")  # one along, over the other's Orange: Teal
        await pilot.press("tab", "tab", "left")  # the second colour, one back: Blue
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one("#name-a")
        await pilot.press(*"Rosa", "enter")
        assert app.focused is app.screen.query_one("#name-b")
        await pilot.press(*"Ben", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    couple = store.load_couple()
    assert couple.names == ["Rosa", "Ben"]
    assert couple.colors == [PALETTE["Teal"], PALETTE["Blue"]]
    assert couple.safety_notice_seen


async def test_two_names_and_two_enters_keep_the_usual_colours(app_factory, store):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Mara", "enter", *"Teo", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    couple = store.load_couple()
    assert couple.names == ["Mara", "Teo"]
    assert couple.colors == list(DEFAULT_COLORS)


async def test_enter_in_the_second_name_goes_back_to_an_empty_first(app_factory, store):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#name-b").focus()
        await pilot.press(*"Ben", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#name-a")
        await pilot.press(*"Rosa", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.load_couple().names == ["Rosa", "Ben"]


async def test_a_colour_changes_by_arrows_and_enter_moves_on(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        colour = app.screen.query_one("#colour-a")
        await pilot.press("tab")
        assert app.focused is colour
        assert "Blue" in str(colour.render())  # named, not only coloured
        await pilot.press("left")  # round from the first to the last
        assert colour.value == PALETTE["Green"]
        assert "Green" in str(colour.render())
        await pilot.press("enter")  # nothing opens: on to the next box
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is app.screen.query_one("#name-b")


async def test_back_in_a_filled_name_typing_adds_to_it(app_factory, store):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Ros", "tab", "shift+tab", "a")
        assert app.screen.query_one("#name-a").value == "Rosa"


async def test_the_setup_keeps_a_name_when_tabbed_into(app_factory, store):
    store.save_couple(Couple(names=["Rosa", "Ben"], safety_notice_seen=True))
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.focused is app.screen.query_one("#topic")
        await pilot.press("shift+tab", *"ny")
        assert app.screen.query_one("#name-b").value == "Benny"


async def test_up_and_down_change_a_colour_as_in_a_list(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        colour = app.screen.query_one("#colour-a")
        await pilot.press("tab", "down")
        assert colour.value != PALETTE["Blue"]
        await pilot.press("up")
        assert colour.value == PALETTE["Blue"]


async def test_help_on_the_welcome_is_about_the_welcome(app_factory):
    from accord.guide import STEP_HELP
    from accord.ui.screens.notices import HelpScreen

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.topic == "welcome"
        text = str(app.screen.query_one("Static").render())
        assert STEP_HELP["welcome"][:40] in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_the_two_partners_never_get_the_same_colour(app_factory):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        one, other = app.screen.query_one("#colour-a"), app.screen.query_one("#colour-b")
        await pilot.press("tab")
        seen = set()
        for key in ["right"] * 6 + ["left"] * 6:
            await pilot.press(key)
            assert one.value != other.value
            seen.add(one.value)
        assert len(seen) == len(PALETTE) - 1  # every colour but the other's
        await pilot.press("tab", "tab")
        assert app.focused is other
        for key in ("left", "up", "down", "right"):
            await pilot.press(key)
            assert one.value != other.value
