"""The first-run welcome, safety notice included, fits at 80x24 without scrolling."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from accord.ui.screens.notices import WelcomeScreen
from tests.snapshots.scenes import build_app


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_welcome_and_its_safety_notice_fit_without_scrolling(tmp_path, size):
    app = build_app("welcome", tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        scroll = screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y == 0
        text = screen.query_one("VerticalScroll Static").render().plain
        for needed in ("feel safe with each other", "not therapy", "afraid", "violence",
                       "helpline", "emergency number", "in front of the other", "F2",
                       "Ctrl+T"):
            assert needed in text
        assert screen.query_one("#close").region.bottom <= size[1]
