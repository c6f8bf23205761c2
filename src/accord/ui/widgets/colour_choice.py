"""A colour to pick from our palette on one line: a swatch and its name, Left and Right
(or Up and Down, as in a list) change it.

Lighter than a Select (no list to open, no overlay to build), so the first-run welcome draws
sooner, and one key less: Enter never opens anything, it goes on like in a text box.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from accord.ui.text import fmt
from accord.ui.themes import PALETTE, colour_name

COLOURS = tuple(PALETTE.values())


class ColourChoice(Widget, can_focus=True):
    """One of the palette's colours; ``value`` is its hex code."""

    DEFAULT_CSS = """
    ColourChoice { width: 14; height: 1; }
    ColourChoice:focus { background: $primary 20%; }
    """
    BINDINGS = [
        Binding("left,up", "step(-1)", "Colour", show=False),
        Binding("right,down", "step(1)", "Colour", show=False),
    ]

    value: reactive[str] = reactive(COLOURS[0])

    def __init__(self, value: str, **options) -> None:
        super().__init__(**options)
        self.value = value if value in COLOURS else COLOURS[0]
        #: Other choices whose colour this one steps over (two partners, two colours).
        self.apart_from: list[ColourChoice] = []

    def render(self) -> Content:
        # The name says it too: the swatch alone is no help without colour (NO_COLOR).
        arrows = ("[b]‹[/]", "[b]›[/]") if self.has_focus else ("[dim]‹[/]", "[dim]›[/]")
        return fmt(f"{arrows[0]} [on {self.value}]   [/] $name{arrows[1]}",
                   name=f"{colour_name(self.value):<7}")

    def action_step(self, by: int) -> None:
        taken = {other.value for other in self.apart_from}
        at = COLOURS.index(self.value)
        for _ in COLOURS:
            at = (at + by) % len(COLOURS)
            if COLOURS[at] not in taken:
                break
        self.value = COLOURS[at]

    def on_click(self, event: events.Click) -> None:
        self.action_step(-1 if event.x < 2 else 1)

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter":  # on to the next box, as Enter does in a name
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
