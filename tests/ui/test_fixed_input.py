"""The review's search box: typing repaints the box alone, never the whole screen's layout,
and it scrolls and shows its text exactly as Textual's own Input does."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from accord.ui.widgets.fixed_input import FixedInput


class Box(FixedInput):
    layouts = 0  # how many times it asked for a layout

    def refresh(self, *regions, **options):
        self.layouts += bool(options.get("layout"))
        return super().refresh(*regions, **options)


class BoxApp(App):
    CSS = "Input { width: 12; }"

    def compose(self) -> ComposeResult:
        yield Input(compact=True, placeholder="Search", id="stock")
        yield Box(compact=True, placeholder="Search", id="fixed")
        yield Static("below", id="below")


async def test_typing_asks_for_no_layout_and_shows_what_an_input_shows():
    app = BoxApp()
    async with app.run_test(size=(40, 6)) as pilot:
        stock, box = app.query_one("#stock", Input), app.query_one(Box)
        steps = [list("abcdefghijklmnop"), ["home", "right", "right"], ["end"],
                 ["backspace"] * 12, ["left", "x"]]
        seen = {}
        for field in (stock, box):
            field.focus()
            await pilot.pause()
            box.layouts = 0
            states = []
            for keys in steps:
                await pilot.press(*keys)
                await pilot.pause()
                states.append((field.value, field.scroll_offset, field.render_line(0).text,
                               field.cursor_screen_offset.x - field.region.x))
            seen[field.id] = states
        assert seen["fixed"] == seen["stock"]
        assert "nop" in seen["fixed"][0][2] and "abc" not in seen["fixed"][0][2]
        assert seen["fixed"][-1][0] == "abcxd"
        assert box.layouts == 0 and app.query_one("#below").region.y == 2
