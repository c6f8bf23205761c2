"""Screens laid out once for a size still follow a real change of the window's size, and the
agreements review's style sheets read ahead are the very ones opening it would read."""

from __future__ import annotations

from accord.domain.model import Couple
from accord.ui.screens.agreements import AgreementsScreen
from accord.ui.screens.home import WARM_REVIEW_DELAY, HomeScreen
from accord.ui.screens.notices import HelpScreen


def _known_couple(store) -> None:
    store.save_couple(Couple(names=["Kim", "Lee"], safety_notice_seen=True))


async def test_the_help_and_the_home_screen_beneath_follow_a_new_window_size(app_factory,
                                                                             store):
    _known_couple(store)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        home = app.screen_stack[-2]
        assert isinstance(home, HomeScreen)
        assert app.screen.outer_size == home.outer_size == (100, 30)
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.1)
        assert app.screen.outer_size == (120, 40)
        assert home.outer_size == (120, 40)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home
        assert home.query_one("#home").outer_size.width == 120  # laid out for the new width


async def test_the_review_styles_read_ahead_are_those_opening_it_reads(app_factory, store):
    _known_couple(store)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        # the read-ahead comes WARM_REVIEW_DELAY after the home screen's lists are shown; on
        # a busy machine the lists come later, so wait for it (up to 5 s) rather than a fixed
        # time
        def read_ahead() -> bool:
            return any("AgreementsScreen" in name for _, name in app.stylesheet.source)

        await pilot.pause(WARM_REVIEW_DELAY)
        for _ in range(50):
            if read_ahead():
                break
            await pilot.pause(0.1)
        assert isinstance(app.screen, HomeScreen)
        assert read_ahead()  # read ahead, before the review was asked for
        sources = dict(app.stylesheet.source)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgreementsScreen)
        assert dict(app.stylesheet.source) == sources  # opening it added nothing new


async def test_a_screen_is_not_styled_again_when_it_is_first_shown(app_factory, store,
                                                                   monkeypatch):
    """Every widget was styled as it was mounted: the home screen's and the help's first
    showing do not style them all again (the snapshots check they look as they should)."""
    from textual.screen import Screen

    restyled = []
    original = type(app_factory()).update_styles

    def update_styles(app, node, animate=True):
        if isinstance(node, Screen):
            restyled.append(type(node).__name__)
        original(app, node, animate)

    _known_couple(store)
    app = app_factory()
    monkeypatch.setattr(type(app), "update_styles", update_styles)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "HomeScreen" not in restyled and "HelpScreen" not in restyled
