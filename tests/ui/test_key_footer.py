"""The footer's keys: compact from the start, in the first frame, and rebuilt only when what
they show changes, never behind another screen."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets._footer import FooterKey

from accord.domain.model import Couple
from accord.ui.screens.home import HomeScreen
from accord.ui.widgets.key_footer import KeyFooter


def rebuilds(monkeypatch) -> list[bool]:
    """For each rebuild of a footer's keys from now on: was its screen the one on top?"""
    seen: list[bool] = []
    original = KeyFooter.recompose

    async def recompose(footer):
        seen.append(footer.screen is footer.app.screen)
        await original(footer)

    monkeypatch.setattr(KeyFooter, "recompose", recompose)
    return seen


def home_screen_app(app_factory, store):
    """An app that opens on the home screen (a couple who has seen the welcome)."""
    store.save_couple(Couple(names=["Kim", "Lee"], safety_notice_seen=True))
    return app_factory()


async def test_the_footer_keys_have_their_compact_class_before_they_mount(app_factory, store,
                                                                         monkeypatch):
    already = []  # for each key, as Textual sets its compact class: was it there already?
    original = FooterKey._watch_compact

    def watch(key, compact):
        already.append(key.has_class("-compact") == compact)
        original(key, compact)

    monkeypatch.setattr(FooterKey, "_watch_compact", watch)
    app = home_screen_app(app_factory, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        footer = app.screen.query_one(KeyFooter)
        keys = footer.query(FooterKey)
        assert len(keys) >= 4
        assert all(key.has_class("-compact") for key in keys)
        assert {key.description for key in keys} >= {"Help", "Time-out", "Quit"}
    assert already and all(already)


async def test_a_covered_screens_footer_waits_and_is_right_when_shown_again(app_factory, store,
                                                                            monkeypatch):
    """The help over the home screen: the home footer is not rebuilt behind it (that held the
    help's first frame), and shows the same keys once the home screen is back."""
    from accord.ui.screens.notices import HelpScreen

    rebuilt = rebuilds(monkeypatch)
    app = home_screen_app(app_factory, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        footer = app.screen.query_one(KeyFooter)
        before = [key.description for key in footer.query(FooterKey)]
        rebuilt.clear()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert False not in rebuilt  # nothing rebuilt behind the help
        rebuilt.clear()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert all(rebuilt)  # if rebuilt at all, then once the home screen was showing again
        assert [key.description for key in footer.query(FooterKey)] == before


class Toggles(App[None]):
    """One key that shows or hides another, as a session screen's keys follow its phase."""

    BINDINGS = [Binding("x", "flip", "Flip"), Binding("y", "extra", "Extra")]
    extra_on = False

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.extra_on if action == "extra" else True

    def action_flip(self) -> None:
        self.extra_on = not self.extra_on
        self.refresh_bindings()


async def test_the_keys_are_rebuilt_only_when_what_they_show_changes(monkeypatch):
    rebuilt = rebuilds(monkeypatch)
    app = Toggles()
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.screen.query_one(KeyFooter)
        await pilot.pause()
        assert [key.description for key in footer.query(FooterKey)] == ["Flip"]
        built = len(rebuilt)  # built once the screen said its keys were ready
        await pilot.press("x")
        await pilot.pause()
        assert [key.description for key in footer.query(FooterKey)] == ["Flip", "Extra"]
        assert len(rebuilt) == built + 1
        app.refresh_bindings()  # nothing changed: nothing rebuilt
        await pilot.pause()
        app.screen.refresh_bindings()
        await pilot.pause()
        assert len(rebuilt) == built + 1
