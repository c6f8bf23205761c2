"""A tick box and a radio button whose mark shows only when chosen.

Textual draws the same mark in both states and tells them apart by colour alone; with
NO_COLOR, or a tired eye, "chosen" and "not chosen" look the same. These show ✓ / ● when
chosen and an empty box when not.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox, RadioButton
from textual.widgets._toggle_button import ToggleButton


class Tick(Checkbox):
    ON, OFF = "✓", " "

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = self.ON if self.value else self.OFF
        return ToggleButton._button.fget(self)


class Choice(RadioButton):
    ON, OFF = "●", " "

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = self.ON if self.value else self.OFF
        return ToggleButton._button.fget(self)
