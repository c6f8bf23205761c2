"""The footer's keys are compact from the start, so mounting them does not restyle them."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from accord.domain.model import Couple
from accord.ui.screens.home import HomeScreen
from accord.ui.widgets.key_footer import KeyFooter


async def test_the_footer_keys_have_their_compact_class_before_they_mount(app_factory, store,
                                                                         monkeypatch):
    already = []  # for each key, as Textual sets its compact class: was it there already?
    original = FooterKey._watch_compact

    def watch(key, compact):
        already.append(key.has_class("-compact") == compact)
        original(key, compact)

    monkeypatch.setattr(FooterKey, "_watch_compact", watch)
    store.save_couple(Couple(names=["Kim", "Lee"], safety_notice_seen=True))
    app = app_factory()
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
    help's first frame), and is rebuilt once the home screen is back, with the same keys."""
    from accord.ui.screens.notices import HelpScreen

    rebuilt = []
    original = KeyFooter.recompose

    async def recompose(footer):
        rebuilt.append(footer.screen is app.screen)
        await original(footer)

    monkeypatch.setattr(KeyFooter, "recompose", recompose)
    store.save_couple(Couple(names=["Kim", "Lee"], safety_notice_seen=True))
    app = app_factory()
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
        assert rebuilt and all(rebuilt)  # rebuilt once the home screen was showing again
        assert [key.description for key in footer.query(FooterKey)] == before
