"""A row of filter names with a bar under the chosen one, drawn by one widget.

It looks like Textual's Tabs, which builds ten widgets for five names (each tab, the bar and
three containers around them); mounting, styling and laying those out took a third of the
agreements review's first paint. Here the names and the bar are two lines of one widget.
A click or ``choose`` picks a name and posts :class:`FilterTabs.Chosen`. It does not take
focus: the review's ``f`` key moves to the next filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.style import Style as TextualStyle
from textual.widget import Widget


class FilterTabs(Widget):
    # The colours of Textual's Tab and Underline, so the row looks the same as Tabs.
    DEFAULT_CSS = """
    FilterTabs {
        width: 100%;
        height: 2;
        & > .filter-tabs--name { color: $foreground 50%; }
        & > .filter-tabs--chosen { color: $foreground; }
        & > .filter-tabs--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
    }
    """
    COMPONENT_CLASSES = {"filter-tabs--name", "filter-tabs--chosen", "filter-tabs--bar"}

    @dataclass
    class Chosen(Message):
        """A filter was picked (by a click or :meth:`FilterTabs.choose`)."""

        filter_tabs: FilterTabs
        name: str

        @property
        def control(self) -> FilterTabs:
            return self.filter_tabs

    def __init__(self, names: Sequence[str], chosen: str, **options) -> None:
        super().__init__(**options)
        self.names = tuple(names)
        self.chosen = chosen
        self._hover: str | None = None  # the name under the mouse, drawn as if chosen

    def _spans(self) -> list[tuple[str, int, int]]:
        """Each name with where its label starts and ends: one blank cell either side."""
        spans, x = [], 0
        for name in self.names:
            spans.append((name, x + 1, x + 1 + len(name)))
            x += len(name) + 2
        return spans

    def _name_at(self, x: int) -> str | None:
        for name, start, end in self._spans():
            if start - 1 <= x <= end:
                return name
        return None

    def render_line(self, y: int) -> Strip:
        """The names (y 0) and the bar (y 1), in the very segments Tabs would draw."""
        if y == 0:
            base, background = self.background_colors
            blank = TextualStyle(background=base + background).rich_style  # as padding is drawn
            segments = []
            for name, _, _ in self._spans():
                chosen = name in (self.chosen, self._hover)
                style = self.get_component_rich_style(
                    "filter-tabs--chosen" if chosen else "filter-tabs--name")
                segments += [Segment(" ", blank), Segment(name.capitalize(), style),
                             Segment(" ", blank)]
            return Strip(segments)
        if y == 1:
            colours = self.get_component_rich_style("filter-tabs--bar")
            start, end = next((s, e) for n, s, e in self._spans() if n == self.chosen)
            bar = Bar(highlight_range=(start, end),
                      highlight_style=Style.from_color(colours.color),
                      background_style=Style.from_color(colours.bgcolor))
            console = self.app.console
            line = console.render_lines(bar, console.options.update_width(self.size.width))[0]
            return Strip(line).apply_style(self.rich_style)
        return Strip.blank(self.size.width)

    def choose(self, name: str) -> None:
        if name != self.chosen:
            self.chosen = name
            self.refresh()
            self.post_message(self.Chosen(self, name))

    def on_click(self, event: events.Click) -> None:
        name = self._name_at(event.x)
        if name is not None:
            self.choose(name)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._name_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
