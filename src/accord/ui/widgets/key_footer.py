"""The footer every full screen shows: Textual's compact Footer, without the palette key.

Textual gives a compact footer's keys their ``-compact`` class only once each key is mounted,
and styles that key again when it does: about a dozen keys restyled one by one just after a
screen is first drawn, while the first key pressed waits. Here each key has the class before
it is mounted, so it is styled once, the same way.

Textual also rebuilds a footer whenever its screen's keys may have changed, and a screen that
another covers (the help, a time-out, a question) says so as it is covered: its footer was
rebuilt, restyled and laid out again behind the new screen, while that screen waited to be
drawn. Nothing can change a covered screen's keys, and when it is shown again it says so once
more, so its footer waits until then.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, show_command_palette=False, **kwargs)

    def bindings_changed(self, screen: Screen) -> None:
        if screen is screen.app.screen or not self._bindings_ready:
            super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if self.compact and isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget
