"""Keys reach the turn editor in the order they were typed, also when they come in a burst."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from accord.ui.widgets.guarded import GuardedTextArea


class Editor(App[None]):
    def compose(self) -> ComposeResult:
        yield GuardedTextArea(id="editor", max_chars=1000)


def burst(app: App, keys: list[str]) -> None:
    """Keys queued at once, as a busy machine hands over what was typed while it was busy."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))


async def test_editing_keys_typed_in_a_burst_apply_in_order() -> None:
    app = Editor()
    async with app.run_test() as pilot:
        editor = app.query_one(GuardedTextArea)
        editor.focus()
        await pilot.pause()
        burst(app, ["h", "e", "l", "l", "o", "ctrl+u", "a", "b", "c", "backspace", "d"])
        await pilot.pause(0.3)
        assert editor.text == "abd"


class Field(App[None]):
    def compose(self) -> ComposeResult:
        from accord.ui.widgets.in_order import Input

        yield Input(id="field")


async def test_a_field_takes_a_burst_of_keys_in_order() -> None:
    app = Field()
    async with app.run_test() as pilot:
        field = app.query_one("#field")
        field.focus()
        await pilot.pause()
        burst(app, ["S", "a", "n", "ctrl+u", "A", "l", "x", "backspace", "e", "x"])
        await pilot.pause(0.3)
        assert field.value == "Alex"


async def test_the_text_boxes_of_a_session_take_their_keys_in_order(app_factory) -> None:
    from textual.widgets import Input, TextArea

    from accord.ui.screens.notices import WelcomeScreen
    from accord.ui.widgets.in_order import KeysInOrder
    from tests.ui.helpers import start_session

    def boxes() -> list:
        return list(app.screen.query(Input)) + list(app.screen.query(TextArea))

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        seen = boxes()
        await start_session(pilot)  # set-up, then prepare
        seen += boxes()
        await pilot.press("ctrl+n")  # on to talk
        await pilot.pause()
        seen += boxes()
        assert len(seen) >= 8
        assert all(isinstance(box, KeysInOrder) for box in seen), [
            type(b).__name__ for b in seen if not isinstance(b, KeysInOrder)]
