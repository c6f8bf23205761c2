"""The step indicator keeps every step, and names the current one, even at 80 columns."""

from __future__ import annotations

import pytest
from textual.content import Content

from accord.domain.model import KIND_STEPS, STEP_TITLES, Step
from accord.ui.widgets.session_header import step_markup

NARROW = 50  # what the indicator gets at 80 columns, beside Pause and Time-out (checked below)


def shown(markup: str) -> str:
    return Content.from_markup(markup).plain


@pytest.mark.parametrize("kind", KIND_STEPS)
def test_every_step_fits_at_80_columns_with_the_current_one_named(kind):
    steps = KIND_STEPS[kind]
    for current in steps:
        if current == Step.DONE:
            continue
        text = shown(step_markup(current, steps, NARROW))
        assert len(text) <= NARROW, (kind, current, text)
        assert STEP_TITLES[current] in text
        assert text.count("›") == len([s for s in steps if s != Step.DONE
                                       and (s != Step.SETUP or len(steps) <= 7
                                            or current == Step.SETUP)]) - 1


def test_wide_terminals_keep_every_title():
    text = shown(step_markup(Step.OWN, KIND_STEPS["repair"], 70))
    for step in (Step.FEELINGS, Step.ACCOUNTS, Step.TRIGGERS, Step.OWN, Step.DIFFERENTLY):
        assert STEP_TITLES[step] in text


async def test_at_80_by_24_the_indicator_gets_the_room_counted_on(tmp_path):
    from tests.snapshots.scenes import build_app

    app = build_app("repair", tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        steps = app.screen.query_one("#steps")
        assert steps.size.width >= NARROW
        assert "Differently" in steps.render().plain and "Close" in steps.render().plain


async def test_a_check_in_starts_with_its_own_steps_shown(tmp_path):
    from accord.ui.screens.setup import SetupScreen
    from accord.ui.widgets.session_header import SessionHeader
    from tests.snapshots.scenes import build_app

    app = build_app("home", tmp_path / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert len(app.screen.query(SessionHeader)) == 1
        text = app.screen.query_one("#steps").render().plain
        assert "Set up" in text and "Appreciate" in text and "Prepare" not in text
